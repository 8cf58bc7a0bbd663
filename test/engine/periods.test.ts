import {
  parsePeriodHeader,
  serialToDate,
  dateToSerial,
  isDateFormat,
  parseFyLabel,
  fyLabelOf,
} from "../../src/engine";

describe("period labels", () => {
  test("Excel serials round-trip to dates (1900 date system)", () => {
    expect(dateToSerial(2022, 1, 1)).toBe(44562);
    expect(serialToDate(44562)).toEqual({ year: 2022, month: 1, day: 1 });
    expect(serialToDate(45292)).toEqual({ year: 2024, month: 1, day: 1 });
  });

  test("a date serial is a month only when its number format is a date", () => {
    expect(parsePeriodHeader(44562, "mmm-yy")).toEqual({ kind: "month", year: 2022, month: 1 });
    expect(parsePeriodHeader(44562, "#,##0")).toBeNull();
    expect(isDateFormat("[$-809]mmmm yyyy")).toBe(true);
    expect(isDateFormat("#,##0;(#,##0)")).toBe(false);
  });

  test.each([
    ["Apr-22", 2022, 4],
    ["April 2022", 2022, 4],
    ["2022-04", 2022, 4],
    ["Sept 2023", 2023, 9],
    ["04/2022", 2022, 4],
    ["Jan '24", 2024, 1],
  ])("text month %s", (text, year, month) => {
    expect(parsePeriodHeader(text)).toEqual({ kind: "month", year, month });
  });

  test("financial years, year and period numbers, totals", () => {
    expect(parsePeriodHeader("2021/22")).toEqual({ kind: "fy", startYear: 2021, label: "2021/22" });
    expect(parsePeriodHeader("FY 2021-2022")).toEqual({
      kind: "fy",
      startYear: 2021,
      label: "2021/22",
    });
    expect(parsePeriodHeader("Year 1")).toMatchObject({ kind: "year-number", n: 1 });
    expect(parsePeriodHeader("Yr 3")).toMatchObject({ kind: "year-number", n: 3 });
    expect(parsePeriodHeader("Month 12")).toMatchObject({ kind: "period-number", n: 12 });
    expect(parsePeriodHeader("Total")).toMatchObject({ kind: "total" });
    expect(parsePeriodHeader("Residential")).toBeNull();
    expect(parseFyLabel("2021/23")).toBeNull();
  });

  test("FY of a month with a configurable start month", () => {
    expect(fyLabelOf(2022, 3)).toBe("2021/22");
    expect(fyLabelOf(2022, 4)).toBe("2022/23");
    expect(fyLabelOf(2022, 3, 1)).toBe("2022");
  });
});
