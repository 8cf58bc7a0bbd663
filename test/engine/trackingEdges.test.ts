/**
 * Plan versus actual at its edges: the first and last periods as the as-of, as-of values that
 * are not one of the grid's periods (named in the user's count, from 1), short lines read as
 * zero after their last figure, a plan ahead of its own investment, and the re-forecast's two
 * lines, one per role.
 */
import { money } from "../../src/engine/money";
import { monthPeriod } from "../../src/engine/periods";
import { trackAgainstPlan } from "../../src/engine/tracking";
import type { FlowLine } from "../../src/engine/types";

const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({
  label,
  role,
  amounts: amounts.map((a) => money(a)),
});
/** Apr-24 .. Sep-24. */
const periods = Array.from({ length: 6 }, (_, i) => monthPeriod(2024, 4 + i));
// Plan: 500 invested in Apr-24, 100 saved a month from May-24 (plus 50 a month from a second line).
const plan = [
  line("Investment", "investment", [-500, 0, 0, 0, 0, 0]),
  line("Savings", "return", [0, 100, 100, 100, 100, 100]),
  line("Income", "return", [0, 50, 50, 50, 50, 50]),
];
const actual = [
  line("Investment - actual", "investment", [-400, -100]),
  line("Savings - actual", "return", [0, 200, 200]),
];
const n = (d: { toNumber(): number }) => d.toNumber();

describe("as of which period", () => {
  test("the first period: only Apr-24 counts", () => {
    const t = trackAgainstPlan({ periods, plan, actual, asOf: 0 });
    expect(t.asOf).toBe(0);
    expect(t.asOfPeriod.label).toBe("Apr-24");
    // Plan: -500, nothing saved yet; actual: -400. Variance -400 - (-500) = +100 = 100 / 500 = 20%.
    expect([n(t.planToDate.investment), n(t.planToDate.return), n(t.planToDate.net)]).toEqual([
      -500, 0, -500,
    ]);
    expect([n(t.actualToDate.investment), n(t.actualToDate.return), n(t.actualToDate.net)]).toEqual(
      [-400, 0, -400]
    );
    expect(n(t.variance)).toBe(100);
    expect(n(t.variancePct!)).toBe(0.2);
  });

  test("the last period: every actual figure counts, and the short lines are zero after their end", () => {
    const t = trackAgainstPlan({ periods, plan, actual, asOf: 5 });
    expect(t.asOfPeriod.label).toBe("Sep-24");
    // Plan: -500 + 5 x 150 = +250. Actual: -400 - 100 = -500 invested, 200 + 200 saved: -100.
    expect(n(t.planToDate.net)).toBe(250);
    expect([n(t.actualToDate.investment), n(t.actualToDate.return)]).toEqual([-500, 400]);
    // Variance -100 - 250 = -350, against a plan net of +250: -1.4 (its size, so still negative).
    expect(n(t.variance)).toBe(-350);
    expect(n(t.variancePct!)).toBe(-1.4);
  });

  test("a period that is not one of the grid's is refused, counted from 1 as the user does", () => {
    const at = (asOf: number) => () => trackAgainstPlan({ periods, plan, actual, asOf });
    expect(at(6)).toThrow("The last actual period must be one of the grid's 6 periods (got 7).");
    expect(at(-1)).toThrow("The last actual period must be one of the grid's 6 periods (got 0).");
    expect(at(1.5)).toThrow(
      "The last actual period must be one of the grid's 6 periods (got 2.5)."
    );
    expect(at(5)).not.toThrow();
    // The pane and the command tell a bad argument apart from a sheet they cannot read.
    expect(at(6)).toThrow(expect.objectContaining({ code: "bad-argument" }));
  });
});

describe("the re-forecast", () => {
  test("actuals to Jun-24, then the plan; one investment line and one return line", () => {
    const t = trackAgainstPlan({ periods, plan, actual, asOf: 2 });
    const r = t.reforecast;
    // Investment: -400, -100 (actual), then the plan's 0s. Returns: 0, 200, 200 (actual), then
    // the plan's 150 a month. Net: -400, +100, +200, 150, 150, 150.
    expect(r.investmentByPeriod.map(n)).toEqual([-400, -100, 0, 0, 0, 0]);
    expect(r.returnByPeriod.map(n)).toEqual([0, 200, 200, 150, 150, 150]);
    // Cumulative -400, -300, -100, +50: break-even in Jul-24, 3 months + 100/150.
    expect(r.cumulative.map(n)).toEqual([-400, -300, -100, 50, 200, 350]);
    expect(r.paybackMonths!.toDecimalPlaces(6).toNumber()).toBe(3.666667);
    // Simple: 500 recovered by returns from May-24: 200 + 200 = 400 after 2 months, then 100/150.
    expect(r.paybackByConvention.simple!.months.toDecimalPlaces(6).toNumber()).toBe(2.666667);
    expect(r.periods.map((p) => p.label)).toEqual([
      "Apr-24",
      "May-24",
      "Jun-24",
      "Jul-24",
      "Aug-24",
      "Sep-24",
    ]);
  });

  test("a return typed as an actual is not counted as investment, nor the other way round", () => {
    // An actual investment line alone: the actual returns to date are zero, not the investment.
    const onlyInvestment = [line("Investment - actual", "investment", [-500, 0, 0])];
    const t = trackAgainstPlan({ periods, plan, actual: onlyInvestment, asOf: 2 });
    expect([n(t.actualToDate.investment), n(t.actualToDate.return)]).toEqual([-500, 0]);
    // Plan to Jun-24: -500 + 2 x 150 = -200; actual -500: variance -300, 300 / 200 = 1.5 worse.
    expect(n(t.variance)).toBe(-300);
    expect(n(t.variancePct!)).toBe(-1.5);
  });
});
