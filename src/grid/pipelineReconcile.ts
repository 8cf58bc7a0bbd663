/**
 * The reconciliation report as every output uses it (the JSON of the `itos` command, the text
 * report, the task pane).
 */
export type { ReconciliationReport as SheetReconciliation } from "./reconcile/reconcileGrid";
export type { Finding as ReconciliationFinding } from "./reconcile/reconcileGrid";
