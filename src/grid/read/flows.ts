/**
 * From a grid model to the engine's input: the component investment and return lines, one amount
 * per period, turned into the engine's sign convention. Stated totals take no part: they are what
 * reconciliation checks.
 */
import type Decimal from "decimal.js";
import { ItosError, fromNumber, parseAmount, ZERO, type FlowLine, type Period } from "../../engine";
import { lineCell, type GridLine, type GridModel } from "./model";
import { sheetCellName } from "./orient";
import { cellAt, isBlank, isCellError, type SheetSnapshot } from "../../sheet";

function shortText(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

/** The amount in a cell as shown: blanks, "-" and "n/a" are zero; errors and words are refused. */
export function amountAt(snapshot: SheetSnapshot, row: number, col: number): Decimal {
  const value = cellAt(snapshot, row, col);
  if (typeof value === "number" && Number.isFinite(value))
    return value === 0 ? ZERO : fromNumber(value);
  if (value === null || isBlank(value)) return ZERO;
  const where = sheetCellName(snapshot, row, col);
  if (isCellError(value)) {
    throw new ItosError(
      "bad-amount",
      `${where} holds ${value.error} where an amount is expected.`,
      { cell: where }
    );
  }
  if (typeof value === "boolean") {
    throw new ItosError(
      "bad-amount",
      `${where} holds ${value ? "TRUE" : "FALSE"} where an amount is expected.`,
      { cell: where }
    );
  }
  const amount = parseAmount(value);
  if (amount === null) {
    const shown = typeof value === "string" ? `the text '${shortText(value)}'` : String(value);
    throw new ItosError("bad-amount", `${where} holds ${shown} where an amount is expected.`, {
      cell: where,
    });
  }
  return amount;
}

/** The engine's periods and component lines, amounts in the grid's own unit. */
export function flowsFromModel(
  model: GridModel,
  snapshot: SheetSnapshot
): { periods: Period[]; lines: FlowLine[] } {
  const periods = model.periods.map((s) => s.period);
  const lines: FlowLine[] = [];
  const amountsOf = (line: GridLine) =>
    model.periods.map((_, i) => {
      const cell = lineCell(model, line, i);
      if (!cell) return ZERO;
      const shown = amountAt(snapshot, cell.row, cell.col);
      return line.sign === 1 || shown.isZero() ? shown : shown.negated();
    });
  for (const line of model.lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    lines.push({ label: line.label, role: line.role, amounts: amountsOf(line) });
  }
  // A net-only table: its net line is the flow, money out where negative and in where positive.
  const net = model.lines.filter((l) => l.role === "net");
  if (lines.length === 0 && net.length === 1) {
    const amounts = amountsOf(net[0]);
    const part = (keep: (d: Decimal) => boolean) => amounts.map((a) => (keep(a) ? a : ZERO));
    lines.push({ label: net[0].label, role: "investment", amounts: part((a) => a.isNegative()) });
    lines.push({ label: net[0].label, role: "return", amounts: part((a) => a.isPositive()) });
  }
  return { periods, lines };
}
