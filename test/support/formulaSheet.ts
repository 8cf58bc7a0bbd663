/**
 * Sheets written with formulas, as an adapter would snapshot them: each formula's cached result
 * is computed by HyperFormula (an independent spreadsheet engine), never by ITOS.
 */
import { HyperFormula } from "hyperformula";

export type Written = number | string | null;
export type Cached = number | string | boolean | null | { error: string };

export interface FormulaSheetSnapshot {
  sheetName: string;
  top: number;
  left: number;
  values: Cached[][];
  numberFormats: (string | null)[][];
  formulas: (string | null)[][];
}

const MONEY = "#,##0;(#,##0)";

/** Snapshots of sheets given as rows of written cells (strings starting "=" are formulas). */
export function formulaSheets(sheets: Record<string, Written[][]>): FormulaSheetSnapshot[] {
  const width = (rows: Written[][]) => Math.max(1, ...rows.map((r) => r.length));
  const padded: Record<string, Written[][]> = {};
  for (const [name, rows] of Object.entries(sheets))
    padded[name] = rows.map((r) => Array.from({ length: width(rows) }, (_, i) => r[i] ?? null));
  const hf = HyperFormula.buildFromSheets(padded, { licenseKey: "gpl-v3", smartRounding: false });
  try {
    return Object.entries(padded).map(([name, rows]) => {
      const id = hf.getSheetId(name)!;
      const values: Cached[][] = [];
      const formulas: (string | null)[][] = [];
      const numberFormats: (string | null)[][] = [];
      rows.forEach((r, i) => {
        values.push([]);
        formulas.push([]);
        numberFormats.push([]);
        r.forEach((v, j) => {
          const isFormula = typeof v === "string" && v.startsWith("=");
          formulas[i].push(isFormula ? (v as string) : null);
          numberFormats[i].push(typeof v === "number" || isFormula ? MONEY : null);
          if (!isFormula) {
            values[i].push(v);
            return;
          }
          const result = hf.getCellValue({ sheet: id, row: i, col: j });
          values[i].push(
            typeof result === "number" || typeof result === "string" || typeof result === "boolean"
              ? result
              : result === null
                ? 0
                : { error: String((result as { value: string }).value) }
          );
        });
      });
      return { sheetName: name, top: 0, left: 0, values, numberFormats, formulas };
    });
  } finally {
    hf.destroy();
  }
}

export function formulaSheet(name: string, rows: Written[][]): FormulaSheetSnapshot {
  return formulaSheets({ [name]: rows })[0];
}
