/**
 * Dates arguments: a row or column of month dates (or financial years such as 2022/23) that goes
 * with the flows one for one, and the single date =ITOS.FY takes.
 */
import {
  dateToSerial,
  fyLabelOf,
  monthPeriod,
  nextMonth,
  parsePeriodHeader,
  yearPeriod,
  type Period,
} from "../engine";
import { ArgumentProblem } from "./excelErrors";
import { asList, refuseNonValue } from "./ranges";

/** What one cell of a dates range says: a month, or a financial year (its start month comes later). */
export type DateHeading = { year: number; month: number } | { fyStartYear: number };

/** The cells of a dates range read as months or financial years, each refused by its place. */
export function readDateHeadings(value: unknown, name: string): DateHeading[] {
  return asList(value, name).map((cell, index) => {
    const place = `${name} (cell ${index + 1})`;
    refuseNonValue(cell, place);
    const header =
      typeof cell === "number" || typeof cell === "string"
        ? parsePeriodHeader(cell, "dd/mm/yyyy")
        : null;
    if (header?.kind === "month") return { year: header.year, month: header.month };
    if (header?.kind === "fy") return { fyStartYear: header.startYear };
    throw new ArgumentProblem(
      `${place} holds '${String(cell)}', which is not a date or a month such as Apr-22.`
    );
  });
}

/** One period for each date: consecutive months, or consecutive years / financial years. */
export interface DatedPeriods {
  periods: Period[];
  /** The Excel date serial of each period's first day (for BREAKEVEN's answer). */
  serials: number[];
}

/** The periods of the dates, which must match the flows' periods one for one and run on. */
export function datedPeriods(
  headings: DateHeading[],
  periodCount: number,
  fyStartMonth: number
): DatedPeriods {
  if (headings.length !== periodCount) {
    throw new ArgumentProblem(
      `dates has ${headings.length} cells but flows has ${periodCount} periods: they must match one for one.`
    );
  }
  const months = headings.map((heading) =>
    "fyStartYear" in heading ? { year: heading.fyStartYear, month: fyStartMonth } : heading
  );
  const monthsBetween = (index: number) =>
    (months[index].year - months[index - 1].year) * 12 +
    (months[index].month - months[index - 1].month);
  const step = months.length > 1 ? monthsBetween(1) : 1;
  if (step !== 1 && step !== 12)
    throw new ArgumentProblem("dates must be consecutive months or consecutive years.");
  for (let index = 1; index < months.length; index++) {
    if (monthsBetween(index) !== step) {
      const before = months[index - 1];
      const expected =
        step === 1 ? nextMonth(before.year, before.month) : { ...before, year: before.year + 1 };
      throw new ArgumentProblem(
        `dates (cell ${index + 1}) is not the period after the one before it: expected ${monthPeriod(expected.year, expected.month).label}.`
      );
    }
  }
  const periods = months.map(({ year, month }) => {
    if (step === 1) return monthPeriod(year, month, fyStartMonth);
    const fy = fyLabelOf(year, month, fyStartMonth);
    return yearPeriod(fy, fy);
  });
  return { periods, serials: months.map(({ year, month }) => dateToSerial(year, month, 1)) };
}

/** Months for flows given without dates: the answer in months needs only their order. */
export function undatedMonths(count: number): Period[] {
  const periods: Period[] = [];
  let current = { year: 2000, month: 1 };
  for (let index = 0; index < count; index++) {
    periods.push(monthPeriod(current.year, current.month));
    current = nextMonth(current.year, current.month);
  }
  return periods;
}

/** The Excel serial of a date cell: a date as Excel holds it, or a month written as text. */
export function dateSerialOf(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  const header = parsePeriodHeader(value);
  return header?.kind === "month" ? dateToSerial(header.year, header.month, 1) : null;
}
