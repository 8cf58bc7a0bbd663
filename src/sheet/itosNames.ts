/**
 * The workbook names that tag what ITOS wrote. Both adapters (Excel and .xlsx files) and the
 * planner read them with these predicates, so a workbook marked by one is understood by the other.
 */
export const ITOS_PREFIX = "ITOS_";

/**
 * Stem of the names on reconciliation marks: ITOS_Mark_<n> in Excel, ITOS_Marks<suffix>_<n> in a
 * plan. A mark sits on the user's own cell, so it is never output: removing output or re-running
 * must not clear or overwrite that cell.
 */
export const MARK_NAME_STEM = "ITOS_Mark";

export function isItosName(name: string): boolean {
  return name.startsWith(ITOS_PREFIX);
}

export function isMarkName(name: string): boolean {
  return name.startsWith(MARK_NAME_STEM);
}
