/**
 * The portfolio workbook (`itos portfolio --out`) recalculated by LibreOffice Calc (a forced full
 * recalculation): its totals row, live SUBTOTAL formulas over the table, equals the sum of the
 * rows added up here, column by column; each row links to its source workbook; the table has its
 * filter buttons and the verdicts their conditional formats.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { recalculateToCsv } from "../support/libreoffice";
import { buildPortfolio, ensureBuilt, itos, READABLE, UNREADABLE } from "../support/portfolio";

const SUMMED = [
  "Investment (£)",
  "Return (£)",
  "Net (£)",
  "NPV (£)",
  "Totals checked",
  "Mismatches",
];

let dir: string;
let out: string;
let recalculated: Promise<Record<string, string[][]>> | null = null;
/** One LibreOffice run for every test that reads recalculated values. */
const recalculatedSheets = () => (recalculated ??= recalculateToCsv(out));
let doc: {
  cases: {
    file: string;
    sheet: string | null;
    unit?: string;
    totals?: { net: number };
    error: string | null;
  }[];
};

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-portfolio-lo-"));
  await buildPortfolio(path.join(dir, "cases"));
  // A folder that does not exist yet: the command makes it.
  out = path.join(dir, "report", "portfolio.xlsx");
  const run = await itos(dir, "portfolio", "cases", "--out", out, "--limit-years", "2", "--json");
  expect(run.code).toBe(0);
  doc = JSON.parse(run.stdout);
}, 120_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the portfolio workbook", () => {
  test("LibreOffice's recalculated totals row equals the sum of the rows", async () => {
    const sheets = await recalculatedSheets();
    const grid = sheets["ITOS Portfolio"];
    const header = grid.findIndex((r) => r[0] === "Rank");
    const totals = grid.findIndex((r, i) => i > header && r[0] === "Total");
    expect(header).toBeGreaterThan(0);
    const rows = grid.slice(header + 1, totals);
    expect(rows).toHaveLength(doc.cases.length);
    const col = (name: string) => grid[header].indexOf(name);
    for (const name of SUMMED) {
      const c = col(name);
      expect(c).toBeGreaterThan(0);
      const sum = rows.reduce((acc, r) => acc + (r[c] === "" ? 0 : Number(r[c])), 0);
      expect(Number(grid[totals][c])).toBeCloseTo(sum, 2);
    }
    // The workbook column's total counts the cases.
    expect(Number(grid[totals][col("Workbook")])).toBe(doc.cases.length);
    // Amounts are in pounds: a £000s grid's net is its own figure times 1,000.
    const k = doc.cases.find((c) => c.unit === "£000s")!;
    const kRow = rows.find((r) => r[col("Workbook")] === k.file)!;
    expect(Number(kRow[col("Net (£)")])).toBeCloseTo(k.totals!.net * 1000, 2);
    const sandwell = rows.find((r) => r[col("Workbook")] === "cases/adults/sandwell.xlsx")!;
    expect(Number(sandwell[col("Net (£)")])).toBe(333511);
    expect(sandwell[col("Limit verdict")]).toBe("exceeds");
  }, 240_000);

  test("rows are ranked by payback, never-paid-back and unread workbooks last", async () => {
    const sheets = await recalculatedSheets();
    const grid = sheets["ITOS Portfolio"];
    const header = grid.findIndex((r) => r[0] === "Rank");
    const totals = grid.findIndex((r, i) => i > header && r[0] === "Total");
    const rows = grid.slice(header + 1, totals);
    const h = grid[header];
    expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_, i) => i + 1));
    const status = rows.map((r) => r[h.indexOf("Status")]);
    const firstNever = status.findIndex((s) => s === "never");
    const firstError = status.indexOf("error");
    expect(status.slice(firstError)).toEqual(UNREADABLE.map(() => "error"));
    expect(status.slice(0, firstNever).every((s) => s === "paid back" || s === "late")).toBe(true);
    const paybacks = rows.slice(0, firstNever).map((r) => Number(r[h.indexOf("Payback (years)")]));
    expect(paybacks).toEqual([...paybacks].sort((a, b) => a - b));
  }, 240_000);

  test("each row links to its source workbook, relative to the portfolio file", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("ITOS Portfolio")!;
    const links: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(2).value as { text?: string; hyperlink?: string } | null;
      if (v && typeof v === "object" && v.hyperlink) {
        const target = path.resolve(
          path.dirname(out),
          ...v.hyperlink.split("/").map(decodeURIComponent)
        );
        expect(path.relative(dir, target).split(path.sep).join("/")).toBe(v.text);
        links.push(v.text as string);
      }
    });
    for (const f of [...READABLE.map((r) => r.file), ...UNREADABLE.map((u) => u.file)])
      expect(links).toContain(`cases/${f}`);
    for (const l of links) await expect(fs.access(path.join(dir, l))).resolves.toBeUndefined();
  });

  test("an Excel table with filter buttons and a totals row, and verdict colours as conditional formats", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const table = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(table).toContain('name="ITOS_Portfolio"');
    expect(table).toContain('totalsRowCount="1"');
    expect(table).toContain("<autoFilter");
    expect(table).not.toContain('hiddenButton="1"');
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<f>SUBTOTAL\(109,ITOS_Portfolio\[Net \(£\)\]\)<\/f>/);
    const rules = [...sheet.matchAll(/<formula>\$([A-Z]+)\d+=&quot;([a-z ]+)&quot;<\/formula>/g)];
    const words = (column: string) => rules.filter((m) => m[1] === column).map((m) => m[2]);
    // Status is column E, Limit verdict column F.
    expect(words("E")).toEqual(expect.arrayContaining(["paid back", "late", "never", "error"]));
    expect(words("F")).toEqual(expect.arrayContaining(["within", "exceeds", "never"]));
  });
});
