/**
 * The analysis as the `itos` command reports it: the per-sheet JSON document of the command's
 * contract, and a short human report (break-even first, then the year table, then reconciliation).
 */
export {
  type SchemeReportJson,
  type SheetReportJson,
  type YearJson,
  sheetReportJson,
} from "./sheetReportJson";
export { sheetReportText, excludedText } from "./sheetReportText";
export { periodKey } from "./reportFields";
export {
  type FindingJson,
  type FormulaFindingJson,
  type ReconciliationJson,
  reconciliationJson,
  reconciliationText,
} from "./reconciliationReport";
export { type StatedPaybackJson, statedPaybacksText } from "./statedPaybackReport";
export {
  type SheetErrorJson,
  roleHint,
  sheetErrorCells,
  sheetErrorJson,
  sheetErrorText,
} from "./sheetErrorReport";
