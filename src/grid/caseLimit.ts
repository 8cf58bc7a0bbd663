/**
 * A council's payback limit ("schemes must pay back within 3 years") applied to one case: the
 * engine's verdict (within, exceeds or never) on its exact headline payback, not on the rounded
 * figure the report prints, so a case a hair over the limit is never shown as within it; the
 * margin in years is rounded to the cautious side for the report.
 */
import Decimal from "decimal.js";
import { limitVerdict, money, type BreakEven, type LimitVerdict } from "../engine";

export interface LimitJson {
  years: number;
  verdict: LimitVerdict | null;
  /** Limit minus payback, in years: positive is time to spare, negative is time over; null for never. */
  marginYears: number | null;
}

export function caseLimit(
  payback: { breakEven: BreakEven; paybackYears: Decimal | null },
  limitYears: Decimal.Value
): LimitJson {
  const years = money(limitYears).toNumber();
  // "Immediately" is a payback of zero; a break-even with no measurable payback has no verdict.
  const status = payback.breakEven.status;
  const paid =
    status === "not-reached" ? null : status === "immediate" ? money(0) : payback.paybackYears;
  if (paid === null && status !== "not-reached") return { years, verdict: null, marginYears: null };
  const check = limitVerdict(paid, limitYears);
  if (check.marginYears === null) return { years, verdict: check.verdict, marginYears: null };
  // Rounded towards the cautious side: time to spare down, time over up (never shown as 0).
  const exceeds = check.verdict === "exceeds";
  const shown = check.marginYears.toDecimalPlaces(
    4,
    exceeds ? Decimal.ROUND_UP : Decimal.ROUND_DOWN
  );
  return { years, verdict: check.verdict, marginYears: shown.toNumber() };
}

/** The margin in years to two places for a sentence, still to the cautious side ("0.95", never "0.96"). */
export function marginText(limit: LimitJson): string {
  const margin = money(limit.marginYears ?? 0).abs();
  const exceeds = limit.verdict === "exceeds";
  return margin.toDecimalPlaces(2, exceeds ? Decimal.ROUND_UP : Decimal.ROUND_DOWN).toFixed(2);
}
