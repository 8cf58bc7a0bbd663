/**
 * The =ITOS.* custom functions as plain functions over the engine, so they can be tested in Node.
 * Excel hands ranges over as 2-D arrays of numbers, strings ("" for a blank cell) and booleans, and
 * an omitted optional argument as null. Every function returns an Excel error value for a bad
 * argument instead of throwing: a thrown error would show a bare #VALUE! with no explanation.
 */
import Decimal from "decimal.js";
import {
  analysePayback,
  measurePayback,
  dateToSerial,
  DEFAULT_OPTIONS,
  discountFactors,
  findBreakEven,
  fromNumber,
  fyLabelOf,
  interpolatedPeriods,
  isItosError,
  monthPeriod,
  nextMonth,
  parseAmount,
  parsePeriodHeader,
  runningTotal,
  serialToDate,
  sum,
  toNumber,
  yearPeriod,
  ZERO,
  type Basis,
  type FlowLine,
  type Period,
  evaluate,
  halfUnitOf,
  term,
} from "../engine";

/** A value Excel passes for one cell. */
export type CellValue = number | string | boolean | null | undefined;
/** A range argument; a single cell may arrive as a bare value. */
export type RangeArg = CellValue[][] | CellValue;

/** The Excel error codes these functions return; only these two carry a message. */
export type ExcelErrorCode = "#VALUE!" | "#N/A";

/** What a function returns in place of a value when its arguments are unusable. */
export type ExcelError = CustomFunctions.Error | { code: ExcelErrorCode; message: string };

/** A bad argument, in a finance user's words; becomes #VALUE! (or #N/A for "no answer"). */
class ArgumentProblem extends Error {
  constructor(
    message: string,
    readonly code: ExcelErrorCode = "#VALUE!"
  ) {
    super(message);
  }
}

/**
 * Builds the Excel error value. Inside Excel the CustomFunctions global exists; elsewhere (Node
 * scripts) a plain object with the same code and message stands in for it.
 */
export function excelError(code: ExcelErrorCode, message: string): ExcelError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    const errorCode =
      code === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(errorCode, message);
  }
  return { code, message };
}

/** Runs a function body and turns every failure into an Excel error value (never a throw). */
function guarded<T>(body: () => T): T | ExcelError {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentProblem) return excelError(e.code, e.message);
    if (isItosError(e)) return excelError("#VALUE!", e.message);
    return excelError("#VALUE!", "ITOS could not work this out from the arguments given.");
  }
}

// ---------------------------------------------------------------------------------------------
// Arguments

function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function asMatrix(value: RangeArg): CellValue[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  return [[value]];
}

/** The cells of a one-row or one-column range, in order. */
function asList(value: RangeArg, name: string): CellValue[] {
  const m = asMatrix(value);
  if (m.length === 1) return m[0];
  if (m.every((row) => row.length === 1)) return m.map((row) => row[0]);
  throw new ArgumentProblem(`${name} must be a single row or a single column of cells.`);
}

/** A single value argument: a lone cell, or the first cell of a range. */
function asScalar(value: unknown): CellValue {
  if (Array.isArray(value)) return asScalar(value[0]);
  return value as CellValue;
}

function where(name: string, row: number, col: number, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return name;
  if (rows === 1) return `${name} (cell ${col + 1})`;
  if (cols === 1) return `${name} (cell ${row + 1})`;
  return `${name} (row ${row + 1}, column ${col + 1})`;
}

/** An amount from a cell: numbers as they are, text as councils write it, blank as zero. */
function amountOf(value: CellValue, place: string): Decimal {
  if (typeof value === "boolean")
    throw new ArgumentProblem(`${place} holds TRUE/FALSE where an amount is expected.`);
  const parsed = typeof value === "number" ? fromNumber(value) : parseAmount(value);
  if (parsed === null)
    throw new ArgumentProblem(
      `${place} holds the text '${String(value)}' where an amount is expected.`
    );
  return parsed;
}

/** How a flows range is laid out: periods run along the row, down the column, or across a block. */
interface FlowGrid {
  /** One series per line; every series has one amount per period. */
  lines: Decimal[][];
  orientation: "row" | "column" | "block";
  periodCount: number;
}

/**
 * Reads `flows`: a row or a column of net flows, or a block whose columns are periods and whose
 * rows are lines to add up.
 */
function readFlows(value: RangeArg, name = "flows"): FlowGrid {
  if (isOmitted(value))
    throw new ArgumentProblem(`${name} is empty: select the row or column of flows.`);
  const m = asMatrix(value);
  const rows = m.length;
  const cols = Math.max(...m.map((r) => r.length));
  const cell = (r: number, c: number) => amountOf(m[r][c] ?? null, where(name, r, c, rows, cols));
  if (rows > 1 && cols === 1) {
    return { lines: [m.map((_, r) => cell(r, 0))], orientation: "column", periodCount: rows };
  }
  const lines = m.map((row, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
  return { lines, orientation: rows === 1 ? "row" : "block", periodCount: cols };
}

/** Net flow of each period: the lines added up. */
function netFlows(grid: FlowGrid): Decimal[] {
  return Array.from({ length: grid.periodCount }, (_, i) => sum(grid.lines.map((line) => line[i])));
}

/**
 * The engine's lines from the flows: money out counts as investment and money in as return, cell
 * by cell, so net flows are unchanged and the first investment is the first period with money out.
 */
function engineLines(grid: FlowGrid): FlowLine[] {
  return grid.lines.flatMap((amounts, i) => [
    {
      label: `line ${i + 1} out`,
      role: "investment" as const,
      amounts: amounts.map((a) => (a.isNegative() ? a : ZERO)),
    },
    {
      label: `line ${i + 1} in`,
      role: "return" as const,
      amounts: amounts.map((a) => (a.isNegative() ? ZERO : a)),
    },
  ]);
}

/** First period with money going out on any line: where the first-investment basis starts. */
function firstMoneyOut(grid: FlowGrid): number | null {
  for (let i = 0; i < grid.periodCount; i++)
    if (grid.lines.some((line) => line[i].isNegative())) return i;
  return null;
}

function fyStartMonthOf(value: unknown): number {
  const v = asScalar(value);
  if (isOmitted(v) || v === "") return DEFAULT_OPTIONS.fyStartMonth;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 12) {
    throw new ArgumentProblem(
      `fy_start_month must be a month number from 1 to 12 (4 for April); got '${String(v)}'.`
    );
  }
  return v;
}

/** One period for each date: consecutive months, or consecutive years / financial years. */
interface DatedPeriods {
  periods: Period[];
  /** The Excel date serial of each period's first day (for BREAKEVEN's answer). */
  serials: number[];
}

function readDates(value: RangeArg, count: number, fyStartMonth: number): DatedPeriods {
  const cells = asList(value, "dates");
  if (cells.length !== count) {
    throw new ArgumentProblem(
      `dates has ${cells.length} cells but flows has ${count} periods: they must match one for one.`
    );
  }
  const months = cells.map((cell, i) => {
    const header =
      typeof cell === "number" || typeof cell === "string"
        ? parsePeriodHeader(cell, "dd/mm/yyyy")
        : null;
    if (header?.kind === "month") return { year: header.year, month: header.month };
    if (header?.kind === "fy") return { year: header.startYear, month: fyStartMonth };
    throw new ArgumentProblem(
      `dates (cell ${i + 1}) holds '${String(cell)}', which is not a date or a month such as Apr-22.`
    );
  });
  const stepOf = (i: number) =>
    (months[i].year - months[i - 1].year) * 12 + (months[i].month - months[i - 1].month);
  const step = months.length > 1 ? stepOf(1) : 1;
  if (step !== 1 && step !== 12)
    throw new ArgumentProblem("dates must be consecutive months or consecutive years.");
  for (let i = 1; i < months.length; i++) {
    if (stepOf(i) !== step) {
      const expected =
        step === 1
          ? nextMonth(months[i - 1].year, months[i - 1].month)
          : { year: months[i - 1].year + 1, month: months[i - 1].month };
      throw new ArgumentProblem(
        `dates (cell ${i + 1}) is not the period after the one before it: expected ${monthPeriod(expected.year, expected.month).label}.`
      );
    }
  }
  const periods = months.map(({ year, month }) => {
    if (step === 1) return monthPeriod(year, month, fyStartMonth);
    const fy = fyLabelOf(year, month, fyStartMonth);
    return yearPeriod(fy, fy);
  });
  return { periods, serials: months.map(({ year, month }) => dateToSerial(year, month, 1)) };
}

/** Months for flows given without dates: the answer in months needs only their order. */
function undatedMonths(count: number): Period[] {
  const periods: Period[] = [];
  let ym = { year: 2000, month: 1 };
  for (let i = 0; i < count; i++) {
    periods.push(monthPeriod(ym.year, ym.month));
    ym = nextMonth(ym.year, ym.month);
  }
  return periods;
}

function basisOf(value: unknown): Basis {
  const v = asScalar(value);
  if (isOmitted(v) || v === "") return DEFAULT_OPTIONS.basis;
  const text = String(v)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (text === "first-investment" || text === "investment") return "first-investment";
  if (text === "first-return" || text === "return") return "first-return";
  throw new ArgumentProblem(
    `basis must be "first-investment" or "first-return"; got '${String(v)}'.`
  );
}

function rateOf(value: unknown): Decimal {
  const v = asScalar(value);
  if (isOmitted(v) || v === "") return fromNumber(Number(DEFAULT_OPTIONS.discountRate));
  const rate =
    typeof v === "number" ? fromNumber(v) : typeof v === "string" ? parsePercent(v) : null;
  if (rate === null || rate.lessThanOrEqualTo(-1)) {
    throw new ArgumentProblem(
      `rate must be an annual discount rate such as 3.5% (0.035); got '${String(v)}'.`
    );
  }
  return rate;
}

function parsePercent(text: string): Decimal | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(text);
  if (m) return fromNumber(Number(m[1])).dividedBy(100);
  return parseAmount(text);
}

function periodsPerYearOf(value: unknown): number {
  const v = asScalar(value);
  if (isOmitted(v) || v === "") return 12;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 365) {
    throw new ArgumentProblem(
      `periods_per_year must be a whole number such as 12 (monthly) or 1 (annual); got '${String(v)}'.`
    );
  }
  return v;
}

function serialOf(value: unknown, name: string): number {
  const v = asScalar(value);
  if (typeof v === "number" && v > 0) return v;
  if (typeof v === "string") {
    const header = parsePeriodHeader(v);
    if (header?.kind === "month") return dateToSerial(header.year, header.month, 1);
  }
  throw new ArgumentProblem(`${name} must be a date; got '${String(v)}'.`);
}

/** Same shape as the flows: a row stays a row, a column a column; a block gives one row of periods. */
function shaped(values: number[], grid: FlowGrid): number[][] {
  return grid.orientation === "column" ? values.map((v) => [v]) : [values];
}

// ---------------------------------------------------------------------------------------------
// The functions

/** =ITOS.PAYBACK(flows, [dates], [basis]): payback period in months, interpolated within the break-even period. */
export function payback(flows: RangeArg, dates?: RangeArg, basis?: unknown): number | ExcelError {
  return guarded(() => {
    const grid = readFlows(flows);
    const periods = isOmitted(dates)
      ? undatedMonths(grid.periodCount)
      : readDates(dates as RangeArg, grid.periodCount, DEFAULT_OPTIONS.fyStartMonth).periods;
    const result = measurePayback({ periods, lines: engineLines(grid) }, { basis: basisOf(basis) });
    if (result.paybackMonths === null)
      throw new ArgumentProblem(
        result.messages.join(" ") || "No payback period within these flows.",
        "#N/A"
      );
    return toNumber(result.paybackMonths);
  });
}

/** =ITOS.BREAKEVEN(flows, dates): the date (Excel serial) of the first period whose cumulative position is back to zero or above. */
export function breakEven(flows: RangeArg, dates: RangeArg): number | ExcelError {
  return guarded(() => {
    const grid = readFlows(flows);
    if (isOmitted(dates))
      throw new ArgumentProblem(
        "dates is needed: select the row or column of month dates that goes with the flows."
      );
    const dated = readDates(dates, grid.periodCount, DEFAULT_OPTIONS.fyStartMonth);
    const found = findBreakEven(runningTotal(netFlows(grid)));
    if (found.status === "immediate") {
      throw new ArgumentProblem(
        "No break-even date: the cumulative position is never negative, so it pays back immediately.",
        "#N/A"
      );
    }
    if (found.status === "not-reached") {
      throw new ArgumentProblem(
        `Not paid back within these periods: the cumulative position ends ${found.shortfall.toFixed(0)} short of break-even.`,
        "#N/A"
      );
    }
    return dated.serials[found.index];
  });
}

/** =ITOS.CUMULATIVE(flows): the running position (running sum of net flow), spilled. */
export function cumulative(flows: RangeArg): number[][] | ExcelError {
  return guarded(() => {
    const grid = readFlows(flows);
    return shaped(runningTotal(netFlows(grid)).map(toNumber), grid);
  });
}

/** =ITOS.YEARSUMMARY(flows, dates, [fy_start_month]): one row per financial year: FY | net | cumulative at year end. */
export function yearSummary(
  flows: RangeArg,
  dates: RangeArg,
  fyStartMonth?: unknown
): (string | number)[][] | ExcelError {
  return guarded(() => {
    const grid = readFlows(flows);
    if (isOmitted(dates))
      throw new ArgumentProblem(
        "dates is needed: select the row or column of month dates that goes with the flows."
      );
    const { periods } = readDates(dates, grid.periodCount, fyStartMonthOf(fyStartMonth));
    const result = analysePayback({ periods, lines: engineLines(grid) });
    return result.years.map((y) => [y.fy, toNumber(y.net), toNumber(y.cumulative)]);
  });
}

/** =ITOS.NPV(flows, [rate], [periods_per_year]): net present value, the first period undiscounted. */
export function netPresentValue(
  flows: RangeArg,
  rate?: unknown,
  periodsPerYear?: unknown
): number | ExcelError {
  return guarded(() => {
    const net = netFlows(readFlows(flows));
    const factors = discountFactors(net.length, rateOf(rate), periodsPerYearOf(periodsPerYear));
    return toNumber(sum(net.map((f, i) => f.times(factors[i]))));
  });
}

/** =ITOS.DPAYBACK(flows, [rate], [periods_per_year]): discounted payback in months from the first investment. */
export function discountedPayback(
  flows: RangeArg,
  rate?: unknown,
  periodsPerYear?: unknown
): number | ExcelError {
  return guarded(() => {
    const perYear = periodsPerYearOf(periodsPerYear);
    const grid = readFlows(flows);
    const net = netFlows(grid);
    const factors = discountFactors(net.length, rateOf(rate), perYear);
    const discounted = net.map((f, i) => f.times(factors[i]));
    const position = runningTotal(discounted);
    const found = findBreakEven(position);
    if (found.status === "immediate") return 0;
    if (found.status === "not-reached") {
      throw new ArgumentProblem(
        `Not paid back within these periods once discounted: the discounted position ends ${found.shortfall.toFixed(0)} short.`,
        "#N/A"
      );
    }
    const start = firstMoneyOut(grid);
    if (start === null || start > found.index) {
      throw new ArgumentProblem(
        "The discounted position turns positive before any investment, so the payback period is not measured.",
        "#N/A"
      );
    }
    const periods = interpolatedPeriods(position, discounted, found.index, start);
    return toNumber(periods.times(12).dividedBy(perYear));
  });
}

/** =ITOS.FY(date, [fy_start_month]): the financial year a date falls in, "2022/23". */
export function financialYear(date: unknown, fyStartMonth?: unknown): string | ExcelError {
  return guarded(() => {
    const { year, month } = serialToDate(serialOf(date, "date"));
    return fyLabelOf(year, month, fyStartMonthOf(fyStartMonth));
  });
}

/**
 * =ITOS.RECONCILE(parts, stated_total): 0 when the stated total is the sum of its parts within
 * what rounding can explain (the reconciliation engine's rule: half a displayed unit for each
 * non-blank part and for the total; a function sees no number formats, so whole numbers count as
 * rounded to the unit), else stated total minus the sum of the parts.
 */
export function reconcile(parts: RangeArg, statedTotal: unknown): number | ExcelError {
  return guarded(() => {
    if (isOmitted(parts)) {
      throw new ArgumentProblem(
        "parts is empty: select the cells that should add up to the total."
      );
    }
    const m = asMatrix(parts);
    const partTerms = m.flatMap((row, r) =>
      row.map((value, c) => {
        const amount = amountOf(value ?? null, where("parts", r, c, m.length, row.length));
        const blank = value === "" || value === null || value === undefined;
        return term(
          { sheet: "parts", row: r, col: c },
          amount,
          blank ? ZERO : halfUnitOfAmount(amount)
        );
      })
    );
    const stated = asScalar(statedTotal);
    if (isOmitted(stated) || stated === "") {
      throw new ArgumentProblem(
        "stated_total is empty: select the cell holding the total to check."
      );
    }
    const total = amountOf(stated, "stated_total");
    const result = evaluate({
      stated: term({ sheet: "stated_total", row: 0, col: 0 }, total, halfUnitOfAmount(total)),
      parts: partTerms,
      partsText: "parts",
      subject: "stated_total",
      partsDescription: "the parts",
    });
    return result.status === "mismatch" ? toNumber(result.difference) : 0;
  });
}

/** Half the unit an amount is written to, as the reconciliation engine reads a General cell. */
function halfUnitOfAmount(amount: Decimal): Decimal {
  return halfUnitOf(null, toNumber(amount));
}
