/** Whether a total's formula covers a part: directly, or through the plain sums it refers to. */
import {
  MAX_COLS,
  MAX_ROWS,
  PlainSumAreas,
  refBounds,
  sameSheet,
  type FormulaRef,
  type RangeRef,
  type SignedRef,
} from "../../sheet";
import { CoveredCells } from "./coveredCells";
import { cellNumber, key, type FormulaCache } from "./formulaCache";
import type { FormulaCell } from "./formulaTerms";

/** Cells walked through the sums behind one total before it is left unjudged (a false alarm costs more). */
const EXPANSION_LIMIT = 100_000;

/** Whether a part is covered by a formula: referred to directly, or through the sums it refers to. */
export class Coverage {
  // Built on first use: most totals are passed by the direct test alone, and there is one per total.
  private memo: Map<number, boolean> | null = null;
  /** Every cell inside a reference of the total or of a plain sum reached from it. */
  private covered: CoveredCells | null = null;
  private intendedByNum: Map<number, FormulaCell[]> | null = null;
  /** The sums behind the total reach too many cells to walk: it is left unjudged. */
  tooLarge = false;

  constructor(
    private readonly cache: FormulaCache,
    private readonly total: FormulaCell,
    private readonly refs: SignedRef[],
    /** Totals already found to leave parts out, with the parts they should cover: as if mended. */
    private readonly intended: Map<number, FormulaCell[]> = new Map(),
    private readonly intendedCells: { has(cellNumber: number): boolean } = new Set()
  ) {}

  /** The mended totals' parts by cell, leaving out the total's own (that is what is judged). */
  private mended(): Map<number, FormulaCell[]> {
    if (this.intendedByNum) return this.intendedByNum;
    const own = key(this.total);
    this.intendedByNum = new Map();
    for (const [k, parts] of this.intended)
      if (k !== own && this.intendedCells.has(k)) this.intendedByNum.set(k, parts);
    return this.intendedByNum;
  }

  /** Whether one of the total's own references (on this workbook) holds the cell. */
  directlyAt(sheet: string, row: number, col: number): boolean {
    for (const { ref } of this.refs) {
      if (ref.workbook !== null) continue;
      if (!holds(ref, row, row, col, col)) continue;
      if (sameSheetAs(ref.sheet ?? this.total.sheet, sheet)) return true;
    }
    return false;
  }

  /** Whether one of the total's own references holds the whole rectangle. */
  directlyWithin(range: RangeRef): boolean {
    for (const { ref } of this.refs) {
      if (ref.workbook !== null) continue;
      if (!holds(ref, range.top, range.bottom, range.left, range.right)) continue;
      if (sameSheetAs(ref.sheet ?? this.total.sheet, range.sheet)) return true;
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
    const b = refBounds(r.ref);
    return this.eachInArea(r.ref.sheet ?? fromSheet, b.top, b.bottom, b.left, b.right, visit);
  }

  /** Visits the cells of a rectangle of the sheet, clipped to its used area. */
  private eachInArea(
    sheet: string,
    top: number,
    bottom: number,
    left: number,
    right: number,
    visit: (sheet: string, row: number, col: number) => boolean | void
  ): boolean {
    const used = this.cache.bounds(sheet);
    if (!used) return true;
    const last = Math.min(bottom, used.bottom);
    const end = Math.min(right, used.right);
    for (let row = Math.max(top, used.top); row <= last; row++)
      for (let col = Math.max(left, used.left); col <= end; col++)
        if (visit(sheet, row, col) === false) return false;
    return true;
  }

  /** Walks every plain-sum formula reachable from the total (a bounded number of cells). */
  private expand(): CoveredCells {
    // A later total's walk takes over the shared marks: this one is walked again if asked.
    if (this.covered?.current) return this.covered;
    const covered = (this.covered = new CoveredCells(
      this.cache.marksFor(this.total.sheet),
      cellNumber
    ));
    const intended = this.mended();
    const areas = this.cache.areas;
    // A plain sum's references are queued as rectangles (four numbers each, on its own sheet),
    // read without objects; any other sum as its references. Either way in the formula's order.
    const queue: { sheet: string; refs: SignedRef[] | null; edges: number[] | null }[] = [
      { sheet: this.total.sheet, refs: this.refs, edges: null },
    ];
    const visit = (sheet: string, row: number, col: number): boolean | void => {
      if (covered.size > EXPANSION_LIMIT) return false;
      if (!covered.add(sheet, row, col)) return;
      const f = this.cache.wb.formulaAt(sheet, row, col);
      if (f !== null) {
        if (areas.read(f))
          queue.push({ sheet, refs: null, edges: areas.edges.slice(0, areas.count * 4) });
        else {
          const sum = this.cache.sumOf(sheet, row, col);
          if (sum) queue.push({ sheet, refs: sum, edges: null });
        }
      }
      if (intended.size === 0) return;
      const mended = intended.get(this.cache.num(sheet, row, col));
      if (mended) queue.push({ sheet, refs: mended.map(cellRef), edges: null });
    };
    for (let i = 0; i < queue.length; i++) {
      if (covered.size > EXPANSION_LIMIT) {
        this.tooLarge = true;
        return covered;
      }
      const { sheet: from, refs, edges } = queue[i];
      if (refs) for (const r of refs) this.eachCell(r, from, visit);
      else
        for (let e = 0; e < edges!.length; e += 4)
          this.eachInArea(from, edges![e], edges![e + 1], edges![e + 2], edges![e + 3], visit);
    }
    return covered;
  }

  /**
   * Whether the walk through the total's sums reaches the cell (the first part of covers, with no
   * look into the cell's own sum). It walks first, so tooLarge is known after it.
   */
  reaches(sheet: string, row: number, col: number): boolean {
    return this.expand().has(sheet, row, col);
  }

  /** Covered through the sums the total refers to, or by covering every cell of the part's own sum. */
  covers(part: FormulaCell, depth = 0): boolean {
    if (this.expand().has(part.sheet, part.row, part.col)) return true;
    const k = this.cache.num(part.sheet, part.row, part.col);
    const memo = (this.memo ??= new Map());
    const known = memo.get(k);
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
    memo.set(k, result);
    return result;
  }
}

/**
 * Whether a total written as a plain sum refers directly to a cell or a rectangle: its references
 * are read into one array reused from total to total, so most totals are passed with no object
 * made. The same answers as Coverage.directlyAt and directlyWithin.
 */
export class PlainDirectCoverage {
  private readonly areas = new PlainSumAreas();
  private sheet = "";
  /** The tests StatedTotal.anyReading takes, made once for every total. */
  readonly at = (sheet: string, row: number, col: number) => this.holds(sheet, row, row, col, col);
  readonly within = (r: RangeRef) => this.holds(r.sheet, r.top, r.bottom, r.left, r.right);

  /** Takes the total's formula: whether it is a plain sum (else the general reader must judge). */
  read(total: FormulaCell, formula: string): boolean {
    this.sheet = total.sheet;
    return this.areas.read(formula);
  }

  private holds(sheet: string, top: number, bottom: number, left: number, right: number): boolean {
    // A plain sum names no sheet: every reference is on the total's own.
    if (!sameSheetAs(this.sheet, sheet)) return false;
    const e = this.areas.edges;
    const end = this.areas.count * 4;
    for (let i = 0; i < end; i += 4)
      if (top >= e[i] && bottom <= e[i + 1] && left >= e[i + 2] && right <= e[i + 3]) return true;
    return false;
  }
}

/** Whether the reference's rectangle holds rows top..bottom and columns left..right. */
function holds(ref: FormulaRef, top: number, bottom: number, left: number, right: number): boolean {
  // As refBounds reads it, without an object per test: whole rows or columns span the sheet.
  const r1 = ref.start.row ?? 0;
  const r2 = ref.end.row ?? MAX_ROWS - 1;
  const c1 = ref.start.col ?? 0;
  const c2 = ref.end.col ?? MAX_COLS - 1;
  return (
    top >= Math.min(r1, r2) &&
    bottom <= Math.max(r1, r2) &&
    left >= Math.min(c1, c2) &&
    right <= Math.max(c1, c2)
  );
}

/** Sheet names match without regard to case; the same string is the usual case. */
function sameSheetAs(a: string, b: string): boolean {
  return a === b || sameSheet(a, b);
}

/** A single-cell reference to c, as a formula on any sheet would write it. */
function cellRef(c: FormulaCell): SignedRef {
  const corner = { row: c.row, col: c.col, absRow: true, absCol: true };
  return { ref: { workbook: null, sheet: c.sheet, start: corner, end: corner }, coef: 1 };
}
