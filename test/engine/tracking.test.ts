/**
 * Plan versus actual on a monthly case worked out by hand: plan to date, actual to date, the
 * variance, and the re-forecast's break-even and payback (actuals to the as-of month, plan after).
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
/** Apr-24 .. Mar-25. */
const periods = Array.from({ length: 12 }, (_, i) =>
  monthPeriod(2024 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1)
);

// Plan: 1,200 invested in Apr-24, 200 a month saved from May-24.
const plan = [
  line("Investment", "investment", [-1200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  line("Savings", "return", [0, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
];
// Actual: 1,300 invested, 150 a month saved May-Jul; a figure typed ahead in Sep-24 must not count.
const actual = [
  line("Investment - actual", "investment", [-1300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  line("Savings - actual", "return", [0, 150, 150, 150, 0, 999, 0, 0, 0, 0, 0, 0]),
];

describe("trackAgainstPlan", () => {
  const t = trackAgainstPlan({ periods, plan, actual, asOf: 3 }); // as of Jul-24

  test("plan to date, actual to date and the variance", () => {
    expect(t.asOfPeriod.label).toBe("Jul-24");
    // Plan Apr-Jul: investment -1,200; savings 3 x 200 = 600; net -600.
    expect(t.planToDate.investment.toNumber()).toBe(-1200);
    expect(t.planToDate.return.toNumber()).toBe(600);
    expect(t.planToDate.net.toNumber()).toBe(-600);
    // Actual Apr-Jul: -1,300; 3 x 150 = 450; net -850.
    expect(t.actualToDate.investment.toNumber()).toBe(-1300);
    expect(t.actualToDate.return.toNumber()).toBe(450);
    expect(t.actualToDate.net.toNumber()).toBe(-850);
    // Variance -850 - (-600) = -250, that is 250 / 600 = 41.67% worse than plan.
    expect(t.variance.toNumber()).toBe(-250);
    expect(t.variancePct!.toDecimalPlaces(6).toNumber()).toBe(-0.416667);
  });

  test("the re-forecast: actuals to Jul-24, plan from Aug-24", () => {
    // Cumulative: -1300, -1150, -1000, -850, then +200 a month: -650, -450, -250, -50, +150 (Dec-24).
    const r = t.reforecast;
    expect(r.cumulative.map((c) => c.toNumber()).slice(0, 9)).toEqual([
      -1300, -1150, -1000, -850, -650, -450, -250, -50, 150,
    ]);
    expect(r.breakEven).toEqual({ status: "reached", index: 8, sustainedIndex: 8 });
    // first-investment: 8 whole months from Apr-24, then 50 of Dec's 200 = 8.25 months.
    expect(r.paybackMonths!.toNumber()).toBe(8.25);
    // simple: 1,300 recovered by returns from May-24: 150 x 3 + 200 x 4 = 1,250 after 7 months, then 50/200.
    expect(r.paybackByConvention.simple!.months.toNumber()).toBe(7.25);
  });

  test("the plan's own payback is unchanged when actuals equal the plan", () => {
    // Plan cumulative: -1200, -1000, ..., 0 in Oct-24: 6 months + 200/200 = 7 months.
    const same = trackAgainstPlan({ periods, plan, actual: plan, asOf: 5 });
    expect(same.variance.isZero()).toBe(true);
    expect(same.variancePct!.isZero()).toBe(true);
    expect(same.reforecast.paybackMonths!.toNumber()).toBe(7);
  });

  test("a re-forecast that no longer pays back says by how much", () => {
    // Nothing saved Apr-Dec: -1,300 then 200 a month Jan-Mar only: -1,300 + 600 = -700 at Mar-25.
    const none = [
      line("Investment - actual", "investment", [-1300, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ];
    const r = trackAgainstPlan({ periods, plan, actual: none, asOf: 8 }).reforecast;
    expect(r.breakEven.status).toBe("not-reached");
    expect(r.breakEven.status === "not-reached" && r.breakEven.shortfall.toNumber()).toBe(700);
    expect(r.paybackMonths).toBeNull();
  });

  test("no variance percentage against a plan net of zero; an as-of outside the grid is refused", () => {
    const flat = [line("Savings", "return", new Array(12).fill(0))];
    expect(trackAgainstPlan({ periods, plan: flat, actual, asOf: 0 }).variancePct).toBeNull();
    expect(() => trackAgainstPlan({ periods, plan, actual, asOf: 12 })).toThrow(
      /one of the grid's 12 periods/
    );
  });
});
