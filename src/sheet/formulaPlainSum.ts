/**
 * The common plain sums (=SUM(C4:C9), =C4+C5+C6, =C9-C4) read straight from the text in one pass,
 * without the general tokenizer: a large sheet has a formula in every stated total. It follows
 * the same grammar as formulaSum's SumParser and reads references with the tokenizer's own
 * readArea, and it takes only what it is sure of: references, "+", "-", ",", brackets and SUM(.
 * Any other character (a sheet prefix's "!" or "'", a space, a string, a number, another
 * function) gives undefined, and the general reader decides; so the two cannot disagree.
 */
import type { SignedRef } from "./formulaSum";
import { readArea } from "./formulaRefReader";

const PLUS = 43;
const MINUS = 45;
const COMMA = 44;
const OPEN = 40;
const CLOSE = 41;

/**
 * The formula (with its leading "=") as a signed sum of references when it is one of the plain
 * forms; undefined when it holds anything else, which the general reader must judge.
 */
export function plainSum(formula: string): SignedRef[] | undefined {
  if (formula.charCodeAt(0) !== 61 /* = */) return undefined;
  const reader = new PlainSumReader(formula);
  const out: SignedRef[] = [];
  return reader.expr(1, out) && reader.pos === formula.length ? out : undefined;
}

/** expr := term (("+"|"-") term)* ; term := ("+"|"-")* atom ; atom := ref | (expr) | SUM(list). */
class PlainSumReader {
  pos = 1;
  constructor(private readonly text: string) {}

  private at(code: number): boolean {
    return this.text.charCodeAt(this.pos) === code;
  }

  expr(sign: 1 | -1, out: SignedRef[]): boolean {
    if (!this.term(sign, out)) return false;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code !== PLUS && code !== MINUS) return true;
      this.pos++;
      if (!this.term(code === MINUS ? (-sign as 1 | -1) : sign, out)) return false;
    }
  }

  private term(sign: 1 | -1, out: SignedRef[]): boolean {
    let s = sign;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code === MINUS) s = -s as 1 | -1;
      else if (code !== PLUS) break;
      this.pos++;
    }
    return this.atom(s, out);
  }

  private atom(sign: 1 | -1, out: SignedRef[]): boolean {
    const text = this.text;
    if (this.at(OPEN)) {
      this.pos++;
      if (!this.expr(sign, out) || !this.at(CLOSE)) return false;
      this.pos++;
      return true;
    }
    // The tokenizer tries a reference first wherever one may start, so this does too.
    const area = readArea(text, this.pos);
    if (area) {
      out.push({
        ref: { workbook: null, sheet: null, start: area.start, end: area.end },
        coef: sign,
      });
      this.pos += area.length;
      return true;
    }
    if (!this.atSum()) return false;
    this.pos += 4;
    for (;;) {
      if (!this.expr(sign, out)) return false;
      if (!this.at(COMMA)) break;
      this.pos++;
    }
    if (!this.at(CLOSE)) return false;
    this.pos++;
    return true;
  }

  /** "SUM(" in any case: the tokenizer's function SUM ("(" cannot go on a name). */
  private atSum(): boolean {
    const t = this.text;
    const p = this.pos;
    return (
      (t.charCodeAt(p) | 32) === 115 /* s */ &&
      (t.charCodeAt(p + 1) | 32) === 117 /* u */ &&
      (t.charCodeAt(p + 2) | 32) === 109 /* m */ &&
      t.charCodeAt(p + 3) === OPEN
    );
  }
}
