/**
 * --what-if returns=-20%,investment=+10%,delay=3: the changes of a what-if as the user types
 * them, each part checked on its own so a mistake is named ("investment=ten%").
 */
import { ErrorMessage, money, type ItosError } from "../engine";

export interface WhatIfArgs {
  /** Fractions as text ("-0.2"), so no binary floating point reaches the engine. */
  returnsChange?: string;
  investmentChange?: string;
  delayPeriods?: number;
}

/** "-20%" -> "-0.2", in decimal (no binary floating point on the way). */
function percentAsFraction(text: string): string | null {
  const m = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
  return m ? money(m[1]).dividedBy(100).toString() : null;
}

export function parseWhatIf(text: string, usageError: (m: string) => ItosError): WhatIfArgs {
  const out: WhatIfArgs = {};
  const parts = text.split(",").map((p) => p.trim());
  if (parts.every((p) => p === "")) throw usageError(ErrorMessage.whatIf.empty());
  for (const part of parts) {
    const eq = part.indexOf("=");
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : part.slice(eq + 1).trim();
    const seen =
      (key === "returns" && out.returnsChange !== undefined) ||
      (key === "investment" && out.investmentChange !== undefined) ||
      (key === "delay" && out.delayPeriods !== undefined);
    if (seen) throw usageError(ErrorMessage.whatIf.twice(key));
    if (key === "returns" || key === "investment") {
      const fraction = percentAsFraction(value);
      if (fraction === null) throw usageError(ErrorMessage.whatIf.needsPercent(part, key));
      if (money(fraction).lessThan(-1)) throw usageError(ErrorMessage.whatIf.takesAll(part, key));
      if (key === "returns") out.returnsChange = fraction;
      else out.investmentChange = fraction;
    } else if (key === "delay") {
      if (!/^\d+$/.test(value)) throw usageError(ErrorMessage.whatIf.needsWholeDelay(part));
      out.delayPeriods = Number(value);
    } else {
      throw usageError(ErrorMessage.whatIf.unknownChange(part));
    }
  }
  return out;
}
