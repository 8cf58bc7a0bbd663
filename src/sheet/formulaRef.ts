/**
 * A reference as a formula writes it (cell, range, whole columns or rows, on another sheet or
 * workbook), and what is read from it: its A1 text and the rectangle it covers. Pure.
 */
import { columnLetters } from "./reference";

/** One end of a reference; row or col is null for a whole column or a whole row. */
export interface RefCorner {
  row: number | null;
  col: number | null;
  absRow: boolean;
  absCol: boolean;
}

/** A cell, a range, a whole-column or whole-row span, as written in a formula. */
export interface FormulaRef {
  /** The other workbook ("Book2.xlsx", or "1" for a file's own external-link index), else null. */
  workbook: string | null;
  /** The sheet named in the reference (unquoted), else null for the formula's own sheet. */
  sheet: string | null;
  start: RefCorner;
  /** Equal to start for a single cell. */
  end: RefCorner;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/**
 * A sheet name as a formula needs it: quoted unless it is letters, digits and _ only, and also
 * when it reads as a cell (AB12) or an R1C1 reference, which a formula would misread unquoted.
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
  // A name that reads as a cell (AB12) or an R1C1 reference (R, C, R1C1) must be quoted too.
  const cellLike = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RC]$|^R\d*C\d*$/i.test(name);
  return plain && !cellLike ? name : `'${name.replace(/'/g, "''")}'`;
}

function cornerA1(c: RefCorner): string {
  const col = c.col === null ? "" : `${c.absCol ? "$" : ""}${columnLetters(c.col)}`;
  const row = c.row === null ? "" : `${c.absRow ? "$" : ""}${c.row + 1}`;
  return col + row;
}

/** A reference as A1 text: "B4", "$B$4:C9", "'Appendix 1'!N55", "'[Book2.xlsx]Sheet1'!A1", "C:C". */
export function refToA1(ref: FormulaRef): string {
  const single = sameCorner(ref.start, ref.end) && ref.start.row !== null && ref.start.col !== null;
  const area = single ? cornerA1(ref.start) : `${cornerA1(ref.start)}:${cornerA1(ref.end)}`;
  if (ref.sheet === null && ref.workbook === null) return area;
  const sheet = ref.sheet ?? "";
  if (ref.workbook !== null) {
    const whole = `[${ref.workbook}]${sheet}`;
    return `'${whole.replace(/'/g, "''")}'!${area}`;
  }
  return `${quoteSheet(sheet)}!${area}`;
}

export function sameCorner(a: RefCorner, b: RefCorner): boolean {
  return a.row === b.row && a.col === b.col && a.absRow === b.absRow && a.absCol === b.absCol;
}

/** The rectangle a reference covers, in 0-based sheet coordinates (whole rows/columns span the sheet). */
export function refBounds(ref: FormulaRef): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const r1 = ref.start.row ?? 0;
  const r2 = ref.end.row ?? MAX_ROWS - 1;
  const c1 = ref.start.col ?? 0;
  const c2 = ref.end.col ?? MAX_COLS - 1;
  return {
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  };
}

/** Whether a reference covers a cell of `sheet` (the formula being on `ownSheet`). */
export function refCovers(
  ref: FormulaRef,
  ownSheet: string,
  sheet: string,
  row: number,
  col: number
): boolean {
  if (ref.workbook !== null) return false;
  if (!sameSheet(ref.sheet ?? ownSheet, sheet)) return false;
  const b = refBounds(ref);
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

/** Sheet names compare without regard to case, as Excel does. */
export function sameSheet(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
