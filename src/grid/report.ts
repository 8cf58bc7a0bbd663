/**
 * The analysis as the `itos` command reports it: the per-sheet JSON document of the command's
 * contract, and a short human report (break-even first, then the year table, then reconciliation).
 */
import type Decimal from "decimal.js";
import { formatMoney, money, type PaybackResult, type Period } from "../engine";
import { a1, quoteSheetName } from "../sheet";
import { hasCountedLines, type GridModel, type LineRole } from "./read";
import type { SheetAnalysis } from "./pipeline";
import { formulaKindLabel, type FormulaFindingKind, type ReconciliationReport } from "./reconcile";

export interface YearJson {
  fy: string;
  investment: number;
  return: number;
  net: number;
  cumulative: number;
}

export interface SheetReportJson {
  sheet: string;
  unit: string;
  periodicity: "monthly" | "annual";
  firstPeriod: string | null;
  lastPeriod: string | null;
  firstInvestment: string | null;
  crossover: string | null;
  breakEven: string | null;
  sustainedBreakEven: string | null;
  paybackMonths: number | null;
  paybackYears: number | null;
  basis: string;
  totals: { investment: number; return: number; net: number };
  npv: number;
  discountRate: number;
  years: YearJson[];
  lines: { row: number; label: string; role: LineRole }[];
  /** Amount lines left out of the payback, with the reason; holdsMoney: leaving it out changes the answer. */
  excluded: { cell: string; label: string; reason: string; holdsMoney: boolean }[];
  reconciliation: ReconciliationJson;
  messages: string[];
}

/** A finding as the command prints it: cells with their sheet ("Summary!E5"), parts as in a formula ("'Appendix 1'!N55"). */
export interface FindingJson {
  cell: string;
  stated: number;
  expected: number;
  difference: number;
  parts: string;
  rootCause: string | null;
  explanation: string;
}

export interface ReconciliationJson {
  checked: number;
  match: number;
  rounding: number;
  mismatch: FindingJson[];
  unverified: { cell: string; stated: number; reason: string }[];
  /** Where totals are formulas, what is wrong with the formula (even when the value is right). */
  formulaFindings: FormulaFindingJson[];
}

export interface FormulaFindingJson {
  /** "Case!D11". */
  cell: string;
  kind: FormulaFindingKind;
  detail: string;
  /** The cells it is about ("Case!D10": a part left out), with their sheets. */
  cells: string[];
}

/** A cell or range with its sheet in front, unless it names a sheet already. */
function withSheet(sheet: string, cell: string): string {
  return cell.includes("!") ? cell : `${sheet}!${cell}`;
}

export function reconciliationJson(rec: ReconciliationReport): ReconciliationJson {
  return {
    checked: rec.checked,
    match: rec.match,
    rounding: rec.rounding,
    mismatch: rec.mismatch.map((f) => ({
      cell: withSheet(f.sheet, f.cell),
      stated: f.stated,
      expected: f.expected,
      difference: f.difference,
      // The parts read like a formula, so their sheet is quoted as in one ("'Appendix 1'!B55:M55").
      parts: withSheet(quoteSheetName(f.sheet), f.parts),
      rootCause: f.rootCause === null ? null : withSheet(f.sheet, f.rootCause),
      explanation: f.explanation,
    })),
    unverified: rec.unverified.map((u) => ({
      cell: withSheet(u.sheet, u.cell),
      stated: u.stated,
      reason: u.reason,
    })),
    formulaFindings: rec.formulaFindings.map((f) => ({
      cell: withSheet(f.sheet, f.cell),
      kind: f.kind,
      detail: f.detail,
      cells: f.cells.map((c) => `${c.sheet}!${a1(c.row, c.col)}`),
    })),
  };
}

/** "2022-01" for a month, the FY label ("2017/18") for a year of an annual grid. */
export function periodKey(period: Period): string {
  return period.kind === "month" ? period.key : (period.fy ?? period.label);
}

/** Amounts in the grid's own unit: pence for £, more places for £k and £000s. */
function amount(d: Decimal, unit: string): number {
  return d.toDecimalPlaces(unit === "£" ? 2 : 5).toNumber();
}

function at(result: PaybackResult, index: number | null): string | null {
  return index === null ? null : periodKey(result.periods[index]);
}

export function sheetReportJson(analysis: SheetAnalysis): SheetReportJson {
  if (!hasCountedLines(analysis.model)) return budgetTableJson(analysis);
  const { model, result } = analysis;
  const unit = model.unit;
  const messages = [...result.messages];
  const be = result.breakEven;
  let breakEven: string | null = null;
  let sustained: string | null = null;
  if (be.status === "reached") {
    breakEven = at(result, be.index);
    sustained = at(result, be.sustainedIndex);
    if (be.sustainedIndex === null)
      messages.push(
        "The cumulative position dips below zero again after break-even and ends negative: no sustained break-even."
      );
  } else if (be.status === "immediate") {
    breakEven = at(result, 0);
    sustained = at(result, 0);
    messages.push("The cumulative position is never negative: paid back immediately.");
  }
  if (result.firstInvestment !== null && result.crossover === null)
    messages.push("Returns never exceed investment in any single period: no crossover.");
  return {
    sheet: model.sheetName,
    unit,
    periodicity: result.periodicity,
    firstPeriod: at(result, result.periods.length ? 0 : null),
    lastPeriod: at(result, result.periods.length ? result.periods.length - 1 : null),
    firstInvestment: at(result, result.firstInvestment),
    crossover: at(result, result.crossover),
    breakEven,
    sustainedBreakEven: sustained,
    paybackMonths:
      result.paybackMonths === null ? null : result.paybackMonths.toDecimalPlaces(4).toNumber(),
    paybackYears:
      result.paybackYears === null ? null : result.paybackYears.toDecimalPlaces(4).toNumber(),
    basis: result.basis,
    totals: {
      investment: amount(result.totals.investment, unit),
      return: amount(result.totals.return, unit),
      net: amount(result.totals.net, unit),
    },
    npv: amount(result.npv, unit),
    discountRate: result.discountRate.toNumber(),
    years: result.years.map((y) => ({
      fy: y.fy,
      investment: amount(y.investment, unit),
      return: amount(y.return, unit),
      net: amount(y.net, unit),
      cumulative: amount(y.cumulative, unit),
    })),
    lines: linesJson(model),
    excluded: model.excluded.map((e) => ({ ...e })),
    reconciliation: reconciliationJson(analysis.reconciliation),
    messages: [...messages, ...model.warnings],
  };
}

/** What a table says with no investment or return (`reconcile` of a budget table): no payback, only its totals. */
const NO_PAYBACK =
  "No investment or return lines: there is no payback to compute; the stated totals are checked.";

function budgetTableJson(analysis: SheetAnalysis): SheetReportJson {
  const { model, result } = analysis;
  const zero = amount(result.totals.net.minus(result.totals.net), model.unit);
  return {
    sheet: model.sheetName,
    unit: model.unit,
    periodicity: result.periodicity,
    firstPeriod: at(result, result.periods.length ? 0 : null),
    lastPeriod: at(result, result.periods.length ? result.periods.length - 1 : null),
    firstInvestment: null,
    crossover: null,
    breakEven: null,
    sustainedBreakEven: null,
    paybackMonths: null,
    paybackYears: null,
    basis: result.basis,
    totals: { investment: zero, return: zero, net: zero },
    npv: zero,
    discountRate: result.discountRate.toNumber(),
    years: [],
    lines: linesJson(model),
    excluded: model.excluded.map((e) => ({ ...e })),
    reconciliation: reconciliationJson(analysis.reconciliation),
    messages: [NO_PAYBACK, ...model.warnings],
  };
}

function linesJson(model: GridModel): SheetReportJson["lines"] {
  return model.lines.map((l) => {
    const first = l.lineIndex.find((r): r is number => r !== null && r !== undefined);
    return { row: (first ?? -1) + 1, label: l.label, role: l.role };
  });
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function findingLine(f: FindingJson): string {
  const cause =
    f.rootCause && f.rootCause !== f.cell
      ? `; likely caused by ${f.rootCause}`
      : f.rootCause === f.cell
        ? "; likely the cause"
        : "";
  const gap = f.stated - f.expected;
  const off = `${shown(Math.abs(gap))} ${gap < 0 ? "short" : "over"}`;
  return `  MISMATCH ${f.cell}: states ${shown(f.stated)} but its parts ${f.parts} add up to ${shown(f.expected)} (${off}${cause})`;
}

/** Whole amounts without decimals, others to the penny. */
function shown(n: number): string {
  return formatMoney(money(n), Number.isInteger(n) ? 0 : 2);
}

function breakEvenSentence(analysis: SheetAnalysis, json: SheetReportJson): string {
  const { result } = analysis;
  const basis = result.basis === "first-return" ? "first return" : "first investment";
  const be = result.breakEven;
  if (be.status === "not-reached")
    return `Not paid back within the horizon: the cumulative position ends ${formatMoney(be.shortfall)} short of break-even.`;
  if (be.status === "immediate")
    return "Paid back immediately: the cumulative position is never negative.";
  const label = result.periods[be.index].label;
  const months =
    json.paybackMonths === null
      ? ""
      : ` Payback ${json.paybackMonths.toFixed(2)} months (${json.paybackYears?.toFixed(2)} years) from the ${basis}.`;
  const sustained =
    be.sustainedIndex !== null && be.sustainedIndex !== be.index
      ? ` Sustained break-even: ${result.periods[be.sustainedIndex].label}.`
      : "";
  return `Break-even: ${label} (cumulative position turns positive).${months}${sustained}`;
}

/** The human report for one sheet. */
export function sheetReportText(analysis: SheetAnalysis): string {
  const { model, result, reconciliation } = analysis;
  const json = sheetReportJson(analysis);
  const label = (i: number | null): string => (i === null ? "none" : result.periods[i].label);
  const out: string[] = [];
  out.push(
    `${model.sheetName} (${model.unit}, ${result.periodicity}, ${label(0)} to ${label(result.periods.length - 1)})`
  );
  out.push(`  ${breakEvenSentence(analysis, json)}`);
  out.push(
    `  First investment: ${label(result.firstInvestment)}.  Crossover (return first exceeds investment): ${label(result.crossover)}.`
  );
  const roi = result.roi === null ? "n/a" : `${result.roi.times(100).toFixed(1)}%`;
  out.push(
    `  Totals: investment ${formatMoney(result.totals.investment)}, return ${formatMoney(result.totals.return)}, net ${formatMoney(result.totals.net)}; ROI ${roi}; NPV at ${result.discountRate.times(100).toString()}% ${formatMoney(result.npv)}.`
  );
  const widths = [10, 14, 14, 14, 14];
  out.push("");
  out.push(
    `  ${pad("Year", widths[0])}${["Investment", "Return", "Net", "Cumulative"].map((h, i) => pad(h, widths[i + 1], true)).join("")}`
  );
  for (const y of result.years) {
    out.push(
      `  ${pad(y.fy, widths[0])}${[y.investment, y.return, y.net, y.cumulative].map((v, i) => pad(formatMoney(v), widths[i + 1], true)).join("")}`
    );
  }
  out.push("");
  out.push(reconciliationText(reconciliation));
  const left = excludedText(model);
  if (left) out.push(left);
  for (const m of result.messages) out.push(`  Note: ${m}`);
  return out.join("\n");
}

/** The amount lines left out of the payback, one a line, money first; "" when there are none. */
export function excludedText(model: GridModel): string {
  const sorted = [...model.excluded].sort((a, b) => Number(b.holdsMoney) - Number(a.holdsMoney));
  return sorted
    .map(
      (e) =>
        `  Not counted: ${e.cell}${e.label ? ` '${e.label}'` : ""}: ${e.reason}${e.holdsMoney ? " (holds money)" : ""}.`
    )
    .join("\n");
}

/** Mismatches first, with cell addresses, then the counts. */
export function reconciliationText(rec: ReconciliationReport): string {
  const lines: string[] = [];
  const json = reconciliationJson(rec);
  for (const f of json.mismatch) lines.push(findingLine(f));
  for (const f of json.formulaFindings)
    lines.push(`  FORMULA ${f.cell} (${formulaKindLabel(f.kind)}): ${f.detail}`);
  const formulas = json.formulaFindings.length;
  const formulaCount =
    formulas === 0 ? "" : ` ${formulas} formula ${formulas === 1 ? "finding" : "findings"}.`;
  const summary =
    rec.checked === 0
      ? `  Reconciliation: no stated totals checked.${formulaCount}`
      : `  Reconciliation: ${rec.checked} stated totals checked: ${rec.match} match, ${rec.rounding} within rounding, ${rec.mismatch.length} mismatch, ${rec.unverified.length} unverified.${formulaCount}`;
  return [...lines, summary].join("\n");
}
