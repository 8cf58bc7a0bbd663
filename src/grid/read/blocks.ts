/** The bands of lines under each header row, and the position of the line labels beside them. */
import type Decimal from "decimal.js";
import { parseAmount } from "../../engine";
import { type AxisSlot, type HeaderRow } from "./axis";
import { classifyLabel, normaliseLabel } from "./labels";
import type { TotalSlot } from "./model";
import { cellAt, isBlank, type CellValue, type SheetSnapshot } from "../../sheet";

/** Blank rows in a row that end a block: a separate table further down is not part of the grid. */
export const BLOCK_GAP_ROWS = 3;

/** A number a cell shows, leniently: text amounts parsed, blanks, errors and words skipped. */
export function shownNumber(value: CellValue): Decimal | null {
  if (typeof value === "number") return parseAmount(value);
  if (typeof value === "string") return isBlank(value) ? null : parseAmount(value);
  return null;
}

export interface BlockSpan {
  header: HeaderRow;
  firstRow: number;
  lastRow: number;
  /** Columns holding periods or totals in this block. */
  valueCols: number[];
  periodCols: number[];
  totals: TotalSlot[];
}

export function lastSnapshotRow(snapshot: SheetSnapshot): number {
  return snapshot.top + snapshot.values.length - 1;
}

export function rowHasValues(snapshot: SheetSnapshot, row: number, cols: number[]): boolean {
  return cols.some((c) => !isBlank(cellAt(snapshot, row, c)));
}

export function rowIsBlank(snapshot: SheetSnapshot, row: number, right: number): boolean {
  for (let c = snapshot.left; c <= right; c++) if (!isBlank(cellAt(snapshot, row, c))) return false;
  return true;
}

/** The rows each header row governs: down to the next header row or a gap, trailing notes trimmed. */
export function blockSpans(
  snapshot: SheetSnapshot,
  headers: HeaderRow[],
  others: HeaderRow[],
  slots: AxisSlot[],
  totals: TotalSlot[][]
): BlockSpan[] {
  const boundaries = [...headers, ...others].map((h) => h.row).sort((a, b) => a - b);
  return headers.map((header, b) => {
    const periodCols = slots.filter((s) => s.block === b).map((s) => s.col);
    const valueCols = [...periodCols, ...totals[b].map((t) => t.periodIndex)].sort((x, y) => x - y);
    const right = Math.max(...valueCols);
    const next = boundaries.find((r) => r > header.row);
    const limit = next === undefined ? lastSnapshotRow(snapshot) : next - 1;
    let lastRow = header.row;
    let blankRun = 0;
    for (let r = header.row + 1; r <= limit; r++) {
      if (rowIsBlank(snapshot, r, right)) {
        if (++blankRun >= BLOCK_GAP_ROWS) break;
        continue;
      }
      blankRun = 0;
      if (rowHasValues(snapshot, r, valueCols)) lastRow = r;
    }
    return { header, firstRow: header.row + 1, lastRow, valueCols, periodCols, totals: totals[b] };
  });
}

/**
 * The column of line labels: left of the periods, the one that names the most rows with amounts
 * (a section column naming only the first row of each section loses to it); telling words break
 * ties with a reference column of codes.
 */
export function findLabelColumn(snapshot: SheetSnapshot, spans: BlockSpan[]): number | null {
  const firstValueCol = Math.min(...spans.flatMap((s) => s.valueCols));
  const withValues = spans.map((span) => {
    const rows = new Set<number>();
    for (let r = span.firstRow; r <= span.lastRow; r++)
      if (rowHasValues(snapshot, r, span.valueCols)) rows.add(r);
    return rows;
  });
  let best: { col: number; score: number } | null = null;
  for (let col = snapshot.left; col < firstValueCol; col++) {
    let score = 0;
    spans.forEach((span, b) => {
      for (let r = span.firstRow; r <= span.lastRow; r++) {
        const v = cellAt(snapshot, r, col);
        if (typeof v !== "string" || isBlank(v) || parseAmount(v) !== null) continue;
        score +=
          (withValues[b].has(r) ? 2 : 1) +
          (classifyLabel(normaliseLabel(v)).kind === "unknown" ? 0 : 0.5);
      }
    });
    if (score > 0 && (!best || score > best.score)) best = { col, score };
  }
  return best ? best.col : null;
}
