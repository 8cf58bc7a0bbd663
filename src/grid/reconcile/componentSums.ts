/**
 * Sums of a run of component cells (the lines above a total, in one column) for every reading of
 * which lines the total covers: all of them, or only the last k. A total line with hundreds of
 * components has hundreds of such readings; summing each afresh made reconciling a large sheet
 * quadratic. Here each column's cells are read once and summed once from the bottom up, so the
 * sum of the last k lines is a look-up. Sums stay Decimal and exact, so they equal those of
 * adding the parts one by one.
 */
import type Decimal from "decimal.js";
import { sumTerms, type Check, type PartVisitor, type PartsSum, type Term } from "../../engine";
import type { CellRef } from "../../sheet";
import { addExact, addWhole, EXACT_ZERO, toDecimal, WholeSum, type ExactSum } from "./exactSum";
import { partsText, sharedSlack, type CheckCollector } from "./reconcileTerms";

/** Where the components of one period-axis position sit: each component line's cell, in line order. */
export interface ComponentPlace {
  sheet: string;
  cells: readonly { row: number; col: number }[];
}

export class ComponentColumn {
  /** Indices of parts that hold something other than an amount, in order. */
  private readonly problems: number[] = [];
  private full: PartsSum | null = null;
  private plain: PartsSum | null = null;
  /** suffix[j]: signed sum of parts j.. ; built only when a reading of the last few lines is tried. */
  private suffix: ExactSum[] | null = null;
  /** suffixWhole[j]: the same sum as a safe integer, for every j from wholeFrom on (all whole there). */
  private suffixWhole: Float64Array | null = null;
  private wholeFrom = 0;
  /** rounded[j]: parts among j.. that are rounded (not blank), all sharing `unit` unless `mixed`. */
  private rounded: Int32Array | null = null;
  private unit: Decimal | null = null;
  private mixed = false;

  /**
   * @param stated the total's cell in this column, as a term (it holds an amount)
   * @param subject what the stated cell is, for the explanation
   * @param place where the parts are, top to bottom
   * @param coefs each part's sign in the usual reading (1 or -1)
   * @param cells the reconciliation's cell reader (each cell read once)
   */
  constructor(
    readonly stated: Term,
    readonly subject: string,
    private readonly place: ComponentPlace,
    private readonly coefs: readonly number[],
    private readonly cells: CheckCollector
  ) {
    for (let i = 0; i < place.cells.length; i++) {
      const e = this.entry(i);
      if (typeof e !== "number" && "problem" in e) this.problems.push(i);
    }
  }

  private row(i: number): number {
    return this.place.cells[i].row;
  }
  private col(i: number): number {
    return this.place.cells[i].col;
  }
  private entry(i: number) {
    return this.cells.entryAt(this.place.sheet, this.row(i), this.col(i));
  }

  /** Adds part i (signed by coef) to the sum and counts it when rounded; a part that is no amount adds nothing. */
  private add(i: number, coef: number, acc: Accumulator): void {
    const e = this.entry(i);
    let halfUnit: Decimal;
    if (typeof e === "number") {
      if (e !== 0) {
        // While every part so far is whole and the sum stays safe, it is kept as a plain integer.
        const next = acc.whole + (coef === 1 ? e : coef === -1 ? -e : NaN);
        if (acc.inWhole && Number.isSafeInteger(next)) acc.whole = next;
        else acc.total = addWhole(leaveWhole(acc), e, coef);
      }
      halfUnit = this.cells.halfAt(this.place.sheet, this.row(i), this.col(i));
    } else if ("value" in e) {
      if (!e.value.isZero()) acc.total = addExact(leaveWhole(acc), e, coef);
      halfUnit = e.halfUnit;
    } else return;
    if (!halfUnit.isZero()) {
      if (this.unit === null) this.unit = halfUnit;
      else if (this.unit !== halfUnit && !this.unit.eq(halfUnit)) this.mixed = true;
      acc.count++;
    }
  }

  cellOf(i: number): CellRef {
    return { sheet: this.place.sheet, row: this.row(i), col: this.col(i) };
  }

  /** The first part from `start` on that is not an amount, with what it holds. */
  firstProblem(start: number): { cell: CellRef; problem: string } | null {
    const i = this.problems.find((p) => p >= start);
    if (i === undefined) return null;
    return { cell: this.cellOf(i), problem: (this.entry(i) as { problem: string }).problem };
  }

  /** The parts from `start` on as terms, each with its usual sign or, when `plain`, added as shown. */
  terms(start: number, plain: boolean): Term[] {
    const out: Term[] = [];
    for (let i = start; i < this.place.cells.length; i++)
      out.push(this.cells.termAt(this.cellOf(i), plain ? 1 : this.coefs[i]));
    return out;
  }

  /** Calls `visit` for each part from `start` on, without building terms. */
  eachPart(start: number, plain: boolean, visit: PartVisitor): void {
    const { sheet, cells } = this.place;
    for (let i = start; i < cells.length; i++)
      visit(sheet, cells[i].row, cells[i].col, plain ? 1 : this.coefs[i]);
  }

  /** Sum and slack of the parts from `start` on (all when 0), signed, or added as shown when `plain`. */
  sum(start: number, plain: boolean): PartsSum {
    if (plain) return (this.plain ??= this.sumAll(true));
    if (start === 0) return (this.full ??= this.sumAll(false));
    this.buildSuffix();
    const count = this.rounded![start];
    const slack = this.mixed
      ? sumTerms(this.terms(start, false)).slack
      : sharedSlack(this.unit, count);
    if (start >= this.wholeFrom) return new WholeSum(this.suffixWhole![start], slack);
    return { total: toDecimal(this.suffix![start]), slack };
  }

  /** One pass over every part. */
  private sumAll(plain: boolean): PartsSum {
    const acc = newAccumulator();
    for (let i = 0; i < this.place.cells.length; i++) this.add(i, plain ? 1 : this.coefs[i], acc);
    const slack = this.mixed
      ? sumTerms(this.terms(0, plain)).slack
      : sharedSlack(this.unit, acc.count);
    return acc.inWhole ? new WholeSum(acc.whole, slack) : { total: toDecimal(acc.total), slack };
  }

  private buildSuffix(): void {
    if (this.suffix) return;
    const n = this.place.cells.length;
    const suffix: ExactSum[] = new Array(n + 1);
    const suffixWhole = new Float64Array(n + 1);
    const rounded = new Int32Array(n + 1);
    const acc = newAccumulator();
    let wholeFrom = n;
    for (let i = n - 1; i >= 0; i--) {
      this.add(i, this.coefs[i], acc);
      if (acc.inWhole) {
        suffixWhole[i] = acc.whole;
        wholeFrom = i;
      } else suffix[i] = acc.total;
      rounded[i] = acc.count;
    }
    this.suffix = suffix;
    this.suffixWhole = suffixWhole;
    this.wholeFrom = wholeFrom;
    this.rounded = rounded;
  }
}

/** A running sum: a safe integer while every part so far is whole, else exact (bigint or Decimal). */
interface Accumulator {
  whole: number;
  inWhole: boolean;
  total: ExactSum;
  count: number;
}

function newAccumulator(): Accumulator {
  return { whole: 0, inWhole: true, total: EXACT_ZERO, count: 0 };
}

/** Moves the sum out of plain integers (for good) and returns it exactly. */
function leaveWhole(acc: Accumulator): ExactSum {
  if (acc.inWhole) {
    acc.inWhole = false;
    acc.total = BigInt(acc.whole);
  }
  return acc.total;
}

/** The check of a column's total against its components from `start` on: summed, listed only if reported. */
export class ComponentCheck implements Check {
  private text: string | null = null;

  constructor(
    private readonly column: ComponentColumn,
    private readonly start: number,
    private readonly plain: boolean,
    readonly partsDescription: string
  ) {}

  get stated(): Term {
    return this.column.stated;
  }
  get subject(): string {
    return this.column.subject;
  }
  /** Built afresh on each use and not kept: few checks are ever listed. */
  get parts(): Term[] {
    return this.column.terms(this.start, this.plain);
  }
  get partsText(): string {
    return (this.text ??= partsText(this.parts, this.column.stated.cell.sheet));
  }
  get partsSum(): PartsSum {
    return this.column.sum(this.start, this.plain);
  }
  eachPart(visit: PartVisitor): void {
    this.column.eachPart(this.start, this.plain, visit);
  }
}
