/**
 * Reads the references of a formula's text in place: a cell, range, whole columns or whole rows,
 * and the sheet (or other workbook) prefix before one. The tokenizer calls these at each position.
 */
import { MAX_COLS, MAX_ROWS, type RefCorner } from "./formulaRef";

// Read in place rather than on a copy of the rest of the formula, and cells, columns and rows by
// hand rather than by pattern: a formula is read for every stated cell of a sheet.
const UNQUOTED_PREFIX = /((?:\[[^\]]+\])?[A-Za-z0-9_.\\]+(?::[A-Za-z0-9_.\\]+)?)!/y;

/** The match of a sticky pattern at `at`, or null. */
export function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export const DOLLAR = 36;

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a cell or row reference may end before this character (not a name or function going on). */
function endsReference(code: number, bangToo: boolean): boolean {
  // NaN (the end of the text) ends it too.
  if (isLetter(code) || isDigit(code)) return false;
  return (
    code !== 95 /* _ */ && code !== 46 /* . */ && code !== 40 /* ( */ && !(bangToo && code === 33)
  );
}

// Column letters and row digits are read into one number each, (index + 1) * 8 + length, or -1:
// no object for the many attempts that fail.

/** A run of 1 to 3 letters at `at` (a column's letters), packed as above. */
function columnAt(text: string, at: number): number {
  let n = 0;
  let i = at;
  while (i - at < 4 && isLetter(text.charCodeAt(i)))
    n = n * 26 + ((text.charCodeAt(i++) & ~32) - 64);
  const length = i - at;
  return length >= 1 && length <= 3 ? n * 8 + length : -1;
}

/** A run of 1 to 7 digits at `at` (a row's number), packed as above. */
function rowAt(text: string, at: number): number {
  let n = 0;
  let i = at;
  while (i - at < 8 && isDigit(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
  const length = i - at;
  return length >= 1 && length <= 7 ? n * 8 + length : -1;
}

const lengthOf = (packed: number) => packed & 7;
const indexOf = (packed: number) => (packed >> 3) - 1;

/**
 * The cell cellAt read last: one object filled in place rather than one per attempt, as a reader
 * of every stated total's formula makes many. Read it before the next call.
 */
const cell = { row: 0, col: 0, absRow: false, absCol: false, inside: false, length: 0 };

/**
 * A cell at `at`: $?COL$?ROW, not followed by a letter, digit, "_", "." or "(" (that would be a
 * name or function). Whether there is one; if so, `cell` holds it (inside is false when it lies
 * beyond the sheet).
 */
function cellAt(text: string, at: number): boolean {
  const absCol = text.charCodeAt(at) === DOLLAR;
  const letters = columnAt(text, absCol ? at + 1 : at);
  if (letters < 0) return false;
  let i = (absCol ? at + 1 : at) + lengthOf(letters);
  const absRow = text.charCodeAt(i) === DOLLAR;
  if (absRow) i++;
  const digits = rowAt(text, i);
  if (digits < 0) return false;
  i += lengthOf(digits);
  if (!endsReference(text.charCodeAt(i), false)) return false;
  const col = indexOf(letters);
  const row = indexOf(digits);
  cell.row = row;
  cell.col = col;
  cell.absRow = absRow;
  cell.absCol = absCol;
  cell.inside = col < MAX_COLS && row >= 0 && row < MAX_ROWS;
  cell.length = i - at;
  return true;
}

/** A whole-column end at `at`: $?COL, not followed by a letter, digit, "_", ".", "(" or "!". */
function wholeColumnAt(
  text: string,
  at: number
): { col: number; abs: boolean; length: number } | null {
  const abs = text.charCodeAt(at) === DOLLAR;
  const letters = columnAt(text, abs ? at + 1 : at);
  if (letters < 0) return null;
  const end = (abs ? at + 1 : at) + lengthOf(letters);
  if (!endsReference(text.charCodeAt(end), true)) return null;
  return { col: indexOf(letters), abs, length: end - at };
}

/** A whole-row end at `at`: $?ROW, not followed by a letter, digit, "_", "." or "(". */
function wholeRowAt(
  text: string,
  at: number
): { row: number; abs: boolean; length: number } | null {
  const abs = text.charCodeAt(at) === DOLLAR;
  const digits = rowAt(text, abs ? at + 1 : at);
  if (digits < 0) return null;
  const end = (abs ? at + 1 : at) + lengthOf(digits);
  if (!endsReference(text.charCodeAt(end), false)) return null;
  return { row: indexOf(digits), abs, length: end - at };
}

/**
 * The reference scanArea read last, filled in place as `cell` is: its corners, with -1 for the
 * row of a whole column and the column of a whole row. Read it before the next call.
 */
export const scanned = {
  row1: 0,
  col1: 0,
  absRow1: false,
  absCol1: false,
  row2: 0,
  col2: 0,
  absRow2: false,
  absCol2: false,
  /** A single cell (A1, not A1:A1): its end is its start. */
  single: false,
  length: 0,
};

/** Copies `cell` into one corner of `scanned`. */
function scanCorner(second: boolean): void {
  if (second) {
    scanned.row2 = cell.row;
    scanned.col2 = cell.col;
    scanned.absRow2 = cell.absRow;
    scanned.absCol2 = cell.absCol;
  } else {
    scanned.row1 = cell.row;
    scanned.col1 = cell.col;
    scanned.absRow1 = cell.absRow;
    scanned.absCol1 = cell.absCol;
  }
}

/**
 * Reads a reference (cell, range, whole columns, whole rows) at `at` in `text`, without any sheet
 * prefix, into `scanned`: whether there is one. No object is made, for readers of many formulas.
 */
export function scanArea(text: string, at: number): boolean {
  const a = scanned;
  if (cellAt(text, at)) {
    if (!cell.inside) return false;
    scanCorner(false);
    const first = cell.length;
    a.single = !(
      text.charCodeAt(at + first) === 58 /* : */ &&
      cellAt(text, at + first + 1) &&
      cell.inside
    );
    if (a.single) {
      a.row2 = a.row1;
      a.col2 = a.col1;
      a.absRow2 = a.absRow1;
      a.absCol2 = a.absCol1;
      a.length = first;
    } else {
      scanCorner(true);
      a.length = first + 1 + cell.length;
    }
    return true;
  }
  a.single = false;
  const col1 = wholeColumnAt(text, at);
  if (col1 && text[at + col1.length] === ":") {
    const col2 = wholeColumnAt(text, at + col1.length + 1);
    if (col2) {
      if (col1.col < MAX_COLS && col2.col < MAX_COLS) {
        a.row1 = a.row2 = -1;
        a.absRow1 = a.absRow2 = false;
        a.col1 = col1.col;
        a.absCol1 = col1.abs;
        a.col2 = col2.col;
        a.absCol2 = col2.abs;
        a.length = col1.length + 1 + col2.length;
        return true;
      }
    }
  }
  const row1 = wholeRowAt(text, at);
  if (row1 && text[at + row1.length] === ":") {
    const row2 = wholeRowAt(text, at + row1.length + 1);
    if (row2) {
      const r1 = row1.row;
      const r2 = row2.row;
      if (r1 >= 0 && r2 >= 0 && r1 < MAX_ROWS && r2 < MAX_ROWS) {
        a.col1 = a.col2 = -1;
        a.absCol1 = a.absCol2 = false;
        a.row1 = r1;
        a.absRow1 = row1.abs;
        a.row2 = r2;
        a.absRow2 = row2.abs;
        a.length = row1.length + 1 + row2.length;
        return true;
      }
    }
  }
  return false;
}

/** The corners `scanned` holds, as objects (one, shared, for a single cell). */
export function scannedCorners(): { start: RefCorner; end: RefCorner } {
  const a = scanned;
  const start: RefCorner = {
    row: a.row1 < 0 ? null : a.row1,
    col: a.col1 < 0 ? null : a.col1,
    absRow: a.absRow1,
    absCol: a.absCol1,
  };
  if (a.single) return { start, end: start };
  const end: RefCorner = {
    row: a.row2 < 0 ? null : a.row2,
    col: a.col2 < 0 ? null : a.col2,
    absRow: a.absRow2,
    absCol: a.absCol2,
  };
  return { start, end };
}

/**
 * Reads a reference (cell, range, whole columns, whole rows) at `at` in `text`, without any sheet
 * prefix. Returns the corners and the length read, or null.
 */
export function readArea(
  text: string,
  at: number
): { start: RefCorner; end: RefCorner; length: number } | null {
  if (!scanArea(text, at)) return null;
  const { start, end } = scannedCorners();
  return { start, end, length: scanned.length };
}

/** Splits "[Book2.xlsx]Sheet1" or "C:\dir\[Book2.xlsx]Sheet1" into workbook and sheet. */
function splitWorkbook(prefix: string): { workbook: string | null; sheet: string } {
  const m = /^(.*)\[([^\]]+)\](.*)$/.exec(prefix);
  if (!m) return { workbook: null, sheet: prefix };
  return { workbook: m[2], sheet: m[3] };
}

/**
 * Reads a sheet prefix at `at` in `text`: 'quoted name'! or Name! or [Book]Name! (and a 3D
 * Sheet1:Sheet3!, kept whole as the sheet). Returns the prefix parts and the length read.
 */
export function readPrefix(
  text: string,
  at: number
): { workbook: string | null; sheet: string; length: number } | null {
  if (text[at] === "'") {
    let i = at + 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i++];
    }
    if (text[i] !== "'" || text[i + 1] !== "!") return null;
    return { ...splitWorkbook(name), length: i + 2 - at };
  }
  const m = matchAt(UNQUOTED_PREFIX, text, at);
  if (!m) return null;
  return { ...splitWorkbook(m[1]), length: m[0].length };
}
