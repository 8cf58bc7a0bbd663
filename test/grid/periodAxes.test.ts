/**
 * The period axis: month headers in other languages read as months, a gap in the periods refused
 * naming the headers (never closed in silence), and headings that only look like periods (dates of
 * decisions in a column, amounts that happen to be 2024, 2025 ...) not taken for an axis.
 */
import { analysePayback, isItosError, type ItosError } from "../../src/engine";
import { detectGrid, detectSchemes, flowsFromModel } from "../../src/grid/read";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

function sheet(values: CellValue[][], name = "Case"): SheetSnapshot {
  return { sheetName: name, top: 0, left: 0, values };
}

function caught(fn: () => unknown): ItosError {
  try {
    fn();
  } catch (e) {
    if (isItosError(e)) return e;
    throw e;
  }
  throw new Error("expected an ItosError");
}

// -600 in the first month, then +100 a month: cumulative -600, -500, ..., -100, 0 in the seventh
// month (Oct-22). Payback from the first investment: 6 months + 100 / 100 = 7 months.
const INVESTMENT: CellValue[] = ["Investment", -600, ...Array<CellValue>(11).fill(null)];
const SAVINGS: CellValue[] = ["Savings", null, ...Array<CellValue>(11).fill(100)];
const MONTH_KEYS = [
  "2022-04",
  "2022-05",
  "2022-06",
  "2022-07",
  "2022-08",
  "2022-09",
  "2022-10",
  "2022-11",
  "2022-12",
  "2023-01",
  "2023-02",
  "2023-03",
];

describe.each([
  [
    "French",
    [
      "avr.-22",
      "mai-22",
      "juin-22",
      "juil.-22",
      "août-22",
      "sept.-22",
      "oct.-22",
      "nov.-22",
      "déc.-22",
      "janv.-23",
      "févr.-23",
      "mars-23",
    ],
  ],
  [
    "German",
    [
      "Apr 22",
      "Mai 22",
      "Jun 22",
      "Jul 22",
      "Aug 22",
      "Sep 22",
      "Okt 22",
      "Nov 22",
      "Dez 22",
      "Jan 23",
      "Feb 23",
      "Mär 23",
    ],
  ],
  [
    "Spanish",
    [
      "abr-22",
      "may-22",
      "jun-22",
      "jul-22",
      "ago-22",
      "sept-22",
      "oct-22",
      "nov-22",
      "dic-22",
      "ene-23",
      "feb-23",
      "mar-23",
    ],
  ],
])("month headers in %s", (_language, headers) => {
  test("every month is read, none dropped, and the payback is the hand-worked one", () => {
    const snapshot = sheet([[null, ...headers], INVESTMENT, SAVINGS]);
    const model = detectGrid(snapshot);
    expect(model.periods.map((p) => p.period.key)).toEqual(MONTH_KEYS);
    const result = analysePayback(flowsFromModel(model, snapshot));
    expect(result.totals.investment.toNumber()).toBe(-600);
    expect(result.breakEven).toMatchObject({ status: "reached", index: 6 });
    expect(result.paybackMonths!.toNumber()).toBe(7);
  });
});

describe("a gap in the periods is never closed in silence", () => {
  test("a month name that cannot be read is named, with the month missing there", () => {
    const e = caught(() =>
      detectGrid(
        sheet([
          [null, "avr.-22", "mai-22", "jui-22", "juil.-22"],
          ["Investment", -300, null, null, null],
          ["Savings", null, 100, 100, 100],
        ])
      )
    );
    expect(e.code).toBe("bad-period");
    expect(e.cell).toBe("Case!E1");
    expect(e.message).toContain("Between May-22 and Jul-22 one period is missing (Jun-22).");
    expect(e.message).toContain("Case!D1 'jui-22' is not read as a period");
  });

  test("a year missing from a Year 0 table is refused", () => {
    const e = caught(() =>
      detectGrid(
        sheet([
          [null, "Year 0", "Year 1", "Year 3"],
          ["Investment", -300, null, null],
          ["Savings", null, 200, 200],
        ])
      )
    );
    expect(e.code).toBe("bad-period");
    expect(e.cell).toBe("Case!D1");
    expect(e.message).toContain("Between Year 1 and Year 3 one period is missing (Year 2).");
  });
});

describe("what only looks like a period axis", () => {
  test("decision dates in a column of schemes are not a monthly grid", () => {
    const e = caught(() =>
      detectGrid(
        sheet([
          ["Scheme", "Decision", "Cost", "Saving a year"],
          ["A", "October 2013", 1300000, 213000],
          ["B", "24 October 2018", 3600000, 274375],
          ["C", "October 2023", 284000, 74000],
        ])
      )
    );
    expect(e.code).toBe("no-grid");
  });

  test("savings that happen to be 2024, 2025, 2026 are amounts, not calendar years", () => {
    // Investment 3,000; savings 2,024 + 2,025 + 2,026 = 6,075.
    const snapshot = sheet([
      [null, "Year 1", "Year 2", "Year 3"],
      ["Investment", -3000, null, null],
      ["Savings", 2024, 2025, 2026],
    ]);
    const model = detectGrid(snapshot);
    expect(model.periods.map((p) => p.period.label)).toEqual(["Year 1", "Year 2", "Year 3"]);
    const result = analysePayback(flowsFromModel(model, snapshot));
    expect(result.totals.return.toNumber()).toBe(6075);
  });

  test("calendar years head a table with no label beside them", () => {
    // -100 in 2024, +60 a year after: cumulative -100, -40, +20; break-even 2026.
    const snapshot = sheet([
      [null, 2024, 2025, 2026, "Total"],
      ["Investment", -100, null, null, -100],
      ["Savings", null, 60, 60, 120],
    ]);
    const model = detectGrid(snapshot);
    expect(model.periods.map((p) => p.period.key)).toEqual(["2024", "2025", "2026"]);
    const result = analysePayback(flowsFromModel(model, snapshot));
    expect(result.breakEven).toMatchObject({ status: "reached", index: 2 });
    // From the start of 2024: 2 years + 40 / 60.
    expect(result.paybackByConvention["first-investment"]!.years.toNumber()).toBeCloseTo(
      2 + 40 / 60,
      12
    );
    expect(result.paybackByConvention["time-zero"]).toBeNull();
  });
});

describe("Year 0 tables across the columns", () => {
  test("bare 0..3 after a 'Year' heading: Year 0 is time zero and heads the payback", () => {
    // -1,000 at Year 0, then 400 a year: cumulative -600, -200, +200 at Year 3.
    // Time-zero: 2 years + 200 / 400 = 2.5; from the start of Year 0: 3.5.
    const snapshot = sheet([
      ["Year", 0, 1, 2, 3],
      ["Investment", -1000, null, null, null],
      ["Savings", null, 400, 400, 400],
    ]);
    const model = detectGrid(snapshot);
    expect(model.periods.map((p) => [p.period.label, p.period.timeZero])).toEqual([
      ["0", true],
      ["1", false],
      ["2", false],
      ["3", false],
    ]);
    const result = analysePayback(flowsFromModel(model, snapshot));
    expect(result.convention).toBe("time-zero");
    expect(result.paybackYears!.toNumber()).toBe(2.5);
    expect(result.paybackByConvention["first-investment"]!.years.toNumber()).toBe(3.5);
  });
});

describe("stacked schemes are told from a repeated period", () => {
  const down = (rows: CellValue[][]) => sheet(rows);

  test("two tables each starting again at Year 0 are two schemes, named by their headings", () => {
    // A: -100, +60, +60 (break-even Year 2); B: -100, +120 (Year 1).
    const schemes = detectSchemes(
      down([
        ["Option A", null],
        ["Year", "Net cash flow"],
        [0, -100],
        [1, 60],
        [2, 60],
        [null, null],
        ["Option B", null],
        ["Year", "Net cash flow"],
        [0, -100],
        [1, 120],
        [2, 0],
      ])
    );
    expect(schemes.map((s) => [s.scheme, s.model.periods.length])).toEqual([
      ["Option A", 3],
      ["Option B", 3],
    ]);
  });

  test("tables across under their own headings, each a whole case, are schemes; parts of one case are not", () => {
    // A: -100 in Year 0, +60 a year: time-zero payback 1 + 40 / 60. B: -100, +120: 100 / 120.
    const across = detectSchemes(
      sheet([
        ["Scheme A", null, null, null],
        [null, "Year 0", "Year 1", "Year 2"],
        ["Investment", -100, null, null],
        ["Savings", null, 60, 60],
        [null, null, null, null],
        ["Scheme B", null, null, null],
        [null, "Year 0", "Year 1", "Year 2"],
        ["Investment", -100, null, null],
        ["Savings", null, 120, 0],
      ])
    );
    expect(across.map((s) => [s.scheme, s.model.bounds.top, s.model.bounds.bottom])).toEqual([
      ["Scheme A", 1, 3],
      ["Scheme B", 6, 8],
    ]);
    // A savings table above an investment table on the same years: one case, not two schemes.
    const parts = detectSchemes(
      sheet([
        ["Savings", null, null, null],
        [null, "Year 0", "Year 1", "Year 2"],
        ["Cashable savings", null, 60, 60],
        [null, null, null, null],
        ["Investment", null, null, null],
        [null, "Year 0", "Year 1", "Year 2"],
        ["Capital investment", -100, null, null],
      ])
    );
    expect(parts).toHaveLength(1);
    const flows = flowsFromModel(parts[0].model, parts[0].snapshot);
    expect(flows.lines.map((l) => [l.role, l.amounts.map(Number)])).toEqual([
      ["return", [0, 60, 60]],
      ["investment", [-100, 0, 0]],
    ]);
  });

  test("a month typed twice down the rows is refused as a repeat, not split into schemes", () => {
    const e = caught(() =>
      detectSchemes(
        down([
          [null, "Investment", "Savings"],
          ["Apr-22", -300, null],
          ["May-22", null, 100],
          ["May-22", null, 100],
          ["Jun-22", null, 100],
        ])
      )
    );
    expect(e.code).toBe("bad-period");
    expect(e.message).toBe("Case!A4 repeats the period May-22 already headed at Case!A3.");
  });
});

describe("year headings that carry the unit", () => {
  // Investment 300 in the first year, savings 200 a year: net -300, 200, 200; cumulative -300,
  // -100, 100: break-even in the third year.
  const table = (headings: string[]): SheetSnapshot =>
    sheet([
      [null, ...headings],
      ["Invest to save funding", 300, 0, 0],
      ["Savings", 0, 200, 200],
    ]);

  it.each([
    [["2024/25 £000", "2025/26 £000", "2026/27 £000"], "£000s", "B1: £000"],
    [["£000 2024/25", "£000 2025/26", "£000 2026/27"], "£000s", "B1: £000"],
    [["2024/25 (£'000s)", "2025/26 (£'000s)", "2026/27 (£'000s)"], "£000s", "B1: £'000s"],
    [["Year 1 2024/25 £k", "Year 2 2025/26 £k", "Year 3 2026/27 £k"], "£k", "B1: £k"],
  ])("%j: the financial years are the periods and the unit is the heading's", (h, unit, source) => {
    const model = detectGrid(table(h));
    expect(model.periods.map((p) => p.period.label)).toEqual(["2024/25", "2025/26", "2026/27"]);
    expect([model.unit, model.unitSource]).toEqual([unit, source]);
    const result = analysePayback(flowsFromModel(model, table(h)));
    expect(result.cumulative.map((n) => n.toNumber())).toEqual([-300, -100, 100]);
    expect(result.breakEven.status === "reached" && result.breakEven.index).toBe(2);
  });

  it("says once that a header row in £m is read as shown", () => {
    const model = detectGrid(
      table(["Year 1 2024/25 £m", "Year 2 2025/26 £m", "Year 3 2026/27 £m"])
    );
    expect(model.periods.map((p) => p.period.label)).toEqual(["2024/25", "2025/26", "2026/27"]);
    const warnings = model.warnings.filter((w) => w.includes("£m"));
    expect(warnings).toEqual([
      expect.stringMatching(/^B1 \(and 2 more cells\) says £m: .*not rescaled/),
    ]);
  });

  it("keeps a label that is only a unit and a word for a line, not a period", () => {
    const model = detectGrid(
      sheet([
        [null, "2024/25", "2025/26"],
        ["Savings £000", 10, 20],
      ])
    );
    expect(model.periods.map((p) => p.period.label)).toEqual(["2024/25", "2025/26"]);
    expect(model.lines.map((l) => l.label)).toEqual(["Savings £000"]);
  });
});
