/**
 * The view model of a payback result: money in the pane's words, the KPIs in the order a finance
 * reader asks for them, the payback in each convention, the sheet's stated paybacks checked, and
 * one line per scheme where a sheet holds several.
 */
import type Decimal from "decimal.js";
import {
  formatMoney,
  PAYBACK_CONVENTIONS,
  type BreakEven,
  type PaybackConvention,
  type PaybackResult,
} from "../engine";
import type { GridModel, SheetAnalysis, StatedPaybackCheck, Unit } from "../grid";

/** Money as the pane shows it: "£455,013", "(£35,000)" for negative, with the grid's unit. */
export function moneyText(d: Decimal, unit: Unit): string {
  const body = formatMoney(d.abs(), 0);
  const suffix = unit === "£" ? "" : "k";
  const text = `£${body}${suffix}`;
  return d.isNegative() && !d.isZero() ? `(${text})` : text;
}

function oneDecimal(d: Decimal | null): string {
  return d === null ? "" : d.toDecimalPlaces(1).toFixed(1);
}

export interface Kpi {
  id: string;
  label: string;
  value: string;
  /** A short second line ("sustained from Feb-24"). */
  detail?: string;
  /** The headline figure, shown large. */
  primary?: boolean;
}

function breakEvenText(
  be: BreakEven,
  result: PaybackResult,
  unit: Unit
): { value: string; detail?: string } {
  if (be.status === "immediate")
    return { value: "Immediately", detail: "The cumulative position is never negative." };
  if (be.status === "not-reached")
    return {
      value: "Not within the horizon",
      detail: `Still short by ${moneyText(be.shortfall, unit)} at the end.`,
    };
  const label = result.periods[be.index].label;
  if (be.sustainedIndex !== null && be.sustainedIndex !== be.index) {
    return {
      value: label,
      detail: `Dips below zero again; sustained from ${result.periods[be.sustainedIndex].label}.`,
    };
  }
  return { value: label, detail: "First period with cumulative position at or above zero." };
}

/** Where each convention counts from, as the pane says it. */
const CONVENTION_FROM: Record<PaybackConvention, string> = {
  "first-investment": "from first investment",
  "first-return": "from first return",
  simple: "simple, from first return",
  "time-zero": "from the end of Year 0",
};

function startPeriod(result: PaybackResult): number | null {
  if (result.convention === "first-investment") return result.firstInvestment;
  if (result.convention === "time-zero") return null;
  return result.firstReturn;
}
/** The KPIs in reading order: break-even first, then payback, crossover, totals, NPV. */
export function kpiView(result: PaybackResult, unit: Unit): Kpi[] {
  const from = startPeriod(result);
  const fromText = ` ${CONVENTION_FROM[result.convention]}${from !== null ? ` (${result.periods[from].label})` : ""}`;
  const be = breakEvenText(result.breakEven, result, unit);
  const months = result.paybackMonths;
  const kpis: Kpi[] = [
    { id: "break-even", label: "Break-even", value: be.value, detail: be.detail, primary: true },
    {
      id: "payback",
      label: "Payback",
      value: months === null ? "Not reached" : `${oneDecimal(months)} months`,
      detail:
        months === null
          ? undefined
          : `${result.paybackYears!.toDecimalPlaces(2).toFixed(2)} years${fromText}`,
    },
    {
      id: "crossover",
      label: "Crossover",
      value: result.crossover === null ? "None" : result.periods[result.crossover].label,
      detail: "First month returns exceed investment",
    },
    {
      id: "investment",
      label: "Total investment",
      value: moneyText(result.totals.investment, unit),
    },
    { id: "return", label: "Total return", value: moneyText(result.totals.return, unit) },
    { id: "net", label: "Net position", value: moneyText(result.totals.net, unit) },
    {
      id: "npv",
      label: `NPV at ${result.discountRate.times(100).toDecimalPlaces(2).toString()}%`,
      value: moneyText(result.npv, unit),
      detail:
        result.discountedPaybackMonths === null
          ? "Discounted payback not reached"
          : `Discounted payback ${oneDecimal(result.discountedPaybackMonths)} months`,
    },
  ];
  if (result.periodicity === "annual") kpis[2].detail = "First year returns exceed investment";
  return kpis;
}

export interface ConventionItem {
  convention: PaybackConvention;
  label: string;
  /** "2.04 years", or why there is none. */
  value: string;
  headline: boolean;
}

const CONVENTION_LABEL: Record<PaybackConvention, string> = {
  "first-investment": "First investment",
  "first-return": "First return",
  simple: "Simple",
  "time-zero": "Time zero",
};

/** The payback in each of the four conventions, the headline's marked. */
export function conventionsView(result: PaybackResult): ConventionItem[] {
  return PAYBACK_CONVENTIONS.map((c) => {
    const figure = result.paybackByConvention[c];
    return {
      convention: c,
      label: CONVENTION_LABEL[c],
      value:
        figure === null
          ? c === "time-zero" && result.conventionNotes[c]?.includes("no Year 0")
            ? "n/a (no Year 0)"
            : "Not reached"
          : `${figure.years.toDecimalPlaces(2).toFixed(2)} years`,
      headline: c === result.convention,
    };
  });
}

export interface StatedPaybackItem {
  cell: string;
  title: string;
  detail: string;
  matches: boolean;
}

/** Each payback the sheet states, with the convention that gives it or the mismatch. */
export function statedPaybacksView(checks: readonly StatedPaybackCheck[]): StatedPaybackItem[] {
  return checks.map((s) => {
    const stated = `${s.stated.years.toDecimalPlaces(2).toString()} years`;
    const computed = s.computedYears === null ? null : `${s.computedYears.toFixed(2)} years`;
    const detail = s.matches
      ? `Matches the ${CONVENTION_LABEL[s.convention as PaybackConvention].toLowerCase()} payback (${computed}).`
      : computed === null
        ? "Not checked: no convention gives a payback on this grid."
        : `Mismatch: no convention gives ${stated}; nearest ${CONVENTION_LABEL[s.convention as PaybackConvention].toLowerCase()}, ${computed}.`;
    return { cell: s.cell, title: `${s.cell}: '${s.stated.text}'`, detail, matches: s.matches };
  });
}

export interface SchemeItem {
  scheme: string;
  breakEven: string;
  payback: string;
  net: string;
}

/** One scheme of a sheet that holds several. */
interface SchemeShape {
  scheme: string;
  model: GridModel;
  result: PaybackResult;
}

/** One line per scheme where the sheet holds several; empty for a single-scheme sheet. */
export function schemesView(analysis: SheetAnalysis): SchemeItem[] {
  const schemes = (analysis as SheetAnalysis & { schemes?: SchemeShape[] }).schemes ?? [];
  return schemes.map((s) => {
    const kpis = kpiView(s.result, s.model.unit);
    const payback = kpis.find((k) => k.id === "payback") as Kpi;
    return {
      scheme: s.scheme,
      breakEven: kpis[0].value,
      payback: payback.detail ?? payback.value,
      net: moneyText(s.result.totals.net, s.model.unit),
    };
  });
}

/**
 * What Analyse says of earlier ITOS sections the user had edited (ApplyResult.leftAlone): each
 * range left as the user made it, and where the new analysis went instead. Plain text.
 */
export function leftAloneText(
  leftAlone: readonly string[],
  outputRef: string | null
): string | null {
  if (leftAlone.length === 0) return null;
  const ranges =
    leftAlone.length === 1
      ? leftAlone[0]
      : `${leftAlone.slice(0, -1).join(", ")} and ${leftAlone[leftAlone.length - 1]}`;
  const where = outputRef ? ` and wrote its new analysis at ${outputRef.replace(/\$/g, "")}` : "";
  const them = leftAlone.length === 1 ? "it" : "them";
  return `ITOS left ${ranges} as you edited ${them}${where}; ITOS will not write over ${them} again.`;
}
