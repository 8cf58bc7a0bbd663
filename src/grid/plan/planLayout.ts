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

/** Below the grid with a blank row between, when asked and the spacer row and the section are all free. */
export function placeSection(
  model: GridModel,
  snapshot: SheetSnapshot,
  rowsNeeded: number,
  owned: ReadonlySet<string>,
  newSheetName: string = NEW_SHEET_NAME,
  placement: Placement = DEFAULT_OPTIONS.placement
): SectionPlace {
  const spacer = model.bounds.bottom + 1;
  const top = spacer + 1;
  const left = model.bounds.left;
  const box = { top: spacer, left, bottom: top + rowsNeeded - 1, right: left + SECTION_WIDTH - 1 };
  if (placement === "below-grid" && boxIsFree(snapshot, box, owned)) {
    return { sheet: snapshot.sheetName, newSheet: false, top, left };
  }
  return { sheet: newSheetName, newSheet: true, top: 0, left: 0 };
}
