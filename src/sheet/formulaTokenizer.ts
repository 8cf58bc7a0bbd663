/**
 * Excel formulas as both adapters deliver them (A1 text with its leading "=") split into tokens;
 * formulaRef, formulaR1C1, formulaSum and formulaFill read and write what the tokens hold. Pure.
 *
 * Covers what council workbooks hold: sheet-qualified and quoted references ('Appendix 1'!B4),
 * absolute and relative parts ($B$4, B$4), ranges, whole rows and columns (4:4, C:C), references
 * to other workbooks ([Book2.xlsx]Sheet1!A1, [1]Sheet1!A1 as stored in a file, 'C:\x\[B.xlsx]S'!A1),
 * error literals (#REF!), strings with doubled quotes, functions (SUM, SUBTOTAL, _xlfn.X.Y),
 * names, booleans, numbers and operators. Anything it cannot read becomes an "unknown" token, so
 * a strange formula is never mistaken for a plain sum.
 */
import type { FormulaRef } from "./formulaRef";
import { DOLLAR, isDigit, isLetter, matchAt, readArea, readPrefix } from "./formulaRefReader";

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

// Numbers and names are read in place (sticky patterns), not on a copy of the rest of the formula.
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const IDENT = /[A-Za-z_\\][A-Za-z0-9_.\\]*/y;

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
    const ident =
      letter || code === 95 /* _ */ || code === 92 /* \ */ ? matchAt(IDENT, text, i) : null;
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
