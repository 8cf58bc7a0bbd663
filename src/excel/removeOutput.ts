/**
 * "Remove ITOS output" and "Clear marks": delete exactly what ITOS's marked names tag, and of the
 * cells inside them only those ITOS wrote (ownership.ts); a mark gives the cell its own fill back.
 */
import { a1, boxOf, CHART_NAME, quoteSheetName, type TaggedName } from "../sheet";
import { isMarkTag, markMemo, NAME_FIELDS, taggedNamesFrom } from "./officeNames";
import { queueRemoveOutput } from "./outputRemoval";
import { readOwnership } from "./ownership";
import { apiSupported, NOTES_API } from "./apiSets";

export interface RemoveResult {
  namesRemoved: number;
  marksCleared: number;
  chartRemoved: boolean;
  sheetRemoved: string | null;
  syncs: number;
}

async function loadTags(context: Excel.RequestContext): Promise<TaggedName[]> {
  const names = context.workbook.names;
  names.load(NAME_FIELDS);
  await context.sync();
  return taggedNamesFrom(names.items);
}

/** Queues the notes ITOS added on marked cells, as null-or-note objects to check after a sync. */
export function queueMarkNotes(
  context: Excel.RequestContext,
  marks: readonly TaggedName[]
): (Excel.Note | null)[] {
  const useNotes = apiSupported(NOTES_API);
  return marks.map((mark) => {
    const box = boxOf(mark);
    if (!useNotes || !box || !markMemo(mark).addedNote) return null;
    const note = context.workbook.notes.getItemOrNullObject(
      `${quoteSheetName(box.sheet)}!${a1(box.top, box.left)}`
    );
    note.load("content"); // any load tells, after the sync, whether the note exists (isNullObject)
    return note;
  });
}

/** Restores each marked cell's fill, deletes the notes ITOS added and the mark names. */
export function queueClearMarks(
  context: Excel.RequestContext,
  marks: readonly TaggedName[],
  notes: readonly (Excel.Note | null)[]
): void {
  marks.forEach((mark, i) => {
    const box = boxOf(mark);
    if (box) {
      const fill = context.workbook.worksheets.getItem(box.sheet).getRange(a1(box.top, box.left))
        .format.fill;
      const original = markMemo(mark).fill;
      if (original) fill.color = original;
      else fill.clear();
    }
    const note = notes[i];
    if (note && !note.isNullObject) note.delete();
    context.workbook.names.getItem(mark.name).delete();
  });
}

export async function clearMarksInContext(context: Excel.RequestContext): Promise<number> {
  const marks = (await loadTags(context)).filter(isMarkTag);
  if (marks.length === 0) return 0;
  const notes = queueMarkNotes(context, marks);
  await context.sync();
  queueClearMarks(context, marks, notes);
  await context.sync();
  return marks.length;
}

/**
 * Removes every ITOS output and mark: 3 syncs (names and sheets; charts, notes and which cells are
 * ITOS's; removal), 4 when conditional formats touch ITOS's sections (their ranges and formulas
 * are read to tell ITOS's rules from the user's).
 */
export async function removeOutputInContext(context: Excel.RequestContext): Promise<RemoveResult> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tags = await loadTags(context);
  const marks = tags.filter(isMarkTag);
  const charts = sheets.items.map((s) => {
    const chart = s.charts.getItemOrNullObject(CHART_NAME);
    chart.load("name");
    return chart;
  });
  const notes = queueMarkNotes(context, marks);
  // The charts and notes load with the cells' styles, on the sync that reads ownership.
  let syncs = 1; // loadTags
  const owned = await readOwnership(context, tags, async () => {
    syncs += 1;
    await context.sync();
  });
  if (syncs === 1) {
    syncs += 1;
    await context.sync();
  }
  const { deletedSheet } = queueRemoveOutput(
    context,
    tags,
    charts,
    owned.cells,
    owned.rules,
    owned.changed
  );
  queueClearMarks(context, marks, notes);
  await context.sync();
  return {
    namesRemoved: tags.length,
    marksCleared: marks.length,
    chartRemoved: charts.some((c) => !c.isNullObject),
    sheetRemoved: deletedSheet,
    syncs: syncs + 1,
  };
}

export function removeOutput(): Promise<RemoveResult> {
  return Excel.run((context) => removeOutputInContext(context));
}

export function clearMarks(): Promise<number> {
  return Excel.run((context) => clearMarksInContext(context));
}
