/**
 * A council's payback limit ("schemes must pay back within 3 years") applied to one case: within,
 * exceeds or never, with the margin in years. Decided on the engine's exact payback, not on the
 * rounded figure the report prints, so a case a hair over the limit is never shown as within it.
 */
import Decimal from "decimal.js";
import { money, type BreakEven } from "../../engine";

export type LimitVerdict = "within" | "exceeds" | "never";

export interface LimitJson {
  years: number;
  verdict: LimitVerdict | null;
  /** Limit minus payback, in years: positive is time to spare, negative is time over; null for never. */
  marginYears: number | null;
}

export function limitVerdict(
  payback: { breakEven: BreakEven; paybackYears: Decimal | null },
  limitYears: Decimal.Value
): LimitJson {
  const limit = money(limitYears);
  const years = limit.toNumber();
  if (payback.breakEven.status === "not-reached")
    return { years, verdict: "never", marginYears: null };
  // "Immediately" is a payback of zero whatever the engine left in paybackYears.
  const paid = payback.breakEven.status === "immediate" ? money(0) : payback.paybackYears;
  if (paid === null) return { years, verdict: null, marginYears: null };
  const margin = limit.minus(paid);
  const exceeds = margin.isNegative() && !margin.isZero();
  // Rounded towards the cautious side: time to spare down, time over up (never shown as 0).
  const shown = margin.toDecimalPlaces(4, exceeds ? Decimal.ROUND_UP : Decimal.ROUND_DOWN);
  return { years, verdict: exceeds ? "exceeds" : "within", marginYears: shown.toNumber() };
}
