/** The file adapter (Node only): .xlsx -> snapshot, write plan -> .xlsx. */
export { loadWorkbook, readWorkbook, snapshotFromWorkbook } from "./readWorkbook";
export {
  applyPlanToWorkbook,
  removeItosOutput,
  listItosFormulaCells,
  itosNames,
  CHART_SKIPPED,
  type WrittenFormula,
} from "./writeWorkbook";
export { applyToFile, type ApplyFileOptions, type ApplyFileResult } from "./applyToFile";
export {
  checkPortfolioTarget,
  portfolioWorkbook,
  writePortfolioWorkbook,
  PORTFOLIO_SHEET,
  PORTFOLIO_TABLE,
  type PortfolioRow,
  type PortfolioWorkbookOptions,
} from "./portfolioWorkbook";
