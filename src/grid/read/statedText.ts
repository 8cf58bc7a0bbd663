/**
 * A payback stated in a cell of a scheme summary: a figure with its unit ("6.1 years", "23
 * months", "2 years and 5 months"), one inside a sentence ("The investment payback time is just
 * under 3 years.", "304,000/124,000 = 2.451612903 years"), a number word ("four years"), or a
 * bound ("just under four years"). The engine's parseStatedPayback reads the figure; this finds
 * it in the words around it.
 */
import type Decimal from "decimal.js";
import {
  Money,
  NUMBER_WORDS,
  parseStatedPayback,
  reproduces,
  type StatedPayback,
} from "../../engine";

export interface StatedInCell extends StatedPayback {
  /** "just under 3 years": the payback is below the figure, within one unit of it. */
  qualifier: "just under" | null;
}

const NUMBER_WORD = new RegExp(String.raw`\b(${NUMBER_WORDS.join("|")})\b`, "g");
/** The last figure with a unit in a sentence, with "and n months" after it. */
const PHRASE =
  /(just under\s+)?(\d+(?:\.\d+)?)\s*(years?|yrs?|months?)(?:,?\s*(?:and|&)\s*(\d+)\s*months?)?/gi;

/** Reads a stated payback from a cell's text; null when it states none. */
export function statedInCell(text: string): StatedInCell | null {
  const whole = parseStatedPayback(text);
  if (whole) return { ...whole, qualifier: null };
  const words = text.toLowerCase().replace(NUMBER_WORD, (w) => String(NUMBER_WORDS.indexOf(w)));
  const found = [...words.matchAll(PHRASE)];
  if (found.length === 0) return null;
  const m = found[found.length - 1];
  const figure = m[4] ? `${m[2]} ${m[3]} and ${m[4]} months` : `${m[2]} ${m[3]}`;
  const parsed = parseStatedPayback(figure);
  if (!parsed) return null;
  return { ...parsed, text, qualifier: m[1] ? "just under" : null };
}

/** True when a payback of `years` gives the stated figure at its precision (or keeps within its bound). */
export function statedHolds(stated: StatedInCell, years: Decimal): boolean {
  const figure = { years, months: years.times(12) };
  if (stated.qualifier === "just under") {
    const shown = stated.unit === "months" ? figure.months : figure.years;
    return shown.lessThan(stated.value) && shown.greaterThanOrEqualTo(stated.value.minus(1));
  }
  return reproduces(stated, figure);
}

/** Years of a stated payback as a Decimal (for messages and JSON). */
export function statedYears(stated: StatedInCell): Decimal {
  return new Money(stated.years);
}
