/**
 * Excel formulas as both adapters deliver them (A1 text with its leading "="): tokens, the cells
 * and ranges they refer to, and an R1C1 form relative to the formula's own cell, so that formulas
 * copied along a line compare equal. Pure: no Office, no files.
 *
 * Covers what council workbooks hold: sheet-qualified and quoted references ('Appendix 1'!B4),
 * absolute and relative parts ($B$4, B$4), ranges, whole rows and columns (4:4, C:C), references
 * to other workbooks ([Book2.xlsx]Sheet1!A1, [1]Sheet1!A1 as stored in a file, 'C:\x\[B.xlsx]S'!A1),
 * error literals (#REF!), strings with doubled quotes, functions (SUM, SUBTOTAL, _xlfn.X.Y),
 * names, booleans, numbers and operators. Anything it cannot read becomes an "unknown" token, so
 * a strange formula is never mistaken for a plain sum.
 */

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

export type Token =
  | { kind: "ref"; text: string; ref: FormulaRef }
  | { kind: "number"; text: string }
  | { kind: "string"; text: string }
  | { kind: "bool"; text: string }
  | { kind: "error"; text: string; sheet: string | null; workbook: string | null }
  /** A function name; the "(" that follows is its own op token. */
  | { kind: "func"; text: string }
  | { kind: "name"; text: string }
  | { kind: "op"; text: string }
  | { kind: "unknown"; text: string };

import { columnLetters } from "./reference";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

const ERRORS = [
  "#GETTING_DATA",
  "#DIV/0!",
  "#VALUE!",
  "#SPILL!",
  "#NAME?",
  "#CALC!",
  "#NULL!",
  "#NUM!",
  "#REF!",
  "#N/A",
];

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

// Read in place rather than on a copy of the rest of the formula, and cells, columns and rows by
// hand rather than by pattern: a formula is read for every stated cell of a sheet.
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;
const UNQUOTED_PREFIX = /((?:\[[^\]]+\])?[A-Za-z0-9_.\\]+(?::[A-Za-z0-9_.\\]+)?)!/y;

/** The match of a sticky pattern at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

const DOLLAR = 36;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a cell or row reference may end before this character (not a name or function going on). */
function endsReference(code: number, bangToo: boolean): boolean {
  // NaN (the end of the text) ends it too.
  if (isLetter(code) || isDigit(code)) return false;
  return code !== 95 /* _ */ && code !== 46 /* . */ && code !== 40 /* ( */ && !(bangToo && code === 33);
}

// Column letters and row digits are read into one number each, (index + 1) * 8 + length, or -1:
// no object for the many attempts that fail.

/** A run of 1 to 3 letters at `at` (a column's letters), packed as above. */
function columnAt(text: string, at: number): number {
  let n = 0;
  let i = at;
  while (i - at < 4 && isLetter(text.charCodeAt(i))) n = n * 26 + ((text.charCodeAt(i++) & ~32) - 64);
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
 * A cell at `at`: $?COL$?ROW, not followed by a letter, digit, "_", "." or "(" (that would be a
 * name or function). The corner is null when it lies beyond the sheet.
 */
function cellAt(text: string, at: number): { corner: RefCorner | null; length: number } | null {
  const absCol = text.charCodeAt(at) === DOLLAR;
  const letters = columnAt(text, absCol ? at + 1 : at);
  if (letters < 0) return null;
  let i = (absCol ? at + 1 : at) + lengthOf(letters);
  const absRow = text.charCodeAt(i) === DOLLAR;
  if (absRow) i++;
  const digits = rowAt(text, i);
  if (digits < 0) return null;
  i += lengthOf(digits);
  if (!endsReference(text.charCodeAt(i), false)) return null;
  const col = indexOf(letters);
  const row = indexOf(digits);
  const inside = col < MAX_COLS && row >= 0 && row < MAX_ROWS;
  return { corner: inside ? { row, col, absRow, absCol } : null, length: i - at };
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
 * Reads a reference (cell, range, whole columns, whole rows) at `at` in `text`, without any sheet
 * prefix. Returns the corners and the length read, or null.
 */
function readArea(
  text: string,
  at: number
): { start: RefCorner; end: RefCorner; length: number } | null {
  const c1 = cellAt(text, at);
  if (c1) {
    const start = c1.corner;
    if (!start) return null;
    const after = at + c1.length;
    if (text[after] === ":") {
      const c2 = cellAt(text, after + 1);
      const end = c2 && c2.corner;
      if (c2 && end) return { start, end, length: c1.length + 1 + c2.length };
    }
    return { start, end: start, length: c1.length };
  }
  const col1 = wholeColumnAt(text, at);
  if (col1 && text[at + col1.length] === ":") {
    const col2 = wholeColumnAt(text, at + col1.length + 1);
    if (col2) {
      if (col1.col < MAX_COLS && col2.col < MAX_COLS)
        return {
          start: { row: null, col: col1.col, absRow: false, absCol: col1.abs },
          end: { row: null, col: col2.col, absRow: false, absCol: col2.abs },
          length: col1.length + 1 + col2.length,
        };
    }
  }
  const row1 = wholeRowAt(text, at);
  if (row1 && text[at + row1.length] === ":") {
    const row2 = wholeRowAt(text, at + row1.length + 1);
    if (row2) {
      const a = row1.row;
      const b = row2.row;
      if (a >= 0 && b >= 0 && a < MAX_ROWS && b < MAX_ROWS)
        return {
          start: { row: a, col: null, absRow: row1.abs, absCol: false },
          end: { row: b, col: null, absRow: row2.abs, absCol: false },
          length: row1.length + 1 + row2.length,
        };
    }
  }
  return null;
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
function readPrefix(
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

/** The operator at `at`: a two-character one first, then one character; else undefined. */
function operatorAt(text: string, at: number): string | undefined {
  const ch = text[at];
  if (ch === "<" || ch === ">") {
    const two = text.slice(at, at + 2);
    if (two === "<>" || two === "<=" || two === ">=") return two;
  }
  return SINGLE_OPERATORS.has(ch) ? ch : undefined;
}

const SINGLE_OPERATORS = new Set([
  "+",
  "-",
  "*",
  "/",
  "^",
  "&",
  "=",
  "<",
  ">",
  "%",
  ",",
  ";",
  "(",
  ")",
  "{",
  "}",
  ":",
  "@",
  "#",
]);

/** The error literal at `at` (any case), or undefined. */
function errorAt(text: string, at: number): string | undefined {
  const upper = text.slice(at).toUpperCase();
  return ERRORS.find((e) => upper.startsWith(e));
}

/** The tokens of a formula (with or without its leading "="), whitespace dropped outside strings. */
export function tokenize(formula: string): Token[] {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  const tokens: Token[] = [];
  // A sheet prefix ends in "!": past the last one, there is none to look for.
  const lastBang = text.lastIndexOf("!");
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      tokens.push({ kind: "string", text: text.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const error = errorAt(text, i);
      if (error) {
        tokens.push({ kind: "error", text: error, sheet: null, workbook: null });
        i += error.length;
        continue;
      }
    }
    const prefix = i < lastBang ? readPrefix(text, i) : null;
    if (prefix) {
      const after = i + prefix.length;
      const area = readArea(text, after);
      if (area) {
        tokens.push({
          kind: "ref",
          text: text.slice(i, after + area.length),
          ref: { workbook: prefix.workbook, sheet: prefix.sheet, start: area.start, end: area.end },
        });
        i = after + area.length;
        continue;
      }
      const error = errorAt(text, after);
      if (error) {
        tokens.push({ kind: "error", text: error, sheet: prefix.sheet, workbook: prefix.workbook });
        i = after + error.length;
        continue;
      }
      // A sheet-qualified name (Sheet1!Rate) or something stranger: never a plain reference.
      const name = matchAt(IDENT, text, after);
      const length = prefix.length + (name ? name[0].length : 0);
      tokens.push({ kind: "unknown", text: text.slice(i, i + length) });
      i += length;
      continue;
    }
    if (ch === "[") {
      // An external workbook name without a sheet ([Book2.xlsx]Rate) or a structured reference.
      const close = text.indexOf("]", i);
      const end = close < 0 ? text.length : close + 1;
      const name = matchAt(IDENT, text, end);
      const length = end - i + (name ? name[0].length : 0);
      tokens.push({ kind: "unknown", text: text.slice(i, i + length) });
      i += length;
      continue;
    }
    // Only these characters start a reference, a number or a name: the rest go to the operators.
    const code = text.charCodeAt(i);
    const letter = isLetter(code);
    const digit = isDigit(code);
    const area = letter || digit || code === DOLLAR ? readArea(text, i) : null;
    if (area) {
      tokens.push({
        kind: "ref",
        text: text.slice(i, i + area.length),
        ref: { workbook: null, sheet: null, start: area.start, end: area.end },
      });
      i += area.length;
      continue;
    }
    const num = digit || code === 46 /* . */ ? matchAt(NUMBER, text, i) : null;
    if (num) {
      tokens.push({ kind: "number", text: num[0] });
      i += num[0].length;
      continue;
    }
    const ident = letter || code === 95 /* _ */ || code === 92 /* \ */ ? matchAt(IDENT, text, i) : null;
    if (ident) {
      const word = ident[0];
      i += word.length;
      if (text[i] === "(") tokens.push({ kind: "func", text: word.toUpperCase() });
      else if (/^(TRUE|FALSE)$/i.test(word))
        tokens.push({ kind: "bool", text: word.toUpperCase() });
      else if (text[i] === "[") {
        // Structured reference: Table1[Column] or Table1[[#This Row],[Amount]].
        let depth = 0;
        let j = i;
        for (; j < text.length; j++) {
          if (text[j] === "[") depth++;
          else if (text[j] === "]" && --depth === 0) break;
        }
        tokens.push({ kind: "unknown", text: word + text.slice(i, j + 1) });
        i = j + 1;
      } else tokens.push({ kind: "name", text: word });
      continue;
    }
    const op = operatorAt(text, i);
    if (op) {
      tokens.push({ kind: "op", text: op });
      i += op.length;
      continue;
    }
    tokens.push({ kind: "unknown", text: ch });
    i++;
  }
  return tokens;
}

/** Every reference in a formula, in the order written. */
export function references(formula: string): FormulaRef[] {
  const out: FormulaRef[] = [];
  for (const t of tokenize(formula)) if (t.kind === "ref") out.push(t.ref);
  return out;
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

function sameCorner(a: RefCorner, b: RefCorner): boolean {
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

function cornerR1C1(c: RefCorner, row: number, col: number): string {
  const part = (letter: string, at: number | null, abs: boolean, origin: number) => {
    if (at === null) return "";
    if (abs) return `${letter}${at + 1}`;
    const d = at - origin;
    return d === 0 ? letter : `${letter}[${d}]`;
  };
  return part("R", c.row, c.absRow, row) + part("C", c.col, c.absCol, col);
}

/** A reference in R1C1 form relative to the cell (row, col) holding the formula. */
export function refToR1C1(ref: FormulaRef, row: number, col: number): string {
  const a = cornerR1C1(ref.start, row, col);
  const b = cornerR1C1(ref.end, row, col);
  const single = sameCorner(ref.start, ref.end) && ref.start.row !== null && ref.start.col !== null;
  const area = single ? a : `${a}:${b}`;
  if (ref.sheet === null && ref.workbook === null) return area;
  const prefix = `${ref.workbook !== null ? `[${ref.workbook.toUpperCase()}]` : ""}${(ref.sheet ?? "").toUpperCase()}`;
  return `'${prefix}'!${area}`;
}

/**
 * The formula in R1C1 form relative to its own cell (0-based row, col): the same text for every
 * copy of a formula filled along a line. Function names, booleans, errors and sheet names are
 * upper-cased and whitespace dropped, so only a real difference in the formula tells.
 * A reference to the formula's own sheet by name is written as an unqualified one.
 */
export function toR1C1(formula: string, row: number, col: number, ownSheet?: string): string {
  return tokensToR1C1(tokenize(formula), row, col, ownSheet);
}

export function tokensToR1C1(tokens: Token[], row: number, col: number, ownSheet?: string): string {
  let out = "";
  for (const t of tokens) {
    if (t.kind === "ref") {
      const own =
        ownSheet !== undefined &&
        t.ref.workbook === null &&
        t.ref.sheet !== null &&
        sameSheet(t.ref.sheet, ownSheet);
      out += refToR1C1(own ? { ...t.ref, sheet: null } : t.ref, row, col);
    } else if (t.kind === "name" || t.kind === "error" || t.kind === "unknown") {
      out += t.text.toUpperCase();
    } else if (t.kind === "number") {
      out += String(Number(t.text));
    } else out += t.text;
  }
  return `=${out}`;
}

/** A reference in a signed sum, with its coefficient (+1 added, -1 subtracted). */
export interface SignedRef {
  ref: FormulaRef;
  coef: 1 | -1;
}

/**
 * The formula as a signed sum of references, when that is all it is: SUM(...) of references,
 * SUBTOTAL(9 or 109, ...), + and - chains of references and such SUMs, brackets, and a leading
 * sign. Returns null for anything else (a product, a constant, another function, an error), so
 * callers never read a formula they do not understand as a sum of parts.
 */
export function signedSum(formula: string): SignedRef[] | null {
  return signedSumOf(tokenize(formula));
}

export function signedSumOf(tokens: Token[]): SignedRef[] | null {
  const parser = new SumParser(tokens);
  const out: SignedRef[] = [];
  return parser.expr(1, out) && parser.pos === tokens.length ? out : null;
}

/**
 * The grammar of a plain sum, as methods rather than closures (a formula is read per cell):
 * expr := term (("+"|"-") term)* ; term := ("+"|"-")* atom ; atom := ref | (expr) | SUM(list).
 * Each method appends what it reads to `out` and says whether it could.
 */
class SumParser {
  pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private isOp(text: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && t.kind === "op" && t.text === text;
  }

  expr(sign: 1 | -1, out: SignedRef[]): boolean {
    if (!this.term(sign, out)) return false;
    while (this.isOp("+") || this.isOp("-")) {
      const s = this.isOp("-") ? (-sign as 1 | -1) : sign;
      this.pos++;
      if (!this.term(s, out)) return false;
    }
    return true;
  }

  private term(sign: 1 | -1, out: SignedRef[]): boolean {
    let s = sign;
    while (this.isOp("+") || this.isOp("-")) {
      if (this.isOp("-")) s = -s as 1 | -1;
      this.pos++;
    }
    return this.atom(s, out);
  }

  private list(sign: 1 | -1, out: SignedRef[]): boolean {
    for (;;) {
      if (!this.expr(sign, out)) return false;
      if (!this.isOp(",")) return true;
      this.pos++;
    }
  }

  private atom(sign: 1 | -1, out: SignedRef[]): boolean {
    const t = this.tokens[this.pos];
    if (!t) return false;
    if (t.kind === "ref") {
      this.pos++;
      out.push({ ref: t.ref, coef: sign });
      return true;
    }
    if (t.kind === "op" && t.text === "(") {
      this.pos++;
      if (!this.expr(sign, out) || !this.isOp(")")) return false;
      this.pos++;
      return true;
    }
    if (t.kind === "func" && (t.text === "SUM" || t.text === "SUBTOTAL")) {
      this.pos++;
      if (!this.isOp("(")) return false;
      this.pos++;
      if (t.text === "SUBTOTAL") {
        const fn = this.tokens[this.pos];
        if (fn?.kind !== "number" || (fn.text !== "9" && fn.text !== "109")) return false;
        this.pos++;
        if (!this.isOp(",")) return false;
        this.pos++;
      }
      if (!this.list(sign, out) || !this.isOp(")")) return false;
      this.pos++;
      return true;
    }
    return false;
  }
}

/** The other workbooks a formula refers to (by reference, error or name prefix). */
export function externalWorkbooks(tokens: Token[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.kind === "ref" && t.ref.workbook !== null) out.add(t.ref.workbook);
    else if (t.kind === "error" && t.workbook !== null) out.add(t.workbook);
    else if (t.kind === "unknown") {
      const m = /\[([^\]]+)\]/.exec(t.text);
      // A structured reference (Table1[Amount]) has a name before its bracket; a workbook does not.
      if (m && (t.text.startsWith("[") || t.text.startsWith("'"))) out.add(m[1]);
    }
  }
  return [...out];
}

/** The error literals written in a formula (#REF! left by a deleted row, and the like). */
export function errorLiterals(tokens: Token[]): string[] {
  return tokens.filter((t) => t.kind === "error").map((t) => t.text);
}

function shiftCorner(c: RefCorner, dr: number, dc: number): RefCorner {
  return {
    ...c,
    row: c.row === null || c.absRow ? c.row : c.row + dr,
    col: c.col === null || c.absCol ? c.col : c.col + dc,
  };
}

/**
 * The formula as Excel's fill would write it in the cell (toRow, toCol), from its text in
 * (fromRow, fromCol): relative parts move, absolute ones stay. Null when a reference would fall
 * off the sheet. Whitespace is not kept.
 */
export function translateFormula(
  formula: string,
  fromRow: number,
  fromCol: number,
  toRow: number,
  toCol: number
): string | null {
  const dr = toRow - fromRow;
  const dc = toCol - fromCol;
  let out = "";
  for (const t of tokenize(formula)) {
    if (t.kind !== "ref") {
      out +=
        t.kind === "error" && (t.sheet !== null || t.workbook !== null)
          ? `${refPrefix(t.workbook, t.sheet)}${t.text}`
          : t.text;
      continue;
    }
    const ref = {
      ...t.ref,
      start: shiftCorner(t.ref.start, dr, dc),
      end: shiftCorner(t.ref.end, dr, dc),
    };
    const b = refBounds(ref);
    if (b.top < 0 || b.left < 0 || b.bottom >= MAX_ROWS || b.right >= MAX_COLS) return null;
    out += refToA1(ref);
  }
  return `=${out}`;
}

function refPrefix(workbook: string | null, sheet: string | null): string {
  if (workbook !== null) return `'${`[${workbook}]${sheet ?? ""}`.replace(/'/g, "''")}'!`;
  return sheet === null ? "" : `${quoteSheet(sheet)}!`;
}
