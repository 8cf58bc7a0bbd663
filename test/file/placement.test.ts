/**
 * Where the section goes at the edges of the sheet: a block that does not fit below the grid goes
 * to a sheet of its own (decided from the grid's bounds), a merged range below the grid is one
 * obstacle the block keeps clear of, and hidden rows never receive output.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyToFile, loadWorkbook } from "../../src/file";
import { analyseSheet, planAnalysis } from "../../src/grid";
import type { SheetSnapshot } from "../../src/sheet";

const GRID = [
  [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
  ["Investment", -1000, -500, null, null],
  ["Saving", 0, 400, 700, 900],
];
/** The section's rows for a four-month grid: title, 12 KPI rows, year table (header + 1 year), period table (header + 4). */
const SECTION_ROWS = 22;
/** After them, a blank row and the sensitivity table: title, header, five cuts. */
const SENSITIVITY_ROWS = 8;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-placement-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function sheetXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
}

test("a grid in the last rows of the sheet: the plan puts the section on a sheet of its own", () => {
  // The grid's last row is row 1,048,574; 22 rows after a spacer would end past row 1,048,576.
  const snapshot: SheetSnapshot = {
    sheetName: "Case",
    top: 1048571,
    left: 0,
    values: GRID.map((r) => [...r]),
  };
  const plan = planAnalysis(analyseSheet(snapshot), snapshot);
  expect(plan.newSheet).toBe("ITOS Analysis");
  expect(
    plan.cells.every((c) => c.sheet === "ITOS Analysis" && c.row < SECTION_ROWS + SENSITIVITY_ROWS)
  ).toBe(true);
});

test("a grid in the last columns of the sheet: the section goes to its own sheet, inside the sheet's limits", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Case");
  // Columns XFA..XFD, the last five: six section columns from XFA would pass XFD.
  GRID.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(i + 1, 16380 + j).value = v;
    })
  );
  const input = path.join(dir, "last-columns.xlsx");
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "last-columns-analysed.xlsx");
  const result = await applyToFile(input, out);
  expect(result.plans[0].newSheet).toBe("ITOS Analysis");
  expect(result.plans[0].cells.every((c) => c.col < 16384 && c.sheet === "ITOS Analysis")).toBe(
    true
  );
  const written = await loadWorkbook(out);
  expect(written.getWorksheet("ITOS Analysis")?.getCell("A1").value).toBe("ITOS analysis (£)");
  // Cumulative at Jul-22: -1000 - 100 + 700 + 900 = 500 (hand-computed).
  expect(written.getWorksheet("ITOS Analysis")?.getCell(`E${SECTION_ROWS}`).result).toBe(500);
});

test("an empty merged range below the grid is one obstacle: the section starts below it, and the merge is kept", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Case");
  ws.addRows(GRID);
  ws.mergeCells("B5:D6");
  const input = path.join(dir, "merged.xlsx");
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "merged-analysed.xlsx");
  const result = await applyToFile(input, out);
  // Rows 5-6 are the merge; row 7 the blank spacer; the title at A8.
  expect(result.plans[0].names[0]).toEqual({ name: "ITOS_Output", ref: "Case!$A$8:$F$37" });
  expect(result.plans[0].cells.every((c) => c.row >= 7)).toBe(true);
  expect(await sheetXml(out)).toContain('<mergeCell ref="B5:D6"/>');
  expect((await loadWorkbook(out)).getWorksheet("Case")?.getCell("A8").value).toBe(
    "ITOS analysis (£)"
  );
});

test("hidden rows below the grid never receive output: the section starts below them", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Case");
  ws.addRows(GRID);
  ws.getRow(5).hidden = true;
  ws.getRow(6).hidden = true;
  ws.getCell("H5").numFmt = "0"; // keeps the hidden rows in the file
  ws.getCell("H6").numFmt = "0";
  const input = path.join(dir, "hidden.xlsx");
  await wb.xlsx.writeFile(input);
  expect(await sheetXml(input)).toMatch(/<row r="5"[^>]*hidden="1"/);
  const out = path.join(dir, "hidden-analysed.xlsx");
  const result = await applyToFile(input, out);
  expect(result.plans[0].names[0]).toEqual({ name: "ITOS_Output", ref: "Case!$A$8:$F$37" });
  expect(result.plans[0].cells.filter((c) => c.row === 4 || c.row === 5)).toEqual([]);
  const xml = await sheetXml(out);
  expect(xml).toMatch(/<row r="5"[^>]*hidden="1"/);
  expect(xml).toMatch(/<row r="6"[^>]*hidden="1"/);
});
