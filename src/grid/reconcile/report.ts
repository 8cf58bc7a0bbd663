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
import type { FormulaFinding } from "./formulaFindings";
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
  /** Where totals are formulas: parts left out, typed totals, formulas out of line, other workbooks, errors. */
  formulaFindings: FormulaFinding[];
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

function byPosition(
  a: { sheet: string; cell: string },
  b: { sheet: string; cell: string },
  sheets: string[]
): number {
  const pa = parseCellAddress(a.cell);
  const pb = parseCellAddress(b.cell);
  return sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || pa.row - pb.row || pa.col - pb.col;
}

/** Every check of a set of collected families, evaluated (the reading each family follows). */
export function resultsFromCollector(c: CheckCollector): CheckResult[] {
  const results: CheckResult[] = [];
  for (const family of c.families) {
    const chosen = chooseReading(family.options, c.memo);
    if ("results" in chosen) results.push(...chosen.results);
    else if (family.reason === null)
      results.push(...family.options[0]().map((check) => evaluate(check, c.memo)));
    else for (const chk of family.options[0]()) c.addUnverified(chk.stated.cell, family.reason);
  }
  return results;
}

/**
 * A mismatch whose own formula explains it (a part left out, a number typed over the formula)
 * says so in its explanation, so the reader sees the cause beside the figures.
 */
function withFormulaCause(
  f: ReconciliationFinding,
  formulas: Map<string, FormulaFinding>
): ReconciliationFinding {
  const own = formulas.get(`${f.sheet}!${f.cell}`);
  if (!own || f.status !== "mismatch" || (own.kind !== "omits-part" && own.kind !== "hard-coded"))
    return f;
  const why =
    own.kind === "omits-part"
      ? `Its formula leaves out ${own.cells.map((c) => addressFrom(c, f.sheet)).join(", ")}.`
      : "It is a typed number where its neighbours are formulas.";
  return { ...f, explanation: `${f.explanation} ${why}` };
}

/** The report of evaluated checks, with root causes, findings and the formula findings. */
export function reportFromResults(
  c: CheckCollector,
  results: CheckResult[],
  sheetOrder: string[],
  formulaFindings: FormulaFinding[] = []
): ReconciliationReport {
  const roots = findRootCauses(results);
  const formulas = new Map(formulaFindings.map((f) => [`${f.sheet}!${f.cell}`, f]));
  const findings = results.flatMap((r, i) =>
    r.status === "match" ? [] : [withFormulaCause(toFinding(r, roots.get(i) ?? null), formulas)]
  );
  const inSheetOrder = <T extends { sheet: string; cell: string }>(list: T[]): T[] =>
    [...list].sort((a, b) => byPosition(a, b, sheetOrder));
  return {
    checked: results.length,
    match: results.filter((r) => r.status === "match").length,
    rounding: results.filter((r) => r.status === "rounding").length,
    mismatch: inSheetOrder(findings.filter((f) => f.status === "mismatch")),
    roundingNotes: inSheetOrder(findings.filter((f) => f.status === "rounding")),
    unverified: c.unverified,
    formulaFindings: inSheetOrder(formulaFindings),
  };
}
