/**
 * The task pane's logic without a DOM: the user's settings, what to show of a detected grid,
 * the KPIs in the order a finance reader asks for them, the reconciliation list (root causes
 * first), the small chart's geometry, and errors in plain words. view.ts only draws these.
 */
import type Decimal from "decimal.js";
import {
  DEFAULT_OPTIONS,
  formatMoney,
  isItosError,
  Money,
  PAYBACK_CONVENTIONS,
  type BreakEven,
  type PaybackConvention,
  type PaybackResult,
} from "../engine";
import { a1, splitCellRef } from "../sheet";
import {
  normaliseLabel,
  sheetCell,
  type GridModel,
  type LineRole,
  type SignConvention,
  type Unit,
  type AnalyseOptions,
  type FormulaFindingKind,
  type ReconciliationFinding,
  type ReconciliationReport,
  formulaKindLabel,
  type SheetAnalysis,
  type StatedPaybackCheck,
} from "../grid";

export type OutputPlace = "below" | "new-sheet";

/** The headline payback's convention, or "auto": the engine's choice for the table. */
export type BasisChoice = PaybackConvention | "auto";

export const BASIS_CHOICES: { value: BasisChoice; label: string }[] = [
  { value: "auto", label: "Automatic (time zero for a Year 0 table, else first investment)" },
  { value: "first-investment", label: "First investment" },
  { value: "first-return", label: "First return" },
  { value: "simple", label: "Simple (investment paid up front)" },
  { value: "time-zero", label: "Time zero (end of Year 0)" },
];

/** The select's value as a choice; anything else is the default. */
export function basisChoice(value: string): BasisChoice {
  return BASIS_CHOICES.some((c) => c.value === value) ? (value as BasisChoice) : "auto";
}

export interface PaneSettings {
  basis: BasisChoice;
  /** Annual discount rate in percent, as typed ("3.5"). */
  discountRatePercent: string;
  output: OutputPlace;
  valuesOnly: boolean;
  /** Roles the user chose, by line key. */
  roleOverrides: Record<string, LineRole>;
  /** Line keys the user left out. */
  excluded: string[];
}

export function defaultSettings(): PaneSettings {
  return {
    // Not DEFAULT_OPTIONS.basis: passing a basis would override the engine's time-zero default.
    basis: "auto",
    discountRatePercent: new Money(DEFAULT_OPTIONS.discountRate).times(100).toString(),
    output: "below",
    valuesOnly: false,
    roleOverrides: {},
    excluded: [],
  };
}

/** "3.5" -> 0.035; null when it is not a rate a person would mean (blank, text, negative, over 100). */
export function parseRatePercent(text: string): number | null {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 100 ? n / 100 : null;
}

export function analyseOptions(settings: PaneSettings): AnalyseOptions {
  const rate = parseRatePercent(settings.discountRatePercent);
  return {
    // "auto" passes nothing, so a Year 0 table gets time-zero and any other first-investment.
    ...(settings.basis === "auto" ? {} : { convention: settings.basis }),
    ...(rate === null ? {} : { discountRate: rate }),
    roleOverrides: { ...settings.roleOverrides },
    excludedLines: [...settings.excluded],
  };
}

/** A role choice in the pane: the grid's roles plus "excluded" (left out of the payback). */
export type RoleChoice = LineRole | "excluded";

export const ROLE_CHOICES: { value: RoleChoice; label: string }[] = [
  { value: "investment", label: "Investment" },
  { value: "return", label: "Return" },
  { value: "total-investment", label: "Total investment" },
  { value: "total-return", label: "Total return" },
  { value: "net", label: "Net (in month)" },
  { value: "cumulative", label: "Cumulative" },
  { value: "heading", label: "Heading" },
  { value: "ignored", label: "Not part of the payback" },
  { value: "excluded", label: "Exclude" },
];

/** Settings after the user picks a role (or "excluded") for a line. */
export function withRole(settings: PaneSettings, key: string, choice: RoleChoice): PaneSettings {
  const roleOverrides = { ...settings.roleOverrides };
  const excluded = settings.excluded.filter((k) => k !== key);
  if (choice === "excluded") excluded.push(key);
  else roleOverrides[key] = choice;
  return { ...settings, roleOverrides, excluded };
}

/** The line key a reader's candidate message names ("Appendix 1!A63: Sustained break-even"). */
export function candidateLine(candidate: string): { cell: string; label: string; key: string } {
  const i = candidate.indexOf(": ");
  const cell = i >= 0 ? candidate.slice(0, i) : candidate;
  const label = i >= 0 ? candidate.slice(i + 2) : candidate;
  return { cell, label, key: normaliseLabel(label) };
}

const SIGN_TEXT: Record<SignConvention, string> = {
  "investment-negative": "Investment shown negative, returns positive",
  "role-by-label": "Both shown positive; the labels say which is investment",
  "savings-negative": "Savings shown negative, costs positive",
};

const UNIT_TEXT: Record<Unit, string> = {
  "£": "£ (pounds)",
  "£k": "£k (thousands)",
  "£000s": "£000s (thousands)",
};

export interface DetectedLine {
  key: string;
  label: string;
  /** First cell of the line's label ("A5"). */
  cell: string;
  choice: RoleChoice;
}

export interface DetectionView {
  sheet: string;
  /** "Oct-21 to Mar-25 (42 months)" */
  periods: string;
  unit: string;
  sign: string;
  /** The grid outline, A1 ("A3:O57"). */
  outline: string;
  lines: DetectedLine[];
  warnings: string[];
}

export function detectionView(model: GridModel, settings: PaneSettings): DetectionView {
  const n = model.periods.length;
  const first = model.periods[0]?.period.label ?? "";
  const last = model.periods[n - 1]?.period.label ?? "";
  const noun =
    model.periodicity === "monthly" ? (n === 1 ? "month" : "months") : n === 1 ? "year" : "years";
  const b = model.bounds;
  return {
    sheet: model.sheetName,
    periods: n === 0 ? "No periods found" : `${first} to ${last} (${n} ${noun})`,
    unit: `${UNIT_TEXT[model.unit]}${model.unitSource ? `, from ${model.unitSource}` : ", assumed"}`,
    sign: SIGN_TEXT[model.signConvention],
    outline: `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`,
    lines: model.lines.map((line) => {
      const lineIndex = line.lineIndex.find((r) => r !== null) ?? b.top;
      const labelCell = sheetCell(model, lineIndex, model.labelIndex);
      return {
        key: line.key,
        label: line.label,
        cell: a1(labelCell.row, labelCell.col),
        choice: settings.excluded.includes(line.key)
          ? "excluded"
          : (settings.roleOverrides[line.key] ?? line.role),
      };
    }),
    warnings: [...model.warnings],
  };
}

/** Money as the pane shows it: "£455,013", "(£35,000)" for negative, with the grid's unit. */
export function moneyText(d: Decimal, unit: Unit): string {
  const body = formatMoney(d.abs(), 0);
  const suffix = unit === "£" ? "" : "k";
  const text = `£${body}${suffix}`;
  return d.isNegative() && !d.isZero() ? `(${text})` : text;
}

function oneDecimal(d: Decimal | null): string {
  return d === null ? "" : d.toDecimalPlaces(1).toFixed(1);
}

export interface Kpi {
  id: string;
  label: string;
  value: string;
  /** A short second line ("sustained from Feb-24"). */
  detail?: string;
  /** The headline figure, shown large. */
  primary?: boolean;
}

function breakEvenText(
  be: BreakEven,
  result: PaybackResult,
  unit: Unit
): { value: string; detail?: string } {
  if (be.status === "immediate")
    return { value: "Immediately", detail: "The cumulative position is never negative." };
  if (be.status === "not-reached")
    return {
      value: "Not within the horizon",
      detail: `Still short by ${moneyText(be.shortfall, unit)} at the end.`,
    };
  const label = result.periods[be.index].label;
  if (be.sustainedIndex !== null && be.sustainedIndex !== be.index) {
    return {
      value: label,
      detail: `Dips below zero again; sustained from ${result.periods[be.sustainedIndex].label}.`,
    };
  }
  return { value: label, detail: "First period with cumulative position at or above zero." };
}

/** The KPIs in reading order: break-even first, then payback, crossover, totals, NPV. */
/** Where each convention counts from, as the pane says it. */
const CONVENTION_FROM: Record<PaybackConvention, string> = {
  "first-investment": "from first investment",
  "first-return": "from first return",
  simple: "simple, from first return",
  "time-zero": "from the end of Year 0",
};

function startPeriod(result: PaybackResult): number | null {
  if (result.convention === "first-investment") return result.firstInvestment;
  if (result.convention === "time-zero") return null;
  return result.firstReturn;
}

export function kpiView(result: PaybackResult, unit: Unit): Kpi[] {
  const from = startPeriod(result);
  const fromText = ` ${CONVENTION_FROM[result.convention]}${from !== null ? ` (${result.periods[from].label})` : ""}`;
  const be = breakEvenText(result.breakEven, result, unit);
  const months = result.paybackMonths;
  const kpis: Kpi[] = [
    { id: "break-even", label: "Break-even", value: be.value, detail: be.detail, primary: true },
    {
      id: "payback",
      label: "Payback",
      value: months === null ? "Not reached" : `${oneDecimal(months)} months`,
      detail:
        months === null
          ? undefined
          : `${result.paybackYears!.toDecimalPlaces(2).toFixed(2)} years${fromText}`,
    },
    {
      id: "crossover",
      label: "Crossover",
      value: result.crossover === null ? "None" : result.periods[result.crossover].label,
      detail: "First month returns exceed investment",
    },
    {
      id: "investment",
      label: "Total investment",
      value: moneyText(result.totals.investment, unit),
    },
    { id: "return", label: "Total return", value: moneyText(result.totals.return, unit) },
    { id: "net", label: "Net position", value: moneyText(result.totals.net, unit) },
    {
      id: "npv",
      label: `NPV at ${result.discountRate.times(100).toDecimalPlaces(2).toString()}%`,
      value: moneyText(result.npv, unit),
      detail:
        result.discountedPaybackMonths === null
          ? "Discounted payback not reached"
          : `Discounted payback ${oneDecimal(result.discountedPaybackMonths)} months`,
    },
  ];
  if (result.periodicity === "annual") kpis[2].detail = "First year returns exceed investment";
  return kpis;
}

export interface FindingItem {
  cell: string;
  title: string;
  detail: string;
  isRootCause: boolean;
  /** "mismatch" for a total that does not add up, else the kind of formula finding. */
  kind: "mismatch" | FormulaFindingKind;
}

export interface FindingsView {
  items: FindingItem[];
  summary: string;
  roundingNote: string | null;
}

function num(n: number): string {
  const sign = n < 0 ? "-" : "";
  return (
    sign + Math.abs(Math.round(n * 100) / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })
  );
}

/** "Sheet!A1" for a finding's address, whether or not it already names its sheet. */
export function qualifiedCell(sheet: string, address: string): string {
  if (address.includes("!")) {
    const ref = splitCellRef(address);
    return ref ? `${ref.sheet}!${ref.address}` : address;
  }
  return `${sheet}!${address.replace(/\$/g, "")}`;
}

/** Mismatches, root causes first (a cell others point to, or one nothing else explains), then the rest. */
export function findingsView(report: ReconciliationReport): FindingsView {
  const named = report.mismatch.map((f: ReconciliationFinding) => ({
    f,
    cell: qualifiedCell(f.sheet, f.cell),
    cause: f.rootCause === null ? null : qualifiedCell(f.sheet, f.rootCause),
  }));
  const causes = new Set(named.map((n) => n.cause).filter((c): c is string => c !== null));
  const ordered = named
    .map((n) => ({ ...n, isRoot: n.cause === null || n.cause === n.cell || causes.has(n.cell) }))
    .sort(
      (a, b) =>
        Number(b.isRoot) - Number(a.isRoot) || Math.abs(b.f.difference) - Math.abs(a.f.difference)
    );
  const items: FindingItem[] = ordered.map(({ f, cell, cause, isRoot }) => ({
    cell,
    title: `${cell}: stated ${num(f.stated)}, expected ${num(f.expected)}`,
    detail:
      isRoot && f.explanation
        ? f.explanation
        : `${cause && cause !== cell ? `Likely a consequence of ${cause}. ` : ""}Difference ${num(f.difference)}; parts ${f.parts}.`,
    isRootCause: isRoot,
    kind: "mismatch" as const,
  }));
  // Formula findings after the figures: what to look at even where the figures add up.
  for (const f of report.formulaFindings) {
    const cell = qualifiedCell(f.sheet, f.cell);
    items.push({
      cell,
      title: `${cell}: ${formulaKindLabel(f.kind)}`,
      detail: f.detail,
      isRootCause: false,
      kind: f.kind,
    });
  }
  const n = report.mismatch.length;
  const formulas = report.formulaFindings.length;
  const formulaNote =
    formulas === 0
      ? ""
      : ` ${formulas} ${formulas === 1 ? "formula needs" : "formulas need"} a look.`;
  const summary =
    (report.checked === 0
      ? "No stated totals found to check."
      : n === 0
        ? `All ${report.checked} stated totals add up.`
        : `${n} of ${report.checked} stated totals do not add up.`) + formulaNote;
  const roundingNote =
    report.rounding > 0
      ? `${report.rounding} ${report.rounding === 1 ? "total differs from its" : "totals differ from their"} parts only by rounding (not marked).`
      : null;
  return { items, summary, roundingNote };
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** SVG polyline points "x,y x,y ...". */
  points: string;
  zeroY: number;
  marker: { x: number; y: number; label: string } | null;
  minLabel: string;
  maxLabel: string;
  firstLabel: string;
  lastLabel: string;
}

/** Geometry of the pane's small cumulative chart, with the break-even point marked. */
export function chartGeometry(
  result: PaybackResult,
  unit: Unit,
  width = 280,
  height = 120,
  pad = 8
): ChartGeometry {
  const values = result.cumulative.map((d) => d.toNumber());
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const n = values.length;
  const x = (i: number) => pad + (n <= 1 ? 0 : (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => pad + ((max - v) * (height - 2 * pad)) / span;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const be = result.breakEven;
  return {
    width,
    height,
    points: values.map((v, i) => `${r1(x(i))},${r1(y(v))}`).join(" "),
    zeroY: r1(y(0)),
    marker:
      be.status === "reached"
        ? { x: r1(x(be.index)), y: r1(y(values[be.index])), label: result.periods[be.index].label }
        : null,
    minLabel: moneyText(
      result.cumulative.reduce((m, d) => (d.lessThan(m) ? d : m), result.cumulative[0]),
      unit
    ),
    maxLabel: moneyText(
      result.cumulative.reduce((m, d) => (d.greaterThan(m) ? d : m), result.cumulative[0]),
      unit
    ),
    firstLabel: result.periods[0]?.label ?? "",
    lastLabel: result.periods[n - 1]?.label ?? "",
  };
}

export interface ConventionItem {
  convention: PaybackConvention;
  label: string;
  /** "2.04 years", or why there is none. */
  value: string;
  headline: boolean;
}

const CONVENTION_LABEL: Record<PaybackConvention, string> = {
  "first-investment": "First investment",
  "first-return": "First return",
  simple: "Simple",
  "time-zero": "Time zero",
};

/** The payback in each of the four conventions, the headline's marked. */
export function conventionsView(result: PaybackResult): ConventionItem[] {
  return PAYBACK_CONVENTIONS.map((c) => {
    const figure = result.paybackByConvention[c];
    return {
      convention: c,
      label: CONVENTION_LABEL[c],
      value:
        figure === null
          ? c === "time-zero" && result.conventionNotes[c]?.includes("no Year 0")
            ? "n/a (no Year 0)"
            : "Not reached"
          : `${figure.years.toDecimalPlaces(2).toFixed(2)} years`,
      headline: c === result.convention,
    };
  });
}

export interface StatedPaybackItem {
  cell: string;
  title: string;
  detail: string;
  matches: boolean;
}

/** Each payback the sheet states, with the convention that gives it or the mismatch. */
export function statedPaybacksView(checks: readonly StatedPaybackCheck[]): StatedPaybackItem[] {
  return checks.map((s) => {
    const stated = `${s.stated.years.toDecimalPlaces(2).toString()} years`;
    const computed = s.computedYears === null ? null : `${s.computedYears.toFixed(2)} years`;
    const detail = s.matches
      ? `Matches the ${CONVENTION_LABEL[s.convention as PaybackConvention].toLowerCase()} payback (${computed}).`
      : computed === null
        ? "Not checked: no convention gives a payback on this grid."
        : `Mismatch: no convention gives ${stated}; nearest ${CONVENTION_LABEL[s.convention as PaybackConvention].toLowerCase()}, ${computed}.`;
    return { cell: s.cell, title: `${s.cell}: '${s.stated.text}'`, detail, matches: s.matches };
  });
}

export interface ExcludedItem {
  cell: string;
  text: string;
  holdsMoney: boolean;
}

/** An amount line left out of the payback, with its reason (the reader's GridModel.excluded). */
interface ExcludedLineShape {
  cell: string;
  label: string;
  reason: string;
  holdsMoney: boolean;
}

/** The lines the reader left out of the payback, money first; each with its reason. */
export function excludedView(model: GridModel): ExcludedItem[] {
  const excluded = (model as GridModel & { excluded?: ExcludedLineShape[] }).excluded ?? [];
  return [...excluded]
    .sort((a, b) => Number(b.holdsMoney) - Number(a.holdsMoney))
    .map((e) => ({
      cell: e.cell,
      text: `${e.label ? `'${e.label}': ` : ""}${e.reason}${e.holdsMoney ? " (holds money: the payback leaves it out)" : ""}`,
      holdsMoney: e.holdsMoney,
    }));
}

export interface SchemeItem {
  scheme: string;
  breakEven: string;
  payback: string;
  net: string;
}

/** One scheme of a sheet that holds several. */
interface SchemeShape {
  scheme: string;
  model: GridModel;
  result: PaybackResult;
}

/** One line per scheme where the sheet holds several; empty for a single-scheme sheet. */
export function schemesView(analysis: SheetAnalysis): SchemeItem[] {
  const schemes = (analysis as SheetAnalysis & { schemes?: SchemeShape[] }).schemes ?? [];
  return schemes.map((s) => {
    const kpis = kpiView(s.result, s.model.unit);
    const payback = kpis.find((k) => k.id === "payback") as Kpi;
    return {
      scheme: s.scheme,
      breakEven: kpis[0].value,
      payback: payback.detail ?? payback.value,
      net: moneyText(s.result.totals.net, s.model.unit),
    };
  });
}

/** Any failure as a sentence for a finance user; ItosError messages already name the cell. */
export function errorText(error: unknown): string {
  if (isItosError(error)) return error.message;
  const e = error as { code?: string; message?: string } | null;
  if (e && e.code === "InvalidOperationInCellEditMode")
    return "Excel is busy editing a cell: press Enter or Esc in the sheet, then try again.";
  if (e && typeof e.message === "string" && e.message)
    return `Excel could not complete this: ${e.message}`;
  return "Something went wrong that ITOS did not expect. Nothing further was changed.";
}
