/**
 * The adapter within Excel on the web's limits and on hosts with older requirement sets, on the
 * in-memory host that enforces them (5 MB per request and response, 5 million cells per read).
 */
import { readActiveSheet } from "../../src/excel/readSnapshot";
import { applyPlanInContext } from "../../src/excel/applyPlan";
import { detectInContext, analyseInContext, reconcileInContext } from "../../src/excel/operations";
import * as fs from "fs";
import * as path from "path";
import { clearMarksInContext, removeOutputInContext } from "../../src/excel/removeOutput";
import { REQUIRED_EXCEL_API } from "../../src/excel/apiSets";
import { MULTI_AREA_NOTE } from "../../src/excel/readSnapshot";
import { createFakeExcel, type FakeHost } from "../browser/fakeExcelHost";
import { outputPlan, userSheet, SHEET } from "./syncCounter";
import { APPENDIX, sandwellWorkbook } from "./sandwellHost";

const FIVE_MB = 5 * 1024 * 1024;

async function sandwellOn(excelApi: string): Promise<FakeHost> {
  const wb = await sandwellWorkbook();
  return createFakeExcel(
    { sheets: JSON.parse(JSON.stringify(wb.sheets)), active: APPENDIX },
    { excelApi }
  );
}

/** The adapter asks Office.context.requirements: let it ask this host. */
function asOffice(host: FakeHost): void {
  (globalThis as { Office?: unknown }).Office = host.Office;
}
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("large sheets", () => {
  it("reads a 200,000-row sheet in bands under 5 MB each, and writes 200,000 rows of output back", async () => {
    const rows = 200_000;
    const host = createFakeExcel({ sheets: [userSheet(rows)] });
    asOffice(host);
    const read = await host.Excel.run((ctx) => readActiveSheet(ctx));
    expect(read.snapshot.values).toHaveLength(rows);
    expect(read.snapshot.values[rows - 1][1]).toBe(-1000 - ((rows - 1) % 7));
    expect(read.snapshot.numberFormats![rows - 1][0]).toBe("mmm-yy");
    const readSyncs = host.model.syncs;
    expect(readSyncs).toBeGreaterThan(3);
    expect(Math.max(...host.model.responses)).toBeLessThan(FIVE_MB);

    const applied = await host.Excel.run((ctx) => applyPlanInContext(ctx, outputPlan(rows)));
    expect(applied.syncs).toBeGreaterThan(2);
    expect(Math.max(...host.model.requests)).toBeLessThan(FIVE_MB);
    const sheet = host.model.dump().sheets.find((s) => s.name === SHEET)!;
    const last = outputPlan(rows)
      .cells.filter((c) => c.col === 4)
      .pop()!;
    expect(sheet.cells[`E${last.row + 1}`].f).toBe(last.formula);
    expect(sheet.cells[`F${rows + 2}`].bold).toBe(true);
  }, 400_000);

  it("reads only the rows holding values when the sheet is formatted down to row 1,048,576", async () => {
    const host = createFakeExcel({
      sheets: [{ ...userSheet(40), formattedOnly: ["A1:F1048576"] }],
    });
    const read = await host.Excel.run((ctx) => readActiveSheet(ctx));
    expect(read.snapshot.values).toHaveLength(40);
    expect(host.model.syncs).toBe(2);
    expect(Math.max(...host.model.responses)).toBeLessThan(100_000);
  });
});

describe("a multi-area (Ctrl-click) selection", () => {
  it.each(["1.18", "1.8"])(
    "Detect reads the whole sheet and says how to narrow it (ExcelApi %s)",
    async (excelApi) => {
      const host = await sandwellOn(excelApi);
      asOffice(host);
      host.model.select(APPENDIX, "B5:C6,E9:F12");
      const detection = await host.Excel.run((ctx) => detectInContext(ctx, {}));
      expect(detection.read.selectionNote).toBe(MULTI_AREA_NOTE);
      expect(detection.read.fromSelection).toBe(false);
      expect(detection.analysis.model.periods).toHaveLength(42);
    }
  );
});

describe("a host with an older requirement set than the newest ITOS can use", () => {
  it("formats headers cell by cell without setCellProperties (ExcelApi 1.8): the same cells as with it", async () => {
    const newer = await sandwellOn("1.18");
    asOffice(newer);
    await newer.Excel.run((ctx) => analyseInContext(ctx, { options: {} }));
    const older = await sandwellOn("1.8");
    asOffice(older);
    await older.Excel.run((ctx) => analyseInContext(ctx, { options: {} }));
    const cellsOf = (h: FakeHost) => h.model.dump().sheets.find((s) => s.name === APPENDIX)!.cells;
    const bold = Object.entries(cellsOf(older)).filter(([, c]) => c.bold);
    expect(bold.length).toBeGreaterThan(3);
    expect(cellsOf(older)).toEqual(cellsOf(newer));
    expect(older.model.dump().names).toEqual(newer.model.dump().names);
  });

  it("marks mismatches with a fill and no note without notes (ExcelApi 1.17), and clears them back", async () => {
    const host = await sandwellOn("1.17");
    asOffice(host);
    const before = host.model.dump();
    const run = await host.Excel.run((ctx) => reconcileInContext(ctx, {}));
    expect(run.marksWritten).toBeGreaterThan(0);
    const marked = host.model.dump();
    expect(marked.notes).toEqual({});
    const summary = marked.sheets.find((s) => s.name === "Summary")!;
    expect(summary.cells.E5.fill).toBeTruthy();
    expect(
      marked.names
        .filter((n) => n.name.startsWith("ITOS_Mark_"))
        .every((n) => /"kind":"mark".*"note":false/.test(n.comment))
    ).toBe(true);
    await host.Excel.run((ctx) => clearMarksInContext(ctx));
    expect(host.model.dump().sheets).toEqual(before.sheets);
    expect(host.model.dump().names).toEqual([]);
  });
});

describe("the declared requirement set", () => {
  it("manifest.xml requires the ExcelApi set the adapter needs, in both Requirements elements", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const declared = [...manifest.matchAll(/Set Name="ExcelApi" MinVersion="([\d.]+)"/g)].map(
      (m) => m[1]
    );
    expect(declared).toEqual([REQUIRED_EXCEL_API, REQUIRED_EXCEL_API]);
  });

  it("everything works on a host offering exactly that set: nothing newer is called without a check", async () => {
    const host = await sandwellOn(REQUIRED_EXCEL_API);
    asOffice(host);
    const before = host.model.dump();
    await host.Excel.run((ctx) => detectInContext(ctx, {}));
    await host.Excel.run((ctx) => analyseInContext(ctx, { options: {} }));
    await host.Excel.run((ctx) => analyseInContext(ctx, { options: {}, newSheet: true }));
    const rec = await host.Excel.run((ctx) => reconcileInContext(ctx, {}));
    expect(rec.marksWritten).toBeGreaterThan(0);
    await host.Excel.run((ctx) => removeOutputInContext(ctx));
    expect(host.model.dump().sheets).toEqual(before.sheets);
    expect(host.model.dump().names).toEqual([]);
  });

  it("and a host below it cannot run Analyse (the set is really needed)", async () => {
    const host = await sandwellOn("1.6");
    asOffice(host);
    await expect(host.Excel.run((ctx) => analyseInContext(ctx, { options: {} }))).rejects.toThrow(
      /needs ExcelApi 1\.[67]/
    );
  });
});
