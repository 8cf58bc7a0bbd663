import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/file";
import { readSharedStrings, readSheetSnapshot } from "../../src/file/sheetCells";
import type { XlsxPackage } from "../../src/file/xlsxPackage";

/** A package whose one part arrives in pieces of `size` characters, as a zip inflates it. */
function piecesOf(text: string, size: number): XlsxPackage {
  return {
    streamText: async (_part: string, onPiece: (t: string) => void) => {
      for (let i = 0; i < text.length; i += size) onPiece(text.slice(i, i + size));
      return true;
    },
  } as unknown as XlsxPackage;
}

// Row 1: a shared string, a number in a date format (cell format 1), an inline rich string.
// Row 2: a shared formula =A$1+B2 filled right from B2 to C2 and down to B3, a cached string
// result, an error, a boolean. Row 4: a merge A4:B4 whose second cell (wrongly) holds a value.
const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>44562</v></c><c r="C1" t="inlineStr"><is><r><t>Net </t></r><r><t xml:space="preserve">&amp; VAT</t></r></is></c></row>
<row r="2"><c r="A2"><v>-11667</v></c><c r="B2"><f t="shared" ref="B2:C3" si="0">A$1+B2</f><v>3</v></c><c r="C2"><f t="shared" si="0"/><v>4</v></c><c r="D2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="E2" t="e"><v>#DIV/0!</v></c><c r="F2" t="b"><v>1</v></c></row>
<row r="3"><c r="B3"><f t="shared" si="0"/><v>5</v></c></row>
<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4"><v>99</v></c></row>
<row r="9"><c r="H9" s="1"/></row>
</sheetData><mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells></worksheet>`;

const STRINGS = `<sst><si><t>Merged title</t></si><si><r><t>Invest</t></r><r><t>ment</t></r><rPh><t>x</t></rPh></si></sst>`;

describe("reading a sheet part as it is inflated", () => {
  test("every cut of the text into pieces reads the same cells", async () => {
    const expected = {
      sheetName: "Case",
      top: 0,
      left: 0,
      values: [
        ["Investment", 44562, "Net & VAT", null, null, null],
        [-11667, 3, 4, "xy", { error: "#DIV/0!" }, true],
        [null, 5, null, null, null, null],
        ["Merged title", null, null, null, null, null],
      ],
      numberFormats: [
        [null, "mmm-yy", null, null, null, null],
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
      ],
      formulas: [
        [null, null, null, null, null, null],
        [null, "=A$1+B2", "=B$1+C2", '="x"&"y"', null, null],
        [null, "=A$1+B3", null, null, null, null],
        [null, null, null, null, null, null],
      ],
    };
    for (const size of [1, 2, 3, 7, 13, 64, 1000, SHEET.length]) {
      const strings = await readSharedStrings(piecesOf(STRINGS, size), "xl/sharedStrings.xml");
      expect(strings).toEqual(["Merged title", "Investment"]);
      const snap = await readSheetSnapshot(piecesOf(SHEET, size), "s", "Case", strings, [
        null,
        "mmm-yy",
      ]);
      expect(snap).toEqual(expected);
    }
  });
});

describe("memory follows content", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-cells-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("a formatted empty cell at A1048576 does not widen the snapshot", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Case");
    ws.getCell("A1").value = "Investment";
    ws.getCell("B1").value = -500;
    ws.getCell("A1048576").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFFF00" },
    };
    ws.getCell("XFD1").numFmt = "0.00";
    const file = path.join(dir, "edge.xlsx");
    await wb.xlsx.writeFile(file);
    const [sheet] = (await readWorkbook(file)).sheets;
    expect(sheet.values).toEqual([["Investment", -500]]);
    expect(sheet.formulas).toEqual([[null, null]]);
  });
});
