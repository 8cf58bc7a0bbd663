/**
 * What if the savings slip? A council's payback limit gives a verdict; headroom is how far the
 * returns can fall, or slip, before the case stops paying back in time; a what-if reruns the
 * analysis with returns and investment scaled and returns delayed (design notes, "Limit,
 * headroom, what-if"). Returns delayed past the grid's last period are lost, and said to be.
 */
import Decimal from "decimal.js";
import { ItosError } from "./errors";
import { counted, ErrorMessage } from "./messages";
import { Money, ZERO, formatMoney } from "./money";
import { analysePayback, headlinePayback, measurePayback, type PaybackInput } from "./payback";
import type {
  BreakEven,
  FlowLine,
  PaybackByConvention,
  PaybackOptions,
  PaybackResult,
} from "./types";

export type LimitVerdict = "within" | "exceeds" | "never";

export interface LimitCheck {
  years: Decimal;
  verdict: LimitVerdict;
  /** Limit minus payback, in years: positive within the limit, negative beyond it; null for never. */
  marginYears: Decimal | null;
}

function limitOf(limitYears: Decimal.Value): Decimal {
  const limit = new Money(limitYears);
  if (!limit.isFinite() || limit.isNegative())
    throw new ItosError(
      "bad-argument",
      ErrorMessage.setting.paybackLimitUnusable(limit.toString())
    );
  return limit;
}

/** The verdict of a payback (in years; null when it never pays back) against a limit in years. */
export function limitVerdict(paybackYears: Decimal | null, limitYears: Decimal.Value): LimitCheck {
  const years = limitOf(limitYears);
  if (paybackYears === null) return { years, verdict: "never", marginYears: null };
  const marginYears = years.minus(paybackYears);
  return { years, verdict: marginYears.isNegative() ? "exceeds" : "within", marginYears };
}

export interface WhatIfInputs {
  /** a: every return line x (1 + a); -0.2 is a 20% cut. */
  returnsChange?: Decimal.Value;
  /** b: every investment line x (1 + b); 0.1 is a 10% overrun. */
  investmentChange?: Decimal.Value;
  /** Returns delayed by this many whole periods. */
  delayPeriods?: number;
}

/** Green Book optimism bias as the user sets it: investment uplifted by x, returns reduced by y (fractions). */
export function optimismBias(
  investmentUplift: Decimal.Value,
  returnsReduction: Decimal.Value
): WhatIfInputs {
  return {
    investmentChange: new Money(investmentUplift),
    returnsChange: new Money(returnsReduction).negated(),
  };
}

function factorOf(change: Decimal.Value | undefined, what: string): Decimal {
  const c = new Money(change ?? 0);
  if (!c.isFinite() || c.lessThan(-1))
    throw new ItosError(
      "bad-argument",
      ErrorMessage.setting.changeUnusable(what, c.times(100).toString())
    );
  return c.plus(1);
}

/**
 * The grid's lines after the changes: scaled, and returns moved `delayPeriods` later. What is
 * moved past the last period is summed in lostReturns (after scaling).
 */
export function applyWhatIf(
  input: PaybackInput,
  changes: WhatIfInputs
): { input: PaybackInput; lostReturns: Decimal; messages: string[] } {
  const returnsFactor = factorOf(changes.returnsChange, "returns");
  const investmentFactor = factorOf(changes.investmentChange, "investment");
  const delay = changes.delayPeriods ?? 0;
  if (!Number.isInteger(delay) || delay < 0)
    throw new ItosError("bad-argument", ErrorMessage.setting.delayUnusable(String(delay)));
  const n = input.periods.length;
  let lostReturns: Decimal = ZERO;
  const lines: FlowLine[] = input.lines.map((line) => {
    if (line.role === "investment")
      return { ...line, amounts: line.amounts.map((a) => a.times(investmentFactor)) };
    const amounts: Decimal[] = new Array(n).fill(ZERO);
    for (let i = 0; i < n; i++) {
      const a = (line.amounts[i] ?? ZERO).times(returnsFactor);
      if (i + delay < n) amounts[i + delay] = a;
      else lostReturns = lostReturns.plus(a);
    }
    return { ...line, amounts };
  });
  const messages: string[] = [];
  if (!lostReturns.isZero())
    messages.push(
      `Delaying the returns by ${counted(delay, "period")} moves ${formatMoney(lostReturns)} of returns past the grid's last period (${input.periods[n - 1].label}): they are lost to this analysis.`
    );
  return { input: { periods: input.periods, lines }, lostReturns, messages };
}

export interface WhatIfResult {
  inputs: WhatIfInputs;
  /** The full analysis of the changed case, its messages including any lost returns. */
  result: PaybackResult;
  breakEven: BreakEven;
  paybackMonths: Decimal | null;
  paybackYears: Decimal | null;
  paybackByConvention: PaybackByConvention;
  npv: Decimal;
  lostReturns: Decimal;
  /** Scenario minus base: payback (null where either has none), NPV and total net. */
  change: { paybackMonths: Decimal | null; npv: Decimal; net: Decimal };
}

/** Reruns the analysis with the changes and says how far it moved from the base case. */
export function whatIf(
  input: PaybackInput,
  changes: WhatIfInputs,
  options: PaybackOptions = {}
): WhatIfResult {
  const base = analysePayback(input, options);
  const changed = applyWhatIf(input, changes);
  // The headline convention stays the base case's, so the two paybacks compare like with like.
  const result = analysePayback(changed.input, { ...options, convention: base.convention });
  result.messages.push(...changed.messages);
  return {
    inputs: changes,
    result,
    breakEven: result.breakEven,
    paybackMonths: result.paybackMonths,
    paybackYears: result.paybackYears,
    paybackByConvention: result.paybackByConvention,
    npv: result.npv,
    lostReturns: changed.lostReturns,
    change: {
      paybackMonths:
        result.paybackMonths === null || base.paybackMonths === null
          ? null
          : result.paybackMonths.minus(base.paybackMonths),
      npv: result.npv.minus(base.npv),
      net: result.totals.net.minus(base.totals.net),
    },
  };
}

export interface Headroom {
  /** Largest uniform cut in all returns (a fraction, to 0.1%) that keeps the case passing. */
  returnsCut: Decimal | null;
  /** Largest delay of all returns, in whole periods, that keeps the case passing. */
  delayPeriods: number | null;
  /** Why headroom is null: the base case does not pass to begin with. */
  reason: string | null;
}

/** Significant digits an amount may have for its scaled sums to stay exact (Money keeps 40). */
const EXACT_DIGITS = 30;

/**
 * The case as one line per role, each the sum of that role's lines, when that gives the same
 * payback under any cut or delay: every amount and running sum short enough that scaling by a
 * cut (four digits at most) and adding stay exact in Money's 40 digits, so (a + b) x f equals
 * a x f + b x f to the last digit. The payback reads the lines only through these sums.
 * Otherwise the case as it is.
 */
function linesTotalled(input: PaybackInput): PaybackInput {
  const n = input.periods.length;
  const totals = new Map<FlowLine["role"], Decimal[]>();
  for (const line of input.lines) {
    let sums = totals.get(line.role);
    if (!sums) totals.set(line.role, (sums = new Array<Decimal>(n).fill(ZERO)));
    for (let i = 0; i < n; i++) {
      const a = line.amounts[i] ?? ZERO;
      sums[i] = sums[i].plus(a);
      // Every running sum, not just the last: the lines' own scaled sums pass through them all.
      if (a.sd() > EXACT_DIGITS || sums[i].sd() > EXACT_DIGITS) return input;
    }
  }
  return {
    periods: input.periods,
    lines: [...totals].map(([role, amounts]) => ({ label: `all ${role} lines`, role, amounts })),
  };
}

/** Cuts are found to 0.1%: a whole number of thousandths. */
const CUT_STEPS = 1000;

/**
 * Headroom: with a limit, how far returns can be cut or delayed with the payback still within
 * it; with none, with the case still breaking even within the grid. The delay is the largest
 * such that it and every shorter one pass (a scan). The cut is found by halving, which relies on
 * a deeper cut never helping: true when no period's returns are negative, as cutting them then
 * lowers the cumulative position everywhere.
 */
export function headroom(
  input: PaybackInput,
  options: PaybackOptions & { limitYears?: Decimal.Value | null } = {}
): Headroom {
  const { limitYears, ...paybackOptions } = options;
  const limit = limitYears === null || limitYears === undefined ? null : limitOf(limitYears);
  const convention = measurePayback(input, paybackOptions).convention;
  // The search runs the case twenty or more times: on the lines' totals it does the same sums
  // once per period rather than once per line.
  const searched = linesTotalled(input);
  const passes = (changes: WhatIfInputs): boolean => {
    const m = headlinePayback(applyWhatIf(searched, changes).input, {
      ...paybackOptions,
      convention,
    });
    if (limit === null) return m.breakEven.status !== "not-reached";
    return m.paybackYears !== null && m.paybackYears.lessThanOrEqualTo(limit);
  };
  if (!passes({}))
    return {
      returnsCut: null,
      delayPeriods: null,
      reason:
        limit === null
          ? "The case does not break even within the grid, so there is no headroom."
          : `The case does not pay back within the ${limit.toString()}-year limit, so there is no headroom.`,
    };
  const cutPasses = (k: number) => passes({ returnsChange: new Money(-k).dividedBy(CUT_STEPS) });
  let [low, high] = [0, CUT_STEPS]; // low passes; high, once tried, fails
  if (cutPasses(high)) low = high;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (cutPasses(mid)) low = mid;
    else high = mid;
  }
  const cut = new Money(low).dividedBy(CUT_STEPS);
  let delay = 0;
  while (delay < input.periods.length && passes({ delayPeriods: delay + 1 })) delay++;
  return { returnsCut: cut, delayPeriods: delay, reason: null };
}
