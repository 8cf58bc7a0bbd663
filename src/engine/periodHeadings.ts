/**
 * Period headings beyond months and financial years: quarters (`Q1 2024/25`, `2024 Q1`,
 * `Jan-Mar 2025`), calendar years (2024), and the Year 0, Year 1 ... of appraisal tables; the
 * periods they stand for; and the periods missing between two headings, so a gap in the axis is
 * reported, never closed in silence.
 */
import { ErrorMessage } from "./messages";
import { monthOfWord } from "./monthNames";
import {
  DEFAULT_FY_START_MONTH,
  fyLabelFromStartYear,
  fyLabelOf,
  fullYear,
  MONTH_LABELS,
  monthPeriod,
  parseFyLabel,
  parsePeriodHeader,
  yearPeriod,
  type PeriodHeader,
} from "./periods";
import type { Period } from "./types";

/** What a heading cell says, with quarters and calendar years besides parsePeriodHeader's kinds. */
export type PeriodHeading =
  | PeriodHeader
  /** A quarter: its first calendar month. */
  | { kind: "quarter"; year: number; month: number; label: string }
  | { kind: "calendar-year"; year: number; label: string };

/** Calendar month and year where quarter n (1-4) of the financial year starting startYear begins. */
export function fiscalQuarterStart(
  startYear: number,
  quarter: number,
  fyStartMonth = DEFAULT_FY_START_MONTH
): { year: number; month: number } {
  const offset = fyStartMonth - 1 + 3 * (quarter - 1);
  return { year: startYear + Math.floor(offset / 12), month: (offset % 12) + 1 };
}

const QUARTER = String.raw`(?:q|qtr|quarter)\s*([1-4])`;
const FY = String.raw`(?:fy\s*)?((?:\d{2}|\d{4})\s*[/\-–]\s*(?:\d{2}|\d{4}))`;
const YEAR = String.raw`('?\d{2}|\d{4})`;
// Built once: headings are tried on every cell of every row a sheet is scanned for.
const QUARTER_THEN_FY = new RegExp(String.raw`^${QUARTER}[ ,]*${FY}$`);
const FY_THEN_QUARTER = new RegExp(String.raw`^${FY}[ ,]*${QUARTER}$`);
const QUARTER_THEN_YEAR = new RegExp(String.raw`^${QUARTER}[ ,\-]*${YEAR}$`);
const YEAR_THEN_QUARTER = new RegExp(String.raw`^(\d{4})[ \-]*${QUARTER}$`);

/**
 * Reads a quarter heading. `Q1 2024/25` and `2024/25 Q1` count in the financial year (with an
 * April start, Q1 of 2024/25 is Apr-Jun 2024); `Q1 2024` and `2024 Q1` in the calendar year
 * (Jan-Mar 2024); `Jan-Mar 2025` and `Apr-Jun 24` name their months. Null otherwise.
 */
export function parseQuarterHeading(
  text: string,
  fyStartMonth = DEFAULT_FY_START_MONTH
): { year: number; month: number } | null {
  const t = text.trim().replace(/\s+/g, " ").toLowerCase();
  let m = QUARTER_THEN_FY.exec(t) ?? null;
  let fyText: string | null = null;
  let quarter = 0;
  if (m) [fyText, quarter] = [m[2], Number(m[1])];
  m = fyText ? null : FY_THEN_QUARTER.exec(t);
  if (m) [fyText, quarter] = [m[1], Number(m[2])];
  if (fyText) {
    const fy = parseFyLabel(fyText);
    return fy ? fiscalQuarterStart(fy.startYear, quarter, fyStartMonth) : null;
  }
  m = QUARTER_THEN_YEAR.exec(t);
  if (m) return { year: fullYear(m[2]), month: 3 * (Number(m[1]) - 1) + 1 };
  m = YEAR_THEN_QUARTER.exec(t);
  if (m) return { year: Number(m[1]), month: 3 * (Number(m[2]) - 1) + 1 };
  m = /^(\p{L}{3,10}\.?) ?[-–/] ?(\p{L}{3,10}\.?)[\s\-'/]*('?\d{2}|\d{4})$/u.exec(t);
  if (m) {
    const first = monthOfWord(m[1]);
    const last = monthOfWord(m[2]);
    // Three months within one calendar year, so the year written is the year of all three.
    if (first > 0 && last === first + 2) return { year: fullYear(m[3]), month: first };
  }
  return null;
}

/**
 * A bare number or numeric text under a "Year" heading: 0 to 99 count years of an appraisal
 * table (Year 0 is time zero), 1900 to 2199 are calendar years. The reader decides from the
 * heading whether a number is a period at all; this only says which kind it would be.
 */
export function parseBareYear(value: unknown): PeriodHeading | null {
  const text =
    typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  if (n <= 99) return { kind: "year-number", n, label: `Year ${n}` };
  if (n >= 1900 && n <= 2199) return { kind: "calendar-year", year: n, label: text };
  return null;
}

/** A unit written beside a period ("£000", "£'000s", "(£k)", "£m", "£ millions", "£"). */
const HEADING_UNIT = String.raw`\(?\s*£\s*(?:'?\s*000'?s?|k|m|millions?|thousands?)?\s*\)?`;
const UNIT_AFTER = new RegExp(String.raw`^(.*?\S)[\s,]*${HEADING_UNIT}$`, "i");
const UNIT_BEFORE = new RegExp(String.raw`^${HEADING_UNIT}[\s,]*(\S.*)$`, "i");
/**
 * "Year 1 2025/26", "Y1 2025/26", "Year 1 (2025/26)", "2025/26 (Year 1)": the financial year names
 * the period; the year number only counts them.
 */
const YEAR_NUMBER = String.raw`(?:year|yr|y)\.?\s*\d{1,2}`;
const YEAR_NUMBER_BEFORE_FY = new RegExp(
  String.raw`^${YEAR_NUMBER}\s*[:\-–]?\s*(?:${FY}|\(${FY}\))$`,
  "i"
);
const FY_BEFORE_YEAR_NUMBER = new RegExp(
  String.raw`^${FY}\s*[:\-–]?\s*(?:${YEAR_NUMBER}|\(${YEAR_NUMBER}\))$`,
  "i"
);

/** The financial year of a heading that also numbers its year, or null. */
function fyBesideYearNumber(text: string): string | null {
  const before = YEAR_NUMBER_BEFORE_FY.exec(text);
  if (before) return before[1] ?? before[2];
  const after = FY_BEFORE_YEAR_NUMBER.exec(text);
  return after ? after[1] : null;
}

/**
 * The period a heading names without the unit written beside it: budget tables head their years
 * "2024/25 £000", "£000 2024/25" or "Year 1 2025/26 £m". The unit itself is the grid reader's to
 * report (it reads it from the header row); here it only must not hide the period.
 */
export function headingWithoutUnit(text: string): string {
  const bare = UNIT_AFTER.exec(text)?.[1] ?? UNIT_BEFORE.exec(text)?.[1] ?? text;
  return fyBesideYearNumber(bare) ?? bare;
}

/**
 * Reads a heading cell: everything parsePeriodHeader reads (months in seven languages, financial
 * years, Year n, period numbers, totals), quarters, and calendar years written as text ("2024",
 * "CY2024"). Bare numbers are not read here (amounts are numbers too): see parseBareYear.
 */
export function parsePeriodHeading(
  value: unknown,
  numberFormat?: string | null,
  fyStartMonth = DEFAULT_FY_START_MONTH
): PeriodHeading | null {
  if (typeof value === "string") {
    const written = value.trim().replace(/\s+/g, " ");
    // A heading read as written keeps its label ("Total £000"); the unit is set aside only when
    // it hides the period.
    const text = parsePeriodHeader(written) ? written : headingWithoutUnit(written);
    value = text;
    const q = parseQuarterHeading(text, fyStartMonth);
    if (q) return { kind: "quarter", ...q, label: text };
    const cy = /^(?:cy ?)?(\d{4})$/i.exec(text);
    if (cy && Number(cy[1]) >= 1900 && Number(cy[1]) <= 2199)
      return { kind: "calendar-year", year: Number(cy[1]), label: text };
  }
  return parsePeriodHeader(value, numberFormat);
}

/** The calendar quarter a quarter starting in `month` is ("2024-Q2" for Apr-Jun 2024), for its key. */
function quarterKey(year: number, month: number): string {
  return (month - 1) % 3 === 0
    ? `${year}-Q${(month - 1) / 3 + 1}`
    : `${year}-${String(month).padStart(2, "0")}+3m`;
}

/**
 * A quarter as a period: three months from (year, month). Its financial year is that of its
 * months when all three fall in one (always, with quarters that start with the financial year).
 */
export function quarterPeriod(
  year: number,
  month: number,
  fyStartMonth = DEFAULT_FY_START_MONTH
): Period {
  const lastOffset = month + 1;
  const last = { year: year + Math.floor(lastOffset / 12), month: (lastOffset % 12) + 1 };
  const fy = fyLabelOf(year, month, fyStartMonth);
  return {
    kind: "quarter",
    key: quarterKey(year, month),
    label: `${MONTH_LABELS[month - 1]}-${MONTH_LABELS[last.month - 1]} ${String(last.year % 100).padStart(2, "0")}`,
    year,
    month,
    fy: fy === fyLabelOf(last.year, last.month, fyStartMonth) ? fy : null,
  };
}

/**
 * A calendar year as a period. It is a financial year only when financial years start in
 * January; otherwise it has none, and year summaries are by calendar year under its own label.
 */
export function calendarYearPeriod(year: number, fyStartMonth = DEFAULT_FY_START_MONTH): Period {
  return {
    kind: "year",
    key: String(year),
    label: String(year),
    year,
    fy: fyStartMonth === 1 ? String(year) : null,
  };
}

/** Year n of an appraisal table; Year 0 is time zero, the instant of the investment. */
export function yearNumberPeriod(n: number, label = `Year ${n}`): Period {
  return { kind: "year", key: `Year ${n}`, label, fy: null, yearNumber: n, timeZero: n === 0 };
}

/** The period a heading stands for; null for totals and headings that are not one period. */
export function periodOfHeading(
  h: PeriodHeading,
  fyStartMonth = DEFAULT_FY_START_MONTH
): Period | null {
  switch (h.kind) {
    case "month":
      return monthPeriod(h.year, h.month, fyStartMonth);
    case "quarter":
      return quarterPeriod(h.year, h.month, fyStartMonth);
    case "fy":
      return yearPeriod(h.label, h.label);
    case "calendar-year":
      return calendarYearPeriod(h.year, fyStartMonth);
    case "year-number":
      return yearNumberPeriod(h.n, h.label);
    case "period-number":
    case "total":
      return null;
  }
}

/** Where a period sits on its own axis (months from year 0, year numbers, start years), with its step. */
function position(p: Period): { axis: string; at: number; step: number } | null {
  if ((p.kind === "month" || p.kind === "quarter") && p.year !== undefined && p.month !== undefined)
    return { axis: p.kind, at: p.year * 12 + p.month - 1, step: p.kind === "month" ? 1 : 3 };
  if (p.kind !== "year") return null;
  if (p.yearNumber !== undefined) return { axis: "year-number", at: p.yearNumber, step: 1 };
  const numbered = /^(?:year|yr|y)\.?\s*(\d{1,2})$/i.exec(p.key);
  if (numbered) return { axis: "year-number", at: Number(numbered[1]), step: 1 };
  if (/^\d{4}$/.test(p.key)) return { axis: "calendar-year", at: Number(p.key), step: 1 };
  const fy = parseFyLabel(p.key);
  return fy ? { axis: "fy", at: fy.startYear, step: 1 } : null;
}

/** The period of the same kind as `like` at position `at`. */
function periodAt(like: Period, at: number, fyStartMonth: number): Period {
  if (like.kind === "month") return monthPeriod(Math.floor(at / 12), (at % 12) + 1, fyStartMonth);
  if (like.kind === "quarter")
    return quarterPeriod(Math.floor(at / 12), (at % 12) + 1, fyStartMonth);
  if (like.yearNumber !== undefined || /^(?:year|yr|y)\b/i.test(like.key))
    return yearNumberPeriod(at);
  if (/^\d{4}$/.test(like.key)) return calendarYearPeriod(at, fyStartMonth);
  const label = fyLabelFromStartYear(at);
  return yearPeriod(label, label);
}

/**
 * The periods that should come between a and b and are missing: [] when b follows a directly;
 * null when b does not come after a, or the two are not on one axis (a month and a year).
 */
export function missingPeriodsBetween(
  a: Period,
  b: Period,
  fyStartMonth = DEFAULT_FY_START_MONTH
): Period[] | null {
  const pa = position(a);
  const pb = position(b);
  if (!pa || !pb || pa.axis !== pb.axis || pb.at <= pa.at) return null;
  const missing: Period[] = [];
  for (let at = pa.at + pa.step; at < pb.at; at += pa.step)
    missing.push(periodAt(a, at, fyStartMonth));
  return missing;
}

export interface PeriodGap {
  /** Index of the period after which the gap opens. */
  afterIndex: number;
  /** The periods missing there; empty when the next period does not come after this one at all. */
  missing: Period[];
  /** What is wrong, in a finance user's words. */
  message: string;
}

/** Every place the axis skips periods or runs backwards, so the reader can refuse or say so. */
export function periodGaps(
  periods: readonly Period[],
  fyStartMonth = DEFAULT_FY_START_MONTH
): PeriodGap[] {
  const gaps: PeriodGap[] = [];
  for (let i = 0; i + 1 < periods.length; i++) {
    const [a, b] = [periods[i], periods[i + 1]];
    const missing = missingPeriodsBetween(a, b, fyStartMonth);
    if (missing === null) {
      if (position(a)?.axis === position(b)?.axis && position(a) !== null)
        gaps.push({
          afterIndex: i,
          missing: [],
          message: ErrorMessage.period.outOfOrder(b.label, a.label),
        });
      continue;
    }
    if (missing.length === 0) continue;
    gaps.push({
      afterIndex: i,
      missing,
      message: ErrorMessage.period.missing(
        a.label,
        b.label,
        missing.map((p) => p.label)
      ),
    });
  }
  return gaps;
}
