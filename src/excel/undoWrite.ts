/**
 * Takes out what a failed write had put in, so the sheet is left as it was before ITOS's output
 * rather than holding half an analysis. Everything a write adds is tagged before it is added
 * (output names, the sheet tag, a mark's memo), so this finds it by those tags; the only things
 * it finds otherwise are a chart or sheet this run added and had not yet named or tagged, which
 * it recognises by comparing with what was there before the write.
 */
import type { WritePlan } from "../grid";
import { CHART_NAME, MARK_PREFIX, cellKey } from "../sheet";
import { isMarkTag, isSheetTag, NAME_FIELDS, taggedNamesFrom } from "./officeNames";
import { queueRemoveOutput } from "./outputRemoval";
import { queueRuleLists, readItosRules } from "./ruleOwnership";
import { queueOwnershipRead, sectionTags } from "./ownership";
import { queueClearMarks, queueMarkNotes } from "./removeOutput";

/** What the write knew before it started. */
export interface WriteStart {
  plan: WritePlan;
  /** The plan's new sheet was already there (an earlier ITOS sheet, replaced by this run). */
  newSheetExisted: boolean;
  /** Names of the charts on each charted sheet before the write. */
  chartsBefore: Map<string, string[]>;
  /** Highest ITOS_Mark_ number before the write: marks above it are this run's. */
  lastMark: number;
}

function detail(error: unknown): string {
  const message = (error as { message?: string } | null)?.message;
  return message ? ` (Excel said: ${message})` : "";
}

/** Removes the partial write, then throws: the sheet is as it was, or the user is told what to do. */
export async function undoPartialWrite(
  context: Excel.RequestContext,
  start: WriteStart,
  failure: unknown
): Promise<never> {
  try {
    await removeWhatWasWritten(context, start);
  } catch {
    throw new Error(
      `the write stopped part-way${detail(failure)} and ITOS could not take out what it had written. ` +
        `Press "Remove ITOS output" (or Analyse again) to tidy the sheet; your own cells were not changed.`
    );
  }
  throw new Error(
    `the write stopped part-way${detail(failure)}. ITOS took out what it had written, so the sheet ` +
      `is as it was before its output: press the button again.`
  );
}

async function removeWhatWasWritten(
  context: Excel.RequestContext,
  start: WriteStart
): Promise<void> {
  const wb = context.workbook;
  const names = wb.names;
  names.load(NAME_FIELDS);
  const chartLists = [...start.chartsBefore.keys()].map((sheet) => {
    const charts = wb.worksheets.getItem(sheet).charts;
    charts.load("items/name");
    return { sheet, charts };
  });
  const newSheet = start.plan.newSheet
    ? wb.worksheets.getItemOrNullObject(start.plan.newSheet)
    : null;
  newSheet?.load("name");
  await context.sync();

  const tags = taggedNamesFrom(names.items);
  const ownMarks = tags.filter(
    (t) => isMarkTag(t) && Number(t.name.slice(MARK_PREFIX.length)) > start.lastMark
  );
  const notes = queueMarkNotes(context, ownMarks);
  const settle = queueOwnershipRead(context, tags);
  const ruleLists = queueRuleLists(context, tags);
  if (ownMarks.length > 0 || sectionTags(tags).length > 0) await context.sync();
  const owned = settle();
  // This run's rules are in its sections' memos from the start: they go, a user's stay.
  const rules = await readItosRules(ruleLists, tags, owned.changed, () => context.sync());
  // Every cell this run was to write was empty or ITOS's before it: all of them go, with any
  // earlier ITOS cells still standing.
  const cells = owned.cells;
  for (const c of start.plan.cells) cells.add(cellKey(c.sheet, c.row, c.col));

  queueClearMarks(context, ownMarks, notes);
  // Charts this run added (the ITOS chart, or one added but not yet named), and an old ITOS chart
  // the write had not yet removed; before any sheet goes, so none of them is on a deleted sheet.
  for (const { sheet, charts } of chartLists) {
    const before = new Set(start.chartsBefore.get(sheet));
    for (const chart of charts.items)
      if (chart.name === CHART_NAME || !before.has(chart.name)) chart.delete();
  }
  const isAnalysis = start.plan.marks.length === 0 || start.plan.cells.length > 0;
  if (isAnalysis)
    queueRemoveOutput(
      context,
      tags.filter((t) => !isMarkTag(t)),
      [],
      cells,
      rules
    );
  // A sheet this run added but had not yet tagged (the tag's removal deletes a tagged one).
  const tagged = tags.some(isSheetTag);
  if (newSheet && !newSheet.isNullObject && !start.newSheetExisted && !tagged) newSheet.delete();
  await context.sync();
}
