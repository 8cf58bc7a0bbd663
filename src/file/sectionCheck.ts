/**
 * Which of ITOS's sections in a file the user changed since ITOS wrote them, by the digest the
 * Excel add-in keeps too (src/sheet sectionMemo.ts): the section name's memo records it, and the
 * section's ITOS-formatted cells are digested again as they stand. A changed section is left to
 * the user, cells and rules as they are; only its name goes, so the cells are theirs from then on.
 */
import {
  cellKey,
  DIGEST_FIELD,
  isLeafCell,
  parseRangeRef,
  sectionDigest,
  type RangeRef,
} from "../sheet";
import { plainText } from "./sheetCells";
import type { SheetXml } from "./sheetXml";
import { getAttr, unescapeXml } from "./xml";

/** A cell's content as the digest takes it: "=" for a formula, else its constant. */
export function digestInput(cellXml: string, strings: () => readonly string[]): unknown {
  if (/<f[\s>/]/.test(cellXml)) return "=";
  const type = getAttr(cellXml, "t");
  // The reader's own rule for a string's text, so the digest sees what a snapshot would.
  if (type === "inlineStr") return plainText(cellXml);
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(cellXml)?.[1];
  if (v === undefined) return "";
  if (type === "s") return strings()[parseInt(v, 10)] ?? "";
  if (type === "b") return parseInt(v, 10) !== 0;
  if (type === "str" || type === "e" || type === "d") return unescapeXml(v);
  const n = parseFloat(v);
  return Number.isFinite(n) ? n : unescapeXml(v);
}

export interface SectionName {
  name: string;
  ref: string;
  memo: { [field: string]: unknown };
}

export interface ChangedSections {
  /** The sections the user changed, as named ranges ("Case!A7:D18"), with their names. */
  sections: { name: string; range: string; box: RangeRef }[];
  /** Their cells (leaf cells: a smaller section inside keeps its own verdict), "Sheet!A1" keys. */
  cells: Set<string>;
}

/** The sections whose ITOS-formatted cells no longer digest to what their memo recorded. */
export function changedSections(
  sections: readonly SectionName[],
  sheetOf: (sheet: string) => SheetXml | null,
  itosFormats: ReadonlySet<number>,
  strings: () => readonly string[]
): ChangedSections {
  const boxes = sections
    .map((s) => {
      const box = parseRangeRef(s.ref);
      return box ? { ...box, name: s.name, memo: s.memo, ref: s.ref } : null;
    })
    .filter((b): b is NonNullable<typeof b> => b !== null);
  const out: ChangedSections = { sections: [], cells: new Set() };
  for (const box of boxes) {
    const recorded = box.memo[DIGEST_FIELD];
    const xml = sheetOf(box.sheet);
    if (typeof recorded !== "string" || !xml) continue;
    const mine = xml
      .cellsIn(box)
      .filter(
        (c) =>
          itosFormats.has(Number(getAttr(c.xml, "s") ?? 0)) && isLeafCell(c.row, c.col, box, boxes)
      )
      .map((c) => ({ row: c.row, col: c.col, input: digestInput(c.xml, strings) }));
    if (sectionDigest(box, mine) === recorded) continue;
    out.sections.push({ name: box.name, range: box.ref.replace(/\$/g, ""), box });
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++)
        if (isLeafCell(r, c, box, boxes)) out.cells.add(cellKey(box.sheet, r, c));
  }
  return out;
}
