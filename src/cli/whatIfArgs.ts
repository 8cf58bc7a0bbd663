/**
 * --what-if returns=-20%,investment=+10%,delay=3: the changes of a what-if as the user types
 * them, each part checked on its own so a mistake is named ("investment=ten%").
 */
import { money, type ItosError } from "../engine";

export interface WhatIfArgs {
  /** Fractions as text ("-0.2"), so no binary floating point reaches the engine. */
  returnsChange?: string;
  investmentChange?: string;
  delayPeriods?: number;
}

const EXAMPLE = "returns=-20%,investment=+10%,delay=3";

/** "-20%" -> "-0.2", in decimal (no binary floating point on the way). */
function percentAsFraction(text: string): string | null {
  const m = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
  return m ? money(m[1]).dividedBy(100).toString() : null;
}

export function parseWhatIf(text: string, usageError: (m: string) => ItosError): WhatIfArgs {
  const out: WhatIfArgs = {};
  const parts = text.split(",").map((p) => p.trim());
  if (parts.every((p) => p === ""))
    throw usageError(`--what-if needs changes, as --what-if ${EXAMPLE}`);
  for (const part of parts) {
    const eq = part.indexOf("=");
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? "" : part.slice(eq + 1).trim();
    const seen =
      (key === "returns" && out.returnsChange !== undefined) ||
      (key === "investment" && out.investmentChange !== undefined) ||
      (key === "delay" && out.delayPeriods !== undefined);
    if (seen) throw usageError(`--what-if: '${key}' is given twice`);
    if (key === "returns" || key === "investment") {
      const fraction = percentAsFraction(value);
      if (fraction === null)
        throw usageError(
          `--what-if: '${part}' needs a percentage change, as ${key}=${key === "returns" ? "-20%" : "+10%"}`
        );
      if (money(fraction).lessThan(-1))
        throw usageError(`--what-if: '${part}' takes away more than all of the ${key}`);
      if (key === "returns") out.returnsChange = fraction;
      else out.investmentChange = fraction;
    } else if (key === "delay") {
      if (!/^\d+$/.test(value))
        throw usageError(
          `--what-if: '${part}' needs a whole number of periods, zero or more, as delay=3`
        );
      out.delayPeriods = Number(value);
    } else {
      throw usageError(
        `--what-if: '${part}' is not a change ITOS knows; use returns, investment and delay, as ${EXAMPLE}`
      );
    }
  }
  return out;
}
