/**
 * How a stated payback is read from a council paper's words, at the edges of the reader: the
 * number words, hedges, "pay back" spelt three ways, punctuation after the figure, upper case and
 * non-breaking spaces, a year named as the payback, and which convention is reported against it.
 */
import { Decimal } from "decimal.js";
import {
  matchStatedPayback,
  NUMBER_WORDS,
  parseStatedPayback,
  statedPaybackFromFigure,
  type PaybackByConvention,
} from "../../src/engine";

/** A payback figure of so many months (years = months / 12). */
const months = (m: number) => ({ months: new Decimal(m), years: new Decimal(m).dividedBy(12) });

describe("the words a paper writes for a payback", () => {
  test("number words are zero to twelve, each at its own value", () => {
    expect(NUMBER_WORDS).toEqual(
      "zero one two three four five six seven eight nine ten eleven twelve".split(" ")
    );
  });

  test.each([
    ["Payback approx 3 years"],
    ["Payback approx. 3 years"],
    ["Payback approximately 3 years"],
    ["Payback c. 3 years"],
    ["Payback ~3 years"],
    ["PAYBACK PERIOD: 3 YEARS"],
    ["Payback\u00a0period:\u00a03 years"],
    ["Payback: 3 years.;"],
    ["3 years payback"],
    ["3 years pay back"],
    ["3 years pay-back period"],
  ])("%j is a payback of 3 years", (text) => {
    const s = parseStatedPayback(text);
    expect(s).toMatchObject({ form: "years", unit: "years", saysPayback: true });
    expect(s!.years.toNumber()).toBe(3);
  });

  test("words after the payback are not a payback", () => {
    expect(parseStatedPayback("3 years payback guaranteed")).toBeNull();
    expect(parseStatedPayback("Payback: year 3 or later")).toBeNull();
    expect(parseStatedPayback("Payback: late year 3")).toBeNull();
  });

  test("a year named as the payback: some time during it, two digits read whole", () => {
    const s = parseStatedPayback("Payback: year 12");
    expect(s).toMatchObject({ form: "in-year", unit: "years" });
    expect(s!.value.toNumber()).toBe(12);
    expect(s!.precisionYears.toNumber()).toBe(1);
  });

  test("a figure in a column headed with its unit keeps the places it is written to", () => {
    // "2.90" is written to two places: it says 2.90, not 2.9 (a step of 0.01 years).
    const s = statedPaybackFromFigure("2.90", "years");
    expect(s!.decimals).toBe(2);
    expect(s!.precisionYears.toNumber()).toBe(0.01);
    expect(statedPaybackFromFigure("2.9", "years", 2)!.decimals).toBe(2);
  });
});

describe("which convention a stated payback is set against", () => {
  // Stated "2.5 years" = 30 months.
  const stated = parseStatedPayback("Payback: 2.5 years")!;

  test("the first convention that reproduces it, when the preferred one does not", () => {
    const by: PaybackByConvention = {
      "first-investment": months(24), // 2.0 years: does not round to 2.5
      "first-return": months(30), // 2.5 years exactly
      simple: months(30),
      "time-zero": null,
    };
    const m = matchStatedPayback(stated, by, "first-investment");
    expect(m.conventions).toEqual(["first-return", "simple"]);
    expect(m.convention).toBe("first-return");
    expect(m.computedYears!.toNumber()).toBe(2.5);
  });

  test("with no match, the nearest; the preferred one first among equals", () => {
    // 24 and 36 months are both 0.5 years from 2.5: the preferred (simple) is reported.
    const by: PaybackByConvention = {
      "first-investment": months(24),
      "first-return": months(36),
      simple: months(36),
      "time-zero": null,
    };
    expect(matchStatedPayback(stated, by, "simple").convention).toBe("simple");
    expect(matchStatedPayback(stated, by, "first-return").convention).toBe("first-return");
    // With no preference, the first in the conventions' own order.
    expect(matchStatedPayback(stated, by).convention).toBe("first-investment");
  });
});
