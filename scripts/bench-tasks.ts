/**
 * The individual benchmarks. Each returns a median in milliseconds (or a count / size), or null
 * when the piece it measures is not available (a module missing, dist/ not built), with the reason.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { HyperFormula } from "hyperformula";
import { analysePayback } from "../src/engine";
import { payback } from "../src/functions/itosFunctions";
import { countSyncsForRows } from "../test/excel/syncCounter";
import { manyLineCase, netFlows } from "./bench-data";
import { medianMs } from "./bench-measure";

export interface Measured<T> {
  value: T | null;
  note?: string;
}

const ROOT = path.resolve(__dirname, "..");

export function benchAnalyse(): Measured<number> {
  const input = manyLineCase(600, 200);
  return { value: medianMs(() => analysePayback(input), 15) };
}

export interface ReconcileMeasure extends Measured<number> {
  detectMs: number | null;
  checks: number | null;
  mismatches: number | null;
  /** The same sheet with its totals as formulas, reconciled in the same run. */
  formulaMs: number | null;
  formulaFindings: number | null;
}

/** Limits for the reconciliation child process: beyond them the result is reported as not measured. */
const RECONCILE_TIME_LIMIT_MS = 180_000;
const RECONCILE_HEAP_MB = 2048;

/**
 * Reconciliation of every stated total of a 1,000 x 1,000 sheet (the grid read once beforehand),
 * in a child process with a heap cap and a time limit.
 */
export function benchReconcile(rows = 1000, cols = 1000): Promise<ReconcileMeasure> {
  return new Promise((resolve) => {
    const args = [
      `--max-old-space-size=${RECONCILE_HEAP_MB}`,
      "--import",
      "tsx",
      path.join(__dirname, "bench-reconcile.ts"),
      String(rows),
      String(cols),
    ];
    execFile(
      process.execPath,
      args,
      { timeout: RECONCILE_TIME_LIMIT_MS, maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        const line = String(stdout).trim().split("\n").pop() ?? "";
        try {
          const r = JSON.parse(line) as {
            reconcileMs: number;
            detectMs: number;
            checks: number;
            mismatches: number;
            formulaReconcileMs: number;
            formulaFindings: number;
          };
          resolve({
            value: r.reconcileMs,
            detectMs: r.detectMs,
            checks: r.checks,
            mismatches: r.mismatches,
            formulaMs: r.formulaReconcileMs,
            formulaFindings: r.formulaFindings,
          });
        } catch {
          const why = error?.killed
            ? `did not finish within ${RECONCILE_TIME_LIMIT_MS / 1000} s`
            : `stopped before finishing (${error?.signal ? `ended by ${error.signal}` : `exit code ${String(error?.code ?? "none")}`}; heap capped at ${RECONCILE_HEAP_MB} MB)`;
          resolve({
            value: null,
            detectMs: null,
            checks: null,
            mismatches: null,
            formulaMs: null,
            formulaFindings: null,
            note: `reconciliation of a ${rows} x ${cols} sheet ${why}`,
          });
        }
      }
    );
  });
}

export function benchPaybackFunction(): Measured<number> & { result?: unknown } {
  const row = [netFlows(600)]; // a one-row range, as Excel hands it to the function
  const result = payback(row);
  return { value: medianMs(() => payback(row), 31, { warmup: 60, batch: 20 }), result };
}

/**
 * The same job written as spreadsheet formulas: flows in A, a running total in B (=A1, =B1+A2,
 * ...), a flag in C for the first row back at or above zero after being below, a MATCH for that
 * row (D1), the payback in months interpolated within it and measured from the first investment
 * (E1), as ITOS.PAYBACK defines it; F flags money going out, G1 finds the first such row.
 */
export function paybackFormulaSheet(flows: number[]): (number | string)[][] {
  const n = flows.length;
  const rows: (number | string)[][] = flows.map((f, i) => [
    f,
    i === 0 ? "=A1" : `=B${i}+A${i + 1}`,
    i === 0 ? "=0" : `=IF(AND(B${i + 1}>=0,B${i}<0),1,0)`,
    "",
    "",
    `=IF(A${i + 1}<0,1,0)`,
  ]);
  rows[0][3] = `=MATCH(1,C1:C${n},0)`;
  rows[0][4] = `=D1-1+(-INDEX(B1:B${n},D1-1)/INDEX(A1:A${n},D1))-(G1-1)`;
  rows[0].push(`=MATCH(1,F1:F${n},0)`);
  return rows;
}

const HF_CONFIG = { licenseKey: "gpl-v3" };
const HF_ANSWER = { sheet: 0, row: 0, col: 4 };

/** Payback in months computed by HyperFormula from the formula sheet. */
export function hyperFormulaPayback(flows: number[]): unknown {
  const hf = HyperFormula.buildFromArray(paybackFormulaSheet(flows), HF_CONFIG);
  const answer = hf.getCellValue(HF_ANSWER);
  hf.destroy();
  return answer;
}

/**
 * HyperFormula's time for the formula version of the 600-flow payback, against ours: measured as
 * a full evaluation of the sheet (build + compute) and as a recompute after changing one flow.
 */
export function benchHyperFormula(ourMs: number | null): Measured<number> & {
  buildMs: number;
  editMs: number;
  result: unknown;
  editRatio: number | null;
} {
  const flows = netFlows(600);
  const rows = paybackFormulaSheet(flows);
  const result = hyperFormulaPayback(flows);
  const buildMs = medianMs(() => hyperFormulaPayback(flows), 9, { warmup: 2 });
  const hf = HyperFormula.buildFromArray(rows, HF_CONFIG);
  let toggle = false;
  const editMs = medianMs(
    () => {
      toggle = !toggle;
      hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[toggle ? flows[0] - 1 : flows[0]]]);
      return hf.getCellValue(HF_ANSWER);
    },
    15,
    { warmup: 3 }
  );
  hf.destroy();
  const ratio = ourMs && ourMs > 0 ? buildMs / ourMs : null;
  return {
    value: ratio,
    buildMs,
    editMs,
    result,
    editRatio: ourMs && ourMs > 0 ? editMs / ourMs : null,
  };
}

/** context.sync() calls to read and write back a 10-row and a 10,000-row grid through the mocked Office host. */
export async function benchSyncs(): Promise<Measured<{ rows10: number; rows10000: number }>> {
  return {
    value: { rows10: await countSyncsForRows(10), rows10000: await countSyncsForRows(10000) },
  };
}

async function gzipKB(files: string[]): Promise<number> {
  let bytes = 0;
  for (const f of files)
    bytes += gzipSync(await fs.readFile(path.join(ROOT, "dist", f)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

/** Local scripts a built page loads, in order (the page is minified: attribute quotes may be gone). */
async function pageScripts(page: string): Promise<string[]> {
  const html = await fs.readFile(path.join(ROOT, "dist", page), "utf8");
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//i.test(src));
}

/**
 * Gzipped KB of what each runtime loads: the task pane = every local script taskpane.html loads
 * (shared runtime: shared chunk, task pane, commands, functions); the functions = functions.js
 * plus the shared chunk it depends on. Null when dist/ has not been built.
 */
export async function bundleSizes(): Promise<{
  taskpane: Measured<number> & { files?: string[] };
  functions: Measured<number> & { files?: string[] };
}> {
  const missing = { value: null, note: "dist/ not built: run npm run build first" };
  try {
    const taskpaneFiles = await pageScripts("taskpane.html");
    const sharedChunk = taskpaneFiles.filter((f) => f === "shared.js");
    const functionFiles = [...sharedChunk, "functions.js"];
    return {
      taskpane: { value: await gzipKB(taskpaneFiles), files: taskpaneFiles },
      functions: { value: await gzipKB(functionFiles), files: functionFiles },
    };
  } catch {
    return { taskpane: missing, functions: missing };
  }
}
