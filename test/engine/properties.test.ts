/** Laws of the payback engine, checked on random series with fast-check. */
import fc from "fast-check";
import { analysePayback, money, sum, ZERO, monthPeriod, type FlowLine } from "../../src/engine";

const periodsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => monthPeriod(2020 + Math.floor(i / 12), (i % 12) + 1));
// Amounts in pence, as decimals: exact, with two decimal places.
const amount = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((p) => money(p).dividedBy(100));
const series = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.record({
    investment: fc.array(
      amount.map((a) => a.abs().negated()),
      { minLength: n, maxLength: n }
    ),
    returns: fc.array(amount, { minLength: n, maxLength: n }),
  })
);
const linesOf = (s: {
  investment: ReturnType<typeof money>[];
  returns: ReturnType<typeof money>[];
}): FlowLine[] => [
  { label: "Investment", role: "investment", amounts: s.investment },
  { label: "Return", role: "return", amounts: s.returns },
];
const RUNS = { numRuns: 1000 };

describe("engine laws", () => {
  test("the cumulative position ends at the sum of all flows", () => {
    fc.assert(
      fc.property(series, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesOf(s) });
        return (
          r.cumulative[r.cumulative.length - 1].equals(sum([...s.investment, ...s.returns])) &&
          r.totals.net.equals(r.cumulative[r.cumulative.length - 1])
        );
      }),
      RUNS
    );
  });

  test("break-even is the first period at or above zero after a negative one", () => {
    fc.assert(
      fc.property(series, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesOf(s) });
        const cum = r.cumulative;
        const firstNegative = cum.findIndex((c) => c.lessThan(0));
        if (firstNegative < 0) return r.breakEven.status === "immediate";
        const recovery = cum.findIndex((c, i) => i > firstNegative && c.greaterThanOrEqualTo(0));
        if (recovery < 0)
          return (
            r.breakEven.status === "not-reached" &&
            r.breakEven.shortfall.equals(cum[cum.length - 1].negated())
          );
        if (r.breakEven.status !== "reached" || r.breakEven.index !== recovery) return false;
        const sustained = r.breakEven.sustainedIndex;
        if (sustained === null)
          return cum.slice(recovery).some((c) => c.lessThan(0)) && cum[cum.length - 1].lessThan(0);
        return (
          cum.slice(sustained).every((c) => c.greaterThanOrEqualTo(0)) &&
          cum[sustained - 1].lessThan(0)
        );
      }),
      RUNS
    );
  });

  test("interpolation: payback lies within the break-even period, measured from the basis start", () => {
    fc.assert(
      fc.property(series, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesOf(s) });
        if (
          r.breakEven.status !== "reached" ||
          r.paybackMonths === null ||
          r.firstInvestment === null
        )
          return true;
        const whole = r.breakEven.index - r.firstInvestment;
        return (
          r.paybackMonths.greaterThan(whole - 1) &&
          r.paybackMonths.lessThanOrEqualTo(whole + 1) &&
          r.paybackMonths.greaterThan(whole) === r.paybackMonths.minus(whole).greaterThan(0)
        );
      }),
      RUNS
    );
  });

  test("basis law: first-investment payback = first-return payback + the months between the two starts", () => {
    fc.assert(
      fc.property(series, (s) => {
        const periods = periodsOf(s.investment.length);
        const a = analysePayback({ periods, lines: linesOf(s) }, { basis: "first-investment" });
        const b = analysePayback({ periods, lines: linesOf(s) }, { basis: "first-return" });
        if (
          a.paybackMonths === null ||
          b.paybackMonths === null ||
          a.breakEven.status !== "reached"
        )
          return true;
        // Equal up to the last of the 40 significant digits the division carries.
        return a.paybackMonths
          .minus(b.paybackMonths)
          .minus((b.firstReturn ?? 0) - (a.firstInvestment ?? 0))
          .abs()
          .lessThan("1e-30");
      }),
      RUNS
    );
  });

  test("year summaries add up to the totals and end at the final cumulative position", () => {
    fc.assert(
      fc.property(series, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesOf(s) });
        const net = r.years.reduce((acc, y) => acc.plus(y.net), ZERO);
        return (
          net.equals(r.totals.net) && r.years[r.years.length - 1].cumulative.equals(r.totals.net)
        );
      }),
      RUNS
    );
  });

  test("decimal sums are exact: a million pennies make exactly £10,000", () => {
    const penny = money("0.01");
    const pennies = new Array(1_000_000).fill(penny);
    expect(sum(pennies).toString()).toBe("10000");
    // The same sum in binary floating point drifts, which is why money is decimal here.
    expect(new Array(1_000_000).fill(0.01).reduce((a: number, b: number) => a + b, 0)).not.toBe(
      10000
    );
  });
});
