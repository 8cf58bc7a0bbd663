/**
 * Writes test/fixtures/tracking/*.xlsx: invest-to-save grids that carry actual figures beside
 * the plan, one workbook per way sheets show them. The figures are chosen to be worked by hand;
 * the answers live in the tests (test/grid/tracking.test.ts), worked out there.
 *   npx tsx scripts/make-tracking-fixtures.ts
 * The output is deterministic: fixed workbook dates, cells written in a fixed order.
 */
import * as path from "path";
import { existsSync, mkdirSync } from "fs";
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/file/readWorkbook";

type Cell = number | string | null;

interface Sheet {
  name: string;
  /** Rows from A1 down. */
  rows: Cell[][];
}

const OUT = path.join(__dirname, "..", "test", "fixtures", "tracking");
const BRACKETS = "#,##0;(#,##0)";
const MONTHS = [
  "Apr-24",
  "May-24",
  "Jun-24",
  "Jul-24",
  "Aug-24",
  "Sep-24",
  "Oct-24",
  "Nov-24",
  "Dec-24",
  "Jan-25",
  "Feb-25",
  "Mar-25",
];

/** A line across the twelve months with its stated total; null figures stay blank. */
function line(label: string, figures: Cell[], total: number): Cell[] {
  const padded = [...figures, ...new Array<Cell>(12 - figures.length).fill(null)];
  return [label, ...padded, total];
}
const n = (count: number, v: number): number[] => new Array<number>(count).fill(v);

// (a) Lines whose label says "actual" beside plan lines of the same name. Actual figures run to
// Jul-24; the actual savings total (N7) is typed as 460 where its months add up to 450.
const actualLines: Sheet = {
  name: "Tracking",
  rows: [
    ["Invest to save: plan and actual"],
    [],
    ["£", ...MONTHS, "Total"],
    line("Investment - plan", [-1200, ...n(11, 0)], -1200),
    line("Investment - actual", [-1300, 0, 0, 0], -1300),
    line("Savings - plan", [0, ...n(11, 200)], 2200),
    line("Savings - actual", [0, 150, 150, 150], 460),
    line("Net - plan", [-1200, ...n(11, 200)], 1000),
    line("Net - actual", [-1300, 150, 150, 150], -850),
  ],
};

// (b) Periods down the rows; "Plan" and "Actual" columns under "Investment" and "Savings".
// Actuals run to Aug-24.
const planInvestment = [-3000, -1000, ...n(10, 0)];
const planSavings = [0, 0, ...n(10, 500)];
const actualInvestment: Cell[] = [-3000, -1200, 0, 0, 0];
const actualSavings: Cell[] = [0, 0, 600, 600, 550];
const columnPairs: Sheet = {
  name: "Benefits tracker",
  rows: [
    ["Benefits realisation tracker"],
    ["Month", "Investment", null, "Savings", null],
    [null, "Plan", "Actual", "Plan", "Actual"],
    ...MONTHS.map((m, i) => [
      m,
      planInvestment[i],
      actualInvestment[i] ?? null,
      planSavings[i],
      actualSavings[i] ?? null,
    ]),
    ["Total", -4000, -4200, 5000, 1750],
  ],
};

// (c) Periods headed Actual (Apr-Jun 24) then Forecast (Jul-24 on): a budget line and an
// actual/forecast line of each kind. The forecast months of the actual lines (350 a month) are
// the sheet's own forecast; the re-forecast takes the plan after the last actual month.
const budgetInvestment = [-2400, ...n(11, 0)];
const budgetSavings = n(12, 300);
const outturnInvestment = [-2500, ...n(11, 0)];
const outturnSavings = [200, 250, 250, ...n(9, 350)];
const headed: Sheet = {
  name: "Heading row",
  rows: [
    ["Monitoring: budget against actual and forecast"],
    [null, "Actual", null, null, "Forecast"],
    ["£", ...MONTHS, "Total"],
    line("Investment - budget", budgetInvestment, -2400),
    line("Investment - actual/forecast", outturnInvestment, -2500),
    line("Savings - budget", budgetSavings, 3600),
    line("Savings - actual/forecast", outturnSavings, 3850),
  ],
};
const marked: Sheet = {
  name: "Marked months",
  rows: [
    ["Monitoring: budget against actual and forecast"],
    [],
    ["£", ...MONTHS.map((m, i) => `${m} (${i < 3 ? "A" : "F"})`), "Total"],
    line("Investment - budget", budgetInvestment, -2400),
    line("Investment", outturnInvestment, -2500),
    line("Savings - budget", budgetSavings, 3600),
    line("Savings", outturnSavings, 3850),
  ],
};

export const TRACKING_WORKBOOKS: { file: string; sheets: Sheet[] }[] = [
  { file: "actual-lines.xlsx", sheets: [actualLines] },
  { file: "plan-actual-columns.xlsx", sheets: [columnPairs] },
  { file: "actual-forecast-periods.xlsx", sheets: [headed, marked] },
];

function build(sheets: Sheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ITOS tracking fixtures";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, i) =>
      cells.forEach((value, j) => {
        if (value === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = value;
        if (typeof value === "number") cell.numFmt = BRACKETS;
      })
    );
  }
  return wb;
}

/** True when the file on disk already holds exactly these cells (zip timestamps would differ). */
async function sameCells(file: string, built: ExcelJS.Workbook): Promise<boolean> {
  if (!existsSync(file)) return false;
  const existing = new ExcelJS.Workbook();
  await existing.xlsx.readFile(file);
  const written = new ExcelJS.Workbook();
  await written.xlsx.load((await built.xlsx.writeBuffer()) as ArrayBuffer);
  return (
    JSON.stringify(snapshotFromWorkbook(existing)) === JSON.stringify(snapshotFromWorkbook(written))
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const spec of TRACKING_WORKBOOKS) {
    const file = path.join(OUT, spec.file);
    const workbook = build(spec.sheets);
    if (await sameCells(file, workbook)) {
      console.log(`unchanged ${spec.file}`);
      continue;
    }
    await workbook.xlsx.writeFile(file);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
