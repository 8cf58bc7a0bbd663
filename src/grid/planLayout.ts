/**
 * Where the "ITOS analysis" section goes and which cells the add-in may write: below the grid
 * (one blank row between) when every cell there is empty, else on a sheet of its own.
 */
import { isItosName, isMarkName } from "./itosNames";
import { a1, absoluteA1, columnIndex, quoteSheetName } from "./address";
import { cellAt, formulaAt, isBlank, type SheetSnapshot } from "./snapshot";
import type { GridModel } from "./model";
import type { PlannedName } from "./writePlan";

/** Columns the section uses: Period/label | Investment | Return | Net | Cumulative | Note. */
export const SECTION_WIDTH = 6;

export const NEW_SHEET_NAME = "ITOS Analysis";

/** Key of a cell in an ownedCells set: "Appendix 1!B60". */
export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}!${a1(row, col)}`;
}

/** Sheet-qualified absolute reference for a workbook name: 'Appendix 1'!$A$60:$F$90. */
export function nameRef(
  sheet: string,
  top: number,
  left: number,
  bottom: number,
  right: number
): string {
  const start = absoluteA1(top, left);
  const end = absoluteA1(bottom, right);
  return `${quoteSheetName(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

function unquote(sheet: string): string {
  return sheet.startsWith("'") && sheet.endsWith("'")
    ? sheet.slice(1, -1).replace(/''/g, "'")
    : sheet;
}

/** Parses "'Appendix 1'!$A$60:$F$90" (or a single cell) into a sheet and a box; null when not a plain range. */
export function parseNameRef(
  ref: string
): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return null;
  const sheet = unquote(ref.slice(0, bang).replace(/^=/, ""));
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
    ref.slice(bang + 1).trim()
  );
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  const bottom = m[4] ? Number(m[4]) - 1 : top;
  const right = m[3] ? columnIndex(m[3]) : left;
  return {
    sheet,
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/**
 * Every cell inside the given ITOS_ names: what a re-run may overwrite. Marks (ITOS_Marks_*) sit
 * on the user's own cells, so they are not owned.
 */
export function ownedCellsFromNames(names: readonly PlannedName[]): Set<string> {
  const owned = new Set<string>();
  for (const n of names) {
    if (!isItosName(n.name) || isMarkName(n.name)) continue;
    const box = parseNameRef(n.ref);
    if (!box) continue;
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) owned.add(cellKey(box.sheet, r, c));
  }
  return owned;
}

/** True when every cell of the box is blank in the snapshot or owned by earlier ITOS output. */
export function boxIsFree(
  snapshot: SheetSnapshot,
  box: { top: number; left: number; bottom: number; right: number },
  owned: ReadonlySet<string>
): boolean {
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      // A formula cell is the user's even when its cached result reads as blank.
      const used = !isBlank(cellAt(snapshot, r, c)) || formulaAt(snapshot, r, c) !== null;
      if (used && !owned.has(cellKey(snapshot.sheetName, r, c))) return false;
    }
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
 * Below the grid with a blank row between, when the spacer row and the section are all free;
 * past any merged range or hidden rows in the way; on a sheet of its own when the section would
 * not fit inside the sheet (decided from the grid's bounds) or a user's cell is in the way.
 */
export function placeSection(
  model: GridModel,
  snapshot: SheetSnapshot,
  rowsNeeded: number,
  owned: ReadonlySet<string>,
  newSheetName: string = NEW_SHEET_NAME,
  obstacles: readonly Obstacle[] = []
): SectionPlace {
  const left = model.bounds.left;
  let spacer = model.bounds.bottom + 1;
  for (let step = 0; step < MAX_STEPS; step++) {
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
