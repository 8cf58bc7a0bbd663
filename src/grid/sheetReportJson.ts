/**
 * The per-sheet JSON document of the command's contract: the payback, the year table, the lines,
 * the reconciliation and the messages of each sheet (and of each of its schemes).
 */
import { type Cadence, type PaybackConvention } from "../engine";
import { hasCountedLines, type LineRole } from "./read";
import type { SheetAnalysis } from "./pipeline";
import { scenarioJson, type ScenarioJson, type ScenarioRequest } from "./scenarioReport";
import { trackingJson, type TrackingJson } from "./trackingReport";
import { budgetTableJson } from "./budgetTableReport";
import { reconciliationJson, type ReconciliationJson } from "./reconciliationReport";
import { amount, at, byConventionJson, linesJson } from "./reportFields";
import {
  schemeStatedPaybacks,
  statedPaybackJson,
  type StatedPaybackJson,
} from "./statedPaybackReport";

export interface YearJson {
  fy: string;
  investment: number;
  return: number;
  net: number;
  cumulative: number;
}

export interface SheetReportJson {
  sheet: string;
  unit: string;
  /** How often the periods come: quarters are "quarterly" here (the engine's cadence). */
  periodicity: Cadence;
  firstPeriod: string | null;
  lastPeriod: string | null;
  firstInvestment: string | null;
  crossover: string | null;
  breakEven: string | null;
  sustainedBreakEven: string | null;
  paybackMonths: number | null;
  paybackYears: number | null;
  basis: string;
  /** The convention of the headline payback (paybackMonths, paybackYears). */
  convention: PaybackConvention;
  /** The payback in years in each convention; null where it does not apply or is not reached. */
  paybackByConvention: Record<PaybackConvention, number | null>;
  /** Why a convention's payback is null, for each that is. */
  conventionNotes: Partial<Record<PaybackConvention, string>>;
  /** Every payback the sheet states, and the convention that reproduces it (or the nearest). */
  statedPaybacks: StatedPaybackJson[];
  totals: { investment: number; return: number; net: number };
  npv: number;
  discountRate: number;
  years: YearJson[];
  lines: { row: number; label: string; role: LineRole }[];
  /** Amount lines left out of the payback, with the reason; holdsMoney: leaving it out changes the answer. */
  excluded: { cell: string; label: string; reason: string; holdsMoney: boolean }[];
  reconciliation: ReconciliationJson;
  messages: string[];
  /** Where the sheet holds several schemes: one entry per scheme, like a sheet's, with its name. */
  schemes?: SchemeReportJson[];
  /** Plan versus actual as of the last actual period; null when the sheet has no actuals. */
  tracking?: TrackingJson | null;
  /** Limit, headroom and what-if, where the report was asked for them (analyse, apply). */
  limit?: ScenarioJson["limit"];
  headroom?: ScenarioJson["headroom"];
  whatIf?: ScenarioJson["whatIf"];
}

export interface SchemeReportJson extends Omit<SheetReportJson, "schemes"> {
  scheme: string;
}

export function sheetReportJson(
  analysis: SheetAnalysis,
  scenario?: ScenarioRequest
): SheetReportJson {
  const withScenario = (a: Omit<SheetAnalysis, "schemes">): SheetReportJson => ({
    ...singleReportJson(a),
    ...(scenario ? scenarioJson(a, scenario) : {}),
  });
  const json = withScenario(analysis);
  if (!analysis.schemes || analysis.schemes.length === 0) return json;
  return {
    ...json,
    statedPaybacks: schemeStatedPaybacks(analysis.schemes),
    schemes: analysis.schemes.map((s) => ({ scheme: s.scheme, ...withScenario(s) })),
  };
}

/** The JSON report of one sheet or scheme, without its schemes. */
export function singleReportJson(analysis: Omit<SheetAnalysis, "schemes">): SheetReportJson {
  if (!hasCountedLines(analysis.model)) return budgetTableJson(analysis);
  const { model, result } = analysis;
  const unit = model.unit;
  const messages = [...result.messages];
  const be = result.breakEven;
  let breakEven: string | null = null;
  let sustained: string | null = null;
  if (be.status === "reached") {
    breakEven = at(result, be.index);
    sustained = at(result, be.sustainedIndex);
    if (be.sustainedIndex === null)
      messages.push(
        "The cumulative position dips below zero again after break-even and ends negative: no sustained break-even."
      );
  } else if (be.status === "immediate") {
    breakEven = at(result, 0);
    sustained = at(result, 0);
    messages.push("The cumulative position is never negative: paid back immediately.");
  }
  if (result.firstInvestment !== null && result.crossover === null)
    messages.push("Returns never exceed investment in any single period: no crossover.");
  return {
    sheet: model.sheetName,
    unit,
    periodicity: result.cadence,
    firstPeriod: at(result, result.periods.length ? 0 : null),
    lastPeriod: at(result, result.periods.length ? result.periods.length - 1 : null),
    firstInvestment: at(result, result.firstInvestment),
    crossover: at(result, result.crossover),
    breakEven,
    sustainedBreakEven: sustained,
    paybackMonths:
      result.paybackMonths === null ? null : result.paybackMonths.toDecimalPlaces(4).toNumber(),
    paybackYears:
      result.paybackYears === null ? null : result.paybackYears.toDecimalPlaces(4).toNumber(),
    basis: result.basis,
    convention: result.convention,
    paybackByConvention: byConventionJson(result),
    conventionNotes: { ...result.conventionNotes },
    statedPaybacks: analysis.statedPaybacks.map(statedPaybackJson),
    totals: {
      investment: amount(result.totals.investment, unit),
      return: amount(result.totals.return, unit),
      net: amount(result.totals.net, unit),
    },
    npv: amount(result.npv, unit),
    discountRate: result.discountRate.toNumber(),
    years: result.years.map((y) => ({
      fy: y.fy,
      investment: amount(y.investment, unit),
      return: amount(y.return, unit),
      net: amount(y.net, unit),
      cumulative: amount(y.cumulative, unit),
    })),
    lines: linesJson(model),
    excluded: model.excluded.map((e) => ({ ...e })),
    reconciliation: reconciliationJson(analysis.reconciliation),
    messages: [...messages, ...model.warnings],
    tracking: trackingJson(analysis.tracking, unit),
  };
}
