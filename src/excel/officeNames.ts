/**
 * The ITOS_ workbook names as Office.js hands them over: which fields to load, and the loaded
 * items as the plain tags of the shared vocabulary (src/sheet).
 */
import { isItosName, type TaggedName } from "../sheet";

/** The properties of workbook.names to load for taggedNamesFrom. */
export const NAME_FIELDS = "items/name,items/formula,items/comment";

export function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** "No fill" as Office.js reports it: white or nothing. */
export function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === "#FFFFFF";
}

/** Reads the loaded items of workbook.names into plain tags (ITOS_ names only). */
export function taggedNamesFrom(
  items: readonly { name: string; formula: string; comment?: string }[]
): TaggedName[] {
  return items
    .filter((n) => isItosName(n.name))
    .map((n) => ({ name: n.name, ref: stripEquals(String(n.formula)), comment: n.comment ?? "" }));
}
