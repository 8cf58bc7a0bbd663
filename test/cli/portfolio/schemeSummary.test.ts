/**
 * Scheme summaries in the portfolio: a sheet with a table of schemes and no timeline gives one
 * row per scheme (cost as the investment, annual saving, cost ÷ saving, the stated payback and
 * its stated total savings checked), in the JSON, the text and the --out workbook. The oracles
 * are the hand-worked figures of test/support/realLayouts.ts for the real fixtures, and figures
 * worked out below for a workbook built here (a table of schemes beside a payback grid).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { casesOfWorkbook } from "../../../src/cli/portfolio/readCases";
import {
  isSummaryCase,
  type PortfolioCase,
  type SummaryCase,
} from "../../../src/cli/portfolio/cases";
import { ensureBuilt, itos } from "../../support/portfolio";
import { REAL_CASES } from "../../support/realLayouts";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const REAL = path.join(FIXTURES, "real-layouts");

function summaryRows(cases: PortfolioCase[]): SummaryCase[] {
  return cases.filter(isSummaryCase);
}

describe("a scheme summary's rows (council-led-schemes-summary / LED schemes)", () => {
  const oracle = REAL_CASES.find((x) => x.file === "council-led-schemes-summary.xlsx")!;

  test("one row per scheme: cost, annual saving, cost ÷ saving and the stated payback, as worked by hand", async () => {
    const cases = await casesOfWorkbook({
      path: path.join(REAL, oracle.file),
      file: oracle.file,
      options: {},
    });
    const rows = summaryRows(cases);
    expect(cases).toHaveLength(rows.length);
    const want = oracle.schemeSummary!;
    expect(rows.map((r) => [r.sheet, r.scheme, r.cell])).toEqual(
      want.map((w) => [oracle.sheet, w.label, `${oracle.sheet}!${w.labelCell}`])
    );
    rows.forEach((r, i) => {
      const w = want[i];
      expect([r.cost, r.annualSaving]).toEqual([w.cost, w.annualSaving]);
      // 1,300,000 / 213,000 = 6.1033; 9,200,000 / 1,843,000 = 4.9919; 6,000,000 / 500,000 = 12.
      expect(r.paybackYears).toBeCloseTo(w.computedYears!, 4);
      expect([r.paybackFrom, r.convention, r.error]).toEqual([
        "cost / annual saving",
        "simple",
        null,
      ]);
      expect(r.stated?.cell ?? null).toBe(w.stated ? `${oracle.sheet}!${w.stated.cell}` : null);
      if (w.stated) expect(r.stated!.matches).toBe(w.stated.reproducedBy.includes("simple"));
      expect(r.limit).toBeNull();
    });
    // Ealing (row 8): G8 states 500,000 = 400,000 + 100,000, the only stated total on the sheet.
    expect(rows.map((r) => r.reconciliation.checked)).toEqual([0, 0, 0, 0, 1]);
    expect(rows[4].reconciliation).toMatchObject({ match: 1, rounding: 0, mismatch: [] });
  });

  test("a saving that is not a figure: the stated payback is the headline, with a note naming the cell", async () => {
    const file = "insulation-measures-summary.xlsx";
    const cases = await casesOfWorkbook({ path: path.join(REAL, file), file, options: {} });
    const chimney = summaryRows(cases).find((r) => r.scheme === "Chimney draught exclusion")!;
    // Payback!D5 states "6 months": 6 / 12 = 0.5 years; C5 holds text, so no cost ÷ saving.
    expect([chimney.annualSaving, chimney.paybackYears, chimney.paybackFrom]).toEqual([
      null,
      0.5,
      "stated",
    ]);
    expect(chimney.messages.join(" ")).toContain("Payback!C5");
    expect(chimney.messages.join(" ")).toContain("Payback!D5");
    // Hot water tank lagging: 15 / 130 = 0.1154 years against "1.5 months" = 0.125: does not follow.
    const lagging = summaryRows(cases).find((r) => r.scheme === "Hot water tank lagging")!;
    expect(lagging.paybackYears).toBeCloseTo(15 / 130, 4);
    expect(lagging.stated).toMatchObject({ cell: "Payback!D4", matches: false });
    // The note about C5 is the chimney's only: the other rows carry none.
    expect(lagging.messages).toEqual([]);
  });
});

/**
 * A workbook built here: "Schemes", a table with a total column and a payback in years, then
 * "Cash flow", a copy of the layout-annual-positive grid.
 *   Boiler replacement: 50,000 / 10,000 = 5 years, stated 5 (follows); 8,000 + 2,000 = 10,000.
 *   Roof solar panels: 90,000 / 15,000 (the stated total) = 6 years, stated 6 (follows);
 *     9,000 + 3,000 = 12,000, not the 15,000 stated in E5: a mismatch of 3,000.
 *   Cavity wall insulation: 12,000 / 2,000 = 6 years, stated 5 (does not follow); 1,500 + 500 = 2,000.
 */
const SCHEMES: [string, number, number, number, number, number][] = [
  ["Boiler replacement", 50000, 8000, 2000, 10000, 5],
  ["Roof solar panels", 90000, 9000, 3000, 15000, 6],
  ["Cavity wall insulation", 12000, 1500, 500, 2000, 5],
];

async function buildMixedWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Schemes");
  ws.getCell("A1").value = "Energy schemes 2025/26";
  ws.getRow(3).values = [
    "Scheme",
    "Cost",
    "Energy saving a year",
    "Maintenance saving a year",
    "Total saving a year",
    "Payback (years)",
  ];
  SCHEMES.forEach((s, i) => (ws.getRow(4 + i).values = s));
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(path.join(FIXTURES, "layout-annual-positive.xlsx"));
  const grid = wb.addWorksheet("Cash flow");
  source.worksheets[0].eachRow((row, r) =>
    row.eachCell((cell, c) => {
      grid.getCell(r, c).value = cell.value;
      grid.getCell(r, c).numFmt = cell.numFmt;
    })
  );
  await wb.xlsx.writeFile(file);
}

describe("itos portfolio over a workbook with a table of schemes beside a payback grid", () => {
  let dir: string;
  let gridAlone: { breakEven: string | null; paybackYears: number | null };

  beforeAll(async () => {
    ensureBuilt();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-portfolio-schemes-"));
    await buildMixedWorkbook(path.join(dir, "energy.xlsx"));
    const alone = await itos(FIXTURES, "analyse", "layout-annual-positive.xlsx", "--json");
    gridAlone = JSON.parse(alone.stdout).sheets[0];
  }, 120_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("JSON: a row per scheme then the grid's, in tab order, with limit verdicts and the total that does not add up", async () => {
    const run = await itos(dir, "portfolio", ".", "--json", "--limit-years", "5.5", "--jobs", "2");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.cases.map((c: PortfolioCase) => [c.sheet, c.scheme])).toEqual([
      ...SCHEMES.map((s) => ["Schemes", s[0]]),
      ["Cash flow", null],
    ]);
    const [boiler, solar, cavity] = doc.cases as SummaryCase[];
    expect([boiler.cost, boiler.annualSaving, boiler.paybackYears]).toEqual([50000, 10000, 5]);
    expect([solar.cost, solar.annualSaving, solar.paybackYears]).toEqual([90000, 15000, 6]);
    expect([cavity.cost, cavity.annualSaving, cavity.paybackYears]).toEqual([12000, 2000, 6]);
    expect([boiler, solar, cavity].map((c) => c.stated!.matches)).toEqual([true, true, false]);
    // Limit 5.5 years: 5.5 - 5 = 0.5 to spare; 5.5 - 6 = -0.5 over.
    expect(boiler.limit).toEqual({ years: 5.5, verdict: "within", marginYears: 0.5 });
    expect(solar.limit).toEqual({ years: 5.5, verdict: "exceeds", marginYears: -0.5 });
    expect(solar.reconciliation).toEqual({
      checked: 1,
      match: 0,
      rounding: 0,
      mismatch: [
        {
          cell: "Schemes!E5",
          stated: 15000,
          sumOfParts: 12000,
          parts: ["Schemes!C5", "Schemes!D5"],
          status: "mismatch",
        },
      ],
    });
    expect(boiler.reconciliation).toMatchObject({ checked: 1, match: 1, mismatch: [] });
    const grid = doc.cases[3];
    expect([grid.breakEven, grid.paybackYears]).toEqual([
      gridAlone.breakEven,
      gridAlone.paybackYears,
    ]);
    const gridLate = (gridAlone.paybackYears as number) > 5.5 ? 1 : 0;
    expect(doc.summary).toEqual({
      cases: 4,
      paidBack: 2 - gridLate,
      late: 2 + gridLate,
      never: 0,
      errors: 0,
      mismatches: 1,
    });
    const one = await itos(dir, "portfolio", ".", "--json", "--limit-years", "5.5", "--jobs", "1");
    expect(one.stdout).toBe(run.stdout);
  }, 60_000);

  test("text: each scheme's line names its sheet and scheme, its figures and whether the stated payback follows", async () => {
    const run = await itos(dir, "portfolio", "energy.xlsx");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^Portfolio: 4 cases from 1 workbook: .*; 1 with totals that do not add up\.$/
    );
    expect(lines[2]).toBe(
      "  energy.xlsx [Schemes / Roof solar panels] (scheme summary): cost 90,000, annual saving 15,000: payback 6.00 years (cost ÷ saving); stated Schemes!F5 '6' follows; 1 of 1 stated totals do not add up"
    );
    expect(lines[3]).toContain("stated Schemes!F6 '5' does not follow");
  }, 60_000);

  test("--out: the schemes are rows of the portfolio table, cost as the investment (money out)", async () => {
    const out = path.join(dir, "..", `${path.basename(dir)}-portfolio.xlsx`);
    try {
      const run = await itos(dir, "portfolio", ".", "--out", out);
      expect(run.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.worksheets[0];
      const header = ws.getRow(5);
      const col: Record<string, number> = {};
      header.eachCell((c, i) => (col[String(c.value)] = i));
      const rowOf = (scheme: string) => {
        for (let r = 6; r <= ws.rowCount; r++)
          if (ws.getCell(r, col["Scheme"]).value === scheme) return ws.getRow(r);
        throw new Error(`no row for ${scheme}`);
      };
      const solar = rowOf("Roof solar panels");
      const at = (name: string) => solar.getCell(col[name]).value;
      expect([at("Sheet"), at("Status"), at("Investment (£)"), at("Annual saving (£)")]).toEqual([
        "Schemes",
        "paid back",
        -90000,
        15000,
      ]);
      expect([at("Payback (years)"), at("Payback (months)"), at("Convention")]).toEqual([
        6,
        72,
        "simple",
      ]);
      expect([at("Stated payback"), at("Stated payback follows")]).toEqual([
        "Schemes!F5 '6'",
        "yes",
      ]);
      expect([at("Totals checked"), at("Mismatches"), at("Return (£)")]).toEqual([1, 1, null]);
      // Ranked by payback: the boiler (5 years) comes before the solar panels (6 years).
      expect(rowOf("Boiler replacement").getCell(col["Rank"]).value).toBeLessThan(
        solar.getCell(col["Rank"]).value as number
      );
    } finally {
      await fs.rm(out, { force: true });
    }
  }, 60_000);
});

describe("text lines over the real layouts", () => {
  test("a case's checked totals are counted in words that agree: '1 stated total adds up', '16 stated totals add up'", async () => {
    ensureBuilt();
    const run = await itos(FIXTURES, "portfolio", "real-layouts", "--json", "--jobs", "1");
    const text = await itos(FIXTURES, "portfolio", "real-layouts", "--jobs", "1");
    const cases = JSON.parse(run.stdout).cases as {
      error: string | null;
      reconciliation?: { checked: number; mismatch: unknown[] };
    }[];
    // The oracle: each read case's own count of checked totals, from the JSON.
    const expected = cases
      .filter((c) => c.error === null && c.reconciliation && c.reconciliation.checked > 0)
      .filter((c) => c.reconciliation!.mismatch.length === 0)
      .map((c) => c.reconciliation!.checked)
      .map((n) => (n === 1 ? "1 stated total adds up" : `${n} stated totals add up`));
    const said = text.stdout
      .split("\n")
      .map((l) => /; (\d+ stated totals? adds? up)$/.exec(l)?.[1])
      .filter((x): x is string => x !== undefined);
    expect(expected).toContain("1 stated total adds up");
    expect(said).toEqual(expected);
  }, 60_000);
});
