/**
 * Applies a WritePlan in Excel with a constant number of syncs whatever the grid size:
 * one read (ITOS names, the target cells, charts, mark cells) and one write (calculation
 * suspended; old ITOS output removed; names first, then values, formulas, formats, conditional
 * formats, chart and marks). A further sync happens only when one request would exceed Excel on
 * the web's payload limit. It refuses to write over a non-empty cell that ITOS does not own.
 *
 * Office.js is not transactional: a sync can fail with part of its batch applied. Everything ITOS
 * writes is therefore tagged before it is written (a name, or a mark's memo), and a failed write
 * is taken out again at once (undoPartialWrite); if even that fails, the tags let a later Analyse
 * or Remove find and remove the leftover.
 */
import { ItosError } from "../engine";
import {
  a1,
  absoluteA1,
  boxOf,
  CHART_NAME,
  cellKey,
  encodeMarkMemo,
  isMarkName,
  isOutputName,
  MARK_PREFIX,
  ownedCellKeys,
  parseRangeRef,
  quoteSheetName,
  rangeA1,
  SHEET_TAG,
  type TaggedName,
} from "../sheet";
import type { PlannedCell, PlannedChart, PlannedMark, WritePlan } from "../grid";
import { isNoFill, NAME_FIELDS, taggedNamesFrom } from "./officeNames";
import { cellInput, requestBytes, splitRect, toRectangles, type CellRect } from "./rectangles";
import { apiSupported, CELL_PROPERTIES_API, NOTES_API } from "./apiSets";
import { undoPartialWrite, type WriteStart } from "./undoWrite";

export { apiSupported };

/** Excel on the web rejects requests over about 5 MB; stay well under it. */
export const DEFAULT_MAX_REQUEST_BYTES = 3_500_000;

export interface ApplyOptions {
  valuesOnly?: boolean;
  maxRequestBytes?: number;
}

export interface ApplyResult {
  syncs: number;
  cellsWritten: number;
  namesWritten: number;
  marksWritten: number;
  /** Sheet the analysis went to. */
  sheet: string | null;
}

/** A "Sheet!A1:B2" or "'My sheet'!$A$1" reference as a Range on its sheet. */
export function rangeFromRef(context: Excel.RequestContext, ref: string): Excel.Range {
  const box = parseRangeRef(ref);
  if (!box) throw new ItosError("bad-argument", `ITOS could not read the reference ${ref}.`);
  const sheet = context.workbook.worksheets.getItem(box.sheet);
  return sheet.getRange(rangeA1(box.top, box.left, box.bottom, box.right));
}

function describe(cellText: unknown): string {
  const text = String(cellText);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function planSheets(plan: WritePlan): Set<string> {
  const sheets = new Set<string>();
  for (const c of plan.cells) sheets.add(c.sheet);
  for (const f of plan.conditionalFormats) sheets.add(f.sheet);
  for (const c of plan.charts) sheets.add(c.sheet);
  for (const m of plan.marks) sheets.add(m.sheet);
  if (plan.newSheet) sheets.delete(plan.newSheet);
  return sheets;
}

function boundingBox(cells: readonly PlannedCell[]): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  let top = Infinity,
    left = Infinity,
    bottom = -Infinity,
    right = -Infinity;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return { top, left, bottom, right };
}

/** Index of the first point at or above zero after a point below it: the break-even to highlight. */
export function breakEvenPoint(plan: WritePlan, chart: PlannedChart): number | null {
  const box = parseRangeRef(chart.valuesRef);
  if (!box) return null;
  const byKey = new Map(plan.cells.map((c) => [cellKey(c.sheet, c.row, c.col), c]));
  const values: number[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const v = byKey.get(cellKey(box.sheet, r, c))?.value;
      values.push(typeof v === "number" ? v : NaN);
    }
  }
  let seenNegative = false;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) seenNegative = true;
    else if (seenNegative && values[i] >= 0) return i;
  }
  return null;
}

interface ReadState {
  names: Excel.NamedItemCollection;
  targets: { sheet: string; top: number; left: number; range: Excel.Range }[];
  newSheet: Excel.Worksheet | null;
  charts: { sheet: string; chart: Excel.Chart }[];
  active: { sheet: Excel.Worksheet; chart: Excel.Chart };
  markFills: Excel.RangeFill[];
  markNotes: (Excel.Note | null)[];
  /** Every chart on the plan's sheets before writing, to tell a chart this run added. */
  chartLists: { sheet: () => string; charts: Excel.ChartCollection }[];
}

function queueRead(context: Excel.RequestContext, plan: WritePlan, useNotes: boolean): ReadState {
  const wb = context.workbook;
  const names = wb.names;
  names.load(NAME_FIELDS);
  const targets: ReadState["targets"] = [];
  const charts: ReadState["charts"] = [];
  const chartLists: ReadState["chartLists"] = [];
  for (const sheetName of planSheets(plan)) {
    const sheet = wb.worksheets.getItem(sheetName);
    const cells = plan.cells.filter((c) => c.sheet === sheetName);
    if (cells.length > 0) {
      const box = boundingBox(cells);
      const range = sheet.getRange(`${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`);
      range.load("formulas");
      targets.push({ sheet: sheetName, top: box.top, left: box.left, range });
    }
    const chart = sheet.charts.getItemOrNullObject(CHART_NAME);
    chart.load("name"); // any load tells, after the sync, whether the chart exists (isNullObject)
    charts.push({ sheet: sheetName, chart });
    sheet.charts.load("items/name");
    // sheet.charts is a collection proxy queued for loading, not a property read before a sync.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    chartLists.push({ sheet: () => sheetName, charts: sheet.charts });
  }
  // The active sheet too: an earlier run may have charted there when this plan goes elsewhere.
  const active = wb.worksheets.getActiveWorksheet();
  active.load("name");
  const activeChart = active.charts.getItemOrNullObject(CHART_NAME);
  activeChart.load("name");
  active.charts.load("items/name");
  // active.name is read by the lambda after the sync that loads it.
  // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read
  chartLists.push({ sheet: () => active.name, charts: active.charts });
  let newSheet: Excel.Worksheet | null = null;
  if (plan.newSheet) {
    newSheet = wb.worksheets.getItemOrNullObject(plan.newSheet);
    newSheet.load("name");
  }
  const markFills = plan.marks.map((m) => {
    const fill = wb.worksheets.getItem(m.sheet).getRange(a1(m.row, m.col)).format.fill;
    fill.load("color");
    return fill;
  });
  const markNotes = plan.marks.map((m) => {
    if (!useNotes) return null;
    const note = wb.notes.getItemOrNullObject(`${quoteSheetName(m.sheet)}!${a1(m.row, m.col)}`);
    note.load("content");
    return note;
  });
  return {
    names,
    targets,
    newSheet,
    charts,
    active: { sheet: active, chart: activeChart },
    markFills,
    markNotes,
    chartLists,
  };
}

/** ITOS charts found on the plan's sheets and the active sheet, each once. */
function oldCharts(state: ReadState): Excel.Chart[] {
  const charts = state.charts.map((c) => c.chart);
  if (!state.charts.some((c) => c.sheet === state.active.sheet.name))
    charts.push(state.active.chart);
  return charts;
}

/** Throws naming the first non-empty cell the plan would overwrite that ITOS does not own. */
function refuseOverwrites(plan: WritePlan, state: ReadState, tags: readonly TaggedName[]): void {
  const owned = ownedCellKeys(tags);
  for (const target of state.targets) {
    const existing = target.range.formulas;
    for (const c of plan.cells) {
      if (c.sheet !== target.sheet) continue;
      const current = existing[c.row - target.top]?.[c.col - target.left];
      if (current === "" || current === null || current === undefined) continue;
      if (owned.has(cellKey(c.sheet, c.row, c.col))) continue;
      const cell = `${c.sheet}!${a1(c.row, c.col)}`;
      throw new ItosError(
        "no-room",
        `${cell} already holds '${describe(current)}'. ITOS only writes into empty cells, so it has written nothing: ` +
          `clear or move that cell, or choose "New sheet" for the output.`,
        { cell }
      );
    }
  }
  if (
    plan.newSheet &&
    state.newSheet &&
    !state.newSheet.isNullObject &&
    !tags.some((t) => t.name === SHEET_TAG)
  ) {
    throw new ItosError(
      "no-room",
      `A sheet called '${plan.newSheet}' already exists and ITOS did not create it, so it has written nothing: rename that sheet and try again.`,
      { cell: plan.newSheet }
    );
  }
}

/** Queues removal of earlier ITOS output (ranges, names, CF rules, chart, ITOS sheet); not marks. */
export function queueRemoveOutput(
  context: Excel.RequestContext,
  tags: readonly TaggedName[],
  charts: readonly Excel.Chart[]
): { deletedSheet: string | null } {
  const wb = context.workbook;
  const sheetTag = tags.find((t) => t.name === SHEET_TAG);
  const itosSheet = sheetTag ? (boxOf(sheetTag)?.sheet ?? null) : null;
  for (const tag of tags) {
    if (!isOutputName(tag.name)) continue;
    const box = boxOf(tag);
    if (box && box.sheet !== itosSheet) {
      const range = wb.worksheets
        .getItem(box.sheet)
        .getRange(`${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`);
      range.conditionalFormats.clearAll();
      range.clear("All");
    }
    wb.names.getItem(tag.name).delete();
  }
  for (const chart of charts) if (!chart.isNullObject) chart.delete();
  if (sheetTag) {
    wb.names.getItem(SHEET_TAG).delete();
    if (itosSheet) wb.worksheets.getItem(itosSheet).delete();
  }
  return { deletedSheet: itosSheet };
}

function queueCells(context: Excel.RequestContext, rect: CellRect, valuesOnly: boolean): void {
  const sheet = context.workbook.worksheets.getItem(rect.sheet);
  const target = sheet.getRange(
    `${a1(rect.top, rect.left)}:${a1(rect.top + rect.cells.length - 1, rect.left + rect.cells[0].length - 1)}`
  );
  target.numberFormat = rect.cells.map((row) => row.map((c) => c.numberFormat ?? "General"));
  target.formulas = rect.cells.map((row) => row.map((c) => cellInput(c, valuesOnly)));
  if (!rect.cells.some((row) => row.some((c) => c.bold || c.fill))) return;
  if (apiSupported(CELL_PROPERTIES_API)) {
    target.setCellProperties(
      rect.cells.map((row) =>
        row.map((c) => ({
          format: {
            font: { bold: c.bold === true },
            ...(c.fill ? { fill: { color: c.fill } } : {}),
          },
        }))
      )
    );
    return;
  }
  // Before ExcelApi 1.9: the same formats cell by cell (only headers and KPIs carry them).
  target.format.font.bold = false;
  rect.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!c.bold && !c.fill) return;
      const one = sheet.getRange(a1(rect.top + i, rect.left + j));
      if (c.bold) one.format.font.bold = true;
      if (c.fill) one.format.fill.color = c.fill;
    })
  );
}

function queueChart(
  context: Excel.RequestContext,
  plan: WritePlan,
  chart: PlannedChart
): Excel.Chart {
  const values = rangeFromRef(context, chart.valuesRef);
  const box = parseRangeRef(chart.valuesRef);
  const down = box ? box.bottom > box.top : false;
  const sheet = context.workbook.worksheets.getItem(chart.sheet);
  const added = sheet.charts.add("Line", values, down ? "Columns" : "Rows");
  added.name = CHART_NAME;
  added.title.text = chart.title;
  added.legend.visible = false;
  const series = added.series.getItemAt(0);
  series.name = "Cumulative position";
  series.setXAxisValues(rangeFromRef(context, chart.categoriesRef));
  const { row, col, widthCols, heightRows } = chart.anchor;
  added.setPosition(a1(row, col), a1(row + heightRows - 1, col + widthCols - 1));
  const point = breakEvenPoint(plan, chart);
  if (point !== null) {
    const p = series.points.getItemAt(point);
    p.markerStyle = "Diamond";
    p.markerSize = 11;
    p.markerBackgroundColor = "#107C10";
    p.markerForegroundColor = "#107C10";
    p.hasDataLabel = true;
  }
  return added;
}

function queueMarks(
  context: Excel.RequestContext,
  marks: readonly PlannedMark[],
  state: ReadState,
  tags: readonly TaggedName[]
): void {
  const wb = context.workbook;
  const marked = new Set(
    tags.filter((t) => isMarkName(t.name)).map((t) => t.ref.replace(/\$/g, ""))
  );
  let next = tags
    .filter((t) => isMarkName(t.name))
    .reduce((max, t) => Math.max(max, Number(t.name.slice(MARK_PREFIX.length)) || 0), 0);
  marks.forEach((m, i) => {
    const ref = `${quoteSheetName(m.sheet)}!${a1(m.row, m.col)}`;
    const range = wb.worksheets.getItem(m.sheet).getRange(a1(m.row, m.col));
    if (marked.has(ref)) {
      range.format.fill.color = m.fill; // already an ITOS mark: keep its memo of the original fill
      return;
    }
    // The memo goes first: whatever of the mark lands, Clear marks can then undo it.
    const note = state.markNotes[i];
    const addNote = note !== null && note.isNullObject;
    const originalFill = state.markFills[i].color;
    next += 1;
    wb.names.add(
      `${MARK_PREFIX}${next}`,
      `=${quoteSheetName(m.sheet)}!${absoluteA1(m.row, m.col)}`,
      encodeMarkMemo({
        originalFill: isNoFill(originalFill) ? null : originalFill,
        addedNote: addNote,
      })
    );
    if (addNote) wb.notes.add(ref, m.note);
    range.format.fill.color = m.fill;
  });
}

/** Applies the plan on the given context; the Excel.run wrapper is applyPlan(). */
export async function applyPlanInContext(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  let syncs = 0;
  const sync = async () => {
    syncs += 1;
    await context.sync();
  };
  const valuesOnly = options.valuesOnly === true;
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const useNotes = plan.marks.length > 0 && apiSupported(NOTES_API);

  const state = queueRead(context, plan, useNotes);
  await sync();
  const tags = taggedNamesFrom(state.names.items);
  refuseOverwrites(plan, state, tags);

  const start: WriteStart = {
    plan,
    newSheetExisted: state.newSheet !== null && !state.newSheet.isNullObject,
    chartsBefore: new Map(
      state.chartLists.map((l) => [l.sheet(), l.charts.items.map((c) => c.name)])
    ),
    lastMark: lastMarkNumber(tags),
  };
  try {
    await queueWrites(context, plan, state, tags, { valuesOnly, maxBytes, sync });
  } catch (error) {
    await undoPartialWrite(context, start, error);
  }

  const sheet = plan.newSheet ?? plan.cells[0]?.sheet ?? null;
  return {
    syncs,
    cellsWritten: plan.cells.length,
    namesWritten: plan.names.length,
    marksWritten: plan.marks.length,
    sheet,
  };
}

function lastMarkNumber(tags: readonly TaggedName[]): number {
  return tags
    .filter((t) => isMarkName(t.name))
    .reduce((max, t) => Math.max(max, Number(t.name.slice(MARK_PREFIX.length)) || 0), 0);
}

/** The write syncs: old output out, tags in, then everything they tag. */
async function queueWrites(
  context: Excel.RequestContext,
  plan: WritePlan,
  state: ReadState,
  tags: readonly TaggedName[],
  how: { valuesOnly: boolean; maxBytes: number; sync: () => Promise<void> }
): Promise<void> {
  const wb = context.workbook;
  const writesOutput =
    plan.cells.length + plan.names.length + plan.conditionalFormats.length + plan.charts.length >
      0 || plan.newSheet !== null;
  wb.application.suspendApiCalculationUntilNextSync();
  if (writesOutput) queueRemoveOutput(context, tags, oldCharts(state));
  if (plan.newSheet) {
    wb.worksheets.add(plan.newSheet);
    wb.names.add(SHEET_TAG, `=${quoteSheetName(plan.newSheet)}!$A$1`, "ITOS created this sheet");
  }
  // The names that tag the output go in before the output itself, so any part of it that lands
  // is ITOS's to remove. Marks are tagged by queueMarks, with a memo of the cell's fill.
  for (const name of plan.names)
    if (!isMarkName(name.name)) wb.names.add(name.name, `=${name.ref}`, "ITOS output");

  let pendingBytes = 0;
  for (const rect of toRectangles(plan.cells).flatMap((r) => splitRect(r, how.maxBytes))) {
    const bytes = requestBytes(rect);
    if (pendingBytes > 0 && pendingBytes + bytes > how.maxBytes) {
      await how.sync();
      pendingBytes = 0;
    }
    queueCells(context, rect, how.valuesOnly);
    pendingBytes += bytes;
  }
  for (const cf of plan.conditionalFormats) {
    const rule = wb.worksheets
      .getItem(cf.sheet)
      .getRange(cf.range)
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    rule.custom.rule.formula = cf.formula;
    rule.custom.format.fill.color = cf.fill;
    if (cf.fontColor) rule.custom.format.font.color = cf.fontColor;
  }
  for (const chart of plan.charts) queueChart(context, plan, chart);
  queueMarks(context, plan.marks, state, tags);
  await how.sync();
}

export function applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  return Excel.run((context) => applyPlanInContext(context, plan, options));
}
