/**
 * Analyse all sheets in the in-memory Excel host: a workbook with two cases (the Sandwell
 * appendix and the long-row layout on a sheet of its own) gets each analysis below its grid and
 * an "ITOS Portfolio" sheet with one row per case, each row linking to its sheet, and a totals
 * row whose SUM formulas HyperFormula (an independent spreadsheet engine) evaluates to the sum of
 * the rows. Remove takes away all of it, the portfolio sheet included.
 */
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { analyseAllSheetsInContext } from "../../src/excel/operations";
import { removeOutputInContext } from "../../src/excel/removeOutput";
import { readWorkbook } from "../../src/file";
import { createFakeExcel, type FakeDump } from "../browser/fakeExcelHost";
import { APPENDIX, sandwellWorkbook } from "./sandwellHost";

const LONG_ROW = path.join(__dirname, "..", "fixtures", "layout-long-row.xlsx");

async function twoCaseHost() {
  const sandwell = await sandwellWorkbook();
  const longRow = (await readWorkbook(LONG_ROW)).sheets[0];
  return createFakeExcel({
    sheets: JSON.parse(JSON.stringify([...sandwell.sheets, longRow])),
    active: APPENDIX,
  });
}

function portfolioSheet(dump: FakeDump) {
  return dump.sheets.find((s) => s.name === "ITOS Portfolio")!;
}

/** The sheet's cells as a grid for HyperFormula: formulas where there are formulas. */
function asGrid(cells: FakeDump["sheets"][number]["cells"]): (string | number | null)[][] {
  const grid: (string | number | null)[][] = [];
  for (const [address, cell] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = m[1].charCodeAt(0) - 65;
    const row = Number(m[2]) - 1;
    while (grid.length <= row) grid.push([]);
    // The links are text for this check: only the totals' SUMs are evaluated.
    const v = cell.f && !cell.f.startsWith("=HYPERLINK") ? cell.f : cell.v;
    grid[row][col] = typeof v === "object" && v !== null ? null : (v as string | number | null);
  }
  return grid.map((r) => Array.from({ length: 15 }, (_, i) => r[i] ?? null));
}

describe("Analyse all sheets", () => {
  it("writes each case's analysis and the portfolio sheet, whose totals add up, and Remove takes it all away", async () => {
    const host = await twoCaseHost();
    const before = host.model.dump();
    const run = await host.Excel.run((ctx) => analyseAllSheetsInContext(ctx, { options: {} }));
    expect(run.rows.map((r) => r.sheet)).toEqual([APPENDIX, "Payback"]);
    const after = host.model.dump();
    const sheet = portfolioSheet(after);
    const header = Object.entries(sheet.cells).find(([, c]) => c.v === "Sheet")![0];
    expect(header).toBe("A3");
    // Sandwell: the paper's answers (break-even Jan-24, payback 24.48 months, net 333,511).
    expect(sheet.cells.A4.f).toBe(`=HYPERLINK("#'Appendix 1'!A1","Appendix 1")`);
    expect(sheet.cells.B4.v).toBe("paid back");
    expect(sheet.cells.C4.v as number).toBeCloseTo(24.48 / 12, 3);
    expect(sheet.cells.F4.v).toBe("Jan-24");
    expect(sheet.cells.K4.v).toBe(333511);
    expect(sheet.cells.A5.f).toBe(`=HYPERLINK("#Payback!A1","Payback")`);
    // The totals row: live SUMs over the rows, evaluated by HyperFormula.
    expect(sheet.cells.A6.v).toBe("Total");
    const hf = HyperFormula.buildFromSheets({ P: asGrid(sheet.cells) }, { licenseKey: "gpl-v3" });
    for (const col of ["I", "J", "K", "L", "M", "N"]) {
      expect(sheet.cells[`${col}6`].f).toBe(`=SUM(${col}4:${col}5)`);
      const rowsSum = (sheet.cells[`${col}4`].v as number) + (sheet.cells[`${col}5`].v as number);
      const c = col.charCodeAt(0) - 65;
      expect(hf.getCellValue({ sheet: 0, row: 5, col: c }) as number).toBeCloseTo(rowsSum, 2);
      // The value cached beside the formula (for values-only and for readers that do not recalculate).
      const planned = run.plan.cells.find(
        (x) => x.sheet === "ITOS Portfolio" && x.row === 5 && x.col === c
      );
      expect(planned?.value as number).toBeCloseTo(rowsSum, 2);
    }
    hf.destroy();
    // Both cases analysed in place, below their grids, and the status coloured by rule.
    const names = after.names.map((n) => n.name);
    expect(names).toEqual(
      expect.arrayContaining(["ITOS_Output", "ITOS_Output_Payback", "ITOS_Portfolio"])
    );
    expect(sheet.conditionalFormats.map((f) => f.formula)).toEqual([
      '=$B4="paid back"',
      '=$B4="never"',
    ]);

    await host.Excel.run((ctx) => removeOutputInContext(ctx));
    const cleaned = host.model.dump();
    expect(cleaned.sheets).toEqual(before.sheets);
    expect(cleaned.names).toEqual([]);
  });

  it("running it again replaces the portfolio sheet instead of refusing or adding another", async () => {
    const host = await twoCaseHost();
    await host.Excel.run((ctx) => analyseAllSheetsInContext(ctx, { options: {} }));
    const once = host.model.dump();
    await host.Excel.run((ctx) => analyseAllSheetsInContext(ctx, { options: {} }));
    const twice = host.model.dump();
    expect(twice.sheets.map((s) => s.name)).toEqual(once.sheets.map((s) => s.name));
    expect(portfolioSheet(twice).cells).toEqual(portfolioSheet(once).cells);
  });
});
