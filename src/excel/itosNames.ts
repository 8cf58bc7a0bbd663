/**
 * The workbook names that tag ITOS output. Every range ITOS writes is named ITOS_...; marks on
 * user cells are named ITOS_Mark_n and remember the cell's original fill in the name's comment,
 * and a sheet ITOS created is tagged ITOS_Sheet, so "Remove ITOS output" knows exactly what it owns.
 */
import { parseNameRef, cellKey } from "../grid/plan/planLayout";
import { ITOS_PREFIX, isItosName, isMarkName } from "../sheet/itosNames";

export { ITOS_PREFIX };
export const MARK_PREFIX = "ITOS_Mark_";
export const SHEET_TAG = "ITOS_Sheet";
export const CHART_NAME = "ITOS_Chart";

export interface TaggedName {
  name: string;
  /** Reference without the leading "=": 'Appendix 1'!$B$60:$O$60. */
  ref: string;
  comment: string;
}

export interface TaggedBox {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What a mark name's comment records: the fill the cell had before ITOS coloured it. */
export interface MarkMemo {
  originalFill: string | null;
  /** True when ITOS added the note (a note the user already had is left alone). */
  addedNote: boolean;
}

export { isItosName, isMarkName };

/** Names of ITOS output ranges (not marks on user cells, not the sheet tag). */
export function isOutputName(name: string): boolean {
  return isItosName(name) && !isMarkName(name) && name !== SHEET_TAG;
}

export function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

export function boxOf(tag: TaggedName): TaggedBox | null {
  const box = parseNameRef(tag.ref);
  return box ? { name: tag.name, ...box } : null;
}

/** Every cell inside ITOS output ranges, keyed "Sheet!A1": what a re-run may overwrite. */
export function ownedCellKeys(tags: readonly TaggedName[]): Set<string> {
  const owned = new Set<string>();
  for (const tag of tags) {
    if (!isOutputName(tag.name)) continue;
    const box = boxOf(tag);
    if (!box) continue;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) owned.add(cellKey(box.sheet, r, c));
  }
  return owned;
}

export function encodeMarkMemo(memo: MarkMemo): string {
  return `ITOS mark; original fill ${memo.originalFill ?? "none"}; note ${memo.addedNote ? "added" : "kept"}`;
}

export function decodeMarkMemo(comment: string): MarkMemo {
  const m = /original fill (#[0-9A-Fa-f]{6}|none)/.exec(comment);
  return {
    originalFill: m && m[1] !== "none" ? m[1] : null,
    addedNote: /note added/.test(comment),
  };
}

/** "No fill" as Office.js reports it: white or nothing. */
export function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === "#FFFFFF";
}

/** The properties of workbook.names to load for taggedNamesFrom. */
export const NAME_FIELDS = "items/name,items/formula,items/comment";

/** Reads the loaded items of workbook.names into plain tags (ITOS_ names only). */
export function taggedNamesFrom(
  items: readonly { name: string; formula: string; comment?: string }[]
): TaggedName[] {
  return items
    .filter((n) => isItosName(n.name))
    .map((n) => ({ name: n.name, ref: stripEquals(String(n.formula)), comment: n.comment ?? "" }));
}
