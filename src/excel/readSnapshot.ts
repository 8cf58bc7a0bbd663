/**
 * Reads the active sheet as a SheetSnapshot in ONE context.sync(): the used range (or the
 * selection, when the user selected more than one cell inside it) with values, number formats
 * and formulas, plus the ITOS_ names so the planner knows which cells are its own earlier output.
 */
import { ItosError } from "../engine/errors";
import type { CellValue, SheetSnapshot } from "../grid/snapshot";
import { intersect, parseRangeAddress, type Box } from "./rangeAddress";
import { ownedCellKeys, taggedNamesFrom, type TaggedName } from "./itosNames";

export interface SheetRead {
  snapshot: SheetSnapshot;
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
}

/** One cell as the snapshot holds it: errors as {error}, blanks as null. */
export function snapshotValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
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

/** The snapshot, queued and read with a single sync on the given context. */
export async function readActiveSheet(context: Excel.RequestContext, options: ReadOptions = {}): Promise<SheetRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject();
  used.load(["address", "values", "valueTypes", "numberFormat", "formulas"]);
  const selection = context.workbook.getSelectedRange();
  selection.load(["address", "cellCount"]);
  const names = context.workbook.names;
  names.load("items/name,items/formula,items/comment");
  await context.sync();

  const tags = taggedNamesFrom(names.items.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })));
  if (used.isNullObject) {
    throw new ItosError("no-grid", `The sheet '${sheet.name}' is empty: open the sheet that holds the investment and return figures.`);
  }
  const usedBox = parseRangeAddress(used.address);
  const values = used.values.map((row, i) => row.map((v, j) => snapshotValue(v, used.valueTypes[i]?.[j])));
  const numberFormats = used.numberFormat.map((row) => row.map((f) => (f === null || f === undefined ? null : String(f))));
  const formulas = used.formulas.map((row) => row.map(formulaOf));

  let box = usedBox;
  let fromSelection = false;
  if (options.preferSelection !== false && selection.cellCount > 1) {
    const inside = intersect(usedBox, parseRangeAddress(selection.address));
    if (inside) {
      box = inside;
      fromSelection = true;
    }
  }
  const snapshot: SheetSnapshot = {
    sheetName: sheet.name,
    top: box.top,
    left: box.left,
    values: fromSelection ? slice(values, usedBox, box) : values,
    numberFormats: fromSelection ? slice(numberFormats, usedBox, box) : numberFormats,
    formulas: fromSelection ? slice(formulas, usedBox, box) : formulas,
  };
  return { snapshot, tags, ownedCells: ownedCellKeys(tags), fromSelection };
}

/** Excel.run wrapper for the task pane and ribbon commands. */
export function readSnapshot(options: ReadOptions = {}): Promise<SheetRead> {
  return Excel.run((context) => readActiveSheet(context, options));
}
