/**
 * Quarters, calendar years and Year n at their edges, worked out by hand: the quarter's months
 * for each financial-year start, quarter spellings and near misses, the bounds of bare years,
 * the periods each heading stands for, and the wording of gaps in the axis.
 */
import {
  calendarYearPeriod,
  fiscalQuarterStart,
  missingPeriodsBetween,
  parseBareYear,
  parsePeriodHeading,
  parseQuarterHeading,
  periodGaps,
  periodOfHeading,
  quarterPeriod,
  yearNumberPeriod,
} from "../../src/engine/periodHeadings";
import { monthPeriod, yearPeriod } from "../../src/engine/periods";

describe("fiscalQuarterStart", () => {
  test.each([
    [2024, 1, 4, 2024, 4],
    [2024, 3, 4, 2024, 10],
    [2024, 4, 4, 2025, 1],
    [2024, 3, 7, 2025, 1],
    [2024, 2, 1, 2024, 4],
    [2024, 4, 1, 2024, 10],
    [2024, 2, 10, 2025, 1],
    [2024, 1, 12, 2024, 12],
    [2024, 2, 12, 2025, 3],
  ])(
    "Q of the year starting %i: quarter %i, start month %i, begins %i-%i",
    (start, q, fyStart, year, month) => {
      expect(fiscalQuarterStart(start, q, fyStart)).toEqual({ year, month });
    }
  );

  test("the year starts in April unless told otherwise", () => {
    expect(fiscalQuarterStart(2024, 2)).toEqual({ year: 2024, month: 7 });
    expect(parseQuarterHeading("Q2 2024/25")).toEqual({ year: 2024, month: 7 });
  });
});

describe("parseQuarterHeading", () => {
  test.each([
    ["Quarter 2 2024/25", 4, 2024, 7],
    ["q1,2024/25", 4, 2024, 4],
    ["Q1, FY 2024/25", 4, 2024, 4],
    ["2024/25, Q3", 4, 2024, 10],
    ["FY24/25 Qtr 4", 4, 2025, 1],
    ["2024-25 Q1", 4, 2024, 4],
    ["Q1 2024/25", 7, 2024, 7],
    ["Q4 2024/25", 1, 2024, 10],
    ["Q1-2024", 4, 2024, 1],
    ["Q2 '24", 4, 2024, 4],
    ["Q3 24", 4, 2024, 7],
    ["Quarter 4 2024", 4, 2024, 10],
    ["2024-Q4", 4, 2024, 10],
    ["2024 Quarter 2", 4, 2024, 4],
    ["2024Q3", 4, 2024, 7],
    ["Jan–Mar 2025", 4, 2025, 1],
    ["Jan/Mar 2025", 4, 2025, 1],
    ["Jan - Mar '25", 4, 2025, 1],
    ["JUL-SEP 2024", 4, 2024, 7],
    ["Jul-Sep-24", 4, 2024, 7],
    ["  Oct   -   Dec   2024  ", 4, 2024, 10],
  ])("%j (years from month %i) starts %i-%i", (text, fyStart, year, month) => {
    expect(parseQuarterHeading(text, fyStart)).toEqual({ year, month });
  });

  test.each([
    "Q0 2024",
    "Q5 2024/25",
    "QQ1 2024",
    "xQ1 2024",
    "Q1 2024x",
    "Q1 2024/26",
    "2024/26 Q1",
    "Q1",
    "2024",
    "Q1 202",
    "Dec-Feb 25",
    "Jan-Feb 2025",
    "Janx-Mar 2025",
    "Jan-Marx 2025",
    "Jan-Mar",
    "Jan-Mar 202",
    "Jan Mar 2025",
  ])("%j is not a quarter", (text) => {
    expect(parseQuarterHeading(text)).toBeNull();
  });
});

describe("parseBareYear", () => {
  test.each([
    [0, { kind: "year-number", n: 0, label: "Year 0" }],
    ["7", { kind: "year-number", n: 7, label: "Year 7" }],
    [99, { kind: "year-number", n: 99, label: "Year 99" }],
    [1900, { kind: "calendar-year", year: 1900, label: "1900" }],
    [" 2024 ", { kind: "calendar-year", year: 2024, label: "2024" }],
    [2199, { kind: "calendar-year", year: 2199, label: "2199" }],
  ])("%j is %j", (value, heading) => {
    expect(parseBareYear(value)).toEqual(heading);
  });

  test.each([100, 1899, 2200, 12345, 1.5, -1, "1.5", "", "Year 1", true, null])(
    "%j is no year",
    (value) => {
      expect(parseBareYear(value)).toBeNull();
    }
  );
});

describe("parsePeriodHeading", () => {
  test("calendar years written as text, with or without CY", () => {
    expect(parsePeriodHeading("CY2024")).toEqual({
      kind: "calendar-year",
      year: 2024,
      label: "CY2024",
    });
    expect(parsePeriodHeading("cy 2024")).toEqual({
      kind: "calendar-year",
      year: 2024,
      label: "cy 2024",
    });
    expect(parsePeriodHeading(" 2024 ")).toEqual({
      kind: "calendar-year",
      year: 2024,
      label: "2024",
    });
    expect(parsePeriodHeading("1900")).toEqual({
      kind: "calendar-year",
      year: 1900,
      label: "1900",
    });
    expect(parsePeriodHeading("2199")).toEqual({
      kind: "calendar-year",
      year: 2199,
      label: "2199",
    });
    expect(parsePeriodHeading("1899")).toBeNull();
    expect(parsePeriodHeading("2200")).toBeNull();
    expect(parsePeriodHeading("CY 20245")).toBeNull();
    expect(parsePeriodHeading(2024)).toBeNull();
  });

  test("quarters keep their words, tidied, and count from the start month given", () => {
    expect(parsePeriodHeading("  Q1   2024/25 ")).toEqual({
      kind: "quarter",
      year: 2024,
      month: 4,
      label: "Q1 2024/25",
    });
    expect(parsePeriodHeading("Q1 2024/25", null, 7)).toEqual({
      kind: "quarter",
      year: 2024,
      month: 7,
      label: "Q1 2024/25",
    });
    expect(parsePeriodHeading("Apr-22")).toEqual({ kind: "month", year: 2022, month: 4 });
    expect(parsePeriodHeading(44652, "mmm-yy")).toEqual({ kind: "month", year: 2022, month: 4 });
  });
});

describe("the period each heading stands for", () => {
  test.each([
    [2024, 4, 4, { key: "2024-Q2", label: "Apr-Jun 24", fy: "2024/25" }],
    [2024, 1, 4, { key: "2024-Q1", label: "Jan-Mar 24", fy: "2023/24" }],
    [2024, 7, 4, { key: "2024-Q3", label: "Jul-Sep 24", fy: "2024/25" }],
    [2024, 10, 4, { key: "2024-Q4", label: "Oct-Dec 24", fy: "2024/25" }],
    [2024, 11, 4, { key: "2024-11+3m", label: "Nov-Jan 25", fy: "2024/25" }],
    [2024, 12, 4, { key: "2024-12+3m", label: "Dec-Feb 25", fy: "2024/25" }],
    [2024, 2, 4, { key: "2024-02+3m", label: "Feb-Apr 24", fy: null }],
    [2024, 3, 4, { key: "2024-03+3m", label: "Mar-May 24", fy: null }],
    [2024, 10, 1, { key: "2024-Q4", label: "Oct-Dec 24", fy: "2024" }],
    [2024, 12, 1, { key: "2024-12+3m", label: "Dec-Feb 25", fy: null }],
  ])("the quarter from %i-%i (years from month %i) is %j", (year, month, fyStart, expected) => {
    expect(quarterPeriod(year, month, fyStart)).toEqual({
      kind: "quarter",
      year,
      month,
      ...expected,
    });
  });

  test("calendar years and Year n", () => {
    expect(calendarYearPeriod(2024)).toEqual({
      kind: "year",
      key: "2024",
      label: "2024",
      year: 2024,
      fy: null,
    });
    expect(calendarYearPeriod(2024, 1)).toEqual({
      kind: "year",
      key: "2024",
      label: "2024",
      year: 2024,
      fy: "2024",
    });
    expect(yearNumberPeriod(0)).toEqual({
      kind: "year",
      key: "Year 0",
      label: "Year 0",
      fy: null,
      yearNumber: 0,
      timeZero: true,
    });
    expect(yearNumberPeriod(3, "Yr 3")).toEqual({
      kind: "year",
      key: "Year 3",
      label: "Yr 3",
      fy: null,
      yearNumber: 3,
      timeZero: false,
    });
  });

  test("every kind of heading", () => {
    expect(periodOfHeading({ kind: "month", year: 2022, month: 3 })).toEqual(monthPeriod(2022, 3));
    expect(periodOfHeading({ kind: "month", year: 2022, month: 3 }, 1)!.fy).toBe("2022");
    expect(periodOfHeading({ kind: "quarter", year: 2024, month: 1, label: "Q1 2024" }, 1)).toEqual(
      quarterPeriod(2024, 1, 1)
    );
    expect(periodOfHeading({ kind: "fy", startYear: 2022, label: "2022/23" })).toEqual({
      kind: "year",
      key: "2022/23",
      label: "2022/23",
      fy: "2022/23",
    });
    expect(periodOfHeading({ kind: "calendar-year", year: 2024, label: "CY2024" }, 1)!.fy).toBe(
      "2024"
    );
    expect(periodOfHeading({ kind: "year-number", n: 2, label: "Yr 2" })).toEqual(
      yearNumberPeriod(2, "Yr 2")
    );
    expect(periodOfHeading({ kind: "period-number", n: 2, label: "P2" })).toBeNull();
    expect(periodOfHeading({ kind: "total", label: "Total" })).toBeNull();
  });
});

describe("missing periods and gaps", () => {
  const labels = (ps: { label: string }[] | null) => ps && ps.map((p) => p.label);

  test("on each axis", () => {
    expect(labels(missingPeriodsBetween(monthPeriod(2022, 11), monthPeriod(2023, 2)))).toEqual([
      "Dec-22",
      "Jan-23",
    ]);
    expect(
      missingPeriodsBetween(monthPeriod(2022, 11), monthPeriod(2023, 2))!.map((p) => p.fy)
    ).toEqual(["2022/23", "2022/23"]);
    expect(
      missingPeriodsBetween(monthPeriod(2023, 2), monthPeriod(2023, 5), 1)!.map((p) => p.fy)
    ).toEqual(["2023", "2023"]);
    expect(labels(missingPeriodsBetween(quarterPeriod(2024, 7), quarterPeriod(2025, 4)))).toEqual([
      "Oct-Dec 24",
      "Jan-Mar 25",
    ]);
    expect(missingPeriodsBetween(quarterPeriod(2024, 7), quarterPeriod(2025, 4))![0].kind).toBe(
      "quarter"
    );
    expect(labels(missingPeriodsBetween(yearNumberPeriod(1), yearNumberPeriod(4)))).toEqual([
      "Year 2",
      "Year 3",
    ]);
    expect(
      labels(missingPeriodsBetween(yearPeriod("Yr 1", null), yearPeriod("Yr 3", null)))
    ).toEqual(["Year 2"]);
    expect(
      labels(missingPeriodsBetween(yearPeriod("Year 1", null), yearPeriod("Year 3", null)))
    ).toEqual(["Year 2"]);
    expect(
      labels(missingPeriodsBetween(calendarYearPeriod(2022), calendarYearPeriod(2025)))
    ).toEqual(["2023", "2024"]);
    expect(
      missingPeriodsBetween(calendarYearPeriod(2022, 1), calendarYearPeriod(2024, 1), 1)![0].fy
    ).toBe("2023");
    const fy = (label: string) => yearPeriod(label, label);
    expect(missingPeriodsBetween(fy("2022/23"), fy("2025/26"))).toEqual([
      fy("2023/24"),
      fy("2024/25"),
    ]);
    expect(missingPeriodsBetween(monthPeriod(2022, 3), monthPeriod(2022, 4))).toEqual([]);
  });

  test("none when the second does not come after the first or they are on different axes", () => {
    expect(missingPeriodsBetween(monthPeriod(2022, 4), monthPeriod(2022, 4))).toBeNull();
    expect(missingPeriodsBetween(monthPeriod(2022, 4), monthPeriod(2022, 3))).toBeNull();
    expect(missingPeriodsBetween(monthPeriod(2022, 4), quarterPeriod(2022, 7))).toBeNull();
    expect(missingPeriodsBetween(monthPeriod(2022, 4), yearNumberPeriod(3))).toBeNull();
    expect(
      missingPeriodsBetween(calendarYearPeriod(2022), yearPeriod("2023/24", "2023/24"))
    ).toBeNull();
    expect(
      missingPeriodsBetween(yearPeriod("Later", null), yearPeriod("Later still", null))
    ).toBeNull();
    expect(
      missingPeriodsBetween({ kind: "month", key: "x", label: "x", fy: null }, monthPeriod(2022, 4))
    ).toBeNull();
  });

  test("gaps are worded with the missing periods, listed up to six", () => {
    const months = (list: [number, number][]) => list.map(([y, m]) => monthPeriod(y, m));
    expect(
      periodGaps(
        months([
          [2022, 4],
          [2022, 6],
          [2022, 7],
        ])
      )
    ).toEqual([
      {
        afterIndex: 0,
        missing: [monthPeriod(2022, 5)],
        message: "Between Apr-22 and Jun-22 one period is missing (May-22).",
      },
    ]);
    expect(
      periodGaps(
        months([
          [2022, 4],
          [2022, 5],
          [2022, 8],
        ])
      ).map((g) => [g.afterIndex, g.message])
    ).toEqual([[1, "Between May-22 and Aug-22 2 periods are missing (Jun-22, Jul-22)."]]);
    expect(
      periodGaps(
        months([
          [2022, 1],
          [2022, 8],
        ])
      )[0].message
    ).toBe(
      "Between Jan-22 and Aug-22 6 periods are missing (Feb-22, Mar-22, Apr-22, May-22, Jun-22, Jul-22)."
    );
    expect(
      periodGaps(
        months([
          [2022, 1],
          [2022, 9],
        ])
      )[0].message
    ).toBe("Between Jan-22 and Sep-22 7 periods are missing (Feb-22 to Aug-22).");
  });

  test("periods out of order, and periods on different axes", () => {
    expect(periodGaps([monthPeriod(2022, 4), monthPeriod(2022, 3)])).toEqual([
      {
        afterIndex: 0,
        missing: [],
        message: "Mar-22 does not follow Apr-22: the periods run out of order.",
      },
    ]);
    expect(periodGaps([monthPeriod(2022, 4), monthPeriod(2022, 4)])[0].message).toBe(
      "Apr-22 does not follow Apr-22: the periods run out of order."
    );
    expect(periodGaps([monthPeriod(2022, 4), yearNumberPeriod(1)])).toEqual([]);
    expect(periodGaps([yearPeriod("Later", null), yearPeriod("Later", null)])).toEqual([]);
    expect(periodGaps([monthPeriod(2022, 4)])).toEqual([]);
    expect(periodGaps([])).toEqual([]);
    expect(periodGaps([monthPeriod(2022, 4), monthPeriod(2022, 5), monthPeriod(2022, 6)])).toEqual(
      []
    );
  });
});
