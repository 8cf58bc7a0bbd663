/**
 * Sums of a run of component cells (the lines above a total, in one column) for every reading of
 * which lines the total covers: all of them, or only the last k. A total line with hundreds of
 * components has hundreds of such readings; summing each afresh made reconciling a large sheet
 * quadratic. Here each column's cells are read once and summed once from the bottom up, so the
 * sum of the last k lines is a look-up. Sums stay Decimal and exact, so they equal those of
 * adding the parts one by one.
 */
import { sumTerms, type Check, type PartVisitor, type PartsSum, type Term } from "../../engine";
import type { CellRef, RangeRef } from "../../sheet";
import { sheetCol, sheetRow, type GridOrientation } from "../read";
import { RoundingUnit, RunningSum, toDecimal, WholeSum, type ExactSum } from "./exactSum";
import { partsText, type CheckCollector } from "./reconcileTerms";

/** Where the components of one period-axis position sit: each component line's position, in line order. */
export interface ComponentPlace {
  sheet: string;
  orientation: GridOrientation;
  lineIndexes: readonly number[];
  periodIndex: number;
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
  private readonly units = new RoundingUnit();

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
    for (let i = 0; i < place.lineIndexes.length; i++) {
      const e = this.entry(i);
      if (typeof e !== "number" && "problem" in e) this.problems.push(i);
    }
  }

  private row(i: number): number {
    const { orientation, lineIndexes, periodIndex } = this.place;
    return sheetRow(orientation, lineIndexes[i], periodIndex);
  }
  private col(i: number): number {
    const { orientation, lineIndexes, periodIndex } = this.place;
    return sheetCol(orientation, lineIndexes[i], periodIndex);
  }
  private entry(i: number) {
    return this.cells.entryAt(this.place.sheet, this.row(i), this.col(i));
  }

  /** Adds part i (signed by coef) to the sum and counts it when rounded; a part that is no amount adds nothing. */
  private add(i: number, coef: number, sum: RunningSum): void {
    const entry = this.entry(i);
    if (typeof entry === "number") {
      sum.addWhole(entry, coef);
      sum.countRounding(this.cells.halfAt(this.place.sheet, this.row(i), this.col(i)));
    } else if ("value" in entry) {
      sum.addRead(entry, coef);
      sum.countRounding(entry.halfUnit);
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
    for (let i = start; i < this.place.lineIndexes.length; i++)
      out.push(this.cells.termAt(this.cellOf(i), plain ? 1 : this.coefs[i]));
    return out;
  }

  /** Calls `visit` for each part from `start` on, without building terms (until it returns false). */
  eachPart(start: number, plain: boolean, visit: PartVisitor): void {
    const { sheet, orientation, lineIndexes, periodIndex } = this.place;
    for (let i = start; i < lineIndexes.length; i++) {
      const row = sheetRow(orientation, lineIndexes[i], periodIndex);
      const col = sheetCol(orientation, lineIndexes[i], periodIndex);
      if (visit(sheet, row, col, plain ? 1 : this.coefs[i]) === false) return;
    }
  }

  /** The rectangle holding the parts from `start` on (one column or row of the sheet), or null when there are none. */
  rangeFrom(start: number): RangeRef | null {
    const { sheet, orientation, lineIndexes, periodIndex } = this.place;
    if (start >= lineIndexes.length) return null;
    let first = lineIndexes[start];
    let last = first;
    for (let i = start + 1; i < lineIndexes.length; i++) {
      if (lineIndexes[i] < first) first = lineIndexes[i];
      else if (lineIndexes[i] > last) last = lineIndexes[i];
    }
    return {
      sheet,
      top: sheetRow(orientation, first, periodIndex),
      left: sheetCol(orientation, first, periodIndex),
      bottom: sheetRow(orientation, last, periodIndex),
      right: sheetCol(orientation, last, periodIndex),
    };
  }

  /** Sum and slack of the parts from `start` on (all when 0), signed, or added as shown when `plain`. */
  sum(start: number, plain: boolean): PartsSum {
    if (plain) return (this.plain ??= this.sumAll(true));
    if (start === 0) return (this.full ??= this.sumAll(false));
    this.buildSuffix();
    const count = this.rounded![start];
    const slack = this.units.mixed
      ? sumTerms(this.terms(start, false)).slack
      : this.cells.memo.sharedSlack(this.units.unit, count);
    if (start >= this.wholeFrom) return new WholeSum(this.suffixWhole![start], slack);
    return { total: toDecimal(this.suffix![start]), slack };
  }

  /** One pass over every part. */
  private sumAll(plain: boolean): PartsSum {
    const sum = new RunningSum(this.units);
    for (let i = 0; i < this.place.lineIndexes.length; i++)
      this.add(i, plain ? 1 : this.coefs[i], sum);
    const slack = this.units.mixed
      ? sumTerms(this.terms(0, plain)).slack
      : this.cells.memo.sharedSlack(this.units.unit, sum.rounded);
    return sum.partsSum(slack);
  }

  private buildSuffix(): void {
    if (this.suffix) return;
    const n = this.place.lineIndexes.length;
    const suffix: ExactSum[] = new Array(n + 1);
    const suffixWhole = new Float64Array(n + 1);
    const rounded = new Int32Array(n + 1);
    const sum = new RunningSum(this.units);
    let wholeFrom = n;
    for (let i = n - 1; i >= 0; i--) {
      this.add(i, this.coefs[i], sum);
      if (sum.isWhole) {
        suffixWhole[i] = sum.wholeValue;
        wholeFrom = i;
      } else suffix[i] = sum.value;
      rounded[i] = sum.rounded;
    }
    this.suffix = suffix;
    this.suffixWhole = suffixWhole;
    this.wholeFrom = wholeFrom;
    this.rounded = rounded;
  }
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
  partsRange(): RangeRef | null {
    return this.column.rangeFrom(this.start);
  }
}
