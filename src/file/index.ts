/** The file adapter (Node only): .xlsx -> snapshot, write plan -> .xlsx edited in place. */
export { loadWorkbook, readWorkbook, readUserWorkbook, snapshotFromWorkbook } from "./readWorkbook";
export { WorkbookEditor, CHART_SKIPPED, type OwnedName } from "./workbookEditor";
export { listItosFormulaCells, readItosNames, type WrittenFormula } from "./itosOutput";
export { applyToFile, type ApplyFileOptions, type ApplyFileResult } from "./applyToFile";
export { OutputFileError } from "./outputFile";
export {
  checkPortfolioTarget,
  portfolioWorkbook,
  writePortfolioWorkbook,
  PORTFOLIO_SHEET,
  PORTFOLIO_TABLE,
  type PortfolioRow,
  type PortfolioWorkbookOptions,
} from "./portfolioWorkbook";
