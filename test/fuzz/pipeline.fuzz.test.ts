/**
 * Fuzzing the grid reader, the flows, the engine and the write planner with random sheets.
 * Properties: nothing throws anything but an ItosError, every ItosError has a message, and a write
 * plan never puts anything in a cell that already holds a value or a formula.
 */
import fc from "fast-check";
import { ItosError, analysePayback } from "../../src/engine";
import { detectGrid, findGrids, flowsFromModel } from "../../src/grid/read";
import { analyseSheet, planAnalysis } from "../../src/grid";
import { reconcileSheet } from "../../src/grid/reconcile";
import { formulaAt, isBlank, cellAt, type SheetSnapshot } from "../../src/sheet";
import { anySheet, gridLikeSheet } from "./arbitraries";

/** Runs fn; a thrown ItosError with a message counts as a clean refusal, anything else fails. */
function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: ItosError } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof ItosError))
      throw new Error(`Not an ItosError: ${e instanceof Error ? e.stack : String(e)}`);
    if (e.message.trim() === "") throw new Error(`ItosError(${e.code}) with an empty message`);
    return { ok: false, error: e };
  }
}

export const fuzzCounts: Record<string, number> = {};
const count = (key: string): void => {
  fuzzCounts[key] = (fuzzCounts[key] ?? 0) + 1;
};

function occupied(snapshot: SheetSnapshot, row: number, col: number): boolean {
  return !isBlank(cellAt(snapshot, row, col)) || formulaAt(snapshot, row, col) !== null;
}

describe("fuzzing the pipeline with random sheets", () => {
  afterAll(() => {
    // The case counts the report quotes; printed once per run.
    console.log(`fuzz cases: ${JSON.stringify(fuzzCounts)}`);
  });

  it("grid reader -> flows -> engine and reconciliation: every failure is an ItosError with a message", () => {
    fc.assert(
      fc.property(anySheet, (sheet) => {
        count("detect");
        const model = outcome(() => detectGrid(sheet));
        if (!model.ok) return;
        count("detected");
        const report = outcome(() => reconcileSheet(model.value, sheet, { sheets: [sheet] }));
        if (report.ok) {
          count("reconciled");
          // Every finding names a cell and carries numbers, never NaN.
          for (const f of report.value.mismatch) {
            if (!f.cell || !Number.isFinite(f.stated) || !Number.isFinite(f.expected))
              throw new Error(`Malformed finding ${JSON.stringify(f)}`);
          }
        }
        const flows = outcome(() => flowsFromModel(model.value, sheet));
        if (!flows.ok) return;
        count("flows");
        const result = outcome(() => analysePayback(flows.value));
        if (result.ok) count("analysed");
      }),
      { numRuns: 4000 }
    );
    expect(fuzzCounts.detect).toBe(4000);
    // The generator must reach the engine often enough for the property to mean something.
    expect(fuzzCounts.analysed ?? 0).toBeGreaterThan(100);
    expect(fuzzCounts.reconciled ?? 0).toBeGreaterThan(100);
  });

  it("findGrids over a workbook of random sheets refuses only with ItosErrors", () => {
    fc.assert(
      fc.property(fc.array(anySheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        count("findGrids");
        const named = sheets.map((s, i) => ({ ...s, sheetName: `Sheet ${i + 1}` }));
        outcome(() => findGrids({ sheets: named }));
      }),
      { numRuns: 500 }
    );
    expect(fuzzCounts.findGrids).toBe(500);
  });

  it("analyse + plan: never targets a non-empty cell of the snapshot", () => {
    fc.assert(
      fc.property(gridLikeSheet, fc.boolean(), (sheet, valuesOnly) => {
        count("plan");
        const analysis = outcome(() => analyseSheet(sheet, {}, { sheets: [sheet] }));
        if (!analysis.ok) return;
        const plan = outcome(() => planAnalysis(analysis.value, sheet, { valuesOnly }));
        if (!plan.ok) return;
        count("planned");
        for (const cell of plan.value.cells) {
          if (cell.sheet !== sheet.sheetName) continue;
          if (occupied(sheet, cell.row, cell.col)) {
            throw new Error(
              `Plan writes over ${cell.sheet} r${cell.row} c${cell.col}, which holds ${JSON.stringify(cellAt(sheet, cell.row, cell.col))}`
            );
          }
        }
        for (const cell of plan.value.cells) {
          if (cell.sheet !== sheet.sheetName && cell.sheet !== plan.value.newSheet)
            throw new Error(`Plan writes to unknown sheet ${cell.sheet}`);
        }
      }),
      { numRuns: 2000 }
    );
    expect(fuzzCounts.plan).toBe(2000);
    expect(fuzzCounts.planned ?? 0).toBeGreaterThan(50);
  });
});
