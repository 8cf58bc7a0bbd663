/**
 * The analysis as the `itos` command reports it: the per-sheet JSON document of the command's
 * contract, and a short human report (break-even first, then the year table, then reconciliation).
 */
import type Decimal from "decimal.js";
import {
  type Cadence,
  formatMoney,
  type ItosError,
  money,
  PAYBACK_CONVENTIONS,
  type PaybackConvention,
  type PaybackResult,
  type Period,
} from "../engine";
import { a1, quoteSheetName } from "../sheet";
import { hasCountedLines, type GridModel, type LineRole } from "./read";
import type { SchemeAnalysis, SheetAnalysis } from "./pipeline";
import {
  scenarioJson,
  scenarioText,
  type ScenarioJson,
  type ScenarioRequest,
} from "./scenarioReport";
import {
  formulaKindLabel,
  type FormulaFindingKind,
  type ReconciliationReport,
  type StatedPaybackCheck,
} from "./reconcile";
import { trackingJson, trackingText, type TrackingJson } from "./trackingReport";

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
  /** How often the periods come: quarters are "quarterly" here (the engine's cadence). */
  periodicity: Cadence;
  firstPeriod: string | null;
  lastPeriod: string | null;
  firstInvestment: string | null;
  crossover: string | null;
  breakEven: string | null;
  sustainedBreakEven: string | null;
  paybackMonths: number | null;
  paybackYears: number | null;
  basis: string;
  /** The convention of the headline payback (paybackMonths, paybackYears). */
  convention: PaybackConvention;
  /** The payback in years in each convention; null where it does not apply or is not reached. */
  paybackByConvention: Record<PaybackConvention, number | null>;
  /** Why a convention's payback is null, for each that is. */
  conventionNotes: Partial<Record<PaybackConvention, string>>;
  /** Every payback the sheet states, and the convention that reproduces it (or the nearest). */
  statedPaybacks: StatedPaybackJson[];
  totals: { investment: number; return: number; net: number };
  npv: number;
  discountRate: number;
  years: YearJson[];
  lines: { row: number; label: string; role: LineRole }[];
  /** Amount lines left out of the payback, with the reason; holdsMoney: leaving it out changes the answer. */
  excluded: { cell: string; label: string; reason: string; holdsMoney: boolean }[];
  reconciliation: ReconciliationJson;
  messages: string[];
  /** Where the sheet holds several schemes: one entry per scheme, like a sheet's, with its name. */
  schemes?: SchemeReportJson[];
  /** Plan versus actual as of the last actual period; null when the sheet has no actuals. */
  tracking?: TrackingJson | null;
  /** Limit, headroom and what-if, where the report was asked for them (analyse, apply). */
  limit?: ScenarioJson["limit"];
  headroom?: ScenarioJson["headroom"];
  whatIf?: ScenarioJson["whatIf"];
}

export interface SchemeReportJson extends Omit<SheetReportJson, "schemes"> {
  scheme: string;
}

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

/** A sheet that could not be read: what is wrong, and the cells it concerns. */
export interface SheetErrorJson {
  sheet: string;
  error: { message: string; cells: string[] };
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

/**
 * "2022-01" for a month, "2024-Q2" for a quarter, the FY label ("2017/18") for a year of an
 * annual grid (or its own label, "Year 1", when it has no FY).
 */
export function periodKey(period: Period): string {
  return period.kind === "year" ? (period.fy ?? period.label) : period.key;
}

/** Amounts in the grid's own unit: pence for £, more places for £k and £000s. */
function amount(d: Decimal, unit: string): number {
  return d.toDecimalPlaces(unit === "£" ? 2 : 5).toNumber();
}

function at(result: PaybackResult, index: number | null): string | null {
  return index === null ? null : periodKey(result.periods[index]);
}

export function sheetReportJson(
  analysis: SheetAnalysis,
  scenario?: ScenarioRequest
): SheetReportJson {
  const withScenario = (a: Omit<SheetAnalysis, "schemes">): SheetReportJson => ({
    ...singleReportJson(a),
    ...(scenario ? scenarioJson(a, scenario) : {}),
  });
  const json = withScenario(analysis);
  if (!analysis.schemes || analysis.schemes.length === 0) return json;
  return {
    ...json,
    statedPaybacks: schemeStatedPaybacks(analysis.schemes),
    schemes: analysis.schemes.map((s) => ({ scheme: s.scheme, ...withScenario(s) })),
  };
}

/**
 * A sheet's stated paybacks checked against its schemes: each against the first scheme whose
 * payback reproduces it ("a. 4 years" is scheme A's, "b. 5 years" scheme B's), else the first's.
 */
function schemeStatedPaybacks(schemes: readonly SchemeAnalysis[]): StatedPaybackJson[] {
  const first = schemes[0].statedPaybacks;
  return first.map((s, i) => {
    const owner = schemes.find((sc) => sc.statedPaybacks[i]?.matches) ?? schemes[0];
    return { ...statedPaybackJson(owner.statedPaybacks[i] ?? s), scheme: owner.scheme };
  });
}

function singleReportJson(analysis: Omit<SheetAnalysis, "schemes">): SheetReportJson {
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
    periodicity: result.cadence,
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
    convention: result.convention,
    paybackByConvention: byConventionJson(result),
    conventionNotes: { ...result.conventionNotes },
    statedPaybacks: analysis.statedPaybacks.map(statedPaybackJson),
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
    tracking: trackingJson(analysis.tracking, unit),
  };
}

/** What a table says with no investment or return (`reconcile` of a budget table): no payback, only its totals. */
const NO_PAYBACK =
  "No investment or return lines: there is no payback to compute; the stated totals are checked.";

function budgetTableJson(analysis: Omit<SheetAnalysis, "schemes">): SheetReportJson {
  const { model, result } = analysis;
  const zero = amount(result.totals.net.minus(result.totals.net), model.unit);
  return {
    sheet: model.sheetName,
    unit: model.unit,
    periodicity: result.cadence,
    firstPeriod: at(result, result.periods.length ? 0 : null),
    lastPeriod: at(result, result.periods.length ? result.periods.length - 1 : null),
    firstInvestment: null,
    crossover: null,
    breakEven: null,
    sustainedBreakEven: null,
    paybackMonths: null,
    paybackYears: null,
    basis: result.basis,
    convention: result.convention,
    paybackByConvention: byConventionJson(result),
    conventionNotes: { ...result.conventionNotes },
    statedPaybacks: analysis.statedPaybacks.map(statedPaybackJson),
    totals: { investment: zero, return: zero, net: zero },
    npv: zero,
    discountRate: result.discountRate.toNumber(),
    years: [],
    lines: linesJson(model),
    excluded: model.excluded.map((e) => ({ ...e })),
    reconciliation: reconciliationJson(analysis.reconciliation),
    messages: [NO_PAYBACK, ...model.warnings],
    tracking: null,
  };
}

function byConventionJson(result: PaybackResult): SheetReportJson["paybackByConvention"] {
  const out = {} as SheetReportJson["paybackByConvention"];
  for (const c of PAYBACK_CONVENTIONS) {
    const figure = result.paybackByConvention[c];
    out[c] = figure === null ? null : figure.years.toDecimalPlaces(4).toNumber();
  }
  return out;
}

function statedPaybackJson(s: StatedPaybackCheck): StatedPaybackJson {
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

/** The cells an unreadable sheet's error concerns: the lines to choose roles for, or the cell named. */
export function sheetErrorCells(error: ItosError): string[] {
  if (error.candidates.length > 0)
    return error.candidates.map((c) => {
      const i = c.indexOf(": ");
      return i >= 0 ? c.slice(0, i) : c;
    });
  return error.cell ? [error.cell] : [];
}

export function sheetErrorJson(sheet: string, error: ItosError): SheetErrorJson {
  return { sheet, error: { message: error.message, cells: sheetErrorCells(error) } };
}

/** One shell word: single-quoted unless plain, since "!" and spaces mean something to a shell. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_.:=/-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * What to type to resolve an unreadable sheet, when it is a question of roles: the command again
 * with one --role per line (`command` is "itos analyse book.xlsx"); null for other failures.
 */
export function roleHint(error: ItosError, command: string): string | null {
  if (error.code !== "ambiguous-layout" || error.candidates.length === 0) return null;
  const roles = sheetErrorCells(error)
    .map((cell) => `--role ${shellWord(`${cell}=ROLE`)}`)
    .join(" ");
  return `To say what each line is, run: ${command} ${roles} (ROLE is investment, return, cost, net, total or ignore).`;
}

/** The text report of a sheet that could not be read, with what to type where there is a fix. */
export function sheetErrorText(sheet: string, error: ItosError, command: string): string {
  const hint = roleHint(error, command);
  return [`${sheet}: cannot be read. ${error.message}`, ...(hint ? [`  ${hint}`] : [])].join("\n");
}

/** Where each convention counts from, for a sentence. */
const CONVENTION_FROM: Record<PaybackConvention, string> = {
  "first-investment": "the start of the first investment",
  "first-return": "the start of the first return",
  simple: "the first return, the whole investment taken as paid up front",
  "time-zero": "the end of Year 0",
};

function years(y: number | null): string {
  return y === null ? "n/a" : `${y.toFixed(2)} years`;
}

/** "Paybacks by convention: first-investment 2.04 years (headline), first-return ..." */
function conventionsLine(json: SheetReportJson): string {
  const parts = PAYBACK_CONVENTIONS.map(
    (c) => `${c} ${years(json.paybackByConvention[c])}${c === json.convention ? " (headline)" : ""}`
  );
  return `  Paybacks by convention: ${parts.join(", ")}.`;
}

/** Each stated payback: the convention that reproduces it, or a mismatch naming the cell. */
export function statedPaybacksText(checks: readonly StatedPaybackCheck[]): string[] {
  return checks.map((s) => {
    const j = statedPaybackJson(s);
    if (j.matches)
      return `  Stated payback ${j.cell} '${j.text}': matches the ${j.convention} payback (${years(j.computedYears)}).`;
    if (j.computedYears === null)
      return `  Stated payback ${j.cell} '${j.text}' (${j.years} years): not checked, since no convention gives a payback on this grid.`;
    return `  MISMATCH stated payback ${j.cell} '${j.text}' (${j.years} years): no convention gives it; the nearest is ${j.convention}, ${years(j.computedYears)}.`;
  });
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

function breakEvenSentence(
  analysis: Omit<SheetAnalysis, "schemes">,
  json: SheetReportJson
): string {
  const { result } = analysis;
  const be = result.breakEven;
  if (be.status === "not-reached")
    return `Not paid back within the horizon: the cumulative position ends ${formatMoney(be.shortfall)} short of break-even.`;
  if (be.status === "immediate")
    return "Paid back immediately: the cumulative position is never negative.";
  const label = result.periods[be.index].label;
  const months =
    json.paybackMonths === null
      ? ""
      : ` Payback ${json.paybackMonths.toFixed(2)} months (${json.paybackYears?.toFixed(2)} years) from ${CONVENTION_FROM[result.convention]} (${result.convention} convention).`;
  const sustained =
    be.sustainedIndex !== null && be.sustainedIndex !== be.index
      ? ` Sustained break-even: ${result.periods[be.sustainedIndex].label}.`
      : "";
  return `Break-even: ${label} (cumulative position turns positive).${months}${sustained}`;
}

/** The human report for one sheet; a sheet of several schemes reports each in turn. */
export function sheetReportText(analysis: SheetAnalysis, scenario?: ScenarioRequest): string {
  if (!analysis.schemes || analysis.schemes.length === 0)
    return singleReportText(analysis, scenario);
  const n = analysis.schemes.length;
  return [
    `${analysis.model.sheetName}: ${n} schemes, each analysed on its own.`,
    ...analysis.schemes.map((s) => `Scheme ${s.scheme}:\n${singleReportText(s, scenario)}`),
  ].join("\n\n");
}

function singleReportText(
  analysis: Omit<SheetAnalysis, "schemes">,
  scenario?: ScenarioRequest
): string {
  const { model, result, reconciliation } = analysis;
  const json = singleReportJson(analysis);
  const label = (i: number | null): string => (i === null ? "none" : result.periods[i].label);
  const out: string[] = [];
  out.push(
    `${model.sheetName} (${model.unit}, ${result.cadence}, ${label(0)} to ${label(result.periods.length - 1)})`
  );
  out.push(`  ${breakEvenSentence(analysis, json)}`);
  out.push(conventionsLine(json));
  out.push(...statedPaybacksText(analysis.statedPaybacks));
  if (scenario && hasCountedLines(model)) out.push(...scenarioText(analysis, scenario));
  out.push(
    `  First investment: ${label(result.firstInvestment)}.  Crossover (return first exceeds investment): ${label(result.crossover)}.`
  );
  const roi = result.roi === null ? "n/a" : `${result.roi.times(100).toFixed(1)}%`;
  out.push(
    `  Totals: investment ${formatMoney(result.totals.investment)}, return ${formatMoney(result.totals.return)}, net ${formatMoney(result.totals.net)}; ROI ${roi}; NPV at ${result.discountRate.times(100).toString()}% ${formatMoney(result.npv)}.`
  );
  const tracked = trackingText(analysis.tracking);
  if (tracked) out.push(tracked);
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
