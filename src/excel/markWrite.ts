/**
 * Reconciliation marks on the user's own cells: a fill and, where the cell has none, a note. Each
 * mark is tagged first by an ITOS_Mark_<n> name whose comment records the cell's own fill and
 * whether ITOS added the note, so Clear marks and Remove give the cell back as it was.
 */
import { a1, absoluteA1, MARK_PREFIX, quoteSheetName, type TaggedName } from "../sheet";
import type { PlannedMark } from "../grid";
import { isMarkTag, isNoFill, markComment } from "./officeNames";

export interface MarkCells {
  /** Each planned mark's cell fill as it is before ITOS colours it. */
  fills: Excel.RangeFill[];
  /** Each planned mark's note, null-or-note (null when notes are not available). */
  notes: (Excel.Note | null)[];
}

/** Queues the loads of each mark cell's fill and note. */
export function queueMarkCellRead(
  context: Excel.RequestContext,
  marks: readonly PlannedMark[],
  useNotes: boolean
): MarkCells {
  const wb = context.workbook;
  const fills = marks.map((m) => {
    const fill = wb.worksheets.getItem(m.sheet).getRange(a1(m.row, m.col)).format.fill;
    fill.load("color");
    return fill;
  });
  const notes = marks.map((m) => {
    if (!useNotes) return null;
    const note = wb.notes.getItemOrNullObject(`${quoteSheetName(m.sheet)}!${a1(m.row, m.col)}`);
    note.load("content");
    return note;
  });
  return { fills, notes };
}

export function queueMarks(
  context: Excel.RequestContext,
  marks: readonly PlannedMark[],
  read: MarkCells,
  tags: readonly TaggedName[],
  lastMark: number
): void {
  const wb = context.workbook;
  const marked = new Set(tags.filter(isMarkTag).map((t) => t.ref.replace(/\$/g, "")));
  let next = lastMark;
  marks.forEach((m, i) => {
    const ref = `${quoteSheetName(m.sheet)}!${a1(m.row, m.col)}`;
    const range = wb.worksheets.getItem(m.sheet).getRange(a1(m.row, m.col));
    if (marked.has(ref)) {
      range.format.fill.color = m.fill; // already an ITOS mark: keep its memo of the original fill
      return;
    }
    // The memo goes first: whatever of the mark lands, Clear marks can then undo it.
    const note = read.notes[i];
    const addNote = note !== null && note.isNullObject;
    const originalFill = read.fills[i].color;
    next += 1;
    wb.names.add(
      `${MARK_PREFIX}${next}`,
      `=${quoteSheetName(m.sheet)}!${absoluteA1(m.row, m.col)}`,
      markComment(isNoFill(originalFill) ? null : originalFill, addNote)
    );
    if (addNote) wb.notes.add(ref, m.note);
    range.format.fill.color = m.fill;
  });
}
