/**
 * The portfolio's counts and its text report. Every case is one of paid back (within the limit
 * when one is given), late (paid back after the limit), never (not within the horizon) or an
 * error (not read), so the four add up to the number of cases.
 */
import { counted } from "../../engine";
import {
  caseStatus,
  isSummaryCase,
  wasRead,
  type PortfolioCase,
  type ReadCase,
  type SummaryCase,
} from "./cases";

export interface PortfolioSummary {
  cases: number;
  paidBack: number;
  late: number;
  never: number;
  errors: number;
  /** Cases with at least one stated total that does not add up. */
  mismatches: number;
}

export function summarise(cases: readonly PortfolioCase[]): PortfolioSummary {
  const count = (status: string): number => cases.filter((c) => caseStatus(c) === status).length;
  return {
    cases: cases.length,
    paidBack: count("paid back"),
    late: count("late"),
    never: count("never"),
    errors: count("error"),
    mismatches: cases.filter((c) => wasRead(c) && c.reconciliation.mismatch.length > 0).length,
  };
}

function where(c: PortfolioCase): string {
  return c.sheet === null ? c.file : `${c.file} [${c.sheet}${c.scheme ? ` / ${c.scheme}` : ""}]`;
}

function paybackText(c: ReadCase): string {
  if (c.breakEven === null) return "not paid back within the horizon";
  const years =
    c.paybackYears === null ? "" : `, payback ${c.paybackYears.toFixed(2)} years (${c.convention})`;
  return `break-even ${c.breakEven}${years}`;
}

function limitText(c: ReadCase | SummaryCase): string {
  const l = c.limit;
  if (!l) return "";
  if (l.verdict === "never") return `; never within the ${l.years}-year limit`;
  if (l.verdict === null || l.marginYears === null) return "";
  return l.verdict === "within"
    ? `; within the ${l.years}-year limit (${l.marginYears.toFixed(2)} years to spare)`
    : `; exceeds the ${l.years}-year limit by ${(-l.marginYears).toFixed(2)} years`;
}

function totalsText(rec: ReadCase["reconciliation"] | SummaryCase["reconciliation"]): string {
  return rec.mismatch.length > 0
    ? `; ${rec.mismatch.length} of ${rec.checked} stated totals do not add up`
    : rec.checked > 0
      ? `; ${counted(rec.checked, "stated total")} ${rec.checked === 1 ? "adds" : "add"} up`
      : "";
}

const figure = (n: number | null): string => (n === null ? "not known" : n.toLocaleString("en-GB"));

/** A scheme of a scheme summary: cost, annual saving, cost ÷ saving and the stated payback. */
function summaryText(c: SummaryCase): string {
  const payback =
    c.paybackYears === null
      ? "never paid back"
      : c.paybackFrom === "stated"
        ? `payback ${c.paybackYears.toFixed(2)} years (as stated)`
        : `payback ${c.paybackYears.toFixed(2)} years (cost ÷ saving)`;
  const stated =
    c.stated === null
      ? ""
      : `; stated ${c.stated.cell} '${c.stated.text}' ${c.stated.matches === null ? "cannot be checked" : c.stated.matches ? "follows" : "does not follow"}`;
  return `cost ${figure(c.cost)}, annual saving ${figure(c.annualSaving)}: ${payback}${stated}`;
}

function caseLine(c: PortfolioCase): string {
  if (!wasRead(c)) return `  ${where(c)}: NOT READ: ${c.error}`;
  if (isSummaryCase(c))
    return `  ${where(c)} (scheme summary): ${summaryText(c)}${limitText(c)}${totalsText(c.reconciliation)}`;
  return `  ${where(c)} (${c.unit}): ${paybackText(c)}${limitText(c)}${totalsText(c.reconciliation)}`;
}

export function summaryLine(s: PortfolioSummary, workbooks: number): string {
  return `Portfolio: ${counted(s.cases, "case")} from ${counted(workbooks, "workbook")}: ${s.paidBack} paid back, ${s.late} late, ${s.never} never, ${s.errors} not read; ${s.mismatches} with totals that do not add up.`;
}

export function portfolioText(cases: readonly PortfolioCase[], workbooks: number): string {
  return [summaryLine(summarise(cases), workbooks), ...cases.map(caseLine)].join("\n");
}
