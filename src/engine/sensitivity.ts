/**
 * The sensitivity table a cabinet paper asks for: the payback when returns fall by each of a few
 * cuts and slip by each of a few delays, every cell a what-if of the same case (returns delayed
 * past the grid's end are lost, as in whatIf).
 */
import type Decimal from "decimal.js";
import { Money } from "./money";
import { measurePayback, type PaybackInput } from "./payback";
import { applyWhatIf } from "./scenario";
import type { PaybackOptions } from "./types";

/** Cuts in all returns (fractions) down the side, delays (whole periods) across the top. */
export const SENSITIVITY_CUTS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.5];
export const SENSITIVITY_DELAYS: readonly number[] = [0, 3, 6, 12];

export interface SensitivityTable {
  cuts: readonly number[];
  delays: readonly number[];
  /** paybackYears[cut][delay]: the headline payback in years; null where it never pays back. */
  paybackYears: (Decimal | null)[][];
}

/** The headline payback (the base case's convention throughout) for every cut and delay. */
export function sensitivityTable(
  input: PaybackInput,
  options: PaybackOptions = {},
  cuts: readonly number[] = SENSITIVITY_CUTS,
  delays: readonly number[] = SENSITIVITY_DELAYS
): SensitivityTable {
  const convention = measurePayback(input, options).convention;
  const paybackYears = cuts.map((cut) =>
    delays.map((delay) => {
      const changed = applyWhatIf(input, {
        returnsChange: new Money(cut).negated(),
        delayPeriods: delay,
      }).input;
      const m = measurePayback(changed, { ...options, convention });
      if (m.breakEven.status === "immediate") return new Money(0);
      return m.breakEven.status === "not-reached" ? null : m.paybackYears;
    })
  );
  return { cuts, delays, paybackYears };
}
