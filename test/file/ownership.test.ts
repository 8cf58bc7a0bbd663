/**
 * `apply` touches only what ITOS wrote: a user's note on a marked cell stays theirs and the
 * cell's own fill comes back; a re-run clears only ITOS's cells, not what the user put inside the
 * old block; a user's ITOS_ name is theirs; a user's "ITOS Analysis" sheet is never written into.
 * Each workbook is built here, each file read back as exceljs reads it.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyToFile, loadWorkbook } from "../../src/file";

const BLUE = "FFDDEBF7";
const RED_MARK = "FFFFC7CE";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-ownership-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function file(name: string): string {
  return path.join(dir, name);
}

/**
 * A monthly case whose Net row is wrong in May (-90 for -100), June (710 for 700) and its total
 * (520 for 500): the three cells reconciliation marks are C4, D4 and F4.
 */
function caseWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Case").addRows([
    [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Total"],
    ["Investment", -1000, -500, null, null, -1500],
    ["Saving", 0, 400, 700, 900, 2000],
    ["Net", -1000, -90, 710, 900, 520],
  ]);
  return wb;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined || typeof note === "string") return note as string | undefined;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
}

function argbOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
}

/** Edits a sheet part's text in place (as a user's spreadsheet program would), keeping every other part. */
async function editSheetXml(
  xlsx: string,
  part: string,
  edit: (xml: string) => string
): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  const xml = (await zip.file(part)?.async("string")) as string;
  const next = edit(xml);
  expect(next).not.toBe(xml);
  zip.file(part, next);
  await fs.writeFile(xlsx, await zip.generateAsync({ type: "nodebuffer" }));
}

async function definedNames(xlsx: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  return (await zip.file("xl/workbook.xml")?.async("string")) as string;
}

describe("a reconciliation mark on a cell the user has already noted or filled", () => {
  let first: string;
  beforeAll(async () => {
    const wb = caseWorkbook();
    const ws = wb.getWorksheet("Case") as ExcelJS.Worksheet;
    ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: BLUE } };
    ws.getCell("D4").note = "Checked with the service lead, 3 May.";
    const input = file("marks-input.xlsx");
    await wb.xlsx.writeFile(input);
    first = file("marks-1.xlsx");
    await applyToFile(input, first);
  });

  test("keeps the user's note, adds ITOS's only where the cell had none, and colours all three", async () => {
    const ws = (await loadWorkbook(first)).getWorksheet("Case") as ExcelJS.Worksheet;
    expect(noteText(ws.getCell("D4"))).toBe("Checked with the service lead, 3 May.");
    expect(noteText(ws.getCell("C4"))).toMatch(
      /^ITOS reconciliation: does not add up\..*Stated \(90\); expected \(100\)/s
    );
    expect(noteText(ws.getCell("F4"))).toMatch(/Stated 520; expected 500/);
    expect([argbOf(ws.getCell("C4")), argbOf(ws.getCell("D4")), argbOf(ws.getCell("F4"))]).toEqual([
      RED_MARK,
      RED_MARK,
      RED_MARK,
    ]);
    // The memo on the mark records the fill the cell had and whether ITOS added the note.
    const names = await definedNames(first);
    expect(names).toMatch(
      /name="ITOS_Marks_1" comment="ITOS Payback output \{&quot;v&quot;:1,&quot;kind&quot;:&quot;mark&quot;,&quot;fill&quot;:&quot;#DDEBF7&quot;,&quot;note&quot;:true/
    );
    expect(names).toMatch(
      /name="ITOS_Marks_2" comment="ITOS Payback output \{&quot;v&quot;:1,&quot;kind&quot;:&quot;mark&quot;,&quot;fill&quot;:null,&quot;note&quot;:false/
    );
  });

  test("once the user corrects May and re-applies, C4 gets its blue back and loses ITOS's stale note; the user's note stays", async () => {
    const fixed = file("marks-fixed.xlsx");
    await fs.copyFile(first, fixed);
    await editSheetXml(fixed, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(/(<c r="C4"[^>]*>)<v>-90<\/v>/, "$1<v>-100</v>")
    );
    const second = file("marks-2.xlsx");
    await applyToFile(fixed, second);
    const ws = (await loadWorkbook(second)).getWorksheet("Case") as ExcelJS.Worksheet;
    expect(ws.getCell("C4").value).toBe(-100);
    expect(argbOf(ws.getCell("C4"))).toBe(BLUE);
    expect(noteText(ws.getCell("C4"))).toBeUndefined();
    expect(noteText(ws.getCell("D4"))).toBe("Checked with the service lead, 3 May.");
    expect(argbOf(ws.getCell("D4"))).toBe(RED_MARK);
    expect(noteText(ws.getCell("F4"))).toMatch(/Stated 520; expected 500/);
    // Two marks now, not three.
    expect((await definedNames(second)).match(/name="ITOS_Marks_\d+"/g)).toHaveLength(2);
  });
});

describe("re-applying after the user worked inside ITOS's block", () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    const wb = caseWorkbook();
    const ws = wb.getWorksheet("Case") as ExcelJS.Worksheet;
    // Below the grid, where the section will go (A6:F27), in cells ITOS never writes:
    // KPI rows use columns A and D only.
    ws.getCell("E8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: BLUE } };
    ws.getCell("B9").border = { bottom: { style: "thick", color: { argb: "FF000000" } } };
    ws.getCell("C10").note = "Ask about the July saving.";
    ws.getCell("C10").font = { italic: true }; // so the empty cell is stored, and exceljs reads its note back
    ws.addConditionalFormatting({
      ref: "A1:H40",
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: ['ISNUMBER(SEARCH("Saving",$A1))'],
          style: { font: { italic: true } },
        },
      ],
    });
    const input = file("block-input.xlsx");
    await wb.xlsx.writeFile(input);
    first = file("block-1.xlsx");
    await applyToFile(input, first);
    // The user types a remark inside the block, in a KPI row's empty F column.
    await editSheetXml(first, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(
        /(<row r="7"[^>]*>[\s\S]*?)(<\/row>)/,
        '$1<c r="F7" t="inlineStr"><is><t>Agreed at CMT</t></is></c>$2'
      )
    );
    second = file("block-2.xlsx");
    await applyToFile(first, second);
  });

  test("the section was written below the grid the first time", async () => {
    const ws = (await loadWorkbook(first)).getWorksheet("Case") as ExcelJS.Worksheet;
    expect(ws.getCell("A6").value).toBe("ITOS analysis (£)");
    expect(ws.getCell("E8").value).toBeNull();
    expect(ws.getCell("C10").value).toBeNull();
  });

  test("the user's text, fill, border, note and conditional format all survive the re-run", async () => {
    const ws = (await loadWorkbook(second)).getWorksheet("Case") as ExcelJS.Worksheet;
    expect(ws.getCell("F7").value).toBe("Agreed at CMT");
    expect(argbOf(ws.getCell("E8"))).toBe(BLUE);
    expect(ws.getCell("B9").border?.bottom?.style).toBe("thick");
    expect(noteText(ws.getCell("C10"))).toBe("Ask about the July saving.");
    const cfs = (
      ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(cfs.map((c) => c.ref)).toContain("A1:H40");
  });

  test("ITOS's own cells of the old block were cleared, and the section written once more below the user's remark", async () => {
    const ws = (await loadWorkbook(second)).getWorksheet("Case") as ExcelJS.Worksheet;
    // The remark in F7 now belongs to what is above the section, so it starts lower: A9.
    expect(await definedNames(second)).toMatch(/name="ITOS_Output"[^>]*>Case!\$A\$9:\$F\$38</);
    expect(ws.getCell("A6").value).toBeNull();
    expect(ws.getCell("D7").value).toBeNull();
    expect(ws.getCell("A9").value).toBe("ITOS analysis (£)");
  });
});

describe("a user's own ITOS_ name", () => {
  test("is neither emptied nor removed by apply, and its cells stay as they were", async () => {
    const wb = caseWorkbook();
    wb.definedNames.add("Case!$B$2:$C$2", "ITOS_Budget");
    const input = file("user-name.xlsx");
    await wb.xlsx.writeFile(input);
    const out = file("user-name-1.xlsx");
    await applyToFile(input, out);
    const again = file("user-name-2.xlsx");
    await applyToFile(out, again);
    for (const f of [out, again]) {
      const ws = (await loadWorkbook(f)).getWorksheet("Case") as ExcelJS.Worksheet;
      expect([ws.getCell("B2").value, ws.getCell("C2").value]).toEqual([-1000, -500]);
      expect(await definedNames(f)).toMatch(
        /<definedName name="ITOS_Budget">Case!\$B\$2:\$C\$2<\/definedName>/
      );
    }
  });
});

describe("a user's own sheet called 'ITOS Analysis'", () => {
  test("is never written into: ITOS writes to 'ITOS Analysis (2)', and a re-run reuses that", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Case Flows").addRows([
      [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
      ["Investment", -1000, -500, null, null],
      ["Saving", 0, 400, 700, 900],
      [],
      ["Source: finance team"],
    ]);
    wb.addWorksheet("ITOS Analysis").getCell("A1").value = "My own working";
    const input = file("user-sheet.xlsx");
    await wb.xlsx.writeFile(input);
    const first = file("user-sheet-1.xlsx");
    const second = file("user-sheet-2.xlsx");
    await applyToFile(input, first);
    await applyToFile(first, second);
    for (const f of [first, second]) {
      const out = await loadWorkbook(f);
      expect(out.worksheets.map((w) => w.name)).toEqual([
        "Case Flows",
        "ITOS Analysis",
        "ITOS Analysis (2)",
      ]);
      const mine = out.getWorksheet("ITOS Analysis") as ExcelJS.Worksheet;
      expect(mine.getCell("A1").value).toBe("My own working");
      const used: string[] = [];
      mine.eachRow((row) => row.eachCell((c) => void used.push(c.address)));
      expect(used).toEqual(["A1"]);
      expect(out.getWorksheet("ITOS Analysis (2)")?.getCell("A1").value).toBe("ITOS analysis (£)");
    }
  });
});

describe("sheets whose names differ only in punctuation", () => {
  test("'Case A' and 'Case-A' each get their own section and names; neither overwrites the other", async () => {
    const wb = new ExcelJS.Workbook();
    // Savings 300, 600 and 900 a month: cumulative at Jul-22 is -600, 300 and 1,200 (hand-computed:
    // -1000 -500 + 3 x saving).
    for (const [name, saving] of [
      ["North", 300],
      ["Case A", 600],
      ["Case-A", 900],
    ] as const) {
      wb.addWorksheet(name).addRows([
        [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
        ["Investment", -1000, -500, null, null],
        ["Saving", 0, saving, saving, saving],
      ]);
    }
    const input = file("punctuation.xlsx");
    await wb.xlsx.writeFile(input);
    const out = file("punctuation-1.xlsx");
    const result = await applyToFile(input, out);
    const outputs = result.plans.map((p) => p.names.find((n) => n.name.startsWith("ITOS_Output")));
    expect(outputs.map((n) => n?.name)).toEqual([
      "ITOS_Output",
      "ITOS_Output_Case_A",
      "ITOS_Output_Case_A_2",
    ]);
    const names = await definedNames(out);
    expect(names).toMatch(/name="ITOS_Output_Case_A"[^>]*>'Case A'!\$A\$5:\$F\$34</);
    expect(names).toMatch(/name="ITOS_Output_Case_A_2"[^>]*>'Case-A'!\$A\$5:\$F\$34</);
    const written = await loadWorkbook(out);
    expect(written.getWorksheet("North")?.getCell("E26").result).toBe(-600);
    expect(written.getWorksheet("Case A")?.getCell("E26").result).toBe(300);
    expect(written.getWorksheet("Case-A")?.getCell("E26").result).toBe(1200);
  });
});

describe("a user's own name that ITOS would also write", () => {
  test("apply refuses, naming it, instead of replacing it; no output file appears", async () => {
    const wb = caseWorkbook();
    wb.definedNames.add("Case!$A$1:$F$4", "ITOS_Output");
    const input = file("user-output-name.xlsx");
    await wb.xlsx.writeFile(input);
    const out = file("user-output-name-1.xlsx");
    await expect(applyToFile(input, out)).rejects.toThrow(
      "The workbook already has a name ITOS_Output that ITOS did not write"
    );
    await expect(fs.access(out)).rejects.toThrow();
  });
});
