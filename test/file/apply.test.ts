/**
 * `apply` on files: the user's cells survive untouched, the input file is never written, a re-run
 * replaces its own output exactly, and every formula written computes the engine's number.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  applyToFile,
  listItosFormulaCells,
  loadWorkbook,
  readItosNames,
  readWorkbook,
  snapshotFromWorkbook,
  WorkbookEditor,
} from "../../src/file";
import { analyseSheet, planAnalysis, emptyPlan, type WritePlan } from "../../src/grid";
import { ownedCellKeys } from "../../src/sheet";
import { cellsOf, cellsOfWorkbook } from "./cells";
import { recalculate } from "./recalculate";

const FIXTURE = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");

/** ITOS's names in a file, as name and ranges. */
async function itosNames(file: string): Promise<{ name: string; ranges: string[] }[]> {
  return (await readItosNames(file)).map((n) => ({ name: n.name, ranges: [n.ref] }));
}

/** Opens a file's package, lets `edit` change it, and reads the result back as exceljs does. */
async function edited(
  file: string,
  edit: (editor: WorkbookEditor) => Promise<unknown>
): Promise<ExcelJS.Workbook> {
  const editor = await WorkbookEditor.open(await fs.readFile(file));
  await edit(editor);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await editor.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

/** A workbook with a plan applied to it by the file adapter: the written file. */
async function withPlan(wb: ExcelJS.Workbook, plan: WritePlan): Promise<string> {
  const file = path.join(dir, `plan-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  const editor = await WorkbookEditor.open(await fs.readFile(file));
  await editor.applyPlan(plan);
  await fs.writeFile(file, await editor.toBuffer());
  return file;
}

async function sha(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-apply-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("apply on the Sandwell fixture", () => {
  let out: string;
  let inputHash: string;
  let result: Awaited<ReturnType<typeof applyToFile>>;
  beforeAll(async () => {
    inputHash = await sha(FIXTURE);
    out = path.join(dir, "nested", "sandwell-analysed.xlsx");
    result = await applyToFile(FIXTURE, out);
  });

  test("never writes the input file, and creates the output's folder", async () => {
    expect(await sha(FIXTURE)).toBe(inputHash);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });

  test("every cell that was non-empty in the input is unchanged in the output, on every sheet", async () => {
    const before = await cellsOf(FIXTURE);
    const after = await cellsOf(out);
    expect(before.size).toBeGreaterThan(500);
    // Marked cells keep their value and gain a fill; every other cell keeps its style too.
    const marked = new Set(["Summary!E5", "Summary!F5", "Summary!E6", "Summary!F6", "Summary!E7"]);
    for (const [key, state] of before) {
      const got = after.get(key);
      const compared = marked.has(key) ? { ...got, style: state.style } : got;
      expect({ key, state: compared }).toEqual({ key, state });
    }
    // ITOS added cells only: 63 rows of the section, nothing in the user's area.
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added.every((k) => /^Appendix 1!/.test(k))).toBe(true);
    expect(added.length).toBeGreaterThan(42 * 5);
  });

  test("every written formula recalculates (HyperFormula) to the cached number, which is the engine's", async () => {
    const wb = await loadWorkbook(out);
    const formulas = listItosFormulaCells(wb, await readItosNames(out));
    expect(formulas).toHaveLength(42 * 4 + 4 * 4 + 5);
    const calc = recalculate(wb);
    for (const f of formulas) {
      const got = calc(f.sheet, f.address) ?? 0;
      expect({ cell: f.address, got }).toEqual({
        cell: f.address,
        got: expect.closeTo(f.expected as number, 6),
      });
    }
    const engine = result.analyses[0].result;
    const cumulative = formulas
      .filter((f) => /^E(8\d|9\d|1[01]\d|12[01])$/.test(f.address))
      .map((f) => f.expected);
    expect(cumulative).toEqual(engine.cumulative.map((d) => d.toNumber()));
  });

  test("the break-even highlight and the ITOS_ names are in the file", async () => {
    const wb = await loadWorkbook(out);
    const ws = wb.getWorksheet("Appendix 1") as ExcelJS.Worksheet;
    const cfs = (
      ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(cfs.map((c) => [c.ref, (c.rules[0] as { formulae?: string[] }).formulae])).toEqual([
      ["A81:E121", ["AND($E81>=0,$E80<0)"]],
    ]);
    expect((await itosNames(out)).map((n) => n.name).sort()).toEqual([
      "ITOS_BreakEven",
      "ITOS_Cumulative",
      "ITOS_KPIs",
      "ITOS_Marks_1",
      "ITOS_Marks_2",
      "ITOS_Marks_3",
      "ITOS_Marks_4",
      "ITOS_Marks_5",
      "ITOS_Output",
      "ITOS_Sensitivity",
      "ITOS_YearSummary",
    ]);
    // Exactly the mismatching cells carry a note: Summary's 2024/25 saving and the four totals it breaks.
    const noted: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => void (c.note && noted.push(`${sheet.name}!${c.address}`)))
      )
    );
    expect(noted.sort()).toEqual([
      "Summary!E5",
      "Summary!E6",
      "Summary!E7",
      "Summary!F5",
      "Summary!F6",
    ]);
    expect((wb.getWorksheet("Summary") as ExcelJS.Worksheet).getCell("E5").value).toBe(411823);
    expect(result.messages.join(" ")).toMatch(/chart/);
  });

  test("re-applying onto the output is idempotent: same cells, same names, one highlight rule", async () => {
    const again = path.join(dir, "sandwell-again.xlsx");
    const outHash = await sha(out);
    await applyToFile(out, again);
    expect(await sha(out)).toBe(outHash);
    expect(await cellsOf(again)).toEqual(await cellsOf(out));
    const wb2 = await loadWorkbook(again);
    expect(await itosNames(again)).toEqual(await itosNames(out));
    const ws2 = wb2.getWorksheet("Appendix 1") as unknown as { conditionalFormattings: unknown[] };
    expect(ws2.conditionalFormattings).toHaveLength(1);
  });

  test("removing the ITOS output gives back exactly the input's cells", async () => {
    let removed = 0;
    let left: unknown[] = [];
    const wb = await edited(out, async (e) => {
      removed = await e.removeItosOutput();
      left = e.ownedNames();
    });
    // Six section names (ITOS_Sensitivity among them) and the five marks.
    expect(removed).toBe(11);
    expect(cellsOfWorkbook(wb)).toEqual(await cellsOf(FIXTURE));
    const summary = wb.getWorksheet("Summary") as ExcelJS.Worksheet;
    expect(summary.getCell("E5").note).toBeUndefined();
    expect(left).toEqual([]);
  });

  test("refuses to write over the input", async () => {
    await expect(applyToFile(FIXTURE, FIXTURE)).rejects.toThrow(/never modifies the input/);
    expect(await sha(FIXTURE)).toBe(inputHash);
  });
});

describe("apply when the grid has no room below", () => {
  let input: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Case Flows");
    ws.addRows([
      [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
      ["Investment", -1000, -500, null, null],
      ["Saving", 0, 400, 700, 900],
      [],
      ["Source: finance team"],
    ]);
    input = path.join(dir, "no-room.xlsx");
    await wb.xlsx.writeFile(input);
  });

  test("writes to an 'ITOS Analysis' sheet, and a re-run replaces it rather than adding another", async () => {
    const first = path.join(dir, "no-room-1.xlsx");
    const second = path.join(dir, "no-room-2.xlsx");
    await applyToFile(input, first);
    await applyToFile(first, second);
    const wb = await loadWorkbook(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Case Flows", "ITOS Analysis"]);
    expect(await cellsOf(second)).toEqual(await cellsOf(first));
    const calc = recalculate(wb);
    const formulas = listItosFormulaCells(wb, await readItosNames(second));
    expect(formulas.find((f) => f.formula === "='Case Flows'!B2")).toBeDefined();
    for (const f of formulas)
      expect(calc(f.sheet, f.address) ?? 0).toBeCloseTo(f.expected as number, 6);
    const removed = await edited(second, (e) => e.removeItosOutput());
    expect(removed.worksheets.map((w) => w.name)).toEqual(["Case Flows"]);
  });
});

describe("reconciliation marks", () => {
  test("a mark puts a fill and a note on the user's cell; removing it keeps the value", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Summary");
    ws.getCell("E5").value = 411823;
    const plan = emptyPlan();
    plan.marks.push({
      sheet: "Summary",
      row: 4,
      col: 4,
      fill: "#FFC7CE",
      note: "States 411,823; the appendix's 2024/25 return adds up to 425,744.",
    });
    plan.names.push({ name: "ITOS_Marks_1", ref: "Summary!$E$5" });
    const file = await withPlan(wb, plan);
    const marked = await loadWorkbook(file);
    const cell = (marked.getWorksheet("Summary") as ExcelJS.Worksheet).getCell("E5");
    expect(cell.note).toMatchObject({ texts: [{ text: expect.stringContaining("425,744") }] });
    expect(cell.fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    let left: unknown[] = [];
    const cleared = await edited(file, async (e) => {
      await e.removeItosOutput();
      left = e.ownedNames();
    });
    const after = (cleared.getWorksheet("Summary") as ExcelJS.Worksheet).getCell("E5");
    expect(after.value).toBe(411823);
    expect(after.note).toBeUndefined();
    expect(left).toEqual([]);
  });

  test("a planned cell on a non-empty user cell is refused, naming the cell", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Case").getCell("B3").value = "keep me";
    const plan = emptyPlan();
    plan.cells.push({ sheet: "Case", row: 2, col: 1, value: 5 });
    await expect(withPlan(wb, plan)).rejects.toThrow("Case!B3 is not empty");
  });
});

describe("a re-run the way the Excel add-in does it (no removal first)", () => {
  test("reading the output with its ITOS_ cells as owned gives the same grid and the same plan as the first run", async () => {
    const out = path.join(dir, "for-rerun.xlsx");
    await applyToFile(FIXTURE, out);
    const original = (await readWorkbook(FIXTURE)).sheets[0];
    const first = planAnalysis(analyseSheet(original), original);

    // As Excel reads it: ITOS's output still in the sheet, its names telling which cells are owned.
    const written = snapshotFromWorkbook(await loadWorkbook(out)).sheets[0];
    const names = (await readItosNames(out)).map((n) => ({ name: n.name, ref: n.ref }));
    const owned = ownedCellKeys(names);
    // 63 rows of the section and 8 of the sensitivity table after it, six columns wide.
    expect(owned.size).toBe((63 + 8) * 6);
    const rerun = planAnalysis(analyseSheet(written, { ownedCells: owned }), written, {
      ownedCells: owned,
    });
    expect(rerun).toEqual(first);
  });
});

describe("apply on a workbook with two grid sheets", () => {
  test("each sheet gets its own section and names; a re-run is idempotent", async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, saving] of [
      ["North", 300],
      ["South", 600],
    ] as const) {
      wb.addWorksheet(name).addRows([
        [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
        ["Investment", -1000, -500, null, null],
        ["Saving", 0, saving, saving, saving],
      ]);
    }
    const input = path.join(dir, "two-sheets.xlsx");
    await wb.xlsx.writeFile(input);
    const first = path.join(dir, "two-sheets-1.xlsx");
    const second = path.join(dir, "two-sheets-2.xlsx");
    const result = await applyToFile(input, first);
    expect(result.analyses.map((a) => a.model.sheetName)).toEqual(["North", "South"]);
    await applyToFile(first, second);
    const out = await loadWorkbook(second);
    expect((await itosNames(second)).filter((n) => n.name.startsWith("ITOS_Output"))).toEqual([
      { name: "ITOS_Output", ranges: ["North!$A$5:$F$34"] },
      { name: "ITOS_Output_South", ranges: ["South!$A$5:$F$34"] },
    ]);
    expect(await itosNames(second)).toEqual(await itosNames(first));
    expect(await cellsOf(second)).toEqual(await cellsOf(first));
    // North nets -1000, -200, 300, 300: cumulative ends -600, never paid back; South nets -1000, 100, 600, 600 end at 300.
    expect(out.getWorksheet("North")?.getCell("E26").result).toBe(-600);
    expect(out.getWorksheet("South")?.getCell("E26").result).toBe(300);
  });
});
