/** Reading a sheet: snapshot -> GridModel (period axis, labels, units, orientation, roles) -> the engine's flows. */
export { type DetectOptions, detectGrid, findGrids } from "./detect";
export { flowsFromModel } from "./flows";
export { classifyLabel, normaliseLabel } from "./labels";
export {
  type GridBlock,
  type GridLine,
  type GridModel,
  type LineRole,
  type PeriodSlot,
  type SignConvention,
  type Unit,
  gridCellRef,
  lineCell,
  sheetCell,
  sheetCol,
  sheetRow,
  type GridOrientation,
} from "./model";
