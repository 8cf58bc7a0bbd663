/**
 * The common plain sums (=SUM(C4:C9), =C4+C5+C6, =C9-C4) read straight from the text in one pass,
 * without the general tokenizer: a large sheet has a formula in every stated total. It follows
 * the same grammar as formulaSum's SumParser and reads references as the tokenizer does (scanArea,
 * under its readArea), and it takes only what it is sure of: references, "+", "-", ",", brackets and SUM(.
 * Any other character (a sheet prefix's "!" or "'", a space, a string, a number, another
 * function) gives undefined, and the general reader decides; so the two cannot disagree.
 */
import { MAX_COLS, MAX_ROWS } from "./formulaRef";
import type { SignedRef } from "./formulaSum";
import { scanArea, scanned, scannedCorners } from "./formulaRefReader";

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
  const out: SignedRef[] = [];
  const reader = new PlainSumReader((sign) => {
    const { start, end } = scannedCorners();
    out.push({ ref: { workbook: null, sheet: null, start, end }, coef: sign });
  });
  return reader.read(formula) ? out : undefined;
}

/**
 * The rectangles of a plain sum's references (on the formula's own sheet), in one array reused
 * from formula to formula: four numbers a reference, top, bottom, left, right, as refBounds
 * gives them. For a reader of many formulas that needs only where they point.
 */
export class PlainSumAreas {
  count = 0;
  readonly edges: number[] = [];
  private readonly take = () => {
    const a = scanned;
    // As refBounds reads a reference: whole rows or columns span the sheet.
    const r1 = a.row1 < 0 ? 0 : a.row1;
    const r2 = a.row2 < 0 ? MAX_ROWS - 1 : a.row2;
    const c1 = a.col1 < 0 ? 0 : a.col1;
    const c2 = a.col2 < 0 ? MAX_COLS - 1 : a.col2;
    const at = this.count++ * 4;
    this.edges[at] = Math.min(r1, r2);
    this.edges[at + 1] = Math.max(r1, r2);
    this.edges[at + 2] = Math.min(c1, c2);
    this.edges[at + 3] = Math.max(c1, c2);
  };

  /** One reader for every formula: each hands its references to take, as read. */
  private readonly reader = new PlainSumReader(this.take);

  /** Reads the formula's areas in place of the last one's: whether it is one of the plain forms. */
  read(formula: string): boolean {
    this.count = 0;
    return this.reader.read(formula);
  }
}

/** expr := term (("+"|"-") term)* ; term := ("+"|"-")* atom ; atom := ref | (expr) | SUM(list). */
class PlainSumReader {
  pos = 1;
  private text = "";
  constructor(private readonly take: (sign: 1 | -1) => void) {}

  /** Reads a whole formula (from its "=") afresh: whether it is a plain form. */
  read(formula: string): boolean {
    if (formula.charCodeAt(0) !== 61 /* = */) return false;
    this.text = formula;
    this.pos = 1;
    return this.expr(1) && this.pos === formula.length;
  }

  private at(code: number): boolean {
    return this.text.charCodeAt(this.pos) === code;
  }

  expr(sign: 1 | -1): boolean {
    if (!this.term(sign)) return false;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code !== PLUS && code !== MINUS) return true;
      this.pos++;
      if (!this.term(code === MINUS ? (-sign as 1 | -1) : sign)) return false;
    }
  }

  private term(sign: 1 | -1): boolean {
    let s = sign;
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (code === MINUS) s = -s as 1 | -1;
      else if (code !== PLUS) break;
      this.pos++;
    }
    return this.atom(s);
  }

  private atom(sign: 1 | -1): boolean {
    const text = this.text;
    if (this.at(OPEN)) {
      this.pos++;
      if (!this.expr(sign) || !this.at(CLOSE)) return false;
      this.pos++;
      return true;
    }
    // "SUM(" is never the start of a reference (a column's letters must be followed by a row or
    // ":"), so it is looked for first: the tokenizer's reference-first order gives the same.
    if (!this.atSum()) {
      if (!scanArea(text, this.pos)) return false;
      this.take(sign);
      this.pos += scanned.length;
      return true;
    }
    this.pos += 4;
    for (;;) {
      if (!this.expr(sign)) return false;
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
