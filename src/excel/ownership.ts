/**
 * Which names and cells are ITOS's in Excel, by the rule the file adapter follows: a name is
 * ITOS's only when its comment carries the marker ITOS alone writes (an ITOS_ name the user made
 * is theirs), and a cell inside one of its sections is ITOS's only when it carries the ITOS cell
 * style and its section still holds what ITOS wrote. The section's name records a digest of what
 * ITOS wrote (which cells are formulas, and every constant), so text the user typed over one of
 * ITOS's cells is noticed even though typing keeps the cell's style: that section is left to the
 * user, and a re-run writes clear of it. The digest is src/sheet's (sectionMemo.ts), the one the
 * file adapter writes and reads too.
 */
import {
  a1,
  boxOf,
  cellKey,
  DIGEST_FIELD,
  isLeafCell,
  ITOS_CELL_STYLE,
  readNameMemo,
  sectionDigest,
  type RangeRef,
  type TaggedName,
} from "../sheet";

export { DIGEST_FIELD, isLeafCell, sectionDigest };
import { apiSupported, CELL_PROPERTIES_API } from "./apiSets";
import { queueRuleLists, readItosRules } from "./ruleOwnership";

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

/** Ownership with the conditional formats ITOS wrote on its sections (ruleOwnership.ts). */
export interface OwnershipWithRules extends Ownership {
  /** ITOS's own rules, outside any section the user changed: what Remove and a re-run delete. */
  rules: Excel.ConditionalFormat[];
}

/**
 * Reads ownership on its own sync (a re-run or a removal), with the rules on ITOS's sections and,
 * when a custom rule touches one, one more sync for their ranges and formulas. Nothing to read
 * without sections.
 */
export async function readOwnership(
  context: Excel.RequestContext,
  tags: readonly TaggedName[],
  sync: () => Promise<void> = () => context.sync()
): Promise<OwnershipWithRules> {
  if (sectionTags(tags).length === 0)
    return { cells: new Set(), changed: [], changedCells: new Set(), rules: [] };
  const settle = queueOwnershipRead(context, tags);
  const lists = queueRuleLists(context, tags);
  await sync();
  const owned = settle();
  return { ...owned, rules: await readItosRules(lists, tags, owned.changed, sync) };
}
