/**
 * The individual benchmarks. Each returns a median in milliseconds (or a count / size), or null
 * when the piece it measures is not available (a module missing, dist/ not built), with the reason.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { HyperFormula } from "hyperformula";
import { analysePayback } from "../src/engine/payback";
import { payback } from "../src/functions/itosFunctions";
import { detectGrid } from "../src/grid/detect";
import { largeSheet, manyLineCase, netFlows } from "./bench-data";
import { medianMs } from "./bench-measure";

export interface Measured<T> {
  value: T | null;
  note?: string;
}

const ROOT = path.resolve(__dirname, "..");

/** Loads a module that may not exist yet in this checkout; null (with the reason) when it does not. */
async function optionalModule<T>(relativePath: string): Promise<{ mod: T | null; note?: string }> {
  try {
    return { mod: (await import(path.join(ROOT, relativePath))) as T };
  } catch (e) {
    return { mod: null, note: `${relativePath} unavailable: ${(e as Error).message.split("\n")[0]}` };
  }
}

export function benchAnalyse(): Measured<number> {
  const input = manyLineCase(600, 200);
  return { value: medianMs(() => analysePayback(input), 15) };
}

export async function benchReconcile(): Promise<Measured<number> & { detectMs?: number; checks?: number }> {
  const { mod, note } = await optionalModule<{ reconcileSheet: (model: unknown, snapshot: unknown) => unknown }>("src/grid/reconcileGrid");
  if (!mod) return { value: null, note };
  const sheet = largeSheet(1000, 1000);
  const detectMs = medianMs(() => detectGrid(sheet), 3, { warmup: 1 });
  const model = detectGrid(sheet);
  const result = mod.reconcileSheet(model, sheet) as { checks?: unknown[] } | unknown[];
  const checks = Array.isArray(result) ? result.length : Array.isArray(result?.checks) ? result.checks.length : undefined;
  return { value: medianMs(() => mod.reconcileSheet(model, sheet), 5, { warmup: 1 }), detectMs, checks };
}

/** The 600 flows as Excel hands a one-row range to a custom function. */
function flowsRow(): number[][] {
  return [netFlows(600)];
}

export function benchPaybackFunction(): Measured<number> & { result?: unknown } {
  const row = flowsRow();
  const result = payback(row);
  return { value: medianMs(() => payback(row), 31, { warmup: 20, batch: 20 }), result };
}

/**
 * The same job written as spreadsheet formulas, evaluated by HyperFormula: flows in A, a running
 * total in B (=A1, =B1+A2, ...), a flag in C for the first row back at or above zero, a MATCH for
 * that row and the interpolated payback in months. Measured as a full evaluation of the sheet
 * (build + compute) and as a recompute after changing the first flow.
 */
export function benchHyperFormula(ourMs: number | null): Measured<number> & { buildMs: number; editMs: number; result: unknown; editRatio: number | null } {
  const flows = netFlows(600);
  const n = flows.length;
  const rows: (number | string)[][] = flows.map((f, i) => [
    f,
    i === 0 ? "=A1" : `=B${i}+A${i + 1}`,
    i === 0 ? "=IF(B1>=0,1,0)" : `=IF(AND(B${i + 1}>=0,B${i}<0),1,0)`,
  ]);
  rows[0].push(`=MATCH(1,C1:C${n},0)`, `=D1-1+(-INDEX(B1:B${n},D1-1)/INDEX(A1:A${n},D1))`);
  const config = { licenseKey: "gpl-v3" };
  const answer = { sheet: 0, row: 0, col: 4 };
  let result: unknown = null;
  const buildMs = medianMs(() => {
    const hf = HyperFormula.buildFromArray(rows, config);
    result = hf.getCellValue(answer);
    hf.destroy();
  }, 9, { warmup: 2 });
  const hf = HyperFormula.buildFromArray(rows, config);
  let toggle = false;
  const editMs = medianMs(() => {
    toggle = !toggle;
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[toggle ? flows[0] - 1 : flows[0]]]);
    return hf.getCellValue(answer);
  }, 15, { warmup: 3 });
  hf.destroy();
  const ratio = ourMs && ourMs > 0 ? buildMs / ourMs : null;
  return { value: ratio, buildMs, editMs, result, editRatio: ourMs && ourMs > 0 ? editMs / ourMs : null };
}

type SyncCounter = (rows: number) => number | Promise<number>;

/** Sync calls the Office adapter makes for a grid of the given rows, through the mocked host. */
export async function benchSyncs(): Promise<Measured<{ rows10: number; rows10000: number }>> {
  const candidates = ["test/excel/syncCount", "test/excel/countSyncs", "src/excel/syncCount", "src/excel/countSyncs", "test/excel/mockHost", "test/excel/fakeExcel"];
  for (const candidate of candidates) {
    const { mod } = await optionalModule<{ countSyncsForRows?: SyncCounter }>(candidate);
    if (mod?.countSyncsForRows) {
      return { value: { rows10: await mod.countSyncsForRows(10), rows10000: await mod.countSyncsForRows(10000) } };
    }
  }
  return { value: null, note: "no countSyncsForRows helper found in test/excel or src/excel" };
}

/** Gzipped size in KB of a built bundle; null when dist/ has not been built. */
export async function bundleKB(file: string): Promise<Measured<number>> {
  try {
    const bytes = await fs.readFile(path.join(ROOT, "dist", file));
    return { value: Math.round((gzipSync(bytes, { level: 9 }).length / 1024) * 10) / 10 };
  } catch {
    return { value: null, note: `dist/${file} missing: run npm run build first` };
  }
}
