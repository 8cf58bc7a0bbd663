/**
 * Plan and actual sub-columns under each period, periods across: a header row of periods, each
 * heading two columns, and under it "Plan | Actual" (or "Actual | Budget"). The plan column is
 * read as the period's, its header moved there when it sat over the actual one, and the actual
 * column beside it is remembered: the plan's payback reads the plan figures, tracking the actual.
 */
import { cellAt, formatAt, isBlank, type CellValue, type SheetSnapshot } from "../../sheet";

const PLAN_WORD = /^(plan|planned|budget|budgeted|forecast)$/;
const ACTUAL_WORD = /^actuals?$/;

export interface PeriodPairs {
  /** The sheet row of the "Plan" / "Actual" sub-headings. */
  row: number;
  /** Each plan column's actual column, sheet coordinates. */
  actualOf: Map<number, number>;
}

/** A change to one cell of the snapshot: its value, and its number format when given. */
export type CellEdit = (row: number, col: number, value: CellValue, format?: string | null) => void;

function word(v: CellValue): string | null {
  return typeof v === "string" && !isBlank(v) ? v.trim().toLowerCase() : null;
}

/** The plan and actual columns of the pairs in one row of sub-headings; null unless all pair up. */
function pairsInRow(
  snapshot: SheetSnapshot,
  row: number
): { plan: number; actual: number }[] | null {
  const width = snapshot.values[row - snapshot.top]?.length ?? 0;
  const pairs: { plan: number; actual: number }[] = [];
  for (let j = 0; j < width; j++) {
    const col = snapshot.left + j;
    const here = word(cellAt(snapshot, row, col));
    if (here === null || !(PLAN_WORD.test(here) || ACTUAL_WORD.test(here))) continue;
    const next = word(cellAt(snapshot, row, col + 1));
    if (next === null) return null;
    if (PLAN_WORD.test(here) && ACTUAL_WORD.test(next)) pairs.push({ plan: col, actual: col + 1 });
    else if (ACTUAL_WORD.test(here) && PLAN_WORD.test(next))
      pairs.push({ plan: col + 1, actual: col });
    else return null;
    j++;
  }
  // One pair alone is more likely two columns of a table than a timeline.
  return pairs.length >= 2 ? pairs : null;
}

/**
 * Finds the sub-heading row whose every Plan / Actual pair has a heading above one of its two
 * cells (a merged heading sits in the first), moves each heading over the plan column and blanks
 * the sub-headings; null, and nothing changed, where the sheet has no such row.
 */
export function findPeriodPairs(snapshot: SheetSnapshot, edit: CellEdit): PeriodPairs | null {
  for (let i = 1; i < snapshot.values.length; i++) {
    const row = snapshot.top + i;
    const pairs = pairsInRow(snapshot, row);
    if (!pairs) continue;
    const above = row - 1;
    const headed = pairs.map((p) => {
      const [plan, actual] = [cellAt(snapshot, above, p.plan), cellAt(snapshot, above, p.actual)];
      if (!isBlank(plan) && (isBlank(actual) || actual === plan)) return { ...p, from: p.plan };
      if (isBlank(plan) && !isBlank(actual)) return { ...p, from: p.actual };
      return null;
    });
    if (headed.some((h) => h === null)) continue;
    for (const h of headed as NonNullable<(typeof headed)[number]>[]) {
      if (h.from !== h.plan)
        edit(above, h.plan, cellAt(snapshot, above, h.from), formatAt(snapshot, above, h.from));
      // One period heading, over the plan column: a merged heading's copy goes.
      if (!isBlank(cellAt(snapshot, above, h.actual))) edit(above, h.actual, null);
      edit(row, h.plan, null);
      edit(row, h.actual, null);
    }
    return { row, actualOf: new Map(pairs.map((p) => [p.plan, p.actual])) };
  }
  return null;
}
