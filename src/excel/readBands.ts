/**
 * Reads sheet areas of any size within Excel on the web's limits (5 MB per response, 5 million
 * cells per read): each area is read in bands of whole rows, sized from what the previous sync
 * actually returned, and small areas of several sheets share one sync.
 */
import { a1, type Box } from "../sheet";

/** Stay well under the 5 MB response limit: JSON sizes are estimates. */
export const DEFAULT_MAX_RESPONSE_BYTES = 3_000_000;
/** Far below the 5 million cells Excel reads at most, whatever the response size. */
const MAX_CELLS_PER_SYNC = 500_000;
/** Bytes per cell assumed before anything was read: values, types, formats and formulas. */
const FIRST_GUESS_BYTES_PER_CELL = 60;

export interface AreaRequest {
  sheet: string;
  box: Box;
}

export interface AreaGrids {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
}

interface Band {
  area: number;
  range: Excel.Range;
  rows: number;
  cols: number;
}

function bandBytes(range: Excel.Range): number {
  return (
    JSON.stringify(range.values).length +
    JSON.stringify(range.valueTypes).length +
    JSON.stringify(range.numberFormat).length +
    JSON.stringify(range.formulas).length
  );
}

/** Every area's values, value types, number formats and formulas, row-banded across syncs. */
export async function readAreas(
  context: Excel.RequestContext,
  areas: readonly AreaRequest[],
  maxBytes: number = DEFAULT_MAX_RESPONSE_BYTES
): Promise<AreaGrids[]> {
  const out: AreaGrids[] = areas.map(() => ({
    values: [],
    valueTypes: [],
    numberFormat: [],
    formulas: [],
  }));
  const nextRow = areas.map((a) => a.box.top);
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  let area = 0;
  while (area < areas.length) {
    const bands: Band[] = [];
    let budgetBytes = maxBytes;
    let budgetCells = MAX_CELLS_PER_SYNC;
    while (area < areas.length) {
      const { sheet, box } = areas[area];
      const cols = box.right - box.left + 1;
      const left = box.bottom - nextRow[area] + 1;
      const fit = Math.min(
        Math.floor(budgetBytes / (bytesPerCell * cols)),
        Math.floor(budgetCells / cols)
      );
      // A band of at least one row, so even one very wide row is read.
      const rows = Math.min(left, Math.max(fit, bands.length === 0 ? 1 : 0));
      if (rows === 0) break;
      const top = nextRow[area];
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(`${a1(top, box.left)}:${a1(top + rows - 1, box.right)}`);
      range.load(["values", "valueTypes", "numberFormat", "formulas"]);
      bands.push({ area, range, rows, cols });
      budgetBytes -= rows * cols * bytesPerCell;
      budgetCells -= rows * cols;
      nextRow[area] += rows;
      if (nextRow[area] > box.bottom) area += 1;
    }
    await context.sync();
    let bytes = 0;
    let cells = 0;
    for (const band of bands) {
      const grids = out[band.area];
      // Row by row: spreading 100,000 rows into push() would overflow the call stack.
      const { values, valueTypes, numberFormat, formulas } = band.range;
      for (let i = 0; i < values.length; i++) {
        grids.values.push(values[i]);
        grids.valueTypes.push(valueTypes[i] as string[]);
        grids.numberFormat.push(numberFormat[i]);
        grids.formulas.push(formulas[i]);
      }
      bytes += bandBytes(band.range);
      cells += band.rows * band.cols;
    }
    // Size the next bands from what this sync really returned (with a margin).
    if (cells > 0) bytesPerCell = Math.max(8, (1.25 * bytes) / cells);
  }
  return out;
}
