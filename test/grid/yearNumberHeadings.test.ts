/**
 * Annual headings that number the year beside its financial year, as business cases print them:
 * "Y1 2024/25", "Year 1 (2024/25)", "2024/25 (Year 1)". The financial year names the period; the
 * number only counts them. Headings that are only one of the two keep their meaning.
 */
import { analysePayback, parsePeriodHeading } from "../../src/engine";
import { detectGrid, flowsFromModel } from "../../src/grid/read";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

const SPELLINGS: [string, (fy: string, n: number) => string][] = [
  ["Y1 2024/25", (fy, n) => `Y${n} ${fy}`],
  ["Yr 1 - 2024/25", (fy, n) => `Yr ${n} - ${fy}`],
  ["Year 1 (2024/25)", (fy, n) => `Year ${n} (${fy})`],
  ["2024/25 (Year 1)", (fy, n) => `${fy} (Year ${n})`],
  ["2024/25 Y1", (fy, n) => `${fy} Y${n}`],
  ["FY2024/25 Yr1", (fy, n) => `FY${fy} Yr${n}`],
];
const FYS = ["2024/25", "2025/26", "2026/27", "2027/28"];

describe("a year number beside the financial year", () => {
  test.each(SPELLINGS)("%s reads as the financial year", (example, spell) => {
    expect(spell("2024/25", 1)).toBe(example);
    FYS.forEach((fy, i) =>
      expect(parsePeriodHeading(spell(fy, i + 1))).toEqual({
        kind: "fy",
        startYear: 2024 + i,
        label: fy,
      })
    );
  });

  test("either alone keeps its own meaning; text around them is not a heading", () => {
    expect(parsePeriodHeading("Y1")).toMatchObject({ kind: "year-number", n: 1 });
    expect(parsePeriodHeading("2024/25")).toMatchObject({ kind: "fy", startYear: 2024 });
    expect(parsePeriodHeading("Y1 savings 2024/25")).toBeNull();
    expect(parsePeriodHeading("(2024/25) Year 1 (2025/26)")).toBeNull();
  });

  test.each(SPELLINGS)("a four-year case headed %s pays back as hand-worked", (_e, spell) => {
    // £100k invested in 2024/25, £40k saved each year from 2025/26: cumulative -100, -60, -20,
    // +20, so break-even in the fourth year, 2027/28 (index 3). Payback from the first
    // investment: three whole years, then 20 of the fourth year's 40 = 3.5 years, 42 months.
    const grid = (head: (fy: string, n: number) => string): SheetSnapshot => ({
      sheetName: "Case",
      top: 0,
      left: 0,
      values: [
        ["£000", ...FYS.map((fy, i) => head(fy, i + 1))],
        ["Investment", -100, 0, 0, 0],
        ["Savings", 0, 40, 40, 40],
      ] as CellValue[][],
    });
    const payback = (s: SheetSnapshot) => {
      const model = detectGrid(s);
      expect(model.periods.map((p) => p.period.key)).toEqual(FYS);
      return analysePayback(flowsFromModel(model, s));
    };
    const spelt = payback(grid(spell));
    const plain = payback(grid((fy) => fy));
    expect(spelt).toEqual(plain);
    expect(spelt.breakEven).toMatchObject({ status: "reached", index: 3 });
    expect(spelt.paybackMonths!.toNumber()).toBe(42);
  });
});
