/** Whether a total's formula covers a part: directly, or through the plain sums it refers to. */
import { refBounds, type RangeRef, type SignedRef } from "../../sheet";
import { key, type FormulaCache } from "./formulaCache";
import type { FormulaCell } from "./formulaTerms";

/** Cells walked through the sums behind one total before it is left unjudged (a false alarm costs more). */
const EXPANSION_LIMIT = 100_000;

/** Whether a part is covered by a formula: referred to directly, or through the sums it refers to. */
export class Coverage {
  private readonly memo = new Map<number, boolean>();
  /** Every cell inside a reference of the total or of a plain sum reached from it. */
  private readonly covered = new Set<number>();
  private readonly intendedByNum = new Map<number, FormulaCell[]>();
  private expanded = false;
  /** The sums behind the total reach too many cells to walk: it is left unjudged. */
  tooLarge = false;

  constructor(
    private readonly cache: FormulaCache,
    private readonly total: FormulaCell,
    private readonly refs: SignedRef[],
    /** Totals already found to leave parts out, with the parts they should cover: as if mended. */
    intended: Map<number, FormulaCell[]> = new Map(),
    intendedCells: Map<number, FormulaCell> = new Map()
  ) {
    // The total's own omission is what is being judged: it is not taken as mended.
    const own = key(total);
    for (const [k, parts] of intended)
      if (k !== own && intendedCells.has(k)) this.intendedByNum.set(k, parts);
  }

  /** The total's own references as rectangles (sheet resolved), for the direct test. */
  private rects:
    | { sheet: string; upper: string; top: number; left: number; bottom: number; right: number }[]
    | null = null;

  private ownRects() {
    return (this.rects ??= this.refs
      .filter((r) => r.ref.workbook === null)
      .map((r) => {
        const own = r.ref.sheet ?? this.total.sheet;
        return { sheet: own, upper: own.toUpperCase(), ...refBounds(r.ref) };
      }));
  }

  directlyAt(sheet: string, row: number, col: number): boolean {
    for (const r of this.ownRects()) {
      if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
      // Sheet names match without regard to case; the same string is the usual case.
      if (r.sheet === sheet || r.upper === sheet.toUpperCase()) return true;
    }
    return false;
  }

  /** Whether one of the total's own references holds the whole rectangle. */
  directlyWithin(range: RangeRef): boolean {
    for (const r of this.ownRects()) {
      if (range.top < r.top || range.bottom > r.bottom) continue;
      if (range.left < r.left || range.right > r.right) continue;
      if (r.sheet === range.sheet || r.upper === range.sheet.toUpperCase()) return true;
    }
    return false;
  }

  directly(part: FormulaCell): boolean {
    return this.directlyAt(part.sheet, part.row, part.col);
  }

  /** Visits the cells inside a reference, clipped to the sheet's used area. */
  private eachCell(
    r: SignedRef,
    fromSheet: string,
    visit: (sheet: string, row: number, col: number) => boolean | void
  ): boolean {
    if (r.ref.workbook !== null) return true;
    const sheet = r.ref.sheet ?? fromSheet;
    const used = this.cache.bounds(sheet);
    if (!used) return true;
    const b = refBounds(r.ref);
    const bottom = Math.min(b.bottom, used.bottom);
    const right = Math.min(b.right, used.right);
    for (let row = Math.max(b.top, used.top); row <= bottom; row++)
      for (let col = Math.max(b.left, used.left); col <= right; col++)
        if (visit(sheet, row, col) === false) return false;
    return true;
  }

  /** Walks every plain-sum formula reachable from the total (a bounded number of cells). */
  private expand(): void {
    if (this.expanded) return;
    this.expanded = true;
    const queue: { sheet: string; refs: SignedRef[] }[] = [
      { sheet: this.total.sheet, refs: this.refs },
    ];
    for (let i = 0; i < queue.length; i++) {
      if (this.covered.size > EXPANSION_LIMIT) {
        this.tooLarge = true;
        return;
      }
      const { sheet: from, refs } = queue[i];
      for (const r of refs)
        this.eachCell(r, from, (sheet, row, col) => {
          if (this.covered.size > EXPANSION_LIMIT) return false;
          const k = this.cache.num(sheet, row, col);
          if (this.covered.has(k)) return;
          this.covered.add(k);
          const sum = this.cache.sumOf(sheet, row, col);
          if (sum) queue.push({ sheet, refs: sum });
          const mended = this.intendedByNum.get(k);
          if (mended) queue.push({ sheet, refs: mended.map(cellRef) });
        });
    }
  }

  /** Covered through the sums the total refers to, or by covering every cell of the part's own sum. */
  covers(part: FormulaCell, depth = 0): boolean {
    const k = this.cache.num(part.sheet, part.row, part.col);
    this.expand();
    if (this.covered.has(k)) return true;
    const known = this.memo.get(k);
    if (known !== undefined) return known;
    let result = false;
    if (!result && depth < 8) {
      const own = this.cache.sumAt(part);
      if (own) {
        result = own.every((r) =>
          this.eachCell(r, part.sheet, (sheet, row, col) =>
            this.covers({ sheet, row, col }, depth + 1)
          )
        );
      }
    }
    this.memo.set(k, result);
    return result;
  }
}

/** A single-cell reference to c, as a formula on any sheet would write it. */
function cellRef(c: FormulaCell): SignedRef {
  const corner = { row: c.row, col: c.col, absRow: true, absCol: true };
  return { ref: { workbook: null, sheet: c.sheet, start: corner, end: corner }, coef: 1 };
}
