/**
 * The payback analysis: net flow, cumulative position, break-even, payback period, crossover,
 * year summaries, totals, ROI, NPV and discounted payback. Definitions are the design notes'.
 */
import Decimal from "decimal.js";
import { ItosError } from "./errors";
import { Money, ZERO, sum } from "./money";
import { discountFactors, DEFAULT_DISCOUNT_RATE } from "./discount";
import type {
  Basis,
  BreakEven,
  FlowLine,
  PaybackOptions,
  PaybackResult,
  Period,
  Periodicity,
  YearSummary,
} from "./types";

export interface PaybackInput {
  periods: Period[];
  lines: FlowLine[];
}

/** Adds up the lines of one role, period by period. */
function totalByPeriod(lines: FlowLine[], role: FlowLine["role"], n: number): Decimal[] {
  const totals: Decimal[] = new Array(n).fill(ZERO);
  for (const line of lines) {
    if (line.role !== role) continue;
    for (let i = 0; i < n; i++) totals[i] = totals[i].plus(line.amounts[i] ?? ZERO);
  }
  return totals;
}

export function runningTotal(flows: readonly Decimal[]): Decimal[] {
  const out: Decimal[] = [];
  let acc: Decimal = ZERO;
  for (const f of flows) {
    acc = acc.plus(f);
    out.push(acc);
  }
  return out;
}

/**
 * First period whose cumulative position is >= 0 after it has been < 0, and the sustained
 * break-even: the first such period after which the position never goes negative again.
 */
export function findBreakEven(cumulative: readonly Decimal[]): BreakEven {
  let seenNegative = false;
  let first: number | null = null;
  let sustained: number | null = null;
  for (let i = 0; i < cumulative.length; i++) {
    const c = cumulative[i];
    if (c.isNegative() && !c.isZero()) {
      seenNegative = true;
      sustained = null;
    } else if (seenNegative) {
      if (first === null) first = i;
      if (sustained === null) sustained = i;
    }
  }
  if (!seenNegative) return { status: "immediate" };
  if (first === null)
    return { status: "not-reached", shortfall: cumulative[cumulative.length - 1].negated() };
  return { status: "reached", index: first, sustainedIndex: sustained };
}

/** First period whose net flow is > 0. */
export function findCrossover(net: readonly Decimal[]): number | null {
  const i = net.findIndex((f) => f.greaterThan(0));
  return i < 0 ? null : i;
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

function firstNonZero(values: readonly Decimal[], positiveOnly: boolean): number | null {
  const i = values.findIndex((v) => (positiveOnly ? v.greaterThan(0) : !v.isZero()));
  return i < 0 ? null : i;
}

function periodicityOf(periods: readonly Period[]): Periodicity {
  return periods.length > 0 && periods.every((p) => p.kind === "year") ? "annual" : "monthly";
}

export function yearSummaries(
  periods: readonly Period[],
  investment: Decimal[],
  returns: Decimal[]
): YearSummary[] {
  const years: YearSummary[] = [];
  let cumulative: Decimal = ZERO;
  periods.forEach((p, i) => {
    const fy = p.fy ?? p.label;
    let year = years[years.length - 1];
    if (!year || year.fy !== fy) {
      year = { fy, investment: ZERO, return: ZERO, net: ZERO, cumulative };
      years.push(year);
    }
    const net = investment[i].plus(returns[i]);
    year.investment = year.investment.plus(investment[i]);
    year.return = year.return.plus(returns[i]);
    year.net = year.net.plus(net);
    cumulative = cumulative.plus(net);
    year.cumulative = cumulative;
  });
  return years;
}

/** Payback in periods from the basis start, or null with the reason added to messages. */
function paybackFrom(
  breakEven: BreakEven,
  cumulative: Decimal[],
  net: Decimal[],
  start: number | null,
  basisName: string,
  messages: string[]
): Decimal | null {
  if (breakEven.status === "immediate") return ZERO;
  if (breakEven.status === "not-reached") return null;
  if (start === null) {
    messages.push(`No ${basisName} found, so the payback period cannot be measured from it.`);
    return null;
  }
  if (start > breakEven.index) {
    messages.push(
      `The cumulative position turns positive before the ${basisName}, so the payback period is not measured.`
    );
    return null;
  }
  return interpolatedPeriods(cumulative, net, breakEven.index, start);
}

/** The payback measures alone: what =ITOS.PAYBACK needs, without discounting or year tables. */
export type PaybackMeasure = Pick<
  PaybackResult,
  | "periodicity"
  | "basis"
  | "investmentByPeriod"
  | "returnByPeriod"
  | "net"
  | "cumulative"
  | "firstInvestment"
  | "firstReturn"
  | "crossover"
  | "breakEven"
  | "paybackMonths"
  | "paybackYears"
  | "messages"
>;

export function measurePayback(input: PaybackInput, options: PaybackOptions = {}): PaybackMeasure {
  const { periods, lines } = input;
  const n = periods.length;
  if (n === 0)
    throw new ItosError("no-periods", "No periods found: the grid needs month or year headers.");
  const basis: Basis = options.basis ?? "first-investment";
  const periodicity = periodicityOf(periods);

  const investmentByPeriod = totalByPeriod(lines, "investment", n);
  const returnByPeriod = totalByPeriod(lines, "return", n);
  const net = investmentByPeriod.map((inv, i) => inv.plus(returnByPeriod[i]));
  const cumulative = runningTotal(net);
  const messages: string[] = [];

  const firstInvestment = firstNonZero(investmentByPeriod, false);
  const firstReturn = firstNonZero(returnByPeriod, true);
  if (firstInvestment === null)
    messages.push("No investment found in the grid: every investment line is blank or zero.");

  const breakEven = findBreakEven(cumulative);
  if (breakEven.status === "not-reached") {
    messages.push(
      `Not paid back within the horizon: the cumulative position ends ${breakEven.shortfall.toFixed(0)} short of break-even.`
    );
  }
  const start = basis === "first-return" ? firstReturn : firstInvestment;
  const periodsToPayback = paybackFrom(
    breakEven,
    cumulative,
    net,
    start,
    basis === "first-return" ? "first return" : "first investment",
    messages
  );
  const paybackMonths =
    periodsToPayback === null ? null : periodsToPayback.times(monthsPerPeriod(periodicity));
  return {
    periodicity,
    basis,
    investmentByPeriod,
    returnByPeriod,
    net,
    cumulative,
    firstInvestment,
    firstReturn,
    crossover: findCrossover(net),
    breakEven,
    paybackMonths,
    paybackYears: paybackMonths === null ? null : paybackMonths.dividedBy(12),
    messages,
  };
}

function monthsPerPeriod(periodicity: Periodicity): number {
  return periodicity === "annual" ? 12 : 1;
}

export function analysePayback(input: PaybackInput, options: PaybackOptions = {}): PaybackResult {
  const measure = measurePayback(input, options);
  const { investmentByPeriod, returnByPeriod, net, periodicity } = measure;
  const rate = new Money(options.discountRate ?? DEFAULT_DISCOUNT_RATE);
  const perPeriodMonths = monthsPerPeriod(periodicity);
  const start = measure.basis === "first-return" ? measure.firstReturn : measure.firstInvestment;

  const factors = discountFactors(net.length, rate, 12 / perPeriodMonths);
  const discountedNet = net.map((f, i) => f.times(factors[i]));
  const discountedCumulative = runningTotal(discountedNet);
  const discountedBreakEven = findBreakEven(discountedCumulative);
  const discountedPeriods = paybackFrom(
    discountedBreakEven,
    discountedCumulative,
    discountedNet,
    start,
    "first investment",
    []
  );

  const totalInvestment = sum(investmentByPeriod);
  const totalReturn = sum(returnByPeriod);
  const totalNet = totalInvestment.plus(totalReturn);

  return {
    ...measure,
    periods: [...input.periods],
    totals: { investment: totalInvestment, return: totalReturn, net: totalNet },
    roi: totalInvestment.isZero() ? null : totalNet.dividedBy(totalInvestment.abs()),
    discountRate: rate,
    npv: sum(discountedNet),
    discountedBreakEven,
    discountedPaybackMonths:
      discountedPeriods === null ? null : discountedPeriods.times(perPeriodMonths),
    years: yearSummaries(input.periods, investmentByPeriod, returnByPeriod),
  };
}
