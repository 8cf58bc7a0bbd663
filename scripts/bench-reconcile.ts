/**
 * The reconciliation benchmark on its own, run by bench.ts in a child process with a memory cap
 * and a time limit, so a slow or memory-hungry reconciliation is reported rather than taking the
 * whole benchmark run down. Prints one JSON object.
 * The same sheet with its totals written as formulas is reconciled in the same run, alternating
 * with the typed one, so the two times compare like for like.
 * Usage: tsx scripts/bench-reconcile.ts [rows] [cols]
 */
import { detectGrid } from "../src/grid/read";
import { reconcileSheet } from "../src/grid/reconcile";
import { largeSheet } from "./bench-data";
import { largeSheetWithFormulaTotals } from "./bench-formula-data";
import { median, medianMs } from "./bench-measure";

const rows = Number(process.argv[2] ?? 1000);
const cols = Number(process.argv[3] ?? rows);
const sheet = largeSheet(rows, cols);
const detectMs = medianMs(() => detectGrid(sheet), 3, { warmup: 1 });
const model = detectGrid(sheet);
const report = reconcileSheet(model, sheet);
const formulaSheet = largeSheetWithFormulaTotals(rows, cols);
const formulaModel = detectGrid(formulaSheet);
const formulaReport = reconcileSheet(formulaModel, formulaSheet);
// Typed and formula sheets in turn, so both see the same machine load.
const typedSamples: number[] = [];
const formulaSamples: number[] = [];
for (let i = 0; i < 5; i++) {
  typedSamples.push(medianMs(() => reconcileSheet(model, sheet), 1, { warmup: 0 }));
  formulaSamples.push(medianMs(() => reconcileSheet(formulaModel, formulaSheet), 1, { warmup: 0 }));
}
const reconcileMs = median(typedSamples);
const formulaReconcileMs = median(formulaSamples);
process.stdout.write(
  JSON.stringify({
    rows,
    cols,
    reconcileMs,
    detectMs,
    checks: report.checked,
    mismatches: report.mismatch.length,
    unverified: report.unverified.length,
    formulaReconcileMs,
    formulaChecks: formulaReport.checked,
    formulaMismatches: formulaReport.mismatch.length,
    formulaFindings: formulaReport.formulaFindings.length,
  }) + "\n"
);
