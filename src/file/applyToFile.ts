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
import { SECTION_NAMES, withoutOwnedCells } from "../sheet";
import { checkOutputPath, writeOutputFile } from "./outputFile";
import { planFamily } from "./planNames";
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
  /** Earlier ITOS sections the user had changed, left as they are ("Case!A7:D18"). */
  leftAlone: string[];
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
  const { editor, snapshot: whole } = await readUserWorkbook(inputPath);
  // A section of ITOS's the user changed stays where it is and is kept clear of (the planner
  // sees it in `whole`), but is not read as part of their grid.
  const workbook = {
    sheets: whole.sheets.map((s) => withoutOwnedCells(s, editor.leftAloneCells)),
  };
  const outcomes = analyseWorkbookSheets(workbook, options);
  const analysed = outcomes.flatMap((o) =>
    o.analysis ? [{ snapshot: o.snapshot, analysis: o.analysis }] : []
  );
  // No sheet could be read: nothing to write, and no new file.
  if (analysed.length === 0)
    return {
      analyses: [],
      outcomes,
      plans: [],
      messages: [],
      edits: editor.edits(),
      leftAlone: editor.leftAlone.map((c) => c.range),
    };
  const plans: WritePlan[] = [];
  const messages = new Set<string>();
  const suffixes = new Set<string>();
  const leftAlone: { analysis: SheetAnalysis; range: string; plan: WritePlan }[] = [];
  for (const [k, { snapshot, analysis }] of analysed.entries()) {
    // A user's own "ITOS Analysis" sheet is never written into; a sheet ITOS made may be reused.
    const itosSheets = editor.itosSheets();
    const room = whole.sheets.find((s) => s.sheetName === snapshot.sheetName) ?? snapshot;
    const plan = planAnalysis(analysis, room, {
      valuesOnly: options.valuesOnly,
      nameSuffix: distinctSuffix(snapshot.sheetName, k, suffixes),
      takenSheetNames: new Set(editor.sheetNames().filter((s) => !itosSheets.has(s))),
      obstacles: await editor.obstacles(snapshot.sheetName),
    });
    for (const m of await editor.applyPlan(plan)) messages.add(m);
    plans.push(plan);
    const family = planFamily(plan);
    for (const section of editor.leftAlone.filter((c) => family(c.name)))
      leftAlone.push({ analysis, range: section.range, plan });
  }
  // Where no plan of this run carries the name (the sheet is no longer read), the first says it.
  for (const section of editor.leftAlone)
    if (!leftAlone.some((l) => l.range === section.range))
      leftAlone.push({ analysis: analysed[0].analysis, range: section.range, plan: plans[0] });
  for (const { analysis, range, plan } of leftAlone)
    analysis.model.warnings.push(leftAloneWarning(range, plan));
  const bytes = await editor.toBuffer();
  await writeOutputFile(outputPath, bytes);
  return {
    analyses: analysed.map((a) => a.analysis),
    outcomes,
    plans,
    messages: [...messages],
    edits: editor.edits(),
    leftAlone: editor.leftAlone.map((c) => c.range),
  };
}

/** The note on a sheet whose earlier ITOS section the user changed: where it is, where ITOS wrote. */
export function leftAloneWarning(range: string, plan: WritePlan): string {
  const output = plan.names.find((n) => n.name.startsWith(SECTION_NAMES.output))?.ref;
  const where = output ? ` and wrote its new analysis at ${output.replace(/\$/g, "")}` : "";
  return (
    `You changed ITOS's earlier output at ${range} after ITOS wrote it: ITOS left it as you ` +
    `edited it (it is yours now, not read as part of the grid)${where}.`
  );
}
