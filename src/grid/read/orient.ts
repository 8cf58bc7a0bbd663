/**
 * Transposed grids (months down the rows, lines across the columns) are read by turning the
 * snapshot on its side and reading it as usual. Messages must still name the user's own cells,
 * so a turned snapshot carries a namer that swaps the coordinates back.
 */
import { a1, type SheetSnapshot } from "../../sheet";

const namers = new WeakMap<SheetSnapshot, (row: number, col: number) => string>();

/** A1 address of a cell as the user sees it ("E9"), for a snapshot that may have been turned. */
export function cellName(snapshot: SheetSnapshot, row: number, col: number): string {
  const namer = namers.get(snapshot);
  return namer ? namer(row, col) : a1(row, col);
}

/** "Sheet!E9". */
export function sheetCellName(snapshot: SheetSnapshot, row: number, col: number): string {
  return `${snapshot.sheetName}!${cellName(snapshot, row, col)}`;
}

function turn<T>(grid: T[][] | undefined, fill: T): T[][] | undefined {
  if (!grid) return undefined;
  const cols = grid.reduce((m, r) => Math.max(m, r.length), 0);
  const out: T[][] = [];
  for (let j = 0; j < cols; j++) out.push(grid.map((r) => (j < r.length ? r[j] : fill)));
  return out;
}

/** The snapshot turned on its side: sheet row r, column c becomes row c, column r. */
export function transposeSnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  const turned: SheetSnapshot = {
    sheetName: snapshot.sheetName,
    top: snapshot.left,
    left: snapshot.top,
    values: turn(snapshot.values, null) ?? [],
    numberFormats: turn(snapshot.numberFormats, null),
    formulas: turn(snapshot.formulas, null),
  };
  namers.set(turned, (row, col) => a1(col, row));
  return turned;
}

/** The snapshot with other values in the same cells, naming its cells as the original does. */
export function withValues(
  snapshot: SheetSnapshot,
  values: SheetSnapshot["values"]
): SheetSnapshot {
  const out: SheetSnapshot = { ...snapshot, values };
  const namer = namers.get(snapshot);
  if (namer) namers.set(out, namer);
  return out;
}
