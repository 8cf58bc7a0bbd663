/**
 * The table of the =ITOS.* functions' parameters: for each function, its parameters in order, each
 * with its name (as functions.json lists it), type, default and bounds. arguments.ts reads every
 * argument by this table; test/functions checks it against the generated functions.json.
 */
import { DEFAULT_OPTIONS } from "../engine";
import type { ParameterSpec } from "./arguments";

const PARAMETERS = {
  flows: {
    name: "flows",
    type: "flows",
    missing: "flows is empty: select the row or column of flows.",
  },
  dates: {
    name: "dates",
    type: "dates",
    missing: "dates is needed: select the row or column of month dates that goes with the flows.",
  },
  /** Without dates the flows are taken as consecutive months. */
  datesIfAny: { name: "dates", type: "dates", optional: true },
  basis: {
    name: "basis",
    type: "choice",
    optional: true,
    default: DEFAULT_OPTIONS.basis,
    choices: {
      "first-investment": ["first-investment", "investment"],
      "first-return": ["first-return", "return"],
    },
  },
  fyStartMonth: {
    name: "fy_start_month",
    type: "whole",
    optional: true,
    default: DEFAULT_OPTIONS.fyStartMonth,
    min: 1,
    max: 12,
    expected: "a month number from 1 to 12 (4 for April)",
  },
  rate: {
    name: "rate",
    type: "rate",
    optional: true,
    default: DEFAULT_OPTIONS.discountRate,
    above: -1,
    expected: "an annual discount rate such as 3.5% (0.035)",
  },
  periodsPerYear: {
    name: "periods_per_year",
    type: "whole",
    optional: true,
    default: 12,
    min: 1,
    max: 365,
    expected: "a whole number such as 12 (monthly) or 1 (annual)",
  },
  date: { name: "date", type: "date", above: 0, expected: "a date" },
  parts: {
    name: "parts",
    type: "amounts",
    missing: "parts is empty: select the cells that should add up to the total.",
  },
  statedTotal: {
    name: "stated_total",
    type: "amount",
    missing: "stated_total is empty: select the cell holding the total to check.",
  },
  limitYears: {
    name: "limit_years",
    type: "amount",
    min: 0,
    expected: "a payback limit in years, zero or more, such as 3",
    missing: "limit_years is empty: give the payback limit in years, such as 3.",
  },
  returnsChange: {
    name: "returns_change",
    type: "rate",
    optional: true,
    default: 0,
    min: -1,
    expected: "a change to the returns such as -20% (-0.2), no less than -100%",
  },
  investmentChange: {
    name: "investment_change",
    type: "rate",
    optional: true,
    default: 0,
    min: -1,
    expected: "a change to the investment such as 10% (0.1), no less than -100%",
  },
  delay: {
    name: "delay",
    type: "whole",
    optional: true,
    default: 0,
    min: 0,
    max: 1200,
    expected: "a whole number of periods, zero or more, such as 3",
  },
} as const satisfies Record<string, ParameterSpec>;

const { flows, dates, datesIfAny, basis, fyStartMonth, rate, periodsPerYear } = PARAMETERS;

/** Each function's parameters, in the order Excel passes them. */
export const ITOS_FUNCTIONS = {
  PAYBACK: [flows, datesIfAny, basis],
  BREAKEVEN: [flows, dates],
  CUMULATIVE: [flows],
  YEARSUMMARY: [flows, dates, fyStartMonth],
  NPV: [flows, rate, periodsPerYear],
  DPAYBACK: [flows, rate, periodsPerYear],
  FY: [PARAMETERS.date, fyStartMonth],
  RECONCILE: [PARAMETERS.parts, PARAMETERS.statedTotal],
  HEADROOM: [flows, PARAMETERS.limitYears, datesIfAny],
  SCENARIO: [flows, PARAMETERS.returnsChange, PARAMETERS.investmentChange, PARAMETERS.delay],
} as const satisfies Record<string, readonly ParameterSpec[]>;
