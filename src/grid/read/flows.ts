/**
 * From a grid model to the engine's input: the component investment and return lines, one amount
 * per period, turned into the engine's sign convention. Stated totals take no part: they are what
 * reconciliation checks.
 */
import type Decimal from "decimal.js";
import {
  ErrorMessage,
  ItosError,
  fromNumber,
  parseAmount,
  ZERO,
  type FlowLine,
  type Period,
} from "../../engine";
import { lineCell, type GridModel, type LineRole } from "./model";
import { sheetCellName } from "./orient";
import { cellAt, isBlank, isCellError, type CellValue, type SheetSnapshot } from "../../sheet";

function shortText(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

/** What a cell that is not an amount holds, as the sheet shows it: #REF!, TRUE, the text 'tbc'. */
function shownContent(value: CellValue): string {
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return typeof value === "string" ? `the text '${shortText(value)}'` : String(value);
}

/** The amount in a cell as shown: blanks, "-" and "n/a" are zero; errors and words are refused. */
export function amountAt(snapshot: SheetSnapshot, row: number, col: number): Decimal {
  const value = cellAt(snapshot, row, col);
  if (typeof value === "number" && Number.isFinite(value))
    return value === 0 ? ZERO : fromNumber(value);
  if (value === null || isBlank(value)) return ZERO;
  const amount = isCellError(value) || typeof value === "boolean" ? null : parseAmount(value);
  if (amount !== null) return amount;
  const where = sheetCellName(snapshot, row, col);
  throw new ItosError("bad-amount", ErrorMessage.amount.notAnAmount(where, shownContent(value)), {
    cell: where,
  });
}

/** The roles whose amounts make the flow. */
function isCounted(role: LineRole): role is "investment" | "return" | "cost" | "net-flow" {
  return role === "investment" || role === "return" || role === "cost" || role === "net-flow";
}

/** The engine's periods and component lines, amounts in the grid's own unit. */
export function flowsFromModel(
  model: GridModel,
  snapshot: SheetSnapshot
): { periods: Period[]; lines: FlowLine[] } {
  const periods = model.periods.map((s) => s.period);
  const lines: FlowLine[] = [];
  for (const line of model.lines) {
    if (!isCounted(line.role)) continue;
    const amounts = model.periods.map((_, i) => {
      const cell = lineCell(model, line, i);
      if (!cell) return ZERO;
      const shown = amountAt(snapshot, cell.row, cell.col);
      return line.sign === 1 || shown.isZero() ? shown : shown.negated();
    });
    if (line.role === "net-flow") {
      // The net line is the flow: what goes out of it is the investment, what comes in the return.
      lines.push({
        label: line.label,
        role: "investment",
        amounts: amounts.map((a) => (a.isNegative() ? a : ZERO)),
      });
      lines.push({
        label: line.label,
        role: "return",
        amounts: amounts.map((a) => (a.isNegative() ? ZERO : a)),
      });
      continue;
    }
    // A cost reduces the return: money out, but not the outlay the payback recovers.
    lines.push({ label: line.label, role: line.role === "cost" ? "return" : line.role, amounts });
  }
  return { periods, lines };
}
