/** A council's payback limit applied to one case: the grid layer's verdict, shared with analyse. */
export { caseLimit, type LimitJson } from "../../grid";
