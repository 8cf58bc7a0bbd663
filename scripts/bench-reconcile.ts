/**
 * The reconciliation benchmark on its own, run by bench.ts in a child process with a memory cap
 * and a time limit, so a slow or memory-hungry reconciliation is reported rather than taking the
 * whole benchmark run down. Prints one JSON object.
 * Usage: tsx scripts/bench-reconcile.ts [rows] [cols]
 */
import { detectGrid } from "../src/grid/read";
import { reconcileSheet } from "../src/grid/reconcile";
import { largeSheet } from "./bench-data";
import { medianMs } from "./bench-measure";

const rows = Number(process.argv[2] ?? 1000);
const cols = Number(process.argv[3] ?? rows);
const sheet = largeSheet(rows, cols);
const detectMs = medianMs(() => detectGrid(sheet), 3, { warmup: 1 });
const model = detectGrid(sheet);
const report = reconcileSheet(model, sheet);
const reconcileMs = medianMs(() => reconcileSheet(model, sheet), 5, { warmup: 1 });
process.stdout.write(
  JSON.stringify({
    rows,
    cols,
    reconcileMs,
    detectMs,
    checks: report.checked,
    mismatches: report.mismatch.length,
    unverified: report.unverified.length,
  }) + "\n"
);
