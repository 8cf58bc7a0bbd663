/** The paybacks a sheet states, as the command reports them: each with the convention that reproduces it. */
import type { PaybackConvention } from "../engine";
import type { SchemeAnalysis } from "./pipeline";
import type { StatedPaybackCheck } from "./reconcile";

export interface StatedPaybackJson {
  cell: string;
  /** Where the sheet holds several schemes: the scheme whose payback it is checked against. */
  scheme?: string;
  /** The figure as written ("Payback period: 2.9 years"). */
  text: string;
  years: number;
  computedYears: number | null;
  convention: PaybackConvention | null;
  /** Every convention that reproduces the figure at the precision it is written to. */
  conventions: PaybackConvention[];
  matches: boolean;
}

export function statedPaybackJson(s: StatedPaybackCheck): StatedPaybackJson {
  return {
    cell: s.cell,
    text: s.stated.text,
    years: s.stated.years.toDecimalPlaces(4).toNumber(),
    computedYears: s.computedYears,
    convention: s.convention,
    conventions: [...s.conventions],
    matches: s.matches,
  };
}

/**
 * A sheet's stated paybacks checked against its schemes: each against the first scheme whose
 * payback reproduces it ("a. 4 years" is scheme A's, "b. 5 years" scheme B's), else the first's.
 */
export function schemeStatedPaybacks(schemes: readonly SchemeAnalysis[]): StatedPaybackJson[] {
  const first = schemes[0].statedPaybacks;
  return first.map((s, i) => {
    const owner = schemes.find((sc) => sc.statedPaybacks[i]?.matches) ?? schemes[0];
    return { ...statedPaybackJson(owner.statedPaybacks[i] ?? s), scheme: owner.scheme };
  });
}

export function yearsText(y: number | null): string {
  return y === null ? "n/a" : `${y.toFixed(2)} years`;
}

/** Each stated payback: the convention that reproduces it, or a mismatch naming the cell. */
export function statedPaybacksText(checks: readonly StatedPaybackCheck[]): string[] {
  return checks.map((s) => {
    const j = statedPaybackJson(s);
    if (j.matches)
      return `  Stated payback ${j.cell} '${j.text}': matches the ${j.convention} payback (${yearsText(j.computedYears)}).`;
    if (j.computedYears === null)
      return `  Stated payback ${j.cell} '${j.text}' (${j.years} years): not checked, since no convention gives a payback on this grid.`;
    return `  MISMATCH stated payback ${j.cell} '${j.text}' (${j.years} years): no convention gives it; the nearest is ${j.convention}, ${yearsText(j.computedYears)}.`;
  });
}
