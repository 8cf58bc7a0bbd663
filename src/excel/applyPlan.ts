/**
 * Applies a WritePlan in Excel with a constant number of syncs whatever the grid size: one read
 * (names, the target cells, charts, mark cells, ITOS's cell style), one more on a re-run to tell
 * ITOS's earlier cells from the user's (ownership.ts), and one write (calculation suspended; old
 * ITOS output removed; names first, then values, formulas, formats, conditional formats, chart and
 * marks). A further sync happens only when one request would exceed Excel on the web's payload
 * limit. It refuses to write over a non-empty cell, a sheet or a name that ITOS does not own.
 *
 * Office.js is not transactional: a sync can fail with part of its batch applied. Everything ITOS
 * writes is therefore tagged before it is written (a name, or a mark's memo), and a failed write
 * is taken out again at once (undoPartialWrite); if even that fails, the tags let a later Analyse
 * or Remove find and remove the leftover.
 */
import {
  boxOf,
  isMarkName,
  quoteSheetName,
  sectionRecords,
  SHEET_TAG,
  type SectionRecord,
  type TaggedName,
} from "../sheet";
import type { WritePlan } from "../grid";
import {
  lastMarkNumber,
  SECTION_COMMENT,
  SHEET_COMMENT,
  taggedNamesFrom,
  userNamesFrom,
} from "./officeNames";
import { requestBytes, splitRect, toRectangles } from "./rectangles";
import { apiSupported, NOTES_API } from "./apiSets";
import { undoPartialWrite, type WriteStart } from "./undoWrite";
import { readOwnership, type OwnershipWithRules } from "./ownership";
import { queueAddStyle, queueCells } from "./cellWrite";
import { queueChart } from "./chartWrite";
import { queueMarks } from "./markWrite";
import { queueRemoveOutput } from "./outputRemoval";
import { oldCharts, queueRead, refuseOverwrites, type ReadState } from "./writeChecks";

export { apiSupported };
export { breakEvenPoint, rangeFromRef } from "./chartWrite";

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
  /** Earlier ITOS sections the user had changed, left as they are ("Case!A8:D18"). */
  leftAlone: string[];
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
  const owned = await readOwnership(context, tags, sync);
  refuseOverwrites(plan, state, tags, owned, userNamesFrom(state.names.items));

  const lastMark = lastMarkNumber(state.names.items);
  const start: WriteStart = {
    plan,
    newSheetExisted: state.newSheet !== null && !state.newSheet.isNullObject,
    chartsBefore: new Map(
      state.chartLists.map((l) => [l.sheet(), l.charts.items.map((c) => c.name)])
    ),
    lastMark,
  };
  try {
    await queueWrites(
      context,
      plan,
      state,
      { tags, owned, lastMark },
      { valuesOnly, maxBytes, sync }
    );
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
    leftAlone: owned.changed,
  };
}

/** Each section's memo of the plan: its digest and the rules ITOS writes in it (src/sheet). */
export function sectionMemos(plan: WritePlan, valuesOnly: boolean): Map<string, SectionRecord> {
  const sections = plan.names
    .filter((n) => !isMarkName(n.name))
    .map((n) => boxOf(n))
    .filter((b): b is NonNullable<typeof b> => b !== null);
  return sectionRecords(sections, plan.cells, plan.conditionalFormats, valuesOnly);
}

/** Each section name's comment: ITOS's marker, the digest of what ITOS writes in it, its rules. */
export function sectionComments(plan: WritePlan, valuesOnly: boolean): Map<string, string> {
  const memos = sectionMemos(plan, valuesOnly);
  const comments = new Map<string, string>();
  for (const n of plan.names) {
    const memo = memos.get(n.name);
    comments.set(n.name, SECTION_COMMENT(memo?.sum ?? "", memo?.cf));
  }
  return comments;
}

/** The write syncs: old output out, tags in, then everything they tag. */
async function queueWrites(
  context: Excel.RequestContext,
  plan: WritePlan,
  state: ReadState,
  earlier: { tags: readonly TaggedName[]; owned: OwnershipWithRules; lastMark: number },
  how: { valuesOnly: boolean; maxBytes: number; sync: () => Promise<void> }
): Promise<void> {
  const wb = context.workbook;
  const writesOutput =
    plan.cells.length + plan.names.length + plan.conditionalFormats.length + plan.charts.length >
      0 || plan.newSheet !== null;
  wb.application.suspendApiCalculationUntilNextSync();
  if (writesOutput)
    queueRemoveOutput(
      context,
      earlier.tags,
      oldCharts(state),
      earlier.owned.cells,
      earlier.owned.rules,
      earlier.owned.changed
    );
  if (plan.newSheet) {
    wb.worksheets.add(plan.newSheet);
    wb.names.add(SHEET_TAG, `=${quoteSheetName(plan.newSheet)}!$A$1`, SHEET_COMMENT);
  }
  // The names that tag the output go in before the output itself, so any part of it that lands
  // is ITOS's to remove. Marks are tagged by queueMarks, with a memo of the cell's fill.
  const sections = plan.names.filter((n) => !isMarkName(n.name));
  const memos = sectionMemos(plan, how.valuesOnly);
  for (const name of sections)
    wb.names.add(name.name, `=${name.ref}`, SECTION_COMMENT(null, memos.get(name.name)?.cf ?? []));
  if (plan.cells.length > 0) queueAddStyle(context, state.hasStyle());

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
  queueMarks(context, plan.marks, state.marks, earlier.tags, earlier.lastMark);
  // Last of all, each section's digest: a write cut short leaves names without one, whose
  // cells a later Analyse or Remove takes out as ITOS's rather than as a user's change.
  const comments = sectionComments(plan, how.valuesOnly);
  for (const name of sections) wb.names.getItem(name.name).comment = comments.get(name.name) ?? "";
  await how.sync();
}

export function applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  return Excel.run((context) => applyPlanInContext(context, plan, options));
}
