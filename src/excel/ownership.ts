/**
 * Which names and cells are ITOS's in Excel, by the rule the file adapter follows: a name is
 * ITOS's only when its comment carries the marker ITOS alone writes (an ITOS_ name the user made
 * is theirs), and a cell inside one of its sections is ITOS's only when it carries the ITOS cell
 * style and its section still holds what ITOS wrote. The section's name records a digest of what
 * ITOS wrote (which cells are formulas, and every constant), so text the user typed over one of
 * ITOS's cells is noticed even though typing keeps the cell's style: that section is left to the
 * user, and a re-run writes clear of it. Formulas are digested only as formulas, since Excel
 * rewrites their references when the user inserts rows.
 */
import {
  a1,
  boxOf,
  cellKey,
  ITOS_CELL_STYLE,
  readNameMemo,
  type RangeRef,
  type TaggedName,
} from "../sheet";
import { apiSupported, CELL_PROPERTIES_API } from "./apiSets";

/** What a section name's memo records of what ITOS wrote there. */
export const DIGEST_FIELD = "sum";

export interface Ownership {
  /** ITOS's own cells ("Sheet!A1"): a re-run may overwrite them, Remove clears them. */
  cells: Set<string>;
  /** Sections the user changed after ITOS wrote them ("'Case'!A8:D18"): left as they are. */
  changed: string[];
  /** The cells of those sections: never overwritten nor cleared, yet not read as the user's grid. */
  changedCells: Set<string>;
}

/** The tags of ITOS's output sections (not marks, not the sheet tag). */
export function sectionTags(tags: readonly TaggedName[]): TaggedName[] {
  return tags.filter((t) => readNameMemo(t.comment)?.kind === "section");
}

function inside(row: number, col: number, box: RangeRef): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

function area(box: RangeRef): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

/** True when the cell belongs to this section and to no smaller section inside it. */
export function isLeafCell(
  row: number,
  col: number,
  box: RangeRef,
  sections: readonly RangeRef[]
): boolean {
  if (!inside(row, col, box)) return false;
  return !sections.some(
    (other) =>
      other !== box &&
      other.sheet === box.sheet &&
      area(other) < area(box) &&
      inside(row, col, other)
  );
}

/** How a cell enters the digest: "=" for any formula, else its constant as Excel gives it back. */
function digestText(input: unknown): string {
  if (typeof input === "number") return String(input);
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  const text = input === null || input === undefined ? "" : String(input);
  if (text.startsWith("=")) return "=";
  return (text.startsWith("'") ? text.slice(1) : text).trim();
}

/** FNV-1a over the cells, each placed relative to the section's top-left corner. */
export function sectionDigest(
  box: RangeRef,
  cells: readonly { row: number; col: number; input: unknown }[]
): string {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  let hash = 0x811c9dc5;
  for (const c of sorted) {
    const text = `${c.row - box.top},${c.col - box.left}:${digestText(c.input)};`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, "0");
}

interface SectionRead {
  tag: TaggedName;
  box: RangeRef;
  formulas: Excel.Range;
  /** One result for the box (ExcelApi 1.9), or one range per cell before it. */
  styles:
    { whole: OfficeExtension.ClientResult<{ style?: string }[][]> } | { cells: Excel.Range[] };
}

/** Queues the reads that tell ITOS's cells apart; call the returned function after the sync. */
export function queueOwnershipRead(
  context: Excel.RequestContext,
  tags: readonly TaggedName[]
): () => Ownership {
  const reads: SectionRead[] = [];
  for (const tag of sectionTags(tags)) {
    const box = boxOf(tag);
    // A name whose sheet was deleted refers to #REF!: nothing of it is left to own.
    if (!box || box.sheet.startsWith("#REF")) continue;
    const range = context.workbook.worksheets
      .getItem(box.sheet)
      .getRange(`${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`);
    range.load("formulas");
    let styles: SectionRead["styles"];
    if (apiSupported(CELL_PROPERTIES_API)) {
      styles = { whole: range.getCellProperties({ style: true }) };
    } else {
      // Before ExcelApi 1.9 a range's style is one value for all its cells: read them one by one.
      const cells: Excel.Range[] = [];
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const one = range.worksheet.getRange(a1(r, c));
          one.load("style");
          cells.push(one);
        }
      styles = { cells };
    }
    reads.push({ tag, box, formulas: range, styles });
  }
  return () => settleOwnership(reads);
}

function styleAt(read: SectionRead, i: number, j: number): string | null | undefined {
  if ("whole" in read.styles) return read.styles.whole.value[i]?.[j]?.style;
  const width = read.box.right - read.box.left + 1;
  return read.styles.cells[i * width + j]?.style;
}

function settleOwnership(reads: readonly SectionRead[]): Ownership {
  const boxes = reads.map((r) => r.box);
  const cells = new Set<string>();
  const changed: string[] = [];
  const changedCells = new Set<string>();
  for (const read of reads) {
    const { box } = read;
    const formulas = read.formulas.formulas as unknown[][];
    const mine: { row: number; col: number; input: unknown }[] = [];
    for (let i = 0; i <= box.bottom - box.top; i++) {
      for (let j = 0; j <= box.right - box.left; j++) {
        const row = box.top + i;
        const col = box.left + j;
        if (!isLeafCell(row, col, box, boxes)) continue;
        if (styleAt(read, i, j) !== ITOS_CELL_STYLE) continue;
        mine.push({ row, col, input: formulas[i]?.[j] });
      }
    }
    const recorded = readNameMemo(read.tag.comment)?.[DIGEST_FIELD];
    if (typeof recorded === "string" && recorded !== sectionDigest(box, mine)) {
      changed.push(read.tag.ref.replace(/\$/g, ""));
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++)
          if (isLeafCell(r, c, box, boxes)) changedCells.add(cellKey(box.sheet, r, c));
      continue;
    }
    for (const c of mine) cells.add(cellKey(box.sheet, c.row, c.col));
  }
  return { cells, changed, changedCells };
}

/** Reads ownership on its own sync (a re-run or a removal); nothing to read without sections. */
export async function readOwnership(
  context: Excel.RequestContext,
  tags: readonly TaggedName[],
  sync: () => Promise<void> = () => context.sync()
): Promise<Ownership> {
  if (sectionTags(tags).length === 0)
    return { cells: new Set(), changed: [], changedCells: new Set() };
  const settle = queueOwnershipRead(context, tags);
  await sync();
  return settle();
}
