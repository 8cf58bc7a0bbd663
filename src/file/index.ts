/** The file adapter (Node only): .xlsx -> snapshot, write plan -> .xlsx. */
export { readWorkbook, snapshotFromWorkbook } from "./readWorkbook";
export {
  applyPlanToWorkbook,
  removeItosOutput,
  listItosFormulaCells,
  itosNames,
  CHART_SKIPPED,
  type WrittenFormula,
} from "./writeWorkbook";
export {
  applyToFile,
  loadWorkbook,
  type ApplyFileOptions,
  type ApplyFileResult,
} from "./applyToFile";
