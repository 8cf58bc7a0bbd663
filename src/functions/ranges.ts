/**
 * Reading the ranges Excel hands a custom function: 2-D arrays of numbers, strings ("" for a blank
 * cell) and booleans, a bare value for a single cell, null for an omitted optional argument, and an
 * error object for a cell that holds an Excel error.
 */
import Decimal from "decimal.js";
import {
  fromNumber,
  parseAmount,
  sum,
  ZERO,
  type DiscountedPaybackInput,
  type FlowLine,
} from "../engine";
import { ArgumentProblem } from "./excelErrors";

/** A value Excel passes for one cell. */
export type CellValue = number | string | boolean | null | undefined;
/** A range argument; a single cell may arrive as a bare value. */
export type RangeArg = CellValue[][] | CellValue;

export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}

/** The code of a cell that holds an Excel error (#N/A, #DIV/0!, ...), else null. */
function excelErrorCodeOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : null;
}

/** Refuses a cell holding an Excel error, or any other value that is not a plain cell value. */
export function refuseNonValue(value: unknown, place: string): asserts value is CellValue {
  const errorCode = excelErrorCodeOf(value);
  if (errorCode !== null)
    throw new ArgumentProblem(
      `${place} holds the error ${errorCode}: correct that cell first, then ITOS can use it.`
    );
  if (typeof value === "object" && value !== null)
    throw new ArgumentProblem(`${place} holds something ITOS cannot read as a cell value.`);
}

export function asMatrix(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

/** The cells of a one-row or one-column range, in order. */
export function asList(value: unknown, name: string): unknown[] {
  const matrix = asMatrix(value);
  if (matrix.length === 1) return matrix[0];
  if (matrix.every((row) => row.length === 1)) return matrix.map((row) => row[0]);
  throw new ArgumentProblem(`${name} must be a single row or a single column of cells.`);
}

/** A single value argument: a lone cell, or the first cell of a range. */
export function firstCell(value: unknown): unknown {
  if (Array.isArray(value)) return firstCell(value[0]);
  return value;
}

/** Names a cell of a range argument the way the user sees it: "flows (cell 3)". */
function cellPlace(name: string, row: number, column: number, rows: number, columns: number) {
  if (rows === 1 && columns === 1) return name;
  if (rows === 1) return `${name} (cell ${column + 1})`;
  if (columns === 1) return `${name} (cell ${row + 1})`;
  return `${name} (row ${row + 1}, column ${column + 1})`;
}

/** An amount from a cell: numbers as they are, text as councils write it, blank as zero. */
export function amountOf(value: unknown, place: string): Decimal {
  refuseNonValue(value, place);
  if (typeof value === "boolean")
    throw new ArgumentProblem(`${place} holds TRUE/FALSE where an amount is expected.`);
  const parsed = typeof value === "number" ? fromNumber(value) : parseAmount(value);
  if (parsed === null)
    throw new ArgumentProblem(
      `${place} holds the text '${String(value)}' where an amount is expected.`
    );
  return parsed;
}

/** One cell of a range of amounts. */
export interface AmountCell {
  amount: Decimal;
  /** Blank cells count as zero, and a zero nobody wrote has no rounding to allow for. */
  blank: boolean;
}

/** The amounts of a range, row by row; a cell that is not an amount is refused by its place. */
export function readAmountCells(value: unknown, name: string): AmountCell[][] {
  const matrix = asMatrix(value);
  const columns = Math.max(...matrix.map((row) => row.length));
  return matrix.map((row, rowIndex) =>
    row.map((cell, columnIndex) => ({
      amount: amountOf(
        cell ?? null,
        cellPlace(name, rowIndex, columnIndex, matrix.length, columns)
      ),
      blank: isBlank(cell),
    }))
  );
}

/** How a flows range is laid out: periods run along the row, down the column, or across a block. */
export interface FlowGrid {
  /** One series per line; every series has one amount per period. */
  lines: Decimal[][];
  orientation: "row" | "column" | "block";
  periodCount: number;
}

/**
 * Reads flows: a row or a column of net flows, or a block whose columns are periods and whose
 * rows are lines to add up (a short row counts as zero in its missing periods).
 */
export function readFlows(value: unknown, name: string): FlowGrid {
  const cells = readAmountCells(value, name);
  const amounts = cells.map((row) => row.map((cell) => cell.amount));
  const columns = Math.max(...amounts.map((row) => row.length));
  if (amounts.length > 1 && columns === 1)
    return {
      lines: [amounts.map((row) => row[0] ?? ZERO)],
      orientation: "column",
      periodCount: amounts.length,
    };
  const lines = amounts.map((row) =>
    Array.from({ length: columns }, (_, period) => row[period] ?? ZERO)
  );
  return { lines, orientation: amounts.length === 1 ? "row" : "block", periodCount: columns };
}

/** Net flow of each period: the lines added up. */
export function netFlows(grid: FlowGrid): Decimal[] {
  return Array.from({ length: grid.periodCount }, (_, period) =>
    sum(grid.lines.map((line) => line[period]))
  );
}

const moneyOut = (amount: Decimal): Decimal => (amount.isNegative() ? amount : ZERO);
const moneyIn = (amount: Decimal): Decimal => (amount.isNegative() ? ZERO : amount);

/**
 * The engine's lines from the flows: money out counts as investment and money in as return, cell
 * by cell, so net flows are unchanged and the first investment is the first period with money out.
 */
export function engineLines(grid: FlowGrid): FlowLine[] {
  return grid.lines.flatMap((amounts, index) => [
    { label: `line ${index + 1} out`, role: "investment" as const, amounts: amounts.map(moneyOut) },
    { label: `line ${index + 1} in`, role: "return" as const, amounts: amounts.map(moneyIn) },
  ]);
}

/** The flows by role, period by period, as the engine's discounted payback reads them. */
export function flowsByRole(grid: FlowGrid): DiscountedPaybackInput {
  const total = (part: (amount: Decimal) => Decimal) =>
    Array.from({ length: grid.periodCount }, (_, period) =>
      sum(grid.lines.map((line) => part(line[period])))
    );
  const investmentByPeriod = total(moneyOut);
  const returnByPeriod = total(moneyIn);
  const firstWhere = (flows: Decimal[], test: (flow: Decimal) => boolean) => {
    const index = flows.findIndex(test);
    return index < 0 ? null : index;
  };
  return {
    investmentByPeriod,
    returnByPeriod,
    firstInvestment: firstWhere(investmentByPeriod, (flow) => !flow.isZero()),
    firstReturn: firstWhere(returnByPeriod, (flow) => flow.greaterThan(0)),
  };
}

/** Same shape as the flows: a row stays a row, a column a column; a block gives one row of periods. */
export function shaped(values: number[], grid: FlowGrid): number[][] {
  return grid.orientation === "column" ? values.map((value) => [value]) : [values];
}
