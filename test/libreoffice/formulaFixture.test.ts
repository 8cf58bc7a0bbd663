/**
 * The formula fixture (test/fixtures/reconcile-formulas.xlsx) is what a spreadsheet application
 * would compute: LibreOffice, recalculating every formula on load, gets each cached result that
 * the file carries, the #REF! error and the value cached for the other workbook included.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { csvCell, recalculateToCsv } from "../support/libreoffice";

const FIXTURE = path.resolve(__dirname, "../fixtures/reconcile-formulas.xlsx");

interface Cached {
  sheet: string;
  address: string;
  row: number;
  col: number;
  formula: string;
  result: unknown;
}

async function cachedFormulaResults(): Promise<Cached[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const out: Cached[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        out.push({
          sheet: ws.name,
          address: cell.address,
          row: Number(cell.row) - 1,
          col: Number(cell.col) - 1,
          formula: cell.formula,
          result: cell.result,
        });
      })
    )
  );
  return out;
}

describe("the formula fixture under LibreOffice", () => {
  it("recalculates to the cached result of every formula", async () => {
    const cached = await cachedFormulaResults();
    // Every total of the table is a formula, bar the one typed over (F6), and the Summary's.
    expect(cached.length).toBe(45);
    const sheets = await recalculateToCsv(FIXTURE);
    for (const c of cached) {
      const computed = csvCell(sheets[c.sheet], c.row, c.col);
      const expected =
        typeof c.result === "object" && c.result !== null && "error" in c.result
          ? (c.result as { error: string }).error
          : String(c.result);
      expect(`${c.sheet}!${c.address} ${computed}`).toBe(`${c.sheet}!${c.address} ${expected}`);
    }
    // The cells the findings are about hold what the fixture says.
    expect(csvCell(sheets.Case, 10, 3)).toBe("180000"); // D11 =SUM(D8:D9), 10,000 short
    expect(csvCell(sheets.Case, 8, 6)).toBe("#REF!"); // G9
    expect(csvCell(sheets.Summary, 2, 5)).toBe("250000"); // F3, from the other workbook
  }, 240_000);
});
