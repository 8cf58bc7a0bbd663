/**
 * The pane's "What if" section without a DOM: the user's cut, delay, uplift and payback limit as
 * typed, and the case rerun from the last read (the engine's whatIf, no Excel sync), in words.
 */
import Decimal from "decimal.js";
import { formatMoney, money, whatIf } from "../engine";
import { caseLimit, marginText, type HeadroomJson, type LimitJson, type Unit } from "../grid";
import { comparisonChartGeometry, type ComparisonChartGeometry } from "./chartGeometry";
import { headroomFigures, headroomText, type WhatIfBase } from "./whatIfHeadroom";

export type { WhatIfBase } from "./whatIfHeadroom";

export interface WhatIfTexts {
  /** Cut in every return, in percent ("20" is 20% less). */
  cutPercent: string;
  /** Whole periods by which every return slips. */
  delayPeriods: string;
  /** Uplift of every investment, in percent ("10" is 10% more). */
  upliftPercent: string;
  /** The council's payback limit in years; blank for none. */
  limitYears: string;
}

export function defaultWhatIfTexts(): WhatIfTexts {
  return { cutPercent: "0", delayPeriods: "0", upliftPercent: "0", limitYears: "" };
}

/** The Green Book optimism-bias preset: investment up and returns down by the user's percentages. */
export function withOptimismBias(
  texts: WhatIfTexts,
  upliftPercent: string,
  reductionPercent: string
): WhatIfTexts {
  return { ...texts, upliftPercent: upliftPercent.trim(), cutPercent: reductionPercent.trim() };
}

export interface WhatIfView {
  /** "Within the 3-year limit (0.96 years to spare)", or "" with no limit. */
  verdict: string;
  verdictKind: LimitJson["verdict"] | "none";
  payback: string;
  /** Change of the payback from the base case, "+12.6 months". */
  paybackChange: string;
  npv: string;
  npvChange: string;
  /** Returns delayed past the grid's end, or null when none are. */
  lost: string | null;
  /** The base case's headroom against the limit typed, and where the cut and delay typed stand. */
  headroom: string;
  /** Base and scenario cumulative positions on one scale; null while what was typed has a problem. */
  chart: ComparisonChartGeometry | null;
  /** What is wrong with what was typed, naming the box; null when it all reads. */
  problem: string | null;
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

function percentOf(text: string, box: string, sign: 1 | -1): string {
  const t = text.trim().replace(/%$/, "").trim() || "0";
  if (!NUMBER.test(t))
    throw new Error(`${box} '${text}' is not a percentage: type a number such as 20.`);
  const fraction = money(t).dividedBy(100).times(sign);
  if (fraction.lessThan(-1))
    throw new Error(`${box} cannot take away more than all of it (${text}%).`);
  return fraction.toString();
}

function shownMoney(n: number, unit: Unit): string {
  const body = `£${formatMoney(money(Math.abs(n)))}${unit === "£" ? "" : "k"}`;
  return n < 0 ? `(${body})` : body;
}

function signed(n: number, text: string): string {
  return n > 0 ? `+${text}` : n < 0 ? `-${text}` : text;
}

/**
 * The section's view of the case rerun with what was typed. `roomFor` gives the base case's
 * headroom for a limit; the section passes one that remembers it, since only the limit moves it.
 */
export function whatIfView(
  base: WhatIfBase,
  texts: WhatIfTexts,
  roomFor: (limitYears: string | null) => HeadroomJson | null = (limit) =>
    headroomFigures(base, limit)
): WhatIfView {
  const empty: WhatIfView = {
    verdict: "",
    verdictKind: "none",
    payback: "",
    paybackChange: "",
    npv: "",
    npvChange: "",
    lost: null,
    headroom: "",
    chart: null,
    problem: null,
  };
  let changes;
  let limit: string | null;
  try {
    const delay = texts.delayPeriods.trim() || "0";
    if (!/^\d+$/.test(delay))
      throw new Error(`Delay '${texts.delayPeriods}' is not a whole number of periods.`);
    const limitText = texts.limitYears.trim();
    if (limitText !== "" && !/^\d+(\.\d+)?$/.test(limitText))
      throw new Error(`Payback limit '${texts.limitYears}' is not a number of years.`);
    limit = limitText === "" ? null : limitText;
    changes = {
      returnsChange: percentOf(texts.cutPercent, "Returns cut", -1),
      investmentChange: percentOf(texts.upliftPercent, "Investment uplift", 1),
      delayPeriods: Number(delay),
    };
  } catch (e) {
    return { ...empty, problem: e instanceof Error ? e.message : String(e) };
  }
  const { result } = base;
  const unit = base.model.unit;
  const w = whatIf(base.flows, changes, {
    convention: result.convention,
    discountRate: result.discountRate,
  });
  const check = limit === null ? null : caseLimit(w.result, limit);
  const months = w.paybackMonths;
  const change = w.change.paybackMonths;
  const npvChange = w.change.npv.toDecimalPlaces(0).toNumber();
  return {
    verdict: check === null ? "" : verdictText(check),
    verdictKind: check === null ? "none" : check.verdict,
    payback:
      w.breakEven.status === "not-reached"
        ? "Never pays back within the grid"
        : months === null
          ? "Not measured"
          : `${months.toDecimalPlaces(1).toFixed(1)} months (${w.paybackYears!.toDecimalPlaces(2).toFixed(2)} years)`,
    paybackChange:
      change === null
        ? ""
        : `${signed(change.toNumber(), `${change.abs().toDecimalPlaces(1).toFixed(1)} months`)} on the base case`,
    npv: shownMoney(w.npv.toDecimalPlaces(0).toNumber(), unit),
    npvChange: `${signed(npvChange, shownMoney(Math.abs(npvChange), unit))} on the base case`,
    lost: w.lostReturns.isZero()
      ? null
      : `${shownMoney(w.lostReturns.toDecimalPlaces(0).toNumber(), unit)} of returns slip past the grid's last period and are lost.`,
    headroom: headroomText(base, limit, roomFor(limit), {
      cut: new Decimal(changes.returnsChange).negated(),
      delay: changes.delayPeriods,
      uplift: new Decimal(changes.investmentChange),
    }),
    chart: comparisonChartGeometry(result, w.result, unit),
    problem: null,
  };
}

function verdictText(limit: LimitJson): string {
  if (limit.verdict === "never") return `Never pays back: fails the ${limit.years}-year limit`;
  if (limit.verdict === null)
    return `No measurable payback to set against the ${limit.years}-year limit`;
  const margin = marginText(limit);
  return limit.verdict === "within"
    ? `Within the ${limit.years}-year limit (${margin} years to spare)`
    : `Exceeds the ${limit.years}-year limit by ${margin} years`;
}
