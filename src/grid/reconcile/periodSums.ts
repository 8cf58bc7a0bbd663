/**
 * Sums of a line over runs of its periods, for the FY and grand total columns. Each line's period
 * cells are read and added up once, left to right; the sum over a run of periods is then the
 * difference of two running totals, so checking every year and the grand total of a long line
 * costs one pass rather than one per total. Sums stay Decimal and exact, so they equal those of
 * adding the parts one by one.
 */
import type Decimal from "decimal.js";
import { sumTerms, type Check, type PartVisitor, type PartsSum, type Term } from "../../engine";
import type { CellRef, RangeRef } from "../../sheet";
import { sheetCol, sheetRow, type GridLine, type GridModel, type PeriodSlot } from "../read";
import {
  addExact,
  addWhole,
  EXACT_ZERO,
  plusExact,
  RoundingUnit,
  RunningSum,
  subtractExact,
  toDecimal,
  WholeSum,
  type ExactSum,
} from "./exactSum";
import { partsText, type CheckCollector } from "./reconcileTerms";

/**
 * Where the period slots run on in one block in rising period order, worked out on first use
 * (only the formula findings ask a check for its rectangle): a line's cells between two slots of
 * one run lie along one sheet row or column, in order, so its ends bound them.
 */
class SlotRuns {
  /** Per slot: the last slot of the run it starts or continues. */
  private runEnd: Int32Array | null = null;

  constructor(private readonly periods: readonly PeriodSlot[]) {}

  /** Whether slots from..to (from <= to) lie in one run. */
  oneRun(from: number, to: number): boolean {
    return (this.runEnd ??= this.build())[from] >= to;
  }

  private build(): Int32Array {
    const p = this.periods;
    const ends = new Int32Array(p.length);
    for (let i = p.length - 1; i >= 0; i--)
      ends[i] =
        i + 1 < p.length && p[i].block === p[i + 1].block && p[i].periodIndex < p[i + 1].periodIndex
          ? ends[i + 1]
          : i;
    return ends;
  }
}

/** One line's period cells, read once, with running totals. */
class LineRun {
  /** Per period slot: the cell's position, or -1 where the line's block lacks it. */
  private readonly rows: Int32Array;
  private readonly cols: Int32Array;
  /** Per slot: the cell's whole amount (0 for a blank), or NaN where it holds anything else. */
  private readonly wholes: Float64Array;
  /** Per slot: 1 where the cell is blank (it adds nothing and is not rounded). */
  private readonly blanks: Uint8Array;
  /** Slots whose cell holds something other than an amount, in order. */
  readonly problems: number[] = [];
  private running: ExactSum[] | null = null;
  private rounded: Int32Array | null = null;
  private readonly units = new RoundingUnit();

  constructor(
    model: GridModel,
    line: GridLine,
    private readonly cells: CheckCollector,
    private readonly slotRuns: SlotRuns,
    private readonly sheet = model.sheetName
  ) {
    const n = model.periods.length;
    this.rows = new Int32Array(n).fill(-1);
    this.cols = new Int32Array(n).fill(-1);
    this.wholes = new Float64Array(n).fill(NaN);
    this.blanks = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const slot = model.periods[i];
      const lineIndex = line.lineIndex[slot.block];
      if (lineIndex === null || lineIndex === undefined) continue;
      const row = sheetRow(model.orientation, lineIndex, slot.periodIndex);
      const col = sheetCol(model.orientation, lineIndex, slot.periodIndex);
      this.rows[i] = row;
      this.cols[i] = col;
      const e = cells.entryAt(this.sheet, row, col);
      if (typeof e === "number") this.wholes[i] = e;
      else if ("problem" in e) this.problems.push(i);
      else if ("blank" in e) {
        this.wholes[i] = 0;
        this.blanks[i] = 1;
      }
    }
  }

  cellOf(i: number): CellRef | null {
    return this.rows[i] < 0 ? null : { sheet: this.sheet, row: this.rows[i], col: this.cols[i] };
  }

  /** What slot i's cell holds as a problem (it must be one of `problems`). */
  problemAt(i: number): string {
    return (this.cells.entryAt(this.sheet, this.rows[i], this.cols[i]) as { problem: string })
      .problem;
  }

  /** Calls `visit` for each part over the slots, as terms() lists them, without building them (until it returns false). */
  eachPart(slots: readonly number[], visit: PartVisitor): void {
    for (const i of slots)
      if (this.rows[i] >= 0 && visit(this.sheet, this.rows[i], this.cols[i], 1) === false) return;
  }

  /** The rectangle holding the line's cells in the given slots, or null when it has none there. */
  rangeOf(slots: readonly number[]): RangeRef | null {
    const first = slots[0];
    const last = slots[slots.length - 1];
    // Slots of one block in period order: the line's cells run from the first slot's to the last's.
    if (slots.length > 0 && first <= last && this.slotRuns.oneRun(first, last)) {
      // Every cell of the block is the line's, or none is.
      if (this.rows[first] < 0) return null;
      const r1 = this.rows[first];
      const r2 = this.rows[last];
      const c1 = this.cols[first];
      const c2 = this.cols[last];
      return {
        sheet: this.sheet,
        top: Math.min(r1, r2),
        left: Math.min(c1, c2),
        bottom: Math.max(r1, r2),
        right: Math.max(c1, c2),
      };
    }
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const i of slots) {
      const row = this.rows[i];
      if (row < 0) continue;
      const col = this.cols[i];
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom < 0 ? null : { sheet: this.sheet, top, left, bottom, right };
  }

  /** The parts over the given slots, as c.check would take them (cells the line lacks left out). */
  terms(slots: readonly number[]): Term[] {
    const out: Term[] = [];
    for (const i of slots) {
      const cell = this.cellOf(i);
      if (cell) out.push(this.cells.termAt(cell, 1));
    }
    return out;
  }

  /** The first slot among `slots` whose cell is not an amount. */
  firstProblem(slots: readonly number[]): number | null {
    if (this.problems.length === 0) return null;
    const bad = new Set(this.problems);
    for (const i of slots) if (bad.has(i)) return i;
    return null;
  }

  /** Sum and slack over the slots: by running totals when they are a long run, else one by one. */
  sum(slots: readonly number[]): PartsSum {
    const first = slots[0];
    let contiguous = slots.length > 0;
    for (let k = 1; contiguous && k < slots.length; k++) contiguous = slots[k] === first + k;
    if (!contiguous) return sumTerms(this.terms(slots));
    this.build();
    const end = first + slots.length;
    const short = slots.length <= 2 * CHECKPOINT;
    const whole = short ? this.wholeSum(first, end) : null;
    const slack = this.units.mixed
      ? sumTerms(this.terms(slots)).slack
      : this.cells.memo.sharedSlack(this.units.unit, this.rounded![end] - this.rounded![first]);
    if (whole !== null) return new WholeSum(whole, slack);
    const total = toDecimal(
      short ? this.sumRange(first, end) : subtractExact(this.prefix(end), this.prefix(first))
    );
    return { total, slack };
  }

  /** Sum of the slots before `end`: the checkpoint below it plus the few slots after that. */
  private prefix(end: number): ExactSum {
    const k = Math.floor(end / CHECKPOINT);
    const base = this.running![k];
    return k * CHECKPOINT === end ? base : plusExact(base, this.sumRange(k * CHECKPOINT, end));
  }

  /** Slot i's amount added to `total`, and its half unit (null when it is blank, missing or no amount). */
  private add(i: number, total: ExactSum): { total: ExactSum; halfUnit: Decimal | null } {
    if (this.rows[i] < 0) return { total, halfUnit: null };
    const e = this.cells.entryAt(this.sheet, this.rows[i], this.cols[i]);
    if (typeof e === "number")
      return {
        total: e !== 0 ? addWhole(total, e, 1) : total,
        halfUnit: this.cells.halfAt(this.sheet, this.rows[i], this.cols[i]),
      };
    if (!("value" in e)) return { total, halfUnit: null };
    return { total: e.value.isZero() ? total : addExact(total, e, 1), halfUnit: e.halfUnit };
  }

  /**
   * The sum of slots from..to-1 as a safe integer when every cell there is whole (or missing) and
   * every running sum stays within ±2^53, so each addition is exact; else null.
   */
  private wholeSum(from: number, to: number): number | null {
    let n = 0;
    for (let i = from; i < to; i++) {
      if (this.rows[i] < 0) continue;
      const w = this.wholes[i];
      if (w !== w) return null; // NaN: not a whole amount
      n += w;
      if (!Number.isSafeInteger(n)) return null;
    }
    return n;
  }

  private sumRange(from: number, to: number): ExactSum {
    let total: ExactSum = EXACT_ZERO;
    for (let i = from; i < to; i++) total = this.add(i, total).total;
    return total;
  }

  /** Running totals at every CHECKPOINT-th slot (few to keep), and counts of rounded cells at every slot. */
  private build(): void {
    if (this.running) return;
    const n = this.rows.length;
    const running: ExactSum[] = [EXACT_ZERO];
    const rounded = new Int32Array(n + 1);
    const sum = new RunningSum(this.units);
    for (let i = 0; i < n; i++) {
      const whole = this.wholes[i];
      if (whole === whole) {
        // A whole amount (or a blank, 0): the common case, read from the cache without a look-up.
        sum.addWhole(whole, 1);
        if (!this.blanks[i])
          sum.countRounding(this.cells.halfAt(this.sheet, this.rows[i], this.cols[i]));
      } else if (this.rows[i] >= 0) {
        const entry = this.cells.entryAt(this.sheet, this.rows[i], this.cols[i]);
        if (typeof entry !== "number" && "value" in entry) {
          sum.addRead(entry, 1);
          sum.countRounding(entry.halfUnit);
        }
      }
      rounded[i + 1] = sum.rounded;
      if ((i + 1) % CHECKPOINT === 0) running.push(sum.value);
    }
    this.running = running;
    this.rounded = rounded;
  }
}

/** Slots between kept running totals. */
const CHECKPOINT = 32;

/** A total checked against a line's periods: summed at once, its parts listed only if reported. */
class PeriodCheck implements Check {
  private text: string | null = null;

  constructor(
    readonly stated: Term,
    private readonly run: LineRun,
    private readonly slots: readonly number[],
    readonly partsSum: PartsSum,
    readonly subject: string,
    readonly partsDescription: string
  ) {}

  get parts(): Term[] {
    return this.run.terms(this.slots);
  }
  get partsText(): string {
    return (this.text ??= partsText(this.parts, this.stated.cell.sheet));
  }
  eachPart(visit: PartVisitor): void {
    this.run.eachPart(this.slots, visit);
  }
  partsRange(): RangeRef | null {
    return this.run.rangeOf(this.slots);
  }
}

/** Checks of stated totals against runs of a line's periods, sharing each line's running totals. */
export class PeriodSums {
  private readonly runs = new Map<GridLine, LineRun>();
  private readonly slotRuns: SlotRuns;

  constructor(
    private readonly model: GridModel,
    private readonly c: CheckCollector
  ) {
    this.slotRuns = new SlotRuns(model.periods);
  }

  /**
   * A check of `stated` against the line's cells in the given period slots (ascending), with the
   * same outcome as c.check on those cells: null when nothing is stated or a cell is not an amount.
   */
  check(
    stated: CellRef,
    line: GridLine,
    slots: readonly number[],
    subject: string,
    partsDescription: string
  ): Check | null {
    if (!this.c.canStateTotal(stated)) return null;
    let run = this.runs.get(line);
    if (!run) this.runs.set(line, (run = new LineRun(this.model, line, this.c, this.slotRuns)));
    const problem = run.firstProblem(slots);
    if (problem !== null) {
      this.c.addUnreadablePart(stated, run.cellOf(problem)!, run.problemAt(problem));
      return null;
    }
    return new PeriodCheck(
      this.c.statedTerm(stated),
      run,
      slots,
      run.sum(slots),
      subject,
      partsDescription
    );
  }
}
