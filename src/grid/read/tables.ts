/**
 * Several tables on one sheet sharing the period headers: a savings table above an investment
 * table, each with its own header row repeating the same periods in the same columns. The first
 * header row is the axis; each repeat opens a new table on it, and its heading (the label on the
 * header row, or a title just above it) gives that table's lines their role.
 */
import type { HeaderRow } from "./axis";
import { cellAt, isBlank, type SheetSnapshot } from "../../sheet";
import { normaliseLabel } from "./labels";
import { sectionOfHeading, type SectionRole } from "./roleWords";

/** The same periods in the same columns: the cells of one axis, headed again. */
function sameAxis(a: HeaderRow, b: HeaderRow): boolean {
  if (a.kind !== b.kind || a.cells.length !== b.cells.length) return false;
  return a.cells.every((c, i) => {
    const d = b.cells[i];
    return c.col === d.col && JSON.stringify(c.header) === JSON.stringify(d.header);
  });
}

/**
 * The header rows that make the axis, and those that only repeat an earlier one (each opening a
 * table that shares the axis).
 */
export function sharedAxisTables(chosen: HeaderRow[]): {
  axisRows: HeaderRow[];
  tableHeaders: HeaderRow[];
} {
  const axisRows: HeaderRow[] = [];
  const tableHeaders: HeaderRow[] = [];
  for (const h of chosen) {
    if (axisRows.some((a) => sameAxis(a, h))) tableHeaders.push(h);
    else axisRows.push(h);
  }
  return { axisRows, tableHeaders };
}

/** Rows above a header row that may hold its table's title. */
const TITLE_ROWS_ABOVE = 2;

/** A table heading as read: the role it gives and the cell it was read from ("A15 'Savings'"). */
export interface TableHeading {
  role: SectionRole | null;
  from: string | null;
}

/**
 * What a table's heading says: the label on its header row, or else the nearest title in the
 * label column just above it (stopping at a row with amounts, which belongs to the table above).
 */
export function tableHeading(
  snapshot: SheetSnapshot,
  headerRow: number,
  labelCol: number,
  name: (row: number, col: number) => string,
  rowHasAmounts: (row: number) => boolean
): TableHeading {
  const candidates = [headerRow];
  for (let r = headerRow - 1; r >= Math.max(snapshot.top, headerRow - TITLE_ROWS_ABOVE); r--) {
    if (rowHasAmounts(r)) break;
    candidates.push(r);
  }
  for (const r of candidates) {
    const v = cellAt(snapshot, r, labelCol);
    if (typeof v !== "string" || isBlank(v)) continue;
    const role = sectionOfHeading(normaliseLabel(v));
    if (role) return { role, from: `${name(r, labelCol)} '${v.trim()}'` };
  }
  return { role: null, from: null };
}
