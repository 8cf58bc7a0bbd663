/** Every non-empty cell of a workbook, for comparing files cell by cell. */
import ExcelJS from "exceljs";
import { loadWorkbook } from "../../src/file";

export interface CellState {
  value: unknown;
  formula: string | null;
  numFmt: string | undefined;
  /** Font, fill, border and alignment as JSON. */
  style: string;
}

/** "Sheet!A1" -> value (a formula's cached result), formula, number format. */
export function cellsOfWorkbook(wb: ExcelJS.Workbook): Map<string, CellState> {
  const out = new Map<string, CellState>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null || cell.value === undefined || cell.value === "") return;
        const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : null;
        const { font, fill, border, alignment } = cell.style;
        out.set(`${ws.name}!${cell.address}`, {
          value: formula ? cell.result : cell.value,
          formula,
          numFmt: cell.numFmt,
          style: JSON.stringify({ font, fill, border, alignment }),
        });
      });
    });
  });
  return out;
}

export async function cellsOf(file: string): Promise<Map<string, CellState>> {
  return cellsOfWorkbook(await loadWorkbook(file));
}
