/**
 * One row of the portfolio: a sheet (or scheme) of a workbook with its analysis, a scheme of a
 * scheme summary (a table with no timeline), or a workbook that could not be read, with the
 * reason. Plain data, so it crosses from a worker thread intact.
 */
import type { sheetReportJson, SchemeSummaryJson } from "../../grid";
import type { LimitJson } from "./limit";

/** The per-sheet fields of `itos analyse --json`. */
export type CaseReport = Omit<ReturnType<typeof sheetReportJson>, "sheet">;

export interface CaseBase {
  /** The workbook's path as the user named it (the folder given, then the path under it). */
  file: string;
  sheet: string | null;
  /** The scheme within the sheet, where a sheet holds several; null for a sheet with one case. */
  scheme: string | null;
}

/** A case read: the report's `convention` is the headline payback's (time-zero for a Year 0 table). */
export interface ReadCase extends CaseBase, CaseReport {
  limit: LimitJson | null;
  error: null;
}

type SummaryJsonRow = SchemeSummaryJson["rows"][number];
type SummaryTotalJson = SchemeSummaryJson["totals"][number];

/**
 * One scheme of a scheme summary: its cost (the total investment), its annual saving, the simple
 * payback (cost / annual saving) and the payback the sheet states, and the stated total savings
 * of its row checked against their parts. There is no timeline, so no break-even period or NPV.
 */
export interface SummaryCase extends CaseBase {
  sheet: string;
  scheme: string;
  kind: "scheme-summary";
  layout: SchemeSummaryJson["layout"];
  /** The scheme's label cell, with its sheet ("LED schemes!B4"). */
  cell: string;
  /** Figures as the table states them: the scheme-summary reader reads no £k or £000s unit. */
  cost: number | null;
  annualSaving: number | null;
  savingCells: string[];
  /**
   * The headline payback in years: cost / annual saving; where the saving is not known, the
   * payback the sheet states (paybackFrom says which); null where the saving is not positive.
   */
  paybackYears: number | null;
  paybackFrom: "cost / annual saving" | "stated" | null;
  convention: "simple";
  /** The payback stated for the scheme, checked against cost / annual saving. */
  stated: SummaryJsonRow["stated"];
  /** Every payback stated for the scheme: its row's, and on a one-scheme sheet the sheet's sentences too. */
  statedPaybacks: SchemeSummaryJson["statedPaybacks"];
  reconciliation: {
    checked: number;
    match: number;
    rounding: number;
    mismatch: SummaryTotalJson[];
  };
  limit: LimitJson | null;
  messages: string[];
  error: null;
}

export interface ErrorCase extends CaseBase {
  error: string;
}

export type PortfolioCase = ReadCase | SummaryCase | ErrorCase;

/** A case read from a payback grid (a timeline). */
export function isReadCase(c: PortfolioCase): c is ReadCase {
  return c.error === null && !isSummaryCase(c);
}

export function isSummaryCase(c: PortfolioCase): c is SummaryCase {
  return "kind" in c && c.kind === "scheme-summary";
}

/** Read one way or the other: a grid case or a scheme of a scheme summary. */
export function wasRead(c: PortfolioCase): c is ReadCase | SummaryCase {
  return c.error === null;
}

/** Where the case stands: paid back, paid back after the limit, never within the horizon, or unread. */
export type CaseStatus = "paid back" | "late" | "never" | "error";

export function caseStatus(c: PortfolioCase): CaseStatus {
  if (!wasRead(c)) return "error";
  if (isSummaryCase(c) ? c.paybackYears === null : c.breakEven === null) return "never";
  return c.limit?.verdict === "exceeds" ? "late" : "paid back";
}
