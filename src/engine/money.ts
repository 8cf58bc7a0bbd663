/**
 * Money as councils write it, held as decimals. Binary floating point never carries an amount
 * inside the engine: amounts become `number` only at the boundary with Excel.
 */
import Decimal from "decimal.js";

/** A Decimal constructor of our own, so no other code's global settings change our sums. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Decimal = new Money(0);

export function money(value: Decimal.Value): Decimal {
  return new Money(value);
}

export function sum(values: readonly Decimal[]): Decimal {
  let total: Decimal = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Text that means zero in council tables. */
const ZERO_WORDS = new Set(["-", "–", "—", "n/a", "na", "nil", "none", "0", ""]);

const SCALES: Record<string, number> = { k: 1e3, m: 1e6, bn: 1e9 };

/**
 * Parses an amount as written in a cell: `(11,667)`, `-11667`, `£1,234.56`, `1.2k`, `£0.5m`,
 * `-`, `n/a`, blank. Returns the decimal value, ZERO for the zero words and blanks, or null when
 * the text is not an amount at all (a label, a note).
 */
export function parseAmount(input: string | number | null | undefined): Decimal | null {
  if (input === null || input === undefined) return ZERO;
  if (typeof input === "number") return Number.isFinite(input) ? fromNumber(input) : null;
  let text = input
    .trim()
    .toLowerCase()
    .replace(/\u00a0/g, " ");
  if (ZERO_WORDS.has(text)) return ZERO;
  let negative = false;
  // Peel signs, brackets and "£"/"GBP" in any order: "(£1,234)", "-£500", "£(500)".
  for (let peeled = true; peeled;) {
    peeled = false;
    const bracketed = /^\((.*)\)$/.exec(text);
    if (bracketed) {
      negative = !negative;
      text = bracketed[1].trim();
      peeled = true;
    }
    if (/^[-−–]/.test(text)) {
      negative = !negative;
      text = text.slice(1).trim();
      peeled = true;
    }
    const unmarked = text.replace(/^(£|gbp)\s*/, "");
    if (unmarked !== text) {
      text = unmarked;
      peeled = true;
    }
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(k|m|bn)?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  let value = new Money((m[1] ?? "0").replace(/,/g, "") + (m[2] ?? ""));
  if (m[3]) value = value.times(SCALES[m[3]]);
  return negative ? value.negated() : value;
}

/**
 * Decimal from an Excel number. Excel holds 15 significant digits; going through the shortest
 * round-trip text keeps 0.1 as 0.1 rather than its binary approximation.
 */
export function fromNumber(n: number): Decimal {
  return new Money(String(n));
}

/** Back to a JavaScript number for Excel, JSON and charts. */
export function toNumber(d: Decimal): number {
  return d.toNumber();
}

/**
 * Formats an amount the way the tables print it: thousands separators, brackets for negatives,
 * `dp` decimal places (0 by default): (11,667).
 */
export function formatMoney(d: Decimal, dp = 0): string {
  const abs = d.abs().toFixed(dp);
  const [whole, frac] = abs.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = frac ? `${grouped}.${frac}` : grouped;
  return d.isNegative() && !d.isZero() ? `(${text})` : text;
}

/** Decimal places an Excel number format displays: "#,##0" -> 0, "0.00" -> 2, General -> null. */
export function displayedDecimals(numberFormat: string | null | undefined): number | null {
  if (!numberFormat || /general/i.test(numberFormat)) return null;
  const first = numberFormat
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "");
  const m = /[0#]\.([0#]+)/.exec(first);
  return m ? m[1].length : /[0#]/.test(first) ? 0 : null;
}

/** True when an Excel number format shows negatives in brackets: #,##0;(#,##0). */
export function formatUsesBrackets(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  const parts = numberFormat.split(";");
  return parts.length > 1 && /\(/.test(parts[1]);
}
