/**
 * The grid layer's only door: the pipeline (read, payback, reconcile, plan) and its reports, for the
 * adapters, the pane, the custom functions and the command. Pure: no Office, no files.
 */
export {
  type AnalyseOptions,
  type SchemeAnalysis,
  type SheetAnalysis,
  type SheetOutcome,
  type WorkbookAnalyseOptions,
  analyseSheet,
  analyseWorkbook,
  analyseWorkbookSheets,
  nameSuffixFor,
  planAnalysis,
  summariseWorkbook,
} from "./pipeline";
export { type SchemeSummaryJson, schemeSummaryJson, schemeSummaryText } from "./schemeReport";
export {
  type PlanOptions,
  type PlannedCell,
  type PlannedChart,
  type PlannedMark,
  type WritePlan,
  emptyPlan,
} from "./plan";
export { type StatedPaybackCheck } from "./reconcile";
export { AMOUNT_LIMIT } from "./amountRange";
export { roleCell } from "./roleCells";
export {
  type FormulaFinding,
  type FormulaFindingKind,
  type ReconciliationFinding,
  type ReconciliationReport,
  formulaKindLabel,
} from "./reconcile";
export {
  type SchemeSummary,
  type SummaryRow,
  type SummaryStated,
  type SummaryTotalCheck,
  type StatedInCell,
  statedHolds,
  statedInCell,
  type GridModel,
  type LineRole,
  type SignConvention,
  type Unit,
  normaliseLabel,
  sheetCell,
} from "./read";
export {
  type SheetErrorJson,
  type SheetReportJson,
  reconciliationText,
  roleHint,
  sheetErrorJson,
  sheetErrorText,
  sheetReportJson,
  sheetReportText,
  statedPaybacksText,
} from "./report";
export {
  type AllSheetsOptions,
  type AllSheetsPlan,
  NO_ROOM_NOTE,
  allSheetsMessage,
  planAllSheets,
} from "./allSheets";
export { type PortfolioSheetRow, PORTFOLIO_NAME, PORTFOLIO_SHEET_NAME } from "./plan";
export { type SheetTracking } from "./tracking";
export { type TrackingJson } from "./trackingReport";
export { type LimitJson, caseLimit, marginText } from "./caseLimit";
export {
  type HeadroomJson,
  type ScenarioJson,
  type ScenarioRequest,
  type WhatIfJson,
  scenarioJson,
  scenarioText,
} from "./scenarioReport";
