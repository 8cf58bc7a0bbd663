/**
 * Things kept one per cell, by cell number (formulaCache's cellNumber), for the many stated totals
 * of a large grid: cells of one sheet's area are found through a typed array of positions, any
 * others (and every cell of an area too large for slots, areaSlots.ts) through a Map. The values
 * are listed in the order their cells were first met.
 */
import { AreaSlots } from "./areaSlots";
import { cellNumber, ROW_SPAN, SHEET_SPAN } from "./formulaCache";

export class CellIndex<T> {
  /** Every value, in the order its cell was first met. */
  readonly values: T[] = [];
  private readonly base: number;
  private readonly slots: AreaSlots | null;
  /** Per cell of the area: its value's position in `values`, plus one; 0 for none. */
  private readonly at: Int32Array;
  private readonly others = new Map<number, number>();

  constructor(
    private readonly sheet: string,
    /** The area of `sheet` whose cells the array holds (inclusive). */
    top: number,
    left: number,
    bottom: number,
    right: number
  ) {
    this.base = cellNumber(sheet, 0, 0);
    this.slots = AreaSlots.over({ top, left, bottom, right });
    this.at = new Int32Array(this.slots?.count ?? 0);
  }

  /** The cell's slot in the array, or -1 when it lies outside the area. */
  private slot(sheet: string, row: number, col: number): number {
    return sheet === this.sheet && this.slots !== null ? this.slots.slot(row, col) : -1;
  }

  /** The value of a cell, if any. */
  find(sheet: string, row: number, col: number): T | undefined {
    const slot = this.slot(sheet, row, col);
    const i = slot >= 0 ? this.at[slot] : this.others.get(cellNumber(sheet, row, col));
    return i === undefined || i === 0 ? undefined : this.values[i - 1];
  }

  /** Gives a cell that has none its value. */
  add(sheet: string, row: number, col: number, value: T): void {
    this.values.push(value);
    const slot = this.slot(sheet, row, col);
    if (slot >= 0) this.at[slot] = this.values.length;
    else this.others.set(cellNumber(sheet, row, col), this.values.length);
  }

  /** The value of the cell with this number, if any. */
  get(k: number): T | undefined {
    const rem = k - this.base;
    if (rem >= 0 && rem < SHEET_SPAN) {
      const row = Math.floor(rem / ROW_SPAN);
      const slot = this.slot(this.sheet, row, rem - row * ROW_SPAN);
      if (slot >= 0) {
        const i = this.at[slot];
        return i === 0 ? undefined : this.values[i - 1];
      }
    }
    const i = this.others.get(k);
    return i === undefined ? undefined : this.values[i - 1];
  }

  has(k: number): boolean {
    return this.get(k) !== undefined;
  }
}
