/**
 * Writes a rectangle of planned cells: the ITOS cell style first (it marks the cell as ITOS's,
 * as the file adapter's style does, and resets the cell's formats to the style's), then number
 * formats, formulas or values, and bold and fill.
 */
import { a1, ITOS_CELL_STYLE } from "../sheet";
import { apiSupported, CELL_PROPERTIES_API } from "./apiSets";
import { cellInput, type CellRect } from "./rectangles";

/** Queues the load that tells whether the workbook already has ITOS's cell style. */
export function queueStyleCheck(context: Excel.RequestContext): () => boolean {
  const styles = context.workbook.styles;
  styles.load("items/name");
  // Read after the sync by the caller.
  return () => styles.items.some((s) => s.name === ITOS_CELL_STYLE);
}

/** Adds ITOS's cell style (ExcelApi 1.7) when the workbook lacks it. */
export function queueAddStyle(context: Excel.RequestContext, exists: boolean): void {
  if (!exists) context.workbook.styles.add(ITOS_CELL_STYLE);
}

export function queueCells(
  context: Excel.RequestContext,
  rect: CellRect,
  valuesOnly: boolean
): void {
  const sheet = context.workbook.worksheets.getItem(rect.sheet);
  const target = sheet.getRange(
    `${a1(rect.top, rect.left)}:${a1(rect.top + rect.cells.length - 1, rect.left + rect.cells[0].length - 1)}`
  );
  target.style = ITOS_CELL_STYLE;
  target.numberFormat = rect.cells.map((row) => row.map((c) => c.numberFormat ?? "General"));
  target.formulas = rect.cells.map((row) => row.map((c) => cellInput(c, valuesOnly)));
  if (!rect.cells.some((row) => row.some((c) => c.bold || c.fill))) return;
  if (apiSupported(CELL_PROPERTIES_API)) {
    target.setCellProperties(
      rect.cells.map((row) =>
        row.map((c) => ({
          format: {
            font: { bold: c.bold === true },
            ...(c.fill ? { fill: { color: c.fill } } : {}),
          },
        }))
      )
    );
    return;
  }
  // Before ExcelApi 1.9: the same formats cell by cell (only headers and KPIs carry them).
  target.format.font.bold = false;
  rect.cells.forEach((row, i) =>
    row.forEach((c, j) => {
      if (!c.bold && !c.fill) return;
      const one = sheet.getRange(a1(rect.top + i, rect.left + j));
      if (c.bold) one.format.font.bold = true;
      if (c.fill) one.format.fill.color = c.fill;
    })
  );
}
