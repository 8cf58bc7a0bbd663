/**
 * The cells a walk through a total's sums has reached. Cells of one sheet's used area are marked
 * in a typed array shared by every walk of a run, each walk with its own generation number, so a
 * new walk forgets the last at once and no cell costs a set entry; cells named through any other
 * sheet name go in a Set, by cell number. A used area too large for slots (areaSlots.ts) keeps
 * every cell in the Set.
 */
import { AreaSlots, type Area } from "./areaSlots";

/** One generation number per cell of a sheet's used area: a cell is marked when it holds the current one. */
export class CellMarks {
  private readonly marks: Uint32Array;
  generation = 0;

  private constructor(
    /** The sheet name exactly as the walk meets it: another spelling goes to the Set. */
    readonly sheet: string,
    private readonly slots: AreaSlots
  ) {
    this.marks = new Uint32Array(slots.count);
  }

  /** Marks for a sheet's used area, or null when there is none or it is too large to mark. */
  static over(sheet: string, area: Area | null): CellMarks | null {
    const slots = AreaSlots.over(area);
    return slots ? new CellMarks(sheet, slots) : null;
  }

  /** A new generation: every earlier mark is forgotten. */
  begin(): number {
    if (this.generation === 0xffff_ffff) {
      this.marks.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }

  /** The cell's slot, or -1 when it lies outside the used area. */
  slot(row: number, col: number): number {
    return this.slots.slot(row, col);
  }

  isMarked(slot: number, generation: number): boolean {
    return this.marks[slot] === generation;
  }

  mark(slot: number, generation: number): void {
    this.marks[slot] = generation;
  }
}

/** One walk's reached cells (see the module comment). */
export class CoveredCells {
  /** How many distinct cells have been added. */
  size = 0;
  private readonly others = new Set<number>();
  private readonly generation: number;

  constructor(
    private readonly marks: CellMarks | null,
    private readonly num: (sheet: string, row: number, col: number) => number
  ) {
    this.generation = marks ? marks.begin() : 0;
  }

  /** Whether the marks are still this walk's: a later walk takes them over. */
  get current(): boolean {
    return this.marks === null || this.marks.generation === this.generation;
  }

  has(sheet: string, row: number, col: number): boolean {
    const m = this.marks;
    if (m !== null && sheet === m.sheet) {
      const slot = m.slot(row, col);
      if (slot >= 0) return m.isMarked(slot, this.generation);
    }
    return this.others.size > 0 && this.others.has(this.num(sheet, row, col));
  }

  /** Adds the cell; whether it was not there yet. */
  add(sheet: string, row: number, col: number): boolean {
    const m = this.marks;
    if (m !== null && sheet === m.sheet) {
      const slot = m.slot(row, col);
      if (slot >= 0) {
        if (m.isMarked(slot, this.generation)) return false;
        m.mark(slot, this.generation);
        this.size++;
        return true;
      }
    }
    const k = this.num(sheet, row, col);
    if (this.others.has(k)) return false;
    this.others.add(k);
    this.size++;
    return true;
  }
}
