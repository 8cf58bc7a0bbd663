/**
 * One orchestration for every adapter: the `itos` command and the Excel task pane both call
 * analyseSheet then planAnalysis, so what the command proves on a file is what the add-in does.
 */
import type Decimal from "decimal.js";
import {
  analysePayback,
  type Basis,
  sensitivityTable,
  type FlowLine,
  type PaybackConvention,
  type PaybackResult,
  type Period,
  ErrorMessage,
  ItosError,
} from "../engine";
import {
  detectSchemes,
  findSchemeGrids,
  type DetectOptions,
  type SchemeModel,
  type SchemeSummary,
  readSchemeSummary,
  flowsFromModel,
  type GridModel,
  hasCountedLines,
  type LineRole,
  noPaybackLinesError,
  sheetCell,
} from "./read";
import { buildWritePlan, type PlanOptions, reconcileMarks, type WritePlan } from "./plan";
import { a1, withoutOwnedCells, type SheetSnapshot, type WorkbookSnapshot } from "../sheet";
import {
  checkStatedPaybacks,
  findStatedPaybacks,
  type ReconciliationReport,
  reconcileSheet,
  type StatedPaybackCheck,
} from "./reconcile";
import { checkAmountsInRange, checkTotalsInRange } from "./amountRange";
import { trackSheet, withActualChecks, type SheetTracking } from "./tracking";

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
   * Only the stated totals are wanted (`reconcile`): a table with no investment or return (a
   * budget table) is read rather than refused.
   */
  reconcileOnly?: boolean;
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
  /** Plan versus actual, where the sheet carries actual figures beside the plan; else null. */
  tracking?: SheetTracking | null;
}

/** One scheme's analysis: a sheet's analysis with the scheme's name ("X", "Inflow C8:D8"). */
export interface SchemeAnalysis extends Omit<SheetAnalysis, "schemes"> {
  scheme: string;
}

/** "Sheet!A13": where a line's label sits. */
function labelCellName(model: GridModel, line: GridModel["lines"][number]): string {
  const at = line.lineIndex.find((i): i is number => i !== null && i !== undefined) ?? 0;
  const cell = sheetCell(model, at, model.labelIndex);
  return `${model.sheetName}!${a1(cell.row, cell.col)}`;
}

function withoutExcluded(model: GridModel, excluded: readonly string[] | undefined): GridModel {
  if (!excluded || excluded.length === 0) return model;
  const out = new Set(excluded);
  const left = model.lines.filter((l) => out.has(l.key) && l.role !== "ignored");
  return {
    ...model,
    lines: model.lines.map((l) => (out.has(l.key) ? { ...l, role: "ignored" as const } : l)),
    excluded: [
      ...model.excluded,
      ...left.map((l) => ({
        cell: labelCellName(model, l),
        label: l.label,
        reason: "left out of the payback by the user",
        holdsMoney: l.role === "investment" || l.role === "return" || l.role === "cost",
      })),
    ],
  };
}

function detectOptions(options: AnalyseOptions): DetectOptions {
  return { fyStartMonth: options.fyStartMonth, roleOverrides: options.roleOverrides };
}

/** Reads the grid, runs the payback engine on its component lines and checks its stated totals. */
export function analyseSheet(
  input: SheetSnapshot,
  options: AnalyseOptions = {},
  workbook?: WorkbookSnapshot
): SheetAnalysis {
  const snapshot = options.ownedCells ? withoutOwnedCells(input, options.ownedCells) : input;
  return analyseSchemes(detectSchemes(snapshot, detectOptions(options)), options, workbook);
}

/** One analysis for a single-scheme sheet; for several, the first with every scheme's under `schemes`. */
function analyseSchemes(
  found: SchemeModel[],
  options: AnalyseOptions,
  workbook?: WorkbookSnapshot
): SheetAnalysis {
  const each = found.map((s) => analyseDetected(s.model, s.snapshot, options, workbook));
  if (found.length === 1 && found[0].scheme === null) return each[0];
  const schemes = each.map((a, k) => ({ ...a, scheme: found[k].scheme ?? `Scheme ${k + 1}` }));
  // A reader of the first scheme alone is told there are others, so none is dropped in silence.
  const names = schemes.map((s) => `'${s.scheme}'`).join(", ");
  const note = `${each[0].model.sheetName} holds ${schemes.length} schemes (${names}), each analysed on its own; this is '${schemes[0].scheme}'.`;
  const first = {
    ...each[0],
    model: { ...each[0].model, warnings: [note, ...each[0].model.warnings] },
  };
  return { ...first, schemes };
}

/** analyseSheet for a grid already read from the snapshot (owned cells already blanked). */
function analyseDetected(
  detected: GridModel,
  snapshot: SheetSnapshot,
  options: AnalyseOptions,
  workbook?: WorkbookSnapshot
): SheetAnalysis {
  const model = withoutExcluded(detected, options.excludedLines);
  if (!options.reconcileOnly && !hasCountedLines(model)) throw noPaybackLinesError(model);
  checkAmountsInRange(model, snapshot);
  const flows = flowsFromModel(model, snapshot);
  const paybackOptions = {
    basis: options.basis,
    convention: options.convention,
    discountRate: options.discountRate,
    fyStartMonth: options.fyStartMonth,
  };
  const result = analysePayback(flows, paybackOptions);
  checkTotalsInRange(model, result);
  // Reconciliation checks the grid as the user laid it out, exclusions or not.
  const reconciliation = withActualChecks(
    detected,
    snapshot,
    reconcileSheet(detected, snapshot, workbook)
  );
  const tracking = trackSheet(model, snapshot, flows, paybackOptions);
  const statedPaybacks = checkStatedPaybacks(
    findStatedPaybacks(options.statedPaybacksFrom ?? snapshot),
    result.paybackByConvention,
    result.convention
  );
  return { model, flows, result, reconciliation, statedPaybacks, tracking };
}

/** The cells, names, formats, chart and marks to write for an analysed sheet. */
export function planAnalysis(
  analysis: SheetAnalysis,
  snapshot: SheetSnapshot,
  options: PlanOptions = {}
): WritePlan {
  const { result } = analysis;
  // On unless turned off; a table with no investment or return has no payback to vary.
  const sensitivity =
    options.sensitivity === false || !hasCountedLines(analysis.model)
      ? null
      : sensitivityTable(analysis.flows, {
          convention: result.convention,
          discountRate: result.discountRate,
        });
  return buildWritePlan(
    {
      model: analysis.model,
      result,
      marks: reconcileMarks(analysis.reconciliation),
      sensitivity,
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
  const detect = detectOptions(options);
  if (options.sheet !== undefined) {
    const snapshot = workbook.sheets.find((s) => s.sheetName === options.sheet);
    if (!snapshot) {
      const names = workbook.sheets.map((s) => s.sheetName);
      throw new ItosError("bad-argument", ErrorMessage.grid.noSuchSheet(options.sheet, names));
    }
    return [
      outcomeOf(snapshot, () => analyseSchemes(detectSchemes(snapshot, detect), options, workbook)),
    ];
  }
  const failures: { sheetName: string; error: ItosError }[] = [];
  const grids = findSchemeGrids(workbook, detect, failures);
  const outcomes = new Map<string, SheetOutcome>();
  for (const f of failures) {
    const snapshot = workbook.sheets.find((s) => s.sheetName === f.sheetName) as SheetSnapshot;
    outcomes.set(f.sheetName, { sheetName: f.sheetName, snapshot, error: f.error });
  }
  for (const g of grids) {
    const snapshot = workbook.sheets.find((s) => s.sheetName === g.sheetName) as SheetSnapshot;
    outcomes.set(
      g.sheetName,
      outcomeOf(snapshot, () => analyseSchemes(g.schemes, options, workbook))
    );
  }
  if (outcomes.size === 0) {
    const summaries = summariseWorkbook(input, options).map((s) => s.snapshot.sheetName);
    throw new ItosError("no-grid", ErrorMessage.grid.noGridInWorkbook(summaries));
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

/**
 * Scheme summaries: the sheets (the one named, or all) that hold no timeline grid but a table of
 * schemes with a cost and an annual saving, each stated payback checked against cost / saving.
 * A sheet with a grid is analysed by analyseWorkbook and is not listed here.
 */
export function summariseWorkbook(
  input: WorkbookSnapshot,
  options: WorkbookAnalyseOptions = {}
): { snapshot: SheetSnapshot; summary: SchemeSummary }[] {
  const owned = options.ownedCells;
  const sheets = input.sheets
    .map((s) => (owned ? withoutOwnedCells(s, owned) : s))
    .filter((s) => options.sheet === undefined || s.sheetName === options.sheet);
  const found: { snapshot: SheetSnapshot; summary: SchemeSummary }[] = [];
  for (const snapshot of sheets) {
    try {
      detectSchemes(snapshot, detectOptions(options));
      continue; // a timeline grid: analyseWorkbook reads it
    } catch (e) {
      if (!(e instanceof ItosError && e.code === "no-grid")) continue;
    }
    const summary = readSchemeSummary(snapshot);
    if (summary) found.push({ snapshot, summary });
  }
  return found;
}
