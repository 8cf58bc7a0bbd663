/**
 * The four payback conventions on small flows worked out by hand, with the exact reason given
 * when one does not apply, and the interpolation inside the break-even period.
 */
import Decimal from "decimal.js";
import {
  conventionPeriods,
  conventionWords,
  defaultConvention,
  figureOf,
  interpolatedPeriods,
  isPaybackConvention,
  PAYBACK_CONVENTIONS,
  simplePeriods,
  timeZeroIndex,
  walkFrom,
  type ConventionInputs,
} from "../../src/engine/conventions";
import { money } from "../../src/engine/money";
import { yearNumberPeriod } from "../../src/engine/periodHeadings";
import { monthPeriod } from "../../src/engine/periods";

const ds = (values: Decimal.Value[]) => values.map((v) => money(v));
const asFraction = (d: Decimal) => d.toDecimalPlaces(12).toNumber();

describe("the conventions and their names", () => {
  test("four conventions, in the order the reports list them", () => {
    expect([...PAYBACK_CONVENTIONS]).toEqual([
      "first-investment",
      "first-return",
      "simple",
      "time-zero",
    ]);
    for (const c of PAYBACK_CONVENTIONS) expect(isPaybackConvention(c)).toBe(true);
    for (const v of ["Simple", "first", "", 3, null, "time zero"])
      expect(isPaybackConvention(v)).toBe(false);
  });

  test("in a sentence", () => {
    expect(conventionWords("first-investment")).toBe("first investment");
    expect(conventionWords("time-zero")).toBe("time zero");
    expect(conventionWords("simple")).toBe("simple");
  });

  test("Year 0 tables count from time zero by default", () => {
    const months = [monthPeriod(2022, 4), monthPeriod(2022, 5)];
    const years = [yearNumberPeriod(0), yearNumberPeriod(1)];
    expect(timeZeroIndex([])).toBeNull();
    expect(timeZeroIndex(months)).toBeNull();
    expect(timeZeroIndex([yearNumberPeriod(1), yearNumberPeriod(0)])).toBe(1);
    expect(timeZeroIndex(years)).toBe(0);
    expect(defaultConvention(months)).toBe("first-investment");
    expect(defaultConvention(years)).toBe("time-zero");
  });
});

describe("interpolatedPeriods", () => {
  // Invest 100, then 60 a period: cumulative -100, -40, +20. Break-even in period 2, 40/60 of the way.
  const cumulative = ds([-100, -40, 20]);
  const net = ds([-100, 60, 60]);

  test("whole periods from the start plus the share of the break-even period", () => {
    expect(asFraction(interpolatedPeriods(cumulative, net, 2, 0))).toBe(
      asFraction(money(8).div(3))
    );
    expect(asFraction(interpolatedPeriods(cumulative, net, 2, 1))).toBe(
      asFraction(money(5).div(3))
    );
    expect(asFraction(interpolatedPeriods(cumulative, net, 2, 2))).toBe(
      asFraction(money(2).div(3))
    );
  });

  test("break-even in the first period counts from zero before it", () => {
    expect(interpolatedPeriods(ds([50]), ds([50]), 0, 0).toString()).toBe("0");
  });

  test("a period with no flow adds nothing", () => {
    expect(interpolatedPeriods(ds([-5, -5]), ds([-5, 0]), 1, 0).toString()).toBe("1");
  });
});

describe("walkFrom", () => {
  const cumulative = ds([-100, -40, 20]);
  const net = ds([-100, 60, 60]);
  const reached = { status: "reached", index: 2, sustainedIndex: 2 } as const;

  test("the reasons there is no figure, word for word", () => {
    expect(walkFrom({ status: "immediate" }, cumulative, net, 0, "first investment")).toEqual({
      periods: money(0),
    });
    expect(
      walkFrom({ status: "not-reached", shortfall: money(5) }, cumulative, net, 0, "x")
    ).toEqual({
      reason: "The cumulative position never reaches zero within the horizon.",
    });
    expect(walkFrom(reached, cumulative, net, null, "first return")).toEqual({
      reason: "No first return found, so the payback period cannot be measured from it.",
    });
    expect(walkFrom(reached, cumulative, net, 3, "end of Year 0")).toEqual({
      reason:
        "The cumulative position turns positive before the end of Year 0, so the payback period is not measured.",
    });
  });

  test("a start in the break-even period itself still counts", () => {
    const found = walkFrom(reached, cumulative, net, 2, "first return");
    expect("periods" in found && asFraction(found.periods)).toBe(asFraction(money(2).div(3)));
  });
});

describe("simplePeriods", () => {
  // 150 invested; returns of 60 then 120 from period 2: 60 short after one period, then 90/120.
  const investment = ds([-100, -50, 0, 0]);

  test("whole periods of returns plus the share of the next", () => {
    expect(simplePeriods(investment, ds([0, 0, 60, 120]), 2)).toEqual({ periods: money("1.75") });
  });

  test("returns that reach the investment exactly at a period's end", () => {
    expect(simplePeriods(investment, ds([0, 0, 60, 90]), 2)).toEqual({ periods: money(2) });
    expect(simplePeriods(investment, ds([0, 0, 150, 90]), 2)).toEqual({ periods: money(1) });
  });

  test("returns before the first return period are not counted", () => {
    expect(simplePeriods(investment, ds([0, 40, 60, 120]), 2)).toEqual({ periods: money("1.75") });
  });

  test("nothing to recover, no return, or not enough", () => {
    expect(simplePeriods(ds([0, 0]), ds([0, 10]), 1)).toEqual({ periods: money(0) });
    expect(simplePeriods(ds([20, 0]), ds([0, 10]), 1)).toEqual({ periods: money(0) });
    expect(simplePeriods(investment, ds([0, 0, 0, 0]), null)).toEqual({
      reason: "No return found, so the simple payback cannot be measured.",
    });
    expect(simplePeriods(investment, ds([0, 0, 60, "79.5"]), 2)).toEqual({
      reason:
        "The returns never add up to the total investment within the horizon (11 short), so there is no simple payback.",
    });
    expect(simplePeriods(investment, ds([0, 0, 60, 80]), 2)).toEqual({
      reason:
        "The returns never add up to the total investment within the horizon (10 short), so there is no simple payback.",
    });
  });
});

describe("conventionPeriods on a Year 0 table", () => {
  // Year 0: invest 100; Years 1-3: 60 back each. Cumulative -100, -40, 20, 80: break-even in Year 2.
  const inputs = (periods = [0, 1, 2, 3].map((n) => yearNumberPeriod(n))): ConventionInputs => ({
    periods,
    investmentByPeriod: ds([-100, 0, 0, 0]),
    returnByPeriod: ds([0, 60, 60, 60]),
    net: ds([-100, 60, 60, 60]),
    cumulative: ds([-100, -40, 20, 80]),
    breakEven: { status: "reached", index: 2, sustainedIndex: 2 },
    firstInvestment: 0,
    firstReturn: 1,
  });
  const periodsOf = (found: ReturnType<typeof conventionPeriods>) =>
    "periods" in found ? asFraction(found.periods) : found.reason;

  test("each convention, by hand", () => {
    expect(periodsOf(conventionPeriods("first-investment", inputs()))).toBe(
      asFraction(money(8).div(3))
    );
    expect(periodsOf(conventionPeriods("first-return", inputs()))).toBe(
      asFraction(money(5).div(3))
    );
    expect(periodsOf(conventionPeriods("simple", inputs()))).toBe(asFraction(money(5).div(3)));
    // Counted from the end of Year 0, the start of Year 1.
    expect(periodsOf(conventionPeriods("time-zero", inputs()))).toBe(asFraction(money(5).div(3)));
  });

  test("time zero counts from the end of Year 0 wherever it sits", () => {
    const shifted = [1, 0, 2, 3].map((n) => yearNumberPeriod(n));
    expect(periodsOf(conventionPeriods("time-zero", inputs(shifted)))).toBe(
      asFraction(money(2).div(3))
    );
  });

  test("time zero on a table with no Year 0", () => {
    const noYear0 = [1, 2, 3, 4].map((n) => yearNumberPeriod(n));
    expect(conventionPeriods("time-zero", inputs(noYear0))).toEqual({
      reason:
        "The time-zero payback applies to appraisal tables that start at Year 0; this one has no Year 0.",
    });
  });
});

describe("figureOf", () => {
  test("periods as months and years", () => {
    expect(figureOf(money("1.5"), 3)).toEqual({ months: money("4.5"), years: money("0.375") });
    expect(figureOf(money(2), 12)).toEqual({ months: money(24), years: money(2) });
    expect(figureOf(money(18), 1)).toEqual({ months: money(18), years: money("1.5") });
  });
});
