/**
 * Formulas in R1C1 form relative to their own cell, so that copies filled along a line compare
 * equal and only a real difference tells.
 */
import { sameCorner, sameSheet, type FormulaRef, type RefCorner } from "./formulaRef";
import { tokenize, type Token } from "./formulaTokenizer";

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
