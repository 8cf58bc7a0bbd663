/**
 * Recalculates a workbook's formulas in-process with HyperFormula, from the values and formulas
 * exceljs reads, so a test can compare what the formulas compute with the results ITOS cached.
 */
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";

type Raw = number | string | boolean | null;

function rawOf(cell: ExcelJS.Cell): Raw {
  if (cell.type === ExcelJS.ValueType.Formula) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return null;
}

/** A recalculated value for "Sheet!A1", or undefined when the sheet is unknown. */
export function recalculate(wb: ExcelJS.Workbook): (sheet: string, address: string) => unknown {
  const sheets: Record<string, Raw[][]> = {};
  wb.eachSheet((ws) => {
    const rows: Raw[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values: Raw[] = [];
      for (let c = 1; c <= ws.columnCount; c++) values.push(rawOf(row.getCell(c)));
      rows[r - 1] = values;
    });
    for (let r = 0; r < rows.length; r++) rows[r] = rows[r] ?? [];
    sheets[ws.name] = rows;
  });
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
  });
  return (sheet, address) => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) return undefined;
    const addr = hf.simpleCellAddressFromString(address, id);
    return addr ? hf.getCellValue(addr) : undefined;
  };
}

/** Recalculates a write plan laid over sheet snapshots (no file involved): the value at "Sheet", row, col. */
export function recalculatePlan(
  snapshots: { sheetName: string; top: number; left: number; values: unknown[][] }[],
  plan: {
    newSheet: string | null;
    cells: {
      sheet: string;
      row: number;
      col: number;
      formula?: string;
      value: number | string | null;
    }[];
  }
): (sheet: string, row: number, col: number) => unknown {
  const sheets: Record<string, Raw[][]> = {};
  const grid = (name: string): Raw[][] => (sheets[name] = sheets[name] ?? []);
  const set = (name: string, row: number, col: number, v: Raw): void => {
    const rows = grid(name);
    for (let r = 0; r <= row; r++) rows[r] = rows[r] ?? [];
    rows[row][col] = v;
  };
  for (const s of snapshots) {
    grid(s.sheetName);
    s.values.forEach((r, i) =>
      r.forEach((v, j) => {
        if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
          set(s.sheetName, s.top + i, s.left + j, v);
      })
    );
  }
  if (plan.newSheet) grid(plan.newSheet);
  for (const c of plan.cells) set(c.sheet, c.row, c.col, c.formula ?? c.value);
  for (const rows of Object.values(sheets))
    for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (v) => v ?? null);
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: true,
    smartRounding: false,
  });
  return (sheet, row, col) => {
    const id = hf.getSheetId(sheet);
    return id === undefined ? undefined : hf.getCellValue({ sheet: id, row, col });
  };
}
