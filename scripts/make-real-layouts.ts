/**
 * Writes test/fixtures/real-layouts/*.xlsx: published payback and business-case tables,
 * transcribed cell by cell as data below so that a reviewer can compare each one with its source
 * (named in test/fixtures/real-layouts/README.md). Printed figures are kept as printed, including
 * totals that do not add up and paybacks stated in words. The answers worked out by hand live
 * apart from these cells, in test/support/realLayouts.ts.
 *   npx tsx scripts/make-real-layouts.ts
 * The output is deterministic: fixed workbook dates, cells written in a fixed order.
 */
import * as path from "path";
import { existsSync, mkdirSync } from "fs";
import ExcelJS from "exceljs";
import { snapshotFromWorkbook } from "../src/file/readWorkbook";

/** A cell as the paper prints it. */
type Cell =
  | number
  | string
  | null
  /** A number with its own display format (brackets, currency, decimals). */
  | { n: number; fmt: string };

interface Sheet {
  name: string;
  /** Rows from A1 down; a missing or empty row is a blank spacer row. */
  rows: Cell[][];
  /** Display format of plain numbers on this sheet (not column A, nor `plainRows`). */
  fmt?: string;
  /** 1-based rows whose numbers are headers (calendar years), written without `fmt`. */
  plainRows?: number[];
  widths?: number[];
}

interface Workbook {
  file: string;
  sheets: Sheet[];
}

const OUT = path.join(__dirname, "..", "test", "fixtures", "real-layouts");

const BRACKETS = "#,##0;(#,##0)";
const BRACKETS_3DP = "#,##0.000;(#,##0.000)";
const DOLLARS = "$#,##0;($#,##0)";
const POUNDS = "£#,##0";

/** n copies of a value. */
function rep(n: number, v: Cell): Cell[] {
  return new Array<Cell>(n).fill(v);
}

// ---------------------------------------------------------------------------------------------
// 1. A council's outline business case, financial appendix: ten financial years written "24/25",
// blocks with their own heading lines, and "Total Revenue Costs" as the only revenue-cost line.
const obcHeader: Cell[] = [
  "Corporate Systems Improvement",
  "24/25",
  "25/26",
  "26/27",
  "27/28",
  "28/29",
  "29/30",
  "30/31",
  "31/32",
  "32/33",
  "33/34",
  "Total",
];
const obcLines: Record<string, Cell[]> = {
  staffing: [70000, 875000, 850000, 105000, ...rep(6, 0), 1900000],
  technical: [0, 400000, 350000, 100000, ...rep(6, 0), 850000],
  capital: [70000, 1275000, 1200000, 205000, ...rep(6, 0), 2750000],
  revenue: [500600, 807600, 879800, 1027700, ...rep(6, 1053000), 9533700],
  finance: [...rep(10, 269300), 2693000],
  payroll: [...rep(10, 262100), 2621000],
  licensing: [...rep(10, 531400), 5314000],
  procurement: [0, 0, 11000, ...rep(7, 33000), 242000],
  wrbs: [0, 0, 13000, ...rep(7, 37500), 275500],
  financeEff: [0, 0, 25000, ...rep(7, 74000), 543000],
  audit: [0, 0, 4000, ...rep(7, 11000), 81000],
  hr: [0, 0, 38000, ...rep(7, 113000), 829000],
};
const obc: Workbook = {
  file: "obc-corporate-systems.xlsx",
  sheets: [
    {
      name: "Appendix 1",
      fmt: "#,##0",
      widths: [46],
      rows: [
        ["Appendix 1 – Outline Business Case (Financial)"],
        [],
        obcHeader,
        [],
        ["Capital Investment:"],
        ["Capital Investment - Staffing and Backfill", ...obcLines.staffing],
        ["Capital Investment - Technical and Consultancy", ...obcLines.technical],
        ["Total Capital Costs", ...obcLines.capital],
        [],
        ["New Systems Licencing & Financing Costs:"],
        ["Total Revenue Costs", ...obcLines.revenue],
        ["Existing Revenue Budgets:"],
        ["Financial System and Associated Licences", ...obcLines.finance],
        ["HR/Payroll and Associated Licences", ...obcLines.payroll],
        ["Total Licensing Budgets", ...obcLines.licensing],
        [],
        ["Cashable Benefits (Efficiency Savings)"],
        ["Procurement Service efficiencies", ...obcLines.procurement],
        ["WRBS efficiencies", ...obcLines.wrbs],
        ["Financial Services efficiencies", ...obcLines.financeEff],
        ["Reduced Audit Fee Variations", ...obcLines.audit],
        ["HR/Recruitment efficiencies", ...obcLines.hr],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 2. The same appendix's figures laid out as two tables on one sheet, a savings table above an
// investment table, each with its own header row, heading and total (an arrangement, not a
// printed page: see the README). The new systems' licence costs sit inside the savings table as
// an ongoing cost, shown negative. Totals: the sums of the lines above them.
const fyHeaders = obcHeader.slice(1, 11);
const negate = (cells: Cell[]): Cell[] => cells.map((c) => (typeof c === "number" ? -c : c));
const twoTables: Workbook = {
  file: "two-tables-savings-and-investment.xlsx",
  sheets: [
    {
      name: "Business case",
      fmt: BRACKETS,
      widths: [50],
      rows: [
        ["Corporate Systems Improvement: savings and investment (£)"],
        [],
        ["Savings to be delivered", ...fyHeaders, "Total"],
        ["Financial System and Associated Licences", ...obcLines.finance],
        ["HR/Payroll and Associated Licences", ...obcLines.payroll],
        ["Procurement Service efficiencies", ...obcLines.procurement],
        ["WRBS efficiencies", ...obcLines.wrbs],
        ["Financial Services efficiencies", ...obcLines.financeEff],
        ["Reduced Audit Fee Variations", ...obcLines.audit],
        ["HR/Recruitment efficiencies", ...obcLines.hr],
        ["Ongoing costs - new systems licencing & financing", ...negate(obcLines.revenue)],
        ["Total savings", 30800, -276200, -257400, -227800, ...rep(6, -253100), -2249200],
        [],
        [],
        ["Invest to save funding required", ...fyHeaders, "Total"],
        ["Capital Investment - Staffing and Backfill", ...obcLines.staffing],
        ["Capital Investment - Technical and Consultancy", ...obcLines.technical],
        ["Total investment", ...obcLines.capital],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 3. Gateshead Council, MTFS 2025/26 - 2029/30: "cumulative" lines in the MTFS sense (each
// year's position against the base budget) and a balanced-budget line. The unidentified-cuts
// line is blank in Year 1 and prints "0.062)" in Year 4, both as on the page (see the README).
const gateshead: Workbook = {
  file: "gateshead-mtfs-2025-30.xlsx",
  sheets: [
    {
      name: "MTFS",
      fmt: BRACKETS_3DP,
      widths: [44, 16, 16, 16, 16, 16],
      rows: [
        ["Medium Term Financial Strategy (MTFS) 2025/26 - 2029/30"],
        [],
        [
          null,
          "Year 1 2025/26 £m",
          "Year 2 2026/27 £m",
          "Year 3 2027/28 £m",
          "Year 4 2028/29 £m",
          "Year 5 2029/30 £m",
        ],
        ["Estimated base", 320.647, 338.095, 354.069, 366.571, 377.341],
        [
          "Estimated funding (excluding reserves)",
          -307.323,
          -315.048,
          -324.053,
          -333.879,
          -342.987,
        ],
        ["Cumulative funding gap (before reserves)", 13.324, 23.047, 30.016, 32.692, 34.354],
        ["Planned use of reserves", -8.5, -4.0, 0, 0, 0],
        ["Estimated cumulative savings requirement", 4.824, 19.047, 30.016, 32.692, 34.354],
        ["Estimated annual savings requirement", 4.824, 14.223, 10.969, 2.676, 1.662],
        ["Options to close gap:"],
        ["Adult Social Care interventions", -2.117, -2.27, -1.878, -2.178, -1.481],
        ["Children's Social Care interventions", -0.612, -1.744, -0.577, -0.56, 0],
        ["Budget efficiencies", -2.095, -2.0, -2.0, null, null],
        ["Potential budget cuts: unidentified", null, -8.209, -6.514, "0.062)", -0.181],
        ["Balanced budget", 0, 0, 0, 0, 0],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 4. Textbook: a $50,000 machine, Year 0..5 down the rows, net cash flow = net income +
// depreciation, a cumulative column and "Payback Period 2.46" in a cell.
const machine: Workbook = {
  file: "machine-year0-down.xlsx",
  sheets: [
    {
      name: "Payback",
      fmt: DOLLARS,
      widths: [16, 14, 14, 16, 24],
      rows: [
        ["Payback Period : Period required to recover the cash outflow at initial stage."],
        ["Initial Cash Outflow : $50,000"],
        [],
        ["Year", "Net Income", "Depreciation", "Net Cash Flow", "Commulative Cash Flow"],
        [0, null, null, { n: -50000, fmt: BRACKETS }, -50000],
        [1, 3300, 10000, 13300, -36700],
        [2, 8300, 10000, 18300, -18400],
        [3, 30000, 10000, 40000, 21600],
        [4, 12400, 10000, 22400, 44000],
        [5, 33200, 10000, 43200, 87200],
        ["Payback Period", { n: 2.46, fmt: "0.00" }],
        [],
        ["Payback : 2 Years + $18,400/$40,000 = 2.46 Years"],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 5. Textbook question: Year 0..3 across the columns, one cash flow line; the discounted lines
// are left blank for the student, as printed.
const cuteCamel: Workbook = {
  file: "year0-across-cash-flow.xlsx",
  sheets: [
    {
      name: "Question",
      fmt: "$#,##0;-$#,##0",
      widths: [34, 14, 14, 14, 14],
      rows: [
        [
          "The conventional payback period ignores the time value of money, and this concerns Cute Camel's CFO.",
        ],
        [],
        [null, "Year 0", "Year 1", "Year 2", "Year 3"],
        ["Cash flow", -5000000, 2000000, 4250000, 1750000],
        ["Discounted cash flow"],
        ["Cumulative discounted cash flow"],
        [],
        ["Discounted payback period:"],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 6. Textbook answer: net-only table, Year 0..5 down, annual and cumulative cash flow, payback
// stated twice in words.
const netOnly: Workbook = {
  file: "net-only-year0-down.xlsx",
  sheets: [
    {
      name: "Answer",
      fmt: DOLLARS,
      widths: [10, 18, 22],
      rows: [
        ["Answer:"],
        ["Payback equals 3.08 years"],
        ["Explanation:"],
        [],
        ["Year", "Annual Cash-flow", "Cumulative cash-flow"],
        [0, -180000, -180000],
        [1, 60000, -120000],
        [2, 40000, -80000],
        [3, 70000, -10000],
        [4, 125000, 115000],
        [5, 35000, 150000],
        [],
        ["Payback period = 3 + 10,000/125,000 = 3.08 years"],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 7. Textbook answer: two alternatives as stacked blocks, each headed "X:" / "Y:", each with its
// own Year 0 table and its payback worked out beneath.
const stacked: Workbook = {
  file: "two-alternatives-stacked.xlsx",
  sheets: [
    {
      name: "Solution",
      fmt: "0;(0)",
      widths: [12, 14, 24],
      rows: [
        ["X:"],
        ["Year", "Cash flows", "Cumulative Cash flows"],
        [0, -72000, -72000],
        [1, 25000, -47000],
        [2, 25000, -22000],
        [3, 15000, -7000],
        [4, 10000, 3000],
        [5, 30000, 33000],
        [],
        [
          "Payback period=Last period with a negative cumulative cash flow+(Absolute value of cumulative cash flows at that period/Cash flow after that period).",
        ],
        ["=3+(7000/10000)=3.7 years"],
        [],
        ["Y:"],
        ["Year", "Cash flows", "Cumulative Cash flows"],
        [0, -72000, -72000],
        [1, 22000, -50000],
        [2, 15000, -35000],
        [3, 50000, 15000],
        [],
        ["=2+(35000/50000)=2.7 years."],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 8. Energy-efficiency scheme summary without periods: cost, annual saving, payback in months.
// One saving was printed as a source note only, with no figure.
const insulation: Workbook = {
  file: "insulation-measures-summary.xlsx",
  sheets: [
    {
      name: "Payback",
      fmt: POUNDS,
      widths: [52, 14, 22, 16],
      rows: [
        ["Payback and cost-benefit of insulation measures"],
        [],
        ["Measure", "Cost to fit", "Cost saving per year", "Payback time"],
        ["Hot water tank lagging", 15, 130, "1.5 months"],
        ["Chimney draught exclusion", 30, "(Chimney Sheep)", "6 months"],
        ["Loft insulation (where there hasn’t been any at all)", 340, 180, "23 months"],
        ["Pipe lagging", 20, 10, "24 months"],
        ["Cavity wall insulation", 465, 150, "37 months"],
        ["Suspended timber floor insulation", 525, 60, "105 months"],
        ["Loft insulation top up", 275, 20, "165 months"],
        ["Internal wall insulation", 8750, 245, "429 months"],
        ["External wall insulation", 15000, 245, "735 months"],
        ["Double glazing", 11420, 80, "1713 months"],
        [],
        [
          "All data is taken from the Energy Savings Trust website except where stated otherwise. Figures are averaged over the various house types given.",
        ],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 9. LED lighting case study: one scheme, a cost, savings made of two parts with their total,
// a stated payback, and non-money lines (kW, hours, kWh, %, tonnes) around them.
const led: Workbook = {
  file: "led-office-case-study.xlsx",
  sheets: [
    {
      name: "Case study",
      widths: [40, 16, 16],
      rows: [
        ["LED Knowledge Bank: Funding - case Study"],
        ["The lights are replaced by 260 40W 600m x 600m LED Panels at a cost of £16,040 + VAT."],
        [
          "The running load is reduced from 28kW to 10.4kW, resulting in a 63% reduction in running costs, and annual savings of £5,530.",
        ],
        ["The investment payback time is just under 3 years."],
        [],
        [null, "Existing lights", "Proposed LEDs"],
        ["Max load (kW)", 28, 10.4],
        ["Total no of fittings", 160, 260],
        ["Average running hours per annum", 2890, 2850],
        ["kWh consumption per annum", { n: 80920, fmt: "#,##0" }, { n: 29640, fmt: "#,##0" }],
        [],
        ["Savings", null, "Proposed LEDs"],
        ["kWh reduction per annum", null, { n: 51280, fmt: "#,##0" }],
        ["As a % of current usage", null, { n: 0.63, fmt: "0%" }],
        ["Running cost reduction @ 10.5p per kWh", null, { n: 5384, fmt: "£0" }],
        ["Maintenance cost reduction per annum", null, { n: 146, fmt: "£0" }],
        ["Total savings per annum", null, { n: 5530, fmt: POUNDS }],
        ["Cost of upgrade (ex VAT)", null, { n: 16040, fmt: POUNDS }],
        ["Payback time", null, "2.9 years"],
        ["Reduction in carbon footprint"],
        ["CO2 reduction per annum", null, "27.6 tonnes"],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 10. Textbook answer in quarters: quarter 0 (the investment) to 13 down the rows. Second sheet:
// the same figures across quarters labelled "Q1 2024/25" ... "Q2 2027/28" (see the README).
const QUARTER_FMT = '"$ "#,##0;"-$ "#,##0;"$ -"';
const quarterInflows = [...rep(8, 25000), ...rep(5, 75000)];
const quarterCumulative = [
  -550000, -525000, -500000, -475000, -450000, -425000, -400000, -375000, -300000, -225000, -150000,
  -75000, 0,
];
const quarterLabels: string[] = [];
for (const fy of ["2024/25", "2025/26", "2026/27", "2027/28"])
  for (const q of ["Q1", "Q2", "Q3", "Q4"]) quarterLabels.push(`${q} ${fy}`);
const quarters: Workbook = {
  file: "quarters-payback.xlsx",
  sheets: [
    {
      name: "As printed",
      fmt: QUARTER_FMT,
      widths: [10, 14, 20],
      rows: [
        ["The payback period is 13 quarters, which is the same as 39 months."],
        [],
        ["Q", "Inflows", "Cumulative inflows"],
        [0, -575000, -575000],
        ...quarterInflows.map((v, i): Cell[] => [i + 1, v, quarterCumulative[i]]),
        ["Where Q = Quarter"],
        ["13 quarters x 3 months = 39 months."],
      ],
    },
    {
      name: "Quarter labels",
      fmt: BRACKETS,
      widths: [22],
      rows: [
        ["Payback profile by quarter ($)"],
        [],
        [null, ...quarterLabels.slice(0, 14)],
        ["Investment", -575000, ...rep(13, null)],
        ["Inflows", null, ...quarterInflows],
        ["Net cash flow", -575000, ...quarterInflows],
        ["Cumulative", -575000, ...quarterCumulative],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 11. Textbook answer: Year 0..12 down, the cumulative position reaches exactly zero in Year 6;
// the working printed beside the cumulative figures; an example payback in the prose that is not
// this project's.
const exactZero: Workbook = {
  file: "cumulative-exactly-zero.xlsx",
  sheets: [
    {
      name: "Answer",
      fmt: BRACKETS,
      widths: [8, 18, 28, 16],
      rows: [
        ["In: Finance"],
        [],
        ["Year", "Cash flow (in $)", "Cumulative cash flow (in $)"],
        [0, -43000, -43000],
        [1, 3000, -40000, "-43000+3000"],
        [2, 4000, -36000, "-40000+4000"],
        [3, 9000, -27000, "-36000+9000"],
        [4, 9000, -18000, "-27000+9000"],
        [5, 9000, -9000, "-18000+9000"],
        [6, 9000, 0, "-9000+9000"],
        [7, 9000],
        [8, 9000],
        [9, 9000],
        [10, 9000],
        [11, 9000],
        [12, 9000],
        [],
        [
          "The above formula is useful when payback period falls between 2 complete years (say, 6 years & 5 months). In this case, at year 6, the cumulative cash flow becomes zero, i.e. full investment is recouped by year 6 & therefore payback period = 6 years.",
        ],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 12. Textbook answer: separate outflow and inflow columns, "Year 0".."Year 8" down, "-" for
// zero, two decimals.
const DP2 = "#,##0.00;(#,##0.00)";
const inOut: Workbook = {
  file: "outflows-inflows-year0-down.xlsx",
  sheets: [
    {
      name: "Answer",
      fmt: DP2,
      widths: [10, 16, 16, 20],
      rows: [
        ["Answer:"],
        ["5 years"],
        ["Explanation:"],
        [
          "The Cash payback period is the period taken for the cumulative inflows from an investment to be equivalent to the amount invested.",
        ],
        ["Using the table below,"],
        [],
        ["Period", "Cash outflows", "Cash inflows", "Cumulative Balance"],
        ["Year 0", -500000, "-", -500000],
        ["Year 1", "-", 120000, -380000],
        ["Year 2", "-", 110000, -270000],
        ["Year 3", "-", 110000, -160000],
        ["Year 4", "-", 100000, -60000],
        ["Year 5", "-", 60000, "-"],
        ["Year 6", "-", 60000, 60000],
        ["Year 7", "-", 60000, 120000],
        ["Year 8", "-", 60000, 180000],
        [],
        [
          "From the table above, the cumulative balance is nil at year 5. Hence the payback period is 5 years.",
        ],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 13. Calendar years across: a textbook example written in prose (an investment of $200,000,
// then $20,000 ... $70,000 in Years 1 to 5, "payback period is 3.4 years") laid out as a
// calendar-year table, Year 0 = 2024 (see the README).
const calendar: Workbook = {
  file: "calendar-years-across.xlsx",
  sheets: [
    {
      name: "Payback",
      fmt: BRACKETS,
      plainRows: [3],
      widths: [22],
      rows: [
        ["Second project: cash invested and cash generated ($)"],
        [],
        [null, 2024, 2025, 2026, 2027, 2028, 2029, "Total"],
        ["Investment", -200000, null, null, null, null, null, -200000],
        ["Cash generated", null, 20000, 60000, 80000, 100000, 70000, 330000],
        ["Net cash flow", -200000, 20000, 60000, 80000, 100000, 70000, 130000],
        ["Cumulative", -200000, -180000, -120000, -40000, 60000, 130000],
        [],
        ["The payback period is 3.4 years"],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 14. Textbook answer: two alternatives side by side sharing one "Initial out flow" column, each
// with an Inflow and a Balance column. The second Balance column repeats (1,050,000) from Year 1
// on: printed cumulative figures that do not follow from the flows.
const sideBySide: Workbook = {
  file: "two-alternatives-side-by-side.xlsx",
  sheets: [
    {
      name: "Answer",
      fmt: BRACKETS,
      widths: [10, 16, 12, 14, 12, 14],
      rows: [
        ["Answer:"],
        ["a. 4 years"],
        ["b. 5 years"],
        ["Explanation:"],
        [
          "The payback period is the time taken for the cash inflows from an investment to equal to the initial cash outflow or amount invested. To get this, the cash inflow are deducted from the outflows until the net is zero.",
        ],
        ["Considering both expected cash flows (all amounts in $);"],
        [],
        ["Period", "Initial out flow", "Inflow", "Balance", "Inflow", "Balance"],
        ["Year 0", -1200000, 0, -1200000, 0, -1200000],
        ["Year 1", null, 300000, -900000, 150000, -1050000],
        ["Year 2", null, 300000, -600000, 150000, -1050000],
        ["Year 3", null, 300000, -300000, 400000, -1050000],
        ["Year 4", null, 300000, 0, 400000, -1050000],
        ["Year 5", null, null, null, 100000, -1050000],
        [],
        [
          "From the table above, with an inflow of $300,000 yearly, the inflows would equal the total outflow in 4 years while the annual cash flows: $150,000, $150,000, $400,000, $400,000, and $100,000 would make the inflows equal to the outflows in 5 years.",
        ],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 15. LED street-lighting schemes of five councils, one row each, as their decisions and reports
// state them: cost, annual savings (split into energy and maintenance where the paper splits
// them), and the payback where the paper states one. Assembled from five published sources into
// one table (see the README); a blank is a figure the paper does not give.
const councilLed: Workbook = {
  file: "council-led-schemes-summary.xlsx",
  sheets: [
    {
      name: "LED schemes",
      fmt: "#,##0",
      widths: [30, 44, 14, 14, 16, 18, 16, 22],
      rows: [
        ["LED street lighting schemes: cost, annual saving and payback as stated (£)"],
        [],
        [
          "Council",
          "Scheme",
          "Decision",
          "Cost",
          "Energy saving a year",
          "Maintenance saving a year",
          "Total saving a year",
          "Payback as stated",
        ],
        [
          "London Borough of Havering",
          "Convert 6,000 sodium street lights in residential roads to LED",
          "October 2013",
          1300000,
          154000,
          59000,
          null,
          "6.1 years",
        ],
        [
          "Tameside MBC",
          "LED lantern replacement, main road traffic routes",
          "24 October 2018",
          3600000,
          null,
          null,
          274375,
          "13 years",
        ],
        [
          "Tameside MBC",
          "Trimming and dimming of main road street lights",
          "October 2023",
          284000,
          null,
          null,
          74000,
          "just under four years",
        ],
        [
          "Lancashire County Council",
          "LED lantern replacement, a further 38,000 lanterns (Salix loan)",
          "8 Mar 2018",
          9200000,
          null,
          null,
          1843000,
          null,
        ],
        [
          "London Borough of Ealing",
          "Replace 24,000 street lights with LED lanterns",
          null,
          6000000,
          400000,
          100000,
          500000,
          null,
        ],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 16. Oxfordshire County Council, new budget changes 2024/25 - 2026/27: five tables on one sheet
// sharing the same period headers, each with its own header row and total line (demography;
// inflation, demand and other pressures; investments; new budget increases; new budget
// reductions). Several printed totals differ from their parts by 1 (rounding).
const oxHeader: Cell[] = [
  "Directorate",
  "2024/25 £000",
  "2025/26 £000",
  "2026/27 £000",
  "Total £000",
];
const oxfordshire: Workbook = {
  file: "oxfordshire-budget-changes-2024-27.xlsx",
  sheets: [
    {
      name: "New budget changes",
      fmt: "#,##0;-#,##0",
      widths: [52, 14, 14, 14, 14],
      rows: [
        ["New budget changes for 2024/25 - 2026/27"],
        ["New budget increases and reductions agreed in February 2024."],
        [],
        ["New budget changes"],
        oxHeader,
        ["Adult Services (population changes)", "-", "-", 8500, 8500],
        ["Environment and Place (waste tonnages)", "-", "-", 400, 400],
        ["Total demography", "-", "-", 8900, 8900],
        [],
        ["Inflation, demand and other pressures"],
        oxHeader,
        ["Adult Services", 2339, 1937, 5500, 9776],
        ["Children's Services", 15390, 2674, -93, 17971],
        ["Environment and Place", 4213, 176, -641, 3748],
        ["Public Health and Community Safety", 2008, 522, 120, 2650],
        ["Resources, Law and Governance", 3104, 124, 28, 3256],
        ["Additional pay inflation available to be allocated", 0, 0, 7500, 7500],
        ["Total inflation, demand and other pressures", 27053, 5433, 12414, 44900],
        [],
        oxHeader,
        ["Adult Services", 1430, -1375, 0, 55],
        ["Children's Services", 5723, -2812, 208, 3119],
        ["Environment and Place", 2840, -1263, -160, 1417],
        ["Resources, Law and Governance", 618, -210, 0, 408],
        ["Total investments", 10611, -5660, 48, 4999],
        [],
        ["New budget increases"],
        oxHeader,
        ["Adult Services", 3768, 562, 14000, 18331],
        ["Children's Services", 21113, 112, 735, 21960],
        ["Environment and Place", 7053, -1087, -401, 5565],
        ["Public Health and Community Safety", 2008, 522, 120, 2650],
        ["Resources, Law and Governance", 3722, -86, 28, 3664],
        ["Changes to be allocated", "-", "-", 7500, 7500],
        ["Total budget increases", 37664, 23, 21982, 59669],
        [],
        ["New Budget Reductions"],
        oxHeader,
        ["Adult Services", -1614, -1008, null, -2621],
        ["Children's Services", -4214, -6632, -5620, -16466],
        ["Environment and Place", -5482, -741, 991, -5232],
        ["Public Health and Community Safety", -562, 76, null, -486],
        ["Resources, Law and Governance", -2070, -497, 75, -2492],
        ["Total budget reductions", -13942, -8801, -4554, -27297],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 17. Textbook answer without periods: the figures first and their labels after them, the yearly
// cash flow as the sum of the two lines above it, and the payback in years and months.
const yearsMonths: Workbook = {
  file: "years-and-months-summary.xlsx",
  sheets: [
    {
      name: "Answer",
      fmt: "#,##0",
      widths: [16, 40],
      rows: [
        ["Answer:"],
        ["2 years and 5 months"],
        ["Explanation:"],
        [],
        [{ n: 304000, fmt: "#,##0" }, "Investment"],
        [{ n: 86000, fmt: '"+"#,##0' }, "operating income"],
        [{ n: 38000, fmt: '"+ "#,##0' }, "depreciaton (non-cash expense)"],
        [{ n: 124000, fmt: "#,##0" }, "cash flow per year"],
        [
          "Note: The non-cash expense should be excluded from the calculaton of the payback period.",
        ],
        ["Investment / cash-flow = payback"],
        ["304,000/124,000 = 2.451612903 years"],
        ["0.451612903 x 12 = 5.419354839"],
        ["2 years and 5 months"],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 18. An appraisal guide's discounted cash flow table (£'000, year 0 to year 14 across): costs
// and benefits in numbered sections, "Net cost (benefit)" with costs positive, a "Cumulative
// Totals" column, and a discount factor line that is not money.
const dcfYears: Cell[] = Array.from({ length: 15 }, (_, i) => `year ${i}`);
const dcfOngoing: Cell[] = [0, 0, 0, 0, ...rep(10, 25633), 0];
const dcfSaved: Cell[] = [0, 0, 0, 0, ...rep(10, 10648), 0];
const dcf: Workbook = {
  file: "dcf-cost-plan-option.xlsx",
  sheets: [
    {
      name: "DCF cost plan",
      fmt: "#,##0",
      widths: [60],
      rows: [
        [
          "Discounted Cash Flow table cost plan option using figures at current (real) values (for analysis of benefits, see figure 4)",
        ],
        ["All sums in £'000", ...dcfYears, "Cumulative Totals"],
        ["Costs"],
        ["1. Set up and decommission"],
        [
          "1.1 Capital e.g. fit out of office/ dilapidations before lease expiry",
          0,
          4952,
          29751,
          36407,
          ...rep(11, 0),
          71110,
        ],
        [
          "1.2 Revenue e.g. removal costs/ operation forgone during set up",
          0,
          0,
          0,
          1702,
          ...rep(11, 0),
          1702,
        ],
        ["2. Ongoing costs"],
        [
          "2.1 Revenue e.g. rent, rates, utilities, staff costs, maintenance",
          ...dcfOngoing,
          256330,
        ],
        ["Total cost", 0, 4952, 29751, 38109, ...rep(10, 25633), 0, 329142],
        ["Benefits"],
        ["3. Costs saved/efficiencies"],
        ["3.1 Revenue e.g. staff time saved and cost savings", ...dcfSaved, 106480],
        ["Total benefits", ...dcfSaved, 106480],
        ["Net cost (benefit)", 0, 4952, 29751, 38109, ...rep(10, 14985), "-", 222662],
        [
          "Discount factor (3.5% real costs of capital)",
          ...[
            1, 0.9662, 0.9335, 0.9019, 0.8714, 0.842, 0.8135, 0.786, 0.7594, 0.7337, 0.7089, 0.6849,
            0.6618, 0.6394, 0.6178,
          ].map((n) => ({ n, fmt: "0.0000" })),
        ],
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// 19. A school's LED lighting on an interest-free loan, as an energy supplier's page sets it out
// in words: the installation cost, the saving a year and the years the loan is paid back over.
const schoolLed: Workbook = {
  file: "school-led-loan.xlsx",
  sheets: [
    {
      name: "Green Primary",
      widths: [48, 14],
      rows: [
        ["The Green Primary School: LED lighting on a 0% interest loan"],
        [],
        ["Saving on energy bills each year", { n: 5000, fmt: POUNDS }],
        ["Initial installation cost", { n: 25000, fmt: POUNDS }],
        ["Loan paid back over", "five years"],
        ["Yearly instalments", { n: 5000, fmt: POUNDS }],
      ],
    },
  ],
};

export const REAL_LAYOUT_WORKBOOKS: Workbook[] = [
  obc,
  twoTables,
  gateshead,
  machine,
  cuteCamel,
  netOnly,
  stacked,
  insulation,
  led,
  quarters,
  exactZero,
  inOut,
  calendar,
  sideBySide,
  councilLed,
  oxfordshire,
  yearsMonths,
  dcf,
  schoolLed,
];

function build(spec: Workbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Fixed properties so that regenerating a fixture changes nothing that was not meant to change.
  wb.creator = "ITOS real layouts";
  wb.created = new Date(Date.UTC(2024, 0, 1));
  wb.modified = wb.created;
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, i) =>
      cells.forEach((value, j) => {
        if (value === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        if (typeof value === "object") {
          cell.value = value.n;
          cell.numFmt = value.fmt;
        } else {
          cell.value = value;
          const plain = j === 0 || (sheet.plainRows ?? []).includes(i + 1);
          if (typeof value === "number" && sheet.fmt && !plain) cell.numFmt = sheet.fmt;
        }
      })
    );
    (sheet.widths ?? []).forEach((w, j) => (ws.getColumn(j + 1).width = w));
  }
  return wb;
}

/** True when the file on disk already holds exactly these cells (zip timestamps would differ). */
async function sameCells(file: string, built: ExcelJS.Workbook): Promise<boolean> {
  if (!existsSync(file)) return false;
  const existing = new ExcelJS.Workbook();
  await existing.xlsx.readFile(file);
  const written = new ExcelJS.Workbook();
  await written.xlsx.load((await built.xlsx.writeBuffer()) as ArrayBuffer);
  return (
    JSON.stringify(snapshotFromWorkbook(existing)) === JSON.stringify(snapshotFromWorkbook(written))
  );
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const spec of REAL_LAYOUT_WORKBOOKS) {
    const file = path.join(OUT, spec.file);
    const workbook = build(spec);
    if (await sameCells(file, workbook)) {
      console.log(`unchanged ${spec.file}`);
      continue;
    }
    await workbook.xlsx.writeFile(file);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
