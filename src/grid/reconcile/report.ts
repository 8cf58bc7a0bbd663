/** The reconciliation report: every evaluated check as a finding, with its likely root cause, in sheet order. */
import {
  chooseReading,
  evaluate,
  explain,
  findRootCauses,
  type CheckResult,
  type CheckStatus,
} from "../../engine";
import { a1, parseCellAddress, type CellRef } from "../../sheet";
import { addressFrom, type CheckCollector, type Unverified } from "./reconcileTerms";

export interface ReconciliationFinding {
  sheet: string;
  /** A1 address on its sheet ("N55"). */
  cell: string;
  stated: number;
  expected: number;
  difference: number;
  tolerance: number;
  /** The parts: a range ("B55:M55") or a list, with the sheet where it is another sheet. */
  parts: string;
  status: CheckStatus;
  /** The cell believed to cause this finding (with its sheet when on another sheet); equal to `cell` when it is the cause. */
  rootCause: string | null;
  explanation: string;
}

export interface ReconciliationReport {
  /** Checks made (unverified totals are not counted). */
  checked: number;
  match: number;
  rounding: number;
  mismatch: ReconciliationFinding[];
  roundingNotes: ReconciliationFinding[];
  unverified: Unverified[];
}

function toFinding(r: CheckResult, root: CellRef | null): ReconciliationFinding {
  const sheet = r.stated.cell.sheet;
  return {
    sheet,
    cell: a1(r.stated.cell.row, r.stated.cell.col),
    stated: r.stated.value.toNumber(),
    expected: r.expected.toNumber(),
    difference: r.difference.toNumber(),
    tolerance: r.tolerance.toNumber(),
    parts: r.partsText,
    status: r.status,
    rootCause: root ? addressFrom(root, sheet) : null,
    explanation: explain(r, (cell) => addressFrom(cell, sheet), root),
  };
}

function byPosition(a: ReconciliationFinding, b: ReconciliationFinding, sheets: string[]): number {
  const pa = parseCellAddress(a.cell);
  const pb = parseCellAddress(b.cell);
  return sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || pa.row - pb.row || pa.col - pb.col;
}

/** Every check of a set of collected families, evaluated, with root causes and findings. */
export function reportFromCollector(c: CheckCollector, sheetOrder: string[]): ReconciliationReport {
  const results: CheckResult[] = [];
  for (const family of c.families) {
    const chosen = chooseReading(family.options, c.memo);
    if ("results" in chosen) results.push(...chosen.results);
    else if (family.reason === null)
      results.push(...family.options[0]().map((check) => evaluate(check, c.memo)));
    else for (const chk of family.options[0]()) c.addUnverified(chk.stated.cell, family.reason);
  }
  const roots = findRootCauses(results);
  const findings = results.flatMap((r, i) =>
    r.status === "match" ? [] : [toFinding(r, roots.get(i) ?? null)]
  );
  const order = (list: ReconciliationFinding[]) =>
    list.sort((a, b) => byPosition(a, b, sheetOrder));
  return {
    checked: results.length,
    match: results.filter((r) => r.status === "match").length,
    rounding: results.filter((r) => r.status === "rounding").length,
    mismatch: order(findings.filter((f) => f.status === "mismatch")),
    roundingNotes: order(findings.filter((f) => f.status === "rounding")),
    unverified: c.unverified,
  };
}
