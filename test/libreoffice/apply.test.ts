/**
 * LibreOffice Calc checks what `itos apply` writes. For the Sandwell workbook and every layout
 * fixture: run the command, recalculate its output in LibreOffice (forced full recalculation), and
 * prove that every formula ITOS wrote evaluates to the engine's number cached beside it (to the
 * penny), that every cell ITOS wrote is tagged by an ITOS_ name, and that no pre-existing cell
 * changed, neither as stored nor as LibreOffice computes it. Also renders the analysed Sandwell
 * sheet to docs/sandwell-analysed.pdf and .png.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { csvCell, pdfPageToPng, recalculateToCsv, renderToPdf } from "../support/libreoffice";
import { insideItosName, loadCells, type CellRecord } from "./workbookCells";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "test/fixtures");
const SANDWELL = "sandwell-invest-to-save.xlsx";
const PENNY = 0.005;

const fixtures = [
  SANDWELL,
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => /^layout-.*\.xlsx$/.test(f))
    .sort(),
];
/** Fixtures made to have no payback grid: the command must refuse them, naming the problem. */
const refused = (name: string) => /no-grid/.test(name);

function itosApply(
  input: string,
  out: string
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node",
      [path.join(ROOT, "bin/itos.js"), "apply", input, "--out", out],
      { timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 99) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}

/** A number as LibreOffice's CSV writes it: percentages keep their sign ("31.5%"), the rest are plain. */
function csvNumber(text: string): number {
  const t = text.trim();
  if (t === "") return NaN;
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
}

/** Money agrees to the penny; ratios and months to nine significant places. */
function tolerance(cell: CellRecord): number {
  const isMoney = cell.numFmt !== null && /#,##0|£/.test(cell.numFmt) && !/%/.test(cell.numFmt);
  return isMoney ? PENNY : 1e-9 * Math.max(1, Math.abs(Number(cell.value)));
}

/** Does LibreOffice's recalculated text agree with the value the engine cached? */
function agrees(cell: CellRecord, computed: string): boolean {
  const cached = cell.value;
  if (typeof cached === "number") return Math.abs(csvNumber(computed) - cached) <= tolerance(cell);
  if (typeof cached === "boolean") return computed.toUpperCase() === String(cached).toUpperCase();
  if (cached === null || cached === "") return computed === "";
  if (typeof cached === "object" && cached !== null && "error" in cached)
    return computed === String((cached as { error: string }).error);
  return computed === String(cached);
}

let work: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "dist/cli/main.js")))
    throw new Error("The itos command is not built: run npm run build:cli first.");
  work = fs.mkdtempSync(path.join(os.tmpdir(), "itos-lo-apply-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const summary: string[] = [];
afterAll(() =>
  console.log(`LibreOffice recalculation of itos apply output:\n${summary.join("\n")}`)
);

describe.each(fixtures)("itos apply %s, recalculated by LibreOffice", (fixture) => {
  const input = path.join(FIXTURES, fixture);

  if (refused(fixture)) {
    it("is refused with a one-line message and no output file", async () => {
      const out = path.join(work, `refused-${fixture}`);
      const run = await itosApply(input, out);
      expect(run.code).not.toBe(0);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^itos: .+/);
      expect(fs.existsSync(out)).toBe(false);
      summary.push(`  ${fixture}: refused (${run.stderr.trim()})`);
    }, 120_000);
    return;
  }

  it("writes formulas that LibreOffice evaluates to the engine's cached numbers, and changes no existing cell", async () => {
    const out = path.join(work, fixture.replace(/\.xlsx$/, "-analysed.xlsx"));
    const run = await itosApply(input, out);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });

    const before = await loadCells(input);
    const after = await loadCells(out);

    // Nothing that was there changed, as stored.
    const changedStored: string[] = [];
    for (const [key, cell] of before.cells) {
      const now = after.cells.get(key);
      if (
        !now ||
        now.formula !== cell.formula ||
        JSON.stringify(now.value) !== JSON.stringify(cell.value)
      )
        changedStored.push(key);
    }
    expect(changedStored).toEqual([]);

    // Everything new is ITOS output, and tagged by an ITOS_ name.
    const written: CellRecord[] = [...after.cells.entries()]
      .filter(([key]) => !before.cells.has(key))
      .map(([, c]) => c);
    expect(written.length).toBeGreaterThan(0);
    expect(
      written
        .filter((c) => !insideItosName(c, after.names))
        .map((c) => `${c.sheet}!r${c.row}c${c.col}`)
    ).toEqual([]);
    const formulas = written.filter((c) => c.formula !== null);
    expect(formulas.length).toBeGreaterThan(0);

    // LibreOffice recalculates both files from scratch.
    const [original, recalculated] = [await recalculateToCsv(input), await recalculateToCsv(out)];

    const wrong = formulas
      .map((c) => ({ c, computed: csvCell(recalculated[c.sheet] ?? [], c.row, c.col) }))
      .filter(({ c, computed }) => !agrees(c, computed))
      .map(
        ({ c, computed }) =>
          `${c.sheet}!r${c.row + 1}c${c.col + 1} =${c.formula}: engine ${JSON.stringify(c.value)}, LibreOffice ${computed}`
      );
    expect(wrong).toEqual([]);

    const changedComputed = [...before.cells.values()]
      .filter(
        (c) =>
          csvCell(original[c.sheet] ?? [], c.row, c.col) !==
          csvCell(recalculated[c.sheet] ?? [], c.row, c.col)
      )
      .map((c) => `${c.sheet}!r${c.row + 1}c${c.col + 1}`);
    expect(changedComputed).toEqual([]);

    summary.push(
      `  ${fixture}: ${formulas.length} formulas agree to the penny, ${written.length} cells written, ${before.cells.size} existing cells unchanged`
    );
  }, 300_000);
});

describe("the analysed Sandwell sheet, rendered", () => {
  // The pictures land in the test's work folder; ITOS_UPDATE_DOCS=1 refreshes the README's copies
  // in docs/, so an ordinary test run leaves the working tree as it was.
  it("prints to PDF and PNG (docs/ with ITOS_UPDATE_DOCS=1)", async () => {
    const analysed = path.join(work, "sandwell-render.xlsx");
    expect((await itosApply(path.join(FIXTURES, SANDWELL), analysed)).code).toBe(0);
    // Only the analysed sheet, fitted to one page, so the grid and the analysis print together; the
    // amount columns are widened just enough that bold six-figure totals print instead of ###.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(analysed);
    for (const ws of [...wb.worksheets]) if (ws.name !== "Appendix 1") wb.removeWorksheet(ws.id);
    const sheet = wb.getWorksheet("Appendix 1")!;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      printArea: undefined,
    };
    for (let c = 2; c <= sheet.columnCount; c++) {
      const column = sheet.getColumn(c);
      column.width = Math.max(column.width ?? 9, 10.5);
    }
    const printable = path.join(work, "sandwell-analysed.xlsx");
    await wb.xlsx.writeFile(printable);

    const pdf = await renderToPdf(printable, work);
    const docs = process.env.ITOS_UPDATE_DOCS === "1" ? path.join(ROOT, "docs") : work;
    if (docs !== work) fs.copyFileSync(pdf, path.join(docs, "sandwell-analysed.pdf"));
    const png = await pdfPageToPng(pdf, path.join(docs, "sandwell-analysed"), 1, 150);
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(20_000);
  }, 300_000);
});
