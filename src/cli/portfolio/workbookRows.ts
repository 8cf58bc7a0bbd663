/**
 * Cases -> the rows of the portfolio workbook, ranked. Amounts go into pounds so that one totals
 * row can add them: a £k or £000s grid is multiplied by 1,000 (in decimal), and its own unit is
 * kept in the row so the conversion is never silent.
 */
import * as path from "path";
import { money } from "../../engine";
import type { PortfolioRow } from "../../file";
import { caseStatus, isReadCase, type PortfolioCase } from "./cases";
import { rankCases } from "./rank";

function pounds(amount: number, unit: string): number {
  const factor = unit === "£" ? 1 : 1000;
  return money(amount).times(factor).toDecimalPlaces(2).toNumber();
}

/** A link that works from the portfolio file's folder, with each path segment URL-encoded. */
export function relativeLink(fromFolder: string, target: string): string {
  return path
    .relative(fromFolder, target)
    .split(path.sep)
    .map((s) => (s === ".." ? s : encodeURIComponent(s)))
    .join("/");
}

export function portfolioRows(
  cases: readonly PortfolioCase[],
  linkOf: (c: PortfolioCase) => string | null
): PortfolioRow[] {
  return rankCases(cases).map((c, i) => {
    const base = {
      rank: i + 1,
      workbook: c.file,
      link: linkOf(c),
      sheet: c.sheet,
      scheme: c.scheme,
      status: caseStatus(c),
    };
    if (!isReadCase(c))
      return {
        ...base,
        limitVerdict: null,
        marginYears: null,
        paybackYears: null,
        paybackMonths: null,
        convention: null,
        firstInvestment: null,
        breakEven: null,
        crossover: null,
        unit: null,
        investment: null,
        return: null,
        net: null,
        npv: null,
        checked: null,
        mismatches: null,
        rootCauses: null,
        warnings: null,
        error: c.error,
      };
    const causes = [
      ...new Set(c.reconciliation.mismatch.map((m) => m.rootCause).filter((r): r is string => !!r)),
    ];
    return {
      ...base,
      limitVerdict: c.limit?.verdict ?? null,
      marginYears: c.limit?.marginYears ?? null,
      paybackYears: c.paybackYears,
      paybackMonths: c.paybackMonths,
      convention: c.convention,
      firstInvestment: c.firstInvestment,
      breakEven: c.breakEven,
      crossover: c.crossover,
      unit: c.unit,
      investment: pounds(c.totals.investment, c.unit),
      return: pounds(c.totals.return, c.unit),
      net: pounds(c.totals.net, c.unit),
      npv: pounds(c.npv, c.unit),
      checked: c.reconciliation.checked,
      mismatches: c.reconciliation.mismatch.length,
      rootCauses: causes.length ? causes.join(", ") : null,
      warnings: c.messages.length ? c.messages.join(" ") : null,
      error: null,
    };
  });
}
