/**
 * Limit, what-if and headroom at their edges, worked by hand: a limit of zero and limits that
 * are not usable, a cut of exactly all the returns, refusals word for word, the lost-returns
 * sentence in the singular and plural, investment never delayed, short lines, and headroom
 * for a case that passes whatever is cut or delayed.
 */
import { money } from "../../src/engine/money";
import { monthPeriod } from "../../src/engine/periods";
import { yearNumberPeriod } from "../../src/engine/periodHeadings";
import { applyWhatIf, headroom, limitVerdict, whatIf } from "../../src/engine/scenario";
import type { FlowLine } from "../../src/engine/types";

const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({
  label,
  role,
  amounts: amounts.map((a) => money(a)),
});
const yearTable = (investment: number[], returns: number[]) => ({
  periods: investment.map((_, i) => yearNumberPeriod(i)),
  lines: [line("Capital", "investment", investment), line("Saving", "return", returns)],
});
/** -100 at Year 0, then 50 a year for four years: time-zero payback 100 / 50 = 2 years. */
const level = yearTable([-100, 0, 0, 0, 0], [0, 50, 50, 50, 50]);
const n = (d: { toNumber(): number }) => d.toNumber();

describe("limit verdict", () => {
  test("a limit of zero: a payback of zero is within it, any more exceeds it", () => {
    expect(limitVerdict(money(0), 0)).toEqual({
      years: money(0),
      verdict: "within",
      marginYears: money(0),
    });
    // 0 - 0.01 = -0.01: beyond the limit by a hundredth of a year.
    expect(limitVerdict(money("0.01"), 0)).toEqual({
      years: money(0),
      verdict: "exceeds",
      marginYears: money("-0.01"),
    });
  });

  test("limits that are not usable are refused in words", () => {
    expect(() => limitVerdict(money(1), "-0.5")).toThrow(
      "The payback limit -0.5 years is not usable: it must be zero or more."
    );
    expect(() => limitVerdict(money(1), Infinity)).toThrow(
      "The payback limit Infinity years is not usable: it must be zero or more."
    );
    expect(() => limitVerdict(null, NaN)).toThrow("The payback limit NaN years is not usable");
    // A bad argument, for the pane and the command to tell apart from a sheet they cannot read.
    expect(() => limitVerdict(null, -1)).toThrow(expect.objectContaining({ code: "bad-argument" }));
  });
});

describe("what-if", () => {
  test("a cut of exactly 100% is allowed: nothing comes back", () => {
    const w = applyWhatIf(level, { returnsChange: -1 });
    expect(w.input.lines[1].amounts.map(n)).toEqual([0, 0, 0, 0, 0]);
    expect(w.input.lines[0].amounts.map(n)).toEqual([-100, 0, 0, 0, 0]);
  });

  test("changes that take away more than all, or delays that are not whole and positive, refused word for word", () => {
    expect(() => applyWhatIf(level, { returnsChange: "-1.5" })).toThrow(
      "The change to returns (-150%) is not usable: it cannot take away more than all of it."
    );
    expect(() => applyWhatIf(level, { investmentChange: -2 })).toThrow(
      "The change to investment (-200%) is not usable: it cannot take away more than all of it."
    );
    expect(() => applyWhatIf(level, { investmentChange: Infinity })).toThrow(
      "The change to investment (Infinity%) is not usable"
    );
    expect(() => applyWhatIf(level, { delayPeriods: -1 })).toThrow(
      "The delay must be a whole number of periods, zero or more; got -1."
    );
    const badArgument = expect.objectContaining({ code: "bad-argument" });
    expect(() => applyWhatIf(level, { returnsChange: -2 })).toThrow(badArgument);
    expect(() => applyWhatIf(level, { delayPeriods: 0.5 })).toThrow(badArgument);
  });

  test("investment is scaled but never delayed; returns are scaled and delayed", () => {
    // Investment +10%: -110 stays at Year 0. Returns +20% (60 a year), two years late: Years 3, 4
    // get 60, 60; Years 3 and 4's own 60 + 60 = 120 are lost.
    const w = applyWhatIf(level, {
      investmentChange: "0.1",
      returnsChange: "0.2",
      delayPeriods: 2,
    });
    expect(w.input.lines[0].amounts.map(n)).toEqual([-110, 0, 0, 0, 0]);
    expect(w.input.lines[1].amounts.map(n)).toEqual([0, 0, 0, 60, 60]);
    expect(n(w.lostReturns)).toBe(120);
    expect(w.messages).toEqual([
      "Delaying the returns by 2 periods moves 120 of returns past the grid's last period (Year 4): they are lost to this analysis.",
    ]);
    expect(w.input.periods).toBe(level.periods);
  });

  test("a delay that loses nothing says nothing; a short return line is zero after its end", () => {
    // Returns 0, 50, 50 given for three of the five years: delayed one year, 0, 0, 50, 50, 0.
    const short = {
      periods: level.periods,
      lines: [line("Capital", "investment", [-100]), line("Saving", "return", [0, 50, 50])],
    };
    const w = applyWhatIf(short, { delayPeriods: 1 });
    expect(w.input.lines[1].amounts.map(n)).toEqual([0, 0, 50, 50, 0]);
    expect(n(w.lostReturns)).toBe(0);
    expect(w.messages).toEqual([]);
  });

  test("the change in payback is null when the scenario never pays back, and the NPV still moves", () => {
    // Returns cut by 60%: 20 a year, 80 in all against 100: never. Net change: 4 x -30 = -120.
    const w = whatIf(level, { returnsChange: "-0.6" });
    expect(w.paybackYears).toBeNull();
    expect(w.change.paybackMonths).toBeNull();
    expect(n(w.change.net)).toBe(-120);
    expect(w.change.npv.isNegative()).toBe(true);
    // The base's time-zero convention is the scenario's too: delayed a year, 3 years from the end of Year 0.
    const late = whatIf(level, { delayPeriods: 1 });
    expect(late.result.convention).toBe("time-zero");
    expect(n(late.paybackYears!)).toBe(3);
    expect(n(late.change.paybackMonths!)).toBe(12);
  });
});

describe("headroom", () => {
  test("a case with no outlay passes whatever is cut or delayed: all of it, every period", () => {
    // Savings only: the position never goes below zero, so even a 100% cut and a delay past the
    // grid's end still "break even" (immediately). Cut 1 (100%), delay 3 (the grid's 3 periods).
    const savingsOnly = {
      periods: [monthPeriod(2024, 4), monthPeriod(2024, 5), monthPeriod(2024, 6)],
      lines: [line("Saving", "return", [10, 10, 10])],
    };
    expect(headroom(savingsOnly)).toEqual({ returnsCut: money(1), delayPeriods: 3, reason: null });
    expect(headroom(savingsOnly, { limitYears: 0 })).toEqual({
      returnsCut: money(1),
      delayPeriods: 3,
      reason: null,
    });
  });

  test("no headroom, in words: without a limit, and against a limit", () => {
    const never = yearTable([-100, 0, 0], [0, 20, 30]);
    expect(headroom(never, { limitYears: null })).toEqual({
      returnsCut: null,
      delayPeriods: null,
      reason: "The case does not break even within the grid, so there is no headroom.",
    });
    // The level case pays back in 2 years: not within 1.5.
    expect(headroom(level, { limitYears: "1.5" }).reason).toBe(
      "The case does not pay back within the 1.5-year limit, so there is no headroom."
    );
    expect(() => headroom(level, { limitYears: -1 })).toThrow(
      "The payback limit -1 years is not usable"
    );
  });

  test("a limit met exactly passes, with no cut and no delay to spare", () => {
    // Payback 2 years against a limit of 2: passes; a cut of 0.1% (R = 49.95) gives 2.002 years
    // and a delay of one year 3 years, so both headrooms are zero.
    expect(headroom(level, { limitYears: 2 })).toEqual({
      returnsCut: money(0),
      delayPeriods: 0,
      reason: null,
    });
  });
});

describe("the user's options carry into the scenario", () => {
  test("what-if discounts at the user's rate, and a base that never pays back has no change in payback", () => {
    // At 0%: NPV is the plain sum, -100 + 4 x 50 = 100; returns cut 20%: -100 + 4 x 40 = 60.
    const w = whatIf(level, { returnsChange: "-0.2" }, { discountRate: 0 });
    expect(n(w.npv)).toBe(60);
    expect(n(w.change.npv)).toBe(-40);
    // Base: 20 + 30 = 50 against 100, never; doubled returns, 40 + 60 = 100: pays back, but there
    // is no base payback to compare with.
    const never = yearTable([-100, 0, 0], [0, 20, 30]);
    const doubled = whatIf(never, { returnsChange: 1 });
    expect(doubled.paybackYears).not.toBeNull();
    expect(doubled.change.paybackMonths).toBeNull();
  });

  test("headroom counts in the user's convention", () => {
    // From the first investment (Year 0 counted as a year), level returns R pay back 100 in
    // 1 + 100 / R years: 3 years at R = 50, so against a limit of 3 there is no cut or delay to
    // spare. (In the table's own time-zero convention it would be 2 years, a third and a year.)
    expect(headroom(level, { convention: "first-investment", limitYears: 3 })).toEqual({
      returnsCut: money(0),
      delayPeriods: 0,
      reason: null,
    });
  });
});
