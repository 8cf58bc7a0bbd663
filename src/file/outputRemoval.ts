/**
 * Taking ITOS's output off a sheet's XML: the cells ITOS wrote inside a section (by their ITOS cell
 * formats, so a cell the user typed there stays) with the conditional formats ITOS wrote there,
 * and a mark on a user's cell (its format given back, ITOS's note removed).
 */
import { cellKey, isRecordedRule, overlaps, parseRangeRef, ruleBox, type NameMemo } from "../sheet";
import type { SheetNotes } from "./notesXml";
import type { SheetXml } from "./sheetXml";
import type { StylesXml } from "./stylesXml";
import { getAttr, setAttr, unescapeXml } from "./xml";

export type Box = NonNullable<ReturnType<typeof parseRangeRef>>;

/** The one area of a conditional format's sqref; null when it has several. */
function sqrefBox(sqref: string): ReturnType<typeof ruleBox> {
  return ruleBox(sqref.trim());
}

/**
 * Removes ITOS's cells and rules inside a section's box: cells with ITOS's cell formats that are
 * not in `keep` (a section the user changed), and the rules the section's memo recorded as
 * written by ITOS (src/sheet isRecordedRule) unless they touch a changed section. A user's rule
 * stays whole, wherever it reaches.
 */
export function clearSection(
  sheet: SheetXml,
  section: { box: Box; rules: unknown },
  itosFormats: ReadonlySet<number>,
  keep: { cells: ReadonlySet<string>; boxes: readonly Box[] }
): void {
  const { box } = section;
  for (const c of sheet.cellsIn(box)) {
    if (keep.cells.has(cellKey(box.sheet, c.row, c.col))) continue;
    if (itosFormats.has(Number(getAttr(c.xml, "s") ?? 0))) sheet.removeCell(c.row, c.col);
  }
  for (const cf of sheet.conditionalFormats()) {
    const range = sqrefBox(getAttr(cf, "sqref") ?? "");
    const formulas = [...cf.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) =>
      unescapeXml(m[1])
    );
    const oneRule = (cf.match(/<cfRule\b/g) ?? []).length === 1 && formulas.length === 1;
    if (!range || !oneRule) continue;
    if (keep.boxes.some((b) => b.sheet === box.sheet && overlaps(b, range))) continue;
    if (isRecordedRule(section.rules, box, range, formulas[0])) sheet.removeConditionalFormat(cf);
  }
}

/** Gives a marked cell back its format and removes the note ITOS added; notes opened only if needed. */
export function unmark(
  xml: SheetXml,
  notes: () => SheetNotes,
  styles: StylesXml,
  box: Box,
  memo: NameMemo
): void {
  const current = xml.cell(box.top, box.left);
  if (current) {
    const style = Number(getAttr(current, "s") ?? 0);
    let restored: number;
    if (typeof memo.xf === "number" && typeof memo.markedXf === "number") {
      // Unchanged since ITOS marked it: the exact original format; else keep the user's changes, give back the fill.
      restored = style === memo.markedXf ? memo.xf : styles.withFillOf(style, memo.xf);
    } else {
      const fill = memo.fill && memo.fill.toUpperCase() !== "#FFFFFF" ? memo.fill : null;
      restored = styles.withFill(style, fill);
    }
    xml.setCell(box.top, box.left, setAttr(current, "s", restored === 0 ? null : String(restored)));
  }
  if (memo.note === true) notes().remove(box.top, box.left);
}
