/**
 * Months, UK financial years and period labels. A financial year runs from its start month
 * (April by default) and is labelled "2022/23".
 */
import type { Period } from "./types";
import { monthOfWord } from "./monthNames";

export const DEFAULT_FY_START_MONTH = 4;

/** "Jan" ... "Dec": the month abbreviations every period label uses. */
export const MONTH_LABELS: readonly string[] = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

/** Days from 1899-12-30 (Excel's serial 0 as the 1900 system counts after its 1900 leap bug). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function dateToSerial(year: number, month: number, day = 1): number {
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/**
 * Days from the 1900 system's serial 0 to the 1904 system's (1 January 1904): a workbook saved
 * with "Use 1904 date system" (old Mac Excel's default) stores every date this much lower.
 * Snapshots always hold 1900-system serials, so readers of such a workbook add it to each number
 * shown as a date.
 */
export const DATE_1904_OFFSET = 1462;

/** True when an Excel number format shows a date (it has d, m or y outside quotes and brackets). */
export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  const bare = numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "");
  return /[dmy]/i.test(bare) && !/^[#0,.;()\s£$-]*$/.test(bare);
}

/** "2022/23" for a month in a financial year starting in fyStartMonth; "2022" when it starts in January. */
export function fyLabelOf(
  year: number,
  month: number,
  fyStartMonth = DEFAULT_FY_START_MONTH
): string {
  if (fyStartMonth === 1) return String(year);
  const start = month >= fyStartMonth ? year : year - 1;
  return fyLabelFromStartYear(start);
}

export function fyLabelFromStartYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

/** Reads "2021/22", "2021-22", "FY2021/22", "2021/2022", "FY 21/22" as a financial year; null otherwise. */
export function parseFyLabel(text: string): { startYear: number; label: string } | null {
  const m = /^(?:fy\s*)?(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m) return null;
  const start = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const end = m[2].length === 2 ? Math.floor(start / 100) * 100 + Number(m[2]) : Number(m[2]);
  const endFixed = end < start ? end + 100 : end;
  if (endFixed !== start + 1) return null;
  return { startYear: start, label: fyLabelFromStartYear(start) };
}

export function monthPeriod(
  year: number,
  month: number,
  fyStartMonth = DEFAULT_FY_START_MONTH
): Period {
  return {
    kind: "month",
    key: `${year}-${String(month).padStart(2, "0")}`,
    label: `${MONTH_LABELS[month - 1]}-${String(year % 100).padStart(2, "0")}`,
    year,
    month,
    fy: fyLabelOf(year, month, fyStartMonth),
  };
}

export function yearPeriod(label: string, fy: string | null): Period {
  return { kind: "year", key: fy ?? label, label, fy };
}

/** The month after (year, month). */
export function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** What a header cell says about the period axis. */
export type PeriodHeader =
  | { kind: "month"; year: number; month: number }
  | { kind: "fy"; startYear: number; label: string }
  /** "Year 1", "Yr 2", "Y3": an annual grid numbered from the start. */
  | { kind: "year-number"; n: number; label: string }
  /** "Month 1", "P1", "Period 3", or a bare small integer. */
  | { kind: "period-number"; n: number; label: string }
  /** "Total", "Grand total", "Total 5 years". */
  | { kind: "total"; label: string };

/** A year as headers write it: "22" is 2022, "2022" is 2022; an apostrophe ("'22") is ignored. */
export function fullYear(text: string): number {
  const digits = text.replace("'", "");
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * Reads a header cell: a date serial (when its number format is a date), a month as text
 * (`Apr-22`, `April 2022`, `2022-04`, `04/2022`, or in French, German, Spanish, Italian, Dutch
 * and Portuguese: `avr.-22`, `Mai 22`, `Okt 22`), a financial year (`2022/23`), a year or
 * period number, or a total heading. Returns null for anything else.
 */
export function parsePeriodHeader(
  value: unknown,
  numberFormat?: string | null
): PeriodHeader | null {
  if (typeof value === "number") {
    if (isDateFormat(numberFormat) && value > 0) {
      const d = serialToDate(value);
      return { kind: "month", year: d.year, month: d.month };
    }
    return null;
  }
  if (value instanceof Date)
    return { kind: "month", year: value.getUTCFullYear(), month: value.getUTCMonth() + 1 };
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/\s+/g, " ");
  if (!text) return null;
  const lower = text.toLowerCase();

  if (/^(grand )?total\b/.test(lower) || /\btotal$/.test(lower))
    return { kind: "total", label: text };

  const fy = parseFyLabel(text);
  if (fy) return { kind: "fy", startYear: fy.startYear, label: fy.label };

  // Apr-22, April 2022, Apr '22, and other languages: avr.-22, janv. 2023, Mai 22, Mär 23, ene-23.
  let m = /^(\p{L}{3,10}\.?)[\s\-'/]*('?\d{2}|\d{4})$/iu.exec(text);
  if (m) {
    const month = monthOfWord(m[1]);
    if (month > 0) return { kind: "month", year: fullYear(m[2]), month };
  }
  m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text); // 2022-04, 2022-04-01
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { kind: "month", year: Number(m[1]), month: Number(m[2]) };
  m = /^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$/.exec(text); // 04/2022, 01/04/2022 (UK day first)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return { kind: "month", year: Number(m[3]), month: Number(m[2]) };

  m = /^(?:year|yr|y)\.?\s*(\d{1,2})$/i.exec(text);
  if (m) return { kind: "year-number", n: Number(m[1]), label: text };
  m = /^(?:month|period|p|m)\.?\s*(\d{1,3})$/i.exec(text);
  if (m) return { kind: "period-number", n: Number(m[1]), label: text };
  return null;
}

/** Label for a month period from a PeriodHeader month. */
export function monthLabel(year: number, month: number): string {
  return `${MONTH_LABELS[month - 1]}-${String(year % 100).padStart(2, "0")}`;
}
