/** The workbook's formulas read once per cell (tokens and plain sums), cells numbered for speed. */
import {
  PlainSumAreas,
  signedSum,
  signedSumOf,
  tokenize,
  type SignedRef,
  type Token,
} from "../../sheet";
import { CellMarks } from "./coveredCells";
import type { FormulaCell, FormulaWorkbook } from "./formulaTerms";

/** Sheet names numbered as they are met, so a cell packs into one number (see cellNumber). */
const sheetNumbers = new Map<string, number>();
let lastSheet: string | null = null;
let lastId = 0;

/** Cell numbers one row takes: the columns, below 2^14. */
export const ROW_SPAN = 16_384;
/** Cell numbers one sheet takes: rows below 2^20 of ROW_SPAN each, 2^34. */
export const SHEET_SPAN = 17_179_869_184;

/** One number per cell: rows below 2^20 and columns below 2^14 pack under 2^34 per sheet. */
export function cellNumber(sheet: string, row: number, col: number): number {
  // Cells come sheet by sheet: the last sheet's number is kept at hand.
  if (sheet !== lastSheet) {
    let id = sheetNumbers.get(sheet);
    if (id === undefined) sheetNumbers.set(sheet, (id = sheetNumbers.size));
    lastSheet = sheet;
    lastId = id;
  }
  return lastId * SHEET_SPAN + row * ROW_SPAN + col;
}

/** A cell's number (see cellNumber). */
export const key = (c: FormulaCell) => cellNumber(c.sheet, c.row, c.col);

/** Formulas read once per cell; cells keyed by number (sheet, row, col packed) for speed. */
export class FormulaCache {
  private readonly tokens = new Map<number, Token[] | null>();
  private readonly sums = new Map<number, SignedRef[] | null>();
  private readonly boundsOf = new Map<string, ReturnType<FormulaWorkbook["bounds"]>>();
  private readonly marks = new Map<string, CellMarks | null>();
  /** A reader of plain sums' rectangles, reused by every walk (read it before the next formula). */
  readonly areas = new PlainSumAreas();
  constructor(readonly wb: FormulaWorkbook) {}

  /** Marks over the sheet's used area, shared by the walks of this run (null: use a Set). */
  marksFor(sheet: string): CellMarks | null {
    let m = this.marks.get(sheet);
    if (m === undefined) this.marks.set(sheet, (m = CellMarks.over(sheet, this.bounds(sheet))));
    return m;
  }

  num(sheet: string, row: number, col: number): number {
    return cellNumber(sheet, row, col);
  }

  bounds(sheet: string): ReturnType<FormulaWorkbook["bounds"]> {
    if (!this.boundsOf.has(sheet)) this.boundsOf.set(sheet, this.wb.bounds(sheet));
    return this.boundsOf.get(sheet)!;
  }

  tokensAt(c: FormulaCell): Token[] | null {
    return this.tokensOf(c.sheet, c.row, c.col);
  }

  tokensOf(sheet: string, row: number, col: number): Token[] | null {
    const k = this.num(sheet, row, col);
    let t = this.tokens.get(k);
    if (t === undefined) {
      const f = this.wb.formulaAt(sheet, row, col);
      t = f === null ? null : tokenize(f);
      this.tokens.set(k, t);
    }
    return t;
  }

  sumAt(c: FormulaCell): SignedRef[] | null {
    return this.sumOf(c.sheet, c.row, c.col);
  }

  /**
   * A stated total's own formula as a sum, read afresh unless already known. Each total reads
   * its own once a pass: keeping every one would only give the collector work, while the sums
   * reached through other formulas are kept (sumOf), as several walks reach the same ones.
   */
  ownSumAt(c: FormulaCell): SignedRef[] | null {
    const f = this.wb.formulaAt(c.sheet, c.row, c.col);
    if (f === null) return null;
    const k = this.num(c.sheet, c.row, c.col);
    const known = this.sums.get(k);
    if (known !== undefined) return known;
    const tokens = this.tokens.get(k);
    return tokens ? signedSumOf(tokens) : signedSum(f);
  }

  sumOf(sheet: string, row: number, col: number): SignedRef[] | null {
    // Most cells a sum covers are typed amounts: no need to remember them.
    const f = this.wb.formulaAt(sheet, row, col);
    if (f === null) return null;
    const k = this.num(sheet, row, col);
    let s = this.sums.get(k);
    if (s === undefined) {
      // Every total is read as a sum once: its tokens are not kept, only the sum (most are plain
      // forms, read without tokens).
      const tokens = this.tokens.get(k);
      s = tokens ? signedSumOf(tokens) : signedSum(f);
      this.sums.set(k, s);
    }
    return s;
  }
}
