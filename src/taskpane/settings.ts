/**
 * The user's settings in the task pane: the payback basis, the discount rate as typed, where the
 * output goes, and the roles chosen or lines left out; and the engine options they come to.
 */
import { DEFAULT_OPTIONS, Money, type PaybackConvention } from "../engine";
import { normaliseLabel, type AnalyseOptions, type LineRole } from "../grid";

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
