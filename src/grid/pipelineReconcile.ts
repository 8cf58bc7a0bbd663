/**
 * The pipeline's seam to reconciliation: the report every output uses (the JSON of the `itos`
 * command, the text report, the task pane) and the marks it puts on mismatching cells.
 */
import { reconcileMarks } from "./marks";
import type { GridModel } from "./model";
import { reconcileSheet, type ReconciliationReport } from "./reconcileGrid";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { PlannedMark } from "./writePlan";

export type SheetReconciliation = ReconciliationReport;
export type { Finding as ReconciliationFinding } from "./reconcileGrid";

export function reconcileForPipeline(
  model: GridModel,
  snapshot: SheetSnapshot,
  workbook?: WorkbookSnapshot
): SheetReconciliation {
  return reconcileSheet(model, snapshot, workbook);
}

export function marksForPipeline(report: SheetReconciliation): PlannedMark[] {
  return reconcileMarks(report);
}
