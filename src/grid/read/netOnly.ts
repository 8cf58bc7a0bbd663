/**
 * Net-only tables: an appraisal table often has no investment or return line at all, only a
 * "Net cash flow" (the outlay negative in Year 0, the inflows after), perhaps with the lines it is
 * made of beside it ("Net income", "Depreciation"). The net line is analysed directly; the lines
 * that add up to it are counted through it, and said to be.
 */
import type Decimal from "decimal.js";
import { parseAmount, ZERO } from "../../engine";
import { cellAt, isBlank, type SheetSnapshot } from "../../sheet";
import type { LineRole } from "./model";
import { cellName } from "./orient";

export interface NetOnlyLine {
  key: string;
  label: string;
  rows: (number | null)[];
  hasAmounts: boolean;
  role: LineRole | null;
}

function figure(snapshot: SheetSnapshot, row: number, col: number): Decimal | null {
  const v = cellAt(snapshot, row, col);
  if (typeof v === "number") return parseAmount(v);
  if (typeof v === "string" && !isBlank(v)) return parseAmount(v);
  return null;
}

/** Every (row, col) of a line's periods, block by block. */
function cellsOf(line: NetOnlyLine, periodCols: number[][]): { row: number; col: number }[][] {
  return periodCols.map((cols, b) => {
    const row = line.rows[b];
    return row === null || row === undefined ? [] : cols.map((col) => ({ row, col }));
  });
}

/** True when `net` is the sum of `parts` in every period where a part has a figure (and some has). */
function sumOf(
  snapshot: SheetSnapshot,
  net: NetOnlyLine,
  parts: NetOnlyLine[],
  periodCols: number[][]
): boolean {
  const netCells = cellsOf(net, periodCols);
  let checked = 0;
  for (let b = 0; b < periodCols.length; b++) {
    for (let k = 0; k < netCells[b].length; k++) {
      let total: Decimal = ZERO;
      let any = false;
      for (const part of parts) {
        const cell = cellsOf(part, periodCols)[b][k];
        const v = cell ? figure(snapshot, cell.row, cell.col) : null;
        if (v) [total, any] = [total.plus(v), true];
      }
      if (!any) continue;
      const stated = figure(snapshot, netCells[b][k].row, netCells[b][k].col) ?? ZERO;
      if (!stated.minus(total).abs().lessThanOrEqualTo(parts.length)) return false;
      checked++;
    }
  }
  return checked > 0;
}

function hasNegative(snapshot: SheetSnapshot, line: NetOnlyLine, periodCols: number[][]): boolean {
  return cellsOf(line, periodCols).some((cells) =>
    cells.some((c) => figure(snapshot, c.row, c.col)?.isNegative() === true)
  );
}

/**
 * Where no investment line holds amounts, settles the roles of a net-only table in place: the one
 * net line analysed; the lines it is the sum of counted through it (ignored, with a note); a lone
 * "inflows" line that holds the outlay as a negative figure read as the net line. Returns the
 * label cells of the lines still undecided.
 */
export function settleNetOnly(
  snapshot: SheetSnapshot,
  lines: NetOnlyLine[],
  periodCols: number[][],
  labelCol: number,
  warnings: string[]
): void {
  const withAmounts = lines.filter((l) => l.hasAmounts);
  // Investment or cost lines are the flows themselves: no net-only table.
  if (withAmounts.some((l) => l.role === "investment" || l.role === "cost")) return;
  const where = (l: NetOnlyLine) =>
    `${cellName(snapshot, l.rows.find((r) => r !== null) as number, labelCol)} '${l.label}'`;
  const returns = withAmounts.filter((l) => l.role === "return");
  const nets = withAmounts.filter((l) => l.role === "net");
  if (nets.length === 0 && returns.length === 1 && hasNegative(snapshot, returns[0], periodCols)) {
    returns[0].role = "net";
    warnings.push(
      `${where(returns[0])} holds the outlay as a negative figure and there is no investment line: it is read as the net cash flow.`
    );
    return;
  }
  if (returns.length > 0 || nets.length === 0) return;
  const open = withAmounts.filter((l) => l.role === null || l.role === "net");
  const chosen =
    nets.find((n) =>
      sumOf(
        snapshot,
        n,
        open.filter((l) => l !== n),
        periodCols
      )
    ) ?? (nets.length === 1 ? nets[0] : null);
  if (!chosen) return;
  const parts = open.filter((l) => l !== chosen);
  if (parts.length > 0 && !sumOf(snapshot, chosen, parts, periodCols)) return;
  for (const p of parts) p.role = "ignored";
  if (parts.length > 0)
    warnings.push(
      `${parts.map(where).join(", ")}: parts of ${where(chosen)} (it is their sum); counted through it, not again.`
    );
}
