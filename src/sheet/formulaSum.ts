/** A formula read as a signed sum of references, when that is all it is. */
import type { FormulaRef } from "./formulaRef";
import { plainSum } from "./formulaPlainSum";
import { tokenize, type Token } from "./formulaTokenizer";

/** A reference in a signed sum, with its coefficient (+1 added, -1 subtracted). */
export interface SignedRef {
  ref: FormulaRef;
  coef: 1 | -1;
}

/**
 * The formula as a signed sum of references, when that is all it is: SUM(...) of references,
 * SUBTOTAL(9 or 109, ...), + and - chains of references and such SUMs, brackets, and a leading
 * sign. Returns null for anything else (a product, a constant, another function, an error), so
 * callers never read a formula they do not understand as a sum of parts. The plain forms are
 * read without tokens (formulaPlainSum), with the same result.
 */
export function signedSum(formula: string): SignedRef[] | null {
  return plainSum(formula) ?? signedSumOf(tokenize(formula));
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
