/**
 * What if the savings slip, as the command reports it for a sheet or a scheme: the verdict against
 * a payback limit, the headroom (how far returns can fall or slip and still pass), and a what-if
 * of the changes asked for. The engine's scenario.ts does the work; this shapes it into JSON and
 * text in the grid's own unit and periods.
 */
import type Decimal from "decimal.js";
import {
  formatMoney,
  headroom,
  money,
  type PaybackResult,
  whatIf,
  type WhatIfInputs,
  type WhatIfResult,
} from "../engine";
import { caseLimit, marginText, type LimitJson } from "./caseLimit";
import type { SheetAnalysis } from "./pipeline";
import { hasCountedLines } from "./read";

/** What the user asked for: a limit in years and the changes of a what-if, either or neither. */
export interface ScenarioRequest {
  limitYears?: Decimal.Value | null;
  whatIf?: WhatIfInputs | null;
}

export interface HeadroomJson {
  /** Largest uniform cut in all returns that still passes, a fraction to 0.1% (0.25 is 25%). */
  returnsCut: number;
  /** Largest delay of all returns, in whole periods, that still passes. */
  delayPeriods: number;
}

export interface WhatIfJson {
  inputs: { returnsChange: number; investmentChange: number; delayPeriods: number };
  breakEven: string | null;
  paybackMonths: number | null;
  paybackYears: number | null;
  npv: number;
  /** Returns moved past the grid's last period by the delay, after scaling. */
  lostReturns: number;
  /** Scenario minus base: payback in months (null where either has none) and NPV. */
  change: { paybackMonths: number | null; npv: number };
  /** The verdict of the changed case against the limit, when one is given. */
  limit: LimitJson | null;
  messages: string[];
}

export interface ScenarioJson {
  limit: LimitJson | null;
  /** null where the case does not pass to begin with (never pays back, or not within the limit). */
  headroom: HeadroomJson | null;
  whatIf: WhatIfJson | null;
}

type Analysed = Pick<SheetAnalysis, "model" | "flows" | "result">;

const places = (d: Decimal | null, n: number): number | null =>
  d === null ? null : d.toDecimalPlaces(n).toNumber();

/** Amounts in the grid's own unit: pence for £, more places for £k and £000s (as report.ts). */
const amount = (d: Decimal, unit: string): number =>
  d.toDecimalPlaces(unit === "£" ? 2 : 5).toNumber();

/** The options the base case was analysed with, so the scenario compares like with like. */
function baseOptions(result: PaybackResult) {
  return { convention: result.convention, discountRate: result.discountRate };
}

function breakEvenKey(result: PaybackResult): string | null {
  const be = result.breakEven;
  const period =
    be.status === "reached"
      ? result.periods[be.index]
      : be.status === "immediate"
        ? result.periods[0]
        : null;
  if (!period) return null;
  return period.kind === "year" ? (period.fy ?? period.label) : period.key;
}

function whatIfJson(w: WhatIfResult, unit: string, limitYears: Decimal.Value | null): WhatIfJson {
  const num = (v: Decimal.Value | undefined) =>
    money(v ?? 0)
      .toDecimalPlaces(6)
      .toNumber();
  return {
    inputs: {
      returnsChange: num(w.inputs.returnsChange),
      investmentChange: num(w.inputs.investmentChange),
      delayPeriods: w.inputs.delayPeriods ?? 0,
    },
    breakEven: breakEvenKey(w.result),
    paybackMonths: places(w.paybackMonths, 4),
    paybackYears: places(w.paybackYears, 4),
    npv: amount(w.npv, unit),
    lostReturns: amount(w.lostReturns, unit),
    change: { paybackMonths: places(w.change.paybackMonths, 4), npv: amount(w.change.npv, unit) },
    limit: limitYears === null ? null : caseLimit(w.result, limitYears),
    messages: [...w.result.messages],
  };
}

/** The limit, headroom and what-if of one sheet or scheme; all null for a table with no payback. */
export function scenarioJson(analysis: Analysed, request: ScenarioRequest): ScenarioJson {
  if (!hasCountedLines(analysis.model)) return { limit: null, headroom: null, whatIf: null };
  const { flows, result, model } = analysis;
  const limitYears = request.limitYears ?? null;
  const room = headroom(flows, { ...baseOptions(result), limitYears });
  return {
    limit: limitYears === null ? null : caseLimit(result, limitYears),
    headroom:
      room.returnsCut === null || room.delayPeriods === null
        ? null
        : { returnsCut: room.returnsCut.toNumber(), delayPeriods: room.delayPeriods },
    whatIf: request.whatIf
      ? whatIfJson(whatIf(flows, request.whatIf, baseOptions(result)), model.unit, limitYears)
      : null,
  };
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))}%`;
}

function signedPct(fraction: number): string {
  return `${fraction > 0 ? "+" : ""}${pct(fraction)}`;
}

function verdictText(limit: LimitJson): string {
  if (limit.verdict === "never") return `never pays back, against a ${limit.years}-year limit`;
  if (limit.verdict === null)
    return `no measurable payback to set against the ${limit.years}-year limit`;
  return limit.verdict === "within"
    ? `within the ${limit.years}-year limit, ${marginText(limit)} years to spare`
    : `exceeds the ${limit.years}-year limit by ${marginText(limit)} years`;
}

/** The report's lines for the limit, headroom and what-if ("" parts left out). */
export function scenarioText(analysis: Analysed, request: ScenarioRequest): string[] {
  const json = scenarioJson(analysis, request);
  const out: string[] = [];
  const noun =
    analysis.result.cadence === "annual"
      ? "years"
      : analysis.result.cadence === "quarterly"
        ? "quarters"
        : "months";
  if (json.limit) out.push(`  Payback limit: ${verdictText(json.limit)}.`);
  const test = json.limit
    ? `within the ${json.limit.years}-year limit`
    : "breaking even within the grid";
  out.push(
    json.headroom
      ? `  Headroom: returns can fall by up to ${pct(json.headroom.returnsCut)}, or all slip by up to ${json.headroom.delayPeriods} ${noun}, still ${test}.`
      : `  Headroom: none; the case is not ${test} as it stands.`
  );
  const w = json.whatIf;
  if (w) {
    const asked = `returns ${signedPct(w.inputs.returnsChange)}, investment ${signedPct(w.inputs.investmentChange)}, returns delayed ${w.inputs.delayPeriods} ${noun}`;
    const payback =
      w.paybackYears === null
        ? "never pays back within the grid"
        : `payback ${w.paybackMonths?.toFixed(2)} months (${w.paybackYears.toFixed(2)} years)${w.change.paybackMonths === null ? "" : `, ${w.change.paybackMonths >= 0 ? "+" : ""}${w.change.paybackMonths.toFixed(2)} months on the base case`}`;
    const lost =
      w.lostReturns === 0
        ? ""
        : `; ${formatMoneyNumber(w.lostReturns)} of returns lost past the grid's end`;
    const verdict = w.limit ? `; ${verdictText(w.limit)}` : "";
    out.push(
      `  What if (${asked}): ${payback}; NPV ${formatMoneyNumber(w.npv)}, change on the base case ${formatMoneyNumber(w.change.npv)}${lost}${verdict}.`
    );
  }
  return out;
}

function formatMoneyNumber(n: number): string {
  return formatMoney(money(n));
}
