/**
 * Several schemes or alternatives on one sheet, one reading each:
 * - stacked: tables one under another, each with its own run of periods down the rows (Year 0, 1,
 *   2 ... starting again) and usually a scheme heading above it ("X:", "Option B");
 * - side by side: one period axis with the same lines repeated across ("Inflow | Balance |
 *   Inflow | Balance"), a line that appears once (the shared "Initial outlay") belonging to all.
 * A sheet with one scheme reads exactly as before.
 */
import { ItosError } from "../../engine";
import { a1, isBlank, type SheetSnapshot, type WorkbookSnapshot } from "../../sheet";
import { scanHeaderRows, type HeaderCell } from "./axis";
import { detectGrid, readGridSheets, type DetectOptions } from "./detect";
import { schemeTracking } from "./actuals";
import { sheetCell, type GridLine, type GridModel } from "./model";
import { transposeSnapshot } from "./orient";
import { flowsFromModel } from "./flows";

export interface SchemeModel {
  /** The scheme's name as the sheet gives it ("X"), or where it sits; null for a single-scheme sheet. */
  scheme: string | null;
  model: GridModel;
  /** The part of the sheet the scheme was read from (the whole sheet unless stacked). */
  snapshot: SheetSnapshot;
}

/**
 * Where a run of periods starts again from its first period (Year 0 after Year 5): one stacked
 * table per run. Totals do not count, and a period repeated mid-run (a typing slip) is no
 * restart: the reader refuses it as a repeat.
 */
function restarts(cells: HeaderCell[]): HeaderCell[][] {
  const periods = cells.filter((c) => c.header.kind !== "total");
  if (periods.length === 0) return [];
  const first = JSON.stringify(periods[0].header);
  const runs: HeaderCell[][] = [];
  for (const cell of periods) {
    if (JSON.stringify(cell.header) === first) runs.push([]);
    runs[runs.length - 1].push(cell);
  }
  return runs;
}

/** The rows of `snapshot` from `top` to `bottom` (sheet rows), as a snapshot of its own. */
function cropRows(snapshot: SheetSnapshot, top: number, bottom: number): SheetSnapshot {
  const from = top - snapshot.top;
  const to = bottom - snapshot.top + 1;
  return {
    ...snapshot,
    top,
    values: snapshot.values.slice(from, to),
    numberFormats: snapshot.numberFormats?.slice(from, to),
    formulas: snapshot.formulas?.slice(from, to),
  };
}

/** Short text just above a table ("X:", "Option B"): the scheme's name. */
function headingAbove(
  snapshot: SheetSnapshot,
  row: number,
  col: number
): { row: number; name: string } | null {
  for (let r = row - 1; r >= Math.max(snapshot.top, row - 2); r--) {
    const v = snapshot.values[r - snapshot.top]?.[col - snapshot.left];
    if (typeof v !== "string" || isBlank(v)) continue;
    const name = v.trim().replace(/:$/, "").trim();
    return name.length > 0 && name.length <= 40 ? { row: r, name } : null;
  }
  return null;
}

/**
 * Stacked tables down one column of periods: the sheet cut into one piece per table, from its
 * scheme heading (or its header row) to the row before the next one. Null for a single table.
 */
export function stackedSchemes(
  snapshot: SheetSnapshot
): { scheme: string; snapshot: SheetSnapshot }[] | null {
  // Periods down the rows: a header "row" of the turned snapshot is a sheet column.
  for (const h of scanHeaderRows(transposeSnapshot(snapshot))) {
    const runs = restarts(h.cells).filter((r) => r.length >= 2);
    if (runs.length < 2) continue;
    const col = h.row;
    const starts = runs.map((run, k) => {
      const headerRow = run[0].col - 1; // the "Year" heading above the first period
      const heading = headingAbove(snapshot, headerRow, col);
      return {
        top: heading ? heading.row : headerRow,
        name: heading ? heading.name : `Table at ${a1(headerRow, col)} (${k + 1})`,
      };
    });
    const bottom = snapshot.top + snapshot.values.length - 1;
    return starts.map((s, k) => ({
      scheme: s.name,
      snapshot: cropRows(snapshot, s.top, k + 1 < starts.length ? starts[k + 1].top - 1 : bottom),
    }));
  }
  return null;
}

/** A crop that reads as a whole payback table on its own: money out and money in. */
function wholeCase(snapshot: SheetSnapshot, options: DetectOptions): GridModel | null {
  try {
    const model = detectGrid(snapshot, options);
    const flows = flowsFromModel(model, snapshot);
    const has = (role: "investment" | "return") =>
      flows.lines.some((l) => {
        const inflow = l.amounts.some((a) => a.isPositive());
        const outflow = l.amounts.some((a) => a.isNegative());
        return role === "investment"
          ? l.role === "investment" || outflow
          : l.role === "return" && inflow;
      });
    return has("investment") && has("return") ? model : null;
  } catch {
    return null;
  }
}

/**
 * Stacked tables across: header rows heading the same periods, one under another, each table a
 * whole case (its own outlay and its own returns) under a short heading. Tables that are parts
 * of one case (a savings table above an investment table) are not schemes: null.
 */
export function stackedAcross(
  snapshot: SheetSnapshot,
  options: DetectOptions = {}
): { scheme: string; snapshot: SheetSnapshot; model: GridModel }[] | null {
  const rows = scanHeaderRows(snapshot);
  if (rows.length < 2) return null;
  const first = (h: (typeof rows)[number]) =>
    JSON.stringify(h.cells.find((c) => c.header.kind !== "total")?.header ?? null);
  const same = rows.filter((h) => h.kind === rows[0].kind && first(h) === first(rows[0]));
  if (same.length < 2) return null;
  const starts = same.map((h, k) => {
    const labelCol = snapshot.left;
    const heading = headingAbove(snapshot, h.row, labelCol);
    return {
      top: heading ? heading.row : h.row,
      name: heading ? heading.name : `Table at ${a1(h.row, labelCol)} (${k + 1})`,
    };
  });
  const bottom = snapshot.top + snapshot.values.length - 1;
  const out: { scheme: string; snapshot: SheetSnapshot; model: GridModel }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const crop = cropRows(
      snapshot,
      starts[k].top,
      k + 1 < starts.length ? starts[k + 1].top - 1 : bottom
    );
    const model = wholeCase(crop, options);
    if (!model) return null;
    out.push({ scheme: starts[k].name, snapshot: crop, model });
  }
  return out;
}

const FLOW_ROLES: ReadonlySet<string> = new Set([
  "investment",
  "return",
  "cost",
  "net",
  "net-flow",
  "cumulative",
]);
const baseKey = (key: string) => key.replace(/ #\d+$/, "");
const occurrence = (key: string) => Number(/ #(\d+)$/.exec(key)?.[1] ?? 1);

/** A line's label cell, for a scheme's name: "C8" for a column of a periods-down table. */
function lineAddress(model: GridModel, line: GridLine): string {
  const index = line.lineIndex.find((i): i is number => i !== null && i !== undefined) ?? 0;
  const cell = sheetCell(model, index, model.labelIndex);
  return a1(cell.row, cell.col);
}

/**
 * Side by side: the same money lines repeated along the line axis ("Inflow", "Balance" twice).
 * Each repeat is a scheme; a line that appears once is shared by all. Null when nothing repeats.
 */
export function sideBySideSchemes(model: GridModel): { scheme: string; model: GridModel }[] | null {
  // Only flow lines make alternatives: a budget table repeats "Adult Services" under each of its
  // sections, and those are rows of one table, not schemes.
  const money = model.lines.filter((l) => FLOW_ROLES.has(l.role));
  const counts = new Map<string, number>();
  for (const l of money)
    counts.set(baseKey(l.key), Math.max(counts.get(baseKey(l.key)) ?? 0, occurrence(l.key)));
  const schemes = Math.max(0, ...counts.values());
  if (schemes < 2) return null;
  const repeated = (l: GridLine) => (counts.get(baseKey(l.key)) ?? 0) >= 2;
  const out: { scheme: string; model: GridModel }[] = [];
  for (let k = 1; k <= schemes; k++) {
    const own = model.lines.filter((l) => repeated(l) && occurrence(l.key) === k);
    if (own.length === 0) continue;
    const lines = model.lines.filter((l) => !repeated(l) || occurrence(l.key) === k);
    const where = own.map((l) => lineAddress(model, l));
    out.push({
      scheme: `${own[0].label} ${where.length > 1 ? `${where[0]}:${where[where.length - 1]}` : where[0]}`,
      model: { ...model, lines, tracking: schemeTracking(model.tracking, k) },
    });
  }
  return out.length >= 2 ? out : null;
}

/** Every scheme on a sheet: stacked tables, side-by-side alternatives, or the sheet's one grid. */
export function detectSchemes(snapshot: SheetSnapshot, options: DetectOptions = {}): SchemeModel[] {
  const stacked = stackedSchemes(snapshot);
  if (stacked) {
    return stacked.map((s) => ({
      scheme: s.scheme,
      model: detectGrid(s.snapshot, options),
      snapshot: s.snapshot,
    }));
  }
  const across = stackedAcross(snapshot, options);
  if (across) return across;
  const model = detectGrid(snapshot, options);
  const side = sideBySideSchemes(model);
  if (side) return side.map((s) => ({ scheme: s.scheme, model: s.model, snapshot }));
  return [{ scheme: null, model, snapshot }];
}

/**
 * findGrids with schemes: every sheet that holds a payback grid, each with its schemes. A year
 * table whose years all fall within a monthly grid elsewhere is that grid's summary, left to
 * reconciliation (as findGrids).
 */
export function findSchemeGrids(
  workbook: WorkbookSnapshot,
  options: DetectOptions = {},
  /** When given, a sheet that holds a grid ITOS cannot read is listed here and the others go on. */
  failures?: { sheetName: string; error: ItosError }[]
): { sheetName: string; schemes: SchemeModel[] }[] {
  return readGridSheets(
    workbook,
    (sheet) => detectSchemes(sheet, options),
    (schemes) => schemes.map((s) => s.model),
    failures
  ).map((g) => ({ sheetName: g.sheetName, schemes: g.found }));
}
