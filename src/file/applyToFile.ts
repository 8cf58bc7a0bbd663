/**
 * `itos apply` on files: read a workbook, replace any earlier ITOS output, analyse every grid (or
 * the one sheet asked for), write the plan into a NEW file. The input file is never written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ItosError } from "../engine";
import {
  analyseWorkbookSheets,
  nameSuffixFor,
  planAnalysis,
  type SheetAnalysis,
  type SheetOutcome,
  type WorkbookAnalyseOptions,
  type WritePlan,
} from "../grid";
import { loadWorkbook, snapshotFromWorkbook } from "./readWorkbook";
import { applyPlanToWorkbook, removeItosOutput } from "./writeWorkbook";

export interface ApplyFileOptions extends WorkbookAnalyseOptions {
  valuesOnly?: boolean;
}

export interface ApplyFileResult {
  /** The sheets analysed and written. */
  analyses: SheetAnalysis[];
  /** Every sheet with a grid, in tab order: analysed, or the reason it could not be read. */
  outcomes: SheetOutcome[];
  plans: WritePlan[];
  /** What the writer could not do (the chart), in a user's words. */
  messages: string[];
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return (await fs.realpath(a)) === (await fs.realpath(b));
  } catch {
    return false;
  }
}

export async function applyToFile(
  inputPath: string,
  outputPath: string,
  options: ApplyFileOptions = {}
): Promise<ApplyFileResult> {
  if (await samePath(inputPath, outputPath)) {
    throw new ItosError(
      "bad-argument",
      `--out must name a new file: ITOS never modifies the input (${path.basename(inputPath)}).`
    );
  }
  const wb = await loadWorkbook(inputPath);
  // Earlier ITOS output is replaced, so it must not be read as part of the user's grid.
  removeItosOutput(wb);
  const workbook = snapshotFromWorkbook(wb);
  const outcomes = analyseWorkbookSheets(workbook, options);
  const analysed = outcomes.flatMap((o) =>
    o.analysis ? [{ snapshot: o.snapshot, analysis: o.analysis }] : []
  );
  // No sheet could be read: nothing to write, and no new file.
  if (analysed.length === 0) return { analyses: [], outcomes, plans: [], messages: [] };
  const plans: WritePlan[] = [];
  const messages = new Set<string>();
  analysed.forEach(({ snapshot, analysis }, k) => {
    const plan = planAnalysis(analysis, snapshot, {
      valuesOnly: options.valuesOnly,
      nameSuffix: nameSuffixFor(snapshot.sheetName, k),
    });
    for (const m of applyPlanToWorkbook(wb, plan)) messages.add(m);
    plans.push(plan);
  });
  await fs.mkdir(path.dirname(path.resolve(outputPath)), { recursive: true });
  await wb.xlsx.writeFile(outputPath);
  return { analyses: analysed.map((a) => a.analysis), outcomes, plans, messages: [...messages] };
}
