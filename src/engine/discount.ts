/**
 * Discounting for appraisal readers: HM Treasury Green Book social discount rate, 3.5% a year by
 * default. A flow t periods after the first period is divided by (1 + r)^(t / periodsPerYear), so
 * monthly flows are discounted at (1 + r)^(t/12), quarterly at (1 + r)^(t/4), and the first
 * period is not discounted. A Year 0 table counts t from Year 0 (Year n by (1 + r)^n).
 */
import Decimal from "decimal.js";
import { ItosError } from "./errors";
import { ErrorMessage } from "./messages";
import { Money, ZERO } from "./money";

export const DEFAULT_DISCOUNT_RATE = "0.035";

/** Discount factors for n periods; the first is for t = firstExponent (0: undiscounted). */
export function discountFactors(
  n: number,
  rate: Decimal.Value,
  periodsPerYear: number,
  firstExponent = 0
): Decimal[] {
  const r = new Money(rate);
  if (r.lessThanOrEqualTo(-1))
    throw new ItosError("bad-argument", ErrorMessage.setting.discountRateUnusable(r.toString()));
  // One fractional power, then repeated multiplication: v^t = 1 / (1+r)^(t/periodsPerYear).
  const perPeriod = new Money(1).dividedBy(r.plus(1).pow(new Money(1).dividedBy(periodsPerYear)));
  const factors: Decimal[] = [];
  let factor = firstExponent === 0 ? new Money(1) : perPeriod.pow(firstExponent);
  for (let t = 0; t < n; t++) {
    factors.push(factor);
    factor = factor.times(perPeriod);
  }
  return factors;
}

/** Net present value of the flows, the first flow undiscounted. */
export function npv(flows: readonly Decimal[], rate: Decimal.Value, periodsPerYear = 12): Decimal {
  const factors = discountFactors(flows.length, rate, periodsPerYear);
  return flows.reduce((acc: Decimal, f, i) => acc.plus(f.times(factors[i])), ZERO);
}
