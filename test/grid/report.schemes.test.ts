/**
 * A sheet of several schemes in the command's JSON and text: one entry per scheme, like a sheet's,
 * with its name; each payback the sheet states checked against the scheme that reproduces it.
 * Figures worked by hand below.
 */
import { analyseSheet, sheetReportJson, sheetReportText, type SheetAnalysis } from "../../src/grid";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

const MONTHS = [44652, 44682, 44713, 44743, 44774, 44805]; // Apr-22 .. Sep-22
const STATED: CellValue[][] = [
  [null],
  [null],
  [null],
  ["Payback period: 4.3 months"],
  ["Payback period: 4.0 months"],
];

function sheet(rows: CellValue[][]): SheetSnapshot {
  const values = [[null, ...MONTHS], ...rows, ...STATED];
  return {
    sheetName: "Options",
    top: 0,
    left: 0,
    values,
    numberFormats: values.map((r, i) => r.map((_, j) => (i === 0 && j > 0 ? "mmm-yy" : "General"))),
  };
}

// A: investment 500 in Apr and Jun, 300 a month from May. Cumulative -500, -200, -400, -100, 200:
//    break-even Aug, 4 + 100/300 = 4.33 months from the first investment.
const A = analyseSheet(
  sheet([
    ["Investment", -500, null, -500, null, null, null],
    ["Savings", null, 300, 300, 300, 300, 300],
  ])
);
// B: investment 900 in Apr, 300 a month from May. Cumulative -900, -600, -300, 0: break-even Jul,
//    3 + 300/300 = 4.00 months from the first investment.
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

test("one entry per scheme, like a sheet's, with the scheme's name and its own figures", () => {
  const json = sheetReportJson(both);
  expect(json.schemes?.map((s) => [s.scheme, s.breakEven, s.paybackMonths])).toEqual([
    ["Option A", "2022-08", 4.3333],
    ["Option B", "2022-07", 4],
  ]);
  expect(json.schemes?.[1].totals).toEqual({ investment: -900, return: 1500, net: 600 });
  expect(sheetReportJson(A).schemes).toBeUndefined();
});

test("each stated payback is checked against the scheme that reproduces it", () => {
  const json = sheetReportJson(both);
  expect(json.statedPaybacks.map((s) => [s.cell, s.scheme, s.matches, s.computedYears])).toEqual([
    ["Options!A7", "Option A", true, 0.3611],
    ["Options!A8", "Option B", true, 0.3333],
  ]);
  const text = sheetReportText(both);
  expect(text).toContain("Options: 2 schemes, each analysed on its own.");
  expect(text).toContain("Scheme Option B:\nOptions (£, monthly, Apr-22 to Sep-22)");
});
