/** The reconciliation as the command reports it: its findings as JSON, and as text. */
import { formatMoney, money } from "../engine";
import { a1, quoteSheetName } from "../sheet";
import { formulaKindLabel, type FormulaFindingKind, type ReconciliationReport } from "./reconcile";

/** A finding as the command prints it: cells with their sheet ("Summary!E5"), parts as in a formula ("'Appendix 1'!N55"). */
export interface FindingJson {
  cell: string;
  stated: number;
  expected: number;
  difference: number;
  parts: string;
  rootCause: string | null;
  explanation: string;
}

export interface ReconciliationJson {
  checked: number;
  match: number;
  rounding: number;
  mismatch: FindingJson[];
  unverified: { cell: string; stated: number; reason: string }[];
  /** Where totals are formulas, what is wrong with the formula (even when the value is right). */
  formulaFindings: FormulaFindingJson[];
}

export interface FormulaFindingJson {
  /** "Case!D11". */
  cell: string;
  kind: FormulaFindingKind;
  detail: string;
  /** The cells it is about ("Case!D10": a part left out), with their sheets. */
  cells: string[];
}

/** A cell or range with its sheet in front, unless it names a sheet already. */
function withSheet(sheet: string, cell: string): string {
  return cell.includes("!") ? cell : `${sheet}!${cell}`;
}

export function reconciliationJson(rec: ReconciliationReport): ReconciliationJson {
  return {
    checked: rec.checked,
    match: rec.match,
    rounding: rec.rounding,
    mismatch: rec.mismatch.map((f) => ({
      cell: withSheet(f.sheet, f.cell),
      stated: f.stated,
      expected: f.expected,
      difference: f.difference,
      // The parts read like a formula, so their sheet is quoted as in one ("'Appendix 1'!B55:M55").
      parts: withSheet(quoteSheetName(f.sheet), f.parts),
      rootCause: f.rootCause === null ? null : withSheet(f.sheet, f.rootCause),
      explanation: f.explanation,
    })),
    unverified: rec.unverified.map((u) => ({
      cell: withSheet(u.sheet, u.cell),
      stated: u.stated,
      reason: u.reason,
    })),
    formulaFindings: rec.formulaFindings.map((f) => ({
      cell: withSheet(f.sheet, f.cell),
      kind: f.kind,
      detail: f.detail,
      cells: f.cells.map((c) => `${c.sheet}!${a1(c.row, c.col)}`),
    })),
  };
}

function findingLine(f: FindingJson): string {
  const cause =
    f.rootCause && f.rootCause !== f.cell
      ? `; likely caused by ${f.rootCause}`
      : f.rootCause === f.cell
        ? "; likely the cause"
        : "";
  const gap = f.stated - f.expected;
  const off = `${shown(Math.abs(gap))} ${gap < 0 ? "short" : "over"}`;
  return `  MISMATCH ${f.cell}: states ${shown(f.stated)} but its parts ${f.parts} add up to ${shown(f.expected)} (${off}${cause})`;
}

/** Whole amounts without decimals, others to the penny. */
function shown(n: number): string {
  return formatMoney(money(n), Number.isInteger(n) ? 0 : 2);
}

/** Mismatches first, with cell addresses, then the counts. */
export function reconciliationText(rec: ReconciliationReport): string {
  const lines: string[] = [];
  const json = reconciliationJson(rec);
  for (const f of json.mismatch) lines.push(findingLine(f));
  for (const f of json.formulaFindings)
    lines.push(`  FORMULA ${f.cell} (${formulaKindLabel(f.kind)}): ${f.detail}`);
  const formulas = json.formulaFindings.length;
  const formulaCount =
    formulas === 0 ? "" : ` ${formulas} formula ${formulas === 1 ? "finding" : "findings"}.`;
  const summary =
    rec.checked === 0
      ? `  Reconciliation: no stated totals checked.${formulaCount}`
      : `  Reconciliation: ${rec.checked} stated totals checked: ${rec.match} match, ${rec.rounding} within rounding, ${rec.mismatch.length} mismatch, ${rec.unverified.length} unverified.${formulaCount}`;
  return [...lines, summary].join("\n");
}
