/**
 * The formula findings of a detected grid: its stated cells laid out as lines (each total, net and
 * cumulative line across its periods, block by block; each total column down its lines; each
 * line across its year totals), and its stated totals with the parts the value checks read for
 * them. Everything the findings need comes from the model and the checks already made.
 */
import type { CheckResult } from "../../engine";
import type { CellRef, SheetSnapshot } from "../../sheet";
import { sheetCell, type GridLine, type GridModel, type LineRole } from "../read";
import {
  formulaFindings,
  type FormulaFinding,
  type FormulaWorkbook,
  type StatedLine,
  type StatedTotal,
} from "./formulaFindings";

/** Lines whose period cells are stated totals, compared along the line. */
const DERIVED: ReadonlySet<LineRole> = new Set([
  "total-investment",
  "total-return",
  "net",
  "cumulative",
]);
/** Lines whose total columns are sums of their periods. */
const SUMMED: ReadonlySet<LineRole> = new Set([
  "investment",
  "return",
  "total-investment",
  "total-return",
  "net",
]);

function workbookOf(sheets: Map<string, SheetSnapshot>): FormulaWorkbook {
  // Read straight from the snapshot's arrays: this runs for every stated cell of a large sheet.
  let lastName = "";
  let last: SheetSnapshot | undefined;
  const sheetOf = (name: string) => {
    if (name !== lastName) {
      lastName = name;
      last = sheets.get(name);
    }
    return last;
  };
  return {
    formulaAt: (sheet, row, col) => {
      const s = sheetOf(sheet);
      return s?.formulas?.[row - s.top]?.[col - s.left] ?? null;
    },
    valueAt: (sheet, row, col) => {
      const s = sheetOf(sheet);
      return s?.values[row - s.top]?.[col - s.left] ?? null;
    },
    bounds: (sheet) => {
      const s = sheets.get(sheet);
      if (!s || s.values.length === 0) return null;
      let width = 0;
      for (const r of s.values) width = Math.max(width, r.length);
      return {
        top: s.top,
        left: s.left,
        bottom: s.top + s.values.length - 1,
        right: s.left + width - 1,
      };
    },
  };
}

function lineAt(model: GridModel, line: GridLine, block: number): number | null {
  const at = line.lineIndex[block];
  return at === null || at === undefined ? null : at;
}

function cell(model: GridModel, lineIndex: number, periodIndex: number): CellRef {
  return { sheet: model.sheetName, ...sheetCell(model, lineIndex, periodIndex) };
}

/** The grid's stated cells as lines along which one formula (or at least formulas) should run. */
export function statedLines(model: GridModel): StatedLine[] {
  const lines: StatedLine[] = [];
  model.blocks.forEach((block, b) => {
    const slots = model.periods.filter((s) => s.block === b);
    for (const line of model.lines) {
      const at = lineAt(model, line, b);
      if (at === null || !DERIVED.has(line.role) || slots.length < 2) continue;
      lines.push({
        label: line.label,
        cells: slots.map((s) => cell(model, at, s.periodIndex)),
        subjects: slots.map((s) => `${line.label}, ${s.period.label}`),
        compareForms: true,
        running: line.role === "cumulative",
      });
    }
    const summed = model.lines.filter((l) => SUMMED.has(l.role) && lineAt(model, l, b) !== null);
    for (const t of block.totals) {
      lines.push({
        label: `the ${t.header} column`,
        cells: summed.map((l) => cell(model, lineAt(model, l, b)!, t.periodIndex)),
        subjects: summed.map(
          (l) => `${l.label}, ${t.kind === "fy" ? `the ${t.fy ?? t.header} total` : t.header}`
        ),
        compareForms: false,
        running: false,
      });
    }
  });
  // Each line across its year totals, whichever blocks they sit in.
  for (const line of model.lines.filter((l) => SUMMED.has(l.role))) {
    const cells: CellRef[] = [];
    const subjects: string[] = [];
    model.blocks.forEach((block, b) => {
      const at = lineAt(model, line, b);
      if (at === null) return;
      for (const t of block.totals.filter((x) => x.kind === "fy")) {
        cells.push(cell(model, at, t.periodIndex));
        subjects.push(`${line.label}, the ${t.fy ?? t.header} total`);
      }
    });
    if (cells.length >= 3)
      lines.push({ label: line.label, cells, subjects, compareForms: false, running: false });
  }
  return lines;
}

/** The checked totals, one per stated cell, with every reading of its parts the checks made. */
export function statedTotals(results: readonly CheckResult[]): StatedTotal[] {
  const byCell = new Map<number, { results: CheckResult[] }>();
  const sheetIds = new Map<string, number>();
  for (const r of results) {
    const c = r.stated.cell;
    let id = sheetIds.get(c.sheet);
    if (id === undefined) sheetIds.set(c.sheet, (id = sheetIds.size));
    const k = id * 17_179_869_184 + c.row * 16_384 + c.col;
    const entry = byCell.get(k);
    if (entry) entry.results.push(r);
    else byCell.set(k, { results: [r] });
  }
  return [...byCell.values()].map(({ results: rs }) => new CheckedTotal(rs));
}

/** A stated total and its checks; readings are read from the checks only when asked for. */
class CheckedTotal implements StatedTotal {
  readonly cell: CellRef;
  readonly subject: string;
  readonly status: "match" | "rounding" | "mismatch";
  readonly expected: number;

  constructor(private readonly results: CheckResult[]) {
    this.cell = results[0].stated.cell;
    this.subject = results[0].subject;
    const wrong = results.find((r) => r.status === "mismatch");
    this.status = wrong
      ? "mismatch"
      : results.some((r) => r.status === "rounding")
        ? "rounding"
        : "match";
    this.expected = (wrong ?? results[0]).expected.toNumber();
  }

  readings(): CellRef[][] {
    return this.results.map(partCells);
  }

  /** Whether every part of some reading passes the test, without building the parts. */
  anyReading(test: (sheet: string, row: number, col: number) => boolean): boolean {
    for (const r of this.results) {
      const passed = new AllPass(test);
      visitParts(r, passed.visit);
      if (passed.all) return true;
    }
    return false;
  }
}

/** Folds a test over visited cells, skipping the test once one cell has failed it. */
class AllPass {
  all = true;
  constructor(private readonly test: (sheet: string, row: number, col: number) => boolean) {}
  readonly visit = (sheet: string, row: number, col: number): void => {
    if (this.all && !this.test(sheet, row, col)) this.all = false;
  };
}

function visitParts(
  r: CheckResult,
  visit: (sheet: string, row: number, col: number) => void
): void {
  if (r.eachPart) r.eachPart(visit);
  else for (const p of r.parts) visit(p.cell.sheet, p.cell.row, p.cell.col);
}

function partCells(r: CheckResult): CellRef[] {
  const out: CellRef[] = [];
  visitParts(r, (sheet, row, col) => out.push({ sheet, row, col }));
  return out;
}

/** Whether any cell the checks read holds a formula: without one there is nothing to look at. */
function anyFormula(sheets: Map<string, SheetSnapshot>): boolean {
  for (const s of sheets.values())
    if (s.formulas?.some((row) => row.some((f) => f !== null))) return true;
  return false;
}

/** The formula findings of a grid, from its model, its sheets and the value checks made on it. */
export function gridFormulaFindings(
  model: GridModel,
  sheets: Map<string, SheetSnapshot>,
  results: readonly CheckResult[]
): FormulaFinding[] {
  if (!anyFormula(sheets)) return [];
  return formulaFindings(workbookOf(sheets), statedLines(model), statedTotals(results));
}
