/**
 * Year tables other than the Sandwell Summary as printed: in £000s, with investment shown
 * positive, with rows or years the grid cannot speak for, and an unrelated table. Each is set
 * against the real Sandwell appendix.
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import { detectGrid } from "../../src/grid/read";
import type { GridModel } from "../../src/grid";
import { reconcileSheet, type ReconciliationReport } from "../../src/grid/reconcile";
import { findYearTables } from "../../src/grid/reconcile/yearTable";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

let appendix: SheetSnapshot;
let model: GridModel;

beforeAll(async () => {
  const wb = await readWorkbook(
    path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx")
  );
  appendix = wb.sheets.find((s) => s.sheetName === "Appendix 1")!;
});

// Detected afresh for each test, so mutation testing can tell which test covers what.
beforeEach(() => {
  model = detectGrid(appendix);
});

const YEARS = ["2021/22", "2022/23", "2023/24", "2024/25"];

/** A summary sheet: FY labels in row 2 (B..), an optional Total after them, labelled rows from row 3. */
function summarySheet(
  rows: [string, ...(number | null)[]][],
  format: string,
  years = YEARS,
  total = true
): SheetSnapshot {
  const width = years.length + (total ? 2 : 1);
  const values: CellValue[][] = [
    ["Timeline of investment", ...new Array(width - 1).fill(null)],
    [null, ...years, ...(total ? ["Total"] : [])],
  ];
  const numberFormats: (string | null)[][] = [
    new Array(width).fill(null),
    new Array(width).fill(null),
  ];
  for (const [label, ...cells] of rows) {
    values.push([label, ...cells]);
    numberFormats.push([null, ...cells.map((c) => (c === null ? null : format))]);
  }
  return { sheetName: "Summary", top: 0, left: 0, values, numberFormats };
}

function reconcileWith(summary: SheetSnapshot): ReconciliationReport {
  return reconcileSheet(model, appendix, { sheets: [appendix, summary] });
}

const onSummary = (r: ReconciliationReport) => r.mismatch.filter((f) => f.sheet === "Summary");

describe("finding year tables", () => {
  it("finds a table of FY labels with its Total column and labelled rows, and not the grid itself", () => {
    const summary = summarySheet([["Saving", null, 93354, 269431, 425744, 788529]], "#,##0");
    const tables = findYearTables([appendix, summary], model);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      sheet: "Summary",
      headerRow: 1,
      labelCol: 0,
      totalCol: 5,
      rows: [{ row: 2, label: "Saving" }],
    });
    expect(tables[0].years.map((y) => y.fy)).toEqual(YEARS);
  });
});

describe("a year table set against the Sandwell appendix", () => {
  it("accepts a correct summary in £000s (one decimal) as match or rounding", () => {
    const summary = summarySheet(
      [
        ["Investment by SMBC", -35.0, -140.0, 0, null, -175.0],
        ["Investment by Trust", null, null, -140.0, -140.0, -280.0],
        ["Saving", null, 93.4, 269.4, 425.7, 788.5],
        ["Net ROI", -35.0, -46.6, 129.4, 285.7, 333.5],
        ["Cum ROI", -35.0, -81.6, 47.8, 333.5, null],
      ],
      "#,##0.0"
    );
    const report = reconcileWith(summary);
    expect(onSummary(report)).toEqual([]);
    expect(report.unverified).toEqual([]);
    expect(
      report.roundingNotes.some((f) => f.sheet === "Summary" && f.parts.includes("'Appendix 1'!"))
    ).toBe(true);
  });

  it("still finds the wrong 2024/25 Saving when the summary is in £000s", () => {
    const summary = summarySheet(
      [
        ["Saving", null, 93.4, 269.4, 411.8, 774.6],
        ["Net ROI", -35.0, -46.6, 129.4, 271.8, 319.6],
      ],
      "#,##0.0"
    );
    const found = onSummary(reconcileWith(summary));
    const e3 = found.find((f) => f.cell === "E3")!;
    expect(e3).toMatchObject({ stated: 411.8, parts: "'Appendix 1'!N55", rootCause: "E3" });
    expect(e3.expected).toBeCloseTo(425.744, 6);
    // Its Total follows from it; with no investment rows the table does not show Net ROI as
    // worked out from Saving, so the 2024/25 Net ROI is a cause of its own (and of its Total).
    expect(found.map((f) => [f.cell, f.rootCause]).sort()).toEqual([
      ["E3", "E3"],
      ["E4", "E4"],
      ["F3", "E3"],
      ["F4", "E4"],
    ]);
  });

  it("accepts investment shown positive, with Net ROI as saving less investment", () => {
    const summary = summarySheet(
      [
        ["Investment by SMBC", 35000, 140000, 0, null, 175000],
        ["Investment by Trust", null, null, 140000, 140000, 280000],
        ["Saving", null, 93354, 269431, 425744, 788529],
        ["Net ROI", -35000, -46646, 129431, 285744, 333529],
      ],
      "#,##0;(#,##0)"
    );
    const report = reconcileWith(summary);
    expect(onSummary(report)).toEqual([]);
    expect(report.unverified).toEqual([]);
  });

  it("leaves rows and years the grid cannot speak for unverified, never mismatched", () => {
    const summary = summarySheet(
      [
        ["Headcount", 2, 3, 4, 4, 5],
        ["Saving", 0, 93354, 269431, 425744, 500000],
      ],
      "#,##0",
      ["2021/22", "2022/23", "2023/24", "2024/25", "2025/26"],
      false
    );
    const report = reconcileWith(summary);
    expect(onSummary(report)).toEqual([]);
    const unverified = report.unverified.filter((u) => u.sheet === "Summary").map((u) => u.cell);
    expect(unverified).toEqual(expect.arrayContaining(["B3", "F3", "F4"]));
    expect(report.unverified.find((u) => u.cell === "F4")!.reason).toContain("2025/26");
  });

  it("calls a table about something else unverified rather than raising false alarms", () => {
    const summary = summarySheet(
      [
        ["Investment in libraries", -5000, -6000, -7000, -8000, -26000],
        ["Saving", 1200, 1300, 1400, 1500, 5400],
      ],
      "#,##0"
    );
    const report = reconcileWith(summary);
    expect(onSummary(report)).toEqual([]);
    expect(report.unverified.filter((u) => u.sheet === "Summary").length).toBeGreaterThanOrEqual(5);
  });
});
