/**
 * What applyPlan reads before it writes (the plan's target cells, names, charts, the new sheet,
 * the mark cells, ITOS's cell style) and the checks that stop it before anything is written: a
 * non-empty cell ITOS does not own, a sheet or a name of the user's that the plan would take.
 */
import { ErrorMessage, ItosError } from "../engine";
import { a1, boxOf, CHART_NAME, cellKey, SHEET_TAG, type TaggedName } from "../sheet";
import type { PlannedCell, WritePlan } from "../grid";
import { isSheetTag, NAME_FIELDS } from "./officeNames";
import { queueMarkCellRead, type MarkCells } from "./markWrite";
import { queueStyleCheck } from "./cellWrite";
import type { Ownership } from "./ownership";

export interface ReadState {
  names: Excel.NamedItemCollection;
  targets: { sheet: string; top: number; left: number; range: Excel.Range }[];
  newSheet: Excel.Worksheet | null;
  charts: { sheet: string; chart: Excel.Chart }[];
  active: { sheet: Excel.Worksheet; chart: Excel.Chart };
  marks: MarkCells;
  /** Every chart on the plan's sheets before writing, to tell a chart this run added. */
  chartLists: { sheet: () => string; charts: Excel.ChartCollection }[];
  hasStyle: () => boolean;
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

function boundingBox(cells: readonly PlannedCell[]) {
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

export function queueRead(
  context: Excel.RequestContext,
  plan: WritePlan,
  useNotes: boolean
): ReadState {
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
  const hasStyle = plan.cells.length > 0 ? queueStyleCheck(context) : () => true;
  return {
    names,
    targets,
    newSheet,
    charts,
    active: { sheet: active, chart: activeChart },
    marks: queueMarkCellRead(context, plan.marks, useNotes),
    chartLists,
    hasStyle,
  };
}

/** ITOS charts found on the plan's sheets and the active sheet, each once. */
export function oldCharts(state: ReadState): Excel.Chart[] {
  const charts = state.charts.map((c) => c.chart);
  if (!state.charts.some((c) => c.sheet === state.active.sheet.name))
    charts.push(state.active.chart);
  return charts;
}

/** Throws naming the first thing of the user's the plan would overwrite; nothing is written then. */
export function refuseOverwrites(
  plan: WritePlan,
  state: ReadState,
  tags: readonly TaggedName[],
  owned: Ownership,
  userNames: ReadonlySet<string>
): void {
  for (const target of state.targets) {
    const existing = target.range.formulas;
    for (const c of plan.cells) {
      if (c.sheet !== target.sheet) continue;
      const current = existing[c.row - target.top]?.[c.col - target.left];
      if (current === "" || current === null || current === undefined) continue;
      if (owned.cells.has(cellKey(c.sheet, c.row, c.col))) continue;
      const cell = `${c.sheet}!${a1(c.row, c.col)}`;
      throw new ItosError("no-room", ErrorMessage.write.cellTaken(cell, describe(current)), {
        cell,
      });
    }
  }
  const itosSheets = new Set(tags.filter(isSheetTag).map((t) => boxOf(t)?.sheet?.toLowerCase()));
  if (
    plan.newSheet &&
    state.newSheet &&
    !state.newSheet.isNullObject &&
    !itosSheets.has(plan.newSheet.toLowerCase())
  ) {
    throw new ItosError("no-room", ErrorMessage.write.sheetTaken(plan.newSheet), {
      cell: plan.newSheet,
    });
  }
  const planned = [...plan.names.map((n) => n.name), ...(plan.newSheet ? [SHEET_TAG] : [])];
  const clash = planned.find((n) => userNames.has(n.toLowerCase()));
  if (clash) throw new ItosError("no-room", ErrorMessage.write.nameTaken(clash));
}
