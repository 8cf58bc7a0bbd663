/**
 * Limit verdicts, headroom and what-if, on tables worked out by hand, and the laws the design
 * asks of them checked on random cases against the engine's public payback.
 */
import fc from "fast-check";
import { analysePayback, measurePayback } from "../../src/engine/payback";
import { money } from "../../src/engine/money";
import { monthPeriod } from "../../src/engine/periods";
import { yearNumberPeriod } from "../../src/engine/periodHeadings";
import { applyWhatIf, headroom, limitVerdict, optimismBias, whatIf } from "../../src/engine/scenario";
import type { FlowLine } from "../../src/engine/types";

const line = (label: string, role: FlowLine["role"], amounts: (number | string)[]): FlowLine => ({ label, role, amounts: amounts.map((a) => money(a)) });
const yearTable = (investment: number[], returns: number[]) => ({
  periods: investment.map((_, i) => yearNumberPeriod(i)),
  lines: [line("Capital", "investment", investment), line("Saving", "return", returns)],
});
/** The textbook table: -100 at Year 0, then 30, 40, 50, 60; time-zero payback 2.6 years. */
const textbook = yearTable([-100, 0, 0, 0, 0], [0, 30, 40, 50, 60]);
/** -100 at Year 0, then 50 a year for four years: time-zero payback 100/50 = 2 years. */
const level = yearTable([-100, 0, 0, 0, 0], [0, 50, 50, 50, 50]);

describe("limit verdict", () => {
  test("within, exceeds, never, with the margin in years", () => {
    const p = analysePayback(textbook).paybackYears;
    expect(limitVerdict(p, 3)).toEqual({ years: money(3), verdict: "within", marginYears: money("0.4") });
    expect(limitVerdict(p, 2)).toEqual({ years: money(2), verdict: "exceeds", marginYears: money("-0.6") });
    expect(limitVerdict(money("2.6"), "2.6").verdict).toBe("within");
    expect(limitVerdict(null, 5)).toEqual({ years: money(5), verdict: "never", marginYears: null });
    expect(() => limitVerdict(p, -1)).toThrow(/limit -1 years is not usable/);
  });
});

describe("what-if", () => {
  test("zero change reproduces the base case exactly", () => {
    const w = whatIf(textbook, {});
    const base = analysePayback(textbook);
    expect(w.paybackMonths!.equals(base.paybackMonths!)).toBe(true);
    expect(w.npv.equals(base.npv)).toBe(true);
    expect(w.change.paybackMonths!.isZero() && w.change.npv.isZero() && w.change.net.isZero()).toBe(true);
    expect(w.lostReturns.isZero()).toBe(true);
  });

  test("returns cut by 20%: 24, 32, 40, 48 against 100 pay back in 3 years 1 month", () => {
    // Cumulative: -100, -76, -44, -4, +44: Years 1-3 whole, then 4/48 of Year 4 = 37 months (base 31.2).
    const w = whatIf(textbook, { returnsChange: "-0.2" });
    expect(w.paybackMonths!.toNumber()).toBe(37);
    expect(w.change.paybackMonths!.toNumber()).toBe(5.8);
    // NPV: -100 + 0.8 x (the base returns' present value, 163.7096042063...) = 30.9676833651.
    expect(w.npv.toDecimalPlaces(10).toString()).toBe("30.9676833651");
    expect(w.change.npv.toDecimalPlaces(10).toString()).toBe("-32.7419208413");
  });

  test("optimism bias: investment +10%, returns -20%", () => {
    expect(optimismBias("0.1", "0.2")).toEqual({ investmentChange: money("0.1"), returnsChange: money("-0.2") });
    // -110, then 24, 32, 40, 48: cumulative -110, -86, -54, -14, +34: 3 + 14/48 years.
    const w = whatIf(textbook, optimismBias("0.1", "0.2"));
    expect(w.paybackYears!.toDecimalPlaces(10).toString()).toBe("3.2916666667");
    expect(w.change.net.toNumber()).toBe(-36 - 10);
  });

  test("a delay that pushes returns past the grid's end: they are lost, and said to be", () => {
    // Investment +10%, returns -20% and one year late: 0, 24, 32, 40 in Years 1-4; Year 4's 48 falls off.
    // Cumulative: -110, -110, -86, -54, -14: never pays back.
    const w = whatIf(textbook, { investmentChange: "0.1", returnsChange: "-0.2", delayPeriods: 1 });
    expect(w.lostReturns.toNumber()).toBe(48);
    expect(w.breakEven).toEqual({ status: "not-reached", shortfall: money(14) });
    expect(w.paybackYears).toBeNull();
    expect(w.change.paybackMonths).toBeNull();
    expect(w.result.messages).toContain("Delaying the returns by 1 period moves 48 of returns past the grid's last period (Year 4): they are lost to this analysis.");
    const moved = applyWhatIf(textbook, { delayPeriods: 2 });
    expect(moved.input.lines[1].amounts.map((a) => a.toNumber())).toEqual([0, 0, 0, 30, 40]);
    expect(moved.lostReturns.toNumber()).toBe(110);
  });

  test("changes that make no sense are refused in words", () => {
    expect(() => applyWhatIf(textbook, { delayPeriods: 1.5 })).toThrow(/whole number of periods/);
    expect(() => applyWhatIf(textbook, { returnsChange: -1.5 })).toThrow(/cannot take away more than all of it/);
  });
});

describe("headroom", () => {
  test("against a 3-year limit: returns can fall by a third, or come a year late", () => {
    // Level returns R from Year 1 pay back 100 in 100/R years: within 3 needs R >= 33.33, a cut of
    // at most 1/3: 33.3% passes, 33.4% (R = 33.3, payback 3.003) does not. A delay of n years
    // gives a payback of n + 2: one year passes, two do not.
    const h = headroom(level, { limitYears: 3 });
    expect(h).toEqual({ returnsCut: money("0.333"), delayPeriods: 1, reason: null });
  });

  test("with no limit: still breaking even within the grid", () => {
    // Four years of R must reach 100: R >= 25, a cut of 50% (cumulative exactly zero at Year 4 counts).
    // Delayed n years, (4 - n) x 50 >= 100: n <= 2.
    expect(headroom(level)).toEqual({ returnsCut: money("0.5"), delayPeriods: 2, reason: null });
  });

  test("a case that never pays back, or not in time, has no headroom", () => {
    const never = yearTable([-100, 0, 0], [0, 20, 30]);
    expect(headroom(never)).toMatchObject({ returnsCut: null, delayPeriods: null });
    expect(headroom(never).reason).toMatch(/does not break even within the grid/);
    expect(headroom(textbook, { limitYears: 2 }).reason).toMatch(/not pay back within the 2-year limit/);
  });
});

describe("scenario laws", () => {
  const pence = fc.integer({ min: 1, max: 1_000_000 });
  /** Investment in the first k months, positive returns after: deeper cuts never help. */
  const cases = fc.integer({ min: 4, max: 36 }).chain((n) =>
    fc.tuple(fc.integer({ min: 1, max: Math.floor(n / 2) }), fc.array(fc.tuple(pence, pence), { minLength: n, maxLength: n })).map(([k, rows]) => ({
      periods: rows.map((_, i) => monthPeriod(2022 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1)),
      lines: [line("Inv", "investment", rows.map(([a], i) => (i < k ? -a : 0))), line("Saving", "return", rows.map(([, b], i) => (i < k ? 0 : b)))],
    })),
  );
  const RUNS = { numRuns: 60 };

  test("zero change reproduces the base case exactly", () => {
    fc.assert(
      fc.property(cases, (input) => {
        const base = analysePayback(input);
        const w = whatIf(input, { returnsChange: 0, investmentChange: 0, delayPeriods: 0 });
        const same = (a: { equals(b: never): boolean } | null, b: unknown) => (a === null ? b === null : b !== null && a.equals(b as never));
        return same(w.paybackMonths, base.paybackMonths) && w.npv.equals(base.npv) && w.result.cumulative.every((c, i) => c.equals(base.cumulative[i]));
      }),
      RUNS,
    );
  });

  test("headroom is monotone: a larger limit never gives a smaller headroom", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 36 }), fc.integer({ min: 0, max: 24 }), (input, a, extra) => {
        const small = headroom(input, { limitYears: money(a).dividedBy(12) });
        const large = headroom(input, { limitYears: money(a + extra).dividedBy(12) });
        const cut = (h: typeof small) => (h.returnsCut === null ? -1 : h.returnsCut.toNumber());
        const delay = (h: typeof small) => (h.delayPeriods === null ? -1 : h.delayPeriods);
        return cut(large) >= cut(small) && delay(large) >= delay(small);
      }),
      RUNS,
    );
  });

  test("the headroom cut is the boundary: payback within the limit at the cut, beyond it 0.1% deeper", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 30 }), (input, limitMonths) => {
        const limit = money(limitMonths).dividedBy(12);
        const h = headroom(input, { limitYears: limit });
        if (h.returnsCut === null) return (analysePayback(input).paybackYears ?? limit.plus(1)).greaterThan(limit);
        const at = (cut: ReturnType<typeof money>) => measurePayback(applyWhatIf(input, { returnsChange: cut.negated() }).input).paybackYears;
        if (at(h.returnsCut)!.greaterThan(limit)) return false;
        if (h.returnsCut.equals(1)) return true;
        const beyond = at(h.returnsCut.plus("0.001"));
        return beyond === null || beyond.greaterThan(limit);
      }),
      RUNS,
    );
  });

  test("level returns: the headroom is the cut and delay worked out in closed form, and the cut lands within a period of the limit", () => {
    // I invested in month 0, R a month from month 1, n months, limit L months (L < n).
    // Payback after a cut c: 1 + I / (R(1 - c)) months, within L while c <= 1 - I / (R(L - 1)):
    // to 0.1%, floor(1000 (R(L-1) - I) / (R(L-1))) thousandths. A delay d: 1 + d + I/R <= L.
    const level = fc.record({ i: fc.integer({ min: 100, max: 1_000_000 }), share: fc.integer({ min: 2, max: 20 }), n: fc.integer({ min: 6, max: 48 }) }).chain(({ i, share, n }) =>
      fc.record({ i: fc.constant(i), r: fc.constant(Math.max(1, Math.round(i / share))), n: fc.constant(n), l: fc.integer({ min: 2, max: n - 1 }) }),
    );
    fc.assert(
      fc.property(level, ({ i, r, n, l }) => {
        const input = {
          periods: Array.from({ length: n }, (_, k) => monthPeriod(2022 + Math.floor(k / 12), (k % 12) + 1)),
          lines: [line("Inv", "investment", [-i, ...new Array(n - 1).fill(0)]), line("Saving", "return", [0, ...new Array(n - 1).fill(r)])],
        };
        const h = headroom(input, { limitYears: money(l).dividedBy(12) });
        const room = BigInt(r) * BigInt(l - 1) - BigInt(i);
        if (room < 0n) return h.returnsCut === null && h.delayPeriods === null;
        const thousandths = (1000n * room) / (BigInt(r) * BigInt(l - 1));
        const delay = Math.floor(l - 1 - i / r);
        if (!h.returnsCut!.equals(money(thousandths.toString()).dividedBy(1000)) || h.delayPeriods !== delay) return false;
        const payback = measurePayback(applyWhatIf(input, { returnsChange: h.returnsCut!.negated() }).input).paybackMonths!;
        return payback.lessThanOrEqualTo(l) && money(l).minus(payback).lessThan(1);
      }),
      { numRuns: 200 },
    );
  });
});
