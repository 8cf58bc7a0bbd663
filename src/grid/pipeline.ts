/**
 * One orchestration for every adapter: the `itos` command and the Excel task pane both call
 * analyseSheet then planAnalysis, so what the command proves on a file is what the add-in does.
 */
import type Decimal from "decimal.js";
import { analysePayback } from "../engine/payback";
import type { Basis, FlowLine, PaybackResult, Period } from "../engine/types";
import { detectGrid } from "./detect";
import { flowsFromModel } from "./flows";
import type { GridModel, LineRole } from "./model";
import { buildWritePlan, type PlanOptions } from "./plan";
import { reconcileForPipeline, marksForPipeline, type SheetReconciliation } from "./pipelineReconcile";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { WritePlan } from "./writePlan";

export type { SheetReconciliation } from "./pipelineReconcile";

export interface AnalyseOptions {
  basis?: Basis;
  /** Annual discount rate (0.035 by default). */
  discountRate?: Decimal.Value;
  fyStartMonth?: number;
  /** Roles chosen by the user for lines the reader could not decide, by line key. */
  roleOverrides?: Record<string, LineRole>;
  /** Line keys the user left out of the payback (they become "ignored"). */
  excludedLines?: string[];
}

export interface SheetAnalysis {
  /** The grid as read, with excluded lines turned to "ignored". */
  model: GridModel;
  flows: { periods: Period[]; lines: FlowLine[] };
  result: PaybackResult;
  reconciliation: SheetReconciliation;
}

function withoutExcluded(model: GridModel, excluded: readonly string[] | undefined): GridModel {
  if (!excluded || excluded.length === 0) return model;
  const out = new Set(excluded);
  return { ...model, lines: model.lines.map((l) => (out.has(l.key) ? { ...l, role: "ignored" as const } : l)) };
}

/** Reads the grid, runs the payback engine on its component lines and checks its stated totals. */
export function analyseSheet(snapshot: SheetSnapshot, options: AnalyseOptions = {}, workbook?: WorkbookSnapshot): SheetAnalysis {
  const detected = detectGrid(snapshot, { fyStartMonth: options.fyStartMonth, roleOverrides: options.roleOverrides });
  const model = withoutExcluded(detected, options.excludedLines);
  const flows = flowsFromModel(model, snapshot);
  const result = analysePayback(flows, { basis: options.basis, discountRate: options.discountRate, fyStartMonth: options.fyStartMonth });
  // Reconciliation checks the grid as the user laid it out, exclusions or not.
  const reconciliation = reconcileForPipeline(detected, snapshot, workbook);
  return { model, flows, result, reconciliation };
}

/** The cells, names, formats, chart and marks to write for an analysed sheet. */
export function planAnalysis(analysis: SheetAnalysis, snapshot: SheetSnapshot, options: PlanOptions = {}): WritePlan {
  return buildWritePlan({ model: analysis.model, result: analysis.result, marks: marksForPipeline(analysis.reconciliation) }, snapshot, options);
}
