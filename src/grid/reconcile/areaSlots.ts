/**
 * One slot per cell of a rectangle of a sheet, row by row: what a typed array kept per cell of a
 * used area is indexed by (CellMarks, CellIndex). Larger areas are not worth an array, and get
 * no slots: their users fall back to a Set or Map.
 */

/** The most cells an area may have to be given slots (4M: 16 MB as 32-bit numbers). */
const MAX_SLOTTED_CELLS = 1 << 22;

export type Area = { top: number; left: number; bottom: number; right: number };

export class AreaSlots {
  /** How many slots: the area's cells. */
  readonly count: number;
  private readonly width: number;

  private constructor(private readonly area: Area) {
    this.width = area.right - area.left + 1;
    this.count = this.width * (area.bottom - area.top + 1);
  }

  /** Slots over the area, or null when there is none or it has more cells than are worth it. */
  static over(area: Area | null): AreaSlots | null {
    if (!area || area.bottom < area.top || area.right < area.left) return null;
    const cells = (area.right - area.left + 1) * (area.bottom - area.top + 1);
    return cells <= MAX_SLOTTED_CELLS ? new AreaSlots(area) : null;
  }

  /** The cell's slot, or -1 when it lies outside the area. */
  slot(row: number, col: number): number {
    const a = this.area;
    if (row < a.top || row > a.bottom || col < a.left || col > a.right) return -1;
    return (row - a.top) * this.width + (col - a.left);
  }
}
