/**
 * Where the "ITOS analysis" section goes and which cells the add-in may write: below the grid
 * (one blank row between) when every cell there is empty, else on a sheet of its own.
 */
import { DEFAULT_OPTIONS, type Placement } from "../../engine";
import {
  cellAt,
  cellKey,
  cellsOf,
  formulaAt,
  isBlank,
  NEW_SHEET_NAME,
  type Box,
  type SheetSnapshot,
} from "../../sheet";
import type { GridModel } from "../read";

/** Columns the section uses: Period/label | Investment | Return | Net | Cumulative | Note. */
export const SECTION_WIDTH = 6;

/** True when every cell of the box is blank in the snapshot or owned by earlier ITOS output. */
export function boxIsFree(snapshot: SheetSnapshot, box: Box, owned: ReadonlySet<string>): boolean {
  for (const { row, col } of cellsOf(box)) {
    // A formula cell is the user's even when its cached result reads as blank.
    const used = !isBlank(cellAt(snapshot, row, col)) || formulaAt(snapshot, row, col) !== null;
    if (used && !owned.has(cellKey(snapshot.sheetName, row, col))) return false;
  }
  return true;
}

export interface SectionPlace {
  sheet: string;
  /** True when the section needs a sheet of its own. */
  newSheet: boolean;
  top: number;
  left: number;
}

/** The first of "base", "base (2)", "base (3)"... that is not taken, within Excel's 31 characters. */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const tail = ` (${n})`;
    const name = `${base.slice(0, 31 - tail.length)}${tail}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** Excel's sheet limits (0-based, the last row and column are these minus one). */
export const SHEET_ROWS = 1048576;
export const SHEET_COLUMNS = 16384;

/**
 * What the section must keep clear of besides the user's cells, as the adapter reads it: a
 * merged range (one obstacle, whether empty or not) or a run of hidden rows (output goes where
 * the user can see it). 0-based, inclusive.
 */
export interface Obstacle {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function intersects(a: Obstacle, b: Obstacle): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

/** How often the section steps down past obstacles before it takes a sheet of its own. */
const MAX_STEPS = 50;

/**
 * Below the grid with a blank row between, when asked and the spacer row and the section are all
 * free; past any merged range or hidden rows in the way; on a sheet of its own when the section
 * would not fit inside the sheet (decided from the grid's bounds) or a user's cell is in the way.
 */
export function placeSection(
  model: GridModel,
  snapshot: SheetSnapshot,
  rowsNeeded: number,
  owned: ReadonlySet<string>,
  newSheetName: string = NEW_SHEET_NAME,
  placement: Placement = DEFAULT_OPTIONS.placement,
  obstacles: readonly Obstacle[] = []
): SectionPlace {
  const left = model.bounds.left;
  let spacer = model.bounds.bottom + 1;
  for (let step = 0; placement === "below-grid" && step < MAX_STEPS; step++) {
    const top = spacer + 1;
    const box = {
      top: spacer,
      left,
      bottom: top + rowsNeeded - 1,
      right: left + SECTION_WIDTH - 1,
    };
    if (box.bottom >= SHEET_ROWS || box.right >= SHEET_COLUMNS) break;
    const hit = obstacles.filter((o) => intersects(o, box));
    if (hit.length > 0) {
      spacer = Math.max(...hit.map((o) => o.bottom)) + 1;
      continue;
    }
    if (boxIsFree(snapshot, box, owned))
      return { sheet: snapshot.sheetName, newSheet: false, top, left };
    break;
  }
  return { sheet: newSheetName, newSheet: true, top: 0, left: 0 };
}
