/**
 * Reads the active sheet (or every sheet) as SheetSnapshots. The area read is the part of the
 * sheet that holds values (getUsedRange valuesOnly: a sheet formatted down to its last row does
 * not read a million empty rows), in row bands that keep each sync under Excel on the web's
 * limits (readBands.ts). The selection narrows the analysis when it is one block of cells; a
 * multi-area selection cannot be read as one range, so the whole sheet is read and the pane says
 * how to narrow it. ITOS's marked names come along, and which cells inside them ITOS wrote
 * (ownership.ts, read with the first band), so the planner knows ITOS's earlier output.
 */
import { ErrorMessage, ItosError } from "../engine";
import {
  cellKey,
  intersect,
  parseRangeAddress,
  type Box,
  type CellValue,
  type SheetSnapshot,
  type TaggedName,
  type WorkbookSnapshot,
  withoutOwnedCells,
} from "../sheet";
import { NAME_FIELDS, taggedNamesFrom } from "./officeNames";
import { apiSupported, SELECTED_RANGES_API } from "./apiSets";
import { readAreas, type AreaGrids } from "./readBands";
import { queueOwnershipRead } from "./ownership";
import { queueDateSystemProbe, toDate1900System } from "./dateSystem";

export interface SheetRead {
  /** The part to analyse: the selection when there is one, else the whole used range. */
  snapshot: SheetSnapshot;
  /** The whole used range, where the planner looks for room for its output. */
  whole: SheetSnapshot;
  /** The names ITOS wrote (marked), present in the workbook. */
  tags: TaggedName[];
  /** Cells of earlier ITOS output ("Appendix 1!B60"), which a re-run may overwrite. */
  ownedCells: Set<string>;
  /** Earlier ITOS sections the user changed: theirs now, read as part of the sheet. */
  changedSections: string[];
  /** Every sheet's name, so a new output sheet does not take the name of one of the user's. */
  sheetNames: string[];
  /** True when the snapshot is the user's selection rather than the whole used range. */
  fromSelection: boolean;
  /** What to tell the user about the selection (several areas selected), else null. */
  selectionNote: string | null;
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

/** An area as read -> the sheet's snapshot, ITOS output blanked. */
function gridsToSnapshot(
  sheetName: string,
  box: Box,
  grids: AreaGrids,
  ownedCells: ReadonlySet<string>,
  blankItosOutput: boolean,
  date1904: boolean
): SheetSnapshot {
  const values = grids.values.map((row, i) =>
    row.map((v, j) => snapshotValue(v, grids.valueTypes[i]?.[j]))
  );
  const numberFormats = grids.numberFormat.map((row) =>
    row.map((f) => (f === null || f === undefined ? null : String(f)))
  );
  const formulas = grids.formulas.map((row) => row.map(formulaOf));
  if (date1904) toDate1900System(values, numberFormats);
  if (blankItosOutput) blankOwned(values, numberFormats, formulas, box, sheetName, ownedCells);
  return { sheetName, top: box.top, left: box.left, values, numberFormats, formulas };
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

/** The part of a sheet that holds values, queued (null object on a sheet without any). */
function loadValueArea(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(["isNullObject", "address"]);
  return used;
}

function emptySheetError(name: string): ItosError {
  return new ItosError("no-grid", ErrorMessage.grid.emptySheet(name));
}

export const MULTI_AREA_NOTE =
  "Several separate areas are selected, so ITOS read the whole sheet. To analyse only part of it, " +
  "select one block of cells (drag from one corner to the other, without Ctrl) and press Detect again.";

/** The selection as one box, or null with a note when it has several areas. */
async function readSelection(
  context: Excel.RequestContext
): Promise<{ box: Box | null; cells: number; note: string | null }> {
  if (apiSupported(SELECTED_RANGES_API)) {
    const areas = context.workbook.getSelectedRanges();
    areas.load(["address", "areaCount", "cellCount"]);
    await context.sync();
    if (areas.areaCount > 1) return { box: null, cells: areas.cellCount, note: MULTI_AREA_NOTE };
    return { box: parseRangeAddress(areas.address), cells: areas.cellCount, note: null };
  }
  // Before ExcelApi 1.9 only getSelectedRange exists, and it fails on several areas: on a sync of
  // its own, so the failure loses nothing else.
  await context.sync();
  const selection = context.workbook.getSelectedRange();
  selection.load(["address", "cellCount"]);
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code === "InvalidSelection")
      return { box: null, cells: 0, note: MULTI_AREA_NOTE };
    throw error;
  }
  return { box: parseRangeAddress(selection.address), cells: selection.cellCount, note: null };
}

/** The snapshot: the value area's address, the names and the selection, then the cells in bands. */
export async function readActiveSheet(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<SheetRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = loadValueArea(sheet);
  const names = context.workbook.names;
  names.load(NAME_FIELDS);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const date1904 = queueDateSystemProbe(context);
  const selection = await readSelection(context); // syncs: sheet.name and the names are loaded
  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read */

  const tags = taggedNamesFrom(names.items);
  if (used.isNullObject) throw emptySheetError(sheet.name);
  const box = parseRangeAddress(used.address);
  const ownership = queueOwnershipRead(context, tags);
  const [grids] = await readAreas(context, [{ sheet: sheet.name, box }]);
  const { cells: ownedCells, changed: changedSections, changedCells } = ownership();
  const blank = options.includeItosOutput !== true;
  const whole = gridsToSnapshot(sheet.name, box, grids, ownedCells, blank, date1904());
  // A section the user changed is kept where it is (whole, where room is judged) but is not
  // read as part of their grid.
  const grid = blank ? withoutOwnedCells(whole, changedCells) : whole;
  /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read */
  const base = {
    whole,
    tags,
    ownedCells,
    changedSections,
    sheetNames: sheets.items.map((s) => s.name),
    selectionNote: selection.note,
  };
  if (options.preferSelection !== false && selection.box && selection.cells > 1) {
    const inside = intersect(box, selection.box);
    if (inside) return { ...base, snapshot: narrowTo(grid, box, inside), fromSelection: true };
  }
  return { ...base, snapshot: grid, fromSelection: false };
}

export interface WorkbookRead {
  active: SheetRead;
  workbook: WorkbookSnapshot;
}

/**
 * The active sheet and every other sheet (for cross-sheet checks such as a summary year table):
 * one sync to list the sheets, one for where their values are, then the cells in bands.
 */
export async function readWorkbookInContext(context: Excel.RequestContext): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const activeSheet = sheets.getActiveWorksheet();
  activeSheet.load("name");
  const names = context.workbook.names;
  names.load(NAME_FIELDS);
  const date1904 = queueDateSystemProbe(context);
  await context.sync();
  const tags = taggedNamesFrom(names.items);
  const useds = sheets.items.map((s) => ({ name: s.name, used: loadValueArea(s) }));
  const ownership = queueOwnershipRead(context, tags);
  await context.sync();
  const { cells: ownedCells, changed: changedSections, changedCells } = ownership();
  const areas = useds
    .filter((u) => !u.used.isNullObject)
    .map((u) => ({ sheet: u.name, box: parseRangeAddress(u.used.address) }));
  const grids = await readAreas(context, areas);
  const snapshots = areas.map((a, i) =>
    withoutOwnedCells(
      gridsToSnapshot(a.sheet, a.box, grids[i], ownedCells, true, date1904()),
      changedCells
    )
  );
  const active = snapshots.find((s) => s.sheetName === activeSheet.name);
  if (!active) throw emptySheetError(activeSheet.name);
  return {
    active: {
      snapshot: active,
      whole: active,
      tags,
      ownedCells,
      changedSections,
      sheetNames: sheets.items.map((s) => s.name),
      fromSelection: false,
      selectionNote: null,
    },
    workbook: { sheets: snapshots },
  };
}

/** Excel.run wrapper for the task pane and ribbon commands. */
export function readSnapshot(options: ReadOptions = {}): Promise<SheetRead> {
  return Excel.run((context) => readActiveSheet(context, options));
}
