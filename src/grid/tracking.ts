/**
 * Plan versus actual on a sheet: the actual lines the reader set apart, turned into the engine's
 * flows and tracked against the plan's; and their stated totals checked as the plan's are.
 */
import {
  trackAgainstPlan,
  type FlowLine,
  type PaybackOptions,
  type Period,
  type TrackingResult,
} from "../engine";
import type { SheetSnapshot } from "../sheet";
import { flowsFromModel, type GridLine, type GridModel, type TrackingLayout } from "./read";
import { reconcileSheet, type ReconciliationReport } from "./reconcile";

export interface SheetTracking {
  layout: TrackingLayout["layout"];
  /** Why the as-of period is the one it is. */
  asOfFrom: string;
  result: TrackingResult;
  /** What was assumed, in a finance user's words (a plan line with no actual line). */
  notes: string[];
}

const FLOW_ROLES = new Set<GridLine["role"]>(["investment", "return", "cost"]);

/**
 * The actual lines for the engine, with a plan line that has no actual line of its own standing
 * in with its plan figures (said in a note), unless an actual line of its kind with no plan line
 * of its name covers the whole of that kind ("Actual savings" against several savings lines).
 */
function actualFlows(
  model: GridModel,
  tracking: TrackingLayout,
  actual: FlowLine[],
  plan: FlowLine[],
  notes: string[]
): FlowLine[] {
  const tracked = new Set(Object.values(tracking.planOf).filter((k): k is string => k !== null));
  const flowRole = (l: GridLine) => (l.role === "cost" ? "return" : l.role);
  const wholeOfKind = new Set(
    tracking.lines.filter((l) => tracking.planOf[l.key] === null).map(flowRole)
  );
  const out = [...actual];
  for (const line of model.lines) {
    if (!FLOW_ROLES.has(line.role) || tracked.has(line.key) || wholeOfKind.has(flowRole(line)))
      continue;
    const stand = plan.find((f) => f.label === line.label);
    if (!stand) continue;
    out.push(stand);
    notes.push(
      `'${line.label}' has no actual line: its plan figures are taken as its actuals to date.`
    );
  }
  return out;
}

/**
 * The grid as the actual lines see it: their figures where the layout puts them (beside the plan
 * column of each period, for Plan and Actual sub-columns), and the totals of those columns.
 */
function actualModel(model: GridModel, tracking: TrackingLayout): GridModel {
  const at = tracking.actualPositions;
  const lines = tracking.lines;
  if (!at) return { ...model, lines, excluded: [] };
  const periods = model.periods.map((p) => ({ ...p, periodIndex: at[p.periodIndex] }));
  const blocks = model.blocks.map((b) => ({
    ...b,
    totals: b.totals.flatMap((t) =>
      at[t.periodIndex] === undefined ? [] : [{ ...t, periodIndex: at[t.periodIndex] }]
    ),
  }));
  const furthest = Math.max(
    ...periods.map((p) => p.periodIndex),
    ...blocks.flatMap((b) => b.totals.map((t) => t.periodIndex))
  );
  const bounds = { ...model.bounds, right: Math.max(model.bounds.right, furthest) };
  return { ...model, lines, excluded: [], periods, blocks, bounds };
}

/** The sheet's plan against its actuals as of the last actual period; null with no actuals. */
export function trackSheet(
  model: GridModel,
  snapshot: SheetSnapshot,
  flows: { periods: Period[]; lines: FlowLine[] },
  options: PaybackOptions
): SheetTracking | null {
  const tracking = model.tracking;
  if (!tracking || tracking.asOfSlot === null) return null;
  const notes: string[] = [];
  const actual = flowsFromModel(actualModel(model, tracking), snapshot).lines;
  const result = trackAgainstPlan(
    {
      periods: flows.periods,
      plan: flows.lines,
      actual: actualFlows(model, tracking, actual, flows.lines, notes),
      asOf: tracking.asOfSlot,
    },
    options
  );
  return { layout: tracking.layout, asOfFrom: tracking.asOfFrom, result, notes };
}

/** The snapshot with every cell outside the grid blank: the actual lines' checks stay on them. */
function gridOnly(model: GridModel, snapshot: SheetSnapshot): SheetSnapshot {
  const b = model.bounds;
  return {
    ...snapshot,
    values: snapshot.values.map((cells, i) =>
      cells.map((v, j) => {
        const row = snapshot.top + i;
        const col = snapshot.left + j;
        return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right ? v : null;
      })
    ),
  };
}

/**
 * The plan's reconciliation with the actual lines' stated totals checked as the plan's are:
 * their total columns, their total, net and cumulative lines against the actual parts.
 */
export function withActualChecks(
  model: GridModel,
  snapshot: SheetSnapshot,
  plan: ReconciliationReport
): ReconciliationReport {
  const tracking = model.tracking;
  if (!tracking) return plan;
  // Year tables elsewhere are the plan's to check; these checks concern the actual lines alone.
  const seen = actualModel(model, tracking);
  const actual = reconcileSheet(seen, gridOnly(seen, snapshot));
  return {
    checked: plan.checked + actual.checked,
    match: plan.match + actual.match,
    rounding: plan.rounding + actual.rounding,
    mismatch: [...plan.mismatch, ...actual.mismatch],
    roundingNotes: [...plan.roundingNotes, ...actual.roundingNotes],
    unverified: [...plan.unverified, ...actual.unverified],
    formulaFindings: [...plan.formulaFindings, ...actual.formulaFindings],
  };
}
