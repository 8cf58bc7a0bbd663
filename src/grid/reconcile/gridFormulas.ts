/**
 * The formula findings of a detected grid: its stated cells laid out as lines (each total, net and
 * cumulative line across its periods, block by block; each total column down its lines; each
 * line across its year totals), and its stated totals with the parts the value checks read for
 * them. Everything the findings need comes from the model and the checks already made.
 */
import { visitParts, type CheckResult } from "../../engine";
import type { CellRef, RangeRef, SheetSnapshot } from "../../sheet";
import {
  sheetCol,
  sheetRow,
  type GridLine,
  type GridModel,
  type LineRole,
  type GridBlock,
} from "../read";
import {
  formulaFindings,
  type FormulaFinding,
  type FormulaWorkbook,
  type StatedLine,
  type StatedTotal,
} from "./formulaFindings";
import { CellIndex } from "./totalIndex";

type TotalSlot = GridBlock["totals"][number];

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
  const clear = new Map<string, boolean>();
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
    clearOfSuspects: (sheet) => {
      let known = clear.get(sheet);
      if (known === undefined) {
        const s = sheets.get(sheet);
        clear.set(sheet, (known = s !== undefined && clearSheet(s)));
      }
      return known;
    },
  };
}

/** Whether no cell of the sheet shows an error and no formula holds "#" or "[" (see FormulaWorkbook). */
function clearSheet(s: SheetSnapshot): boolean {
  for (const row of s.values)
    for (const v of row) if (typeof v === "object" && v !== null && "error" in v) return false;
  for (const row of s.formulas ?? [])
    for (const f of row) if (f != null && (f.includes("#") || f.includes("["))) return false;
  return true;
}

function lineAt(model: GridModel, line: GridLine, block: number): number | null {
  const at = line.lineIndex[block];
  return at === null || at === undefined ? null : at;
}

function cell(model: GridModel, lineIndex: number, periodIndex: number): CellRef {
  return {
    sheet: model.sheetName,
    row: sheetRow(model.orientation, lineIndex, periodIndex),
    col: sheetCol(model.orientation, lineIndex, periodIndex),
  };
}

/** The grid's stated cells as lines along which one formula (or at least formulas) should run. */
export function statedLines(model: GridModel): StatedLine[] {
  const lines: StatedLine[] = [];
  /** Per block: each total column's cells down the summed lines, and each such line's place. */
  const totalCells: { column: Map<TotalSlot, CellRef[]>; position: Map<GridLine, number> }[] = [];
  model.blocks.forEach((block, b) => {
    const slots = model.periods.filter((s) => s.block === b);
    for (const line of model.lines) {
      const at = lineAt(model, line, b);
      if (at === null || !DERIVED.has(line.role) || slots.length < 2) continue;
      lines.push({
        label: line.label,
        cells: slots.map((s) => cell(model, at, s.periodIndex)),
        subjects: (i) => `${line.label}, ${slots[i].period.label}`,
        compareForms: true,
        running: line.role === "cumulative",
      });
    }
    const summed = model.lines.filter((l) => SUMMED.has(l.role) && lineAt(model, l, b) !== null);
    const column = new Map<TotalSlot, CellRef[]>();
    const position = new Map<GridLine, number>();
    summed.forEach((l, i) => position.set(l, i));
    totalCells.push({ column, position });
    for (const t of block.totals) {
      const cells = summed.map((l) => cell(model, lineAt(model, l, b)!, t.periodIndex));
      column.set(t, cells);
      lines.push({
        label: `the ${t.header} column`,
        cells,
        subjects: (i) =>
          `${summed[i].label}, ${t.kind === "fy" ? `the ${t.fy ?? t.header} total` : t.header}`,
        compareForms: false,
        running: false,
      });
    }
  });
  // Each line across its year totals, whichever blocks they sit in: the same cells as the
  // columns', shared rather than made again.
  for (const line of model.lines.filter((l) => SUMMED.has(l.role))) {
    const cells: CellRef[] = [];
    const years: string[] = [];
    model.blocks.forEach((block, b) => {
      const at = totalCells[b].position.get(line);
      if (at === undefined) return;
      for (const t of block.totals.filter((x) => x.kind === "fy")) {
        cells.push(totalCells[b].column.get(t)![at]);
        years.push(t.fy ?? t.header);
      }
    });
    if (cells.length >= 3)
      lines.push({
        label: line.label,
        cells,
        subjects: (i) => `${line.label}, the ${years[i]} total`,
        compareForms: false,
        running: false,
      });
  }
  return lines;
}

/** The checked totals, one per stated cell, with every reading of its parts the checks made. */
export function statedTotals(model: GridModel, results: readonly CheckResult[]): StatedTotal[] {
  return totalsByCell(model, results).values;
}

/** The checked totals by cell, in the order of their first check (the grid's own indexed). */
function totalsByCell(model: GridModel, results: readonly CheckResult[]): CellIndex<CheckedTotal> {
  const b = model.bounds;
  const index = new CellIndex<CheckedTotal>(model.sheetName, b.top, b.left, b.bottom, b.right);
  for (const r of results) {
    const c = r.stated.cell;
    const entry = index.find(c.sheet, c.row, c.col);
    if (entry) entry.add(r);
    else index.add(c.sheet, c.row, c.col, new CheckedTotal(r));
  }
  return index;
}

/**
 * A stated total and its checks; readings, subject and expected amount are read from the checks
 * only when asked for (most totals are passed without a finding, and none of these is shown).
 */
class CheckedTotal implements StatedTotal {
  readonly cell: CellRef;
  /** Most cells have one check: a list is made only for a second. */
  private more: CheckResult[] | null = null;

  constructor(private readonly first: CheckResult) {
    this.cell = first.stated.cell;
  }

  add(r: CheckResult): void {
    (this.more ??= []).push(r);
  }

  private get results(): readonly CheckResult[] {
    return this.more ? [this.first, ...this.more] : [this.first];
  }

  get subject(): string {
    return this.first.subject;
  }

  get status(): "match" | "rounding" | "mismatch" {
    if (this.results.some((r) => r.status === "mismatch")) return "mismatch";
    return this.results.some((r) => r.status === "rounding") ? "rounding" : "match";
  }

  get expected(): number {
    const wrong = this.results.find((r) => r.status === "mismatch");
    return (wrong ?? this.first).expected.toNumber();
  }

  readings(): CellRef[][] {
    return this.results.map(partCells);
  }

  /** Whether every part of some reading passes the test, without building the parts. */
  anyReading(
    test: (sheet: string, row: number, col: number) => boolean,
    within?: (range: RangeRef) => boolean
  ): boolean {
    if (passes(this.first, test, within)) return true;
    if (this.more) for (const r of this.more) if (passes(r, test, within)) return true;
    return false;
  }
}

/** Whether every part of one reading passes the test (see StatedTotal.anyReading). */
function passes(
  r: CheckResult,
  test: (sheet: string, row: number, col: number) => boolean,
  within?: (range: RangeRef) => boolean
): boolean {
  // A reading whose rectangle passes as a whole needs no visit of its parts.
  const range = within ? r.partsRange?.() : null;
  if (range && within!(range)) return true;
  let all = true;
  // The visit stops at the first part that fails.
  visitParts(r, (sheet, row, col) => (all = test(sheet, row, col)));
  return all;
}

function partCells(r: CheckResult): CellRef[] {
  const out: CellRef[] = [];
  visitParts(r, (sheet, row, col) => {
    out.push({ sheet, row, col });
  });
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
  const byCell = totalsByCell(model, results);
  return formulaFindings(workbookOf(sheets), statedLines(model), byCell.values, byCell);
}
