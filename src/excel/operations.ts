/**
 * What the pane's buttons and the ribbon commands do in Excel: read the active sheet, run the
 * shared pipeline (the same analyseSheet/planAnalysis the `itos` command uses), write the plan.
 * Analyse writes the analysis; Reconcile writes only the marks; each in one Excel.run.
 */
import { isItosError } from "../engine";
import { boxOf } from "../sheet";
import { isSheetTag } from "./officeNames";
import {
  analyseSheet,
  planAllSheets,
  planAnalysis,
  type PortfolioSheetRow,
  type AnalyseOptions,
  type SheetAnalysis,
  emptyPlan,
  type WritePlan,
} from "../grid";
import { applyPlanInContext, type ApplyResult } from "./applyPlan";
import { readActiveSheet, readWorkbookInContext, type SheetRead } from "./readSnapshot";
import { clearMarksInContext } from "./removeOutput";

export interface AnalyseSettings {
  options: AnalyseOptions;
  valuesOnly?: boolean;
  /** Put the analysis on a sheet of its own even when there is room below the grid. */
  newSheet?: boolean;
}

export interface Detection {
  read: SheetRead;
  analysis: SheetAnalysis;
}

export interface AnalyseRun extends Detection {
  plan: WritePlan;
  applied: ApplyResult;
}

export interface ReconcileRun extends Detection {
  marksWritten: number;
  marksCleared: number;
}

export async function detectInContext(
  context: Excel.RequestContext,
  options: AnalyseOptions
): Promise<Detection> {
  const read = await readActiveSheet(context);
  // A payback the sheet states may sit outside a selected grid: it is read from the whole sheet.
  options = { ...options, statedPaybacksFrom: read.whole };
  try {
    return { read, analysis: analyseSheet(read.snapshot, options) };
  } catch (error) {
    // A selection that holds no grid (two cells clicked by chance): read the whole sheet instead.
    if (
      !read.fromSelection ||
      !isItosError(error) ||
      (error.code !== "no-grid" && error.code !== "no-periods")
    )
      throw error;
    const whole = { ...read, snapshot: read.whole, fromSelection: false };
    return { read: whole, analysis: analyseSheet(whole.snapshot, options) };
  }
}

/** The analysis without the marks: marking totals is the Reconcile button's job. */
export function analysisPlan(detection: Detection, settings: AnalyseSettings): WritePlan {
  const { read, analysis } = detection;
  // A user's own sheet is never written into (one called "ITOS Analysis" too); ITOS's may be reused.
  // A sheet of ITOS's holding a section the user changed is theirs now (outputRemoval.ts).
  const kept = new Set(read.changedSections.map((ref) => boxOf({ name: "", ref })?.sheet));
  const itosSheets = new Set(
    read.tags
      .filter(isSheetTag)
      .map((t) => boxOf(t)?.sheet)
      .filter((s) => !kept.has(s))
  );
  // Room for the output is judged on the whole sheet, not only on a selected part of it.
  const plan = planAnalysis(analysis, read.whole, {
    ownedCells: read.ownedCells,
    takenSheetNames: new Set(read.sheetNames.filter((s) => !itosSheets.has(s))),
    valuesOnly: settings.valuesOnly === true,
    placement: settings.newSheet ? "new-sheet" : "below-grid",
  });
  return { ...plan, marks: [] };
}

export async function analyseInContext(
  context: Excel.RequestContext,
  settings: AnalyseSettings
): Promise<AnalyseRun> {
  const detection = await detectInContext(context, settings.options);
  const plan = analysisPlan(detection, settings);
  const applied = await applyPlanInContext(context, plan, { valuesOnly: settings.valuesOnly });
  return { ...detection, plan, applied };
}

/** Reads every sheet, so totals restated elsewhere (a summary year table) are checked too. */
export async function reconcileInContext(
  context: Excel.RequestContext,
  options: AnalyseOptions
): Promise<ReconcileRun> {
  const { active, workbook } = await readWorkbookInContext(context);
  const detection: Detection = {
    read: active,
    analysis: analyseSheet(
      active.snapshot,
      { ...options, statedPaybacksFrom: active.whole },
      workbook
    ),
  };
  const marks = planAnalysis(detection.analysis, detection.read.whole, {
    ownedCells: detection.read.ownedCells,
  }).marks;
  const marksCleared = await clearMarksInContext(context);
  if (marks.length > 0) await applyPlanInContext(context, { ...emptyPlan(), marks });
  return { ...detection, marksWritten: marks.length, marksCleared };
}

export interface AllSheetsRun {
  plan: WritePlan;
  rows: PortfolioSheetRow[];
  applied: ApplyResult;
}

/** Analyse all sheets: each grid's analysis below it and the ITOS Portfolio sheet, in one apply. */
export async function analyseAllSheetsInContext(
  context: Excel.RequestContext,
  settings: AnalyseSettings
): Promise<AllSheetsRun> {
  const { active, workbook } = await readWorkbookInContext(context);
  const { plan, rows } = planAllSheets(workbook, {
    ...settings.options,
    ownedCells: active.ownedCells,
    valuesOnly: settings.valuesOnly,
  });
  const applied = await applyPlanInContext(context, plan, { valuesOnly: settings.valuesOnly });
  return { plan, rows, applied };
}

export const analyseAllSheets = (settings: AnalyseSettings) =>
  Excel.run((c) => analyseAllSheetsInContext(c, settings));
export const detectActiveSheet = (options: AnalyseOptions) =>
  Excel.run((c) => detectInContext(c, options));
export const analyseActiveSheet = (settings: AnalyseSettings) =>
  Excel.run((c) => analyseInContext(c, settings));
export const reconcileActiveSheet = (options: AnalyseOptions) =>
  Excel.run((c) => reconcileInContext(c, options));
