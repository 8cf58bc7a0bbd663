/**
 * Period headers as councils spell them, each with its month or year worked out by hand; the
 * near misses that must not read as periods; FY labels either side of the year's start; and
 * month words in every language the reader knows, accents and dots as people type them.
 */
import {
  dateToSerial,
  fullYear,
  fyLabelFromStartYear,
  fyLabelOf,
  isDateFormat,
  MONTH_LABELS,
  monthLabel,
  monthPeriod,
  nextMonth,
  parseFyLabel,
  parsePeriodHeader,
  serialToDate,
  yearPeriod,
} from "../../src/engine/periods";
import { monthOfWord } from "../../src/engine/monthNames";

describe("Excel serials", () => {
  test("serials count days from 30 December 1899", () => {
    // 1 January 2022 is 44562; 31 + 28 + 31 = 90 days later is 1 April 2022.
    expect(serialToDate(44652)).toEqual({ year: 2022, month: 4, day: 1 });
    expect(serialToDate(44652.75)).toEqual({ year: 2022, month: 4, day: 1 });
    expect(serialToDate(1)).toEqual({ year: 1899, month: 12, day: 31 });
    expect(serialToDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(dateToSerial(2022, 4)).toBe(44652);
    expect(dateToSerial(2022, 4, 30)).toBe(44681);
    expect(dateToSerial(1900, 3, 1)).toBe(61);
  });

  test.each([
    ["dd/mm/yyyy", true],
    ["mmm-yy", true],
    ["yyyy", true],
    ["D-MMM", true],
    [null, false],
    ["", false],
    ["#,##0", false],
    ["General", false],
    ['"Day "0', false],
    ["[Red]0", false],
    ["\\d0", false],
    ["£#,##0.00;(£#,##0.00)", false],
  ])("%j is a date format: %j", (format, isDate) => {
    expect(isDateFormat(format)).toBe(isDate);
  });
});

describe("financial-year labels", () => {
  test.each([
    [2022, 4, 4, "2022/23"],
    [2022, 3, 4, "2021/22"],
    [2023, 1, 4, "2022/23"],
    [2022, 12, 4, "2022/23"],
    [2022, 6, 7, "2021/22"],
    [2022, 7, 7, "2022/23"],
    [2022, 3, 1, "2022"],
    [2022, 12, 1, "2022"],
    [1999, 4, 4, "1999/00"],
    [2008, 5, 4, "2008/09"],
  ])("%i-%i with years starting in month %i is %s", (year, month, start, label) => {
    expect(fyLabelOf(year, month, start)).toBe(label);
  });

  test("the year starts in April unless told otherwise", () => {
    expect(fyLabelOf(2023, 3)).toBe("2022/23");
    expect(fyLabelOf(2023, 4)).toBe("2023/24");
    expect(fyLabelFromStartYear(2009)).toBe("2009/10");
    expect(fyLabelFromStartYear(2099)).toBe("2099/00");
  });

  test.each([
    ["2021/22", 2021],
    ["2021-22", 2021],
    ["2021–22", 2021],
    ["FY2021/22", 2021],
    ["fy 21/22", 2021],
    ["FY 2021 / 2022", 2021],
    ["2021/2022", 2021],
    ["  2021/22  ", 2021],
    ["21/22", 2021],
    ["1999/00", 1999],
    ["1999/2000", 1999],
  ])("%j is the financial year starting %i", (text, start) => {
    expect(parseFyLabel(text)).toEqual({ startYear: start, label: fyLabelFromStartYear(start) });
  });

  test.each([
    "2021/23",
    "2021/21",
    "2021/2023",
    "FY2021",
    "x2021/22",
    "2021/22x",
    "202/22",
    "2021/222",
    "2021 22",
    "FYI 2021/22",
  ])("%j is not a financial year", (text) => {
    expect(parseFyLabel(text)).toBeNull();
  });
});

describe("periods", () => {
  test("a month period", () => {
    expect(monthPeriod(2022, 4)).toEqual({
      kind: "month",
      key: "2022-04",
      label: "Apr-22",
      year: 2022,
      month: 4,
      fy: "2022/23",
    });
    expect(monthPeriod(2009, 12, 1)).toEqual({
      kind: "month",
      key: "2009-12",
      label: "Dec-09",
      year: 2009,
      month: 12,
      fy: "2009",
    });
  });

  test("a year period is keyed by its financial year when it has one", () => {
    expect(yearPeriod("Year 1", null)).toEqual({
      kind: "year",
      key: "Year 1",
      label: "Year 1",
      fy: null,
    });
    expect(yearPeriod("22/23", "2022/23")).toEqual({
      kind: "year",
      key: "2022/23",
      label: "22/23",
      fy: "2022/23",
    });
  });

  test("the month after December is January of the next year", () => {
    expect(nextMonth(2022, 12)).toEqual({ year: 2023, month: 1 });
    expect(nextMonth(2022, 1)).toEqual({ year: 2022, month: 2 });
    expect(nextMonth(2022, 11)).toEqual({ year: 2022, month: 12 });
  });

  test("month labels, every month", () => {
    const expected = [
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
    expect([...MONTH_LABELS]).toEqual(expected);
    expect(expected.map((_, i) => monthLabel(2005, i + 1))).toEqual(expected.map((m) => `${m}-05`));
    expect(monthLabel(2100, 4)).toBe("Apr-00");
  });

  test.each([
    ["22", 2022],
    ["'22", 2022],
    ["2022", 2022],
    ["'2022", 2022],
    ["09", 2009],
  ])("%j is the year %i", (text, year) => {
    expect(fullYear(text)).toBe(year);
  });
});

describe("parsePeriodHeader", () => {
  test.each([
    // Month words, any separator or none, two- or four-digit years.
    ["Apr-22", 2022, 4],
    ["apr22", 2022, 4],
    ["Apr/22", 2022, 4],
    ["Apr '22", 2022, 4],
    ["Apr-'22", 2022, 4],
    ["  April   2022 ", 2022, 4],
    ["Sept 2022", 2022, 9],
    ["Sept-22", 2022, 9],
    ["SEPTEMBER 2022", 2022, 9],
    ["avr.-22", 2022, 4],
    ["janv. 2023", 2023, 1],
    ["Mai 22", 2022, 5],
    ["Mär 23", 2023, 3],
    ["ene-23", 2023, 1],
    ["févr. 2024", 2024, 2],
    ["Août 2022", 2022, 8],
    ["Dezember 2022", 2022, 12],
    // Numeric dates: year first, or month (and UK day) first.
    ["2022-04", 2022, 4],
    ["2022/4", 2022, 4],
    ["2022.04.01", 2022, 4],
    ["2022-12-31", 2022, 12],
    ["04/2022", 2022, 4],
    ["4-2022", 2022, 4],
    ["01/04/2022", 2022, 4],
    ["31.12.2022", 2022, 12],
    ["1/1/2023", 2023, 1],
  ])("%j is %i-%i", (text, year, month) => {
    expect(parsePeriodHeader(text)).toEqual({ kind: "month", year, month });
  });

  test("date serials and dates", () => {
    expect(parsePeriodHeader(44652, "mmm-yy")).toEqual({ kind: "month", year: 2022, month: 4 });
    expect(parsePeriodHeader(0, "mmm-yy")).toBeNull();
    expect(parsePeriodHeader(-5, "mmm-yy")).toBeNull();
    expect(parsePeriodHeader(1, "dd/mm/yyyy")).toEqual({ kind: "month", year: 1899, month: 12 });
    expect(parsePeriodHeader(44652)).toBeNull();
    expect(parsePeriodHeader(44652, null)).toBeNull();
    expect(parsePeriodHeader(new Date(Date.UTC(2022, 3, 1)))).toEqual({
      kind: "month",
      year: 2022,
      month: 4,
    });
    expect(parsePeriodHeader(new Date(Date.UTC(2022, 11, 31, 23)))).toEqual({
      kind: "month",
      year: 2022,
      month: 12,
    });
    expect(parsePeriodHeader(true)).toBeNull();
    expect(parsePeriodHeader(null)).toBeNull();
    expect(parsePeriodHeader(undefined)).toBeNull();
  });

  test.each([
    ["Total", "Total"],
    ["TOTAL", "TOTAL"],
    ["Grand total", "Grand total"],
    ["  Grand   Total  ", "Grand Total"],
    ["Total 5 years", "Total 5 years"],
    ["Sub total", "Sub total"],
    ["Five year total", "Five year total"],
  ])("%j is a total headed %j", (text, label) => {
    expect(parsePeriodHeader(text)).toEqual({ kind: "total", label });
  });

  test.each([
    ["2022/23", 2022, "2022/23"],
    ["FY 22/23", 2022, "2022/23"],
    ["2022-2023", 2022, "2022/23"],
  ])("%j is the financial year %i", (text, startYear, label) => {
    expect(parsePeriodHeader(text)).toEqual({ kind: "fy", startYear, label });
  });

  test.each([
    ["Year 1", "year-number", 1],
    ["Yr 2", "year-number", 2],
    ["Y3", "year-number", 3],
    ["yr. 4", "year-number", 4],
    ["YEAR 10", "year-number", 10],
    ["Month 1", "period-number", 1],
    ["P1", "period-number", 1],
    ["Period 3", "period-number", 3],
    ["m12", "period-number", 12],
    ["p.5", "period-number", 5],
    ["Month 120", "period-number", 120],
  ])("%j is %s %i", (text, kind, n) => {
    expect(parsePeriodHeader(text)).toEqual({ kind, n, label: text });
  });

  test("labels keep the header's words with its spaces tidied", () => {
    expect(parsePeriodHeader("  Year   2 ")).toEqual({
      kind: "year-number",
      n: 2,
      label: "Year 2",
    });
  });

  test.each([
    "",
    "   ",
    "Totals",
    "Subtotal",
    "Residential",
    "Ap-22",
    "Aprilx 2022",
    "Apr-222",
    "Apr-2022x",
    "xApr-22",
    "2022-13",
    "2022-00",
    "2022-04-01-02",
    "13/2022",
    "00/2022",
    "1/13/2022",
    "Year 100",
    "Year",
    "Years 2",
    "Period 1000",
    "Q1",
    "22",
    "x2022-04",
    "04/2022x",
  ])("%j is not a period", (text) => {
    expect(parsePeriodHeader(text)).toBeNull();
  });
});

describe("month words in every language", () => {
  const months: [number, string[]][] = [
    [
      1,
      [
        "Jan",
        "January",
        "janv.",
        "janvier",
        "Januar",
        "Jänner",
        "januari",
        "ene",
        "enero",
        "gen",
        "gennaio",
        "janeiro",
      ],
    ],
    [
      2,
      [
        "Feb",
        "February",
        "fév",
        "févr.",
        "février",
        "Februar",
        "februari",
        "febrero",
        "febbraio",
        "fevereiro",
      ],
    ],
    [3, ["Mar", "March", "mars", "März", "Maerz", "Mrz", "maart", "mrt", "marzo", "março"]],
    [4, ["Apr", "April", "avr.", "avril", "abr", "abril", "aprile"]],
    [5, ["May", "mai", "mei", "mayo", "mag", "maggio", "maio"]],
    [6, ["Jun", "June", "juin", "Juni", "junio", "giu", "giugno", "junho"]],
    [7, ["Jul", "July", "juil.", "juillet", "Juli", "julio", "lug", "luglio", "julho"]],
    [8, ["Aug", "August", "août", "augustus", "ago", "agosto"]],
    [
      9,
      [
        "Sep",
        "Sept",
        "September",
        "septembre",
        "septiembre",
        "setiembre",
        "set",
        "settembre",
        "setembro",
      ],
    ],
    [
      10,
      [
        "Oct",
        "October",
        "octobre",
        "Okt",
        "Oktober",
        "octubre",
        "ott",
        "ottobre",
        "out",
        "outubro",
      ],
    ],
    [11, ["Nov", "November", "novembre", "noviembre", "novembro"]],
    [
      12,
      [
        "Dec",
        "December",
        "décembre",
        "Dez",
        "Dezember",
        "dic",
        "diciembre",
        "dicembre",
        "dezembro",
      ],
    ],
  ];

  test.each(months)("month %i", (month, words) => {
    for (const word of words) expect([word, monthOfWord(word)]).toEqual([word, month]);
  });

  test.each(["", ".", "Ma", "Juneau", "Sept.ember", "Mon", "Q1", "Jan.."])(
    "%j names no month",
    (word) => {
      expect(monthOfWord(word)).toBe(-1);
    }
  );
});
