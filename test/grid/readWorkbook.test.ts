import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { isItosError, ItosError } from "../../src/engine";
import { readWorkbook, snapshotFromWorkbook } from "../../src/file";

async function rejection(file: string): Promise<ItosError> {
  try {
    await readWorkbook(file);
  } catch (e) {
    if (isItosError(e)) return e;
    throw e;
  }
  throw new Error("expected readWorkbook to reject");
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-read-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("readWorkbook refuses what is not a readable .xlsx", () => {
  test("a CSV renamed .xlsx", async () => {
    const file = path.join(dir, "costs.xlsx");
    await fs.writeFile(file, "Line,Apr-22,May-22\nInvestment,-100,0\n");
    const e = await rejection(file);
    expect(e.code).toBe("bad-file");
    expect(e.message).toBe(
      "costs.xlsx is not an Excel .xlsx workbook (it may be a CSV or text file renamed)."
    );
  });

  test("a password-protected workbook (an OLE compound file)", async () => {
    const file = path.join(dir, "protected.xlsx");
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(file, Buffer.concat([header, Buffer.alloc(504)]));
    const e = await rejection(file);
    expect(e.code).toBe("bad-file");
    expect(e.message).toContain("protected.xlsx is password-protected");
  });

  test("a missing file", async () => {
    const e = await rejection(path.join(dir, "nowhere.xlsx"));
    expect(e.code).toBe("bad-file");
    expect(e.message).toBe("Cannot open nowhere.xlsx: no such file.");
  });

  test("a zip with no worksheets in it", async () => {
    const file = path.join(dir, "empty.xlsx");
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    const e = await rejection(file);
    expect(e.code).toBe("bad-file");
    expect(e.message).toBe("empty.xlsx holds no worksheets: it is not an Excel .xlsx workbook.");
  });

  test("a folder", async () => {
    const e = await rejection(dir);
    expect(e.code).toBe("bad-file");
    expect(e.message).toBe(`Cannot open ${path.basename(dir)}: it is a folder, not a file.`);
  });

  test("a damaged zip", async () => {
    const file = path.join(dir, "damaged.xlsx");
    await fs.writeFile(file, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(64, 7)]));
    const e = await rejection(file);
    expect(e.code).toBe("bad-file");
    expect(e.message).toContain("damaged.xlsx");
  });
});

describe("snapshotFromWorkbook", () => {
  test("turns each kind of cell into the snapshot's plain values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Grid");
    ws.getCell("A1").value = {
      richText: [{ text: "Investment " }, { text: "(£000s)", font: { bold: true } }],
    };
    ws.getCell("B1").value = new Date(Date.UTC(2022, 0, 1));
    ws.getCell("B1").numFmt = "mmm-yy";
    ws.getCell("A2").value = -11667;
    ws.getCell("A2").numFmt = "#,##0;(#,##0)";
    ws.getCell("B2").value = { formula: "A2*2", result: -23334 } as ExcelJS.CellFormulaValue;
    ws.getCell("C2").value = {
      sharedFormula: "B2",
      result: -46668,
    } as unknown as ExcelJS.CellValue;
    ws.getCell("D2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("E2").value = true;
    ws.getCell("A4").value = "Merged title";
    ws.mergeCells("A4:C4");
    // Through a real file, as the CLI reads it.
    const file = path.join(dir, "kinds.xlsx");
    await wb.xlsx.writeFile(file);
    const snap = (await readWorkbook(file)).sheets[0];

    expect(snap.sheetName).toBe("Grid");
    expect([snap.top, snap.left]).toEqual([0, 0]);
    expect(snap.values[0][0]).toBe("Investment (£000s)");
    // 1 January 2022 is Excel serial 44562.
    expect(snap.values[0][1]).toBe(44562);
    expect(snap.numberFormats?.[0][1]).toBe("mmm-yy");
    expect(snap.values[1][0]).toBe(-11667);
    expect(snap.numberFormats?.[1][0]).toBe("#,##0;(#,##0)");
    expect([snap.values[1][1], snap.formulas?.[1][1]]).toEqual([-23334, "=A2*2"]);
    expect([snap.values[1][2], snap.formulas?.[1][2]]).toEqual([-46668, "=B2*2"]);
    expect(snap.values[1][3]).toEqual({ error: "#DIV/0!" });
    expect(snap.values[1][4]).toBe(true);
    expect(snap.formulas?.[1][0]).toBeNull();
    expect(snap.values[3]).toEqual(["Merged title", null, null, null, null]);
  });

  test("a formula whose cached result is 0 reads as 0, not as a blank", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Case");
    ws.getCell("A1").value = 0;
    ws.getCell("B1").value = { formula: "A1*2", result: 0 };
    const file = path.join(dir, "cached-zero.xlsx");
    await wb.xlsx.writeFile(file);
    const [sheet] = (await readWorkbook(file)).sheets;
    expect(sheet.values[0]).toEqual([0, 0]);
    expect(sheet.formulas![0]).toEqual([null, "=A1*2"]);
  });

  test("keeps the tab order of the sheets", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Cover");
    wb.addWorksheet("Appendix 1").getCell("A1").value = "x";
    expect(snapshotFromWorkbook(wb).sheets.map((s) => s.sheetName)).toEqual([
      "Cover",
      "Appendix 1",
    ]);
  });
});
