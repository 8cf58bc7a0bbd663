/**
 * Plan versus actual where each period across the sheet has a Plan and an Actual sub-column: a
 * header row of months, each heading two columns, and "Plan | Actual" under them. Workbooks
 * written here with exceljs; every answer worked out by hand from the figures they hold.
 *
 * Figures: plan -1,200 in Apr-24, then 200 a month May-24 to Mar-25; actual -1,300 in Apr-24,
 * then 150 a month May-Jul 24, nothing entered from Aug-24.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/file";
import { analyseSheet, sheetReportJson } from "../../src/grid";
import type { WorkbookSnapshot } from "../../src/sheet";

const PLAN_INVESTMENT = [-1200, ...new Array(11).fill(0)];
const PLAN_SAVINGS = [0, ...new Array(11).fill(200)];
const ACTUAL_INVESTMENT = [-1300, 0, 0, 0];
const ACTUAL_SAVINGS = [0, 150, 150, 150];

interface Layout {
  /** The sub-heading of the first column of each pair, then of the second. */
  words: [string, string];
  /** Merge each month's heading over its two columns. */
  merged: boolean;
  /** A Total pair after the months, with these stated totals [plan, actual] for each line. */
  totals?: { investment: [number, number]; savings: [number, number] };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-period-pairs-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function written(name: string, layout: Layout): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tracker");
  const actualFirst = layout.words[0].toLowerCase() === "actual";
  for (let i = 0; i < 12; i++) {
    const c = 2 + 2 * i;
    const head = ws.getCell(1, c);
    head.value = new Date(Date.UTC(2024, 3 + i, 1));
    head.numFmt = "mmm-yy";
    if (layout.merged) ws.mergeCells(1, c, 1, c + 1);
    ws.getCell(2, c).value = layout.words[0];
    ws.getCell(2, c + 1).value = layout.words[1];
    const [planCol, actualCol] = actualFirst ? [c + 1, c] : [c, c + 1];
    ws.getCell(3, planCol).value = PLAN_INVESTMENT[i];
    ws.getCell(4, planCol).value = PLAN_SAVINGS[i];
    if (i < ACTUAL_INVESTMENT.length) {
      ws.getCell(3, actualCol).value = ACTUAL_INVESTMENT[i];
      ws.getCell(4, actualCol).value = ACTUAL_SAVINGS[i];
    }
  }
  ws.getCell(3, 1).value = "Investment";
  ws.getCell(4, 1).value = "Savings";
  if (layout.totals) {
    const c = 2 + 2 * 12; // Z
    ws.getCell(1, c).value = "Total";
    ws.getCell(2, c).value = layout.words[0];
    ws.getCell(2, c + 1).value = layout.words[1];
    const { investment, savings } = layout.totals;
    const [planCol, actualCol] = actualFirst ? [c + 1, c] : [c, c + 1];
    [ws.getCell(3, planCol).value, ws.getCell(3, actualCol).value] = investment;
    [ws.getCell(4, planCol).value, ws.getCell(4, actualCol).value] = savings;
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return readWorkbook(file);
}

function report(book: WorkbookSnapshot) {
  const sheet = book.sheets.find((s) => s.sheetName === "Tracker")!;
  return sheetReportJson(analyseSheet(sheet, {}, book));
}

// Plan to date (Apr-Jul): investment -1,200, savings 3 x 200 = 600, net -600.
// Actual to date: investment -1,300, savings 3 x 150 = 450, net -850.
// Variance -850 - (-600) = -250, 250 / 600 = 41.67%.
// Re-forecast: actuals -1,300, -1,150, -1,000, -850 to Jul-24, then the plan's 200 a month:
// -650 (Aug) .. -50 (Nov), +150 in Dec-24: 8 months + 50/200 = 8.25 months, 0.6875 years.
const TRACKED = {
  asOf: "2024-07",
  layout: "plan and actual columns",
  asOfFrom: "the last period with an actual figure entered (Jul-24)",
  planToDate: { investment: -1200, return: 600, net: -600 },
  actualToDate: { investment: -1300, return: 450, net: -850 },
  variance: -250,
  variancePct: -41.67,
  reforecast: { breakEven: "2024-12", paybackMonths: 8.25, paybackYears: 0.6875 },
  notes: [],
};

describe("Plan and Actual sub-columns under each month, periods across", () => {
  test("merged month headings over Plan | Actual: the plan's payback, and the actuals tracked", async () => {
    const json = report(await written("merged.xlsx", { words: ["Plan", "Actual"], merged: true }));
    // Plan alone: -1,200 then +200 a month: 0 in Oct-24, 6 + 200/200 = 7 months from Apr-24.
    expect(json.breakEven).toBe("2024-10");
    expect(json.paybackMonths).toBe(7);
    // 11 x 200 = 2,200 of savings; the actual figures are not added in.
    expect(json.totals).toEqual({ investment: -1200, return: 2200, net: 1000 });
    expect(json.tracking).toEqual(TRACKED);
    expect(json.messages.filter((m) => /sub-columns sit/.test(m))).toEqual([]);
  });

  test("Plan | Actual under the first 4 months only: the Actual columns are named as left out", async () => {
    // Apr-Jul each head a Plan and an Actual column (B:I); Aug-Mar one plan column each (J:Q).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    let col = 2;
    const actualCols: number[] = [];
    for (let i = 0; i < 12; i++) {
      const head = ws.getCell(1, col);
      head.value = new Date(Date.UTC(2024, 3 + i, 1));
      head.numFmt = "mmm-yy";
      ws.getCell(3, col).value = PLAN_INVESTMENT[i];
      ws.getCell(4, col).value = PLAN_SAVINGS[i];
      if (i < ACTUAL_INVESTMENT.length) {
        ws.getCell(2, col).value = "Plan";
        ws.getCell(2, col + 1).value = "Actual";
        ws.getCell(3, col + 1).value = ACTUAL_INVESTMENT[i];
        ws.getCell(4, col + 1).value = ACTUAL_SAVINGS[i];
        actualCols.push(col + 1);
        col += 2;
      } else col += 1;
    }
    ws.getCell(3, 1).value = "Investment";
    ws.getCell(4, 1).value = "Savings";
    const file = path.join(dir, "partly-paired.xlsx");
    await wb.xlsx.writeFile(file);
    const json = report(await readWorkbook(file));
    // The plan as in the fully paired sheets: -1,200, then 200 a month, 0 in Oct-24 (7 months).
    expect(json.breakEven).toBe("2024-10");
    expect(json.paybackMonths).toBe(7);
    expect(json.totals).toEqual({ investment: -1200, return: 2200, net: 1000 });
    expect(json.tracking).toBeNull();
    const letter = (c: number) => ws.getColumn(c).letter;
    const first = `${letter(actualCols[0])}2`;
    const last = `${letter(actualCols[actualCols.length - 1])}2`;
    expect(json.messages.filter((m) => /sub-columns sit/.test(m))).toEqual([
      `Tracker: Plan and Actual sub-columns sit under 4 of the 12 periods (Apr-24 to Jul-24), not under every one, so the 4 Actual columns (${first} to ${last}) are left out and nothing is tracked against them: the plan is analysed as it stands.`,
    ]);
  });

  test("Plan | Actual under every month beside a 'Savings - actual' line: the line is tracked, the columns named as left out", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    for (let i = 0; i < 12; i++) {
      const col = 2 + 2 * i;
      const head = ws.getCell(1, col);
      head.value = new Date(Date.UTC(2024, 3 + i, 1));
      head.numFmt = "mmm-yy";
      ws.getCell(2, col).value = "Plan";
      ws.getCell(2, col + 1).value = "Actual";
      ws.getCell(3, col).value = PLAN_INVESTMENT[i];
      ws.getCell(4, col).value = PLAN_SAVINGS[i];
      if (i < ACTUAL_INVESTMENT.length) {
        ws.getCell(3, col + 1).value = ACTUAL_INVESTMENT[i];
        ws.getCell(4, col + 1).value = ACTUAL_SAVINGS[i];
        ws.getCell(5, col).value = ACTUAL_SAVINGS[i];
      }
    }
    ws.getCell(3, 1).value = "Investment";
    ws.getCell(4, 1).value = "Savings";
    ws.getCell(5, 1).value = "Savings - actual";
    const file = path.join(dir, "pairs-and-actual-line.xlsx");
    await wb.xlsx.writeFile(file);
    const json = report(await readWorkbook(file));
    // The plan as in the sheets above: 0 in Oct-24, 7 months.
    expect(json.breakEven).toBe("2024-10");
    expect(json.paybackMonths).toBe(7);
    expect(json.tracking?.layout).toBe("actual lines");
    // Months in B..Y: the Actual columns are C, E, ... Y, their sub-headings in row 2.
    expect(json.messages.filter((m) => /sub-columns sit/.test(m))).toEqual([
      "Tracker: Plan and Actual sub-columns sit under every period, but the sheet's actual lines are the ones tracked, so the 12 Actual columns (C2 to Y2) are left out and nothing is tracked against them: the plan is analysed as it stands.",
    ]);
  });

  test("Actual before Budget, the month over the actual column: the plan still read from the budget", async () => {
    const json = report(
      await written("actual-first.xlsx", { words: ["Actual", "Budget"], merged: false })
    );
    // Read from the actual columns instead, the payback would be that of -1,300 and 450.
    expect(json.paybackMonths).toBe(7);
    expect(json.totals).toEqual({ investment: -1200, return: 2200, net: 1000 });
    expect(json.tracking).toEqual(TRACKED);
  });

  test("a Total pair: the plan's totals checked on the plan, the actual's on the actual; a typed 460 is caught", async () => {
    const json = report(
      await written("totals.xlsx", {
        words: ["Plan", "Actual"],
        merged: true,
        // Plan: -1,200 and 2,200, both right. Actual: -1,300 right; 460 where 3 x 150 = 450.
        totals: { investment: [-1200, -1300], savings: [2200, 460] },
      })
    );
    expect(json.tracking).toEqual(TRACKED);
    const rec = json.reconciliation;
    expect(rec.checked).toBe(4);
    expect(rec.match).toBe(3);
    // The Total heads Z:AA: the plan's totals in Z, the actual's in AA.
    expect(rec.mismatch.map((m) => [m.cell, m.stated, m.expected])).toEqual([
      ["Tracker!AA4", 460, 450],
    ]);
  });
});
