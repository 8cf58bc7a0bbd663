/**
 * ITOS's workbook names as Office.js hands them over: which fields to load, the loaded items as
 * the plain tags of the shared vocabulary (src/sheet), and the comments ITOS writes on them. A
 * name is ITOS's only when its comment carries ITOS's marker (isOwnedName), never by its ITOS_
 * prefix alone: a user's own ITOS_ name is left alone.
 */
import {
  DIGEST_FIELD,
  isOwnedName,
  MARK_PREFIX,
  nameComment,
  readNameMemo,
  RULES_FIELD,
  type TaggedName,
} from "../sheet";

/** The properties of workbook.names to load for taggedNamesFrom. */
export const NAME_FIELDS = "items/name,items/formula,items/comment";

export function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** "No fill" as Office.js reports it: white or nothing. */
export function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === "#FFFFFF";
}

type NameItem = { name: string; formula: string; comment?: string };

/** Reads the loaded items of workbook.names into plain tags (the names ITOS wrote only). */
export function taggedNamesFrom(items: readonly NameItem[]): TaggedName[] {
  return items
    .filter((n) => isOwnedName(n.name, n.comment))
    .map((n) => ({ name: n.name, ref: stripEquals(String(n.formula)), comment: n.comment ?? "" }));
}

/** Names the user made whose spelling ITOS would also use (an ITOS_ name without ITOS's marker). */
export function userNamesFrom(items: readonly NameItem[]): Set<string> {
  return new Set(
    items.filter((n) => !isOwnedName(n.name, n.comment)).map((n) => n.name.toLowerCase())
  );
}

/** Highest ITOS_Mark_<n> among all names, the user's too, so a new mark's name is free. */
export function lastMarkNumber(items: readonly { name: string }[]): number {
  return items
    .filter((n) => n.name.startsWith(MARK_PREFIX))
    .reduce((max, n) => Math.max(max, Number(n.name.slice(MARK_PREFIX.length)) || 0), 0);
}

/**
 * A section name's comment: without a digest while its cells are still being written; with the
 * keys of the conditional formats ITOS writes in it from the start (an empty list too: no list
 * marks a section written before rules were recorded), so a write cut short leaves rules a later
 * Remove still knows as ITOS's.
 */
export const SECTION_COMMENT = (digest: string | null, rules?: readonly string[]): string =>
  nameComment({
    v: 1,
    kind: "section",
    ...(digest === null ? {} : { [DIGEST_FIELD]: digest }),
    ...(rules ? { [RULES_FIELD]: [...rules] } : {}),
  });
export const SHEET_COMMENT = nameComment({ v: 1, kind: "sheet" });

export function markComment(originalFill: string | null, addedNote: boolean): string {
  return nameComment({ v: 1, kind: "mark", fill: originalFill, note: addedNote });
}

/** What a mark's comment records: the fill to give back and whether ITOS added the note. */
export function markMemo(tag: TaggedName): { fill: string | null; addedNote: boolean } {
  const memo = readNameMemo(tag.comment);
  const fill = typeof memo?.fill === "string" && !isNoFill(memo.fill) ? memo.fill : null;
  return { fill, addedNote: memo?.note === true };
}

export function isMarkTag(tag: TaggedName): boolean {
  return readNameMemo(tag.comment)?.kind === "mark";
}

export function isSheetTag(tag: TaggedName): boolean {
  return readNameMemo(tag.comment)?.kind === "sheet";
}
