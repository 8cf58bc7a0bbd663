/**
 * "Output: new sheet". The planner puts the analysis below the grid when the rows there are free
 * and on a sheet of its own otherwise; to honour the user's choice of a new sheet, the pane hands
 * it a copy of the snapshot in which the spacer row under the grid is taken. The user's workbook
 * is not touched: this copy only steers the placement.
 */
import type { GridModel } from "../grid/read/model";
import type { CellValue, SheetSnapshot } from "../sheet/snapshot";

export function snapshotForNewSheet(snapshot: SheetSnapshot, model: GridModel): SheetSnapshot {
  const row = model.bounds.bottom + 1 - snapshot.top;
  const col = model.bounds.left - snapshot.left;
  if (row < 0 || col < 0) return snapshot;
  const width = Math.max(col + 1, ...snapshot.values.map((r) => r.length));
  const values: CellValue[][] = snapshot.values.map((r) => [...r]);
  while (values.length <= row) values.push(new Array<CellValue>(width).fill(null));
  values[row][col] = "(output on a new sheet)";
  return { ...snapshot, values };
}
