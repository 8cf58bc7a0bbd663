/**
 * `itos apply` on files: read a workbook, take out any earlier ITOS output, analyse every grid (or
 * the one sheet asked for), apply each plan to the package, and write a NEW file. The input file
 * is never written; the output appears whole or not at all.
 */
import {
  analyseWorkbookSheets,
  nameSuffixFor,
  planAnalysis,
  type SheetAnalysis,
  type SheetOutcome,
  type WorkbookAnalyseOptions,
  type WritePlan,
} from "../grid";
import { checkOutputPath, writeOutputFile } from "./outputFile";
import { readUserWorkbook } from "./readWorkbook";

export interface ApplyFileOptions extends WorkbookAnalyseOptions {
  valuesOnly?: boolean;
  /** Replace an existing output file (without it, an existing --out is refused). */
  force?: boolean;
}

export interface ApplyFileResult {
  /** The sheets analysed and written. */
  analyses: SheetAnalysis[];
  /** Every sheet with a grid, in tab order: analysed, or the reason it could not be read. */
  outcomes: SheetOutcome[];
  plans: WritePlan[];
  /** What the writer could not do (the chart), in a user's words. */
  messages: string[];
  /** The package parts apply changed or added, and removed: every other part is copied unchanged. */
  edits: { changed: string[]; removed: string[] };
}

/**
 * The suffix for the k-th analysed sheet's names, distinct from those already used: "Case A"
 * and "Case-A" both read as _Case_A, so the second becomes _Case_A_2.
 */
function distinctSuffix(sheetName: string, k: number, used: Set<string>): string {
  const base = nameSuffixFor(sheetName, k);
  let suffix = base;
  for (let n = 2; used.has(suffix); n++) suffix = `${base}_${n}`;
  used.add(suffix);
  return suffix;
}

export async function applyToFile(
  inputPath: string,
  outputPath: string,
  options: ApplyFileOptions = {}
): Promise<ApplyFileResult> {
  await checkOutputPath(inputPath, outputPath, options.force === true);
  const { editor, snapshot: workbook } = await readUserWorkbook(inputPath);
  const outcomes = analyseWorkbookSheets(workbook, options);
  const analysed = outcomes.flatMap((o) =>
    o.analysis ? [{ snapshot: o.snapshot, analysis: o.analysis }] : []
  );
  // No sheet could be read: nothing to write, and no new file.
  if (analysed.length === 0)
    return { analyses: [], outcomes, plans: [], messages: [], edits: editor.edits() };
  const plans: WritePlan[] = [];
  const messages = new Set<string>();
  const suffixes = new Set<string>();
  for (const [k, { snapshot, analysis }] of analysed.entries()) {
    // A user's own "ITOS Analysis" sheet is never written into; a sheet ITOS made may be reused.
    const itosSheets = editor.itosSheets();
    const plan = planAnalysis(analysis, snapshot, {
      valuesOnly: options.valuesOnly,
      nameSuffix: distinctSuffix(snapshot.sheetName, k, suffixes),
      takenSheetNames: new Set(editor.sheetNames().filter((s) => !itosSheets.has(s))),
      obstacles: await editor.obstacles(snapshot.sheetName),
    });
    for (const m of await editor.applyPlan(plan)) messages.add(m);
    plans.push(plan);
  }
  const bytes = await editor.toBuffer();
  await writeOutputFile(outputPath, bytes);
  return {
    analyses: analysed.map((a) => a.analysis),
    outcomes,
    plans,
    messages: [...messages],
    edits: editor.edits(),
  };
}
