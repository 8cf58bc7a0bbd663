/**
 * What rounding a cell's display can hide: half the smallest step its number format shows. The
 * tolerance of every totals check is built from these.
 */
import type Decimal from "decimal.js";
import { Money } from "./money";

const HALF = new Money("0.5");

/** Decimal places in the shortest text of a number (1234.5 -> 1), at most 10. */
export function writtenDecimals(value: number): number {
  const text = String(value);
  const exp = /e([+-]\d+)$/i.exec(text);
  const mantissa = text.replace(/e[+-]\d+$/i, "");
  const dot = mantissa.indexOf(".");
  const dp = (dot < 0 ? 0 : mantissa.length - dot - 1) - (exp ? Number(exp[1]) : 0);
  return Math.min(10, Math.max(0, dp));
}

/**
 * Half the smallest step a cell displays, from its number format:
 * - "#,##0" and "#,##0;(#,##0)": whole units, so 0.5; "0.00": 0.005; "0%": 0.005 (of 1);
 *   "#,##0," (shown in thousands): 500.
 * - General (or no format): a whole number is taken as typed to the unit (0.5), because council
 *   tables are typed from rounded printouts; a number with decimals is as precise as it is written
 *   (1234.56 -> 0.005), so General decimals earn no more slack than they show.
 */
export function halfUnitOf(numberFormat: string | null | undefined, value: number): Decimal {
  const general = !numberFormat || /general/i.test(numberFormat) || numberFormat === "@";
  if (general) {
    return Number.isInteger(value) ? HALF : HALF.times(new Money(10).pow(-writtenDecimals(value)));
  }
  const sections = numberFormat.split(";");
  const section = (value < 0 && sections[1] ? sections[1] : sections[0])
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) {
    return Number.isInteger(value) ? HALF : HALF.times(new Money(10).pow(-writtenDecimals(value)));
  }
  const decimals = /[0#?]\.([0#?]+)/.exec(section);
  const dp = decimals ? decimals[1].length : 0;
  let step: Decimal = new Money(10).pow(-dp);
  const scaleCommas = /[0#?](,+)[^0#?]*$/.exec(section);
  if (scaleCommas) step = step.times(new Money(1000).pow(scaleCommas[1].length));
  if (section.includes("%")) step = step.div(100);
  return HALF.times(step);
}
