/**
 * The grid reader: from a sheet snapshot, find the period axis (one header row, or stacked blocks
 * with one header row per financial year), the label column, each line's role, the unit and the
 * sign convention, all tied to cells. When it cannot tell, it says so with the candidates rather
 * than guessing silently.
 */
import { ErrorMessage, ItosError, DEFAULT_OPTIONS } from "../../engine";
import { cellName, sheetCellName, transposeSnapshot } from "./orient";
import { buildAxis, chooseHeaderRows, scanHeaderRows, type AxisKind } from "./axis";
import type { GridBlock, GridLine, GridModel, LineRole } from "./model";
import { type SheetSnapshot, type WorkbookSnapshot } from "../../sheet";
import { blockSpans, findLabelColumn } from "./blocks";
import { collectLines, decideRoles, type RawLine } from "./roles";
import {
  componentSign,
  decideSignConvention,
  lazyNets,
  signVotes,
  signWarning,
  statedLineSign,
} from "./signs";
import { findUnit } from "./gridUnit";
import { sharedAxisTables } from "./tables";
import { excludedMoneyWarning } from "./excluded";
import { settleCumulativeLines } from "./cumulative";
import {
  costSign,
  excludedOf,
  lineFigures,
  lineWhere,
  partsAbove,
  promoteNetOnly,
  tableHeadings,
} from "./settle";
import type { ExcludedLine } from "./model";
import { settleNetOnly } from "./netOnly";
import {
  actualExclusions,
  markedWithoutPlan,
  partlyPairedWarning,
  periodMarks,
  prepareForActuals,
  setAsideActualLines,
  trackingLayout,
} from "./actuals";

export interface DetectOptions {
  /** First month of the financial year, 1-12 (default 4, April). */
  fyStartMonth?: number;
  /**
   * Roles chosen by the user for lines the reader could not decide: by line key ("total return"),
   * or by the label cell as the sheet shows it ("'Appendix 1'!A13", or "A13").
   */
  roleOverrides?: Record<string, LineRole>;
}

const ANNUAL_KINDS = new Set<AxisKind>(["annual-fy", "annual-number", "calendar-year"]);

function noGrid(snapshot: SheetSnapshot, why: string): ItosError {
  return new ItosError("no-grid", ErrorMessage.grid.noGridOnSheet(snapshot.sheetName, why));
}

/**
 * Reads the payback grid on a sheet: periods across the columns, or, failing that, down the rows
 * (a transposed grid, read by turning the snapshot on its side).
 */
export function detectGrid(snapshot: SheetSnapshot, options: DetectOptions = {}): GridModel {
  try {
    return readAcross(snapshot, options);
  } catch (across) {
    if (!(across instanceof ItosError && across.code === "no-grid")) throw across;
    let turned: GridModel;
    try {
      turned = readAcross(transposeSnapshot(snapshot), options);
    } catch (down) {
      // A transposed reading that found headers but could not settle says more than "no grid".
      if (down instanceof ItosError && down.code !== "no-grid") throw down;
      throw across;
    }
    return periodsDown(turned);
  }
}

/**
 * A model read from the turned snapshot, stated for the sheet: period "columns" are sheet rows and
 * line "rows" are sheet columns (as GridModel documents for periods-down grids); bounds are the
 * sheet's own.
 */
function periodsDown(turned: GridModel): GridModel {
  const b = turned.bounds;
  return {
    ...turned,
    orientation: "periods-down",
    bounds: { top: b.left, left: b.top, bottom: b.right, right: b.bottom },
  };
}

function readAcross(input: SheetSnapshot, options: DetectOptions): GridModel {
  // Actuals beside the plan: period marks and plan/actual column pairs made plain first.
  const actuals = prepareForActuals(input);
  const snapshot = actuals.snapshot;
  const fyStartMonth = options.fyStartMonth ?? DEFAULT_OPTIONS.fyStartMonth;
  const warnings: string[] = [];
  const { chosen: allChosen, others } = chooseHeaderRows(scanHeaderRows(snapshot));
  if (allChosen.length === 0)
    throw noGrid(snapshot, "there is no row or column of month or year headers");
  // Tables that head the same periods again share the axis of the first.
  const { axisRows: chosen, tableHeaders } = sharedAxisTables(allChosen);
  const { slots, totalColumns } = buildAxis(snapshot, chosen, fyStartMonth);
  if (slots.length < 2) throw noGrid(snapshot, "fewer than two period headers");

  // Header rows that head no periods of their own (a stray FY row) do not make blocks.
  const used = chosen.map((_, b) => slots.some((s) => s.block === b));
  const headers = chosen.filter((_, b) => used[b]);
  const remap = chosen.map((_, b) => used.slice(0, b).filter(Boolean).length);
  const blockSlots = slots.map((s) => ({ ...s, block: remap[s.block] }));
  const blockTotals = totalColumns.filter((_, b) => used[b]);

  for (const h of headers) {
    if (h.datesWithoutFormat)
      warnings.push(
        `${sheetCellName(snapshot, h.row, h.cells[0].col)}: the period headers here are numbers without a date format, read as month dates.`
      );
  }
  const spans = blockSpans(snapshot, headers, others, blockSlots, blockTotals);
  const labelCol = findLabelColumn(snapshot, spans);
  if (labelCol === null)
    throw noGrid(
      snapshot,
      `the period headers at ${cellName(snapshot, headers[0].row, headers[0].cells[0].col)} have no line labels beside them`
    );

  const tables = tableHeadings(snapshot, spans, tableHeaders, labelCol);
  const excluded: ExcludedLine[] = [];
  const tableRows = new Set(tableHeaders.map((h) => h.row));
  const raw = collectLines(snapshot, spans, labelCol, warnings, tableRows, excluded);
  decideRoles(snapshot, spans, raw, labelCol, options.roleOverrides ?? {}, warnings, tables);
  // A net-only table: the lines its net line sums are counted through it, not again.
  settleNetOnly(
    snapshot,
    raw,
    spans.map((s) => s.periodCols),
    labelCol,
    warnings
  );
  const headerRowOf = (b: number) => spans[b].header.row;
  const marks = periodMarks(snapshot, actuals.headerMarks, blockSlots, headerRowOf, labelCol);
  const actualKeys = setAsideActualLines(raw, marks.includes("actual"));
  const isActual = (l: { key: string }) => actualKeys.has(l.key);
  const candidates = raw
    .filter((l) => l.role === null)
    .map(
      (l) =>
        `${sheetCellName(snapshot, l.rows.find((r) => r !== null) as number, labelCol)}: ${l.label}`
    );
  if (candidates.length > 0) {
    throw new ItosError(
      "ambiguous-layout",
      ErrorMessage.grid.ambiguousLines(snapshot.sheetName, candidates),
      { candidates, cell: candidates[0].split(":")[0] }
    );
  }
  const decided = raw as (RawLine & { role: LineRole })[]; // no candidates left: every role is set
  settleCumulativeLines(
    decided.map((l) => Object.assign(l, { where: lineWhere(snapshot, l, labelCol) })),
    (l) => lineFigures(snapshot, blockSlots, l),
    (l) => partsAbove(decided, l) as (typeof l)[],
    warnings
  );
  const flowLines = promoteNetOnly(decided);
  const budgetTable = decided.some((l) => l.role === "other" && l.hasAmounts);
  if (!flowLines && !budgetTable) {
    throw noGrid(snapshot, "no investment or return lines with amounts under the period headers");
  }
  excluded.push(...excludedOf(snapshot, decided, labelCol));
  excluded.push(...actualExclusions(snapshot, decided, actualKeys, labelCol));

  const convention = decideSignConvention(signVotes(snapshot, spans, decided));
  const lines: GridLine[] = decided.map((l) => ({
    key: l.key,
    label: l.label,
    role: l.role,
    lineIndex: l.rows,
    ...(l.runningSumOf ? { runningSumOf: l.runningSumOf } : {}),
    sign:
      l.role === "cost"
        ? costSign(snapshot, spans, l)
        : l.role === "net-flow"
          ? 1
          : componentSign(l.role, convention),
  }));
  const allComponents = lines.filter(
    (l) =>
      l.role === "investment" || l.role === "return" || l.role === "cost" || l.role === "net-flow"
  );
  // Plan and actual lines each net against their own kind.
  const components = allComponents.filter((l) => !isActual(l));
  const actualNetAt = lazyNets(snapshot, blockSlots, allComponents.filter(isActual));
  const statedFallback: 1 | -1 = convention === "savings-negative" ? -1 : 1;
  const netAt = lazyNets(snapshot, blockSlots, components);
  // Whole-pound figures: each rounded part may be out by up to a pound.
  const tolerance = Math.max(2, components.length);
  for (const line of lines) {
    if (line.role === "net" || line.role === "cumulative")
      line.sign = statedLineSign(
        snapshot,
        blockSlots,
        line,
        isActual(line) ? actualNetAt : netAt,
        tolerance,
        statedFallback
      );
  }
  const netFlow = lines.find((l) => l.role === "net-flow");
  if (netFlow)
    warnings.unshift(
      `${snapshot.sheetName}: ${cellName(snapshot, netFlow.lineIndex.find((r) => r !== null) as number, labelCol)} '${netFlow.label}' is the only flow line: analysed directly, negative figures as money out.`
    );
  else if (flowLines) warnings.unshift(signWarning(snapshot, convention, lines, labelCol));
  const moneyLeftOut = excludedMoneyWarning(excluded);
  if (moneyLeftOut) warnings.push(moneyLeftOut);

  const { unit, unitSource } = findUnit(snapshot, spans, labelCol, lines, warnings);
  const kind = headers[0].kind;
  const blocks: GridBlock[] = spans.map((s) => ({
    headerIndex: s.header.row,
    firstLineIndex: s.firstRow,
    lastLineIndex: s.lastRow,
    totals: s.totals,
  }));
  const allCols = spans.flatMap((s) => s.valueCols);
  const tracking = trackingLayout(
    snapshot,
    lines,
    actualKeys,
    blockSlots,
    marks,
    actuals,
    headerRowOf
  );
  const untracked = markedWithoutPlan(snapshot, marks, blockSlots, tracking);
  if (untracked) warnings.push(untracked);
  const unpaired = partlyPairedWarning(snapshot, actuals.periodPairs, blockSlots, tracking);
  if (unpaired) warnings.push(unpaired);
  return {
    sheetName: snapshot.sheetName,
    orientation: "periods-across",
    periodicity: ANNUAL_KINDS.has(kind) ? "annual" : "monthly",
    unit,
    unitSource,
    signConvention: convention,
    labelIndex: labelCol,
    periods: blockSlots.map((s) => ({ period: s.period, block: s.block, periodIndex: s.col })),
    blocks,
    lines: lines.filter((l) => !isActual(l)),
    excluded,
    bounds: {
      top: Math.min(...spans.map((s) => s.header.row)),
      left: labelCol,
      bottom: Math.max(...spans.map((s) => s.lastRow)),
      right: Math.max(...allCols),
    },
    warnings,
    ...(tracking ? { tracking } : {}),
  };
}

/**
 * What `read` finds on each sheet that holds a grid, with the sheets that hold none left out; a
 * year table whose years all fall within a monthly grid elsewhere is that grid's summary, left to
 * reconciliation. When `failures` is given, a sheet ITOS cannot read is listed there and the
 * others go on.
 */
export function readGridSheets<T>(
  workbook: WorkbookSnapshot,
  read: (sheet: SheetSnapshot) => T,
  modelsOf: (found: T) => GridModel[],
  failures?: { sheetName: string; error: ItosError }[]
): { sheetName: string; found: T }[] {
  const found: { sheetName: string; found: T }[] = [];
  for (const sheet of workbook.sheets) {
    try {
      found.push({ sheetName: sheet.sheetName, found: read(sheet) });
    } catch (e) {
      if (e instanceof ItosError && e.code === "no-grid") continue;
      if (failures && e instanceof ItosError && e.code !== "bad-argument") {
        failures.push({ sheetName: sheet.sheetName, error: e });
        continue;
      }
      throw e;
    }
  }
  const monthlyYears = new Set(
    found
      .flatMap((g) => modelsOf(g.found))
      .filter((m) => m.periodicity === "monthly")
      .flatMap((m) => m.periods.map((p) => p.period.fy))
  );
  return found.filter((g) =>
    modelsOf(g.found).some(
      (m) =>
        m.periodicity !== "annual" ||
        monthlyYears.size === 0 ||
        !m.periods.every((p) => p.period.fy !== null && monthlyYears.has(p.period.fy))
    )
  );
}

/**
 * Every sheet of the workbook that holds a payback grid. A year table whose years all fall within
 * a monthly grid elsewhere in the workbook is that grid's summary (Sandwell's "Summary" sheet),
 * not a grid of its own: it is left to reconciliation.
 */
export function findGrids(
  workbook: WorkbookSnapshot,
  options: DetectOptions = {},
  /** When given, a sheet that holds a grid ITOS cannot read is listed here and the others go on. */
  failures?: { sheetName: string; error: ItosError }[]
): { sheetName: string; model: GridModel }[] {
  return readGridSheets(
    workbook,
    (sheet) => detectGrid(sheet, options),
    (model) => [model],
    failures
  ).map((g) => ({ sheetName: g.sheetName, model: g.found }));
}
