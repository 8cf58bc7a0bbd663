/**
 * One-click reconciliation of a grid: every stated total the model knows of (total lines, net and
 * cumulative lines, FY and grand total columns, and a separate year table such as a "Summary"
 * sheet) is checked against its parts, classified as match / rounding / mismatch, and failures are
 * traced to their likely root cause. A total whose parts cannot be identified is unverified.
 */
import { type SheetSnapshot, type WorkbookSnapshot } from "../../sheet";
import { type GridModel } from "../read";
import { PeriodSums } from "./periodSums";
import { CheckCollector } from "./reconcileTerms";
import { addYearTableChecks, findYearTables } from "./yearTable";
import { gridFormulaFindings } from "./gridFormulas";
import { addLineTotals } from "./lineTotals";
import { addCumulativeLines, addNetLines } from "./netAndCumulativeLines";
import { addFyColumns, addGrandColumns } from "./fyAndGrandColumns";

export type { Unverified } from "./reconcileTerms";
export type { ReconciliationFinding, ReconciliationReport } from "./report";
export { formulaKindLabel, type FormulaFinding, type FormulaFindingKind } from "./formulaFindings";
import { reportFromResults, resultsFromCollector, type ReconciliationReport } from "./report";

/**
 * Reconciles a sheet: every stated total of the grid against its parts and, when the workbook is
 * given, any separate year table (a "Summary" sheet) against the years of the grid. Amounts stay
 * in the grid's own unit.
 */
export function reconcileSheet(
  model: GridModel,
  snapshot: SheetSnapshot,
  workbook?: WorkbookSnapshot
): ReconciliationReport {
  const sheets = new Map<string, SheetSnapshot>([[snapshot.sheetName, snapshot]]);
  for (const s of workbook?.sheets ?? []) if (!sheets.has(s.sheetName)) sheets.set(s.sheetName, s);
  const c = new CheckCollector((name) => sheets.get(name));
  addLineTotals(model, c);
  addNetLines(model, c);
  addCumulativeLines(model, c);
  // FY and grand columns sum runs of the same lines' periods: each line is added up once for both.
  const periods = new PeriodSums(model, c);
  addFyColumns(model, c, periods);
  addGrandColumns(model, c, periods);
  const all = [...sheets.values()];
  for (const table of findYearTables(all, model)) addYearTableChecks(table, model, c);
  const results = resultsFromCollector(c);
  return reportFromResults(
    c,
    results,
    all.map((s) => s.sheetName),
    gridFormulaFindings(model, sheets, results)
  );
}
