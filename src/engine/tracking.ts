/**
 * Plan versus actual (design notes, "Plan versus actual"): where actual figures sit beside the
 * plan, as of the last actual period, the plan to date, the actual to date and the variance; the
 * re-forecast takes the actuals up to that period and the plan after it, and has its own
 * break-even and payback, computed by the same engine as the plan's.
 */
import type Decimal from "decimal.js";
import { ItosError } from "./errors";
import { ErrorMessage } from "./messages";
import { ZERO } from "./money";
import { analysePayback } from "./payback";
import type { FlowLine, PaybackOptions, PaybackResult, Period } from "./types";

export interface TrackingInput {
  periods: Period[];
  /** The plan's lines, in the engine's sign convention (investment negative). */
  plan: FlowLine[];
  /** The actual lines, the same periods and signs; figures after `asOf` are not read. */
  actual: FlowLine[];
  /** Index of the last period with actual figures. */
  asOf: number;
}

/** Investment (negative), return and net over the periods up to and including asOf. */
export interface ToDate {
  investment: Decimal;
  return: Decimal;
  net: Decimal;
}

export interface TrackingResult {
  asOf: number;
  asOfPeriod: Period;
  planToDate: ToDate;
  actualToDate: ToDate;
  /** Actual net to date minus plan net to date: positive is better than plan. */
  variance: Decimal;
  /** The variance as a fraction of the plan's net to date (its size); null when that is zero. */
  variancePct: Decimal | null;
  /** The re-forecast's flows per period (actual to asOf, plan after) and its payback analysis. */
  reforecast: PaybackResult;
}

function byRole(lines: readonly FlowLine[], role: FlowLine["role"], n: number): Decimal[] {
  const out: Decimal[] = new Array(n).fill(ZERO);
  for (const line of lines) {
    if (line.role !== role) continue;
    for (let i = 0; i < n; i++) out[i] = out[i].plus(line.amounts[i] ?? ZERO);
  }
  return out;
}

function toDate(investment: Decimal[], returns: Decimal[], asOf: number): ToDate {
  let inv: Decimal = ZERO;
  let ret: Decimal = ZERO;
  for (let i = 0; i <= asOf; i++) {
    inv = inv.plus(investment[i]);
    ret = ret.plus(returns[i]);
  }
  return { investment: inv, return: ret, net: inv.plus(ret) };
}

/** Actual against plan as of period `asOf`, and the re-forecast's break-even and payback. */
export function trackAgainstPlan(
  input: TrackingInput,
  options: PaybackOptions = {}
): TrackingResult {
  const { periods, asOf } = input;
  const n = periods.length;
  if (!Number.isInteger(asOf) || asOf < 0 || asOf >= n)
    throw new ItosError("bad-argument", ErrorMessage.period.lastActualOutOfRange(n, asOf + 1));
  const planInvestment = byRole(input.plan, "investment", n);
  const planReturn = byRole(input.plan, "return", n);
  const actualInvestment = byRole(input.actual, "investment", n);
  const actualReturn = byRole(input.actual, "return", n);

  const planToDate = toDate(planInvestment, planReturn, asOf);
  const actualToDate = toDate(actualInvestment, actualReturn, asOf);
  const variance = actualToDate.net.minus(planToDate.net);
  const variancePct = planToDate.net.isZero() ? null : variance.dividedBy(planToDate.net.abs());

  // Actuals where present, the plan thereafter: two lines, one per role, so that the
  // conventions that tell investment from return (simple, first-return) still can.
  const upTo = (actual: Decimal[], plan: Decimal[]) =>
    plan.map((p, i) => (i <= asOf ? actual[i] : p));
  const reforecast = analysePayback(
    {
      periods,
      lines: [
        {
          label: "Investment (re-forecast)",
          role: "investment",
          amounts: upTo(actualInvestment, planInvestment),
        },
        { label: "Return (re-forecast)", role: "return", amounts: upTo(actualReturn, planReturn) },
      ],
    },
    options
  );
  return {
    asOf,
    asOfPeriod: periods[asOf],
    planToDate,
    actualToDate,
    variance,
    variancePct,
    reforecast,
  };
}
