/**
 * The payback period in the four conventions papers quote (design notes, "Payback period"), each
 * interpolated within the period assuming the flow comes evenly through it.
 */
import type Decimal from "decimal.js";
import { Money, ZERO } from "./money";
import type { BreakEven, PaybackConvention, PaybackFigure, Period } from "./types";

export const PAYBACK_CONVENTIONS: readonly PaybackConvention[] = [
  "first-investment",
  "first-return",
  "simple",
  "time-zero",
];

export function isPaybackConvention(value: unknown): value is PaybackConvention {
  return typeof value === "string" && (PAYBACK_CONVENTIONS as readonly string[]).includes(value);
}

/** "first investment", "time zero": the convention's name in a sentence. */
export function conventionWords(convention: PaybackConvention): string {
  return convention.replace("-", " ");
}

/** Index of the Year 0 period of an appraisal table, or null when the table has none. */
export function timeZeroIndex(periods: readonly Period[]): number | null {
  const i = periods.findIndex((p) => p.timeZero === true);
  return i < 0 ? null : i;
}

/** The headline convention when no option names one: time-zero for Year 0 tables. */
export function defaultConvention(periods: readonly Period[]): PaybackConvention {
  return timeZeroIndex(periods) === null ? "first-investment" : "time-zero";
}

/**
 * Periods from the start of period `start` to the moment the position reaches zero inside the
 * break-even period, assuming even flow within it: elapsed + (-cumBefore / netFlowOfPeriod).
 */
export function interpolatedPeriods(
  cumulative: readonly Decimal[],
  net: readonly Decimal[],
  breakEven: number,
  start: number
): Decimal {
  const before = breakEven > 0 ? cumulative[breakEven - 1] : ZERO;
  const elapsed = new Money(breakEven - start);
  const flow = net[breakEven];
  if (flow.isZero()) return elapsed;
  return elapsed.plus(before.negated().dividedBy(flow));
}

/** A payback in periods, or the reason there is none. */
export type PeriodsOrReason = { periods: Decimal } | { reason: string };

/**
 * The cumulative-walk conventions (first-investment, first-return, time-zero): periods from the
 * start of period `start` to break-even. `startName` names the start in the reason.
 */
export function walkFrom(
  breakEven: BreakEven,
  cumulative: readonly Decimal[],
  net: readonly Decimal[],
  start: number | null,
  startName: string
): PeriodsOrReason {
  if (breakEven.status === "immediate") return { periods: ZERO };
  if (breakEven.status === "not-reached")
    return { reason: "The cumulative position never reaches zero within the horizon." };
  if (start === null)
    return { reason: `No ${startName} found, so the payback period cannot be measured from it.` };
  if (start > breakEven.index)
    return {
      reason: `The cumulative position turns positive before the ${startName}, so the payback period is not measured.`,
    };
  return { periods: interpolatedPeriods(cumulative, net, breakEven.index, start) };
}

/**
 * Simple payback: the whole investment, treated as paid up front, recovered by the returns
 * counted from the first return period: whole periods until the running sum of returns reaches
 * the investment, plus the share of the next period's return still needed.
 */
export function simplePeriods(
  investmentByPeriod: readonly Decimal[],
  returnByPeriod: readonly Decimal[],
  firstReturn: number | null
): PeriodsOrReason {
  let toRecover: Decimal = ZERO;
  for (const inv of investmentByPeriod) toRecover = toRecover.minus(inv);
  if (!toRecover.greaterThan(0)) return { periods: ZERO };
  if (firstReturn === null)
    return { reason: "No return found, so the simple payback cannot be measured." };
  let recovered: Decimal = ZERO;
  for (let i = firstReturn; i < returnByPeriod.length; i++) {
    const flow = returnByPeriod[i];
    const after = recovered.plus(flow);
    if (after.greaterThanOrEqualTo(toRecover)) {
      // after >= toRecover > recovered, so flow > 0 here.
      const share = toRecover.minus(recovered).dividedBy(flow);
      return { periods: new Money(i - firstReturn).plus(share) };
    }
    recovered = after;
  }
  return {
    reason: `The returns never add up to the total investment within the horizon (${toRecover.minus(recovered).toFixed(0)} short), so there is no simple payback.`,
  };
}

export interface ConventionInputs {
  periods: readonly Period[];
  investmentByPeriod: readonly Decimal[];
  returnByPeriod: readonly Decimal[];
  net: readonly Decimal[];
  cumulative: readonly Decimal[];
  breakEven: BreakEven;
  firstInvestment: number | null;
  firstReturn: number | null;
}

/** The payback of one convention, in periods, or the reason it does not apply. */
export function conventionPeriods(
  convention: PaybackConvention,
  x: ConventionInputs
): PeriodsOrReason {
  switch (convention) {
    case "first-investment":
      return walkFrom(x.breakEven, x.cumulative, x.net, x.firstInvestment, "first investment");
    case "first-return":
      return walkFrom(x.breakEven, x.cumulative, x.net, x.firstReturn, "first return");
    case "simple":
      return simplePeriods(x.investmentByPeriod, x.returnByPeriod, x.firstReturn);
    case "time-zero": {
      const zero = timeZeroIndex(x.periods);
      if (zero === null)
        return {
          reason:
            "The time-zero payback applies to appraisal tables that start at Year 0; this one has no Year 0.",
        };
      // Year 0 is an instant: the count starts when it ends, at the start of Year 1.
      return walkFrom(x.breakEven, x.cumulative, x.net, zero + 1, "end of Year 0");
    }
  }
}

/** Periods as months and years: a period is `monthsPerPeriod` months (1, 3 or 12). */
export function figureOf(periods: Decimal, monthsPerPeriod: number): PaybackFigure {
  const months = periods.times(monthsPerPeriod);
  return { months, years: months.dividedBy(12) };
}
