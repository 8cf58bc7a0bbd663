/**
 * Groups planned cells into contiguous rectangles so each one is written with a single 2-D
 * array assignment, and splits a rectangle whose request would be too large for Excel on the web.
 */
import type { PlannedCell } from "../grid";

export interface CellRect {
  sheet: string;
  top: number;
  left: number;
  /** cells[i][j] is the cell at (top+i, left+j). */
  cells: PlannedCell[][];
}

/** Row runs of adjacent columns, merged downwards while the next row has the same span. */
export function toRectangles(cells: readonly PlannedCell[]): CellRect[] {
  const bySheet = new Map<string, PlannedCell[]>();
  for (const c of cells) {
    const list = bySheet.get(c.sheet) ?? [];
    list.push(c);
    bySheet.set(c.sheet, list);
  }
  const rects: CellRect[] = [];
  for (const [sheet, list] of bySheet) {
    // The last plan entry for a cell wins, as it would if written one by one.
    const unique = new Map<string, PlannedCell>();
    for (const c of list) unique.set(`${c.row},${c.col}`, c);
    const sorted = [...unique.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    const runs: CellRect[] = [];
    for (const c of sorted) {
      const last = runs[runs.length - 1];
      const lastRow = last?.cells[0];
      if (last && last.top === c.row && last.left + lastRow.length === c.col) lastRow.push(c);
      else runs.push({ sheet, top: c.row, left: c.col, cells: [[c]] });
    }
    const open = new Map<string, CellRect>();
    for (const run of runs) {
      const width = run.cells[0].length;
      const key = `${run.left}:${width}`;
      const above = open.get(key);
      if (above && above.top + above.cells.length === run.top) {
        above.cells.push(run.cells[0]);
      } else {
        rects.push(run);
        open.set(key, run);
      }
    }
  }
  return rects;
}

/** The text Excel receives for a cell: its formula, else its value ("" for blank). */
export function cellInput(c: PlannedCell, valuesOnly: boolean): string | number {
  if (c.formula && !valuesOnly) return c.formula;
  if (c.value === null || c.value === undefined) return "";
  // Excel parses what it is given like typed input ("Jan-22" would become a date, "=x" a
  // formula); the leading apostrophe keeps a text as text and is not part of the value.
  if (typeof c.value === "string") return c.value === "" ? "" : `'${c.value}`;
  return c.value;
}

/** Size of the request that writes a rectangle, in bytes of JSON: formulas, formats, cell formats. */
export function requestBytes(rect: CellRect): number {
  const styled = rect.cells.some((row) => row.some((c) => c.bold || c.fill));
  let bytes = 64;
  for (const row of rect.cells) {
    bytes += 6;
    for (const c of row) {
      bytes += JSON.stringify(c.formula ?? c.value ?? "").length + 4;
      bytes += JSON.stringify(c.numberFormat ?? "General").length + 1;
      // setCellProperties, or the cell-by-cell formats that replace it on older hosts.
      if (styled) bytes += 48 + (c.fill ? 40 : 0) + (c.bold ? 40 : 0);
    }
  }
  return bytes;
}

/** Splits a rectangle into bands of whole rows, each under the byte budget. */
export function splitRect(rect: CellRect, maxBytes: number): CellRect[] {
  const total = requestBytes(rect);
  if (total <= maxBytes || rect.cells.length === 1) return [rect];
  const rowsPerBand = Math.max(1, Math.floor((rect.cells.length * maxBytes) / total));
  const bands: CellRect[] = [];
  for (let i = 0; i < rect.cells.length; i += rowsPerBand) {
    bands.push({
      sheet: rect.sheet,
      top: rect.top + i,
      left: rect.left,
      cells: rect.cells.slice(i, i + rowsPerBand),
    });
  }
  return bands;
}
