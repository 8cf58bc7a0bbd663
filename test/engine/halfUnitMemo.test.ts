/**
 * What rounding a cell's display can hide, from its number format, worked out by hand; and the
 * memo that shares those Decimals within one reconciliation without changing any answer.
 */
import { halfUnitOf, writtenDecimals } from "../../src/engine/halfUnit";
import { money } from "../../src/engine/money";
import { ReconcileMemo } from "../../src/engine/reconcileMemo";

describe("writtenDecimals", () => {
  test.each([
    [5, 0],
    [1234.5, 1],
    [-0.25, 2],
    [123.456, 3],
    [1e-7, 7],
    [1.5e-7, 8],
    [1e21, 0],
    [1.5e21, 0],
    [0.12345678912, 10],
  ])("%d is written with %i decimals", (value, dp) => {
    expect(writtenDecimals(value)).toBe(dp);
  });
});

describe("halfUnitOf", () => {
  test.each([
    // General, text and no format: whole numbers to the unit, decimals as written.
    ["General", 35000, "0.5"],
    ["general", 2.25, "0.005"],
    ["@", 7, "0.5"],
    ["@", 0.5, "0.05"],
    ["", -0.125, "0.0005"],
    [null, 1e-7, "5e-8"],
    [undefined, 12, "0.5"],
    // A format with no digit placeholder is read like General.
    ['"n/a"', 2.25, "0.005"],
    ['"n/a"', 3, "0.5"],
    // A placeholder inside a colour or condition is not a digit placeholder.
    ['[Color10]"n/a"', 2.25, "0.005"],
    // Digit placeholders: 0, # and ?.
    ["0", 2.25, "0.5"],
    ["#", 2.25, "0.5"],
    ["?.??", 2.25, "0.005"],
    ["#,##0.000", 1, "0.0005"],
    // Sections: the second for negatives, when there is one.
    ["#,##0;(#,##0.0)", -3, "0.05"],
    ["#,##0;(#,##0.0)", 3, "0.5"],
    ["#,##0;(#,##0.0)", 0, "0.5"],
    ["#,##0.00;", -3, "0.005"],
    // Quoted text and escaped characters are not placeholders.
    ['"0.00"#,##0', 4, "0.5"],
    ["#,##0,\\0", 1234567, "500"],
    // Scaling commas: thousands, millions; a comma that only groups does not scale.
    ["#,##0,", 1234567, "500"],
    ["#,##0,,", 1234567, "500000"],
    ["0.0,", 1234, "50"],
    ['#,##0," k"', 1234567, "500"],
    ["#,##0", 1234567, "0.5"],
    // Percentages are hundredths.
    ["0%", 0.12, "0.005"],
    ["0.0%", 0.125, "0.0005"],
  ])("%j showing %d hides up to %s", (format, value, half) => {
    expect(halfUnitOf(format, value).toString()).toBe(half);
  });
});

describe("ReconcileMemo", () => {
  test("gives the same half unit as halfUnitOf, one shared Decimal per format, sign and decimals", () => {
    const memo = new ReconcileMemo();
    const signed = "#,##0;(#,##0.0)";
    expect(memo.halfUnit(signed, 3).toString()).toBe("0.5");
    expect(memo.halfUnit(signed, -3).toString()).toBe("0.05");
    expect(memo.halfUnit(signed, 4)).toBe(memo.halfUnit(signed, 3));
    expect(memo.halfUnit(signed, -4)).toBe(memo.halfUnit(signed, -3));
    // General decimals: one slot per count of written decimals, and per sign.
    expect(memo.halfUnit("General", 1.5).toString()).toBe("0.05");
    expect(memo.halfUnit("General", 1.25).toString()).toBe("0.005");
    expect(memo.halfUnit("General", 2.5)).toBe(memo.halfUnit("General", 1.5));
    const decimalsBySign = "0.0;(0.00)";
    expect(memo.halfUnit(decimalsBySign, 1.5).toString()).toBe("0.05");
    expect(memo.halfUnit(decimalsBySign, -1.5).toString()).toBe("0.005");
    // A whole number and a one-decimal number of the same format do not share a slot.
    expect(memo.halfUnit("General", 2).toString()).toBe("0.5");
    expect(memo.halfUnit(null, 0.5).toString()).toBe("0.05");
    expect(memo.halfUnit(undefined, 3)).toBe(memo.halfUnit(null, 9));
  });

  test("still answers correctly past the number of formats it keeps", () => {
    const memo = new ReconcileMemo();
    for (let dp = 0; dp < 1100; dp++) memo.halfUnit(`0.0"${dp}"`, 1);
    expect(memo.halfUnit("0.000", 1).toString()).toBe("0.0005");
    expect(memo.halfUnit("0.000", -1).toString()).toBe("0.0005");
    expect(memo.halfUnit("#,##0,", 5).toString()).toBe("500");
  });

  test("adds a half unit and a slack once per pair", () => {
    const memo = new ReconcileMemo();
    const half = money("0.5");
    const slack = money("1.5");
    expect(memo.tolerance(half, money(0))).toBe(half);
    const tolerance = memo.tolerance(half, slack);
    expect(tolerance.toString()).toBe("2");
    expect(memo.tolerance(half, slack)).toBe(tolerance);
    expect(memo.tolerance(half, money("0.005")).toString()).toBe("0.505");
    expect(memo.tolerance(money("0.005"), slack).toString()).toBe("1.505");
  });

  test("keeps adding correctly past the pairs it keeps", () => {
    const memo = new ReconcileMemo();
    const half = money("0.5");
    for (let i = 1; i <= 1100; i++) memo.tolerance(money(i), money(i));
    for (let i = 1; i <= 1100; i++) memo.tolerance(half, money(i));
    expect(memo.tolerance(half, money(1200)).toString()).toBe("1200.5");
    expect(memo.tolerance(money(7), money(1)).toString()).toBe("8");
  });

  test("tells whether a whole amount exceeds a limit, exactly at the limit and either side", () => {
    const memo = new ReconcileMemo();
    const two = money(2);
    const twoAndHalf = money("2.5");
    expect(memo.wholeExceeds(2, two)).toBe(false);
    expect(memo.wholeExceeds(3, two)).toBe(true);
    expect(memo.wholeExceeds(-3, two)).toBe(true);
    expect(memo.wholeExceeds(-2, two)).toBe(false);
    expect(memo.wholeExceeds(2, twoAndHalf)).toBe(false);
    expect(memo.wholeExceeds(3, twoAndHalf)).toBe(true);
    // Asked again, the kept floor gives the same answers.
    expect(memo.wholeExceeds(2, twoAndHalf)).toBe(false);
    expect(memo.wholeExceeds(3, twoAndHalf)).toBe(true);
    expect(memo.wholeExceeds(0, money(0))).toBe(false);
    expect(memo.wholeExceeds(1, money(0))).toBe(true);
    // Limits it cannot tell in integers.
    expect(memo.wholeExceeds(3, money(-2))).toBeNull();
    expect(memo.wholeExceeds(3, money("1e20"))).toBeNull();
    expect(memo.wholeExceeds(3, money(Number.MAX_SAFE_INTEGER))).toBe(false);
  });

  test("negates a half unit once", () => {
    const memo = new ReconcileMemo();
    const half = money("0.5");
    const negated = memo.negated(half);
    expect(negated.toString()).toBe("-0.5");
    expect(memo.negated(half)).toBe(negated);
  });

  test("gives the slack of many rounded cells sharing a half unit", () => {
    const memo = new ReconcileMemo();
    const half = money("0.5");
    expect(memo.sharedSlack(null, 3).toString()).toBe("0");
    expect(memo.sharedSlack(half, 0).toString()).toBe("0");
    expect(memo.sharedSlack(half, 1)).toBe(half);
    const three = memo.sharedSlack(half, 3);
    expect(three.toString()).toBe("1.5");
    expect(memo.sharedSlack(half, 3)).toBe(three);
    expect(memo.sharedSlack(half, 2).toString()).toBe("1");
    expect(memo.sharedSlack(half, 100_000).toString()).toBe("50000");
    expect(memo.sharedSlack(half, 250_001).toString()).toBe("125000.5");
    for (let i = 1; i <= 1100; i++) memo.sharedSlack(money(i), 2);
    expect(memo.sharedSlack(money("0.05"), 7).toString()).toBe("0.35");
  });
});
