/**
 * Cells of an .xlsx as exceljs reads them, keyed "Sheet!A1", for comparing a workbook before and
 * after `itos apply`, and the boxes of its ITOS_ names.
 */
import ExcelJS from "exceljs";
import { parseRangeRef } from "../../src/sheet";

export interface CellRecord {
  sheet: string;
  row: number; // 0-based
  col: number; // 0-based
  formula: string | null;
  /** The constant, or the formula's cached result. */
  value: unknown;
  numFmt: string | null;
}

function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v && typeof v === "object" && "richText" in v)
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  return v ?? null;
}

export async function loadCells(
  file: string
): Promise<{ cells: Map<string, CellRecord>; names: { name: string; ranges: string[] }[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, CellRecord>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const isFormula = cell.type === ExcelJS.ValueType.Formula;
        const value = isFormula ? plain(cell.result) : plain(cell.value);
        const formula = isFormula ? (cell.formula ?? null) : null;
        if (formula === null && (value === null || value === "")) return;
        cells.set(`${ws.name}!${cell.address}`, {
          sheet: ws.name,
          row: r - 1,
          col: c - 1,
          formula,
          value,
          numFmt: cell.numFmt ?? null,
        });
      });
    });
  });
  return { cells, names: wb.definedNames.model as { name: string; ranges: string[] }[] };
}

/** True when the cell lies inside one of the ITOS_ names. */
export function insideItosName(
  cell: CellRecord,
  names: { name: string; ranges: string[] }[]
): boolean {
  return names
    .filter((n) => n.name.startsWith("ITOS_"))
    .flatMap((n) => n.ranges)
    .map(parseRangeRef)
    .some(
      (box) =>
        box !== null &&
        box.sheet === cell.sheet &&
        cell.row >= box.top &&
        cell.row <= box.bottom &&
        cell.col >= box.left &&
        cell.col <= box.right
    );
}
