/**
 * The portfolio workbook (`itos portfolio --out`): a new file, never a user's, with one ranked
 * summary table (an Excel table, so every column sorts and filters), a totals row of live
 * SUBTOTAL formulas (they follow the filter), the verdicts coloured by conditional formats and
 * a link from each row to its source workbook. The file appears only when complete: it is
 * written beside the target under a temporary name and renamed at the end.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { ErrorMessage, ItosError } from "../engine";
import { excelJs } from "./excelJs";

export const PORTFOLIO_SHEET = "ITOS Portfolio";
export const PORTFOLIO_TABLE = "ITOS_Portfolio";

/** One ranked row, ready to write: amounts already in pounds, periods as the report gives them. */
export interface PortfolioRow {
  rank: number;
  workbook: string;
  /** Relative link from the portfolio file to the source workbook ("cases/a.xlsx"). */
  link: string | null;
  sheet: string | null;
  scheme: string | null;
  status: "paid back" | "late" | "never" | "error";
  limitVerdict: string | null;
  marginYears: number | null;
  paybackYears: number | null;
  paybackMonths: number | null;
  convention: string | null;
  firstInvestment: string | null;
  breakEven: string | null;
  crossover: string | null;
  unit: string | null;
  investment: number | null;
  return: number | null;
  net: number | null;
  npv: number | null;
  /** A scheme summary's annual saving (no timeline, so no return over a horizon). */
  annualSaving: number | null;
  /** The payback the sheet states for the case, with its cell ("H4 '6.1 years'"). */
  statedPayback: string | null;
  /** Whether the stated payback follows from the figures: "yes", "no" or "cannot check". */
  statedFollows: string | null;
  checked: number | null;
  mismatches: number | null;
  rootCauses: string | null;
  warnings: string | null;
  error: string | null;
}

export interface PortfolioWorkbookOptions {
  /** Title line above the table ("12 cases from 9 workbooks"). */
  title: string;
  /** Lines under the title: the limit, the unit note. */
  notes: string[];
  /** Replace an existing file at the target. */
  force?: boolean;
  /** Asked just before the rename: true (Ctrl-C) leaves no file at all. */
  cancelled?: () => boolean;
}

type Column = {
  name: string;
  value: (r: PortfolioRow) => ExcelJS.CellValue;
  total?: "sum" | "count";
  numFmt?: string;
  width: number;
};

const MONEY_FMT = "#,##0;(#,##0)";
const MONTH_KEY = /^(\d{4})-(\d{2})$/;

/** "2024-01" becomes the date 1 Jan 2024 (shown Jan-24); an FY label stays text. */
function period(key: string | null): ExcelJS.CellValue {
  const m = key === null ? null : MONTH_KEY.exec(key);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : key;
}

const COLUMNS: Column[] = [
  { name: "Rank", value: (r) => r.rank, width: 7 },
  {
    name: "Workbook",
    value: (r) => (r.link ? { text: r.workbook, hyperlink: r.link } : r.workbook),
    total: "count",
    width: 36,
  },
  { name: "Sheet", value: (r) => r.sheet, width: 22 },
  { name: "Scheme", value: (r) => r.scheme, width: 14 },
  { name: "Status", value: (r) => r.status, width: 11 },
  { name: "Limit verdict", value: (r) => r.limitVerdict, width: 13 },
  { name: "Margin (years)", value: (r) => r.marginYears, numFmt: "0.00", width: 10 },
  { name: "Payback (years)", value: (r) => r.paybackYears, numFmt: "0.00", width: 10 },
  { name: "Payback (months)", value: (r) => r.paybackMonths, numFmt: "0.00", width: 10 },
  { name: "Convention", value: (r) => r.convention, width: 16 },
  {
    name: "First investment",
    value: (r) => period(r.firstInvestment),
    numFmt: "mmm-yy",
    width: 11,
  },
  { name: "Break-even", value: (r) => period(r.breakEven), numFmt: "mmm-yy", width: 11 },
  { name: "Crossover", value: (r) => period(r.crossover), numFmt: "mmm-yy", width: 11 },
  { name: "Grid unit", value: (r) => r.unit, width: 8 },
  {
    name: "Investment (£)",
    value: (r) => r.investment,
    total: "sum",
    numFmt: MONEY_FMT,
    width: 14,
  },
  { name: "Return (£)", value: (r) => r.return, total: "sum", numFmt: MONEY_FMT, width: 14 },
  { name: "Net (£)", value: (r) => r.net, total: "sum", numFmt: MONEY_FMT, width: 14 },
  { name: "NPV (£)", value: (r) => r.npv, total: "sum", numFmt: MONEY_FMT, width: 14 },
  {
    name: "Annual saving (£)",
    value: (r) => r.annualSaving,
    total: "sum",
    numFmt: MONEY_FMT,
    width: 14,
  },
  { name: "Stated payback", value: (r) => r.statedPayback, width: 24 },
  { name: "Stated payback follows", value: (r) => r.statedFollows, width: 11 },
  { name: "Totals checked", value: (r) => r.checked, total: "sum", width: 9 },
  { name: "Mismatches", value: (r) => r.mismatches, total: "sum", width: 11 },
  { name: "Root causes", value: (r) => r.rootCauses, width: 24 },
  { name: "Warnings", value: (r) => r.warnings, width: 40 },
  { name: "Error", value: (r) => r.error, width: 40 },
];

/** Fills for each verdict: green, amber, red; grey for a workbook not read. */
const VERDICT_FILLS: Record<string, string> = {
  "paid back": "FFC6EFCE",
  within: "FFC6EFCE",
  late: "FFFFEB9C",
  exceeds: "FFFFEB9C",
  never: "FFFFC7CE",
  error: "FFD9D9D9",
};

function colLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function verdictFormats(ws: ExcelJS.Worksheet, firstRow: number, lastRow: number): void {
  for (const name of ["Status", "Limit verdict"]) {
    const col = colLetter(COLUMNS.findIndex((c) => c.name === name));
    ws.addConditionalFormatting({
      ref: `${col}${firstRow}:${col}${lastRow}`,
      rules: Object.entries(VERDICT_FILLS).map(([word, fill], i) => ({
        type: "expression" as const,
        priority: i + 1,
        formulae: [`$${col}${firstRow}="${word}"`],
        style: {
          fill: { type: "pattern" as const, pattern: "solid" as const, bgColor: { argb: fill } },
        },
      })),
    });
  }
}

/** The workbook in memory: title, notes, then the table from the row after them. */
export function portfolioWorkbook(
  rows: readonly PortfolioRow[],
  options: Pick<PortfolioWorkbookOptions, "title" | "notes">
): ExcelJS.Workbook {
  const wb = new (excelJs().Workbook)();
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(PORTFOLIO_SHEET);
  ws.getCell("A1").value = options.title;
  ws.getCell("A1").font = { bold: true, size: 13 };
  options.notes.forEach((n, i) => (ws.getCell(i + 2, 1).value = n));
  const headerRow = options.notes.length + 3;
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  // An Excel table needs at least one data row; an empty portfolio still gets its headers.
  const data =
    rows.length > 0 ? rows.map((r) => COLUMNS.map((c) => c.value(r))) : [COLUMNS.map(() => null)];
  const sums = COLUMNS.map((c) =>
    c.total === "sum"
      ? rows.reduce(
          (acc, r) => acc + (typeof c.value(r) === "number" ? (c.value(r) as number) : 0),
          0
        )
      : c.total === "count"
        ? rows.length
        : undefined
  );
  ws.addTable({
    name: PORTFOLIO_TABLE,
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: COLUMNS.map((c, i) => ({
      name: c.name,
      filterButton: true,
      ...(i === 0
        ? { totalsRowLabel: "Total" }
        : c.total
          ? { totalsRowFunction: c.total, totalsRowResult: sums[i] }
          : { totalsRowFunction: "none" as const }),
    })),
    rows: data,
  });
  const firstData = headerRow + 1;
  const lastData = headerRow + data.length;
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt)
      for (let r = firstData; r <= lastData + 1; r++) ws.getCell(r, i + 1).numFmt = c.numFmt;
  });
  verdictFormats(ws, firstData, lastData);
  return wb;
}

async function exists(file: string): Promise<boolean> {
  return fs
    .access(file)
    .then(() => true)
    .catch(() => false);
}

/** Refuses an existing target unless forced: the portfolio file never replaces work by accident. */
export async function checkPortfolioTarget(out: string, force = false): Promise<void> {
  if (!force && (await exists(out)))
    throw new ItosError("bad-argument", ErrorMessage.file.outputExists(path.basename(out)));
}

/**
 * Writes the workbook to `out`, whole or not at all (a temporary file beside it, renamed at the
 * end); false when cancelled before the rename.
 */
export async function writePortfolioWorkbook(
  rows: readonly PortfolioRow[],
  out: string,
  options: PortfolioWorkbookOptions
): Promise<boolean> {
  await checkPortfolioTarget(out, options.force);
  const wb = portfolioWorkbook(rows, options);
  await fs.mkdir(path.dirname(out), { recursive: true });
  const temp = path.join(path.dirname(out), `.~itos-${process.pid}-${path.basename(out)}`);
  try {
    await wb.xlsx.writeFile(temp);
    if (options.cancelled?.()) return false;
    await checkPortfolioTarget(out, options.force);
    await fs.rename(temp, out);
    return true;
  } finally {
    await fs.rm(temp, { force: true });
  }
}
