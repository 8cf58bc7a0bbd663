/**
 * The view model of the reconciliation list: totals that do not add up, root causes first, then
 * the formula findings, with a one-line summary and the rounding note.
 */
import { splitCellRef } from "../sheet";
import {
  formulaKindLabel,
  type FormulaFindingKind,
  type ReconciliationFinding,
  type ReconciliationReport,
} from "../grid";

export interface FindingItem {
  cell: string;
  title: string;
  detail: string;
  isRootCause: boolean;
  /** "mismatch" for a total that does not add up, else the kind of formula finding. */
  kind: "mismatch" | FormulaFindingKind;
}

export interface FindingsView {
  items: FindingItem[];
  summary: string;
  roundingNote: string | null;
}

function num(n: number): string {
  const sign = n < 0 ? "-" : "";
  return (
    sign + Math.abs(Math.round(n * 100) / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })
  );
}

/** "Sheet!A1" for a finding's address, whether or not it already names its sheet. */
export function qualifiedCell(sheet: string, address: string): string {
  if (address.includes("!")) {
    const ref = splitCellRef(address);
    return ref ? `${ref.sheet}!${ref.address}` : address;
  }
  return `${sheet}!${address.replace(/\$/g, "")}`;
}

/** Mismatches, root causes first (a cell others point to, or one nothing else explains), then the rest. */
export function findingsView(report: ReconciliationReport): FindingsView {
  const named = report.mismatch.map((f: ReconciliationFinding) => ({
    f,
    cell: qualifiedCell(f.sheet, f.cell),
    cause: f.rootCause === null ? null : qualifiedCell(f.sheet, f.rootCause),
  }));
  const causes = new Set(named.map((n) => n.cause).filter((c): c is string => c !== null));
  const ordered = named
    .map((n) => ({ ...n, isRoot: n.cause === null || n.cause === n.cell || causes.has(n.cell) }))
    .sort(
      (a, b) =>
        Number(b.isRoot) - Number(a.isRoot) || Math.abs(b.f.difference) - Math.abs(a.f.difference)
    );
  const items: FindingItem[] = ordered.map(({ f, cell, cause, isRoot }) => ({
    cell,
    title: `${cell}: stated ${num(f.stated)}, expected ${num(f.expected)}`,
    detail:
      isRoot && f.explanation
        ? f.explanation
        : `${cause && cause !== cell ? `Likely a consequence of ${cause}. ` : ""}Difference ${num(f.difference)}; parts ${f.parts}.`,
    isRootCause: isRoot,
    kind: "mismatch" as const,
  }));
  // Formula findings after the figures: what to look at even where the figures add up.
  for (const f of report.formulaFindings) {
    const cell = qualifiedCell(f.sheet, f.cell);
    items.push({
      cell,
      title: `${cell}: ${formulaKindLabel(f.kind)}`,
      detail: f.detail,
      isRootCause: false,
      kind: f.kind,
    });
  }
  const n = report.mismatch.length;
  const formulas = report.formulaFindings.length;
  const formulaNote =
    formulas === 0
      ? ""
      : ` ${formulas} ${formulas === 1 ? "formula needs" : "formulas need"} a look.`;
  const summary =
    (report.checked === 0
      ? "No stated totals found to check."
      : n === 0
        ? `All ${report.checked} stated totals add up.`
        : `${n} of ${report.checked} stated totals do not add up.`) + formulaNote;
  const roundingNote =
    report.rounding > 0
      ? `${report.rounding} ${report.rounding === 1 ? "total differs from its" : "totals differ from their"} parts only by rounding (not marked).`
      : null;
  return { items, summary, roundingNote };
}
