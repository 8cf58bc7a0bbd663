/**
 * One write plan through both adapters: the command line's package writer (an .xlsx read back
 * with exceljs) and the Excel adapter on the test host. What lands must be the same: every cell's
 * formula or value, number format, the marks' fills and notes, the highlight, and the names ITOS
 * owns (the same section names and ranges, marks on the same cells, each with ITOS's marker).
 */
import ExcelJS from "exceljs";
import { WorkbookEditor, snapshotFromWorkbook } from "../../src/file";
import { applyPlanInContext } from "../../src/excel/applyPlan";
import { analyseSheet, planAnalysis, type WritePlan } from "../../src/grid";
import { a1, isOwnedName, readNameMemo } from "../../src/sheet";
import { createFakeExcel, type FakeDump } from "../browser/fakeExcelHost";

/** The Net row is wrong in May, June and its total: three marks (C4, D4, F4). */
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

interface Landed {
  cells: Record<string, { formula: string | null; value: unknown; numberFormat: string }>;
  fills: Record<string, string | null>;
  notes: Record<string, string>;
  highlights: { range: string; formula: string }[];
  sections: Record<string, string>;
  markedCells: string[];
}

function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  return (note as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
}

async function throughFile(input: Buffer, plan: WritePlan): Promise<Landed> {
  const editor = await WorkbookEditor.open(input);
  await editor.applyPlan(plan);
  const bytes = await editor.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Case") as ExcelJS.Worksheet;
  const landed: Landed = {
    cells: {},
    fills: {},
    notes: {},
    highlights: [],
    sections: {},
    markedCells: [],
  };
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const isFormula = cell.type === ExcelJS.ValueType.Formula;
      const value = isFormula ? null : (cell.value as unknown);
      if (!isFormula && (value === null || value === undefined)) return;
      landed.cells[cell.address] = {
        formula: isFormula ? `=${cell.formula}` : null,
        value,
        numberFormat: cell.numFmt || "General",
      };
    })
  );
  for (const m of plan.marks) {
    const cell = ws.getCell(a1(m.row, m.col));
    const fill = cell.fill as ExcelJS.FillPattern | undefined;
    landed.fills[cell.address] = fill?.fgColor?.argb ? `#${fill.fgColor.argb.slice(2)}` : null;
    if (cell.note) landed.notes[cell.address] = noteText(cell.note);
  }
  const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of cfs)
    for (const rule of cf.rules as { formulae?: string[] }[])
      landed.highlights.push({ range: cf.ref, formula: `=${rule.formulae?.[0]}` });
  const reopened = await WorkbookEditor.open(bytes);
  for (const n of reopened.ownedNames()) {
    if (n.memo.kind === "section") landed.sections[n.name] = n.ref;
    if (n.memo.kind === "mark") landed.markedCells.push(n.ref);
  }
  return landed;
}

async function throughExcel(
  snapshot: ReturnType<typeof snapshotFromWorkbook>,
  plan: WritePlan
): Promise<Landed> {
  const host = createFakeExcel({
    sheets: JSON.parse(JSON.stringify(snapshot.sheets)),
    active: "Case",
  });
  await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
  const dump: FakeDump = host.model.dump();
  const sheet = dump.sheets.find((s) => s.name === "Case")!;
  const landed: Landed = {
    cells: {},
    fills: {},
    notes: {},
    highlights: [],
    sections: {},
    markedCells: [],
  };
  for (const [address, c] of Object.entries(sheet.cells)) {
    if (c.f === null && (c.v === null || c.v === undefined)) continue;
    landed.cells[address] = { formula: c.f, value: c.f ? null : c.v, numberFormat: c.nf };
    // Every cell ITOS wrote carries its cell style, the mark the file adapter's cells carry too.
    if (plan.cells.some((p) => a1(p.row, p.col) === address))
      expect(c.st).toBe("ITOS Payback output");
  }
  for (const m of plan.marks) {
    const address = a1(m.row, m.col);
    landed.fills[address] = sheet.cells[address]?.fill ?? null;
    const note = dump.notes[`Case!${address}`];
    if (note !== undefined) landed.notes[address] = note;
  }
  for (const cf of sheet.conditionalFormats)
    landed.highlights.push({ range: cf.range, formula: cf.formula ?? "" });
  for (const n of dump.names) {
    expect(isOwnedName(n.name, n.comment)).toBe(true);
    const kind = readNameMemo(n.comment)?.kind;
    const ref = n.formula.replace(/^=/, "");
    if (kind === "section") landed.sections[n.name] = ref;
    if (kind === "mark") landed.markedCells.push(ref);
  }
  return landed;
}

test("the same plan lands the same in a file and in Excel", async () => {
  const wb = caseWorkbook();
  const input = Buffer.from(await wb.xlsx.writeBuffer());
  const snapshot = snapshotFromWorkbook(wb);
  const caseSheet = snapshot.sheets[0];
  const plan = planAnalysis(analyseSheet(caseSheet), caseSheet, {});
  expect(plan.marks.map((m) => a1(m.row, m.col))).toEqual(["C4", "D4", "F4"]);
  const plain = { ...plan, charts: [] }; // the chart is the add-in's alone

  const file = await throughFile(input, plain);
  const excel = await throughExcel(snapshot, plain);

  expect(Object.keys(excel.cells).sort()).toEqual(Object.keys(file.cells).sort());
  expect(excel.cells).toEqual(file.cells);
  // The cumulative formulas are there in both (E26 is Jul-22's, from the file adapter's own test).
  expect(file.cells.E26.formula).toMatch(/^=/);
  expect(excel.fills).toEqual(file.fills);
  expect(Object.values(file.fills)).toEqual(["#FFC7CE", "#FFC7CE", "#FFC7CE"]);
  expect(excel.notes).toEqual(file.notes);
  expect(file.notes.C4).toMatch(/Stated \(90\); expected \(100\)/);
  expect(excel.highlights).toEqual(file.highlights);
  expect(file.highlights).toHaveLength(1);
  expect(excel.sections).toEqual(file.sections);
  expect(file.sections.ITOS_Output).toBe("Case!$A$6:$F$35");
  expect(excel.markedCells.sort()).toEqual(file.markedCells.sort());
  expect(file.markedCells.sort()).toEqual(["Case!$C$4", "Case!$D$4", "Case!$F$4"]);
});
