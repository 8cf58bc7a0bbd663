/**
 * Reads the active sheet as a SheetSnapshot in ONE context.sync() (or every sheet in two): the
 * used range (or the selection, when the user selected more than one cell inside it) with values,
 * number formats and formulas, plus the ITOS_ names so the planner knows which cells are its own
 * earlier output.
 */
import { ItosError } from "../engine";
import {
  cellKey,
  intersect,
  ownedCellKeys,
  parseRangeAddress,
  type Box,
  type CellValue,
  type SheetSnapshot,
  type TaggedName,
  type WorkbookSnapshot,
} from "../sheet";
import { NAME_FIELDS, taggedNamesFrom } from "./officeNames";

export interface SheetRead {
  /** The part to analyse: the selection when there is one, else the whole used range. */
  snapshot: SheetSnapshot;
  /** The whole used range, where the planner looks for room for its output. */
  whole: SheetSnapshot;
  /** ITOS_ names present in the workbook. */
  tags: TaggedName[];
  /** Cells of earlier ITOS output ("Appendix 1!B60"), which a re-run may overwrite. */
  ownedCells: Set<string>;
  /** True when the snapshot is the user's selection rather than the whole used range. */
  fromSelection: boolean;
}

export interface ReadOptions {
  /** Use the selection when it covers more than one cell (default true). */
  preferSelection?: boolean;
  /** Keep earlier ITOS output in the snapshot (default false: it is blanked, the grid is the user's). */
  includeItosOutput?: boolean;
}

/** One cell as the snapshot holds it: errors as {error}, blanks as null. */
export function snapshotValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

function formulaOf(cell: unknown): string | null {
  return typeof cell === "string" && cell.startsWith("=") ? cell : null;
}

function slice<T>(grid: T[][], from: Box, to: Box): T[][] {
  const out: T[][] = [];
  for (let r = to.top; r <= to.bottom; r++) {
    const row = grid[r - from.top] ?? [];
    out.push(row.slice(to.left - from.left, to.right - from.left + 1));
  }
  return out;
}

/** Earlier ITOS output is not part of the user's grid: the reader must not mistake it for lines. */
function blankOwned(
  values: CellValue[][],
  numberFormats: (string | null)[][],
  formulas: (string | null)[][],
  box: Box,
  sheetName: string,
  owned: ReadonlySet<string>
): void {
  if (owned.size === 0) return;
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      if (!owned.has(cellKey(sheetName, box.top + i, box.left + j))) continue;
      values[i][j] = null;
      numberFormats[i][j] = null;
      formulas[i][j] = null;
    }
  }
}

/** A used range as loaded (after the sync) -> the whole sheet's snapshot, ITOS output blanked. */
function usedToSnapshot(
  sheetName: string,
  used: Excel.Range,
  ownedCells: ReadonlySet<string>,
  blankItosOutput: boolean
): { snapshot: SheetSnapshot; box: Box } | null {
  if (used.isNullObject) return null;
  const box = parseRangeAddress(used.address);
  const values = used.values.map((row, i) =>
    row.map((v, j) => snapshotValue(v, used.valueTypes[i]?.[j]))
  );
  const numberFormats = used.numberFormat.map((row) =>
    row.map((f) => (f === null || f === undefined ? null : String(f)))
  );
  const formulas = used.formulas.map((row) => row.map(formulaOf));
  if (blankItosOutput) blankOwned(values, numberFormats, formulas, box, sheetName, ownedCells);
  return {
    snapshot: { sheetName, top: box.top, left: box.left, values, numberFormats, formulas },
    box,
  };
}

function narrowTo(snapshot: SheetSnapshot, from: Box, to: Box): SheetSnapshot {
  return {
    ...snapshot,
    top: to.top,
    left: to.left,
    values: slice(snapshot.values, from, to),
    numberFormats: slice(snapshot.numberFormats ?? [], from, to),
    formulas: slice(snapshot.formulas ?? [], from, to),
  };
}

/** A sheet's used range, queued for loading with everything usedToSnapshot reads. */
function loadUsedRange(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject();
  used.load(["isNullObject", "address", "values", "valueTypes", "numberFormat", "formulas"]);
  return used;
}

function emptySheetError(name: string): ItosError {
  return new ItosError(
    "no-grid",
    `The sheet '${name}' is empty: open the sheet that holds the investment and return figures.`
  );
}

/** The snapshot, queued and read with a single sync on the given context. */
export async function readActiveSheet(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<SheetRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = loadUsedRange(sheet);
  const selection = context.workbook.getSelectedRange();
  selection.load(["address", "cellCount"]);
  const names = context.workbook.names;
  names.load(NAME_FIELDS);
  await context.sync();

  const tags = taggedNamesFrom(names.items);
  const ownedCells = ownedCellKeys(tags);
  const whole = usedToSnapshot(sheet.name, used, ownedCells, options.includeItosOutput !== true);
  if (!whole) throw emptySheetError(sheet.name);
  if (options.preferSelection !== false && selection.cellCount > 1) {
    const inside = intersect(whole.box, parseRangeAddress(selection.address));
    if (inside)
      return {
        snapshot: narrowTo(whole.snapshot, whole.box, inside),
        whole: whole.snapshot,
        tags,
        ownedCells,
        fromSelection: true,
      };
  }
  return {
    snapshot: whole.snapshot,
    whole: whole.snapshot,
    tags,
    ownedCells,
    fromSelection: false,
  };
}

export interface WorkbookRead {
  active: SheetRead;
  workbook: WorkbookSnapshot;
}

/**
 * The active sheet and every other sheet (for cross-sheet checks such as a summary year table):
 * two syncs, one to list the sheets and one to read them all.
 */
export async function readWorkbookInContext(context: Excel.RequestContext): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const activeSheet = sheets.getActiveWorksheet();
  activeSheet.load("name");
  const names = context.workbook.names;
  names.load(NAME_FIELDS);
  await context.sync();
  const tags = taggedNamesFrom(names.items);
  const ownedCells = ownedCellKeys(tags);
  const useds = sheets.items.map((s) => ({ name: s.name, used: loadUsedRange(s) }));
  await context.sync();
  const snapshots: SheetSnapshot[] = [];
  for (const { name, used } of useds) {
    const read = usedToSnapshot(name, used, ownedCells, true);
    if (read) snapshots.push(read.snapshot);
  }
  const active = snapshots.find((s) => s.sheetName === activeSheet.name);
  if (!active) throw emptySheetError(activeSheet.name);
  return {
    active: { snapshot: active, whole: active, tags, ownedCells, fromSelection: false },
    workbook: { sheets: snapshots },
  };
}

/** Excel.run wrapper for the task pane and ribbon commands. */
export function readSnapshot(options: ReadOptions = {}): Promise<SheetRead> {
  return Excel.run((context) => readActiveSheet(context, options));
}
