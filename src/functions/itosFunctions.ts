/**
 * The =ITOS.* custom functions as plain functions over the engine, so they can be tested in Node.
 * Each is its parameters from the table in parameters.ts and a body that gets them already read;
 * a bad argument, or a question with no answer, comes back as an Excel error value with a message.
 */
import Decimal from "decimal.js";
import {
  analysePayback,
  DEFAULT_OPTIONS,
  discountedPaybackPeriods,
  evaluate,
  findBreakEven,
  fyLabelOf,
  halfUnitOf,
  headroom as findHeadroom,
  measurePayback,
  npv,
  runningTotal,
  serialToDate,
  term,
  toNumber,
  whatIf,
  ZERO,
} from "../engine";
import { withArguments } from "./arguments";
import { datedPeriods, undatedMonths } from "./dates";
import { ArgumentProblem } from "./excelErrors";
import { ITOS_FUNCTIONS } from "./parameters";
import { engineLines, flowsByRole, netFlows, shaped } from "./ranges";

export { excelError, type ExcelError, type ExcelErrorCode } from "./excelErrors";
export type { CellValue, RangeArg } from "./ranges";

/** =ITOS.PAYBACK(flows, [dates], [basis]): payback period in months, interpolated within the break-even period. */
export const payback = withArguments(ITOS_FUNCTIONS.PAYBACK, (flows, dates, basis) => {
  const periods =
    dates === null
      ? undatedMonths(flows.periodCount)
      : datedPeriods(dates, flows.periodCount, DEFAULT_OPTIONS.fyStartMonth).periods;
  const result = measurePayback({ periods, lines: engineLines(flows) }, { basis });
  if (result.paybackMonths === null)
    throw new ArgumentProblem(
      result.messages.join(" ") || "No payback period within these flows.",
      "#N/A"
    );
  return toNumber(result.paybackMonths);
});

/** =ITOS.BREAKEVEN(flows, dates): the date (Excel serial) of the first period whose cumulative position is back to zero or above. */
export const breakEven = withArguments(ITOS_FUNCTIONS.BREAKEVEN, (flows, dates) => {
  const dated = datedPeriods(dates, flows.periodCount, DEFAULT_OPTIONS.fyStartMonth);
  const found = findBreakEven(runningTotal(netFlows(flows)));
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

/** =ITOS.CUMULATIVE(flows): the running position (running sum of net flow), spilled. */
export const cumulative = withArguments(ITOS_FUNCTIONS.CUMULATIVE, (flows) =>
  shaped(runningTotal(netFlows(flows)).map(toNumber), flows)
);

/** =ITOS.YEARSUMMARY(flows, dates, [fy_start_month]): one row per financial year: FY | net | cumulative at year end. */
export const yearSummary = withArguments(
  ITOS_FUNCTIONS.YEARSUMMARY,
  (flows, dates, fyStartMonth): (string | number)[][] => {
    const { periods } = datedPeriods(dates, flows.periodCount, fyStartMonth);
    const result = analysePayback({ periods, lines: engineLines(flows) });
    return result.years.map((year) => [year.fy, toNumber(year.net), toNumber(year.cumulative)]);
  }
);

/** =ITOS.NPV(flows, [rate], [periods_per_year]): net present value, the first period undiscounted. */
export const netPresentValue = withArguments(ITOS_FUNCTIONS.NPV, (flows, rate, periodsPerYear) =>
  toNumber(npv(netFlows(flows), rate, periodsPerYear))
);

/** =ITOS.DPAYBACK(flows, [rate], [periods_per_year]): discounted payback in months from the first investment. */
export const discountedPayback = withArguments(
  ITOS_FUNCTIONS.DPAYBACK,
  (flows, rate, periodsPerYear) => {
    const found = discountedPaybackPeriods(
      flowsByRole(flows),
      "first-investment",
      rate,
      periodsPerYear
    );
    if ("periods" in found.payback)
      return toNumber(found.payback.periods.times(12).dividedBy(periodsPerYear));
    if (found.breakEven.status === "not-reached") {
      throw new ArgumentProblem(
        `Not paid back within these periods once discounted: the discounted position ends ${found.breakEven.shortfall.toFixed(0)} short.`,
        "#N/A"
      );
    }
    throw new ArgumentProblem(
      "The discounted position turns positive before any investment, so the payback period is not measured.",
      "#N/A"
    );
  }
);

/** =ITOS.FY(date, [fy_start_month]): the financial year a date falls in, "2022/23". */
export const financialYear = withArguments(ITOS_FUNCTIONS.FY, (date, fyStartMonth) => {
  const { year, month } = serialToDate(date);
  return fyLabelOf(year, month, fyStartMonth);
});

/** Half the unit an amount is written to, as the reconciliation engine reads a General cell. */
function halfUnitOfAmount(amount: Decimal): Decimal {
  return halfUnitOf(null, toNumber(amount));
}

/**
 * =ITOS.RECONCILE(parts, stated_total): 0 when the stated total is the sum of its parts within
 * what rounding can explain (the reconciliation engine's rule: half a displayed unit for each
 * non-blank part and for the total; a function sees no number formats, so whole numbers count as
 * rounded to the unit), else stated total minus the sum of the parts.
 */
export const reconcile = withArguments(ITOS_FUNCTIONS.RECONCILE, (parts, statedTotal) => {
  const partTerms = parts.flatMap((row, rowIndex) =>
    row.map((cell, columnIndex) =>
      term(
        { sheet: "parts", row: rowIndex, col: columnIndex },
        cell.amount,
        cell.blank ? ZERO : halfUnitOfAmount(cell.amount)
      )
    )
  );
  const result = evaluate({
    stated: term(
      { sheet: "stated_total", row: 0, col: 0 },
      statedTotal,
      halfUnitOfAmount(statedTotal)
    ),
    parts: partTerms,
    partsText: "parts",
    subject: "stated_total",
    partsDescription: "the parts",
  });
  return result.status === "mismatch" ? toNumber(result.difference) : 0;
});

/**
 * =ITOS.HEADROOM(flows, limit_years, [dates]): how far the case can slip and still pay back within
 * the limit, spilled as one row: the largest cut in all returns (a fraction, to 0.1%) and the
 * largest delay of all returns in whole periods. Each cell's money in counts as return and money
 * out as investment, as in ITOS.PAYBACK.
 */
export const headroom = withArguments(ITOS_FUNCTIONS.HEADROOM, (flows, limitYears, dates) => {
  const periods =
    dates === null
      ? undatedMonths(flows.periodCount)
      : datedPeriods(dates, flows.periodCount, DEFAULT_OPTIONS.fyStartMonth).periods;
  const room = findHeadroom({ periods, lines: engineLines(flows) }, { limitYears });
  if (room.returnsCut === null || room.delayPeriods === null)
    throw new ArgumentProblem(room.reason ?? "No headroom within these flows.", "#N/A");
  return [[toNumber(room.returnsCut), room.delayPeriods]];
});

/**
 * =ITOS.SCENARIO(flows, [returns_change], [investment_change], [delay]): the case rerun with
 * returns and investment changed and returns delayed by whole months, spilled as one row: payback
 * in months ("never" where it does not pay back within the flows), NPV at 3.5%, and the returns
 * lost past the last period.
 */
export const scenario = withArguments(
  ITOS_FUNCTIONS.SCENARIO,
  (flows, returnsChange, investmentChange, delay): (number | string)[][] => {
    const input = { periods: undatedMonths(flows.periodCount), lines: engineLines(flows) };
    const w = whatIf(input, { returnsChange, investmentChange, delayPeriods: delay });
    const payback =
      w.breakEven.status === "not-reached" || w.paybackMonths === null
        ? "never"
        : toNumber(w.paybackMonths);
    return [[payback, toNumber(w.npv), toNumber(w.lostReturns)]];
  }
);
