/**
 * Writes test/fixtures/reconcile-formulas.xlsx: an annual invest-to-save table whose totals are
 * formulas, holding one instance of each formula finding, with every cached result computed by
 * HyperFormula (so LibreOffice, recalculating, gets the same values):
 *   - omits-part:   D11 "Total savings" 2022/23 is =SUM(D8:D9), leaving out D10 (Income recovered);
 *   - hard-coded:   F6 "Total investment" 2024/25 is a typed (10,000) where its neighbours are SUMs;
 *   - inconsistent: E12 "Net saving / (cost)" 2023/24 is =E11-E6 among =B11+B6 ... (right by
 *                   luck: E6 is zero);
 *   - error:        G9 "Placement savings" Total is =SUM(B9:F9)+#REF!, left by a deleted row;
 *   - external:     Summary!F3, the 2024/25 saving, is taken from another workbook.
 *   npx tsx scripts/make-formula-fixture.ts
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";

const OUT = path.join(__dirname, "..", "test", "fixtures", "reconcile-formulas.xlsx");
const MONEY = "#,##0;(#,##0)";
const YEARS = ["2020/21", "2021/22", "2022/23", "2023/24", "2024/25"];
const COLS = ["B", "C", "D", "E", "F"];

type Cell = number | string | null;

/** The Case sheet, row by row from row 1; formulas start with "=". */
function caseRows(): Cell[][] {
  const perYear = (f: (c: string) => string) => COLS.map((c) => f(c));
  const rows: Cell[][] = [
    ["Invest to save: annual profile (£)"],
    [],
    [null, ...YEARS, "Total"],
    ["Capital investment", -200000, -100000, 0, 0, 0, "=SUM(B4:F4)"],
    ["Revenue investment", -50000, -50000, -25000, 0, -10000, "=SUM(B5:F5)"],
    ["Total investment", ...perYear((c) => `=SUM(${c}4:${c}5)`), "=SUM(B6:F6)"],
    ["Savings"],
    ["Staffing savings", 0, 80000, 120000, 150000, 150000, "=SUM(B8:F8)"],
    ["Placement savings", 0, 20000, 60000, 90000, 90000, "=SUM(B9:F9)+#REF!"],
    ["Income recovered", 0, 5000, 10000, 10000, 10000, "=SUM(B10:F10)"],
    ["Total savings", ...perYear((c) => `=SUM(${c}8:${c}10)`), "=SUM(B11:F11)"],
    ["Net saving / (cost)", ...perYear((c) => `=${c}11+${c}6`), "=G11+G6"],
    ["Cumulative saving / (cost)", "=B12", "=B13+C12", "=C13+D12", "=D13+E12", "=E13+F12"],
  ];
  rows[5][5] = -10000; // F6: typed over its formula (the right figure, for now)
  rows[10][3] = "=SUM(D8:D9)"; // D11: the SUM stops a row short of Income recovered
  rows[11][4] = "=E11-E6"; // E12: subtracts where its neighbours add
  return rows;
}

/** The Summary sheet: the paper's year table, over the Case sheet. */
function summaryRows(): Cell[][] {
  return [
    [null, ...YEARS, "Total"],
    ["Investment", ...COLS.map((c) => `=Case!${c}6`), "=SUM(B2:F2)"],
    ["Saving", ...COLS.map((c) => `=Case!${c}11`), "=SUM(B3:F3)"],
    ["Net", ...COLS.map((c) => `=${c}2+${c}3`), "=SUM(B4:F4)"],
  ];
}

/**
 * The 2024/25 saving as the old budget workbook held it (the same figure, for now). A file stores
 * such a reference as [1]Case!F11, [1] being its first external link, whose part keeps the cached
 * value: exceljs writes no such part, so addExternalLink adds it.
 */
const EXTERNAL_F3 = { formula: "[1]Case!F11", result: 250000 };
const EXTERNAL_FILE = "Budget 2019-20.xlsx";

const EXTERNAL_LINK_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Case"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="11"><cell r="F11"><v>${EXTERNAL_F3.result}</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`;

const EXTERNAL_LINK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="${encodeURI(EXTERNAL_FILE)}" TargetMode="External"/></Relationships>`;

/** Adds the external link part (with its cached value) that [1]Case!F11 refers to. */
async function addExternalLink(file: string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  zip.file("xl/externalLinks/externalLink1.xml", EXTERNAL_LINK_XML);
  zip.file("xl/externalLinks/_rels/externalLink1.xml.rels", EXTERNAL_LINK_RELS);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>'
    )
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'
    )
  );
  const book = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    book.replace(
      "</sheets>",
      '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>'
    )
  );
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function grid(rows: Cell[][]): (number | string | null)[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

async function main(): Promise<void> {
  const sheets = { Case: grid(caseRows()), Summary: grid(summaryRows()) };
  // HyperFormula computes the cached results; the external cell is given its stored value.
  const hf = HyperFormula.buildFromSheets(
    {
      Case: sheets.Case,
      Summary: sheets.Summary.map((r, i) =>
        i === 2 ? r.map((v, j) => (j === 5 ? "=Case!F11" : v)) : r
      ),
    },
    { licenseKey: "gpl-v3", smartRounding: false }
  );
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    const id = hf.getSheetId(name)!;
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        if (typeof v === "string" && v.startsWith("=")) {
          const result = hf.getCellValue({ sheet: id, row: i, col: j });
          const cached =
            typeof result === "number"
              ? result
              : { error: String((result as { value: string }).value) };
          cell.value = { formula: v.slice(1), result: cached } as ExcelJS.CellFormulaValue;
        } else cell.value = v;
        if (typeof v !== "string" || v.startsWith("=")) cell.numFmt = MONEY;
      })
    );
    ws.getColumn(1).width = 30;
  }
  wb.getWorksheet("Summary")!.getCell("F3").value = EXTERNAL_F3 as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(OUT);
  await addExternalLink(OUT);
  hf.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
