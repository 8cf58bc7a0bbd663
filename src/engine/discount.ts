/**
 * Discounting for appraisal readers: HM Treasury Green Book social discount rate, 3.5% a year by
 * default. A flow t periods after the first period is divided by (1 + r)^(t / periodsPerYear), so
 * monthly flows are discounted at (1 + r)^(t/12) and the first period is not discounted.
 */
import Decimal from "decimal.js";
import { ItosError } from "./errors";
import { Money, ZERO } from "./money";

export const DEFAULT_DISCOUNT_RATE = "0.035";

export function discountFactors(n: number, rate: Decimal.Value, periodsPerYear: number): Decimal[] {
  const r = new Money(rate);
  if (r.lessThanOrEqualTo(-1)) throw new ItosError("bad-argument", `The discount rate ${r.toString()} is not usable: it must be above -100%.`);
  const base = r.plus(1);
  const factors: Decimal[] = [];
  for (let t = 0; t < n; t++) factors.push(new Money(1).dividedBy(base.pow(new Money(t).dividedBy(periodsPerYear))));
  return factors;
}

/** Net present value of the flows, the first flow undiscounted. */
export function npv(flows: readonly Decimal[], rate: Decimal.Value, periodsPerYear = 12): Decimal {
  const factors = discountFactors(flows.length, rate, periodsPerYear);
  return flows.reduce((acc: Decimal, f, i) => acc.plus(f.times(factors[i])), ZERO);
}
