/**
 * The payback engine's vocabulary. Definitions follow the project's design notes: one meaning
 * everywhere (engine, task pane, custom functions, CLI).
 */
import type Decimal from "decimal.js";

/** Where the payback period is measured from. */
export type Basis = "first-investment" | "first-return";

export type Periodicity = "monthly" | "annual";

/**
 * One period of the axis: a month, or a year of an annual grid.
 * key: "2022-01" for a month; the FY label ("2017/18") or the grid's own label ("Year 1") for a year.
 */
export interface Period {
  kind: "month" | "year";
  key: string;
  /** Label for people: "Jan-22", "2017/18", "Year 1". */
  label: string;
  /** Calendar year and month (1-12) of a month period. */
  year?: number;
  month?: number;
  /** The financial year the period falls in ("2022/23"), when known. */
  fy: string | null;
}

/** Role of a component line in the engine: investment counts negative, returns as they come. */
export type FlowRole = "investment" | "return";

export interface FlowLine {
  label: string;
  role: FlowRole;
  /**
   * One amount per period, already in the engine's sign convention: investment negative
   * (money out), return positive (money saved; a cost of the new service is a negative return).
   */
  amounts: Decimal[];
}

export interface PaybackOptions {
  basis?: Basis;
  /** Annual discount rate for NPV and discounted payback (Green Book default 0.035). */
  discountRate?: Decimal.Value;
  /** First month of the financial year, 1-12 (default 4, April). */
  fyStartMonth?: number;
}

export type BreakEven =
  /** The cumulative position is never negative. */
  | { status: "immediate" }
  /** index: first period with cumulative >= 0 after < 0; sustainedIndex: from which it never dips again. */
  | { status: "reached"; index: number; sustainedIndex: number | null }
  /** Cumulative still negative at the end of the horizon; shortfall is positive. */
  | { status: "not-reached"; shortfall: Decimal };

export interface YearSummary {
  fy: string;
  investment: Decimal;
  return: Decimal;
  net: Decimal;
  /** Cumulative position at the end of the year. */
  cumulative: Decimal;
}

export interface PaybackResult {
  periodicity: Periodicity;
  periods: Period[];
  basis: Basis;
  investmentByPeriod: Decimal[];
  returnByPeriod: Decimal[];
  net: Decimal[];
  cumulative: Decimal[];
  firstInvestment: number | null;
  firstReturn: number | null;
  crossover: number | null;
  breakEven: BreakEven;
  /** Interpolated payback, in months (annual grids: years × 12), from the basis start. */
  paybackMonths: Decimal | null;
  paybackYears: Decimal | null;
  totals: { investment: Decimal; return: Decimal; net: Decimal };
  /** Net return over investment: net / |investment|; null without investment. */
  roi: Decimal | null;
  discountRate: Decimal;
  npv: Decimal;
  discountedBreakEven: BreakEven;
  discountedPaybackMonths: Decimal | null;
  years: YearSummary[];
  /** Why an answer is missing or approximate, in a finance user's words. */
  messages: string[];
}
