/**
 * A sheet snapshot: what one read of a worksheet range gives, in a form that both the Office
 * adapter (src/excel) and the file adapter (src/file) can produce. Nothing here knows Office or files.
 *
 * Coordinates are 0-based sheet coordinates: values[i][j] is the cell at row top+i, column left+j.
 * Dates are Excel serial numbers (1900 date system), as Office.js hands them over; the number
 * format says whether a number is a date.
 */
export interface CellError {
  /** Excel's error text, e.g. "#N/A", "#DIV/0!", "#REF!". */
  error: string;
}

export type CellValue = number | string | boolean | null | CellError;

export interface SheetSnapshot {
  sheetName: string;
  /** 0-based sheet row of values[0]. */
  top: number;
  /** 0-based sheet column of values[i][0]. */
  left: number;
  values: CellValue[][];
  /** Excel number format of each cell ("General" or null where unknown). */
  numberFormats?: (string | null)[][];
  /** The formula of each cell, with its leading "=", or null for a constant or blank. */
  formulas?: (string | null)[][];
}

/** A whole workbook as the grid layer sees it: every sheet's snapshot, in tab order. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** The value at sheet coordinates, or null when outside the snapshot. */
export function cellAt(snapshot: SheetSnapshot, row: number, col: number): CellValue {
  const r = snapshot.values[row - snapshot.top];
  if (!r) return null;
  const v = r[col - snapshot.left];
  return v === undefined ? null : v;
}

export function formatAt(snapshot: SheetSnapshot, row: number, col: number): string | null {
  const r = snapshot.numberFormats?.[row - snapshot.top];
  return r?.[col - snapshot.left] ?? null;
}

export function formulaAt(snapshot: SheetSnapshot, row: number, col: number): string | null {
  const r = snapshot.formulas?.[row - snapshot.top];
  return r?.[col - snapshot.left] ?? null;
}
