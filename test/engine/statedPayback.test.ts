/**
 * Stated paybacks as papers write them, and which convention reproduces each at the precision it
 * is stated to. Computed figures below are the hand-worked ones of conventions.test.ts.
 */
import { matchStatedPayback, parseStatedPayback, reproduces, statedPaybackFromFigure } from "../../src/engine/statedPayback";
import { money } from "../../src/engine/money";
import type { PaybackByConvention, PaybackFigure } from "../../src/engine/types";

const figure = (months: string): PaybackFigure => ({ months: money(months), years: money(months).dividedBy(12) });
const yearsFigure = (years: string): PaybackFigure => ({ months: money(years).times(12), years: money(years) });
/** The textbook Year 0 table (-100 then 30, 40, 50, 60): first-investment 3.6 years, the others 2.6. */
const textbook: PaybackByConvention = {
  "first-investment": yearsFigure("3.6"),
  "first-return": yearsFigure("2.6"),
  simple: yearsFigure("2.6"),
  "time-zero": yearsFigure("2.6"),
};

describe("reading a stated payback", () => {
  test.each([
    ["Payback period: 2.9 years", "years", "2.9", "years", 1, true],
    ["3 years 1 month", "years-and-months", "37", "months", 0, false],
    ["3 yrs 1 mth", "years-and-months", "37", "months", 0, false],
    ["3 years and 11 months", "years-and-months", "47", "months", 0, false],
    ["payback 1.72 years", "years", "1.72", "years", 2, true],
    ["34 months", "months", "34", "months", 0, false],
    ["2.5 yrs", "years", "2.5", "years", 1, false],
    ["ROI 4.2 years", "years", "4.2", "years", 1, true],
    ["payback in year 3", "in-year", "3", "years", 0, true],
    ["Simple payback of approx. 6 years.", "years", "6", "years", 0, true],
    ["Payback (years): 2.9", "years", "2.9", "years", 1, true],
    ["2.9 year payback", "years", "2.9", "years", 1, true],
    ["Pays back within 5 years", "within", "5", "years", 0, true],
  ])("%s", (text, form, value, unit, decimals, saysPayback) => {
    const s = parseStatedPayback(text)!;
    expect(s).not.toBeNull();
    expect([s.form, s.value.toString(), s.unit, s.decimals, s.saysPayback]).toEqual([form, value, unit, decimals, saysPayback]);
    expect(s.text).toBe(text);
  });

  test("years and precision: in years, one step of the figure as written", () => {
    const a = parseStatedPayback("Payback period: 2.9 years")!;
    expect([a.years.toString(), a.precisionYears.toString()]).toEqual(["2.9", "0.1"]);
    const b = parseStatedPayback("3 years 1 month")!;
    // 37 months = 3 1/12 years, stated to the month.
    expect(b.years.times(12).toString()).toBe("37");
    expect(b.precisionYears.times(12).toString()).toBe("1");
    const c = parseStatedPayback("payback 1.72 years")!;
    expect(c.precisionYears.toString()).toBe("0.01");
    const d = parseStatedPayback("34 months")!;
    expect(d.years.times(12).toString()).toBe("34");
    expect(parseStatedPayback("payback in year 3")!.precisionYears.toString()).toBe("1");
  });

  test.each(["ROI 25%", "Residential", "£1,234", "Year 3", "payback", "Contract length 34 months", ""])("not a stated payback: %s", (text) => {
    expect(parseStatedPayback(text)).toBeNull();
  });

  test("a figure under a heading that gives the unit takes the precision the cell shows", () => {
    expect(statedPaybackFromFigure(1.72, "years")!.decimals).toBe(2);
    const shown = statedPaybackFromFigure(1.7199, "years", 2)!;
    expect([shown.value.toString(), shown.decimals]).toEqual(["1.72", 2]);
    expect(statedPaybackFromFigure("n/a", "years")).toBeNull();
  });
});

describe("does the computed payback reproduce the stated one?", () => {
  test("rounded half up at the stated precision: 2.9 years covers 2.85 up to, not including, 2.95", () => {
    const s = parseStatedPayback("2.9 years")!;
    expect(reproduces(s, yearsFigure("2.85"))).toBe(true);
    expect(reproduces(s, yearsFigure("2.9499"))).toBe(true);
    expect(reproduces(s, yearsFigure("2.95"))).toBe(false);
    expect(reproduces(s, yearsFigure("2.8499"))).toBe(false);
  });

  test("months: 3 years 1 month covers 36.5 up to 37.5 months", () => {
    const s = parseStatedPayback("3 years 1 month")!;
    expect(reproduces(s, figure("36.5"))).toBe(true);
    expect(reproduces(s, figure("37.49"))).toBe(true);
    expect(reproduces(s, figure("37.5"))).toBe(false);
    expect(reproduces(s, figure("36.49"))).toBe(false);
  });

  test("in year 3: after 2 years, up to and including 3", () => {
    const s = parseStatedPayback("payback in year 3")!;
    expect(reproduces(s, yearsFigure("2"))).toBe(false);
    expect(reproduces(s, yearsFigure("2.01"))).toBe(true);
    expect(reproduces(s, yearsFigure("3"))).toBe(true);
    expect(reproduces(s, yearsFigure("3.01"))).toBe(false);
  });

  test("the textbook table: which conventions give the paper's figure", () => {
    // 2.6 years: first-return, simple and time-zero; the headline (time-zero) is the one reported.
    const a = matchStatedPayback(parseStatedPayback("Payback period: 2.6 years")!, textbook, "time-zero");
    expect(a).toMatchObject({ conventions: ["first-return", "simple", "time-zero"], matches: true, convention: "time-zero" });
    expect(a.computedYears!.toString()).toBe("2.6");
    // 3.6 years = 43.2 months, which rounds to 43 = 3 years 7 months: first-investment only.
    expect(matchStatedPayback(parseStatedPayback("3 years 7 months")!, textbook).conventions).toEqual(["first-investment"]);
    // 2.6 years = 31.2 months: 31 months.
    expect(matchStatedPayback(parseStatedPayback("31 months")!, textbook).conventions).toEqual(["first-return", "simple", "time-zero"]);
    expect(matchStatedPayback(parseStatedPayback("payback in year 3")!, textbook).conventions).toEqual(["first-return", "simple", "time-zero"]);
    expect(matchStatedPayback(parseStatedPayback("3 years")!, textbook).conventions).toEqual(["first-return", "simple", "time-zero"]);
    expect(matchStatedPayback(parseStatedPayback("4 years")!, textbook).conventions).toEqual(["first-investment"]);
  });

  test("a figure no convention reproduces: no match, and the nearest convention to name", () => {
    // 2.9 is 0.3 from 2.6 and 0.7 from 3.6: the nearest is 2.6, reported as the preferred time-zero.
    const m = matchStatedPayback(parseStatedPayback("Payback period: 2.9 years")!, textbook, "time-zero");
    expect(m).toMatchObject({ conventions: [], matches: false, convention: "time-zero" });
    expect(m.computedYears!.toString()).toBe("2.6");
    const none = matchStatedPayback(parseStatedPayback("2 years")!, { "first-investment": null, "first-return": null, simple: null, "time-zero": null });
    expect(none).toEqual({ conventions: [], matches: false, convention: null, computedYears: null });
  });

  test("the cabinet paper's 1.72 years: simple and first-return (1.71999), not first-investment (2.71999)", () => {
    const led: PaybackByConvention = {
      "first-investment": yearsFigure("2.719986240110079"),
      "first-return": yearsFigure("1.719986240110079"),
      simple: yearsFigure("1.719986240110079"),
      "time-zero": null,
    };
    expect(matchStatedPayback(parseStatedPayback("payback 1.72 years")!, led, "first-investment").conventions).toEqual(["first-return", "simple"]);
    // 1.71999 rounds to 1.7200 at four places, so a paper stating 1.7201 does not follow from the figures.
    expect(matchStatedPayback(parseStatedPayback("payback 1.7201 years")!, led).matches).toBe(false);
  });
});
