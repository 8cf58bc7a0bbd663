/**
 * The payback engine's vocabulary. Definitions follow the project's design notes: one meaning
 * everywhere (engine, task pane, custom functions, CLI).
 */
import type Decimal from "decimal.js";

/** Where the payback period is measured from (the two cumulative-walk conventions). */
export type Basis = "first-investment" | "first-return";

/**
 * The four ways papers quote a payback period (design notes, "Payback period"):
 * - first-investment: cumulative net position from the start of the first period with investment;
 * - first-return: the same, from the start of the first period with a return;
 * - simple: the total investment, treated as paid up front, recovered by cumulative returns
 *   counted from the first return period;
 * - time-zero: Year 0 tables; Year 0 is the instant of investment, payback counted from its end.
 */
export type PaybackConvention = "first-investment" | "first-return" | "simple" | "time-zero";

/** Monthly or annual: the axis as the reader and the reports have always described it. */
export type Periodicity = "monthly" | "annual";

/**
 * How often the periods come, quarters included. Kept apart from Periodicity so that code typed
 * on the two older values keeps compiling; PaybackResult.cadence carries this one.
 */
export type Cadence = Periodicity | "quarterly";

/**
 * One period of the axis: a month, or a year of an annual grid.
 * key: "2022-01" for a month; the FY label ("2017/18") or the grid's own label ("Year 1") for a year.
 */
export interface Period {
  kind: "month" | "quarter" | "year";
  /** "2022-01" for a month, "2024-Q2" for a calendar quarter (Apr-Jun 2024), "2024" for a calendar year. */
  key: string;
  /** Label for people: "Jan-22", "Apr-Jun 24", "2017/18", "Year 1". */
  label: string;
  /** Calendar year and month (1-12) of a month period; for a quarter, its first month. */
  year?: number;
  month?: number;
  /** The financial year the period falls in ("2022/23"), when known. */
  fy: string | null;
  /** The n of a "Year n" period of an appraisal table. */
  yearNumber?: number;
  /** True for Year 0 of an appraisal table: the instant of the investment (time zero). */
  timeZero?: boolean;
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
  /**
   * The convention of the headline payback. Default: time-zero for a Year 0 table,
   * first-investment otherwise; `basis`, when given, stands for its convention.
   */
  convention?: PaybackConvention;
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

/** A payback period in both units: months, and years (months / 12). */
export interface PaybackFigure {
  months: Decimal;
  years: Decimal;
}

/** The payback in every convention; null where a convention does not apply or is never reached. */
export type PaybackByConvention = Record<PaybackConvention, PaybackFigure | null>;

export interface PaybackResult {
  /** "monthly" for month and quarter grids alike (see cadence), "annual" for years. */
  periodicity: Periodicity;
  cadence: Cadence;
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
  /** The convention of the headline payback (paybackMonths, paybackYears). */
  convention: PaybackConvention;
  /** Interpolated payback in the headline convention, in months (annual grids: years × 12). */
  paybackMonths: Decimal | null;
  paybackYears: Decimal | null;
  paybackByConvention: PaybackByConvention;
  /** Why a convention's payback is null, for each that is. */
  conventionNotes: Partial<Record<PaybackConvention, string>>;
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
