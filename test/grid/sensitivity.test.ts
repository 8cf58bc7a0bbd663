/**
 * The sensitivity table the write plan puts in ITOS's section: payback in years for each cut and
 * delay of the returns, checked against a formula worked by hand, marked as values ITOS computed,
 * and left out when asked.
 */
import { analyseSheet, planAnalysis, type PlannedCell } from "../../src/grid";
import type { SheetSnapshot } from "../../src/sheet";

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
/** 25 months from Apr-22: 1,200 invested in Apr-22, then 100 saved every month to Apr-24. */
const headers = Array.from({ length: 25 }, (_, i) => {
  const m = (3 + i) % 12;
  const y = 22 + Math.floor((3 + i) / 12);
  return `${MONTHS[(m + 9) % 12]}-${y}`;
});
const snapshot: SheetSnapshot = {
  sheetName: "Case",
  top: 0,
  left: 0,
  values: [
    [null, ...headers],
    ["Investment", -1200, ...new Array(24).fill(null)],
    ["Saving", null, ...new Array(24).fill(100)],
  ],
};

/**
 * By hand: with a cut c and a delay d, 100 (1 - c) a month comes in months 1 + d to 24, and the
 * payback from the start of Apr-22 is 1 + d + 1200 / (100 (1 - c)) months, when the months left
 * in the grid (24 - d) are enough; else never.
 */
function byHand(cut: number, delay: number): number | "never" {
  const monthsNeeded = 1200 / (100 * (1 - cut));
  if (monthsNeeded > 24 - delay + 1e-9) return "never";
  return Math.round(((1 + delay + monthsNeeded) / 12) * 100) / 100;
}

const plan = planAnalysis(analyseSheet(snapshot), snapshot);
const at = (cells: PlannedCell[], row: number, col: number) =>
  cells.find((c) => c.row === row && c.col === col);

test("the table sits in ITOS's section after the period table, tagged ITOS_Sensitivity", () => {
  expect(headers[0]).toBe("Apr-22");
  expect(headers[24]).toBe("Apr-24");
  const name = plan.names.find((n) => n.name === "ITOS_Sensitivity")?.ref;
  const output = plan.names.find((n) => n.name === "ITOS_Output")?.ref;
  // Grid rows 1-3, spacer row 4, section from row 5: title, 12 KPIs, blank, year header + 3 FYs,
  // blank, period header + 25 periods (rows 24-49), blank (50), the table from row 51.
  expect(name).toBe("Case!$A$51:$E$57");
  expect(output).toBe("Case!$A$5:$F$57");
  const title = at(plan.cells, 50, 0);
  expect(title?.value).toMatch(/values computed by ITOS, not formulas/);
  expect(plan.cells.filter((c) => c.row >= 50).every((c) => c.formula === undefined)).toBe(true);
});

test("every cell is the payback worked by hand, or never", () => {
  const cuts = [0, 0.1, 0.2, 0.3, 0.5];
  const delays = [0, 3, 6, 12];
  expect(delays.map((_, j) => at(plan.cells, 51, 1 + j)?.value)).toEqual([
    "0 months",
    "3 months",
    "6 months",
    "12 months",
  ]);
  cuts.forEach((cut, i) => {
    expect(at(plan.cells, 52 + i, 0)?.value).toBe(`${cut * 100}%`);
    delays.forEach((delay, j) =>
      expect({ cut, delay, payback: at(plan.cells, 52 + i, 1 + j)?.value }).toEqual({
        cut,
        delay,
        payback: byHand(cut, delay),
      })
    );
  });
  // The corners by hand: 13 months is 1.08 years; 50% off and 12 months late leaves 12 x 50.
  expect(at(plan.cells, 52, 1)?.value).toBe(1.08);
  expect(at(plan.cells, 56, 4)?.value).toBe("never");
});

test("turned off, the section ends with the period table", () => {
  const without = planAnalysis(analyseSheet(snapshot), snapshot, { sensitivity: false });
  expect(without.names.find((n) => n.name === "ITOS_Sensitivity")).toBeUndefined();
  expect(without.names.find((n) => n.name === "ITOS_Output")?.ref).toBe("Case!$A$5:$F$49");
  expect(without.cells.every((c) => c.row < 49)).toBe(true);
});
