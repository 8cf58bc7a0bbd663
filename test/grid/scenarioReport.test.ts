/**
 * The limit, headroom and what-if of each scheme on a sheet of several, in the JSON and the text,
 * worked by hand; and a table left without them when the report is not asked for them.
 */
import { analyseSheet, sheetReportJson, sheetReportText, type SheetAnalysis } from "../../src/grid";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

const MONTHS = [44652, 44682, 44713, 44743, 44774, 44805]; // Apr-22 .. Sep-22

function sheet(rows: CellValue[][]): SheetSnapshot {
  const values = [[null, ...MONTHS], ...rows];
  return {
    sheetName: "Options",
    top: 0,
    left: 0,
    values,
    numberFormats: values.map((r, i) => r.map((_, j) => (i === 0 && j > 0 ? "mmm-yy" : "General"))),
  };
}

// A: 500 in Apr and Jun, 300 a month from May: payback 4 + 100/300 months = 0.3611 years.
const A = analyseSheet(
  sheet([
    ["Investment", -500, null, -500, null, null, null],
    ["Savings", null, 300, 300, 300, 300, 300],
  ])
);
// B: 900 in Apr, 300 a month from May: payback 3 + 300/300 = 4 months = 0.3333 years.
const B = analyseSheet(
  sheet([
    ["Investment", -900, null, null, null, null, null],
    ["Savings", null, 300, 300, 300, 300, 300],
  ])
);
const both: SheetAnalysis = {
  ...A,
  schemes: [
    { ...A, scheme: "Option A" },
    { ...B, scheme: "Option B" },
  ],
};
const request = { limitYears: "0.35", whatIf: { delayPeriods: 1 } };

test("each scheme has its own verdict against a 0.35-year (4.2-month) limit", () => {
  const json = sheetReportJson(both, request);
  const [a, b] = json.schemes!;
  // A: 0.35 - 0.36111 = -0.01111, rounded away from zero (time over is never understated).
  expect(a.limit).toEqual({ years: 0.35, verdict: "exceeds", marginYears: -0.0112 });
  // B: 0.35 - 0.33333 = 0.01666, rounded down (time to spare is never overstated).
  expect(b.limit).toEqual({ years: 0.35, verdict: "within", marginYears: 0.0166 });
  expect(json.limit).toEqual(a.limit);
});

test("headroom: none for A; for B a 6.2% cut and no delay", () => {
  const [a, b] = sheetReportJson(both, request).schemes!;
  expect(a.headroom).toBeNull();
  // B with a cut c: payback 1 + 900 / (300 (1 - c)) <= 4.2 months, so c <= 0.0625: 0.062 to 0.1%.
  // A month's delay makes it 5 months: over.
  expect(b.headroom).toEqual({ returnsCut: 0.062, delayPeriods: 0 });
});

test("what-if, returns a month late: B pays back in Aug-22 after 5 months, Sep's 300 lost", () => {
  const b = sheetReportJson(both, request).schemes![1];
  expect(b.whatIf).toMatchObject({
    inputs: { returnsChange: 0, investmentChange: 0, delayPeriods: 1 },
    breakEven: "2022-08",
    paybackMonths: 5,
    lostReturns: 300,
    change: { paybackMonths: 1 },
    limit: { verdict: "exceeds" },
  });
});

test("the text gives each scheme its lines; a report not asked for them has none", () => {
  const text = sheetReportText(both, request);
  expect(text).toContain("Payback limit: exceeds the 0.35-year limit by 0.02 years.");
  expect(text).toContain("Payback limit: within the 0.35-year limit, 0.01 years to spare.");
  expect(text).toContain("300 of returns lost past the grid's end");
  const plain = sheetReportJson(both);
  expect("limit" in plain || "headroom" in plain || "whatIf" in plain).toBe(false);
  expect(sheetReportText(both)).not.toContain("Headroom");
});
