/**
 * The workbook names that tag what ITOS wrote. Both adapters (Excel and .xlsx files) and the
 * planner read and write them through this module, so a workbook marked by one is understood by
 * the other: the output section names, the marks on user cells, the sheet tag, and which cells a
 * re-run owns.
 */
import { cellKey, cellsOf, parseRangeRef, type RangeRef } from "./reference";
import type { SheetSnapshot } from "./snapshot";

export const ITOS_PREFIX = "ITOS_";

/** The names of the "ITOS analysis" section a plan writes, before any per-sheet suffix. */
export const SECTION_NAMES = {
  output: "ITOS_Output",
  kpis: "ITOS_KPIs",
  yearSummary: "ITOS_YearSummary",
  cumulative: "ITOS_Cumulative",
  breakEven: "ITOS_BreakEven",
  sensitivity: "ITOS_Sensitivity",
} as const;

export type SectionKind = keyof typeof SECTION_NAMES;

/** "ITOS_KPIs_Sheet2" for the KPI block of the second analysed sheet. */
export function sectionName(kind: SectionKind, suffix: string): string {
  return `${SECTION_NAMES[kind]}${suffix}`;
}

/**
 * Stem of the names on reconciliation marks: ITOS_Mark_<n> in Excel, ITOS_Marks<suffix>_<n> in a
 * plan. A mark sits on the user's own cell, so it is never output: removing output or re-running
 * must not clear or overwrite that cell.
 */
export const MARK_NAME_STEM = "ITOS_Mark";
/** The marks a plan carries: ITOS_Marks<suffix>_<n>. */
export const PLAN_MARK_STEM = "ITOS_Marks";
/** The marks the Excel add-in writes: ITOS_Mark_<n>, the cell's original fill in the name's comment. */
export const MARK_PREFIX = "ITOS_Mark_";
/** A sheet ITOS created. */
export const SHEET_TAG = "ITOS_Sheet";
export const CHART_NAME = "ITOS_Chart";

/** The sheet ITOS creates when there is no room below the grid. */
export const NEW_SHEET_NAME = "ITOS Analysis";

/** "ITOS_Marks_2_Sheet2"-style name of the k-th (1-based) mark of a plan. */
export function planMarkName(suffix: string, k: number): string {
  return `${PLAN_MARK_STEM}${suffix}_${k}`;
}

export function isItosName(name: string): boolean {
  return name.startsWith(ITOS_PREFIX);
}

export function isMarkName(name: string): boolean {
  return name.startsWith(MARK_NAME_STEM);
}

/** Names of ITOS output ranges (not marks on user cells, not the sheet tag). */
export function isOutputName(name: string): boolean {
  return isItosName(name) && !isMarkName(name) && name !== SHEET_TAG;
}

/** A workbook name as both adapters read it. */
export interface TaggedName {
  name: string;
  /** Reference without the leading "=": 'Appendix 1'!$B$60:$O$60. */
  ref: string;
  comment: string;
}

/** The range a name refers to, with the name; null when it is not a plain range on a sheet. */
export function boxOf(tag: { name: string; ref: string }): (RangeRef & { name: string }) | null {
  const box = parseRangeRef(tag.ref);
  return box ? { name: tag.name, ...box } : null;
}

/** Every cell inside ITOS output ranges, keyed "Sheet!A1" (cellKey): what a re-run may overwrite. */
export function ownedCellKeys(tags: readonly { name: string; ref: string }[]): Set<string> {
  const owned = new Set<string>();
  for (const tag of tags) {
    if (!isOutputName(tag.name)) continue;
    const box = parseRangeRef(tag.ref);
    if (!box) continue;
    for (const { row, col } of cellsOf(box)) owned.add(cellKey(box.sheet, row, col));
  }
  return owned;
}

/** The snapshot with every owned (ITOS-written) cell read as blank. */
export function withoutOwnedCells(
  snapshot: SheetSnapshot,
  owned: ReadonlySet<string>
): SheetSnapshot {
  if (owned.size === 0) return snapshot;
  const blank = (i: number, j: number): boolean =>
    owned.has(cellKey(snapshot.sheetName, snapshot.top + i, snapshot.left + j));
  return {
    ...snapshot,
    values: snapshot.values.map((row, i) => row.map((v, j) => (blank(i, j) ? null : v))),
    formulas: snapshot.formulas?.map((row, i) => row.map((f, j) => (blank(i, j) ? null : f))),
  };
}

/**
 * The marker every name comment ITOS writes starts with, followed by a JSON memo. A name is ITOS's
 * only when it starts with ITOS_ AND its comment starts with this marker: a user can type an
 * ITOS_ name, never this comment by accident.
 */
export const ITOS_NAME_MARKER = "ITOS Payback output";

/**
 * The named cell style every cell ITOS writes carries, in files and in Excel: a re-run clears only
 * cells with this style, so a user's text, note or fill typed inside ITOS's block survives.
 */
export const ITOS_CELL_STYLE = "ITOS Payback output";

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
