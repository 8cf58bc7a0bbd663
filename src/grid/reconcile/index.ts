/** Every stated-total check of a grid (rows, columns, derived lines, year tables) and the report of them. */
export {
  type ReconciliationFinding,
  type ReconciliationReport,
  type FormulaFinding,
  type FormulaFindingKind,
  reconcileSheet,
  formulaKindLabel,
} from "./reconcileGrid";
export {
  type StatedPaybackCheck,
  type StatedPaybackFound,
  checkStatedPaybacks,
  findStatedPaybacks,
} from "./statedPaybacks";
