/**
 * Sandwell's headroom against a 3-year limit, as `itos analyse --limit-years 3 --json` gives it,
 * cross-checked with a HyperFormula formulation: the appendix's seven component lines (read from
 * the fixture with exceljs, not through ITOS's reader) on a sheet, the returns cut by c and moved
 * d months later by formulas, the cumulative position by formulas, and the test's own bisection
 * for the largest c (to 0.1%) and the largest d that still pay back within 36 months.
 *
 * Within the limit, from the design's definitions: the payback (first-investment convention, the
 * headline for a monthly grid) is counted from the start of the first month with investment,
 * elapsed + (-cumBefore / netFlow), where the break-even month is the first whose cumulative
 * position is >= 0 after it has been < 0. If break-even falls in the k-th month counted from the
 * first investment (1-based), the payback is k - 1 plus a fraction in (0, 1]: it is at most 36
 * months exactly when k <= 36, that is when the cumulative position is >= 0 in one of the 36
 * months from the first investment on (the position being negative in that first month).
 */
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { run } from "../../src/cli/main";
import { readSandwellFlows, type SandwellFlows } from "./sandwellFlows";

const SANDWELL = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");
const LIMIT_MONTHS = 36;

/** A1-style column letters of a 0-based column. */
function col(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The sheet: rows 1-7 the component lines (two investment, five return), row 8 investment a
 * month, row 9 returns a month, row 10 the returns cut by c (cell A14) and delayed by d (B14),
 * row 11 the net flow, row 12 the cumulative position; A15 is TRUE when the position is >= 0 in
 * one of the 36 months from the first investment on.
 */
function headroomSheet(s: SandwellFlows, firstInvestment: number): HyperFormula {
  const n = s.dates.length;
  const last = col(n - 1);
  const rows: (number | string | null)[][] = [...s.investmentLines, ...s.returnLines].map((l) => [
    ...l,
  ]);
  const row = (f: (c: string, i: number) => string) =>
    Array.from({ length: n }, (_, i) => f(col(i), i));
  rows.push(row((c) => `=${c}1+${c}2`));
  rows.push(row((c) => `=SUM(${c}3:${c}7)`));
  // Month i takes the return of month i - d, scaled; what slips past the last month is lost.
  rows.push(
    row((_, i) => `=IF(${i + 1}-$B$14<1,0,(1-$A$14)*INDEX($A$9:$${last}$9,1,${i + 1}-$B$14))`)
  );
  rows.push(row((c) => `=${c}8+${c}10`));
  rows.push(row((c, i) => (i === 0 ? `=${c}11` : `=${col(i - 1)}12+${c}11`)));
  rows.push([]);
  rows.push([0, 0]);
  const end = col(firstInvestment + LIMIT_MONTHS - 1);
  rows.push([`=MAX(${col(firstInvestment)}12:${end}12)>=0`]);
  return HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
}

/** Largest k in [0, top] for which passes(k) holds, passes(0) holding: by halving. */
function largestPassing(top: number, passes: (k: number) => boolean): number {
  if (passes(top)) return top;
  let [low, high] = [0, top];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (passes(mid)) low = mid;
    else high = mid;
  }
  return low;
}

let flows: SandwellFlows;
let cliHeadroom: { returnsCut: number; delayPeriods: number };

beforeAll(async () => {
  flows = await readSandwellFlows();
  const out: string[] = [];
  const code = await run(
    ["analyse", SANDWELL, "--sheet", "Appendix 1", "--limit-years", "3", "--json"],
    { out: (t) => out.push(t), err: () => undefined }
  );
  expect(code).toBe(0);
  cliHeadroom = JSON.parse(out.join("\n")).sheets[0].headroom;
});

test("Sandwell's headroom against 3 years is the cut and delay HyperFormula's cumulative position allows", () => {
  const n = flows.dates.length;
  const investment = flows.dates.map((_, i) => flows.investmentLines.reduce((a, l) => a + l[i], 0));
  const returns = flows.dates.map((_, i) => flows.returnLines.reduce((a, l) => a + l[i], 0));
  const firstInvestment = investment.findIndex((v) => v !== 0);
  // Jan-22, the fourth month; nothing flows before it, and it starts below zero.
  expect(firstInvestment).toBe(3);
  expect(flows.net.slice(0, firstInvestment).every((v) => v === 0)).toBe(true);
  expect(flows.net[firstInvestment]).toBeLessThan(0);
  // Halving relies on a deeper cut or a longer delay never helping: no month's returns negative.
  expect(returns.every((v) => v >= 0)).toBe(true);

  const hf = headroomSheet(flows, firstInvestment);
  const passes = (cut: number, delay: number): boolean => {
    hf.setCellContents({ sheet: 0, row: 13, col: 0 }, [[cut, delay]]);
    return hf.getCellValue({ sheet: 0, row: 14, col: 0 }) === true;
  };
  // The formulas' cumulative position with nothing changed is the lines' own running sum.
  passes(0, 0);
  let running = 0;
  for (let i = 0; i < n; i++) {
    running += flows.net[i];
    expect(hf.getCellValue({ sheet: 0, row: 11, col: i })).toBeCloseTo(running, 6);
  }
  expect(passes(0, 0)).toBe(true);

  const cutThousandths = largestPassing(1000, (k) => passes(k / 1000, 0));
  const delayMonths = largestPassing(n, (d) => passes(0, d));
  // The halving is sound: every shorter delay passes and the next one fails, month by month.
  for (let d = 0; d <= n; d++) expect(passes(0, d)).toBe(d <= delayMonths);
  expect(passes((cutThousandths + 1) / 1000, 0)).toBe(false);
  hf.destroy();

  expect(cliHeadroom).toEqual({ returnsCut: cutThousandths / 1000, delayPeriods: delayMonths });
  // Neither is trivial: the case has room, and not unlimited room.
  expect(cutThousandths).toBeGreaterThan(0);
  expect(cutThousandths).toBeLessThan(1000);
  expect(delayMonths).toBeGreaterThan(0);
  expect(delayMonths).toBeLessThan(n);
  console.log(
    `Sandwell headroom within 3 years: cut ${cutThousandths / 10}%, delay ${delayMonths} months`
  );
});
