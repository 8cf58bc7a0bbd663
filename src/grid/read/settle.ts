/**
 * What the reader settles once each line has a role: the heading of each table sharing the
 * axis, the figures a cumulative line is compared with, a net-only table's net line as the flow,
 * a cost's sign, and the amount lines left out with their reason.
 */
import type Decimal from "decimal.js";
import { cellName, sheetCellName } from "./orient";
import type { AxisSlot, HeaderRow } from "./axis";
import type { ExcludedLine } from "./model";
import { cellAt, type SheetSnapshot } from "../../sheet";
import { shownNumber, type BlockSpan } from "./blocks";
import type { RawLine } from "./roles";
import { tableHeading, type TableHeading } from "./tables";
import { exclusionReason } from "./excluded";

/** The heading of each table that shares the axis, and of each block when the sheet has several tables. */
export function tableHeadings(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  tableHeaders: HeaderRow[],
  labelCol: number
): Map<number, TableHeading> {
  const name = (r: number, c: number) => cellName(snapshot, r, c);
  const valueCols = [...new Set(spans.flatMap((s) => s.valueCols))];
  const hasAmounts = (r: number) =>
    valueCols.some((c) => shownNumber(cellAt(snapshot, r, c)) !== null);
  const out = new Map<number, TableHeading>();
  for (const h of tableHeaders)
    out.set(h.row, tableHeading(snapshot, h.row, labelCol, name, hasAmounts));
  for (const span of spans) {
    const heading = tableHeading(snapshot, span.header.row, labelCol, name, hasAmounts);
    // A lone table's title decides only when it names a budget table: a title such as "Investment
    // and returns" says nothing about any one line.
    if (tableHeaders.length > 0 || heading.role === "other") out.set(span.header.row, heading);
  }
  return out;
}

export function lineWhere(snapshot: SheetSnapshot, line: RawLine, labelCol: number): string {
  return cellName(snapshot, line.rows.find((r) => r !== null) as number, labelCol);
}

/** A line's figures in each period (null where blank or absent). */
export function lineFigures(
  snapshot: SheetSnapshot,
  slots: AxisSlot[],
  line: RawLine
): (Decimal | null)[] {
  return slots.map((s) => {
    const row = line.rows[s.block];
    return row === null ? null : shownNumber(cellAt(snapshot, row, s.col));
  });
}

/** The amount lines between a line and the heading or total above it (first block). */
export function partsAbove(lines: RawLine[], line: RawLine): RawLine[] {
  const b = line.rows.findIndex((r) => r !== null);
  const row = line.rows[b] as number;
  const above = lines
    .filter((l) => l.rows[b] !== null && (l.rows[b] as number) < row)
    .sort((x, y) => (y.rows[b] as number) - (x.rows[b] as number));
  const parts: RawLine[] = [];
  for (const l of above) {
    if (l.role === "heading" || (l.role ?? "").startsWith("total") || !l.hasAmounts) break;
    parts.push(l);
  }
  return parts.reverse();
}

/**
 * Whether the payback has lines to count. A net line with no investment, return or cost beside it
 * is the flow itself (a net-only appraisal table): it is analysed directly.
 */
export function promoteNetOnly(lines: RawLine[]): boolean {
  const counted = (l: RawLine) =>
    (l.role === "investment" || l.role === "return" || l.role === "cost") && l.hasAmounts;
  if (lines.some(counted)) return true;
  const nets = lines.filter((l) => l.role === "net" && l.hasAmounts);
  if (nets.length !== 1) return false;
  nets[0].role = "net-flow";
  return true;
}

/** A cost's figures are money out whichever way they are shown: negative as shown, else turned. */
export function costSign(snapshot: SheetSnapshot, spans: BlockSpan[], line: RawLine): 1 | -1 {
  let negative = 0;
  let positive = 0;
  line.rows.forEach((row, b) => {
    if (row === null) return;
    for (const col of spans[b].periodCols) {
      const n = shownNumber(cellAt(snapshot, row, col));
      if (n && n.isNegative() && !n.isZero()) negative++;
      else if (n && !n.isZero()) positive++;
    }
  });
  return negative > positive ? 1 : -1;
}

/** Lines with figures that are neither counted nor checked, with the reason. */
export function excludedOf(
  snapshot: SheetSnapshot,
  lines: RawLine[],
  labelCol: number
): ExcludedLine[] {
  const out: ExcludedLine[] = [];
  for (const l of lines) {
    if (!l.hasAmounts || l.role === null) continue;
    const reason = exclusionReason(l.role);
    if (!reason) continue;
    out.push({
      cell: sheetCellName(snapshot, l.rows.find((r) => r !== null) as number, labelCol),
      label: l.label,
      reason,
      holdsMoney: l.role !== "ignored" && l.hasNonZero,
    });
  }
  return out;
}
