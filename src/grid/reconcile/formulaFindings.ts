/**
 * The formula side of the reconciliation: where stated totals are formulas, the formula is
 * checked as well as the value.
 *   - omits-part:   the total's formula covers fewer of its parts than the grid says it should
 *                   (reported even when the value happens to match);
 *   - hard-coded:   a typed number where the same total along its line is a formula;
 *   - inconsistent: a formula whose R1C1 form differs from the majority along its line;
 *   - external:     a formula that takes figures from another workbook;
 *   - error:        a formula that holds or yields an error (#REF! left by a deleted row).
 * It knows the grid only through what the caller hands it (lines of stated cells, stated totals
 * with their readings of parts), so it works for any layout. A false alarm costs more than a
 * missed finding: whatever it cannot read as a plain sum it leaves alone.
 */
import { errorLiterals, externalWorkbooks, refBounds, type Token } from "../../sheet";
import { FormulaCache, key } from "./formulaCache";
import { hardCoded, outOfLine } from "./formulaLineFindings";
import { PlainDirectCoverage } from "./formulaCoverage";
import { omission } from "./formulaOmission";
import {
  isError,
  type FormulaCell,
  type FormulaFinding,
  type FormulaFindingKind,
  type FormulaWorkbook,
  type StatedLine,
  type StatedTotal,
  type TotalLookup,
} from "./formulaTerms";
import { cellA1, listText, named } from "./formulaWording";

export type {
  FormulaFinding,
  FormulaFindingKind,
  FormulaWorkbook,
  StatedLine,
  StatedTotal,
  TotalLookup,
} from "./formulaTerms";
export { cellA1, formulaKindLabel } from "./formulaWording";

/** Every formula finding of a sheet's tables. */
export function formulaFindings(
  wb: FormulaWorkbook,
  lines: StatedLine[],
  totals: StatedTotal[],
  /** The totals by cell number (key), one each, when the caller has them so already. */
  byCell?: TotalLookup
): FormulaFinding[] {
  const cache = new FormulaCache(wb);
  const findings: FormulaFinding[] = [];
  const flagged = new Set<number>();
  const totalAt: TotalLookup = byCell ?? new Map(totals.map((t) => [key(t.cell), t]));
  const subjectOf = subjectsOf(lines, totalAt);
  const add = (c: FormulaCell, kind: FormulaFindingKind, detail: string, cells: FormulaCell[]) => {
    findings.push({ sheet: c.sheet, cell: cellA1(c), kind, detail, cells });
    flagged.add(key(c));
  };

  // Errors and other workbooks first: such a formula is not compared with anything else.
  for (const c of suspectCells(wb, lines, totals)) {
    const tokens = cache.tokensAt(c);
    if (tokens === null) continue;
    const formula = wb.formulaAt(c.sheet, c.row, c.col)!;
    const value = wb.valueAt(c.sheet, c.row, c.col);
    const literals = errorLiterals(tokens);
    // An error that comes from a cell it refers to is that cell's finding, not this one's.
    if (literals.length === 0 && isError(value) && refersToError(wb, tokens, c)) continue;
    if (literals.length > 0 || isError(value)) {
      const shown = isError(value) ? value.error : literals[0];
      const why = literals.includes("#REF!")
        ? "refers to a cell that no longer exists (#REF!, left when a row or column was deleted)"
        : `gives the error ${shown}`;
      add(
        c,
        "error",
        `${named(c, c.sheet)} (${subjectOf(c)}) is ${formula}, which ${why}: it cannot be checked until it is mended.`,
        []
      );
      continue;
    }
    const books = externalWorkbooks(tokens);
    if (books.length > 0) {
      const which = books.map((b) => (/^\d+$/.test(b) ? `external link [${b}]` : b));
      add(
        c,
        "external",
        `${named(c, c.sheet)} (${subjectOf(c)}) is ${formula}, which takes its figure from another workbook (${listText(which)}): it will not follow changes made in this one.`,
        []
      );
    }
  }

  // A total that leaves nothing out once the totals it refers to are mended is only their
  // consequence: passes repeat until no finding is explained away by another.
  let omissions = new Map<
    number,
    { total: StatedTotal; detail: string; missing: FormulaCell[]; parts: FormulaCell[] }
  >();
  // Most sheets have no error or other workbook: then every total is a candidate, as it is.
  let candidates = flagged.size === 0 ? totals : totals.filter((t) => !flagged.has(key(t.cell)));
  const direct = new PlainDirectCoverage();
  for (let pass = 0; pass < 4; pass++) {
    const intended = new Map([...omissions].map(([k, o]) => [k, o.parts]));
    const next = new Map<
      number,
      { total: StatedTotal; detail: string; missing: FormulaCell[]; parts: FormulaCell[] }
    >();
    for (const t of candidates) {
      const finding = omission(cache, direct, t, intended, totalAt, flagged);
      if (finding) next.set(key(t.cell), { total: t, ...finding });
    }
    const stable = next.size === omissions.size && [...next.keys()].every((k) => omissions.has(k));
    omissions = next;
    candidates = [...next.values()].map((o) => o.total);
    if (stable) break;
  }
  for (const o of omissions.values()) add(o.total.cell, "omits-part", o.detail, o.missing);

  for (const line of lines) {
    hardCoded(cache, line, totalAt, subjectOf, flagged, add);
    if (line.compareForms) outOfLine(cache, line, subjectOf, flagged, add);
  }
  return findings;
}

/**
 * What a cell is, for sentences: its total's subject, else that of the first line it is on, else
 * its address. Only the few cells with findings are asked for, so the lines' subjects are looked
 * up (and a line's built) only then.
 */
function subjectsOf(lines: StatedLine[], totalAt: TotalLookup): (c: FormulaCell) => string {
  let onLine: Map<number, { line: StatedLine; index: number }> | null = null;
  return (c) => {
    const k = key(c);
    const total = totalAt.get(k);
    if (total) return total.subject;
    if (onLine === null) {
      onLine = new Map();
      for (const line of lines)
        line.cells.forEach((cell, index) => {
          const at = key(cell);
          if (!onLine!.has(at)) onLine!.set(at, { line, index });
        });
    }
    const found = onLine.get(k);
    if (!found) return cellA1(c);
    const { subjects } = found.line;
    return typeof subjects === "function" ? subjects(found.index) : subjects[found.index];
  };
}

/**
 * The stated cells (each once, in the order met) whose formula may hold an error or take a figure
 * from another workbook: those showing an error value, or with "#" or "[" in the formula, as every
 * error literal and other workbook's reference is written. The rest need not be read for that.
 */
function suspectCells(
  wb: FormulaWorkbook,
  lines: StatedLine[],
  totals: StatedTotal[]
): FormulaCell[] {
  const seen = new Set<number>();
  const suspects: FormulaCell[] = [];
  // Cells come sheet by sheet: whether their sheet is clear is asked once per run of them.
  let lastSheet: string | null = null;
  let clear = false;
  const visit = (c: FormulaCell) => {
    if (c.sheet !== lastSheet) {
      lastSheet = c.sheet;
      clear = wb.clearOfSuspects?.(c.sheet) ?? false;
    }
    if (clear) return;
    const formula = wb.formulaAt(c.sheet, c.row, c.col);
    if (formula === null) return;
    if (
      !formula.includes("#") &&
      !formula.includes("[") &&
      !isError(wb.valueAt(c.sheet, c.row, c.col))
    )
      return;
    const k = key(c);
    if (seen.has(k)) return;
    seen.add(k);
    suspects.push(c);
  };
  for (const line of lines) for (const c of line.cells) visit(c);
  for (const t of totals) visit(t.cell);
  return suspects;
}

/** Whether any cell a formula refers to holds an error value (so the error is passed on). */
function refersToError(wb: FormulaWorkbook, tokens: Token[], at: FormulaCell): boolean {
  for (const t of tokens) {
    if (t.kind !== "ref" || t.ref.workbook !== null) continue;
    const sheet = t.ref.sheet ?? at.sheet;
    const used = wb.bounds(sheet);
    if (!used) continue;
    const b = refBounds(t.ref);
    for (let row = Math.max(b.top, used.top); row <= Math.min(b.bottom, used.bottom); row++)
      for (let col = Math.max(b.left, used.left); col <= Math.min(b.right, used.right); col++)
        if (isError(wb.valueAt(sheet, row, col))) return true;
  }
  return false;
}
