/** Laws of the payback engine, checked on random series with fast-check. */
import fc from "fast-check";
import type Decimal from "decimal.js";
import {
  analysePayback,
  money,
  sum,
  ZERO,
  monthPeriod,
  yearNumberPeriod,
  type FlowLine,
  type PaybackConvention,
} from "../../src/engine";

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

/*
 * The oracle: an exact walk over whole pence with fractions of BigInts, written here apart from
 * the engine. The cumulative position is a straight line through each period (even flow); the
 * payback instant is where that line first climbs back to zero after a period has ended below it.
 */
type Fraction = { n: bigint; d: bigint };
const fraction = (n: bigint, d = 1n): Fraction => (d < 0n ? { n: -n, d: -d } : { n, d });
const minus = (a: Fraction, whole: number): Fraction => fraction(a.n - BigInt(whole) * a.d, a.d);

/** Periods from the start of period 0 to the instant the position climbs back to zero, and that period. */
function crossing(net: bigint[]): { at: Fraction; period: number } | "never-negative" | "never-recovers" {
  let position = 0n;
  let beenBelow = false;
  for (let i = 0; i < net.length; i++) {
    const before = position;
    position += net[i];
    if (position < 0n) beenBelow = true;
    // Climbing from `before` (< 0) at the start of period i: zero after -before / net[i] of it.
    else if (beenBelow) return { at: fraction(BigInt(i) * net[i] - before, net[i]), period: i };
  }
  return beenBelow ? "never-recovers" : "never-negative";
}

/** Payback in periods counted from the start of period `start`, as the design notes define it. */
function walkOracle(net: bigint[], start: number | null): Fraction | null {
  const c = crossing(net);
  if (c === "never-negative") return fraction(0n);
  if (c === "never-recovers" || start === null || start > c.period) return null;
  return minus(c.at, start);
}

/** Simple payback: the total investment recovered by returns counted from the first return period. */
function simpleOracle(investment: bigint[], returns: bigint[]): Fraction | null {
  const toRecover = -investment.reduce((a, b) => a + b, 0n);
  if (toRecover <= 0n) return fraction(0n);
  const first = returns.findIndex((r) => r > 0n);
  if (first < 0) return null;
  let recovered = 0n;
  for (let i = first; i < returns.length; i++) {
    if (recovered + returns[i] >= toRecover) return fraction(BigInt(i - first) * returns[i] + toRecover - recovered, returns[i]);
    recovered += returns[i];
  }
  return null;
}

/** Equal to the exact fraction up to the 40 significant digits the engine's division carries. */
function sameAs(engine: Decimal | null | undefined, exact: Fraction | null): boolean {
  if (exact === null) return engine === null;
  if (engine === null || engine === undefined) return false;
  return engine.times(exact.d.toString()).minus(exact.n.toString()).abs().lessThan(money(exact.d.toString()).times("1e-30"));
}

// Whole pence, so the oracle's BigInts are exact; the engine gets pounds as decimals.
const pence = fc.integer({ min: 0, max: 5_000_000 });
/** Cases that usually pay back: investment first (and now and then later), returns after. */
const investThenReturn = fc.integer({ min: 2, max: 60 }).chain((n) =>
  fc
    .tuple(fc.integer({ min: 1, max: Math.max(1, Math.floor(n / 2)) }), fc.array(fc.tuple(pence, pence, fc.integer({ min: 0, max: 9 })), { minLength: n, maxLength: n }))
    .map(([k, rows]) => ({
      investment: rows.map(([a, , c], i) => (i < k ? -a : c === 0 ? -Math.round(a / 4) : 0)),
      returns: rows.map(([, b, c], i) => (i < k ? (c < 3 ? Math.round(b / 10) : 0) : c === 1 ? -Math.round(b / 10) : Math.round(b / 2))),
    })),
);
/** Any mix of signs, as the older laws use. */
const anySeries = series.map((s) => ({
  investment: s.investment.map((d) => d.times(100).toNumber()),
  returns: s.returns.map((d) => d.times(100).toNumber()),
}));
const cases = fc.oneof({ arbitrary: investThenReturn, weight: 3 }, { arbitrary: anySeries, weight: 1 });
const pounds = (p: number[]) => p.map((x) => money(x).dividedBy(100));
const linesInPence = (s: { investment: number[]; returns: number[] }): FlowLine[] => [
  { label: "Investment", role: "investment", amounts: pounds(s.investment) },
  { label: "Return", role: "return", amounts: pounds(s.returns) },
];
const big = (xs: number[]) => xs.map((x) => BigInt(x));
const firstIndex = (xs: number[], test: (x: number) => boolean) => {
  const i = xs.findIndex(test);
  return i < 0 ? null : i;
};

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

  test("oracle: first-investment and first-return paybacks are the exact walk of the cumulative position", () => {
    fc.assert(
      fc.property(cases, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesInPence(s) });
        const net = big(s.investment).map((inv, i) => inv + BigInt(s.returns[i]));
        const fromInvestment = walkOracle(net, firstIndex(s.investment, (x) => x !== 0));
        const fromReturn = walkOracle(net, firstIndex(s.returns, (x) => x > 0));
        return (
          sameAs(r.paybackByConvention["first-investment"]?.months ?? null, fromInvestment) &&
          sameAs(r.paybackByConvention["first-return"]?.months ?? null, fromReturn) &&
          sameAs(r.paybackMonths, fromInvestment)
        );
      }),
      RUNS,
    );
  });

  test("oracle: simple payback is the exact recovery of the whole investment by the returns", () => {
    fc.assert(
      fc.property(cases, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesInPence(s) });
        return sameAs(r.paybackByConvention.simple?.months ?? null, simpleOracle(big(s.investment), big(s.returns)));
      }),
      RUNS,
    );
  });

  test("oracle: a Year 0 table's time-zero payback counts from the end of Year 0, in years (months = years x 12)", () => {
    fc.assert(
      fc.property(cases, (s) => {
        const periods = s.investment.map((_, i) => yearNumberPeriod(i));
        const r = analysePayback({ periods, lines: linesInPence(s) });
        const net = big(s.investment).map((inv, i) => inv + BigInt(s.returns[i]));
        const expected = walkOracle(net, 1);
        const figure = r.paybackByConvention["time-zero"];
        const months = expected === null ? null : fraction(expected.n * 12n, expected.d);
        return r.convention === "time-zero" && sameAs(figure?.years ?? null, expected) && sameAs(figure?.months ?? null, months) && sameAs(r.paybackYears, expected);
      }),
      RUNS,
    );
  });

  test("at the interpolated payback instant the cumulative position, run evenly through the period, is exactly zero", () => {
    const conventions: PaybackConvention[] = ["first-investment", "first-return"];
    fc.assert(
      fc.property(cases, (s) => {
        const r = analysePayback({ periods: periodsOf(s.investment.length), lines: linesInPence(s) });
        if (r.breakEven.status !== "reached") return true;
        return conventions.every((c) => {
          const figure = r.paybackByConvention[c];
          const start = c === "first-investment" ? r.firstInvestment : r.firstReturn;
          if (figure === null || start === null) return true;
          const instant = figure.months.plus(start);
          const period = instant.ceil().toNumber() - 1;
          const before = period > 0 ? r.cumulative[period - 1] : ZERO;
          const position = before.plus(r.net[period].times(instant.minus(period)));
          return period === (r.breakEven as { index: number }).index && position.abs().lessThan("1e-25");
        });
      }),
      RUNS,
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
