/**
 * One orchestration for every adapter: the `itos` command and the Excel task pane both call
 * analyseSheet then planAnalysis, so what the command proves on a file is what the add-in does.
 */
import type Decimal from "decimal.js";
import {
  analysePayback,
  type Basis,
  type FlowLine,
  type PaybackConvention,
  type PaybackResult,
  type Period,
  ItosError,
} from "../engine";
import {
  detectGrid,
  findGrids,
  type DetectOptions,
  flowsFromModel,
  type GridModel,
  type LineRole,
} from "./read";
import { buildWritePlan, type PlanOptions, reconcileMarks, type WritePlan } from "./plan";
import { withoutOwnedCells, type SheetSnapshot, type WorkbookSnapshot } from "../sheet";
import {
  checkStatedPaybacks,
  findStatedPaybacks,
  type ReconciliationReport,
  reconcileSheet,
  type StatedPaybackCheck,
} from "./reconcile";
import { checkAmountsInRange, checkTotalsInRange } from "./amountRange";
import { withRoleCells } from "./roleCells";

export interface AnalyseOptions {
  basis?: Basis;
  /**
   * The headline payback's convention. Default: the engine's (time-zero for a Year 0 table,
   * first-investment otherwise); `basis`, when given without it, stands for its convention.
   */
  convention?: PaybackConvention;
  /** Annual discount rate (DEFAULT_OPTIONS.discountRate by default). */
  discountRate?: Decimal.Value;
  fyStartMonth?: number;
  /**
   * Roles chosen by the user for lines the reader could not decide: by line key, or by the
   * line's label cell ("A13", "Appendix 1!A13").
   */
  roleOverrides?: Record<string, LineRole>;
  /** Line keys the user left out of the payback (they become "ignored"). */
  excludedLines?: string[];
  /**
   * Cells of earlier ITOS output (see ownedCellsFromNames): read as blank, so a re-run in Excel
   * does not mistake its own section below the grid for part of the user's grid.
   */
  ownedCells?: ReadonlySet<string>;
  /** The whole sheet, where the grid was read from a selected part of it: stated paybacks are read here. */
  statedPaybacksFrom?: SheetSnapshot;
}

export interface SheetAnalysis {
  /** The grid as read, with excluded lines turned to "ignored". */
  model: GridModel;
  flows: { periods: Period[]; lines: FlowLine[] };
  result: PaybackResult;
  reconciliation: ReconciliationReport;
  /** Every payback the sheet states, against the payback in each convention. */
  statedPaybacks: StatedPaybackCheck[];
  /**
   * Set only where the sheet holds several schemes or alternatives (stacked tables, or the same
   * lines repeated side by side): one analysis per scheme, in sheet order. The analysis itself is
   * then the first scheme's, so a caller that knows nothing of schemes still reads one of them
   * whole rather than a sum of all.
   */
  schemes?: SchemeAnalysis[];
}

/** One scheme's analysis: a sheet's analysis with the scheme's name ("X", "Inflow C8:D8"). */
export interface SchemeAnalysis extends Omit<SheetAnalysis, "schemes"> {
  scheme: string;
}

function withoutExcluded(model: GridModel, excluded: readonly string[] | undefined): GridModel {
  if (!excluded || excluded.length === 0) return model;
  const out = new Set(excluded);
  return {
    ...model,
    lines: model.lines.map((l) => (out.has(l.key) ? { ...l, role: "ignored" as const } : l)),
  };
}

function detectOptions(options: AnalyseOptions, workbook: WorkbookSnapshot): DetectOptions {
  return {
    fyStartMonth: options.fyStartMonth,
    roleOverrides: withRoleCells(options.roleOverrides, workbook),
  };
}

/** Reads the grid, runs the payback engine on its component lines and checks its stated totals. */
export function analyseSheet(
  input: SheetSnapshot,
  options: AnalyseOptions = {},
  workbook?: WorkbookSnapshot
): SheetAnalysis {
  const snapshot = options.ownedCells ? withoutOwnedCells(input, options.ownedCells) : input;
  const detect = detectOptions(options, { sheets: [snapshot] });
  return analyseDetected(detectGrid(snapshot, detect), snapshot, options, workbook);
}

/** analyseSheet for a grid already read from the snapshot (owned cells already blanked). */
function analyseDetected(
  detected: GridModel,
  snapshot: SheetSnapshot,
  options: AnalyseOptions,
  workbook?: WorkbookSnapshot
): SheetAnalysis {
  const model = withoutExcluded(detected, options.excludedLines);
  checkAmountsInRange(model, snapshot);
  const flows = flowsFromModel(model, snapshot);
  const result = analysePayback(flows, {
    basis: options.basis,
    convention: options.convention,
    discountRate: options.discountRate,
    fyStartMonth: options.fyStartMonth,
  });
  checkTotalsInRange(model, result);
  // Reconciliation checks the grid as the user laid it out, exclusions or not.
  const reconciliation = reconcileSheet(detected, snapshot, workbook);
  const statedPaybacks = checkStatedPaybacks(
    findStatedPaybacks(options.statedPaybacksFrom ?? snapshot),
    result.paybackByConvention,
    result.convention
  );
  return { model, flows, result, reconciliation, statedPaybacks };
}

/** The cells, names, formats, chart and marks to write for an analysed sheet. */
export function planAnalysis(
  analysis: SheetAnalysis,
  snapshot: SheetSnapshot,
  options: PlanOptions = {}
): WritePlan {
  return buildWritePlan(
    {
      model: analysis.model,
      result: analysis.result,
      marks: reconcileMarks(analysis.reconciliation),
    },
    snapshot,
    options
  );
}

export interface WorkbookAnalyseOptions extends AnalyseOptions {
  /** Analyse this sheet only; otherwise every sheet that holds a payback grid. */
  sheet?: string;
}

/** A sheet analysed, or the reason it could not be read (the other sheets go on). */
export type SheetOutcome =
  | { sheetName: string; snapshot: SheetSnapshot; analysis: SheetAnalysis; error?: undefined }
  | { sheetName: string; snapshot: SheetSnapshot; error: ItosError; analysis?: undefined };

/** A failure that belongs to one sheet (its layout, its amounts), not to the command as a whole. */
function isSheetFailure(e: unknown): e is ItosError {
  return e instanceof ItosError && e.code !== "bad-argument" && e.code !== "no-grid";
}

function outcomeOf(snapshot: SheetSnapshot, analyse: () => SheetAnalysis): SheetOutcome {
  try {
    return { sheetName: snapshot.sheetName, snapshot, analysis: analyse() };
  } catch (e) {
    if (isSheetFailure(e)) return { sheetName: snapshot.sheetName, snapshot, error: e };
    throw e;
  }
}

/**
 * The sheets to analyse, the one named or every sheet with a grid, each analysed or with the
 * reason it cannot be: one sheet that cannot be read never stops the others. Throws only when
 * the sheet named does not exist, or no sheet holds a grid at all.
 */
export function analyseWorkbookSheets(
  input: WorkbookSnapshot,
  options: WorkbookAnalyseOptions = {}
): SheetOutcome[] {
  const owned = options.ownedCells;
  const workbook = owned ? { sheets: input.sheets.map((s) => withoutOwnedCells(s, owned)) } : input;
  const detect = detectOptions(options, workbook);
  if (options.sheet !== undefined) {
    const snapshot = workbook.sheets.find((s) => s.sheetName === options.sheet);
    if (!snapshot) {
      const names = workbook.sheets.map((s) => `'${s.sheetName}'`).join(", ");
      throw new ItosError(
        "bad-argument",
        `There is no sheet named '${options.sheet}' (the sheets are ${names}).`
      );
    }
    return [
      outcomeOf(snapshot, () =>
        analyseDetected(detectGrid(snapshot, detect), snapshot, options, workbook)
      ),
    ];
  }
  const failures: { sheetName: string; error: ItosError }[] = [];
  const grids = findGrids(workbook, detect, failures);
  const outcomes = new Map<string, SheetOutcome>();
  for (const f of failures) {
    const snapshot = workbook.sheets.find((s) => s.sheetName === f.sheetName) as SheetSnapshot;
    outcomes.set(f.sheetName, { sheetName: f.sheetName, snapshot, error: f.error });
  }
  for (const g of grids) {
    const snapshot = workbook.sheets.find((s) => s.sheetName === g.sheetName) as SheetSnapshot;
    outcomes.set(
      g.sheetName,
      outcomeOf(snapshot, () => analyseDetected(g.model, snapshot, options, workbook))
    );
  }
  if (outcomes.size === 0) {
    throw new ItosError(
      "no-grid",
      "No payback grid found on any sheet: no row of month or year headers with investment and return lines under it."
    );
  }
  // In tab order, failures among the rest.
  return workbook.sheets.flatMap((s) => outcomes.get(s.sheetName) ?? []);
}

/** The sheets to analyse, as analyseWorkbookSheets; the first sheet that cannot be read is thrown. */
export function analyseWorkbook(
  input: WorkbookSnapshot,
  options: WorkbookAnalyseOptions = {}
): { snapshot: SheetSnapshot; analysis: SheetAnalysis }[] {
  const outcomes = analyseWorkbookSheets(input, options);
  const failed = outcomes.find((o) => o.error !== undefined);
  if (failed?.error) throw failed.error;
  return outcomes.map((o) => ({ snapshot: o.snapshot, analysis: o.analysis as SheetAnalysis }));
}

/** Suffix for the ITOS_ names of the k-th analysed sheet: none for the first, the sheet's name after. */
export function nameSuffixFor(sheetName: string, k: number): string {
  return k === 0 ? "" : `_${sheetName.replace(/[^A-Za-z0-9_]/g, "_")}`;
}
