/**
 * Council grid layouts other than Sandwell's, described as data: the cells of each sheet and the
 * answers a finance reader works out by hand from them (written out in the comments, never taken
 * from the code under test). scripts/make-fixtures.ts writes them to test/fixtures/*.xlsx.
 */
import ExcelJS from "exceljs";
import type { LineRole, SignConvention, Unit } from "../../src/grid";

export type LayoutCell =
  | number
  | string
  | null
  /** A month as a real date (first of the month) with a date number format. */
  | { date: string; fmt: string }
  /** A number with its own number format. */
  | { n: number; fmt: string }
  | { formula: string; result: number }
  | { error: string };

export interface LayoutSheet {
  name: string;
  /** Single cells outside the grid rows: titles, notes. */
  cells?: { at: string; value: LayoutCell }[];
  /** Top-left cell of `rows`. */
  origin: string;
  rows: LayoutCell[][];
  /** Number format of plain numbers in `rows`. */
  amountFormat?: string;
}

export interface LayoutExpectation {
  sheet: string;
  /** "periods-across" unless stated. */
  orientation?: "periods-across" | "periods-down";
  periodicity: "monthly" | "annual";
  periodCount: number;
  firstPeriod: string;
  lastPeriod: string;
  unit: Unit;
  /** Cell address the unit is read from, or null when assumed. */
  unitCell: string | null;
  signConvention: SignConvention;
  /** 0-based sheet column of the labels (sheet row for a periods-down grid). */
  labelCol: number;
  roles: Record<string, LineRole>;
  /** Sign of lines whose sign is not the convention's plain default (by label). */
  signs?: Record<string, 1 | -1>;
  firstInvestment: string | null;
  crossover: string | null;
  breakEven: string | null;
  sustainedBreakEven: string | null;
  /** Interpolated payback from the first investment, months; null when never paid back. */
  paybackMonths: number | null;
  /** Cumulative shortfall at the end when never paid back. */
  shortfall?: number;
  totals: { investment: number; return: number; net: number };
}

export interface Layout {
  file: string;
  description: string;
  sheets: LayoutSheet[];
  /** null: the workbook holds no payback grid. */
  expected: LayoutExpectation | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const BRACKETS = "#,##0;(#,##0)";

/** Month headers from a "YYYY-MM" start: real dates, "Apr-22", "April 2022" or "2022-04". */
function monthHeaders(
  start: string,
  count: number,
  style: "date" | "short" | "long" | "iso"
): LayoutCell[] {
  let [year, month] = start.split("-").map(Number);
  const out: LayoutCell[] = [];
  for (let i = 0; i < count; i++) {
    const iso = `${year}-${String(month).padStart(2, "0")}`;
    if (style === "date") out.push({ date: iso, fmt: "mmm-yy" });
    else if (style === "short")
      out.push(`${MONTHS[month - 1]}-${String(year % 100).padStart(2, "0")}`);
    else if (style === "long") out.push(`${LONG_MONTHS[month - 1]} ${year}`);
    else out.push(iso);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

/** Runs of repeated values: run([3, null], [9, 5000]) is three blanks then nine 5,000s. */
function run(...parts: [number, LayoutCell][]): LayoutCell[] {
  return parts.flatMap(([n, v]) => new Array<LayoutCell>(n).fill(v));
}

function num(v: LayoutCell): number {
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "n" in v) return v.n;
  return 0;
}

/** The sheet's own stated lines, as a spreadsheet author would have summed them. */
function addRows(...rows: LayoutCell[][]): number[] {
  return rows[0].map((_, i) => rows.reduce((s, r) => s + num(r[i]), 0));
}
function runningSum(values: number[]): number[] {
  let acc = 0;
  return values.map((v) => (acc += v));
}
function total(values: LayoutCell[]): number {
  return values.reduce<number>((s, v) => s + num(v), 0);
}

// ---------------------------------------------------------------------------------------------
// (1) One long row of months, Apr-22..Mar-24 as real dates, an FY subtotal column after each
// year (formulas) and a grand Total.
//   Investment: staffing 10,000 a month Apr-22..Sep-22; IT 6,000 in Apr-22 -> 66,000 in all.
//   Savings: 5,000 a month Jul-22..Mar-23 (45,000), 8,000 a month in 2023/24 (96,000) -> 141,000.
//   Net: Apr-22 -16,000, May/Jun -10,000, Jul-Sep -5,000, Oct-22..Mar-23 +5,000, 2023/24 +8,000.
//   Cumulative: -16,000, -26,000, -36,000, -41,000, -46,000, -51,000, then +5,000 a month to
//   -21,000 at Mar-23; Apr-23 -13,000, May-23 -5,000, Jun-23 +3,000: break-even Jun-23.
//   Crossover Oct-22 (first month with net > 0). Payback from Apr-22: 14 months elapsed to the
//   start of Jun-23 + 5,000 / 8,000 = 14.625 months. Net over the horizon 141,000 - 66,000 = 75,000.
const longStaff = [...run([6, -10000], [6, null]), ...run([12, null])];
const longIt = [...run([1, -6000], [11, null]), ...run([12, null])];
const longSavings = [...run([3, null], [9, 5000]), ...run([12, 8000])];
const longInvestment = addRows(longStaff, longIt);
const longNet = addRows(longStaff, longIt, longSavings);

/** A line laid out along the long row: 12 months, FY subtotal, 12 months, FY subtotal, Total. */
function longLine(sheetRow: number, label: string, months: LayoutCell[]): LayoutCell[] {
  const y1 = months.slice(0, 12);
  const y2 = months.slice(12);
  return [
    label,
    ...y1,
    { formula: `SUM(B${sheetRow}:M${sheetRow})`, result: total(y1) },
    ...y2,
    { formula: `SUM(O${sheetRow}:Z${sheetRow})`, result: total(y2) },
    { formula: `N${sheetRow}+AA${sheetRow}`, result: total(months) },
  ];
}

/** The cumulative line's FY and Total columns show the position at the end, not a sum. */
function cumulativeLine(sheetRow: number, label: string, months: number[]): LayoutCell[] {
  return [
    label,
    ...months.slice(0, 12),
    { formula: `M${sheetRow}`, result: months[11] },
    ...months.slice(12),
    { formula: `Z${sheetRow}`, result: months[23] },
    { formula: `AA${sheetRow}`, result: months[23] },
  ];
}

const longRow: Layout = {
  file: "layout-long-row.xlsx",
  description:
    "one long row of monthly dates with FY subtotal columns between the years and a grand Total",
  sheets: [
    {
      name: "Payback",
      cells: [{ at: "A1", value: "Early Help invest to save: monthly profile" }],
      origin: "A3",
      amountFormat: BRACKETS,
      rows: [
        [
          "",
          ...monthHeaders("2022-04", 12, "date"),
          "2022/23",
          ...monthHeaders("2023-04", 12, "date"),
          "2023/24",
          "Total",
        ],
        longLine(4, "Investment - staffing", longStaff),
        longLine(5, "Investment - IT systems", longIt),
        longLine(6, "Total investment", longInvestment),
        longLine(7, "Savings - placements", longSavings),
        longLine(8, "Total savings", longSavings),
        longLine(9, "Net (cost)/saving", longNet),
        cumulativeLine(10, "Cumulative", runningSum(longNet)),
      ],
    },
  ],
  expected: {
    sheet: "Payback",
    periodicity: "monthly",
    periodCount: 24,
    firstPeriod: "2022-04",
    lastPeriod: "2024-03",
    unit: "£",
    unitCell: null,
    signConvention: "investment-negative",
    labelCol: 0,
    roles: {
      "Investment - staffing": "investment",
      "Investment - IT systems": "investment",
      "Total investment": "total-investment",
      "Savings - placements": "return",
      "Total savings": "total-return",
      "Net (cost)/saving": "net",
      Cumulative: "cumulative",
    },
    firstInvestment: "2022-04",
    crossover: "2022-10",
    breakEven: "2023-06",
    sustainedBreakEven: "2023-06",
    paybackMonths: 14.625,
    totals: { investment: -66000, return: 141000, net: 75000 },
  },
};

// ---------------------------------------------------------------------------------------------
// (2) Text month headers "Apr-22".."Mar-23" and a Total; a "Return" heading with a line whose
// label names no role ("Agency staff") under it.
//   Investment: set-up cost 20,000 in Apr-22; project funding 5,000 Apr..Jun -> 35,000.
//   Return: agency staff 4,000 a month May-22..Mar-23 (44,000); traded income 1,000 Jul..Mar (9,000).
//   Net: Apr -25,000; May, Jun -1,000; Jul..Mar +5,000. Cumulative: -25,000, -26,000, -27,000,
//   -22,000, -17,000, -12,000, -7,000, -2,000 (Nov-22), +3,000 (Dec-22): break-even Dec-22.
//   Crossover Jul-22. Payback: 8 + 2,000 / 5,000 = 8.4 months. Net 53,000 - 35,000 = 18,000.
const textSetup = run([1, -20000], [11, null]);
const textFunding = run([3, -5000], [9, null]);
const textAgency = run([1, null], [11, 4000]);
const textIncome = run([3, null], [9, 1000]);
const textNet = addRows(textSetup, textFunding, textAgency, textIncome);

const textMonths: Layout = {
  file: "layout-text-months.xlsx",
  description:
    "month headers typed as text (Apr-22) with a Return heading over unlabelled-role lines",
  sheets: [
    {
      name: "Profile",
      cells: [{ at: "A1", value: "Workforce redesign: investment and return by month" }],
      origin: "A3",
      amountFormat: BRACKETS,
      rows: [
        ["Line", ...monthHeaders("2022-04", 12, "short"), "Total"],
        ["Set-up cost", ...textSetup, total(textSetup)],
        ["Project funding", ...textFunding, total(textFunding)],
        [
          "Total investment",
          ...addRows(textSetup, textFunding),
          total(textSetup) + total(textFunding),
        ],
        [],
        ["Return"],
        ["Agency staff", ...textAgency, total(textAgency)],
        ["Income from traded service", ...textIncome, total(textIncome)],
        ["Total return", ...addRows(textAgency, textIncome), total(textAgency) + total(textIncome)],
        [],
        ["In month (cost)/return", ...textNet, total(textNet)],
        ["Cum (cost)/return", ...runningSum(textNet), total(textNet)],
      ],
    },
  ],
  expected: {
    sheet: "Profile",
    periodicity: "monthly",
    periodCount: 12,
    firstPeriod: "2022-04",
    lastPeriod: "2023-03",
    unit: "£",
    unitCell: null,
    signConvention: "investment-negative",
    labelCol: 0,
    roles: {
      "Set-up cost": "investment",
      "Project funding": "investment",
      "Total investment": "total-investment",
      Return: "heading",
      "Agency staff": "return",
      "Income from traded service": "return",
      "Total return": "total-return",
      "In month (cost)/return": "net",
      "Cum (cost)/return": "cumulative",
    },
    firstInvestment: "2022-04",
    crossover: "2022-07",
    breakEven: "2022-12",
    sustainedBreakEven: "2022-12",
    paybackMonths: 8.4,
    totals: { investment: -35000, return: 53000, net: 18000 },
  },
};

// ---------------------------------------------------------------------------------------------
// (3) Annual grid 2016/17..2020/21, investment and savings both positive: the label decides.
//   Investment: capital 100,000 + 50,000; team funding 20,000 a year for three years -> 210,000.
//   Savings: 0, 40,000, 70,000, 80,000, 80,000 -> 270,000.
//   Net: -120,000, -30,000, +50,000, +80,000, +80,000. Cumulative: -120,000, -150,000,
//   -100,000, -20,000, +60,000: break-even 2020/21; crossover 2018/19.
//   Payback: 4 years + 20,000 / 80,000 = 4.25 years = 51 months. Net 60,000.
const annualCapital = [100000, 50000, 0, 0, 0];
const annualFunding = [20000, 20000, 20000, 0, 0];
const annualSavings = [0, 40000, 70000, 80000, 80000];
const annualCost = addRows(annualCapital, annualFunding);
const annualNet = annualSavings.map((s, i) => s - annualCost[i]);

const annualPositive: Layout = {
  file: "layout-annual-positive.xlsx",
  description: "annual grid by financial year, investment and savings both shown positive",
  sheets: [
    {
      name: "Business case",
      cells: [{ at: "A1", value: "Reablement invest to save: five year business case" }],
      origin: "A3",
      amountFormat: "#,##0",
      rows: [
        ["", "2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "Total"],
        ["Capital investment", ...annualCapital, total(annualCapital)],
        ["Revenue funding for reablement team", ...annualFunding, total(annualFunding)],
        ["Total cost", ...annualCost, total(annualCost)],
        ["Savings from reduced care packages", ...annualSavings, total(annualSavings)],
        [
          "Net saving",
          ...annualNet.map((n) => ({ n, fmt: BRACKETS })),
          { n: total(annualNet), fmt: BRACKETS },
        ],
      ],
    },
  ],
  expected: {
    sheet: "Business case",
    periodicity: "annual",
    periodCount: 5,
    firstPeriod: "2016/17",
    lastPeriod: "2020/21",
    unit: "£",
    unitCell: null,
    signConvention: "role-by-label",
    labelCol: 0,
    roles: {
      "Capital investment": "investment",
      "Revenue funding for reablement team": "investment",
      "Total cost": "total-investment",
      "Savings from reduced care packages": "return",
      "Net saving": "net",
    },
    signs: {
      "Capital investment": -1,
      "Revenue funding for reablement team": -1,
      "Savings from reduced care packages": 1,
      "Net saving": 1,
    },
    firstInvestment: "2016/17",
    crossover: "2018/19",
    breakEven: "2020/21",
    sustainedBreakEven: "2020/21",
    paybackMonths: 51,
    totals: { investment: -210000, return: 270000, net: 60000 },
  },
};

// ---------------------------------------------------------------------------------------------
// (4) A "net cost to council" table in £000s: costs positive, savings negative, dated months.
//   Costs: implementation 50 (Apr-23) + 30 (May-23); staffing 10 a month -> 80 + 120 = 200.
//   Savings: placements 20 a month Jun-23..Mar-24 (200); transport 5 a month Sep-23..Mar-24 (35).
//   Money in/out: Apr -60, May -40, Jun..Aug +10, Sep..Mar +15. Cumulative: -60, -100, -90, -80,
//   -70, -55, -40, -25, -10 (Dec-23), +5 (Jan-24): break-even Jan-24; crossover Jun-23.
//   Payback: 9 + 10 / 15 = 9.6667 months. Net 235 - 200 = 35 (£000s).
const kImplementation = run([1, 50], [1, 30], [10, null]);
const kStaffing = run([12, 10]);
const kPlacements = run([2, null], [10, -20]);
const kTransport = run([5, null], [7, -5]);
const kNet = addRows(kImplementation, kStaffing, kPlacements, kTransport);

const savingsNegativeK: Layout = {
  file: "layout-savings-negative-k.xlsx",
  description: "net cost to council in £000s: costs positive, savings negative",
  sheets: [
    {
      name: "Net cost",
      cells: [{ at: "A1", value: "Net cost to council of the fostering invest to save (£000s)" }],
      origin: "A3",
      amountFormat: "#,##0;-#,##0",
      rows: [
        ["", ...monthHeaders("2023-04", 12, "date"), "Total"],
        ["Implementation costs", ...kImplementation, total(kImplementation)],
        ["Additional staffing costs", ...kStaffing, total(kStaffing)],
        ["Savings"],
        ["Placement savings", ...kPlacements, total(kPlacements)],
        ["Transport savings", ...kTransport, total(kTransport)],
        ["Net (saving)/cost", ...kNet, total(kNet)],
        ["Cumulative net (saving)/cost", ...runningSum(kNet), total(kNet)],
      ],
    },
  ],
  expected: {
    sheet: "Net cost",
    periodicity: "monthly",
    periodCount: 12,
    firstPeriod: "2023-04",
    lastPeriod: "2024-03",
    unit: "£000s",
    unitCell: "A1",
    signConvention: "savings-negative",
    labelCol: 0,
    roles: {
      "Implementation costs": "investment",
      "Additional staffing costs": "investment",
      Savings: "heading",
      "Placement savings": "return",
      "Transport savings": "return",
      "Net (saving)/cost": "net",
      "Cumulative net (saving)/cost": "cumulative",
    },
    signs: {
      "Implementation costs": -1,
      "Placement savings": -1,
      "Net (saving)/cost": -1,
      "Cumulative net (saving)/cost": -1,
    },
    firstInvestment: "2023-04",
    crossover: "2023-06",
    breakEven: "2024-01",
    sustainedBreakEven: "2024-01",
    paybackMonths: 9 + 10 / 15,
    totals: { investment: -200, return: 235, net: 35 },
  },
};

// ---------------------------------------------------------------------------------------------
// (5) A grid at D6 under title rows, with a reference column (E), a notes column after the Total,
// "-" and "n/a" for zero, amounts stored as text ("(11,667)", "£9,000"), blank spacer rows, and
// month headers typed "2022-04".
//   Investment: officers 11,667 a month Apr-22..Sep-22 (70,002); licence 3,000 Apr-22 -> 73,002.
//   Savings: TA avoided 9,000 a month Jul-22..Mar-23 (81,000); B&B 2,500 Oct-22..Mar-23 (15,000).
//   Net: Apr -14,667; May, Jun -11,667; Jul..Sep -2,667; Oct..Mar +11,500. Cumulative: -14,667,
//   -26,334, -38,001, -40,668, -43,335, -46,002, -34,502, -23,002, -11,502, -2 (Jan-23),
//   +11,498 (Feb-23): break-even Feb-23 by two pounds; crossover Oct-22.
//   Payback: 10 + 2 / 11,500 months. Net 96,000 - 73,002 = 22,998.
const offsetOfficers = run([6, "(11,667)"], [6, "-"]);
const offsetLicence = [-3000, ...run([11, "-"])];
const offsetTa = [...run([3, null]), "£9,000", "£9,000", ...run([7, 9000])];
const offsetBnb = run([6, "n/a"], [6, 2500]);
const offsetInvestment = [-14667, ...run([5, -11667], [6, 0])];
const offsetSavings = [0, 0, 0, ...run([3, 9000], [6, 11500])];
const offsetNet = addRows(offsetInvestment, offsetSavings);

const offsetNotes: Layout = {
  file: "layout-offset-notes.xlsx",
  description:
    "grid at D6 with titles, a reference column, a notes column, dashes and numbers stored as text",
  sheets: [
    {
      name: "Appendix B",
      cells: [
        { at: "D2", value: "Appendix B – Homelessness prevention invest to save" },
        { at: "D3", value: "Cabinet, 14 March 2022. Prepared by Finance Business Partnering." },
      ],
      origin: "D6",
      amountFormat: BRACKETS,
      rows: [
        ["Description", "Ref", ...monthHeaders("2022-04", 12, "iso"), "Total", "Notes"],
        ["Investment", null],
        [
          "Prevention officers (2 FTE)",
          "HP1",
          ...offsetOfficers,
          -70002,
          "Two posts for six months",
        ],
        ["Software licence", "HP2", ...offsetLicence, -3000, "One-off"],
        [],
        ["Total investment", null, ...offsetInvestment, -73002],
        [],
        ["Savings", null],
        ["Temporary accommodation avoided", "HP3", ...offsetTa, 81000, "Per housing needs model"],
        ["B&B placements", "HP4", ...offsetBnb, 15000, "From October"],
        ["Total savings", null, ...offsetSavings, 96000],
        ["Net position", null, ...offsetNet, 22998],
        ["Cumulative position", null, ...runningSum(offsetNet), 22998],
      ],
    },
  ],
  expected: {
    sheet: "Appendix B",
    periodicity: "monthly",
    periodCount: 12,
    firstPeriod: "2022-04",
    lastPeriod: "2023-03",
    unit: "£",
    unitCell: null,
    signConvention: "investment-negative",
    labelCol: 3,
    roles: {
      Investment: "heading",
      "Prevention officers (2 FTE)": "investment",
      "Software licence": "investment",
      "Total investment": "total-investment",
      Savings: "heading",
      "Temporary accommodation avoided": "return",
      "B&B placements": "return",
      "Total savings": "total-return",
      "Net position": "net",
      "Cumulative position": "cumulative",
    },
    firstInvestment: "2022-04",
    crossover: "2022-10",
    breakEven: "2023-02",
    sustainedBreakEven: "2023-02",
    paybackMonths: 10 + 2 / 11500,
    totals: { investment: -73002, return: 96000, net: 22998 },
  },
};

// ---------------------------------------------------------------------------------------------
// (6) A sheet of prose and notes: no grid.
const noGrid: Layout = {
  file: "layout-no-grid.xlsx",
  description: "a cover sheet of notes with no payback grid",
  sheets: [
    {
      name: "Cover",
      cells: [
        { at: "A1", value: "Invest to save proposal: background" },
        { at: "A3", value: "The service proposes to recruit two prevention officers in 2022/23." },
        { at: "A4", value: "Savings are expected from April 2023, reviewed each quarter." },
        { at: "A6", value: "Contact" },
        { at: "B6", value: "Finance Business Partner, Children's Services" },
        { at: "A7", value: "Date" },
        { at: "B7", value: { date: "2022-03", fmt: "dd/mm/yyyy" } },
      ],
      origin: "A9",
      rows: [["Version", 3]],
    },
  ],
  expected: null,
};

// ---------------------------------------------------------------------------------------------
// (7) Never pays back: "Year 1".."Year 5", investment positive by label.
//   Investment 500,000 in Year 1; savings 50,000 a year. Net: -450,000 then +50,000 a year.
//   Cumulative: -450,000, -400,000, -350,000, -300,000, -250,000: not paid back, 250,000 short.
//   Crossover Year 2.
const neverPaysBack: Layout = {
  file: "layout-never-pays-back.xlsx",
  description: "a five-year case numbered Year 1..Year 5 that never pays back",
  sheets: [
    {
      name: "Case",
      cells: [{ at: "A1", value: "Digital front door: investment and savings" }],
      origin: "A2",
      amountFormat: "#,##0",
      rows: [
        ["", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Total"],
        ["Investment", 500000, 0, 0, 0, 0, 500000],
        ["Savings", 50000, 50000, 50000, 50000, 50000, 250000],
      ],
    },
  ],
  expected: {
    sheet: "Case",
    periodicity: "annual",
    periodCount: 5,
    firstPeriod: "Year 1",
    lastPeriod: "Year 5",
    unit: "£",
    unitCell: null,
    signConvention: "role-by-label",
    labelCol: 0,
    roles: { Investment: "investment", Savings: "return" },
    signs: { Investment: -1, Savings: 1 },
    firstInvestment: "Year 1",
    crossover: "Year 2",
    breakEven: null,
    sustainedBreakEven: null,
    paybackMonths: null,
    shortfall: 250000,
    totals: { investment: -500000, return: 250000, net: -250000 },
  },
};

// ---------------------------------------------------------------------------------------------
// (8) Dips below zero again: "April 2022".."March 2023", a second investment in Oct-22.
//   Investment 10,000 Apr-22 and 12,000 Oct-22; savings 2,000 a month May-22..Mar-23 (22,000).
//   Cumulative: -10,000, -8,000, -6,000, -4,000, -2,000, 0 (Sep-22: first break-even), then
//   Oct-22 -10,000, -8,000, -6,000, -4,000, -2,000, 0 (Mar-23: sustained break-even).
//   Crossover May-22. Payback to the first break-even: 5 + 2,000 / 2,000 = 6 months. Net 0.
const dipInvestment = [-10000, ...run([5, null]), -12000, ...run([5, null])];
const dipSavings = [null, ...run([11, 2000])];
const dipsAgain: Layout = {
  file: "layout-dips-again.xlsx",
  description: "long month names; a second investment takes the position below zero again",
  sheets: [
    {
      name: "Sheet1",
      origin: "B2",
      amountFormat: BRACKETS,
      rows: [
        ["£", ...monthHeaders("2022-04", 12, "long")],
        ["Investment", ...dipInvestment],
        ["Savings", ...dipSavings],
      ],
    },
  ],
  expected: {
    sheet: "Sheet1",
    periodicity: "monthly",
    periodCount: 12,
    firstPeriod: "2022-04",
    lastPeriod: "2023-03",
    unit: "£",
    unitCell: null,
    signConvention: "investment-negative",
    labelCol: 1,
    roles: { Investment: "investment", Savings: "return" },
    firstInvestment: "2022-04",
    crossover: "2022-05",
    breakEven: "2022-09",
    sustainedBreakEven: "2023-03",
    paybackMonths: 6,
    totals: { investment: -22000, return: 22000, net: 0 },
  },
};

// ---------------------------------------------------------------------------------------------
// (9) Transposed: months down column A (dates), lines across row 3, "£k" in B1, a Total row.
//   Investment 24 (Apr-23) and 6 (May-23) -> 30. Savings: staffing 3 a month Jun-23..Mar-24 (30),
//   placements 2 a month Aug-23..Mar-24 (16) -> 46.
//   Net: Apr -24, May -6, Jun, Jul +3, Aug..Mar +5. Cumulative: -24, -30, -27, -24, -19, -14, -9,
//   -4 (Nov-23), +1 (Dec-23): break-even Dec-23; crossover Jun-23.
//   Payback: 8 + 4 / 5 = 8.8 months. Net 46 - 30 = 16 (£k).
const downInvestment = [-24, -6, ...run([10, null])];
const downStaffing = [null, null, ...run([10, 3])];
const downPlacements = run([4, null], [8, 2]);
const downNet = addRows(downInvestment, downStaffing, downPlacements);
const downCum = runningSum(downNet);
const downMonths = monthHeaders("2023-04", 12, "date");

const transposed: Layout = {
  file: "layout-transposed.xlsx",
  description: "months down the rows, lines across the columns, in £k",
  sheets: [
    {
      name: "By month",
      cells: [{ at: "B1", value: "Figures in £k" }],
      origin: "A3",
      amountFormat: BRACKETS,
      rows: [
        ["Month", "Investment", "Savings - staffing", "Savings - placements", "Net", "Cumulative"],
        ...downMonths.map((m, i) => [
          m,
          downInvestment[i],
          downStaffing[i],
          downPlacements[i],
          downNet[i],
          downCum[i],
        ]),
        [
          "Total",
          total(downInvestment),
          total(downStaffing),
          total(downPlacements),
          total(downNet),
          null,
        ],
      ],
    },
  ],
  expected: {
    sheet: "By month",
    orientation: "periods-down",
    periodicity: "monthly",
    periodCount: 12,
    firstPeriod: "2023-04",
    lastPeriod: "2024-03",
    unit: "£k",
    unitCell: "B1",
    signConvention: "investment-negative",
    labelCol: 2,
    roles: {
      Investment: "investment",
      "Savings - staffing": "return",
      "Savings - placements": "return",
      Net: "net",
      Cumulative: "cumulative",
    },
    firstInvestment: "2023-04",
    crossover: "2023-06",
    breakEven: "2023-12",
    sustainedBreakEven: "2023-12",
    paybackMonths: 8.8,
    totals: { investment: -30, return: 46, net: 16 },
  },
};

export const LAYOUTS: Layout[] = [
  longRow,
  textMonths,
  annualPositive,
  savingsNegativeK,
  offsetNotes,
  noGrid,
  neverPaysBack,
  dipsAgain,
  transposed,
];

// ---------------------------------------------------------------------------------------------
// Writing a layout as a workbook.

function colRow(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function putCell(
  ws: ExcelJS.Worksheet,
  row: number,
  col: number,
  value: LayoutCell,
  amountFormat: string | undefined
): void {
  if (value === null || value === "") return;
  const cell = ws.getCell(row, col);
  if (typeof value === "number") {
    cell.value = value;
    if (amountFormat) cell.numFmt = amountFormat;
  } else if (typeof value === "string") {
    cell.value = value;
  } else if ("date" in value) {
    const [y, m] = value.date.split("-").map(Number);
    cell.value = new Date(Date.UTC(y, m - 1, 1));
    cell.numFmt = value.fmt;
  } else if ("n" in value) {
    cell.value = value.n;
    cell.numFmt = value.fmt;
  } else if ("formula" in value) {
    cell.value = { formula: value.formula, result: value.result } as ExcelJS.CellFormulaValue;
    if (amountFormat) cell.numFmt = amountFormat;
  } else {
    cell.value = { error: value.error } as ExcelJS.CellErrorValue;
  }
}

export function buildLayoutWorkbook(layout: Layout): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed properties so that regenerating a fixture changes nothing that was not meant to change.
  wb.creator = "ITOS test layouts";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const sheet of layout.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const c of sheet.cells ?? []) {
      const { row, col } = colRow(c.at);
      putCell(ws, row, col, c.value, undefined);
    }
    const origin = colRow(sheet.origin);
    sheet.rows.forEach((cells, i) =>
      cells.forEach((v, j) => putCell(ws, origin.row + i, origin.col + j, v, sheet.amountFormat))
    );
  }
  return wb;
}
