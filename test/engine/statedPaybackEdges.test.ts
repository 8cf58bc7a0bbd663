/**
 * Stated paybacks as papers write them, each read by hand, and the rounding boundary of
 * "reproduces": a figure stated to one place stands for [x − 0.05, x + 0.05).
 */
import Decimal from "decimal.js";
import {
  matchStatedPayback,
  parseStatedPayback,
  reproduces,
  statedPaybackFromFigure,
} from "../../src/engine/statedPayback";
import { money } from "../../src/engine/money";
import type { PaybackByConvention, PaybackFigure } from "../../src/engine/types";

const inYears = (y: Decimal.Value): PaybackFigure => ({
  years: money(y),
  months: money(y).times(12),
});
const inMonths = (m: Decimal.Value): PaybackFigure => ({
  months: money(m),
  years: money(m).div(12),
});
const read = (text: string) => {
  const s = parseStatedPayback(text);
  return (
    s && {
      form: s.form,
      value: s.value.toString(),
      unit: s.unit,
      decimals: s.decimals,
      saysPayback: s.saysPayback,
    }
  );
};

describe("parseStatedPayback", () => {
  test.each([
    ["Payback period: 2.9 years", "years", "2.9", "years", 1, true],
    ["2.9 years", "years", "2.9", "years", 1, false],
    ["2.9\u00a0years", "years", "2.9", "years", 1, false],
    ["3 yrs", "years", "3", "years", 0, false],
    ["4y", "years", "4", "years", 0, false],
    ["34 months", "months", "34", "months", 0, false],
    ["34 mths", "months", "34", "months", 0, false],
    ["6 mos", "months", "6", "months", 0, false],
    ["3 years 1 month", "years-and-months", "37", "months", 0, false],
    ["3 yrs, and 2 mths", "years-and-months", "38", "months", 0, false],
    ["3y 2mo", "years-and-months", "38", "months", 0, false],
    ["Payback in year 3", "in-year", "3", "years", 0, true],
    ["Payback: during year 4", "in-year", "4", "years", 0, true],
    ["Payback by the yr 2", "in-year", "2", "years", 0, true],
    ["Expected payback period is 2.5 years.", "years", "2.5", "years", 1, true],
    ["Simple payback of approx. 3 years", "years", "3", "years", 0, true],
    ["ROI: c. 4 years", "years", "4", "years", 0, true],
    ["Return on investment = 36 months", "months", "36", "months", 0, true],
    ["break-even after 2 years", "years", "2", "years", 0, true],
    ["Breakeven 2.25 years", "years", "2.25", "years", 2, true],
    ["Pay-back period – about 5 years", "years", "5", "years", 0, true],
    ["paid back in 3 years;", "years", "3", "years", 0, true],
    ["2.9 year payback", "years", "2.9", "years", 1, true],
    ["34 months payback period", "months", "34", "months", 0, true],
    ["3 years simple payback", "years", "3", "years", 0, true],
    ["Pays back within 5 years", "within", "5", "years", 0, true],
    ["Payback within 18 months", "within", "18", "months", 0, true],
    ["Payback (years): 2.9", "years", "2.9", "years", 1, true],
    ["Payback (months): 34", "months", "34", "months", 0, true],
    ["Payback (in years) 3", "years", "3", "years", 0, true],
    ["Payback (mths) = 30", "months", "30", "months", 0, true],
    ["  PAYBACK PERIOD:   2.9   YEARS  ", "years", "2.9", "years", 1, true],
    ["Overall payback ~ 4 years", "years", "4", "years", 0, true],
  ])(
    "%j: %s %s %s to %i places, says payback %j",
    (text, form, value, unit, decimals, saysPayback) => {
      expect(read(text)).toEqual({ form, value, unit, decimals, saysPayback });
    }
  );

  test.each([
    "Payback: 2.9",
    "12%",
    "ROI 15%",
    "Residential",
    "year 3",
    "within 5 years",
    "3 years 1",
    "2.9 years and counting",
    "Payback period",
    "",
    "Paybacks 3 years",
  ])("%j is not a stated payback", (text) => {
    expect(parseStatedPayback(text)).toBeNull();
  });

  test("keeps the text as written, and the figure in years and its step", () => {
    const s = parseStatedPayback("  3 years 1 month ")!;
    expect(s.text).toBe("3 years 1 month");
    expect(s.years.toDecimalPlaces(10).toString()).toBe("3.0833333333");
    expect(s.precisionYears.toDecimalPlaces(10).toString()).toBe("0.0833333333");
    const y = parseStatedPayback("2.95 years")!;
    expect(y.years.toString()).toBe("2.95");
    expect(y.precisionYears.toString()).toBe("0.01");
    const inYear = parseStatedPayback("payback in year 3")!;
    expect(inYear.precisionYears.toString()).toBe("1");
    expect(inYear.years.toString()).toBe("3");
    const months = parseStatedPayback("Payback within 18 months")!;
    expect(months.years.toString()).toBe("1.5");
  });
});

describe("statedPaybackFromFigure", () => {
  test("a figure under a heading that gives the unit, to the places the cell shows", () => {
    const a = statedPaybackFromFigure(2.9, "years")!;
    expect([
      a.form,
      a.value.toString(),
      a.decimals,
      a.precisionYears.toString(),
      a.saysPayback,
    ]).toEqual(["years", "2.9", 1, "0.1", true]);
    const b = statedPaybackFromFigure("3", "years", 2)!;
    expect([b.value.toString(), b.decimals, b.precisionYears.toString(), b.text]).toEqual([
      "3",
      2,
      "0.01",
      "3",
    ]);
    const c = statedPaybackFromFigure(34, "months", 0)!;
    expect([c.form, c.unit, c.years.toDecimalPlaces(6).toString()]).toEqual([
      "months",
      "months",
      "2.833333",
    ]);
    const d = statedPaybackFromFigure(" 2.90 ", "years", null)!;
    expect([d.text, d.decimals]).toEqual(["2.90", 2]);
    const e = statedPaybackFromFigure(2.96, "years", 1)!;
    expect(e.value.toString()).toBe("3");
  });

  test.each(["abc", "-1", "2.9 years", "", "1e3"])("%j is no figure", (text) => {
    expect(statedPaybackFromFigure(text, "years")).toBeNull();
  });
});

describe("reproduces, at the rounding boundary", () => {
  const s = (text: string) => parseStatedPayback(text)!;

  test("2.9 years stands for 2.85 up to, not including, 2.95", () => {
    expect(reproduces(s("2.9 years"), inYears("2.85"))).toBe(true);
    expect(reproduces(s("2.9 years"), inYears("2.8499"))).toBe(false);
    expect(reproduces(s("2.9 years"), inYears("2.9499"))).toBe(true);
    expect(reproduces(s("2.9 years"), inYears("2.95"))).toBe(false);
  });

  test("3 years 1 month stands for 36.5 up to, not including, 37.5 months", () => {
    expect(reproduces(s("3 years 1 month"), inMonths("36.5"))).toBe(true);
    expect(reproduces(s("3 years 1 month"), inMonths("36.4999"))).toBe(false);
    expect(reproduces(s("3 years 1 month"), inMonths("37.5"))).toBe(false);
  });

  test("in year 3 is any time after the end of year 2, up to the end of year 3", () => {
    expect(reproduces(s("payback in year 3"), inYears(2))).toBe(false);
    expect(reproduces(s("payback in year 3"), inYears("2.0001"))).toBe(true);
    expect(reproduces(s("payback in year 3"), inYears(3))).toBe(true);
    expect(reproduces(s("payback in year 3"), inYears("3.0001"))).toBe(false);
  });

  test("within is at most, in the unit stated", () => {
    expect(reproduces(s("payback within 5 years"), inYears(5))).toBe(true);
    expect(reproduces(s("payback within 5 years"), inYears("5.01"))).toBe(false);
    expect(reproduces(s("payback within 18 months"), inMonths(18))).toBe(true);
    expect(reproduces(s("payback within 18 months"), inMonths("18.1"))).toBe(false);
    expect(reproduces(s("payback within 18 months"), inYears("1.4"))).toBe(true);
  });
});

describe("matchStatedPayback", () => {
  const by = (
    fi: string | null,
    fr: string | null,
    simple: string | null,
    tz: string | null
  ): PaybackByConvention => ({
    "first-investment": fi === null ? null : inYears(fi),
    "first-return": fr === null ? null : inYears(fr),
    simple: simple === null ? null : inYears(simple),
    "time-zero": tz === null ? null : inYears(tz),
  });
  const s = parseStatedPayback("2.9 years")!;

  test("every convention that reproduces the figure; the preferred one when it is among them", () => {
    const b = by("2.9", "2.4", "2.87", null);
    const plain = matchStatedPayback(s, b);
    expect(plain.conventions).toEqual(["first-investment", "simple"]);
    expect(plain.matches).toBe(true);
    expect(plain.convention).toBe("first-investment");
    expect(plain.computedYears!.toString()).toBe("2.9");
    expect(matchStatedPayback(s, b, "simple").convention).toBe("simple");
    expect(matchStatedPayback(s, b, "simple").computedYears!.toString()).toBe("2.87");
    expect(matchStatedPayback(s, b, "first-return").convention).toBe("first-investment");
  });

  test("with no match, the nearest; the preferred first among equals", () => {
    const five = parseStatedPayback("5 years")!;
    const none = matchStatedPayback(five, by("2.9", "2.4", "2.87", null));
    expect(none.conventions).toEqual([]);
    expect(none.matches).toBe(false);
    expect(none.convention).toBe("first-investment");
    expect(none.computedYears!.toString()).toBe("2.9");
    // 4 and 6 are both 1 from 5.
    const tie = by("4", null, "6", null);
    expect(matchStatedPayback(five, tie).convention).toBe("first-investment");
    expect(matchStatedPayback(five, tie, "simple").convention).toBe("simple");
    expect(matchStatedPayback(five, by("4", "4.5", null, "7"), "time-zero").convention).toBe(
      "first-return"
    );
  });

  test("no figures at all", () => {
    const nothing = matchStatedPayback(s, by(null, null, null, null), "simple");
    expect(nothing).toEqual({
      conventions: [],
      matches: false,
      convention: null,
      computedYears: null,
    });
  });
});
