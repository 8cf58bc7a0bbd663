/** GridModel + results -> WritePlan: the analysis section, KPIs, names, highlight, marks and notes, and where they go. */
export { reconcileMarks } from "./marks";
export { type PlanOptions, buildWritePlan } from "./plan";
export {
  type PlannedCell,
  type PlannedChart,
  type PlannedMark,
  type WritePlan,
  emptyPlan,
} from "./writePlan";
