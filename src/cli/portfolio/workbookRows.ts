/**
 * Cases -> the rows of the portfolio workbook, ranked. Amounts go into pounds so that one totals
 * row can add them: a £k or £000s grid is multiplied by 1,000 (in decimal), and its own unit is
 * kept in the row so the conversion is never silent.
 */
import * as path from "path";
import { money } from "../../engine";
import type { PortfolioRow } from "../../file";
import {
  caseStatus,
  isSummaryCase,
  wasRead,
  type PortfolioCase,
  type ReadCase,
  type SummaryCase,
} from "./cases";
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

type Stated = { cell: string; text: string; matches: boolean | null; scheme?: string };

/** The case's stated payback: a scheme summary's own, else the first the sheet states for it. */
function statedOf(c: ReadCase | SummaryCase): Stated | null {
  if (isSummaryCase(c)) return c.stated;
  const own: Stated[] = c.statedPaybacks.filter((s) => !s.scheme || s.scheme === c.scheme);
  return own[0] ?? null;
}

function statedColumns(c: ReadCase | SummaryCase): {
  statedPayback: string | null;
  statedFollows: string | null;
} {
  const s = statedOf(c);
  if (!s) return { statedPayback: null, statedFollows: null };
  const follows = s.matches === null ? "cannot check" : s.matches ? "yes" : "no";
  return { statedPayback: `${s.cell} '${s.text}'`, statedFollows: follows };
}

function causesOf(c: ReadCase | SummaryCase): string | null {
  const causes = isSummaryCase(c)
    ? []
    : [
        ...new Set(
          c.reconciliation.mismatch.map((m) => m.rootCause).filter((r): r is string => !!r)
        ),
      ];
  return causes.length ? causes.join(", ") : null;
}

/** A scheme summary's row: cost as the investment (money out), the annual saving beside it. */
function summaryFields(c: SummaryCase) {
  return {
    limitVerdict: c.limit?.verdict ?? null,
    marginYears: c.limit?.marginYears ?? null,
    paybackYears: c.paybackYears,
    paybackMonths:
      c.paybackYears === null
        ? null
        : money(c.paybackYears).times(12).toDecimalPlaces(4).toNumber(),
    convention: c.paybackFrom === "stated" ? "simple (as stated)" : c.convention,
    firstInvestment: null,
    breakEven: null,
    crossover: null,
    unit: null,
    investment: c.cost === null ? null : money(c.cost).abs().negated().toNumber(),
    return: null,
    net: null,
    npv: null,
    annualSaving: c.annualSaving,
    ...statedColumns(c),
    checked: c.reconciliation.checked,
    mismatches: c.reconciliation.mismatch.length,
    rootCauses: null,
    warnings: c.messages.length ? c.messages.join(" ") : null,
    error: null,
  };
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
    if (!wasRead(c))
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
        annualSaving: null,
        statedPayback: null,
        statedFollows: null,
        checked: null,
        mismatches: null,
        rootCauses: null,
        warnings: null,
        error: c.error,
      };
    if (isSummaryCase(c)) return { ...base, ...summaryFields(c) };
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
      annualSaving: null,
      ...statedColumns(c),
      checked: c.reconciliation.checked,
      mismatches: c.reconciliation.mismatch.length,
      rootCauses: causesOf(c),
      warnings: c.messages.length ? c.messages.join(" ") : null,
      error: null,
    };
  });
}
