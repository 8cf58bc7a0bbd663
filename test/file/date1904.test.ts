import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbook } from "../../src/file";
import { analyseWorkbook, sheetReportJson } from "../../src/grid";

/** 1 April 2024 as Excel's 1900 system counts it: days since 30 December 1899. */
const APRIL_2024_SERIAL_1900 = (Date.UTC(2024, 3, 1) - Date.UTC(1899, 11, 30)) / 86400000;
/** The 1904 system counts from 1 January 1904: 4 years (1,461 days) and 1 day later. */
const SERIAL_1904_SHIFT = (Date.UTC(1904, 0, 1) - Date.UTC(1899, 11, 30)) / 86400000;

let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-1904-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/**
 * A monthly case from April 2024: £50,000 invested in April, £10,000 saved each month. The
 * headers are dates, so Excel stores them as serials in the workbook's own date system.
 */
async function monthlyCase(file: string, date1904: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Case");
  ws.getCell(1, 1).value = "£";
  for (let m = 0; m < 12; m++) {
    const head = ws.getCell(1, 2 + m);
    head.value = new Date(Date.UTC(2024, 3 + m, 1));
    head.numFmt = "mmm-yy";
    ws.getCell(2, 2 + m).value = m === 0 ? 50000 : 0;
    ws.getCell(3, 2 + m).value = 10000;
  }
  ws.getCell(2, 1).value = "Investment";
  ws.getCell(3, 1).value = "Savings";
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** The header cell B1 as stored in the file, and whether the workbook says it counts from 1904. */
async function storedHeader(file: string): Promise<{ serial: number; flag: boolean }> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const b1 = /<c r="B1"[^>]*><v>([^<]+)<\/v>/.exec(sheet);
  return { serial: Number(b1![1]), flag: /date1904="(1|true)"/.test(book) };
}

describe("workbooks that count dates from 1904", () => {
  test("the file really stores the 1904 serial (the premise of the test)", async () => {
    const stored = await storedHeader(await monthlyCase("mac.xlsx", true));
    expect(stored.flag).toBe(true);
    expect(stored.serial).toBe(APRIL_2024_SERIAL_1900 - SERIAL_1904_SHIFT);
  });

  test("a date header reads as the same month in either date system", async () => {
    const mac = await readWorkbook(await monthlyCase("mac-read.xlsx", true));
    const win = await readWorkbook(await monthlyCase("win-read.xlsx", false));
    expect(mac.sheets[0].values[0][1]).toBe(APRIL_2024_SERIAL_1900);
    expect(win.sheets[0].values[0][1]).toBe(APRIL_2024_SERIAL_1900);
    // Amounts are numbers, not dates: they are never shifted.
    expect(mac.sheets[0].values[1][1]).toBe(50000);
    expect(mac.sheets[0].values[2][12]).toBe(10000);
  });

  test("the analysis of a 1904 workbook is that of the same case in a 1900 workbook", async () => {
    const report = async (file: string, date1904: boolean) =>
      analyseWorkbook(await readWorkbook(await monthlyCase(file, date1904))).map((a) =>
        sheetReportJson(a.analysis)
      );
    const mac = await report("mac-analyse.xlsx", true);
    const win = await report("win-analyse.xlsx", false);
    expect(mac).toEqual(win);
    // By hand: -50,000 + 10,000 a month is 0 after the fifth month, August 2024.
    expect(mac[0]).toMatchObject({
      firstPeriod: "2024-04",
      breakEven: "2024-08",
      paybackMonths: 5,
    });
  });
});
