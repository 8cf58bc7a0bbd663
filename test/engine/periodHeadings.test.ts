/**
 * Period headings beyond English months: other languages, Year 0 tables, calendar years and
 * quarters; discounting by quarter and from Year 0; gaps in the axis. Expected values by hand.
 */
import { parsePeriodHeader, monthPeriod, yearPeriod, fyLabelFromStartYear } from "../../src/engine/periods";
import {
  calendarYearPeriod,
  missingPeriodsBetween,
  parseBareYear,
  parsePeriodHeading,
  parseQuarterHeading,
  periodGaps,
  periodOfHeading,
  quarterPeriod,
  yearNumberPeriod,
} from "../../src/engine/periodHeadings";
import { analysePayback } from "../../src/engine/payback";
import { money } from "../../src/engine/money";
import type { FlowLine, Period } from "../../src/engine/types";

const line = (label: string, role: FlowLine["role"], amounts: (number | string)[]): FlowLine => ({ label, role, amounts: amounts.map((a) => money(a)) });
const monthOf = (text: string) => {
  const h = parsePeriodHeader(text);
  return h && h.kind === "month" ? [h.year, h.month] : null;
};

describe("month names in other languages", () => {
  test.each([
    ["avr.-22", 2022, 4],
    ["janv. 2023", 2023, 1],
    ["févr.-22", 2022, 2],
    ["juil. 2022", 2022, 7],
    ["août 22", 2022, 8],
    ["déc.-22", 2022, 12],
    ["Mai 22", 2022, 5],
    ["Okt 22", 2022, 10],
    ["Mär 23", 2023, 3],
    ["März 2023", 2023, 3],
    ["Dez 22", 2022, 12],
    ["ene-23", 2023, 1],
    ["dic 22", 2022, 12],
    ["abr-23", 2023, 4],
    ["mag-22", 2022, 5],
    ["giu 23", 2023, 6],
    ["set-22", 2022, 9],
    ["mrt 23", 2023, 3],
    ["mei 23", 2023, 5],
    ["out-22", 2022, 10],
    ["fev 2023", 2023, 2],
    ["Juni 2023", 2023, 6],
  ])("%s", (text, year, month) => {
    expect(monthOf(text)).toEqual([year, month]);
  });

  test("a French year as Excel's mmm-yy writes it reads as twelve months in order, with no gap", () => {
    const headers = ["janv.-22", "févr.-22", "mars-22", "avr.-22", "mai-22", "juin-22", "juil.-22", "août-22", "sept.-22", "oct.-22", "nov.-22", "déc.-22"];
    expect(headers.map((h) => monthOf(h)![1])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(periodGaps(headers.map((h) => periodOfHeading(parsePeriodHeading(h)!)!))).toEqual([]);
  });

  test.each(["Mais 22", "Set up 2022", "Marz", "Residential 22"])("not a month: %s", (text) => {
    expect(parsePeriodHeader(text)).toBeNull();
  });
});

describe("Year 0 tables and calendar years", () => {
  test('"Year 0" and bare 0 ... N are year numbers; Year 0 is time zero', () => {
    expect(parsePeriodHeader("Year 0")).toMatchObject({ kind: "year-number", n: 0 });
    expect(parseBareYear(0)).toMatchObject({ kind: "year-number", n: 0 });
    expect(parseBareYear("3")).toMatchObject({ kind: "year-number", n: 3 });
    expect(periodOfHeading(parsePeriodHeader("Year 0")!)).toMatchObject({ kind: "year", key: "Year 0", yearNumber: 0, timeZero: true, fy: null });
    expect(periodOfHeading(parseBareYear(4)!)).toMatchObject({ yearNumber: 4, timeZero: false, label: "Year 4" });
  });

  test("bare 2024 is a calendar year; fractions and other numbers are no year", () => {
    expect(parseBareYear(2024)).toEqual({ kind: "calendar-year", year: 2024, label: "2024" });
    expect(parsePeriodHeading("2025")).toEqual({ kind: "calendar-year", year: 2025, label: "2025" });
    expect(parseBareYear(2.5)).toBeNull();
    expect(parseBareYear(150)).toBeNull();
    expect(parseBareYear("£2024")).toBeNull();
  });

  test("calendar years are annual, with financial-year summaries only when the year starts in January", () => {
    expect(calendarYearPeriod(2024)).toEqual({ kind: "year", key: "2024", label: "2024", year: 2024, fy: null });
    expect(calendarYearPeriod(2024, 1).fy).toBe("2024");
    const periods = [2024, 2025, 2026].map((y) => calendarYearPeriod(y));
    // Cumulative -100, -40, +20: 2 whole years + 40/60 of the third from the first investment = 32 months.
    const r = analysePayback({ periods, lines: [line("Capital", "investment", [-100, 0, 0]), line("Saving", "return", [0, 60, 60])] });
    expect(r.periodicity).toBe("annual");
    expect(r.paybackMonths!.toNumber()).toBe(32);
    expect(r.years.map((y) => y.fy)).toEqual(["2024", "2025", "2026"]);
  });

  test("Year 0 tables discount Year n by (1+r)^n", () => {
    // 107.1225 = 100 x 1.035^2, so two years on it is worth exactly the 100 invested at Year 0.
    const periods = [0, 1, 2].map((n) => yearNumberPeriod(n));
    const r = analysePayback({ periods, lines: [line("Capital", "investment", [-100, 0, 0]), line("Saving", "return", [0, 0, "107.1225"])] });
    expect(r.npv.abs().lessThan("1e-30")).toBe(true);
  });
});

describe("quarters", () => {
  test.each([
    ["Q1 2024/25", 2024, 4],
    ["Q2 2024/25", 2024, 7],
    ["Q3 24/25", 2024, 10],
    ["Q4 2024/25", 2025, 1],
    ["2024/25 Q2", 2024, 7],
    ["Qtr 1 FY24/25", 2024, 4],
    ["2024 Q1", 2024, 1],
    ["Q1 2024", 2024, 1],
    ["Q3 2024", 2024, 7],
    ["Jan-Mar 2025", 2025, 1],
    ["Apr-Jun 24", 2024, 4],
    ["Oct - Dec 2024", 2024, 10],
    ["avr.-juin 24", 2024, 4],
  ])("%s starts in %i month %i (April financial year)", (text, year, month) => {
    expect(parseQuarterHeading(text)).toEqual({ year, month });
    expect(parsePeriodHeading(text)).toEqual({ kind: "quarter", year, month, label: text });
  });

  test.each(["Jan-Apr 2025", "Q5 2024", "Q1 2024/26", "Nov-Jan 25"])("not a quarter: %s", (text) => {
    expect(parseQuarterHeading(text)).toBeNull();
  });

  test("a quarter's financial year: Q1 of 2024/25 is Apr-Jun 2024; Jan-Mar 2025 is the last quarter of 2024/25", () => {
    expect(quarterPeriod(2024, 4)).toEqual({ kind: "quarter", key: "2024-Q2", label: "Apr-Jun 24", year: 2024, month: 4, fy: "2024/25" });
    expect(quarterPeriod(2025, 1).fy).toBe("2024/25");
    expect(quarterPeriod(2024, 1).fy).toBe("2023/24");
    expect(quarterPeriod(2024, 1, 1).fy).toBe("2024");
    // With a September year start, Jul-Sep straddles two financial years: no year to put it in.
    expect(quarterPeriod(2024, 7, 9).fy).toBeNull();
    expect(parseQuarterHeading("Q1 2024/25", 1)).toEqual({ year: 2024, month: 1 });
  });

  test("a quarterly grid: payback in months (quarters x 3), year summaries by financial year, NPV at (1+r)^(t/4)", () => {
    const periods = ["Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25", "Q1 2025/26"].map((t) => periodOfHeading(parsePeriodHeading(t)!)!);
    // Cumulative: -100, -70, -40, -10, +20: zero in the fifth quarter, 10 of its 30 needed.
    // first-investment: 4 + 1/3 quarters = 13 months; first-return: 3 1/3 quarters = 10 months.
    const r = analysePayback({ periods, lines: [line("Inv", "investment", [-100, 0, 0, 0, 0]), line("Saving", "return", [0, 30, 30, 30, 30])] });
    expect(r.cadence).toBe("quarterly");
    expect(r.paybackMonths!.toDecimalPlaces(20).toNumber()).toBe(13);
    expect(r.paybackByConvention["first-return"]!.months.toDecimalPlaces(20).toNumber()).toBe(10);
    expect(r.years.map((y) => [y.fy, y.investment.toNumber(), y.return.toNumber(), y.cumulative.toNumber()])).toEqual([
      ["2024/25", -100, 90, -10],
      ["2025/26", 0, 30, 20],
    ]);
    // 103.5 four quarters on is worth the 100 at 3.5% a year.
    const npv = analysePayback({ periods, lines: [line("Inv", "investment", [-100, 0, 0, 0, 0]), line("Saving", "return", [0, 0, 0, 0, "103.5"])] }).npv;
    expect(npv.abs().lessThan("1e-30")).toBe(true);
  });

  test("quarters mixed with months are refused in words", () => {
    expect(() => analysePayback({ periods: [quarterPeriod(2024, 4), monthPeriod(2024, 7)], lines: [] })).toThrow(/mix quarters with months/);
  });
});

describe("gaps in the periods are found, never closed", () => {
  const months = (list: [number, number][]): Period[] => list.map(([y, m]) => monthPeriod(y, m));

  test("the months missing between two headers", () => {
    expect(missingPeriodsBetween(monthPeriod(2022, 3), monthPeriod(2022, 6))!.map((p) => p.label)).toEqual(["Apr-22", "May-22"]);
    expect(missingPeriodsBetween(monthPeriod(2022, 12), monthPeriod(2023, 1))).toEqual([]);
    expect(missingPeriodsBetween(monthPeriod(2022, 12), monthPeriod(2023, 2))!.map((p) => p.key)).toEqual(["2023-01"]);
    // Not after, or not on one axis: no answer rather than a wrong one.
    expect(missingPeriodsBetween(monthPeriod(2022, 6), monthPeriod(2022, 3))).toBeNull();
    expect(missingPeriodsBetween(monthPeriod(2022, 6), yearPeriod("2022/23", "2022/23"))).toBeNull();
  });

  test("a French grid missing juin-22 reports the gap with the month's name", () => {
    const periods = ["avr.-22", "mai-22", "juil.-22"].map((t) => periodOfHeading(parsePeriodHeading(t)!)!);
    const gaps = periodGaps(periods);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].afterIndex).toBe(1);
    expect(gaps[0].missing.map((p) => p.label)).toEqual(["Jun-22"]);
    expect(gaps[0].message).toBe("Between May-22 and Jul-22 one period is missing (Jun-22).");
  });

  test("quarters, Year n, financial and calendar years", () => {
    expect(missingPeriodsBetween(quarterPeriod(2024, 4), quarterPeriod(2024, 10))!.map((p) => p.label)).toEqual(["Jul-Sep 24"]);
    expect(missingPeriodsBetween(quarterPeriod(2024, 10), quarterPeriod(2025, 1))).toEqual([]);
    expect(periodGaps([0, 1, 3].map((n) => yearNumberPeriod(n)))[0].missing.map((p) => p.label)).toEqual(["Year 2"]);
    // The reader's own "Year n" periods (labelled, without a year number) are checked too.
    expect(missingPeriodsBetween(yearPeriod("Year 1", null), yearPeriod("Year 4", null))!.map((p) => p.key)).toEqual(["Year 2", "Year 3"]);
    const fy = (s: number) => yearPeriod(fyLabelFromStartYear(s), fyLabelFromStartYear(s));
    expect(missingPeriodsBetween(fy(2022), fy(2024))!.map((p) => p.label)).toEqual(["2023/24"]);
    expect(missingPeriodsBetween(calendarYearPeriod(2024), calendarYearPeriod(2027))!.map((p) => p.label)).toEqual(["2025", "2026"]);
  });

  test("periods out of order are reported; a long gap is summarised", () => {
    const backwards = periodGaps(months([[2022, 3], [2022, 2]]));
    expect(backwards).toEqual([{ afterIndex: 0, missing: [], message: "Feb-22 does not follow Mar-22: the periods run out of order." }]);
    const long = periodGaps(months([[2022, 1], [2023, 1]]));
    expect(long[0].missing).toHaveLength(11);
    expect(long[0].message).toBe("Between Jan-22 and Jan-23 11 periods are missing (Feb-22 to Dec-22).");
    expect(periodGaps(months([[2022, 1], [2022, 2], [2022, 3]]))).toEqual([]);
  });
});
