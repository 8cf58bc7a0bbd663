/**
 * The answers a finance reader works out by hand for each workbook in test/fixtures/real-layouts/
 * (transcribed by scripts/make-real-layouts.ts; sources in the README there). Every figure below
 * is written out with its arithmetic in the comments; none was taken from ITOS.
 *
 * Payback conventions (docs: /docs/accuracy.md), in years, each interpolated within the period:
 *   first-investment  counted from the start of the first period with investment;
 *   first-return      counted from the start of the first period with a return;
 *   simple            total investment recovered by the returns counted from the first return
 *                     period (investment treated as paid up front);
 *   time-zero         Year 0 tables only: counted from the end of Year 0 (Year 0 is an instant).
 * A quarter is 0.25 of a year. null: the convention does not apply, or the case never pays back.
 */

export type Convention = "first-investment" | "first-return" | "simple" | "time-zero";

export type LineRole =
  /** Money spent to bring the saving: counted negative. */
  | "investment"
  /** Savings, benefits, income, cash generated: counted positive. */
  | "return"
  /** An ongoing cost that reduces the return (counted negative; not part of `simple`'s outlay). */
  | "cost"
  /** A net line: analysed directly where it has no parts, checked against its parts where it has. */
  | "net"
  /** A running position: checked, never added in. */
  | "cumulative"
  /** A stated total of other lines: checked, never added in. */
  | "total"
  /** A part of the net line (net income, depreciation): the net line is what is counted. */
  | "part-of-net"
  /** Money that is neither investment nor return (budget, funding, pressures): reconciled only. */
  | "other";

export interface AmountLine {
  /** The cell holding the line's label (the column heading for a periods-down table). */
  labelCell: string;
  label: string;
  role: LineRole;
}

export interface StatedTotalMismatch {
  cell: string;
  stated: number;
  /** The previous stated cumulative plus this period's flow, or the sum of the parts. */
  sumOfParts: number;
  /** For a cumulative line: the true running sum of the flows. */
  runningSum?: number;
  /** Which parts: the line's periods (row) or the lines above it (column). */
  parts?: "row" | "column";
}

export interface StatedPayback {
  /** The cell where the paper states it (a number, or words such as "3.7 years"). */
  cell: string;
  text: string;
  /** The payback stated, in years (months / 12, quarters / 4). */
  years: number;
  /** Decimal places the figure is stated to, in its own unit. */
  statedDecimals: number;
  unit: "years" | "months" | "quarters";
  /** "just under" and the like: the figure is a bound, not a value. */
  qualifier?: "just under";
  /** The conventions that reproduce it at its stated precision; empty when none does. */
  reproducedBy: Convention[];
}

export interface SchemeSummaryRow {
  labelCell: string;
  label: string;
  cost: number;
  /** null: the paper prints no figure for the saving. */
  annualSaving: number | null;
  /** cost / annual saving, years. */
  computedYears: number | null;
  /** null: the paper states no payback for this scheme. */
  stated: StatedPayback | null;
}

export interface YearSummary {
  year: string;
  investment: number;
  return: number;
  net: number;
  cumulative: number;
}

export interface RealCase {
  file: string;
  sheet: string;
  /** Set where a sheet holds several schemes or alternatives. */
  scheme?: string;
  /** The layout kinds of issue 10 this case exercises (1..8). */
  layouts: number[];
  orientation: "periods-across" | "periods-down" | "no-periods";
  periodicity: "annual" | "quarterly" | null;
  /** Period labels as printed (Year 0 tables: "0" or "Year 0"). */
  periods: { first: string; last: string; count: number } | null;
  /** True where the first period is Year 0 / quarter 0, the instant of the investment. */
  timeZero: boolean;
  unit: "£" | "£000" | "£m" | "$";
  /** The cell the unit is read from; null where the paper prints none on the table. */
  unitCell: string | null;
  lines: AmountLine[];
  /** Net flow per period, investment and costs negative. null: not an invest-to-save table. */
  net: number[] | null;
  cumulative: number[] | null;
  breakEven: string | null;
  crossover: string | null;
  payback: Record<Convention, number | null>;
  /** Cumulative position at the end, when it never reaches zero. */
  shortfall?: number;
  totals: { investment: number; return: number; cost: number; net: number } | null;
  statedTotalMismatches: StatedTotalMismatch[];
  statedPaybacks: StatedPayback[];
  schemeSummary?: SchemeSummaryRow[];
  yearSummaries?: YearSummary[];
  /** What a reader needs to know about a cell that is not a plain figure. */
  notes?: string[];
}

const NONE: Record<Convention, number | null> = {
  "first-investment": null,
  "first-return": null,
  simple: null,
  "time-zero": null,
};

// ---------------------------------------------------------------------------------------------
// obc-corporate-systems.xlsx, "Appendix 1". Years 24/25..33/34 in B3:K3, Total in L.
// Returns per year: existing budgets 269,300 + 262,100 = 531,400 every year; cashable benefits
//   26/27: 11,000 + 13,000 + 25,000 + 4,000 + 38,000 = 91,000;
//   27/28 on: 33,000 + 37,500 + 74,000 + 11,000 + 113,000 = 268,500.
// Net = returns - Total Revenue Costs - capital:
//   24/25: 531,400 - 500,600 - 70,000 = -39,200
//   25/26: 531,400 - 807,600 - 1,275,000 = -1,551,200
//   26/27: 531,400 + 91,000 - 879,800 - 1,200,000 = -1,457,400
//   27/28: 531,400 + 268,500 - 1,027,700 - 205,000 = -432,800
//   28/29..33/34: 799,900 - 1,053,000 = -253,100
// Cumulative: -39,200; -1,590,400; -3,047,800; -3,480,600; then -253,100 a year to -4,999,200.
// No period has net > 0 and the position never reaches zero: no crossover, no payback.
// Totals: capital 1,900,000 + 850,000 = 2,750,000; returns 2,693,000 + 2,621,000 + 242,000 +
//   275,500 + 543,000 + 81,000 + 829,000 = 7,284,500; costs 9,533,700;
//   net 7,284,500 - 9,533,700 - 2,750,000 = -4,999,200 (= the last cumulative).
// Every printed total (L column, Total Capital Costs, Total Licensing Budgets) adds up.
const OBC_NET = [-39200, -1551200, -1457400, -432800, ...Array<number>(6).fill(-253100)];
const OBC_CUM = [
  -39200, -1590400, -3047800, -3480600, -3733700, -3986800, -4239900, -4493000, -4746100, -4999200,
];
const obc: RealCase = {
  file: "obc-corporate-systems.xlsx",
  sheet: "Appendix 1",
  layouts: [8],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "24/25", last: "33/34", count: 10 },
  timeZero: false,
  unit: "£",
  unitCell: null,
  lines: [
    { labelCell: "A6", label: "Capital Investment - Staffing and Backfill", role: "investment" },
    {
      labelCell: "A7",
      label: "Capital Investment - Technical and Consultancy",
      role: "investment",
    },
    { labelCell: "A8", label: "Total Capital Costs", role: "total" },
    // The only line of its kind: money, counted (issue 10, layout 8).
    { labelCell: "A11", label: "Total Revenue Costs", role: "cost" },
    { labelCell: "A13", label: "Financial System and Associated Licences", role: "return" },
    { labelCell: "A14", label: "HR/Payroll and Associated Licences", role: "return" },
    { labelCell: "A15", label: "Total Licensing Budgets", role: "total" },
    { labelCell: "A18", label: "Procurement Service efficiencies", role: "return" },
    { labelCell: "A19", label: "WRBS efficiencies", role: "return" },
    { labelCell: "A20", label: "Financial Services efficiencies", role: "return" },
    { labelCell: "A21", label: "Reduced Audit Fee Variations", role: "return" },
    { labelCell: "A22", label: "HR/Recruitment efficiencies", role: "return" },
  ],
  net: OBC_NET,
  cumulative: OBC_CUM,
  breakEven: null,
  crossover: null,
  payback: NONE,
  shortfall: 4999200,
  totals: { investment: 2750000, return: 7284500, cost: 9533700, net: -4999200 },
  statedTotalMismatches: [],
  statedPaybacks: [],
  notes: [
    "The stored copy of the appendix breaks off after A22 (the next line begins 'Coun...'): the benefits below it are not on the sheet, so the answers are those of the lines transcribed.",
  ],
};

// ---------------------------------------------------------------------------------------------
// two-tables-savings-and-investment.xlsx, "Business case": the same figures as obc, in a savings
// table (header row 3, total row 12) above an investment table (header row 15, total row 18).
// Total savings per year = returns - ongoing costs:
//   24/25: 531,400 - 500,600 = 30,800; 25/26: 531,400 - 807,600 = -276,200;
//   26/27: 622,400 - 879,800 = -257,400; 27/28: 799,900 - 1,027,700 = -227,800;
//   28/29 on: 799,900 - 1,053,000 = -253,100; Total: 7,284,500 - 9,533,700 = -2,249,200.
// Net per year = Total savings - Total investment: 30,800 - 70,000 = -39,200; -276,200 -
//   1,275,000 = -1,551,200; -257,400 - 1,200,000 = -1,457,400; -227,800 - 205,000 = -432,800;
//   then -253,100: the same net and cumulative as obc, so the same verdict (never pays back).
const twoTables: RealCase = {
  file: "two-tables-savings-and-investment.xlsx",
  sheet: "Business case",
  layouts: [1],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "24/25", last: "33/34", count: 10 },
  timeZero: false,
  unit: "£",
  unitCell: "A1",
  lines: [
    { labelCell: "A4", label: "Financial System and Associated Licences", role: "return" },
    { labelCell: "A5", label: "HR/Payroll and Associated Licences", role: "return" },
    { labelCell: "A6", label: "Procurement Service efficiencies", role: "return" },
    { labelCell: "A7", label: "WRBS efficiencies", role: "return" },
    { labelCell: "A8", label: "Financial Services efficiencies", role: "return" },
    { labelCell: "A9", label: "Reduced Audit Fee Variations", role: "return" },
    { labelCell: "A10", label: "HR/Recruitment efficiencies", role: "return" },
    { labelCell: "A11", label: "Ongoing costs - new systems licencing & financing", role: "cost" },
    { labelCell: "A12", label: "Total savings", role: "total" },
    { labelCell: "A16", label: "Capital Investment - Staffing and Backfill", role: "investment" },
    {
      labelCell: "A17",
      label: "Capital Investment - Technical and Consultancy",
      role: "investment",
    },
    { labelCell: "A18", label: "Total investment", role: "total" },
  ],
  net: OBC_NET,
  cumulative: OBC_CUM,
  breakEven: null,
  crossover: null,
  payback: NONE,
  shortfall: 4999200,
  totals: { investment: 2750000, return: 7284500, cost: 9533700, net: -4999200 },
  statedTotalMismatches: [],
  statedPaybacks: [],
};

// ---------------------------------------------------------------------------------------------
// gateshead-mtfs-2025-30.xlsx, "MTFS": a pressures table, £m, Year 1 2025/26 .. Year 5 2029/30.
// No investment and no return: there is no payback, only totals to reconcile, and all add up:
//   Cumulative funding gap = base + funding: 320.647 - 307.323 = 13.324; 338.095 - 315.048 =
//     23.047; 354.069 - 324.053 = 30.016; 366.571 - 333.879 = 32.692; 377.341 - 342.987 = 34.354.
//   Cumulative savings requirement = gap + reserves: 13.324 - 8.500 = 4.824; 23.047 - 4.000 =
//     19.047; 30.016; 32.692; 34.354. It is also the running sum of the annual requirement:
//     4.824; +14.223 = 19.047; +10.969 = 30.016; +2.676 = 32.692; +1.662 = 34.354 (a true
//     cumulative line: checked, never added in).
//   Balanced budget = annual requirement + options:
//     Y1 4.824 - 2.117 - 0.612 - 2.095 = 0.000; Y2 14.223 - 2.270 - 1.744 - 2.000 - 8.209 = 0.000;
//     Y3 10.969 - 1.878 - 0.577 - 2.000 - 6.514 = 0.000; Y4 2.676 - 2.178 - 0.560 + 0.062 = 0.000;
//     Y5 1.662 - 1.481 - 0.000 - 0.181 = 0.000.
const gateshead: RealCase = {
  file: "gateshead-mtfs-2025-30.xlsx",
  sheet: "MTFS",
  layouts: [2],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "Year 1 2025/26 £m", last: "Year 5 2029/30 £m", count: 5 },
  timeZero: false,
  unit: "£m",
  unitCell: "B3",
  lines: [
    { labelCell: "A4", label: "Estimated base", role: "other" },
    { labelCell: "A5", label: "Estimated funding (excluding reserves)", role: "other" },
    { labelCell: "A6", label: "Cumulative funding gap (before reserves)", role: "total" },
    { labelCell: "A7", label: "Planned use of reserves", role: "other" },
    { labelCell: "A8", label: "Estimated cumulative savings requirement", role: "cumulative" },
    { labelCell: "A9", label: "Estimated annual savings requirement", role: "other" },
    { labelCell: "A11", label: "Adult Social Care interventions", role: "other" },
    { labelCell: "A12", label: "Children's Social Care interventions", role: "other" },
    { labelCell: "A13", label: "Budget efficiencies", role: "other" },
    { labelCell: "A14", label: "Potential budget cuts: unidentified", role: "other" },
    { labelCell: "A15", label: "Balanced budget", role: "total" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: NONE,
  totals: null,
  statedTotalMismatches: [],
  statedPaybacks: [],
  notes: [
    "E14 holds the text '0.062)' as printed; the balanced-budget line needs it to be +0.062 (2.676 - 2.178 - 0.560 + 0.062 = 0).",
    "B14 is blank: the page's row has four figures for five years, and only Years 2-5 balance with them.",
  ],
};

// ---------------------------------------------------------------------------------------------
// machine-year0-down.xlsx, "Payback": years 0..5 in A5:A10 under "Year"; $.
// Net Cash Flow = Net Income + Depreciation from Year 1: 3,300 + 10,000 = 13,300; 8,300 + 10,000
//   = 18,300; 30,000 + 10,000 = 40,000; 12,400 + 10,000 = 22,400; 33,200 + 10,000 = 43,200.
//   Year 0: (50,000), the investment, with no parts.
// Cumulative: -50,000; -36,700; -18,400; 21,600; 44,000; 87,200 (as printed: all match).
// Break-even Year 3; crossover Year 1.
// time-zero: 2 + 18,400 / 40,000 = 2.46. first-investment (from the start of Year 0): 3 + 0.46 =
//   3.46. first-return (from the start of Year 1): 2.46. simple: returns 13,300; 31,600; 71,600
//   -> 2 + (50,000 - 31,600) / 40,000 = 2.46.
// Totals: investment 50,000; return 13,300 + 18,300 + 40,000 + 22,400 + 43,200 = 137,200; net
//   87,200.
const machine: RealCase = {
  file: "machine-year0-down.xlsx",
  sheet: "Payback",
  layouts: [3, 5],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "0", last: "5", count: 6 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B4", label: "Net Income", role: "part-of-net" },
    { labelCell: "C4", label: "Depreciation", role: "part-of-net" },
    { labelCell: "D4", label: "Net Cash Flow", role: "net" },
    { labelCell: "E4", label: "Commulative Cash Flow", role: "cumulative" },
  ],
  net: [-50000, 13300, 18300, 40000, 22400, 43200],
  cumulative: [-50000, -36700, -18400, 21600, 44000, 87200],
  breakEven: "3",
  crossover: "1",
  payback: { "first-investment": 3.46, "first-return": 2.46, simple: 2.46, "time-zero": 2.46 },
  totals: { investment: 50000, return: 137200, cost: 0, net: 87200 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "B11",
      text: "2.46",
      years: 2.46,
      statedDecimals: 2,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
    {
      cell: "A13",
      text: "Payback : 2 Years + $18,400/$40,000 = 2.46 Years",
      years: 2.46,
      statedDecimals: 2,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// year0-across-cash-flow.xlsx, "Question": Year 0..3 in B3:E3; one cash flow line; $.
// Cumulative: -5,000,000; -3,000,000; +1,250,000; +3,000,000. Break-even Year 2; crossover Year 1.
// time-zero: 1 + 3,000,000 / 4,250,000 = 1.705882...; first-investment 2.705882...;
//   first-return 1.705882...; simple: returns 2,000,000; 6,250,000 -> 1 + 3,000,000 / 4,250,000.
// Totals: investment 5,000,000; return 8,000,000; net 3,000,000. No payback is stated (the
//   discounted lines and B8 are left for the student).
const cuteCamel: RealCase = {
  file: "year0-across-cash-flow.xlsx",
  sheet: "Question",
  layouts: [3, 5],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "Year 0", last: "Year 3", count: 4 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [{ labelCell: "A4", label: "Cash flow", role: "net" }],
  net: [-5000000, 2000000, 4250000, 1750000],
  cumulative: [-5000000, -3000000, 1250000, 3000000],
  breakEven: "Year 2",
  crossover: "Year 1",
  payback: {
    "first-investment": 2 + 3000000 / 4250000,
    "first-return": 1 + 3000000 / 4250000,
    simple: 1 + 3000000 / 4250000,
    "time-zero": 1 + 3000000 / 4250000,
  },
  totals: { investment: 5000000, return: 8000000, cost: 0, net: 3000000 },
  statedTotalMismatches: [],
  statedPaybacks: [],
};

// ---------------------------------------------------------------------------------------------
// net-only-year0-down.xlsx, "Answer": years 0..5 in A6:A11; a net line and its cumulative; $.
// Cumulative: -180,000 + 60,000 = -120,000; -80,000; -10,000; +115,000; +150,000 (all match).
// Break-even Year 4; crossover Year 1.
// time-zero: 3 + 10,000 / 125,000 = 3.08; first-investment 4.08; first-return 3.08;
//   simple: returns 60,000; 100,000; 170,000 -> 3 + (180,000 - 170,000) / 125,000 = 3.08.
// Totals: investment 180,000; return 60 + 40 + 70 + 125 + 35 = 330,000; net 150,000.
const netOnly: RealCase = {
  file: "net-only-year0-down.xlsx",
  sheet: "Answer",
  layouts: [3, 5],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "0", last: "5", count: 6 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B5", label: "Annual Cash-flow", role: "net" },
    { labelCell: "C5", label: "Cumulative cash-flow", role: "cumulative" },
  ],
  net: [-180000, 60000, 40000, 70000, 125000, 35000],
  cumulative: [-180000, -120000, -80000, -10000, 115000, 150000],
  breakEven: "4",
  crossover: "1",
  payback: { "first-investment": 4.08, "first-return": 3.08, simple: 3.08, "time-zero": 3.08 },
  totals: { investment: 180000, return: 330000, cost: 0, net: 150000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A2",
      text: "Payback equals 3.08 years",
      years: 3.08,
      statedDecimals: 2,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
    {
      cell: "A13",
      text: "Payback period = 3 + 10,000/125,000 = 3.08 years",
      years: 3.08,
      statedDecimals: 2,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// two-alternatives-stacked.xlsx, "Solution": two blocks headed "X:" (A1) and "Y:" (A13).
// X, years 0..5 in A3:A8: cumulative -72,000; -47,000; -22,000; -7,000; +3,000; +33,000.
//   Break-even Year 4, crossover Year 1. time-zero 3 + 7,000 / 10,000 = 3.7; first-investment
//   4.7; first-return 3.7; simple: returns 25; 50; 65; 75 (thousand) -> 3 + 7 / 10 = 3.7.
//   Totals: 72,000; 25 + 25 + 15 + 10 + 30 = 105,000; net 33,000.
// Y, years 0..3 in A15:A18: cumulative -72,000; -50,000; -35,000; +15,000. Break-even Year 3,
//   crossover Year 1. time-zero 2 + 35,000 / 50,000 = 2.7; first-investment 3.7; first-return
//   2.7; simple: returns 22; 37 -> 2 + (72 - 37) / 50 = 2.7. Totals: 72,000; 87,000; net 15,000.
const stackedX: RealCase = {
  file: "two-alternatives-stacked.xlsx",
  sheet: "Solution",
  scheme: "X",
  layouts: [3, 5, 6],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "0", last: "5", count: 6 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B2", label: "Cash flows", role: "net" },
    { labelCell: "C2", label: "Cumulative Cash flows", role: "cumulative" },
  ],
  net: [-72000, 25000, 25000, 15000, 10000, 30000],
  cumulative: [-72000, -47000, -22000, -7000, 3000, 33000],
  breakEven: "4",
  crossover: "1",
  payback: { "first-investment": 4.7, "first-return": 3.7, simple: 3.7, "time-zero": 3.7 },
  totals: { investment: 72000, return: 105000, cost: 0, net: 33000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A11",
      text: "=3+(7000/10000)=3.7 years",
      years: 3.7,
      statedDecimals: 1,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};
const stackedY: RealCase = {
  file: "two-alternatives-stacked.xlsx",
  sheet: "Solution",
  scheme: "Y",
  layouts: [3, 5, 6],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "0", last: "3", count: 4 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B14", label: "Cash flows", role: "net" },
    { labelCell: "C14", label: "Cumulative Cash flows", role: "cumulative" },
  ],
  net: [-72000, 22000, 15000, 50000],
  cumulative: [-72000, -50000, -35000, 15000],
  breakEven: "3",
  crossover: "1",
  payback: { "first-investment": 3.7, "first-return": 2.7, simple: 2.7, "time-zero": 2.7 },
  totals: { investment: 72000, return: 87000, cost: 0, net: 15000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A20",
      text: "=2+(35000/50000)=2.7 years.",
      years: 2.7,
      statedDecimals: 1,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// insulation-measures-summary.xlsx, "Payback": no periods; cost (B), saving a year (C), payback
// in months (D). Simple payback = cost / saving, in months x 12:
//   Hot water tank lagging   15 / 130 x 12 = 1.3846 months: 1.4 at one decimal, printed 1.5:
//                            does not follow from the figures.
//   Chimney draught exclusion 30 / (no figure printed): "6 months" cannot be checked.
//   Loft insulation          340 / 180 x 12 = 22.667 -> 23       Pipe lagging 20 / 10 x 12 = 24
//   Cavity wall              465 / 150 x 12 = 37.2 -> 37         Floor 525 / 60 x 12 = 105
//   Loft top up              275 / 20 x 12 = 165                 Internal 8,750 / 245 x 12 = 428.57 -> 429
//   External wall            15,000 / 245 x 12 = 734.69 -> 735   Double glazing 11,420 / 80 x 12 = 1,713
function monthsRow(
  row: number,
  label: string,
  cost: number,
  saving: number | null,
  statedMonths: number,
  statedDecimals: number,
  /** Worked out by hand in the table above. */
  reproduces: boolean
): SchemeSummaryRow {
  const computedYears = saving === null ? null : cost / saving;
  return {
    labelCell: `A${row}`,
    label,
    cost,
    annualSaving: saving,
    computedYears,
    stated: {
      cell: `D${row}`,
      text: `${statedMonths} months`,
      years: statedMonths / 12,
      statedDecimals,
      unit: "months",
      reproducedBy: reproduces ? ["simple"] : [],
    },
  };
}
const insulationRows: SchemeSummaryRow[] = [
  monthsRow(4, "Hot water tank lagging", 15, 130, 1.5, 1, false),
  monthsRow(5, "Chimney draught exclusion", 30, null, 6, 0, false),
  monthsRow(6, "Loft insulation (where there hasn’t been any at all)", 340, 180, 23, 0, true),
  monthsRow(7, "Pipe lagging", 20, 10, 24, 0, true),
  monthsRow(8, "Cavity wall insulation", 465, 150, 37, 0, true),
  monthsRow(9, "Suspended timber floor insulation", 525, 60, 105, 0, true),
  monthsRow(10, "Loft insulation top up", 275, 20, 165, 0, true),
  monthsRow(11, "Internal wall insulation", 8750, 245, 429, 0, true),
  monthsRow(12, "External wall insulation", 15000, 245, 735, 0, true),
  monthsRow(13, "Double glazing", 11420, 80, 1713, 0, true),
];
const insulation: RealCase = {
  file: "insulation-measures-summary.xlsx",
  sheet: "Payback",
  layouts: [7],
  orientation: "no-periods",
  periodicity: null,
  periods: null,
  timeZero: false,
  unit: "£",
  unitCell: null,
  lines: [
    { labelCell: "B3", label: "Cost to fit", role: "investment" },
    { labelCell: "C3", label: "Cost saving per year", role: "return" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: NONE,
  totals: null,
  statedTotalMismatches: [],
  statedPaybacks: insulationRows.map((r) => r.stated as StatedPayback),
  schemeSummary: insulationRows,
  notes: ["C5 holds the text '(Chimney Sheep)': the page names a source but prints no saving."],
};

// ---------------------------------------------------------------------------------------------
// led-office-case-study.xlsx, "Case study": one scheme, no periods.
//   Total savings C17 = C15 + C16: 5,384 + 146 = 5,530 (matches).
//   Payback = cost / saving = 16,040 / 5,530 = 2.9005 years -> "2.9 years" (C19) at one decimal;
//   "just under 3 years" (A4) holds too. Lines in kW, hours, kWh, % and tonnes are not money.
//   Cross-checks of the non-money lines: 28 x 2,890 = 80,920 kWh; 10.4 x 2,850 = 29,640;
//   80,920 - 29,640 = 51,280; 51,280 x £0.105 = £5,384.40.
const led: RealCase = {
  file: "led-office-case-study.xlsx",
  sheet: "Case study",
  layouts: [7],
  orientation: "no-periods",
  periodicity: null,
  periods: null,
  timeZero: false,
  unit: "£",
  unitCell: null,
  lines: [
    { labelCell: "A15", label: "Running cost reduction @ 10.5p per kWh", role: "return" },
    { labelCell: "A16", label: "Maintenance cost reduction per annum", role: "return" },
    { labelCell: "A17", label: "Total savings per annum", role: "total" },
    { labelCell: "A18", label: "Cost of upgrade (ex VAT)", role: "investment" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: { ...NONE, simple: 16040 / 5530 },
  totals: { investment: 16040, return: 5530, cost: 0, net: 5530 - 16040 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "C19",
      text: "2.9 years",
      years: 2.9,
      statedDecimals: 1,
      unit: "years",
      reproducedBy: ["simple"],
    },
    {
      cell: "A4",
      text: "The investment payback time is just under 3 years.",
      years: 3,
      statedDecimals: 0,
      unit: "years",
      qualifier: "just under",
      reproducedBy: ["simple"],
    },
  ],
  schemeSummary: [
    {
      labelCell: "A18",
      label: "Cost of upgrade (ex VAT)",
      cost: 16040,
      annualSaving: 5530,
      computedYears: 16040 / 5530,
      stated: {
        cell: "C19",
        text: "2.9 years",
        years: 2.9,
        statedDecimals: 1,
        unit: "years",
        reproducedBy: ["simple"],
      },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// quarters-payback.xlsx, "As printed": quarters 0..13 in A4:A17 under "Q"; quarter 0 is the
// investment. Cumulative: -575,000, then +25,000 a quarter to -375,000 at Q8, then +75,000 a
// quarter: -300,000; -225,000; -150,000; -75,000; 0 at Q13 (all match; Q13 prints "$ -").
// Break-even Q13 (the position reaches 0 >= 0); crossover Q1.
// time-zero: 12 + 75,000 / 75,000 = 13 quarters = 3.25 years; first-investment 14 quarters =
//   3.5 years; first-return 13 quarters = 3.25; simple: returns 8 x 25,000 = 200,000, then
//   375,000 more at 75,000 = 5 quarters -> 13 quarters = 3.25.
// Totals: investment 575,000; return 200,000 + 375,000 = 575,000; net 0.
const QUARTER_NET = [-575000, ...Array<number>(8).fill(25000), ...Array<number>(5).fill(75000)];
const QUARTER_CUM = [
  -575000, -550000, -525000, -500000, -475000, -450000, -425000, -400000, -375000, -300000, -225000,
  -150000, -75000, 0,
];
const quartersAsPrinted: RealCase = {
  file: "quarters-payback.xlsx",
  sheet: "As printed",
  layouts: [3, 4, 5],
  orientation: "periods-down",
  periodicity: "quarterly",
  periods: { first: "0", last: "13", count: 14 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B3", label: "Inflows", role: "net" },
    { labelCell: "C3", label: "Cumulative inflows", role: "cumulative" },
  ],
  net: QUARTER_NET,
  cumulative: QUARTER_CUM,
  breakEven: "13",
  crossover: "1",
  payback: { "first-investment": 3.5, "first-return": 3.25, simple: 3.25, "time-zero": 3.25 },
  totals: { investment: 575000, return: 575000, cost: 0, net: 0 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A1",
      text: "The payback period is 13 quarters, which is the same as 39 months.",
      years: 3.25,
      statedDecimals: 0,
      unit: "quarters",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
    {
      cell: "A19",
      text: "13 quarters x 3 months = 39 months.",
      years: 3.25,
      statedDecimals: 0,
      unit: "months",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};
// "Quarter labels": the same figures across Q1 2024/25 .. Q2 2027/28 (B3:O3); the investment is
// a period of its own (Q1 2024/25), not an instant, so time-zero does not apply.
// Net line (A6) = Investment + Inflows in every quarter (matches). Break-even Q2 2027/28
// (cumulative 0); crossover Q2 2024/25.
// first-investment: 13 quarters before Q2 2027/28 + 75,000 / 75,000 = 14 quarters = 3.5 years;
// first-return (from Q2 2024/25): 12 + 1 = 13 quarters = 3.25; simple 3.25 (as above).
// Financial years (April-March, a quarter's year as labelled):
//   2024/25: investment 575,000, return 3 x 25,000 = 75,000, net -500,000, cumulative -500,000
//   2025/26: return 4 x 25,000 = 100,000, net 100,000, cumulative -400,000
//   2026/27: return 25,000 + 3 x 75,000 = 250,000, cumulative -150,000
//   2027/28 (Q1-Q2): return 150,000, cumulative 0
const quartersLabelled: RealCase = {
  file: "quarters-payback.xlsx",
  sheet: "Quarter labels",
  layouts: [4],
  orientation: "periods-across",
  periodicity: "quarterly",
  periods: { first: "Q1 2024/25", last: "Q2 2027/28", count: 14 },
  timeZero: false,
  unit: "$",
  unitCell: "A1",
  lines: [
    { labelCell: "A4", label: "Investment", role: "investment" },
    { labelCell: "A5", label: "Inflows", role: "return" },
    { labelCell: "A6", label: "Net cash flow", role: "total" },
    { labelCell: "A7", label: "Cumulative", role: "cumulative" },
  ],
  net: QUARTER_NET,
  cumulative: QUARTER_CUM,
  breakEven: "Q2 2027/28",
  crossover: "Q2 2024/25",
  payback: { "first-investment": 3.5, "first-return": 3.25, simple: 3.25, "time-zero": null },
  totals: { investment: 575000, return: 575000, cost: 0, net: 0 },
  statedTotalMismatches: [],
  statedPaybacks: [],
  yearSummaries: [
    { year: "2024/25", investment: 575000, return: 75000, net: -500000, cumulative: -500000 },
    { year: "2025/26", investment: 0, return: 100000, net: 100000, cumulative: -400000 },
    { year: "2026/27", investment: 0, return: 250000, net: 250000, cumulative: -150000 },
    { year: "2027/28", investment: 0, return: 150000, net: 150000, cumulative: 0 },
  ],
};

// ---------------------------------------------------------------------------------------------
// cumulative-exactly-zero.xlsx, "Answer": years 0..12 in A4:A16; net line B, cumulative C
// (stated to Year 6, blank after), the working in D as text.
// Cumulative: -43,000; -40,000; -36,000; -27,000; -18,000; -9,000; 0 (Year 6); then +9,000 a
// year to 54,000 at Year 12. Break-even Year 6 (0 >= 0); crossover Year 1.
// time-zero: 5 + 9,000 / 9,000 = 6; first-investment 7; first-return 6; simple: returns 3; 7;
//   16; 25; 34 (thousand) -> 5 + (43 - 34) / 9 = 6.
// Totals: investment 43,000; return 3,000 + 4,000 + 10 x 9,000 = 97,000; net 54,000.
// A18 also quotes "6 years & 5 months" as an example of the formula: not this project's payback.
const exactZero: RealCase = {
  file: "cumulative-exactly-zero.xlsx",
  sheet: "Answer",
  layouts: [3, 5],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "0", last: "12", count: 13 },
  timeZero: true,
  unit: "$",
  unitCell: "B3",
  lines: [
    { labelCell: "B3", label: "Cash flow (in $)", role: "net" },
    { labelCell: "C3", label: "Cumulative cash flow (in $)", role: "cumulative" },
  ],
  net: [-43000, 3000, 4000, ...Array<number>(10).fill(9000)],
  cumulative: [
    -43000, -40000, -36000, -27000, -18000, -9000, 0, 9000, 18000, 27000, 36000, 45000, 54000,
  ],
  breakEven: "6",
  crossover: "1",
  payback: { "first-investment": 7, "first-return": 6, simple: 6, "time-zero": 6 },
  totals: { investment: 43000, return: 97000, cost: 0, net: 54000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A18",
      text: "... therefore payback period = 6 years.",
      years: 6,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
  notes: ["D5:D10 hold the working ('-43000+3000') as text beside the cumulative figures."],
};

// ---------------------------------------------------------------------------------------------
// outflows-inflows-year0-down.xlsx, "Answer": "Year 0".."Year 8" in A8:A16; outflows B,
// inflows C, cumulative D; "-" is zero.
// Cumulative: -500,000; -380,000; -270,000; -160,000; -60,000; 0 (Year 5, printed "-");
// 60,000; 120,000; 180,000 (all match). Break-even Year 5; crossover Year 1.
// time-zero: 4 + 60,000 / 60,000 = 5; first-investment 6; first-return 5; simple: returns 120;
//   230; 340; 440 (thousand) -> 4 + (500 - 440) / 60 = 5.
// Totals: investment 500,000; return 120 + 110 + 110 + 100 + 4 x 60 = 680,000; net 180,000.
const inOut: RealCase = {
  file: "outflows-inflows-year0-down.xlsx",
  sheet: "Answer",
  layouts: [3],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "Year 0", last: "Year 8", count: 9 },
  timeZero: true,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B7", label: "Cash outflows", role: "investment" },
    { labelCell: "C7", label: "Cash inflows", role: "return" },
    { labelCell: "D7", label: "Cumulative Balance", role: "cumulative" },
  ],
  net: [-500000, 120000, 110000, 110000, 100000, 60000, 60000, 60000, 60000],
  cumulative: [-500000, -380000, -270000, -160000, -60000, 0, 60000, 120000, 180000],
  breakEven: "Year 5",
  crossover: "Year 1",
  payback: { "first-investment": 6, "first-return": 5, simple: 5, "time-zero": 5 },
  totals: { investment: 500000, return: 680000, cost: 0, net: 180000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A2",
      text: "5 years",
      years: 5,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
    {
      cell: "A18",
      text: "... Hence the payback period is 5 years.",
      years: 5,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// calendar-years-across.xlsx, "Payback": calendar years 2024..2029 in B3:G3, Total in H.
// Net line A6 = Investment + Cash generated (matches, H6 130,000 = -200,000 + 330,000).
// Cumulative: -200,000; -180,000; -120,000; -40,000; +60,000 (2028); +130,000. Break-even 2028;
// crossover 2025.
// first-investment: 4 years before 2028 + 40,000 / 100,000 = 4.4; first-return (from 2025):
//   3 + 0.4 = 3.4; simple: returns 20; 80; 160 (thousand) -> 3 + (200 - 160) / 100 = 3.4;
//   time-zero: not a Year 0 table (2024 is a year, not an instant) -> null.
// Calendar years do not map to April-March financial years: no year summary.
const calendar: RealCase = {
  file: "calendar-years-across.xlsx",
  sheet: "Payback",
  layouts: [4],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "2024", last: "2029", count: 6 },
  timeZero: false,
  unit: "$",
  unitCell: "A1",
  lines: [
    { labelCell: "A4", label: "Investment", role: "investment" },
    { labelCell: "A5", label: "Cash generated", role: "return" },
    { labelCell: "A6", label: "Net cash flow", role: "total" },
    { labelCell: "A7", label: "Cumulative", role: "cumulative" },
  ],
  net: [-200000, 20000, 60000, 80000, 100000, 70000],
  cumulative: [-200000, -180000, -120000, -40000, 60000, 130000],
  breakEven: "2028",
  crossover: "2025",
  payback: { "first-investment": 4.4, "first-return": 3.4, simple: 3.4, "time-zero": null },
  totals: { investment: 200000, return: 330000, cost: 0, net: 130000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A9",
      text: "The payback period is 3.4 years",
      years: 3.4,
      statedDecimals: 1,
      unit: "years",
      reproducedBy: ["first-return", "simple"],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// two-alternatives-side-by-side.xlsx, "Answer": Year 0..5 in A9:A14; one shared "Initial out
// flow" column (B); alternative a = Inflow C, Balance D; alternative b = Inflow E, Balance F.
// a: net -1,200,000; 300,000 x 4; 0 (Year 5 blank). Cumulative -1,200,000; -900,000; -600,000;
//   -300,000; 0; 0 (D matches; D14 blank). Break-even Year 4; crossover Year 1.
//   time-zero 3 + 300,000 / 300,000 = 4; first-investment 5; first-return 4; simple 4.
//   Totals 1,200,000; 1,200,000; net 0.
// b: net -1,200,000; 150,000; 150,000; 400,000; 400,000; 100,000. Cumulative -1,200,000;
//   -1,050,000; -900,000; -500,000; -100,000; 0. Break-even Year 5; crossover Year 1.
//   time-zero 4 + 100,000 / 100,000 = 5; first-investment 6; first-return 5; simple: returns
//   150; 300; 700; 1,100 (thousand) -> 4 + 100 / 100 = 5. Totals 1,200,000; 1,200,000; net 0.
//   The printed Balance F repeats (1,050,000) from Year 1: F10 is right, F11..F14 are not.
//   Previous stated + flow: F11 -1,050,000 + 150,000 = -900,000; F12 -1,050,000 + 400,000 =
//   -650,000; F13 -650,000 likewise; F14 -1,050,000 + 100,000 = -950,000. Running sums: -900,000;
//   -500,000; -100,000; 0. F11 is the first wrong cell; the rest repeat its figure.
const sideA: RealCase = {
  file: "two-alternatives-side-by-side.xlsx",
  sheet: "Answer",
  scheme: "a",
  layouts: [3, 6],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "Year 0", last: "Year 5", count: 6 },
  timeZero: true,
  unit: "$",
  unitCell: "A6",
  lines: [
    { labelCell: "B8", label: "Initial out flow", role: "investment" },
    { labelCell: "C8", label: "Inflow", role: "return" },
    { labelCell: "D8", label: "Balance", role: "cumulative" },
  ],
  net: [-1200000, 300000, 300000, 300000, 300000, 0],
  cumulative: [-1200000, -900000, -600000, -300000, 0, 0],
  breakEven: "Year 4",
  crossover: "Year 1",
  payback: { "first-investment": 5, "first-return": 4, simple: 4, "time-zero": 4 },
  totals: { investment: 1200000, return: 1200000, cost: 0, net: 0 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "A2",
      text: "a. 4 years",
      years: 4,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};
const sideB: RealCase = {
  file: "two-alternatives-side-by-side.xlsx",
  sheet: "Answer",
  scheme: "b",
  layouts: [3, 6],
  orientation: "periods-down",
  periodicity: "annual",
  periods: { first: "Year 0", last: "Year 5", count: 6 },
  timeZero: true,
  unit: "$",
  unitCell: "A6",
  lines: [
    { labelCell: "B8", label: "Initial out flow", role: "investment" },
    { labelCell: "E8", label: "Inflow", role: "return" },
    { labelCell: "F8", label: "Balance", role: "cumulative" },
  ],
  net: [-1200000, 150000, 150000, 400000, 400000, 100000],
  cumulative: [-1200000, -1050000, -900000, -500000, -100000, 0],
  breakEven: "Year 5",
  crossover: "Year 1",
  payback: { "first-investment": 6, "first-return": 5, simple: 5, "time-zero": 5 },
  totals: { investment: 1200000, return: 1200000, cost: 0, net: 0 },
  statedTotalMismatches: [
    { cell: "F11", stated: -1050000, sumOfParts: -900000, runningSum: -900000 },
    { cell: "F12", stated: -1050000, sumOfParts: -650000, runningSum: -500000 },
    { cell: "F13", stated: -1050000, sumOfParts: -650000, runningSum: -100000 },
    { cell: "F14", stated: -1050000, sumOfParts: -950000, runningSum: 0 },
  ],
  statedPaybacks: [
    {
      cell: "A3",
      text: "b. 5 years",
      years: 5,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["first-return", "simple", "time-zero"],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// council-led-schemes-summary.xlsx, "LED schemes": no periods; cost D, savings E/F/G, stated H.
// Simple payback = cost / annual saving:
//   Havering (row 4): no total printed: 154,000 + 59,000 = 213,000; 1,300,000 / 213,000 =
//     6.1033 years -> "6.1 years" at one decimal (matches).
//   Tameside main roads (row 5): 3,600,000 / 274,375 = 13.1207 -> "13 years" (matches).
//   Tameside dimming (row 6): 284,000 / 74,000 = 3.8378 -> "just under four years" (holds).
//   Lancashire (row 7): 9,200,000 / 1,843,000 = 4.9919 years; no payback stated.
//   Ealing (row 8): G8 500,000 = 400,000 + 100,000 (matches); 6,000,000 / 500,000 = 12 years;
//     no payback stated.
const councilLedRows: SchemeSummaryRow[] = [
  {
    labelCell: "B4",
    label: "Convert 6,000 sodium street lights in residential roads to LED",
    cost: 1300000,
    annualSaving: 213000,
    computedYears: 1300000 / 213000,
    stated: {
      cell: "H4",
      text: "6.1 years",
      years: 6.1,
      statedDecimals: 1,
      unit: "years",
      reproducedBy: ["simple"],
    },
  },
  {
    labelCell: "B5",
    label: "LED lantern replacement, main road traffic routes",
    cost: 3600000,
    annualSaving: 274375,
    computedYears: 3600000 / 274375,
    stated: {
      cell: "H5",
      text: "13 years",
      years: 13,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["simple"],
    },
  },
  {
    labelCell: "B6",
    label: "Trimming and dimming of main road street lights",
    cost: 284000,
    annualSaving: 74000,
    computedYears: 284000 / 74000,
    stated: {
      cell: "H6",
      text: "just under four years",
      years: 4,
      statedDecimals: 0,
      unit: "years",
      qualifier: "just under",
      reproducedBy: ["simple"],
    },
  },
  {
    labelCell: "B7",
    label: "LED lantern replacement, a further 38,000 lanterns (Salix loan)",
    cost: 9200000,
    annualSaving: 1843000,
    computedYears: 9200000 / 1843000,
    stated: null,
  },
  {
    labelCell: "B8",
    label: "Replace 24,000 street lights with LED lanterns",
    cost: 6000000,
    annualSaving: 500000,
    computedYears: 12,
    stated: null,
  },
];
const councilLed: RealCase = {
  file: "council-led-schemes-summary.xlsx",
  sheet: "LED schemes",
  layouts: [6, 7],
  orientation: "no-periods",
  periodicity: null,
  periods: null,
  timeZero: false,
  unit: "£",
  unitCell: "A1",
  lines: [
    { labelCell: "D3", label: "Cost", role: "investment" },
    { labelCell: "E3", label: "Energy saving a year", role: "return" },
    { labelCell: "F3", label: "Maintenance saving a year", role: "return" },
    { labelCell: "G3", label: "Total saving a year", role: "total" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: NONE,
  totals: null,
  statedTotalMismatches: [],
  statedPaybacks: councilLedRows.flatMap((r) => (r.stated ? [r.stated] : [])),
  schemeSummary: councilLedRows,
  notes: [
    "G4 is blank: Havering's paper gives the energy and maintenance savings but no total; the payback needs their sum.",
  ],
};

// ---------------------------------------------------------------------------------------------
// oxfordshire-budget-changes-2024-27.xlsx, "New budget changes": five tables, header rows 5, 11,
// 20, 28 and 38 (2024/25 £000 .. 2026/27 £000 in B:D, Total £000 in E); "-" and blank are zero.
// A budget-changes table: pressures, investments and reductions, no payback. Totals checked:
//   Rows: E29 Adult increases 3,768 + 562 + 14,000 = 18,330, printed 18,331;
//         E39 Adult reductions -1,614 - 1,008 = -2,622, printed -2,621. Every other row adds up.
//   Columns: B18 2,339 + 15,390 + 4,213 + 2,008 + 3,104 + 0 = 27,054, printed 27,053;
//         E18 9,776 + 17,971 + 3,748 + 2,650 + 3,256 + 7,500 = 44,901, printed 44,900 (across,
//         27,053 + 5,433 + 12,414 = 44,900 matches);
//         E35 18,331 + 21,960 + 5,565 + 2,650 + 3,664 + 7,500 = 59,670, printed 59,669 (across,
//         37,664 + 23 + 21,982 = 59,669 matches);
//         C44 -1,008 - 6,632 - 741 + 76 - 497 = -8,802, printed -8,801.
//   All six differ by 1: rounding of figures shown in whole £000.
//   Every other total adds up, e.g. Total investments 1,430 + 5,723 + 2,840 + 618 = 10,611;
//   -1,375 - 2,812 - 1,263 - 210 = -5,660; 0 + 208 - 160 + 0 = 48; 55 + 3,119 + 1,417 + 408 = 4,999.
const oxLines = (rows: [number, string][], role: LineRole): AmountLine[] =>
  rows.map(([row, label]) => ({ labelCell: `A${row}`, label, role }));
const oxfordshire: RealCase = {
  file: "oxfordshire-budget-changes-2024-27.xlsx",
  sheet: "New budget changes",
  layouts: [1],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "2024/25 £000", last: "2026/27 £000", count: 3 },
  timeZero: false,
  unit: "£000",
  unitCell: "B5",
  lines: [
    ...oxLines(
      [
        [6, "Adult Services (population changes)"],
        [7, "Environment and Place (waste tonnages)"],
      ],
      "other"
    ),
    { labelCell: "A8", label: "Total demography", role: "total" },
    ...oxLines(
      [
        [12, "Adult Services"],
        [13, "Children's Services"],
        [14, "Environment and Place"],
        [15, "Public Health and Community Safety"],
        [16, "Resources, Law and Governance"],
        [17, "Additional pay inflation available to be allocated"],
      ],
      "other"
    ),
    { labelCell: "A18", label: "Total inflation, demand and other pressures", role: "total" },
    ...oxLines(
      [
        [21, "Adult Services"],
        [22, "Children's Services"],
        [23, "Environment and Place"],
        [24, "Resources, Law and Governance"],
      ],
      "other"
    ),
    { labelCell: "A25", label: "Total investments", role: "total" },
    ...oxLines(
      [
        [29, "Adult Services"],
        [30, "Children's Services"],
        [31, "Environment and Place"],
        [32, "Public Health and Community Safety"],
        [33, "Resources, Law and Governance"],
        [34, "Changes to be allocated"],
      ],
      "other"
    ),
    { labelCell: "A35", label: "Total budget increases", role: "total" },
    ...oxLines(
      [
        [39, "Adult Services"],
        [40, "Children's Services"],
        [41, "Environment and Place"],
        [42, "Public Health and Community Safety"],
        [43, "Resources, Law and Governance"],
      ],
      "other"
    ),
    { labelCell: "A44", label: "Total budget reductions", role: "total" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: NONE,
  totals: null,
  statedTotalMismatches: [
    { cell: "E29", stated: 18331, sumOfParts: 18330, parts: "row" },
    { cell: "E39", stated: -2621, sumOfParts: -2622, parts: "row" },
    { cell: "B18", stated: 27053, sumOfParts: 27054, parts: "column" },
    { cell: "E18", stated: 44900, sumOfParts: 44901, parts: "column" },
    { cell: "E35", stated: 59669, sumOfParts: 59670, parts: "column" },
    { cell: "C44", stated: -8801, sumOfParts: -8802, parts: "column" },
  ],
  statedPaybacks: [],
  notes: [
    "The tables are not a sum of one another: 'New budget increases' for Children's Services (C30 112, D30 735) is not the sum of the same rows above (2,674 - 2,812 = -138; -93 + 208 = 115); no total on the sheet states that relation, so it is not a check.",
    "The year headers were lost in the copy consulted (only '2024/25' survives in each header row); they are written as the same page's next edition writes them ('2025/26 £000').",
  ],
};

// ---------------------------------------------------------------------------------------------
// years-and-months-summary.xlsx, "Answer": no periods; amounts in A, labels in B.
//   Cash flow per year A8 = 86,000 + 38,000 = 124,000 (matches).
//   Simple payback 304,000 / 124,000 = 2.451612903... years = 29.419 months -> 2 years and 5
//   months (A2, A13) at the month; A11 states 2.451612903 years (nine decimals: matches).
const yearsMonthsStated = (cell: string, text: string): StatedPayback => ({
  cell,
  text,
  years: 2 + 5 / 12,
  statedDecimals: 0,
  unit: "months",
  reproducedBy: ["simple"],
});
const yearsMonths: RealCase = {
  file: "years-and-months-summary.xlsx",
  sheet: "Answer",
  layouts: [7],
  orientation: "no-periods",
  periodicity: null,
  periods: null,
  timeZero: false,
  unit: "$",
  unitCell: null,
  lines: [
    { labelCell: "B5", label: "Investment", role: "investment" },
    { labelCell: "B6", label: "operating income", role: "return" },
    { labelCell: "B7", label: "depreciaton (non-cash expense)", role: "return" },
    { labelCell: "B8", label: "cash flow per year", role: "total" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: { ...NONE, simple: 304000 / 124000 },
  totals: null,
  statedTotalMismatches: [],
  statedPaybacks: [
    yearsMonthsStated("A2", "2 years and 5 months"),
    {
      cell: "A11",
      text: "304,000/124,000 = 2.451612903 years",
      years: 2.451612903,
      statedDecimals: 9,
      unit: "years",
      reproducedBy: ["simple"],
    },
    yearsMonthsStated("A13", "2 years and 5 months"),
  ],
  schemeSummary: [
    {
      labelCell: "B5",
      label: "Investment",
      cost: 304000,
      annualSaving: 124000,
      computedYears: 304000 / 124000,
      stated: yearsMonthsStated("A2", "2 years and 5 months"),
    },
  ],
  notes: ["The amounts are in column A and their labels after them in column B."],
};

/** Every case, one entry per sheet (per scheme where a sheet holds several). */
// ---------------------------------------------------------------------------------------------
// dcf-cost-plan-option.xlsx, "DCF cost plan": £'000 (A2), year 0 .. year 14 across (B2:P2),
// Cumulative Totals (Q). Costs positive, as the table prints them; net flow = benefits - costs.
//   Investment (one-off set-up): 1.1 A5 0; 4,952; 29,751; 36,407 (Q5 71,110 = their sum) and
//     1.2 A6 1,702 in year 3: 72,812 in all.
//   Ongoing cost 2.1 A8: 25,633 a year, years 4-13: 256,330 (Q8).
//   Return 3.1 A12: 10,648 a year, years 4-13: 106,480 (Q12).
//   Total cost A9: year 3 36,407 + 1,702 = 38,109; years 4-13 25,633; Q9 71,110 + 1,702 +
//     256,330 = 329,142. Total benefits A13 = A12. Net cost (benefit) A14 = cost - benefits:
//     25,633 - 10,648 = 14,985; Q14 329,142 - 106,480 = 222,662; year 14 printed "-" (0).
//   Net flow: 0; -4,952; -29,751; -38,109; then -14,985 for ten years; 0.
//   Cumulative: 0; -4,952; -34,703; -72,812; -87,797; -102,782; -117,767; -132,752; -147,737;
//     -162,722; -177,707; -192,692; -207,677; -222,662; -222,662. Never paid back: short
//     222,662; no year's benefits exceed its costs (no crossover). Every printed total adds up.
//   A15 Discount factor: rates (1, 0.9662, ...), not money.
const DCF_NET = [0, -4952, -29751, -38109, ...Array<number>(10).fill(-14985), 0];
const DCF_CUM = DCF_NET.map((_, i) => DCF_NET.slice(0, i + 1).reduce((a, b) => a + b, 0));
const dcf: RealCase = {
  file: "dcf-cost-plan-option.xlsx",
  sheet: "DCF cost plan",
  layouts: [3, 5],
  orientation: "periods-across",
  periodicity: "annual",
  periods: { first: "year 0", last: "year 14", count: 15 },
  timeZero: true,
  unit: "£000",
  unitCell: "A2",
  lines: [
    {
      labelCell: "A5",
      label: "1.1 Capital e.g. fit out of office/ dilapidations before lease expiry",
      role: "investment",
    },
    {
      labelCell: "A6",
      label: "1.2 Revenue e.g. removal costs/ operation forgone during set up",
      role: "investment",
    },
    {
      labelCell: "A8",
      label: "2.1 Revenue e.g. rent, rates, utilities, staff costs, maintenance",
      role: "cost",
    },
    { labelCell: "A9", label: "Total cost", role: "total" },
    {
      labelCell: "A12",
      label: "3.1 Revenue e.g. staff time saved and cost savings",
      role: "return",
    },
    { labelCell: "A13", label: "Total benefits", role: "total" },
    { labelCell: "A14", label: "Net cost (benefit)", role: "net" },
  ],
  net: DCF_NET,
  cumulative: DCF_CUM,
  breakEven: null,
  crossover: null,
  payback: NONE,
  shortfall: 222662,
  totals: { investment: 72812, return: 106480, cost: 256330, net: -222662 },
  statedTotalMismatches: [],
  statedPaybacks: [],
  notes: ["A15 'Discount factor (3.5% real costs of capital)' holds rates, not money."],
};

// ---------------------------------------------------------------------------------------------
// school-led-loan.xlsx, "Green Primary": one scheme, no periods. 25,000 (B4) / 5,000 a year (B3)
// = 5 years, the "five years" (B5) the loan is paid back over; the instalments B6 are 5,000 a year.
const schoolLed: RealCase = {
  file: "school-led-loan.xlsx",
  sheet: "Green Primary",
  layouts: [7],
  orientation: "no-periods",
  periodicity: null,
  periods: null,
  timeZero: false,
  unit: "£",
  unitCell: null,
  lines: [
    { labelCell: "A3", label: "Saving on energy bills each year", role: "return" },
    { labelCell: "A4", label: "Initial installation cost", role: "investment" },
  ],
  net: null,
  cumulative: null,
  breakEven: null,
  crossover: null,
  payback: { ...NONE, simple: 5 },
  totals: { investment: 25000, return: 5000, cost: 0, net: 5000 - 25000 },
  statedTotalMismatches: [],
  statedPaybacks: [
    {
      cell: "B5",
      text: "five years",
      years: 5,
      statedDecimals: 0,
      unit: "years",
      reproducedBy: ["simple"],
    },
  ],
  schemeSummary: [
    {
      labelCell: "A4",
      label: "Initial installation cost",
      cost: 25000,
      annualSaving: 5000,
      computedYears: 5,
      stated: {
        cell: "B5",
        text: "five years",
        years: 5,
        statedDecimals: 0,
        unit: "years",
        reproducedBy: ["simple"],
      },
    },
  ],
};

export const REAL_CASES: RealCase[] = [
  obc,
  twoTables,
  gateshead,
  machine,
  cuteCamel,
  netOnly,
  stackedX,
  stackedY,
  insulation,
  led,
  quartersAsPrinted,
  quartersLabelled,
  exactZero,
  inOut,
  calendar,
  sideA,
  sideB,
  councilLed,
  oxfordshire,
  yearsMonths,
  dcf,
  schoolLed,
];
