/**
 * Safe writes on files, as in Excel (test/excel/safeWrites): `itos apply` keeps the digest of each
 * section it wrote and the conditional formats it wrote there in the section name's memo, so a
 * re-apply leaves a section the user typed over as they made it (and says so, naming the range),
 * and takes out ITOS's own rules only. The user's edits are made in the sheet's XML, as a
 * spreadsheet program saves them (the cell keeps its format, Excel keeps name comments); the
 * input file is never changed.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { run } from "../../src/cli/main";
import { applyToFile, loadWorkbook, WorkbookEditor } from "../../src/file";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-safewrites-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

/**
 * A monthly case: net flows -1000, -100, 700, 900, so the cumulative position is -1000, -1100,
 * -400 and 500 (hand-computed): the section goes at A6:F35, the period rows at 24-27 and the
 * break-even highlight on A25:E27 with =AND($E25>=0,$E24<0).
 */
function caseWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Case").addRows([
    [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Total"],
    ["Investment", -1000, -500, null, null, -1500],
    ["Saving", 0, 400, 700, 900, 2000],
    ["Net", -1000, -100, 700, 900, 500],
  ]);
  return wb;
}

async function editSheetXml(xlsx: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  const part = "xl/worksheets/sheet1.xml";
  const xml = (await zip.file(part)?.async("string")) as string;
  const next = edit(xml);
  expect(next).not.toBe(xml);
  zip.file(part, next);
  await fs.writeFile(xlsx, await zip.generateAsync({ type: "nodebuffer" }));
}

/** Replaces a cell's content, keeping its format (s="..."), as typing into it in Excel does. */
function typeInto(address: string, content: string): (xml: string) => string {
  return (xml) =>
    xml.replace(
      new RegExp(`<c r="${address}"( s="\\d+")?[^>]*?(/>|>[\\s\\S]*?</c>)`),
      (_m, s: string | undefined) => `<c r="${address}"${s ?? ""}${content}</c>`
    );
}

/** Adds a conditional format (a fill where the formula holds) at the end of the sheet's rules. */
function addRule(sqref: string, formula: string): (xml: string) => string {
  const rule = `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="0" priority="9"><formula>${formula}</formula></cfRule></conditionalFormatting>`;
  return (xml) =>
    /<\/conditionalFormatting>/.test(xml)
      ? xml.replace(/(<\/conditionalFormatting>)(?![\s\S]*<\/conditionalFormatting>)/, `$1${rule}`)
      : xml.replace(/(<\/sheetData>)/, `$1${rule}`);
}

async function rules(xlsx: string): Promise<{ sqref: string; formula: string }[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsx));
  const xml = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) as string;
  return [
    ...xml.matchAll(
      /<conditionalFormatting sqref="([^"]+)">[\s\S]*?<formula>([\s\S]*?)<\/formula>/g
    ),
  ].map((m) => ({ sqref: m[1], formula: m[2].replace(/&gt;/g, ">").replace(/&lt;/g, "<") }));
}

async function itos(...argv: string[]): Promise<{ code: number; stdout: string }> {
  const out: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, stdout: out.join("\n") };
}

describe("typing over ITOS's output cells, then applying again", () => {
  let first: string;
  let edited: string;
  let editedBytes: Buffer;
  beforeAll(async () => {
    const input = file("typed-input.xlsx");
    await caseWorkbook().xlsx.writeFile(input);
    first = file("typed-1.xlsx");
    await applyToFile(input, first);
    const ws = (await loadWorkbook(first)).getWorksheet("Case") as ExcelJS.Worksheet;
    // ITOS's KPI block (A7:D18): D8 is the crossover month, D11 the payback in months.
    expect(ws.getCell("D8").value).toBe("Jun-22");
    expect(typeof ws.getCell("D11").value).toBe("number");
    edited = file("typed-edited.xlsx");
    await fs.copyFile(first, edited);
    await editSheetXml(edited, (xml) =>
      typeInto(
        "D11",
        ' t="inlineStr"><is><t>Agreed at 4 months</t></is>'
      )(typeInto("D8", "><v>1234</v>")(xml))
    );
    editedBytes = await fs.readFile(edited);
  });

  test("the typed number and text survive, the section is named, and the new output is clear of it", async () => {
    const second = file("typed-2.xlsx");
    const result = await applyToFile(edited, second);
    expect(result.leftAlone).toEqual(["Case!A7:D18"]);
    const out = await loadWorkbook(second);
    const ws = out.getWorksheet("Case") as ExcelJS.Worksheet;
    expect(ws.getCell("D8").value).toBe(1234);
    expect(ws.getCell("D11").value).toBe("Agreed at 4 months");
    // The KPI labels around them stay too (the whole section is the user's now).
    expect(ws.getCell("A8").value).toBe("Crossover (return > investment)");
    // The unchanged parts of the old block were ITOS's: cleared (its title in A6 too).
    expect(ws.getCell("A6").value).toBeNull();
    expect(ws.getCell("A24").value).toBeNull();
    // The new analysis had no room below the kept block: a sheet of its own, as in Excel.
    const analysis = out.getWorksheet("ITOS Analysis") as ExcelJS.Worksheet;
    expect(analysis.getCell("A1").value).toBe("ITOS analysis (£)");
    // Jul-22's cumulative is 500 (hand-computed above), read from the grid, not the typed cells.
    expect(analysis.getCell("E22").result).toBe(500);
    expect(result.analyses[0].model.warnings.join(" ")).toContain(
      "You changed ITOS's earlier output at Case!A7:D18"
    );
    // The input is as it was, byte for byte.
    expect((await fs.readFile(edited)).equals(editedBytes)).toBe(true);
  });

  test("the command says so, naming the range, in text and in --json", async () => {
    const text = await itos("apply", edited, "--out", file("typed-cli.xlsx"));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /Note: You changed ITOS's earlier output at Case!A7:D18 .*wrote its new analysis at 'ITOS Analysis'!A1:F30\./
    );
    const json = await itos("apply", edited, "--out", file("typed-cli-json.xlsx"), "--json");
    expect(json.code).toBe(0);
    expect(json.stdout).toContain("You changed ITOS's earlier output at Case!A7:D18");
    JSON.parse(json.stdout);
    expect((await fs.readFile(edited)).equals(editedBytes)).toBe(true);
  });

  test("without the typing, a re-apply takes the old block out and writes it again in place", async () => {
    const again = file("typed-untouched.xlsx");
    const result = await applyToFile(first, again);
    expect(result.leftAlone).toEqual([]);
    expect(result.plans[0].names[0].ref).toBe("Case!$A$6:$F$35");
  });
});

describe("a user's conditional formats", () => {
  const itosRule = { sqref: "A25:E27", formula: "AND($E25>=0,$E24<0)" };
  const spanning = { sqref: "A1:H40", formula: "LEN($A1)>20" };
  const apart = { sqref: "H1:H4", formula: "H1<0" };
  const insideSection = { sqref: "D8:D12", formula: "D8>0" };
  const lookalike = { sqref: "A21:E21", formula: "AND($E21>=0,$E20<0)" };

  test("over the output area, apart from it and inside ITOS's section: all kept whole by apply, re-apply and removal; ITOS's own goes", async () => {
    const wb = caseWorkbook();
    const ws = wb.getWorksheet("Case") as ExcelJS.Worksheet;
    for (const r of [spanning, apart])
      ws.addConditionalFormatting({
        ref: r.sqref,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [r.formula],
            style: { font: { italic: true } },
          },
        ],
      });
    const input = file("rules-input.xlsx");
    await wb.xlsx.writeFile(input);
    const first = file("rules-1.xlsx");
    await applyToFile(input, first);
    expect(await rules(first)).toEqual([spanning, apart, itosRule]);

    // Added after ITOS wrote its section: one inside its KPI block, one shaped like ITOS's own.
    await editSheetXml(first, (xml) =>
      addRule(
        lookalike.sqref,
        lookalike.formula.replace(/>/g, "&gt;").replace(/</g, "&lt;")
      )(addRule(insideSection.sqref, insideSection.formula.replace(/>/g, "&gt;"))(xml))
    );
    const second = file("rules-2.xlsx");
    await applyToFile(first, second);
    expect(await rules(second)).toEqual([spanning, apart, insideSection, lookalike, itosRule]);

    const editor = await WorkbookEditor.open(await fs.readFile(second));
    await editor.removeItosOutput();
    const removed = file("rules-removed.xlsx");
    await fs.writeFile(removed, await editor.toBuffer());
    expect(await rules(removed)).toEqual([spanning, apart, insideSection, lookalike]);
    expect(editor.ownedNames()).toEqual([]);
  });
});
