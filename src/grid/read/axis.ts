/**
 * The period axis: which rows hold period headers (one row for a long grid, one per financial
 * year for stacked blocks), the period each column stands for, and the FY subtotal and grand
 * total columns between and after the periods.
 */
import {
  ErrorMessage,
  ItosError,
  calendarYearPeriod,
  fyLabelOf,
  isDateFormat,
  monthPeriod,
  parsePeriodHeader,
  parsePeriodHeading,
  quarterPeriod,
  yearNumberPeriod,
  yearPeriod,
  type PeriodHeading,
  type Period,
} from "../../engine";
import { sheetCellName } from "./orient";
import type { TotalSlot } from "./model";
import { formatAt, type CellValue, type SheetSnapshot } from "../../sheet";
import { bareNumberRuns, checkMonthGaps, hasConsecutiveMonths } from "./periodRuns";

export type AxisKind =
  | "monthly"
  | "quarterly"
  | "annual-fy"
  | "calendar-year"
  | "annual-number"
  | "quarter-number"
  | "period-number";

/** What a header cell says: a period heading, or a quarter counted from quarter 0 under "Q". */
export type AxisHeading = PeriodHeading | { kind: "quarter-number"; n: number; label: string };

export interface HeaderCell {
  col: number;
  header: AxisHeading;
}

export interface HeaderRow {
  row: number;
  kind: AxisKind;
  cells: HeaderCell[];
  /** Month dates read from plain numbers that had no date format. */
  datesWithoutFormat: boolean;
}

/** Excel serials of 1 Jan 2000 and 1 Jan 2100: dates a payback grid could plausibly head. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73051;

/**
 * Month dates whose number format was not handed over (a snapshot without formats): a run of at
 * least three whole numbers in the date range, each about a month after the one before.
 */
function unformattedMonthRun(values: CellValue[]): boolean {
  const numbers = values.filter((v): v is number => typeof v === "number");
  if (numbers.length < 3) return false;
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    if (!Number.isInteger(n) || n < SERIAL_MIN || n > SERIAL_MAX) return false;
    if (i > 0) {
      const step = n - numbers[i - 1];
      if (step < 28 || step > 31) return false;
    }
  }
  return true;
}

/** Each row's period headers, classified by what most of them are. */
export function scanHeaderRows(snapshot: SheetSnapshot): HeaderRow[] {
  const rows: HeaderRow[] = [];
  const dateFormats = new Map<string, boolean>();
  const isDate = (fmt: string | null): boolean => {
    if (fmt === null) return false;
    let known = dateFormats.get(fmt);
    if (known === undefined) dateFormats.set(fmt, (known = isDateFormat(fmt)));
    return known;
  };
  snapshot.values.forEach((values, i) => {
    const row = snapshot.top + i;
    const cells: HeaderCell[] = [];
    const asDates = unformattedMonthRun(values);
    let unformatted = false;
    values.forEach((value, j) => {
      const col = snapshot.left + j;
      if (value === null || typeof value === "boolean" || typeof value === "object") return;
      if (typeof value === "number") {
        // Amounts are numbers too: only dates (by format, or by a run of month serials) head periods.
        const fmt = formatAt(snapshot, row, col);
        const unknownFormat = fmt === null || /^general$/i.test(fmt);
        if (!isDate(fmt) && !(asDates && unknownFormat)) return;
        const header = parsePeriodHeader(value, isDate(fmt) ? fmt : "dd/mm/yyyy");
        if (header) cells.push({ col, header });
        unformatted = unformatted || (header !== null && !isDate(fmt));
        return;
      }
      const header = parsePeriodHeading(value);
      if (header) cells.push({ col, header });
    });
    // Bare numbers head periods only as a run: 0, 1, 2 ... after a "Year" or "Q" heading, or
    // calendar years 2024, 2025, 2026 ... (amounts are numbers too, and never run so).
    // A set, not a search: a long turned row (a ledger column) can hold thousands of headings.
    const headed = new Set(cells.map((c) => c.col));
    for (const cell of bareNumberRuns(snapshot, row, values))
      if (!headed.has(cell.col)) cells.push(cell);
    cells.sort((a, b) => a.col - b.col);
    const count = (k: AxisHeading["kind"]) => cells.filter((c) => c.header.kind === k).length;
    let kind: AxisKind | null = null;
    // Two month headings that never follow one another (decision dates in a column) are no axis.
    if (count("month") >= 2 && hasConsecutiveMonths(cells)) kind = "monthly";
    else if (count("quarter") >= 2) kind = "quarterly";
    else if (count("fy") >= 2) kind = "annual-fy";
    else if (count("calendar-year") >= 2) kind = "calendar-year";
    else if (count("year-number") >= 2) kind = "annual-number";
    else if (count("quarter-number") >= 2) kind = "quarter-number";
    else if (count("period-number") >= 2) kind = "period-number";
    if (kind)
      rows.push({ row, kind, cells, datesWithoutFormat: unformatted && kind === "monthly" });
  });
  return rows;
}

const AXIS_PREFERENCE: AxisKind[] = [
  "monthly",
  "quarterly",
  "annual-fy",
  "calendar-year",
  "annual-number",
  "quarter-number",
  "period-number",
];

/**
 * The header rows of the grid: every row of the most telling kind (months before FY labels before
 * "Year n" before period numbers). A "Yr 1" row sitting right on top of an FY row is the same
 * axis twice, so only the FY row counts.
 */
export function chooseHeaderRows(all: HeaderRow[]): { chosen: HeaderRow[]; others: HeaderRow[] } {
  for (const kind of AXIS_PREFERENCE) {
    const chosen = all.filter((h) => h.kind === kind);
    if (chosen.length > 0) return { chosen, others: all.filter((h) => h.kind !== kind) };
  }
  return { chosen: [], others: [] };
}

export interface AxisSlot {
  period: Period;
  block: number;
  col: number;
  /** The header cell, for messages. */
  address: string;
}

function isTotalLike(h: AxisHeading, kind: AxisKind): boolean {
  if (h.kind === "total") return true;
  return (kind === "monthly" || kind === "quarterly") && h.kind === "fy";
}

/** Periods and total columns of each header row, in order; months must run on without repeats. */
export function buildAxis(
  snapshot: SheetSnapshot,
  headers: HeaderRow[],
  fyStartMonth: number
): { slots: AxisSlot[]; totalColumns: TotalSlot[][] } {
  const slots: AxisSlot[] = [];
  const totalColumns: TotalSlot[][] = [];
  const seen = new Map<string, string>();
  headers.forEach((h, block) => {
    const totals: TotalSlot[] = [];
    let lastMonth: { year: number; month: number } | null = null;
    h.cells.forEach((cell, k) => {
      const address = sheetCellName(snapshot, h.row, cell.col);
      const hd = cell.header;
      if (isTotalLike(hd, h.kind)) {
        const column = totalColumn(cell.col, hd);
        // A plain "Total" with months after it closes the year of the month before it.
        const monthsAfter = h.cells.slice(k + 1).some((c) => c.header.kind === "month");
        if (column.kind === "grand" && h.kind === "monthly" && lastMonth && monthsAfter) {
          column.kind = "fy";
          column.fy = fyLabelOf(lastMonth.year, lastMonth.month, fyStartMonth);
        }
        totals.push(column);
        return;
      }
      if (hd.kind === "month") lastMonth = { year: hd.year, month: hd.month };
      const period = periodOf(hd, h.kind, fyStartMonth);
      if (!period) return;
      const earlier = seen.get(period.key);
      if (earlier) {
        throw new ItosError(
          "bad-period",
          ErrorMessage.period.repeated(address, period.label, earlier),
          { cell: address }
        );
      }
      seen.set(period.key, address);
      slots.push({ period, block, col: cell.col, address });
    });
    totalColumns.push(totals);
  });
  checkMonthGaps(snapshot, headers, slots, fyStartMonth);
  return { slots, totalColumns };
}

function totalColumn(col: number, h: AxisHeading): TotalSlot {
  if (h.kind === "fy") return { periodIndex: col, kind: "fy", fy: h.label, header: h.label };
  const label = h.kind === "total" ? h.label : "";
  const fyInside = /(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})/.exec(label);
  if (fyInside) {
    const fy = parsePeriodHeader(fyInside[0]);
    if (fy && fy.kind === "fy")
      return { periodIndex: col, kind: "fy", fy: fy.label, header: label };
  }
  return { periodIndex: col, kind: "grand", fy: null, header: label };
}

function periodOf(h: AxisHeading, kind: AxisKind, fyStartMonth: number): Period | null {
  switch (kind) {
    case "monthly":
      return h.kind === "month" ? monthPeriod(h.year, h.month, fyStartMonth) : null;
    case "quarterly":
      // Labelled as the sheet heads it ("Q1 2024/25"), so every message names the column as shown.
      return h.kind === "quarter"
        ? { ...quarterPeriod(h.year, h.month, fyStartMonth), label: h.label }
        : null;
    case "annual-fy":
      return h.kind === "fy" ? yearPeriod(h.label, h.label) : null;
    case "calendar-year":
      return h.kind === "calendar-year" ? calendarYearPeriod(h.year, fyStartMonth) : null;
    case "annual-number":
      // Year 0 of an appraisal table is time zero, the instant of the investment.
      return h.kind === "year-number" ? yearNumberPeriod(h.n, h.label) : null;
    case "quarter-number":
      return h.kind === "quarter-number" ? quarterNumberPeriod(h.n, h.label) : null;
    case "period-number":
      // Numbered months: group them into years of twelve for the year summary.
      return h.kind === "period-number"
        ? { kind: "month", key: `M${h.n}`, label: h.label, fy: `Year ${Math.ceil(h.n / 12)}` }
        : null;
  }
}

/** Quarter n counted from quarter 0, the instant of the investment ("Q" 0, 1, 2 ... down a table). */
function quarterNumberPeriod(n: number, label: string): Period {
  // Year summaries by year of the appraisal: quarters 1-4 are Year 1, quarter 0 is Year 0.
  const fy = `Year ${Math.ceil(n / 4)}`;
  return { kind: "quarter", key: `Q${n}`, label, fy, timeZero: n === 0 };
}
