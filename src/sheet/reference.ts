/**
 * Cell and range references: the one way every layer names a place in a workbook. Coordinates are
 * 0-based sheet coordinates; text is Excel's A1 notation ("B4", "'Appendix 1'!$A$60:$F$90").
 */

/** A cell, 0-based sheet coordinates. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** A rectangle of cells, 0-based sheet coordinates, corners included. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A rectangle on a named sheet. */
export interface RangeRef extends Box {
  sheet: string;
}

/** Sheet-wide limits, used when an address names whole rows or columns. */
const MAX_ROW = 1048575;
const MAX_COL = 16383;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B4" for row 3, col 1. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "$B$4" for row 3, col 1. */
export function absoluteA1(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

/** "B4:G4"; a single cell when both corners are the same. */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const start = a1(top, left);
  const end = a1(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as Excel formulas need it: quoted when it has anything but letters, digits and _. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function unquoteSheetName(sheet: string): string {
  return sheet.startsWith("'") && sheet.endsWith("'")
    ? sheet.slice(1, -1).replace(/''/g, "'")
    : sheet;
}

/** Sheet-qualified absolute reference, as a workbook name holds it: 'Appendix 1'!$A$60:$F$90. */
export function absoluteRangeRef(range: RangeRef): string {
  const start = absoluteA1(range.top, range.left);
  const end = absoluteA1(range.bottom, range.right);
  return `${quoteSheetName(range.sheet)}!${start === end ? start : `${start}:${end}`}`;
}

/** The key of a cell in sets and maps of cells: "Appendix 1!B60". */
export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}

/** One corner of a reference as written; a whole column ("C") has no row, a whole row ("3") no column. */
interface Corner {
  row: number | null;
  col: number | null;
}

/** A reference as written: the sheet before "!" (unquoted) when there is one, and its two corners. */
interface WrittenReference {
  sheet: string | null;
  start: Corner;
  end: Corner;
  /** True when the text has a second corner ("A1:B2"). */
  isRange: boolean;
}

function parseCorner(text: string): Corner | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

/** The one parser of references: "B4", "$A$60:$F$90", "'Appendix 1'!C:E", "Sheet1!3:5". */
function parseReference(text: string): WrittenReference | null {
  const bang = text.lastIndexOf("!");
  const sheet = bang < 0 ? null : unquoteSheetName(text.slice(0, bang).replace(/^=/, ""));
  const local = text.slice(bang + 1);
  const parts = local.split(":");
  if (parts.length > 2) return null;
  const start = parseCorner(parts[0]);
  const end = parts.length === 2 ? parseCorner(parts[1]) : start;
  if (!start || !end) return null;
  return { sheet, start, end, isRange: parts.length === 2 };
}

function isWholeCell(corner: Corner): corner is { row: number; col: number } {
  return corner.row !== null && corner.col !== null;
}

/** "B4" (or "$B$4") -> row 3, col 1. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const ref = parseReference(address);
  if (!ref || ref.sheet !== null || ref.isRange || !isWholeCell(ref.start))
    throw new Error(`Not a cell address: ${address}`);
  return { row: ref.start.row, col: ref.start.col };
}

/** "'Appendix 1'!$A$60:$F$90" (or one cell) -> sheet and box; null when not a plain range on a sheet. */
export function parseRangeRef(text: string): RangeRef | null {
  const ref = parseReference(text);
  if (!ref || ref.sheet === null || !isWholeCell(ref.start) || !isWholeCell(ref.end)) return null;
  return {
    sheet: ref.sheet,
    top: Math.min(ref.start.row, ref.end.row),
    left: Math.min(ref.start.col, ref.end.col),
    bottom: Math.max(ref.start.row, ref.end.row),
    right: Math.max(ref.start.col, ref.end.col),
  };
}

/**
 * An address as Excel reports it ("'Appendix 1'!A1:O60", "Sheet1!C:C") -> its box on the sheet;
 * whole columns ("C:E") and whole rows ("3:5") reach the sheet's edge.
 */
export function parseRangeAddress(address: string): Box {
  const ref = parseReference(address.replace(/\$/g, ""));
  if (!ref) throw new Error(`Not a range address: ${address}`);
  return {
    top: ref.start.row ?? 0,
    left: ref.start.col ?? 0,
    bottom: ref.end.row ?? MAX_ROW,
    right: ref.end.col ?? MAX_COL,
  };
}

/** "Appendix 1!H6" or "'My sheet'!$H$6" -> sheet and "H6", for selecting it; null when not a cell or range. */
export function splitCellRef(text: string): { sheet: string; address: string } | null {
  const ref = parseReference(text);
  if (!ref || ref.sheet === null || !isWholeCell(ref.start) || !isWholeCell(ref.end)) return null;
  return { sheet: ref.sheet, address: text.slice(text.lastIndexOf("!") + 1).replace(/\$/g, "") };
}

export function intersect(a: Box, b: Box): Box | null {
  const box = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return box.top <= box.bottom && box.left <= box.right ? box : null;
}

export function overlaps(a: Box, b: Box): boolean {
  return intersect(a, b) !== null;
}

/** Every cell of a box, row by row. */
export function* cellsOf(box: Box): Generator<{ row: number; col: number }> {
  for (let row = box.top; row <= box.bottom; row++)
    for (let col = box.left; col <= box.right; col++) yield { row, col };
}
