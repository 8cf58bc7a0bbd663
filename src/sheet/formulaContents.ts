/** What a formula's tokens hold: its references, the other workbooks it reaches, its error literals. */
import type { FormulaRef } from "./formulaRef";
import { tokenize, type Token } from "./formulaTokenizer";

/** Every reference in a formula, in the order written. */
export function references(formula: string): FormulaRef[] {
  const out: FormulaRef[] = [];
  for (const t of tokenize(formula)) if (t.kind === "ref") out.push(t.ref);
  return out;
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
