/**
 * The largest amount ITOS answers for. Excel holds a number exactly to 15 significant digits, so
 * an amount, or a total ITOS writes, of 10^15 or more (a thousand trillion in the grid's unit)
 * cannot be added up exactly in the workbook; near 1e308 it overflows to Infinity and every
 * formula over it shows #NUM!. Such a grid is refused, naming the cell, rather than answered wrongly.
 */
import type Decimal from "decimal.js";
import { ErrorMessage, ItosError, type PaybackResult } from "../engine";
import { cellAt, rangeA1, type SheetSnapshot } from "../sheet";
import { lineCell, sheetCell, type GridModel } from "./read";

/** Amounts and totals must be smaller than this in magnitude (15 whole digits at most). */
export const AMOUNT_LIMIT = 1e15;

function tooLarge(n: number): boolean {
  return !Number.isFinite(n) || Math.abs(n) >= AMOUNT_LIMIT;
}

function shownNumber(n: number): string {
  return Number.isFinite(n) ? n.toExponential(3).replace("e+", "E+") : String(n);
}

/** Every amount of the grid's lines (periods and stated totals beside them) within the limit. */
export function checkAmountsInRange(model: GridModel, snapshot: SheetSnapshot): void {
  for (const line of model.lines) {
    if (line.role === "heading" || line.role === "ignored") continue;
    const cells: { row: number; col: number }[] = [];
    model.periods.forEach((_, slot) => {
      const c = lineCell(model, line, slot);
      if (c) cells.push(c);
    });
    model.blocks.forEach((block, b) => {
      const lineIndex = line.lineIndex[b];
      if (lineIndex === null || lineIndex === undefined) return;
      for (const t of block.totals) cells.push(sheetCell(model, lineIndex, t.periodIndex));
    });
    for (const { row, col } of cells) {
      const v = cellAt(snapshot, row, col);
      if (typeof v !== "number" || !tooLarge(v)) continue;
      const cell = `${model.sheetName}!${rangeA1(row, col, row, col)}`;
      throw new ItosError(
        "bad-amount",
        ErrorMessage.amount.tooLarge(cell, shownNumber(v), line.label),
        { cell }
      );
    }
  }
}

/** The totals and running position ITOS writes, within the limit (amounts in range can still add up past it). */
export function checkTotalsInRange(model: GridModel, result: PaybackResult): void {
  const b = model.bounds;
  const where = `${model.sheetName}!${rangeA1(b.top, b.left, b.bottom, b.right)}`;
  const checks: [string, Decimal][] = [
    ["total investment", result.totals.investment],
    ["total return", result.totals.return],
    ["net total", result.totals.net],
    ...result.cumulative.map((c, i): [string, Decimal] => [
      `cumulative position at ${result.periods[i].label}`,
      c,
    ]),
  ];
  for (const [what, value] of checks) {
    if (value.abs().lessThan(AMOUNT_LIMIT)) continue;
    const shown = value.toExponential(3).replace("e+", "E+");
    throw new ItosError("bad-amount", ErrorMessage.amount.totalTooLarge(what, where, shown), {
      cell: where,
    });
  }
}
