/**
 * The workbook names that tag what ITOS wrote. Both adapters (Excel and .xlsx files) and the
 * planner read them with these predicates, so a workbook marked by one is understood by the other.
 */
export const ITOS_PREFIX = "ITOS_";

/**
 * Stem of the names on reconciliation marks: ITOS_Mark_<n> in Excel, ITOS_Marks<suffix>_<n> in a
 * plan. A mark sits on the user's own cell, so it is never output: removing output or re-running
 * must not clear or overwrite that cell.
 */
export const MARK_NAME_STEM = "ITOS_Mark";

export function isItosName(name: string): boolean {
  return name.startsWith(ITOS_PREFIX);
}

export function isMarkName(name: string): boolean {
  return name.startsWith(MARK_NAME_STEM);
}

/**
 * The marker every name comment ITOS writes starts with, followed by a JSON memo. A name is ITOS's
 * only when it starts with ITOS_ AND its comment starts with this marker: a user can type an
 * ITOS_ name, never this comment by accident.
 */
export const ITOS_NAME_MARKER = "ITOS Payback output";

/** What a name's comment records: which part of the output it tags, and for a mark what to give back. */
export interface NameMemo {
  v: 1;
  kind: "section" | "mark" | "sheet";
  /** On a mark: the fill the cell had before ITOS coloured it ("#RRGGBB"), or null for none. */
  fill?: string | null;
  /** On a mark: true when ITOS added the note (a note the user already had is left alone). */
  note?: boolean;
  /** Adapter-specific detail (the file adapter keeps the cell's original style index). */
  [detail: string]: unknown;
}

export function nameComment(memo: NameMemo): string {
  return `${ITOS_NAME_MARKER} ${JSON.stringify(memo)}`;
}

/** The memo of an ITOS name's comment; null when the comment is not ITOS's (the name is the user's). */
export function readNameMemo(comment: string | null | undefined): NameMemo | null {
  if (!comment || !comment.startsWith(ITOS_NAME_MARKER)) return null;
  try {
    const memo = JSON.parse(comment.slice(ITOS_NAME_MARKER.length).trim()) as NameMemo;
    return memo && typeof memo === "object" && typeof memo.kind === "string" ? memo : null;
  } catch {
    return null;
  }
}

/** True when ITOS wrote this name: the prefix AND the marked comment. */
export function isOwnedName(name: string, comment: string | null | undefined): boolean {
  return isItosName(name) && typeof comment === "string" && comment.startsWith(ITOS_NAME_MARKER);
}
