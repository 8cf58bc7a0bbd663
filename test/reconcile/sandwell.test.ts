/**
 * The Sandwell appendix reconciled as the add-in would: read the workbook, detect the grid, check
 * every stated total. Its whole-pound totals differ from their parts only by rounding; its Summary
 * sheet's 2024/25 Saving (411,823) disagrees with the appendix (425,744).
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import { detectGrid } from "../../src/grid/read";
import { CONSEQUENCE_FILL, MISMATCH_FILL, reconcileMarks } from "../../src/grid/plan/marks";
import type { GridModel } from "../../src/grid";
import { reconcileSheet, type ReconciliationReport } from "../../src/grid/reconcile";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/sheet";

const FIXTURE = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");

let workbook: WorkbookSnapshot;
let appendix: SheetSnapshot;
let model: GridModel;
let alone: ReconciliationReport;
let withSummary: ReconciliationReport;

beforeAll(async () => {
  workbook = await readWorkbook(FIXTURE);
  appendix = workbook.sheets.find((s) => s.sheetName === "Appendix 1")!;
});

// Detected and reconciled afresh for each test, so mutation testing can tell which test covers what.
beforeEach(() => {
  model = detectGrid(appendix);
  alone = reconcileSheet(model, appendix);
  withSummary = reconcileSheet(model, appendix, workbook);
});

describe("Sandwell appendix", () => {
  it("has every appendix total matching or within rounding", () => {
    expect(alone.mismatch).toEqual([]);
    expect(alone.unverified).toEqual([]);
    expect(alone.checked).toBe(alone.match + alone.rounding);
    // 4 blocks: total, net and cumulative lines by month and FY column, FY and grand columns.
    expect(alone.checked).toBeGreaterThanOrEqual(200);
    expect(alone.rounding).toBeGreaterThan(20);
    expect(withSummary.mismatch.filter((f) => f.sheet === "Appendix 1")).toEqual([]);
  });

  it("reports 3 × 11,667 = 35,001 against the stated 35,000 (H4) as rounding", () => {
    const h4 = alone.roundingNotes.find((f) => f.cell === "H4")!;
    expect(h4).toMatchObject({
      sheet: "Appendix 1",
      stated: -35000,
      expected: -35001,
      difference: 1,
      parts: "B4:G4",
      status: "rounding",
    });
    expect(h4.tolerance).toBeGreaterThanOrEqual(1);
    expect(h4.explanation).toContain("rounding");
  });

  it("keeps the appendix's small differences as rounding, never mismatch", () => {
    for (const f of alone.roundingNotes) {
      expect(Math.abs(f.difference)).toBeLessThanOrEqual(f.tolerance);
      expect(Math.abs(f.difference)).toBeLessThan(20);
    }
  });

  it("checks the cumulative line across block boundaries: Apr-22 (B29) follows Mar-22 (G15)", () => {
    // -35,000 at Mar-22 plus the Apr-22 net of -9,568 is -44,568, exactly as stated.
    const all = [...alone.roundingNotes, ...alone.mismatch];
    expect(all.find((f) => f.cell === "B29")).toBeUndefined();
    const report = reconcileSheet(model, withValue(appendix, 28, 1, -44000));
    const b29 = report.mismatch.find((f) => f.cell === "B29")!;
    expect(b29).toMatchObject({
      stated: -44000,
      expected: -44568,
      difference: 568,
      parts: "G15, B28",
      rootCause: "B29",
    });
  });
});

describe("Sandwell appendix with a wrong FY total", () => {
  it("names N55 as the cause of its own two failures and of the net and grand totals it feeds", () => {
    const report = reconcileSheet(model, withValue(appendix, 54, 13, 400000));
    const cells = report.mismatch.map((f) => [f.cell, f.rootCause]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ["N55", "N55"],
        ["N56", "N55"],
        ["O55", "N55"],
      ])
    );
    expect(report.mismatch.every((f) => f.rootCause === "N55")).toBe(true);
    const marks = reconcileMarks(report);
    const n55 = marks.find((m) => m.row === 54 && m.col === 13)!;
    expect(n55.fill).toBe(MISMATCH_FILL);
    // One mark, one line per failed check: against its months (B55:M55) and its lines (N50:N54).
    expect(n55.note).toContain("from B55:M55");
    expect(n55.note).toContain("from N50:N54");
    expect(marks.filter((m) => m.row === 54 && m.col === 13)).toHaveLength(1);
  });
});

describe("Sandwell appendix with a total that is not an amount", () => {
  it("leaves the total, and the totals it is part of, unverified rather than mismatched", () => {
    const report = reconcileSheet(model, withValue(appendix, 54, 13, "tbc"), workbook);
    expect(report.mismatch.filter((f) => f.sheet === "Appendix 1")).toEqual([]);
    const n55 = report.unverified.find((u) => u.sheet === "Appendix 1" && u.cell === "N55")!;
    expect(n55.reason).toContain("N55 holds the text 'tbc'");
    const others = report.unverified.filter((u) => u.sheet === "Appendix 1").map((u) => u.cell);
    expect(others).toEqual(expect.arrayContaining(["N56", "O55"]));
    expect(report.unverified.find((u) => u.cell === "N56")!.reason).toContain(
      "One of its parts, N55, holds the text 'tbc'"
    );
  });
});

describe("Sandwell Summary sheet against the appendix", () => {
  it("finds the 2024/25 Saving difference naming Summary!E5 and 'Appendix 1'!N55", () => {
    const e5 = withSummary.mismatch.find((f) => f.sheet === "Summary" && f.cell === "E5")!;
    expect(e5).toMatchObject({
      stated: 411823,
      expected: 425744,
      difference: -13921,
      parts: "'Appendix 1'!N55",
      status: "mismatch",
      rootCause: "E5",
    });
    expect(e5.explanation).toContain("E5");
    expect(e5.explanation).toContain("'Appendix 1'!N55");
    expect(e5.explanation).toContain("13,921");
  });

  it("traces the Summary's Net ROI, Cum ROI and Total differences back to E5", () => {
    const summary = withSummary.mismatch.filter((f) => f.sheet === "Summary");
    expect(summary.map((f) => f.cell).sort()).toEqual(["E5", "E6", "E7", "F5", "F6"]);
    for (const f of summary) {
      expect(f.rootCause).toBe("E5");
      expect(f.difference).toBe(-13921);
    }
    expect(withSummary.unverified).toEqual([]);
  });

  it("checks the Summary's own arithmetic and agreeing years (B3 against H4, F4 against O47)", () => {
    expect(withSummary.checked).toBeGreaterThan(alone.checked + 20);
    expect(withSummary.match + withSummary.rounding).toBe(
      withSummary.checked - withSummary.mismatch.length
    );
    const disagree = new Set(withSummary.mismatch.map((f) => `${f.sheet}!${f.cell}`));
    for (const cell of ["B3", "C3", "F3", "F4", "C5", "D5", "B6", "C6", "D6", "B7", "C7", "D7"])
      expect(disagree.has(`Summary!${cell}`)).toBe(false);
  });

  it("marks exactly the five Summary cells: E5 red as the cause, the others amber", () => {
    const marks = reconcileMarks(withSummary);
    expect(marks.map((m) => `${m.sheet}!${m.row},${m.col}`).sort()).toEqual([
      "Summary!4,4",
      "Summary!4,5",
      "Summary!5,4",
      "Summary!5,5",
      "Summary!6,4",
    ]);
    const e5 = marks.find((m) => m.row === 4 && m.col === 4)!;
    expect(e5.fill).toBe(MISMATCH_FILL);
    expect(e5.note).toContain(
      "Stated 411,823; expected 425,744 from 'Appendix 1'!N55; difference (13,921)"
    );
    for (const m of marks.filter((x) => x !== e5)) {
      expect(m.fill).toBe(CONSEQUENCE_FILL);
      expect(m.note).toContain("Likely caused by E5");
    }
  });
});

function withValue(
  snapshot: SheetSnapshot,
  row: number,
  col: number,
  value: number | string
): SheetSnapshot {
  const values = snapshot.values.map((r) => r.slice());
  values[row - snapshot.top][col - snapshot.left] = value;
  return { ...snapshot, values };
}
