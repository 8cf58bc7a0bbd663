/**
 * Proves the LibreOffice harness really recalculates: a workbook whose formula carries a planted,
 * wrong cached result must come back with the right answer. The same file opened with
 * LibreOffice's default settings keeps the wrong cache, which is why the harness's profile matters.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { csvCell, recalculateToCsv } from "../support/libreoffice";

const WRONG_CACHE = 999;

async function workbookWithWrongCache(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Case Flows");
  ws.getCell("A1").value = -11667;
  ws.getCell("A2").value = 4250.5;
  ws.getCell("A3").value = { formula: "A1+A2", result: WRONG_CACHE };
  ws.getCell("B1").value = { formula: "SUM(A1:A2)*2", result: WRONG_CACHE };
  const other = wb.addWorksheet("Summary");
  other.getCell("A1").value = { formula: "'Case Flows'!A3", result: WRONG_CACHE };
  const file = path.join(dir, "planted.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("LibreOffice recalculation harness", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-recalc-"));
    file = await workbookWithWrongCache(dir);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("replaces a planted wrong cached result with the recalculated value, on every sheet", async () => {
    const sheets = await recalculateToCsv(file);
    expect(Object.keys(sheets).sort()).toEqual(["Case Flows", "Summary"]);
    const flows = sheets["Case Flows"];
    expect(Number(csvCell(flows, 2, 0))).toBe(-7416.5);
    expect(Number(csvCell(flows, 0, 1))).toBe(-14833);
    expect(Number(csvCell(sheets["Summary"], 0, 0))).toBe(-7416.5);
  }, 240_000);

  it("keeps the wrong cache under LibreOffice's default settings (so the forced-recalc profile is needed)", async () => {
    const sheets = await recalculateToCsv(file, { recalculate: false });
    expect(Number(csvCell(sheets["Case Flows"], 2, 0))).toBe(WRONG_CACHE);
  }, 240_000);
});
