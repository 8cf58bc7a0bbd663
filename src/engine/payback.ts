/**
 * The payback analysis: net flow, cumulative position, break-even, payback period, crossover,
 * year summaries, totals, ROI, NPV and discounted payback. Definitions are the design notes'.
 */
import Decimal from "decimal.js";
import { ItosError } from "./errors";
import { ErrorMessage } from "./messages";
import { Money, ZERO, sum } from "./money";
import { discountFactors, DEFAULT_DISCOUNT_RATE } from "./discount";
import {
  PAYBACK_CONVENTIONS,
  conventionPeriods,
  defaultConvention,
  figureOf,
  interpolatedPeriods,
  timeZeroIndex,
  type ConventionInputs,
  type PeriodsOrReason,
} from "./conventions";
import type {
  Basis,
  BreakEven,
  Cadence,
  FlowLine,
  PaybackByConvention,
  PaybackConvention,
  PaybackOptions,
  PaybackResult,
  Period,
  Periodicity,
  YearSummary,
} from "./types";

export { interpolatedPeriods };

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

function firstNonZero(values: readonly Decimal[], positiveOnly: boolean): number | null {
  const i = values.findIndex((v) => (positiveOnly ? v.greaterThan(0) : !v.isZero()));
  return i < 0 ? null : i;
}

/** Years, quarters or months; an axis that mixes quarters with anything else is refused. */
export function cadenceOf(periods: readonly Period[]): Cadence {
  if (periods.length > 0 && periods.every((p) => p.kind === "year")) return "annual";
  const quarters = periods.filter((p) => p.kind === "quarter").length;
  if (quarters === 0) return "monthly";
  if (quarters === periods.length) return "quarterly";
  throw new ItosError("bad-period", ErrorMessage.period.mixedCadence());
}

/** 1 for months, 3 for quarters, 12 for years. */
export function monthsPerPeriodOf(cadence: Cadence): number {
  return cadence === "annual" ? 12 : cadence === "quarterly" ? 3 : 1;
}

function periodicityOf(cadence: Cadence): Periodicity {
  return cadence === "annual" ? "annual" : "monthly";
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

/** The headline convention: an explicit convention, else the basis given, else the table's default. */
export function headlineConvention(
  periods: readonly Period[],
  options: PaybackOptions
): PaybackConvention {
  return options.convention ?? options.basis ?? defaultConvention(periods);
}

/** The two-valued basis kept for older readers of the result: where the headline counts from. */
function basisFor(convention: PaybackConvention, options: PaybackOptions): Basis {
  if (options.basis) return options.basis;
  return convention === "first-return" || convention === "simple"
    ? "first-return"
    : "first-investment";
}

/**
 * The payback in every convention, in months and years. Reasons for the nulls go to notes; the
 * headline's reason, and any other that is not already said (no break-even, no Year 0), to messages.
 */
export function paybackInEveryConvention(
  x: ConventionInputs,
  monthsPerPeriod: number,
  headline: PaybackConvention,
  messages: string[]
): { byConvention: PaybackByConvention; notes: Partial<Record<PaybackConvention, string>> } {
  const byConvention = {} as PaybackByConvention;
  const notes: Partial<Record<PaybackConvention, string>> = {};
  for (const convention of PAYBACK_CONVENTIONS) {
    const found = conventionPeriods(convention, x);
    if ("periods" in found) {
      byConvention[convention] = figureOf(found.periods, monthsPerPeriod);
      continue;
    }
    byConvention[convention] = null;
    notes[convention] = found.reason;
    const alreadySaid =
      x.breakEven.status === "not-reached" ||
      (convention === "time-zero" && timeZeroIndex(x.periods) === null && headline !== "time-zero");
    if (!alreadySaid)
      messages.push(
        convention === headline ? found.reason : `${convention} payback: ${found.reason}`
      );
  }
  return { byConvention, notes };
}

/** The payback measures alone: what =ITOS.PAYBACK needs, without discounting or year tables. */
export type PaybackMeasure = Pick<
  PaybackResult,
  | "periodicity"
  | "cadence"
  | "basis"
  | "convention"
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
  | "paybackByConvention"
  | "conventionNotes"
  | "messages"
>;

/** What every convention reads, its arrays the result's own. */
interface Flows extends ConventionInputs {
  investmentByPeriod: Decimal[];
  returnByPeriod: Decimal[];
  net: Decimal[];
  cumulative: Decimal[];
}

/** The flows by period, the cumulative position and its break-even: what every convention reads. */
function flowsOf(
  input: PaybackInput,
  options: PaybackOptions
): { cadence: Cadence; convention: PaybackConvention; x: Flows } {
  const { periods, lines } = input;
  const n = periods.length;
  if (n === 0) throw new ItosError("no-periods", ErrorMessage.period.noPeriods());
  const cadence = cadenceOf(periods);
  const convention = headlineConvention(periods, options);
  const investmentByPeriod = totalByPeriod(lines, "investment", n);
  const returnByPeriod = totalByPeriod(lines, "return", n);
  const net = investmentByPeriod.map((inv, i) => inv.plus(returnByPeriod[i]));
  const cumulative = runningTotal(net);
  const x: Flows = {
    periods,
    investmentByPeriod,
    returnByPeriod,
    net,
    cumulative,
    breakEven: findBreakEven(cumulative),
    firstInvestment: firstNonZero(investmentByPeriod, false),
    firstReturn: firstNonZero(returnByPeriod, true),
  };
  return { cadence, convention, x };
}

/**
 * The break-even and the payback in the headline convention alone, as measurePayback finds them:
 * for searches that rerun a case many times and need nothing else.
 */
export function headlinePayback(
  input: PaybackInput,
  options: PaybackOptions = {}
): { breakEven: BreakEven; paybackYears: Decimal | null } {
  const { cadence, convention, x } = flowsOf(input, options);
  const found = conventionPeriods(convention, x);
  const years =
    "periods" in found ? figureOf(found.periods, monthsPerPeriodOf(cadence)).years : null;
  return { breakEven: x.breakEven, paybackYears: years };
}

export function measurePayback(input: PaybackInput, options: PaybackOptions = {}): PaybackMeasure {
  const { cadence, convention, x } = flowsOf(input, options);
  const { investmentByPeriod, returnByPeriod, net, cumulative, breakEven } = x;
  const { firstInvestment, firstReturn } = x;
  const messages: string[] = [];
  if (firstInvestment === null)
    messages.push("No investment found in the grid: every investment line is blank or zero.");
  if (breakEven.status === "not-reached") {
    messages.push(
      `Not paid back within the horizon: the cumulative position ends ${breakEven.shortfall.toFixed(0)} short of break-even.`
    );
  }
  const { byConvention, notes } = paybackInEveryConvention(
    x,
    monthsPerPeriodOf(cadence),
    convention,
    messages
  );
  const headline = byConvention[convention];
  return {
    periodicity: periodicityOf(cadence),
    cadence,
    basis: basisFor(convention, options),
    convention,
    investmentByPeriod,
    returnByPeriod,
    net,
    cumulative,
    firstInvestment,
    firstReturn,
    crossover: findCrossover(net),
    breakEven,
    paybackMonths: headline === null ? null : headline.months,
    paybackYears: headline === null ? null : headline.years,
    paybackByConvention: byConvention,
    conventionNotes: notes,
    messages,
  };
}

/** What the discounted payback needs of a table: its flows by role and where each role starts. */
export interface DiscountedPaybackInput {
  investmentByPeriod: readonly Decimal[];
  returnByPeriod: readonly Decimal[];
  firstInvestment: number | null;
  firstReturn: number | null;
  /** The table's periods: a Year 0 among them is the undiscounted one. Omitted: no Year 0. */
  periods?: readonly Period[];
}

/** The net flows discounted, their running position and break-even, and the payback over them. */
export interface DiscountedPayback {
  net: Decimal[];
  cumulative: Decimal[];
  breakEven: BreakEven;
  payback: PeriodsOrReason;
}

/**
 * The discounted payback in periods: each flow discounted at the annual `rate` for its distance
 * from the first period (from Year 0 in a Year 0 table), then the payback counted in `convention`
 * over the discounted flows. The one definition the analysis and =ITOS.DPAYBACK share.
 */
export function discountedPaybackPeriods(
  input: DiscountedPaybackInput,
  convention: PaybackConvention,
  rate: Decimal.Value,
  periodsPerYear: number
): DiscountedPayback {
  const periods = input.periods ?? [];
  const { investmentByPeriod, returnByPeriod } = input;
  // Year n of a Year 0 table is discounted by (1+r)^n; otherwise the first period is undiscounted.
  const zero = timeZeroIndex(periods) ?? 0;
  const factors = discountFactors(investmentByPeriod.length, rate, periodsPerYear, -zero);
  const discount = (flows: readonly Decimal[]) => flows.map((flow, i) => flow.times(factors[i]));
  const net = discount(
    investmentByPeriod.map((investment, i) => investment.plus(returnByPeriod[i]))
  );
  const cumulative = runningTotal(net);
  const breakEven = findBreakEven(cumulative);
  const payback = conventionPeriods(convention, {
    periods,
    investmentByPeriod: discount(investmentByPeriod),
    returnByPeriod: discount(returnByPeriod),
    net,
    cumulative,
    breakEven,
    firstInvestment: input.firstInvestment,
    firstReturn: input.firstReturn,
  });
  return { net, cumulative, breakEven, payback };
}

export function analysePayback(input: PaybackInput, options: PaybackOptions = {}): PaybackResult {
  const measure = measurePayback(input, options);
  const { investmentByPeriod, returnByPeriod, cadence } = measure;
  const rate = new Money(options.discountRate ?? DEFAULT_DISCOUNT_RATE);
  const perPeriodMonths = monthsPerPeriodOf(cadence);
  // The discounted payback counts in the headline's convention.
  const discounted = discountedPaybackPeriods(
    { ...measure, periods: input.periods },
    measure.convention,
    rate,
    12 / perPeriodMonths
  );
  const discountedPeriods = "periods" in discounted.payback ? discounted.payback.periods : null;

  const totalInvestment = sum(investmentByPeriod);
  const totalReturn = sum(returnByPeriod);
  const totalNet = totalInvestment.plus(totalReturn);

  return {
    ...measure,
    periods: [...input.periods],
    totals: { investment: totalInvestment, return: totalReturn, net: totalNet },
    roi: totalInvestment.isZero() ? null : totalNet.dividedBy(totalInvestment.abs()),
    discountRate: rate,
    npv: sum(discounted.net),
    discountedBreakEven: discounted.breakEven,
    discountedPaybackMonths:
      discountedPeriods === null ? null : discountedPeriods.times(perPeriodMonths),
    years: yearSummaries(input.periods, investmentByPeriod, returnByPeriod),
  };
}
