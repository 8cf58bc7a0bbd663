/**
 * Paybacks as papers state them ("Payback period: 2.9 years", "3 years 1 month", "34 months",
 * "payback in year 3"), and which convention reproduces one at the precision it is stated to.
 * A stated figure is taken as rounded half up to the places it shows: "2.9 years" stands for any
 * payback from 2.85 up to (not including) 2.95 years; "3 years 1 month" for 36.5 to 37.5 months.
 */
import Decimal from "decimal.js";
import { Money } from "./money";
import { PAYBACK_CONVENTIONS } from "./conventions";
import type { PaybackByConvention, PaybackConvention, PaybackFigure } from "./types";

/** Number words a paper writes a payback in ("four years"), each at the index of its value. */
export const NUMBER_WORDS: readonly string[] = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
export interface StatedPayback {
  /** The text as written. */
  text: string;
  /**
   * years: "2.9 years"; months: "34 months"; years-and-months: "3 years 1 month";
   * in-year: "payback in year 3" (some time during year 3); within: "within 5 years" (at most).
   */
  form: "years" | "months" | "years-and-months" | "in-year" | "within";
  /** The stated figure in years (months / 12 for months). */
  years: Decimal;
  /** The figure in the unit it was written in: months for months and years-and-months. */
  value: Decimal;
  unit: "years" | "months";
  /** Decimal places the figure was written to. */
  decimals: number;
  /** One step of the stated figure, in years: 0.1 for "2.9 years", 1/12 for "34 months", 1 for "in year 3". */
  precisionYears: Decimal;
  /** True when the text says payback (or ROI in years), not only a length of time. */
  saysPayback: boolean;
}

const YEARS = String.raw`(?:years?|yrs?|y)`;
const MONTHS = String.raw`(?:months?|mths?|mnths?|mos?)`;
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** What introduces a payback: "Payback period:", "simple payback of", "ROI", "pays back in". */
const LEAD = new RegExp(
  String.raw`^(?:(?:estimated|expected|simple|overall|total)\s+)?(?:payback(?:\s+period)?|pay[\s-]back(?:\s+period)?|pays\s+back|paid\s+back|roi|return\s+on\s+investment|break[\s-]?even)\b\s*(?:\((?:in\s+)?(years?|yrs?|months?|mths?)\))?\s*(?:[:=–-]\s*)?(?:(?:is|of|in|after|at|=)\s+)*`
);
const HEDGE = /^(?:approx(?:imately|\.)?|c\.|circa|about|around|roughly|~)\s*/;

function decimalsOf(figure: string): number {
  const dot = figure.indexOf(".");
  return dot < 0 ? 0 : figure.length - dot - 1;
}

function stated(
  text: string,
  form: StatedPayback["form"],
  figure: string,
  unit: "years" | "months",
  saysPayback: boolean,
  extraMonths = 0
): StatedPayback {
  const value = new Money(figure).plus(extraMonths);
  const decimals = decimalsOf(figure);
  const step = new Money(1).dividedBy(new Money(10).pow(decimals));
  const perYear = unit === "months" ? 12 : 1;
  return {
    text,
    form,
    years: value.dividedBy(perYear),
    value,
    unit,
    decimals,
    precisionYears: step.dividedBy(perYear),
    saysPayback,
  };
}

/**
 * Reads a payback stated in words. Returns null for anything else (a percentage ROI, a label, an
 * amount). A bare length of time ("34 months") is read with saysPayback false: the reader decides
 * from the cell's neighbours whether it is a payback.
 */
export function parseStatedPayback(input: string): StatedPayback | null {
  const text = input.trim();
  let rest = text
    .toLowerCase()
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .replace(/[.;,)]+$/, "")
    .trim();
  const lead = LEAD.exec(rest);
  const unitInLabel = lead?.[1] ?? null;
  if (lead) rest = rest.slice(lead[0].length);
  rest = rest.replace(HEDGE, "");
  // "2.9 year payback", "34 months payback period": the figure first, the word after.
  const trailing = /\s+(?:simple\s+)?pay[\s-]?back(?:\s+period)?$/.exec(rest);
  const saysPaybackAfter = trailing !== null;
  if (trailing) rest = rest.slice(0, trailing.index);
  const saysPayback = lead !== null || saysPaybackAfter;

  let m = new RegExp(String.raw`^(\d+) ?${YEARS},? (?:and )?(\d+) ?${MONTHS}$`).exec(rest);
  if (m) return stated(text, "years-and-months", m[2], "months", saysPayback, Number(m[1]) * 12);
  m = new RegExp(String.raw`^${NUMBER} ?${YEARS}$`).exec(rest);
  if (m) return stated(text, "years", m[1], "years", saysPayback);
  m = new RegExp(String.raw`^${NUMBER} ?${MONTHS}$`).exec(rest);
  if (m) return stated(text, "months", m[1], "months", saysPayback);
  if (!saysPayback) return null;

  m = /^(?:during |by )?(?:the )?(?:year|yr) (\d+)$/.exec(rest);
  if (m) return { ...stated(text, "in-year", m[1], "years", true), precisionYears: new Money(1) };
  m = new RegExp(String.raw`^within ${NUMBER} ?(${YEARS}|${MONTHS})$`).exec(rest);
  if (m) {
    const unit = /^y/.test(m[2]) ? "years" : "months";
    return stated(text, "within", m[1], unit, true);
  }
  // "Payback (years): 2.9": the unit is in the label, the figure alone after it.
  m = new RegExp(String.raw`^${NUMBER}$`).exec(rest);
  if (m && unitInLabel)
    return stated(
      text,
      /^m/.test(unitInLabel) ? "months" : "years",
      m[1],
      /^m/.test(unitInLabel) ? "months" : "years",
      true
    );
  return null;
}

/**
 * A payback given as a figure in a column or row whose heading gives the unit ("Payback
 * (years)": 2.9). The precision is the places the cell shows: `decimals` from its number
 * format when known, else the places of the figure as text.
 */
export function statedPaybackFromFigure(
  figure: number | string,
  unit: "years" | "months",
  decimals?: number | null
): StatedPayback | null {
  const text = String(figure).trim();
  if (!/^\d+(?:\.\d+)?$/.test(text)) return null;
  const shown =
    decimals === null || decimals === undefined ? text : new Money(text).toFixed(decimals);
  return stated(text, unit, shown, unit, true);
}

/** True when a computed payback, rounded as the stated figure is, gives the stated figure. */
export function reproduces(s: StatedPayback, computed: PaybackFigure): boolean {
  if (s.form === "in-year")
    return (
      computed.years.greaterThan(s.value.minus(1)) && computed.years.lessThanOrEqualTo(s.value)
    );
  const figure = s.unit === "months" ? computed.months : computed.years;
  if (s.form === "within") return figure.lessThanOrEqualTo(s.value);
  return figure.toDecimalPlaces(s.decimals, Decimal.ROUND_HALF_UP).equals(s.value);
}

export interface StatedPaybackMatch {
  /** Every convention whose payback reproduces the stated figure; empty when none does. */
  conventions: PaybackConvention[];
  matches: boolean;
  /** The convention reported against the figure: the preferred one if it matches, else the first match, else the nearest. */
  convention: PaybackConvention | null;
  /** That convention's payback in years. */
  computedYears: Decimal | null;
}

/**
 * Which convention(s) reproduce a stated payback. `preferred` (the headline's convention) is
 * reported when it is among them; with no match, the convention nearest the stated figure.
 */
export function matchStatedPayback(
  s: StatedPayback,
  byConvention: PaybackByConvention,
  preferred?: PaybackConvention
): StatedPaybackMatch {
  const conventions = PAYBACK_CONVENTIONS.filter((c) => {
    const figure = byConvention[c];
    return figure !== null && reproduces(s, figure);
  });
  let convention: PaybackConvention | null =
    preferred !== undefined && conventions.includes(preferred)
      ? preferred
      : (conventions[0] ?? null);
  if (convention === null) {
    // The nearest figure, the preferred convention first among equals.
    const order = preferred
      ? [preferred, ...PAYBACK_CONVENTIONS.filter((c) => c !== preferred)]
      : PAYBACK_CONVENTIONS;
    let best: Decimal | null = null;
    for (const c of order) {
      const figure = byConvention[c];
      if (figure === null) continue;
      const distance = figure.years.minus(s.years).abs();
      if (best === null || distance.lessThan(best)) {
        best = distance;
        convention = c;
      }
    }
  }
  return {
    conventions,
    matches: conventions.length > 0,
    convention,
    computedYears: convention === null ? null : byConvention[convention]!.years,
  };
}
