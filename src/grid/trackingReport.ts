/** Plan versus actual as the `itos` command reports it: the `tracking` JSON and its text line. */
import type Decimal from "decimal.js";
import { formatMoney, type Period, type ToDate, type TrackingResult } from "../engine";
import type { SheetTracking } from "./tracking";

export interface ToDateJson {
  investment: number;
  return: number;
  net: number;
}

export interface TrackingJson {
  /** The last period with actual figures ("2024-07"). */
  asOf: string;
  /** How the sheet shows its actuals, and why that period. */
  layout: SheetTracking["layout"];
  asOfFrom: string;
  planToDate: ToDateJson;
  actualToDate: ToDateJson;
  /** Actual net to date minus plan net to date: positive is ahead of the plan. */
  variance: number;
  /** The variance as a percentage of the plan's net to date (its size); null when that is zero. */
  variancePct: number | null;
  reforecast: {
    breakEven: string | null;
    paybackMonths: number | null;
    paybackYears: number | null;
  };
  notes: string[];
}

/** The period's key as the rest of the report gives it. */
function key(period: Period): string {
  return period.kind === "year" ? (period.fy ?? period.label) : period.key;
}

function amount(d: Decimal, unit: string): number {
  return d.toDecimalPlaces(unit === "£" ? 2 : 5).toNumber();
}

function toDateJson(t: ToDate, unit: string): ToDateJson {
  return {
    investment: amount(t.investment, unit),
    return: amount(t.return, unit),
    net: amount(t.net, unit),
  };
}

/** Where the re-forecast breaks even: its period, the first for never negative, null for never. */
function breakEvenPeriod(r: TrackingResult["reforecast"]): Period | null {
  const be = r.breakEven;
  if (be.status === "reached") return r.periods[be.index];
  return be.status === "immediate" ? r.periods[0] : null;
}

export function trackingJson(
  tracking: SheetTracking | null | undefined,
  unit: string
): TrackingJson | null {
  if (!tracking) return null;
  const t = tracking.result;
  const be = breakEvenPeriod(t.reforecast);
  const dp4 = (d: Decimal | null) => (d === null ? null : d.toDecimalPlaces(4).toNumber());
  return {
    asOf: key(t.asOfPeriod),
    layout: tracking.layout,
    asOfFrom: tracking.asOfFrom,
    planToDate: toDateJson(t.planToDate, unit),
    actualToDate: toDateJson(t.actualToDate, unit),
    variance: amount(t.variance, unit),
    variancePct:
      t.variancePct === null ? null : t.variancePct.times(100).toDecimalPlaces(2).toNumber(),
    reforecast: {
      breakEven: be === null ? null : key(be),
      paybackMonths: dp4(t.reforecast.paybackMonths),
      paybackYears: dp4(t.reforecast.paybackYears),
    },
    notes: [...tracking.notes],
  };
}

/** "  Plan versus actual to Jul-24 (...): ..." and the re-forecast; null with no actuals. */
export function trackingText(tracking: SheetTracking | null | undefined): string | null {
  if (!tracking) return null;
  const t = tracking.result;
  const pct = t.variancePct === null ? "" : ` (${t.variancePct.times(100).toFixed(1)}%)`;
  const be = breakEvenPeriod(t.reforecast);
  const r = t.reforecast;
  const payback =
    r.paybackMonths === null
      ? ""
      : `, payback ${r.paybackMonths.toFixed(2)} months (${r.convention} convention)`;
  const reforecast =
    be === null && r.breakEven.status === "not-reached"
      ? `not paid back within the horizon (${formatMoney(r.breakEven.shortfall)} short)`
      : `break-even ${be?.label ?? "none"}${payback}`;
  const lines = [
    `  Plan versus actual to ${t.asOfPeriod.label} (${tracking.layout}; ${tracking.asOfFrom}): actual net ${formatMoney(t.actualToDate.net)} against plan ${formatMoney(t.planToDate.net)}, variance ${formatMoney(t.variance)}${pct}; return ${formatMoney(t.actualToDate.return)} against ${formatMoney(t.planToDate.return)}, investment ${formatMoney(t.actualToDate.investment)} against ${formatMoney(t.planToDate.investment)}.`,
    `  Re-forecast (actuals to ${t.asOfPeriod.label}, plan after): ${reforecast}.`,
    ...tracking.notes.map((n) => `  Note: ${n}`),
  ];
  return lines.join("\n");
}
