/**
 * The =ITOS.* custom functions Excel sees. The JSDoc below is the source of functions.json
 * (custom-functions-metadata-plugin reads it at build time and registers each function), so the
 * descriptions are what Excel's autocomplete shows. Each function is a thin wrapper over
 * itosFunctions.ts; none writes to any cell. The parameter types here are what functions.json
 * declares; the spilling functions say `@returns {any[][]}` so that Excel spills their answer (it
 * also accepts a single error value from them), and leave the answer's own type to TypeScript.
 */
import * as itos from "./itosFunctions";

/**
 * Payback period in months: from the start of the first period with investment (or with a return) to the moment the cumulative position reaches zero, assuming even flow within that period.
 * @customfunction PAYBACK
 * @param flows Net flows, one per period: a row, a column, or a block whose rows are lines to add up (investment negative).
 * @param [dates] Month dates of the periods (or financial years such as 2022/23 for annual flows). Omit for monthly flows.
 * @param [basis] "first-investment" (default) or "first-return": where the payback period is measured from.
 * @returns Months to pay back.
 */
export function payback(flows: any[][], dates?: any[][], basis?: string): number | itos.ExcelError {
  return itos.payback(flows, dates, basis);
}

/**
 * The date of the break-even period: the first period whose cumulative position is zero or above after being negative. Format the cell as a date.
 * @customfunction BREAKEVEN
 * @param flows Net flows, one per period: a row, a column, or a block whose rows are lines to add up.
 * @param dates Month dates of the periods, one per period.
 * @returns The break-even month as a date.
 */
export function breakeven(flows: any[][], dates: any[][]): number | itos.ExcelError {
  return itos.breakEven(flows, dates);
}

/**
 * The cumulative position (running total of net flow), spilled in the same direction as the flows.
 * @customfunction CUMULATIVE
 * @param flows Net flows, one per period: a row, a column, or a block whose rows are lines to add up.
 * @returns {any[][]} The running position after each period.
 */
export function cumulative(flows: any[][]) {
  return itos.cumulative(flows);
}

/**
 * One row per financial year: the year (2022/23), its net flow and the cumulative position at its end.
 * @customfunction YEARSUMMARY
 * @param flows Net flows, one per period: a row, a column, or a block whose rows are lines to add up.
 * @param dates Month dates of the periods, one per period.
 * @param [fy_start_month] First month of the financial year, 1-12 (default 4, April).
 * @returns {any[][]} A table of FY, net and cumulative.
 */
export function yearsummary(flows: any[][], dates: any[][], fy_start_month?: number) {
  return itos.yearSummary(flows, dates, fy_start_month);
}

/**
 * Net present value of the flows, the first period undiscounted (HM Treasury Green Book rate 3.5% a year by default).
 * @customfunction NPV
 * @param flows Net flows, one per period: a row, a column, or a block whose rows are lines to add up.
 * @param [rate] Annual discount rate (default 3.5%).
 * @param [periods_per_year] Periods in a year: 12 for monthly flows (default), 4 quarterly, 1 annual.
 * @returns The net present value.
 */
export function npv(
  flows: any[][],
  rate?: number,
  periods_per_year?: number
): number | itos.ExcelError {
  return itos.netPresentValue(flows, rate, periods_per_year);
}

/**
 * Discounted payback period in months from the first investment, flows discounted at the annual rate (default 3.5%).
 * @customfunction DPAYBACK
 * @param flows Net flows, one per period: a row, a column, or a block whose rows are lines to add up.
 * @param [rate] Annual discount rate (default 3.5%).
 * @param [periods_per_year] Periods in a year: 12 for monthly flows (default), 4 quarterly, 1 annual.
 * @returns Months to pay back in discounted terms.
 */
export function dpayback(
  flows: any[][],
  rate?: number,
  periods_per_year?: number
): number | itos.ExcelError {
  return itos.discountedPayback(flows, rate, periods_per_year);
}

/**
 * The financial year a date falls in, such as 2022/23 (UK years start in April).
 * @customfunction FY
 * @param date A date.
 * @param [fy_start_month] First month of the financial year, 1-12 (default 4, April).
 * @returns The financial year label.
 */
export function fy(date: any, fy_start_month?: number): string | itos.ExcelError {
  return itos.financialYear(date, fy_start_month);
}

/**
 * Checks a stated total: 0 when it is the sum of its parts (allowing for rounding of whole-pound figures), otherwise the stated total minus the sum.
 * @customfunction RECONCILE
 * @param parts The cells that should add up to the total.
 * @param stated_total The total as stated.
 * @returns 0, or the difference.
 */
export function reconcile(parts: any[][], stated_total: any): number | itos.ExcelError {
  return itos.reconcile(parts, stated_total);
}

/**
 * How far the case can slip and still pay back within the limit: the largest cut in all returns (0.25 is 25%) and the largest delay of all returns in periods, spilled as one row.
 * @customfunction HEADROOM
 * @param flows Flows, one per period: a row, a column, or a block whose rows are lines to add up (investment negative).
 * @param limit_years The payback limit in years, such as 3.
 * @param [dates] Month dates of the periods (or financial years such as 2022/23 for annual flows). Omit for monthly flows.
 * @returns {any[][]} The returns cut and the delay in periods.
 */
export function headroom(flows: any[][], limit_years: any, dates?: any[][]) {
  return itos.headroom(flows, limit_years, dates);
}

/**
 * The case rerun with returns and investment changed and returns delayed: payback in months (or "never"), NPV at 3.5% and the returns lost past the last month, spilled as one row.
 * @customfunction SCENARIO
 * @param flows Monthly flows: a row, a column, or a block whose rows are lines to add up (investment negative).
 * @param [returns_change] Change to every return, such as -20% (default 0).
 * @param [investment_change] Change to every investment, such as 10% (default 0).
 * @param [delay] Months by which every return slips (default 0).
 * @returns {any[][]} Payback in months, NPV and lost returns.
 */
export function scenario(
  flows: any[][],
  returns_change?: any,
  investment_change?: any,
  delay?: number
) {
  return itos.scenario(flows, returns_change, investment_change, delay);
}
