/** Each check result in plain English, for the reports, the notes on marked cells and the pane. */
import type Decimal from "decimal.js";
import type { CellRef } from "../sheet";
import { formatMoney } from "./money";
import type { CheckResult } from "./reconcile";
import { exactCellKey } from "./rootCauses";

/** An amount as the tables print it, with as many decimals as it has (at most 4). */
export function showAmount(d: Decimal): string {
  return formatMoney(d, Math.min(4, d.decimalPlaces()));
}

/** A difference with its sign in words: "13,921 less", "1 more". */
function showDifference(d: Decimal): string {
  return `${showAmount(d.abs())} ${d.isNegative() ? "less" : "more"}`;
}

/**
 * Plain-English sentence for a check result. `address` names a cell for people; `root` is the
 * likely root cause of a mismatch (the check's own cell when it is the cause).
 */
export function explain(
  r: CheckResult,
  address: (c: CellRef) => string,
  root: CellRef | null
): string {
  const cell = address(r.stated.cell);
  const head = `${cell} (${r.subject}) states ${showAmount(r.stated.value)}`;
  const source = `${r.partsDescription} (${r.partsText})`;
  if (r.status === "match") return `${head}, the same as ${source}.`;
  const against = `${head} against ${showAmount(r.expected)} from ${source}`;
  if (r.status === "rounding") {
    return `${against}: a difference of ${showAmount(r.difference.abs())}, within the ${showAmount(r.tolerance)} that rounding of the displayed amounts can explain.`;
  }
  let text = `${against}: ${showDifference(r.difference)}, more than rounding can explain (${showAmount(r.tolerance)}).`;
  if (root && exactCellKey(root) === exactCellKey(r.stated.cell))
    text += ` ${cell} is the likely cause.`;
  else if (root)
    text += ` This is likely a consequence of ${address(root)}, which explains this and other differences.`;
  return text;
}
