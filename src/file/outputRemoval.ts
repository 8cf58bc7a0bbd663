/**
 * Taking ITOS's output off a sheet's XML: the cells ITOS wrote inside a section (by their ITOS cell
 * formats, so a cell the user typed there stays) with its break-even highlight, and a mark on a
 * user's cell (its format given back, ITOS's note removed).
 */
import { parseRangeRef, type NameMemo } from "../sheet";
import type { SheetNotes } from "./notesXml";
import type { SheetXml } from "./sheetXml";
import type { StylesXml } from "./stylesXml";
import { getAttr, setAttr, unescapeXml } from "./xml";

/** The break-even highlight ITOS writes: =AND($E81>=0,$E80<0). */
const ITOS_HIGHLIGHT = /^AND\(\$[A-Z]{1,3}\d+>=0,\$[A-Z]{1,3}\d+<0\)$/;

export type Box = NonNullable<ReturnType<typeof parseRangeRef>>;

/** Every sqref part of a conditional format inside the box. */
function insideBox(sqref: string, box: Box): boolean {
  const parts = sqref.trim().split(/\s+/);
  return parts.every((part) => {
    const b = parseRangeRef(`'x'!${part}`);
    return (
      b !== null &&
      b.top >= box.top &&
      b.bottom <= box.bottom &&
      b.left >= box.left &&
      b.right <= box.right
    );
  });
}

/** Removes ITOS's cells and highlight inside a section's box. */
export function clearSection(sheet: SheetXml, box: Box, itosFormats: ReadonlySet<number>): void {
  for (const c of sheet.cellsIn(box)) {
    if (itosFormats.has(Number(getAttr(c.xml, "s") ?? 0))) sheet.removeCell(c.row, c.col);
  }
  for (const cf of sheet.conditionalFormats()) {
    const sqref = getAttr(cf, "sqref") ?? "";
    const formulas = [...cf.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) =>
      unescapeXml(m[1])
    );
    if (
      insideBox(sqref, box) &&
      formulas.length > 0 &&
      formulas.every((f) => ITOS_HIGHLIGHT.test(f))
    )
      sheet.removeConditionalFormat(cf);
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
