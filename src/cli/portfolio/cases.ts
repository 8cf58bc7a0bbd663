/**
 * One row of the portfolio: a sheet (or scheme) of a workbook with its analysis, or a workbook
 * that could not be read, with the reason. Plain data, so it crosses from a worker thread intact.
 */
import type { sheetReportJson } from "../../grid";
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

export interface ErrorCase extends CaseBase {
  error: string;
}

export type PortfolioCase = ReadCase | ErrorCase;

export function isReadCase(c: PortfolioCase): c is ReadCase {
  return c.error === null;
}

/** Where the case stands: paid back, paid back after the limit, never within the horizon, or unread. */
export type CaseStatus = "paid back" | "late" | "never" | "error";

export function caseStatus(c: PortfolioCase): CaseStatus {
  if (!isReadCase(c)) return "error";
  if (c.breakEven === null) return "never";
  return c.limit?.verdict === "exceeds" ? "late" : "paid back";
}
