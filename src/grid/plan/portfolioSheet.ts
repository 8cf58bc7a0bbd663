/**
 * The "ITOS Portfolio" sheet of the add-in's Analyse all sheets: one row per analysed sheet,
 * linked to it (a HYPERLINK formula to the sheet's first cell), a totals row of live SUM formulas,
 * the status coloured by conditional formats, all tagged by the ITOS_Portfolio name so that
 * Remove takes it away with the rest. Amounts come in pounds (a £k or £000s grid times 1,000;
 * its unit is shown beside), so one total can add them.
 */
import { counted } from "../../engine";
import { a1, absoluteRangeRef, quoteSheetName, rangeA1 } from "../../sheet";
import type { PlannedCell, PlannedConditionalFormat, WritePlan } from "./writePlan";

export const PORTFOLIO_SHEET_NAME = "ITOS Portfolio";
export const PORTFOLIO_NAME = "ITOS_Portfolio";

/** One analysed sheet as the portfolio shows it; amounts already in pounds. */
export interface PortfolioSheetRow {
  sheet: string;
  unit: "£" | "£k" | "£000s";
  firstInvestment: string | null;
  breakEven: string | null;
  paybackYears: number | null;
  basis: string;
  crossover: string | null;
  investment: number;
  return: number;
  net: number;
  npv: number;
  checked: number;
  mismatches: number;
  /** Why the sheet's own analysis section was not written beside its grid, if it was not. */
  note: string | null;
}

const MONEY = "#,##0;(#,##0)";
const HEADERS = [
  "Sheet",
  "Status",
  "Payback (years)",
  "Convention",
  "First investment",
  "Break-even",
  "Crossover",
  "Grid unit",
  "Investment (£)",
  "Return (£)",
  "Net (£)",
  "NPV (£)",
  "Totals checked",
  "Mismatches",
  "Note",
];
/** Columns the totals row adds up. */
const SUMMED = new Set([8, 9, 10, 11, 12, 13]);
const STATUS_COL = 1;
const FILLS: [string, string][] = [
  ["paid back", "#C6EFCE"],
  ["never", "#FFC7CE"],
];
const TABLE_TOP = 2;

/** A formula string literal: double quotes doubled. */
function literal(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** =HYPERLINK("#'Sheet'!A1","Sheet"): a click goes to the sheet. */
export function sheetLink(sheet: string): string {
  return `=HYPERLINK(${literal(`#${quoteSheetName(sheet)}!A1`)},${literal(sheet)})`;
}

function rowValues(r: PortfolioSheetRow): (number | string | null)[] {
  return [
    r.sheet,
    r.breakEven === null ? "never" : "paid back",
    r.paybackYears,
    r.basis,
    r.firstInvestment,
    r.breakEven,
    r.crossover,
    r.unit,
    r.investment,
    r.return,
    r.net,
    r.npv,
    r.checked,
    r.mismatches,
    r.note,
  ];
}

export function planPortfolioSheet(
  rows: readonly PortfolioSheetRow[],
  valuesOnly = false
): WritePlan {
  const sheet = PORTFOLIO_SHEET_NAME;
  const cells: PlannedCell[] = [];
  const put = (row: number, col: number, cell: Omit<PlannedCell, "sheet" | "row" | "col">) =>
    cells.push({ sheet, row, col, ...cell });
  put(0, 0, {
    value: `ITOS Portfolio: ${counted(rows.length, "analysed sheet")}, ${rows.filter((r) => r.breakEven !== null).length} paid back`,
    bold: true,
  });
  HEADERS.forEach((h, c) => put(TABLE_TOP, c, { value: h, bold: true, fill: "#D9E1F2" }));
  const first = TABLE_TOP + 1;
  const sums = HEADERS.map(() => 0);
  rows.forEach((r, i) => {
    rowValues(r).forEach((v, c) => {
      if (SUMMED.has(c) && typeof v === "number") sums[c] += v;
      const numberFormat = c >= 8 && c <= 11 ? MONEY : c === 2 ? "0.00" : undefined;
      if (c === 0 && !valuesOnly)
        put(first + i, c, { formula: sheetLink(r.sheet), value: r.sheet });
      else put(first + i, c, { value: v, ...(numberFormat ? { numberFormat } : {}) });
    });
  });
  const totalRow = first + rows.length;
  put(totalRow, 0, { value: "Total", bold: true });
  for (const c of SUMMED) {
    const range = rows.length ? rangeA1(first, c, totalRow - 1, c) : null;
    const value = Math.round(sums[c] * 100) / 100;
    const numberFormat = c <= 11 ? MONEY : undefined;
    put(totalRow, c, {
      ...(range && !valuesOnly ? { formula: `=SUM(${range})` } : {}),
      value,
      bold: true,
      ...(numberFormat ? { numberFormat } : {}),
    });
  }
  const conditionalFormats: PlannedConditionalFormat[] =
    rows.length === 0
      ? []
      : FILLS.map(([word, fill]) => ({
          sheet,
          range: rangeA1(first, STATUS_COL, totalRow - 1, STATUS_COL),
          formula: `=${a1(first, STATUS_COL).replace(/^([A-Z]+)/, "$$$1")}=${literal(word)}`,
          fill,
        }));
  return {
    newSheet: sheet,
    cells,
    names: [
      {
        name: PORTFOLIO_NAME,
        ref: absoluteRangeRef({
          sheet,
          top: 0,
          left: 0,
          bottom: totalRow,
          right: HEADERS.length - 1,
        }),
      },
    ],
    conditionalFormats,
    charts: [],
    marks: [],
  };
}
