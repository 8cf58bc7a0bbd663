/**
 * The unit a grid's amounts are stated in: £, £k or £000s, read from a title, header or label cell
 * ("£000s", "£'000", "(£k)") or from a number format that prints a "k" after the figure. Amounts
 * are never rescaled: the unit is reported beside them.
 */
import type { Unit } from "./model";

const THOUSANDS_000 = /£\s*'?\s*000'?s?(?![\d,])/i;
const THOUSANDS_K = /£\s*k\b|£\s*thousands?\b|\bgbp\s*k\b|\bgbp\s*'?000s?\b/i;
const MILLIONS = /£\s*m\b|£\s*millions?\b/i;

export interface UnitFinding {
  unit: Unit;
  /** The text the unit was read from. */
  evidence: string;
}

/** The unit a cell's text states, if any. */
export function unitInText(text: string): UnitFinding | { unit: "£m"; evidence: string } | null {
  const t = text.replace(/\u00a0/g, " ");
  let m = THOUSANDS_000.exec(t);
  if (m) return { unit: "£000s", evidence: m[0].trim() };
  m = THOUSANDS_K.exec(t);
  if (m) return { unit: "£k", evidence: m[0].trim() };
  m = MILLIONS.exec(t);
  if (m) return { unit: "£m", evidence: m[0].trim() };
  return null;
}

/**
 * What a number format says: a literal "k" after the digits means the stored figures are in
 * thousands; a scaling comma (#,##0,) means the figures are pounds displayed as thousands.
 */
export function unitInFormat(
  numberFormat: string | null | undefined
): { unit: Unit } | { scaledDisplay: true } | null {
  if (!numberFormat) return null;
  const first = numberFormat.split(";")[0];
  if (/[0#],(?![0#])/.test(first.replace(/"[^"]*"/g, ""))) return { scaledDisplay: true };
  if (/"\s*£?k"|\\k\b/i.test(first)) return { unit: "£k" };
  if (/"\s*£?'?000s?"/i.test(first)) return { unit: "£000s" };
  return null;
}
