/**
 * The pipeline's seam to reconciliation: the report shape every output uses (the JSON of the
 * `itos` command, the text report, the task pane) and the marks it puts on mismatching cells.
 */
import type { GridModel } from "./model";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { PlannedMark } from "./writePlan";

export interface ReconciliationFinding {
  /** "Appendix 1!H6" */
  cell: string;
  stated: number;
  expected: number;
  difference: number;
  /** The parts' range or list ("Appendix 1!B6:G6"). */
  parts: string;
  /** The cell that likely explains this finding, when another one does. */
  rootCause: string | null;
  explanation?: string;
}

export interface SheetReconciliation {
  checked: number;
  match: number;
  rounding: number;
  mismatch: ReconciliationFinding[];
  unverified: unknown[];
}

export function emptyReconciliation(): SheetReconciliation {
  return { checked: 0, match: 0, rounding: 0, mismatch: [], unverified: [] };
}

export function reconcileForPipeline(model: GridModel, snapshot: SheetSnapshot, workbook?: WorkbookSnapshot): SheetReconciliation {
  void model;
  void snapshot;
  void workbook;
  return emptyReconciliation();
}

export function marksForPipeline(report: SheetReconciliation): PlannedMark[] {
  void report;
  return [];
}
