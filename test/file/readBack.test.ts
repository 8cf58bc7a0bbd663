/**
 * ITOS's output is never input: `analyse` and `reconcile` read a file `apply` wrote as the user's
 * grid only, so the Sandwell demo's output analyses to the same answers as the input.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { applyToFile, readWorkbook } from "../../src/file";
import { analyseWorkbook, sheetReportJson } from "../../src/grid";

const FIXTURES = path.join(__dirname, "..", "fixtures");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-readback-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function reports(file: string): Promise<unknown[]> {
  return analyseWorkbook(await readWorkbook(file)).map((a) => sheetReportJson(a.analysis));
}

test.each([
  "sandwell-invest-to-save.xlsx",
  "layout-long-row.xlsx",
  "layout-offset-notes.xlsx",
  "reconcile-annual-investment.xlsx",
])(
  "%s: the applied file reads as the same workbook and analyses to the same answers",
  async (fixture) => {
    const input = path.join(FIXTURES, fixture);
    const out = path.join(dir, `applied-${fixture}`);
    await applyToFile(input, out);
    expect(await readWorkbook(out)).toEqual(await readWorkbook(input));
    expect(await reports(out)).toEqual(await reports(input));
  }
);

test("the Sandwell output still gives the paper's answers: Jan-23 crossover, Jan-24 break-even", async () => {
  const out = path.join(dir, "sandwell-demo.xlsx");
  await applyToFile(path.join(FIXTURES, "sandwell-invest-to-save.xlsx"), out);
  const [sheet] = analyseWorkbook(await readWorkbook(out));
  const r = sheet.analysis.result;
  expect(r.periods[r.crossover ?? -1]?.label).toBe("Jan-23");
  expect(r.breakEven).toMatchObject({ status: "reached" });
  expect(r.periods[(r.breakEven as { index: number }).index].label).toBe("Jan-24");
});

test("a formatted but empty cell at A1048576 does not widen the snapshot: it is sized by content", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Case");
  ws.addRows([
    [null, "Apr-22", "May-22"],
    ["Investment", -1000, null],
  ]);
  ws.getCell("A1048576").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FFFFFF00" },
  };
  ws.getCell("XFD1").numFmt = "0.00";
  const file = path.join(dir, "formatted-edge.xlsx");
  await wb.xlsx.writeFile(file);
  const [sheet] = (await readWorkbook(file)).sheets;
  expect(sheet.values).toEqual([
    [null, "Apr-22", "May-22"],
    ["Investment", -1000, null],
  ]);
});
