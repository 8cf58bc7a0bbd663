/**
 * The cases of one workbook, read and analysed exactly as `itos analyse` does, returned as plain
 * rows. The workbook's snapshot lives only inside this call, so it is released as soon as the
 * rows are made: a portfolio of any size holds one workbook per worker at a time.
 */
import { isItosError, type Basis } from "../../engine";
import { readWorkbook } from "../../file";
import {
  analyseWorkbook,
  sheetReportJson,
  summariseWorkbook,
  type SheetAnalysis,
  type WorkbookAnalyseOptions,
} from "../../grid";
import type { WorkbookSnapshot } from "../../sheet";
import type { PortfolioCase, ReadCase } from "./cases";
import { summaryCases } from "./summaryCases";

export interface CaseOptions {
  basis?: Basis;
  /** Annual discount rate as the user gave it ("0.035"). */
  rate?: string;
  /** The council's payback limit in years ("3"), when given. */
  limitYears?: string;
}

/** What a worker is asked: one workbook, by its path on disk and the name to report it under. */
export interface CaseTask {
  path: string;
  file: string;
  options: CaseOptions;
}

function errorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const candidates =
    isItosError(e) && e.candidates.length && !e.message.includes(e.candidates[0])
      ? ` Candidates: ${e.candidates.join("; ")}.`
      : "";
  const text = isItosError(e) ? `${message}${candidates}` : `unexpected failure: ${message}`;
  return text.replace(/\s*\n\s*/g, " ");
}

function schemeCase(
  file: string,
  analysis: SheetAnalysis,
  scheme: string | null,
  options: CaseOptions
): ReadCase {
  // The fields of `itos analyse --limit-years`: the verdict, headroom and (no) what-if alike.
  const { sheet, ...report } = sheetReportJson(analysis, {
    limitYears: options.limitYears ?? null,
    whatIf: null,
  });
  return { file, sheet, scheme, ...report, limit: report.limit ?? null, error: null };
}

/** One row per scheme where the sheet holds several, each with its own figures; else one for the sheet. */
function readCases(file: string, analysis: SheetAnalysis, options: CaseOptions): ReadCase[] {
  if (!analysis.schemes || analysis.schemes.length === 0)
    return [schemeCase(file, analysis, null, options)];
  return analysis.schemes.map((s) => schemeCase(file, s, s.scheme, options));
}

/**
 * Every sheet with a grid. When one sheet cannot be analysed (lines it cannot place, a text
 * cell among the amounts), the other sheets of the workbook still give their cases and that
 * sheet gets a row with the reason.
 */
function analyseSheets(
  file: string,
  workbook: WorkbookSnapshot,
  analyse: WorkbookAnalyseOptions,
  options: CaseOptions
): PortfolioCase[] {
  try {
    return analyseWorkbook(workbook, analyse).flatMap((a) => readCases(file, a.analysis, options));
  } catch (whole) {
    if (isItosError(whole) && whole.code === "no-grid") throw whole;
    const cases: PortfolioCase[] = [];
    for (const s of workbook.sheets) {
      try {
        for (const a of analyseWorkbook(workbook, { ...analyse, sheet: s.sheetName }))
          cases.push(...readCases(file, a.analysis, options));
      } catch (e) {
        if (isItosError(e) && e.code === "no-grid") continue;
        cases.push({ file, sheet: s.sheetName, scheme: null, error: errorText(e) });
      }
    }
    return cases;
  }
}

/**
 * The grid cases, and one case per scheme of each sheet with no timeline but a table of schemes
 * (as `itos analyse` reports them in place of "no payback grid"), in the workbook's sheet order.
 */
function workbookCases(
  file: string,
  workbook: WorkbookSnapshot,
  analyse: WorkbookAnalyseOptions,
  options: CaseOptions
): PortfolioCase[] {
  let grids: PortfolioCase[] = [];
  let noGrid: unknown = null;
  try {
    grids = analyseSheets(file, workbook, analyse, options);
  } catch (e) {
    if (!(isItosError(e) && e.code === "no-grid")) throw e;
    noGrid = e;
  }
  const done = new Set(grids.map((c) => c.sheet));
  const rest = { sheets: workbook.sheets.filter((s) => !done.has(s.sheetName)) };
  const summaries = summariseWorkbook(rest, analyse).flatMap((s) =>
    summaryCases(file, s.summary, options.limitYears)
  );
  if (summaries.length === 0) {
    if (noGrid) throw noGrid;
    return grids;
  }
  const tab = new Map(workbook.sheets.map((s, i) => [s.sheetName, i]));
  const order = (c: PortfolioCase) => tab.get(c.sheet as string) ?? -1;
  // A stable sort: each sheet's rows keep their order.
  return [...grids, ...summaries].sort((a, b) => order(a) - order(b));
}

/** The workbook's cases; a workbook that cannot be read is one row carrying the reason. */
export async function casesOfWorkbook(task: CaseTask): Promise<PortfolioCase[]> {
  const { file, options } = task;
  try {
    const workbook = await readWorkbook(task.path);
    return workbookCases(
      file,
      workbook,
      { basis: options.basis, discountRate: options.rate },
      options
    );
  } catch (e) {
    return [{ file, sheet: null, scheme: null, error: errorText(e) }];
  }
}
