/** Reading a sheet: snapshot -> GridModel (period axis, labels, units, orientation, roles) -> the engine's flows. */
export { type DetectOptions, detectGrid, findGrids } from "./detect";
export { flowsFromModel } from "./flows";
export { classifyLabel, normaliseLabel } from "./labels";
export { hasCountedLines, noPaybackLinesError } from "./excluded";
export { roleFromWord } from "./roleWords";
export {
  type ExcludedLine,
  type GridBlock,
  type GridLine,
  type GridModel,
  type LineRole,
  type PeriodSlot,
  type TrackingLayout,
  type SignConvention,
  type Unit,
  gridCellRef,
  lineCell,
  sheetCell,
  sheetCol,
  sheetRow,
  type GridOrientation,
} from "./model";
export { type SchemeModel, detectSchemes, findSchemeGrids } from "./schemes";
export {
  type SchemeSummary,
  type SummaryRow,
  type SummaryStated,
  type SummaryTotalCheck,
  readSchemeSummary,
} from "./schemeSummary";
export { type StatedInCell, statedHolds, statedInCell } from "./statedText";
