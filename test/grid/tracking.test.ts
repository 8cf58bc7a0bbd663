/**
 * Plan versus actual read from each layout a sheet may use (fixtures written by
 * scripts/make-tracking-fixtures.ts), every answer worked out by hand below from the figures
 * that script writes: the plan's payback unchanged by the actuals beside it, plan and actual to
 * date, the variance, the re-forecast, and the actual lines' stated totals checked.
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import { analyseSheet, sheetReportJson, sheetReportText } from "../../src/grid";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/sheet";

const DIR = path.join(__dirname, "..", "fixtures", "tracking");
const books = new Map<string, WorkbookSnapshot>();
beforeAll(async () => {
  for (const f of ["actual-lines.xlsx", "plan-actual-columns.xlsx", "actual-forecast-periods.xlsx"])
    books.set(f, await readWorkbook(path.join(DIR, f)));
});
function analysed(file: string, sheetName: string) {
  const book = books.get(file) as WorkbookSnapshot;
  const sheet = book.sheets.find((s) => s.sheetName === sheetName) as SheetSnapshot;
  return analyseSheet(sheet, {}, book);
}

describe("(a) actual lines beside plan lines of the same name", () => {
  const file = "actual-lines.xlsx";

  test("the plan's payback counts the plan lines only", () => {
    const a = analysed(file, "Tracking");
    expect(a.model.lines.map((l) => l.label)).toEqual([
      "Investment - plan",
      "Savings - plan",
      "Net - plan",
    ]);
    // Plan: -1,200 in Apr-24, +200 a month from May-24: cumulative 0 in Oct-24, 6 + 200/200 = 7 months.
    // (With the actual lines added in, Apr-24 alone would be -2,500.)
    const json = sheetReportJson(a);
    expect(json.breakEven).toBe("2024-10");
    expect(json.paybackMonths).toBe(7);
    expect(json.totals).toEqual({ investment: -1200, return: 2200, net: 1000 });
    expect(json.excluded).toEqual(
      ["A5 Investment - actual", "A7 Savings - actual", "A9 Net - actual"].map((x) => {
        const [cell, ...label] = x.split(" ");
        return {
          cell: `Tracking!${cell}`,
          label: label.join(" "),
          reason: "actual figures: tracked against the plan",
          holdsMoney: false,
        };
      })
    );
  });

  test("plan and actual to Jul-24, the variance and the re-forecast", () => {
    const json = sheetReportJson(analysed(file, "Tracking"));
    expect(json.tracking).toEqual({
      // Actual figures are entered Apr-Jul 24; Aug-24 on are blank.
      asOf: "2024-07",
      layout: "actual lines",
      asOfFrom: "the last period with an actual figure entered (Jul-24)",
      // Plan Apr-Jul: -1,200; 3 x 200 = 600; net -600.
      planToDate: { investment: -1200, return: 600, net: -600 },
      // Actual Apr-Jul: -1,300; 3 x 150 = 450; net -850.
      actualToDate: { investment: -1300, return: 450, net: -850 },
      // -850 - (-600) = -250; 250 / 600 = 41.67%.
      variance: -250,
      variancePct: -41.67,
      // -1,300, -1,150, -1,000, -850, then +200 a month: -650 .. -50 in Nov-24, +150 in Dec-24:
      // 8 months + 50/200 = 8.25 months, 8.25 / 12 = 0.6875 years.
      reforecast: { breakEven: "2024-12", paybackMonths: 8.25, paybackYears: 0.6875 },
      notes: [],
    });
  });

  test("the actual lines' totals are checked as the plan's: the typed 460 is caught", () => {
    const rec = sheetReportJson(analysed(file, "Tracking")).reconciliation;
    // N7 states 460; May-Jul actual savings are 3 x 150 = 450. N9 (net actual, -850) is then 10 off
    // its parts N5 + N7 = -1,300 + 460 = -840, a consequence of N7.
    expect(rec.mismatch.map((m) => [m.cell, m.stated, m.expected, m.rootCause])).toEqual([
      ["Tracking!N7", 460, 450, "Tracking!N7"],
      ["Tracking!N9", -850, -840, "Tracking!N7"],
    ]);
  });

  test("the text report says it in a line", () => {
    const text = sheetReportText(analysed(file, "Tracking"));
    expect(text).toContain(
      "Plan versus actual to Jul-24 (actual lines; the last period with an actual figure entered (Jul-24)): actual net (850) against plan (600), variance (250) (-41.7%)"
    );
    expect(text).toContain(
      "Re-forecast (actuals to Jul-24, plan after): break-even Dec-24, payback 8.25 months"
    );
  });
});

describe("(b) Plan and Actual columns, periods down the rows", () => {
  test("read by the heading above each pair", () => {
    const a = analysed("plan-actual-columns.xlsx", "Benefits tracker");
    expect(a.model.orientation).toBe("periods-down");
    expect(a.model.lines.map((l) => l.label)).toEqual(["Investment - plan", "Savings - plan"]);
    const json = sheetReportJson(a);
    // Plan: -3,000, -1,000, then +500 a month from Jun-24: -4,000 at May-24, 0 in Jan-25:
    // 9 months + 500/500 = 10 months.
    expect(json.paybackMonths).toBe(10);
    expect(json.tracking).toEqual({
      asOf: "2024-08",
      layout: "plan and actual columns",
      asOfFrom: "the last period with an actual figure entered (Aug-24)",
      // Plan Apr-Aug: -3,000 - 1,000 = -4,000; 3 x 500 = 1,500; net -2,500.
      planToDate: { investment: -4000, return: 1500, net: -2500 },
      // Actual Apr-Aug: -3,000 - 1,200 = -4,200; 600 + 600 + 550 = 1,750; net -2,450.
      actualToDate: { investment: -4200, return: 1750, net: -2450 },
      // -2,450 - (-2,500) = +50, 50 / 2,500 = 2%.
      variance: 50,
      variancePct: 2,
      // -2,450 at Aug-24, +500 a month: -1,950, -1,450, -950, -450 (Dec-24), +50 in Jan-25:
      // 9 months + 450/500 = 9.9 months; 9.9 / 12 = 0.825 years.
      reforecast: { breakEven: "2025-01", paybackMonths: 9.9, paybackYears: 0.825 },
      notes: [],
    });
    // Row 16 states each column's total: plan -4,000 and 5,000, actual -4,200 and 1,750, all right.
    const rec = json.reconciliation;
    expect(rec.checked).toBe(4);
    expect(rec.match).toBe(4);
    expect(json.excluded.map((e) => e.cell)).toEqual([
      "Benefits tracker!C3",
      "Benefits tracker!E3",
    ]);
  });
});

describe("(c) periods headed Actual, then Forecast", () => {
  // Budget: -2,400 in Apr-24, 300 a month: -2,100 .. 0 in Nov-24, 7 + 300/300 = 8 months.
  // Actual Apr-Jun: -2,500; 200 + 250 + 250 = 700; net -1,800. Budget Apr-Jun: -2,400, 900, -1,500.
  // Variance -300, 300 / 1,500 = 20%. Re-forecast: -1,800 at Jun-24, then the budget's 300 a month:
  // -1,500 .. -300 (Nov-24), 0 in Dec-24: 8 + 300/300 = 9 months. (The sheet's own forecast of 350
  // a month would give 8 + 50/350 = 8.14: the re-forecast takes the plan after the last actual.)
  const expected = (asOfFrom: string) => ({
    asOf: "2024-06",
    layout: "actual and forecast periods",
    asOfFrom,
    planToDate: { investment: -2400, return: 900, net: -1500 },
    actualToDate: { investment: -2500, return: 700, net: -1800 },
    variance: -300,
    variancePct: -20,
    reforecast: { breakEven: "2024-12", paybackMonths: 9, paybackYears: 0.75 },
    notes: [],
  });

  test.each([
    ["Heading row", "the row above the months says Actual over Apr-Jun 24"],
    ["Marked months", "the months are headed 'Apr-24 (A)' .. 'Jul-24 (F)'"],
  ])("%s: %s", (sheet) => {
    const a = analysed("actual-forecast-periods.xlsx", sheet);
    expect(a.model.lines.map((l) => l.label)).toEqual(["Investment - budget", "Savings - budget"]);
    const json = sheetReportJson(a);
    expect(json.paybackMonths).toBe(8);
    expect(json.firstPeriod).toBe("2024-04");
    expect(json.lastPeriod).toBe("2025-03");
    // D3 holds Jun-24, the last month marked Actual.
    expect(json.tracking).toEqual(expected("D3 is the last period headed Actual"));
    // Totals in N: budget -2,400 and 12 x 300 = 3,600; actual/forecast -2,500 and 700 + 9 x 350 = 3,850.
    expect([json.reconciliation.checked, json.reconciliation.match]).toEqual([4, 4]);
  });
});

describe("in-memory grids", () => {
  const sheet = (rows: (string | number | null)[][]): SheetSnapshot => ({
    sheetName: "Case",
    top: 0,
    left: 0,
    values: rows,
  });
  const header = ["£", "2022/23", "2023/24", "2024/25", "2025/26"];

  test("'Actual savings' beside 'Savings'; investment with no actual line stands at plan, said so", () => {
    const json = sheetReportJson(
      analyseSheet(
        sheet([
          header,
          ["Investment", -1000, 0, 0, 0],
          ["Savings", 0, 400, 400, 400],
          ["Actual savings", 0, 300, null, null],
        ])
      )
    );
    // Plan: -1,000 then 400 a year: -600, -200, +200 in 2025/26: 3 + 200/400 = 3.5 years = 42 months.
    expect(json.paybackMonths).toBe(42);
    expect(json.tracking).toMatchObject({
      asOf: "2023/24",
      // To 2023/24: plan -1,000 + 400 = -600; actual -1,000 (the plan's) + 300 = -700; -100, 16.67%.
      planToDate: { investment: -1000, return: 400, net: -600 },
      actualToDate: { investment: -1000, return: 300, net: -700 },
      variance: -100,
      variancePct: -16.67,
      // -1,000, -700, -300, +100 in 2025/26: 3 + 300/400 = 3.75 years = 45 months.
      reforecast: { breakEven: "2025/26", paybackMonths: 45, paybackYears: 3.75 },
      notes: [
        "'Investment' has no actual line: its plan figures are taken as its actuals to date.",
      ],
    });
  });

  test("no actual line, or one with nothing entered yet: tracking is null and the plan stands", () => {
    const plain = [header, ["Investment", -1000, 0, 0, 0], ["Savings", 0, 400, 400, 400]];
    const none = sheetReportJson(analyseSheet(sheet(plain)));
    expect(none.tracking).toBeNull();
    const blank = sheetReportJson(
      analyseSheet(sheet([...plain, ["Savings - actual", null, null, null, null]]))
    );
    expect(blank.tracking).toBeNull();
    expect(blank.paybackMonths).toBe(42); // as above: 3.5 years
    expect(blank.lines.map((l) => l.label)).toEqual(["Investment", "Savings"]);
  });

  test("a re-forecast that no longer pays back", () => {
    const json = sheetReportJson(
      analyseSheet(
        sheet([
          header,
          ["Investment - plan", -1000, 0, 0, 0],
          ["Investment - actual", -1000, 0, 0, null],
          ["Savings - plan", 0, 400, 400, 400],
          ["Savings - actual", 0, 0, 0, null],
        ])
      )
    );
    // Actuals to 2024/25: -1,000, nothing saved; 2025/26 at plan, 400: ends -600, never paid back.
    expect(json.tracking?.asOf).toBe("2024/25");
    expect(json.tracking?.reforecast).toEqual({
      breakEven: null,
      paybackMonths: null,
      paybackYears: null,
    });
    expect(json.tracking?.variance).toBe(-800); // -1,000 against -1,000 + 800 = -200
  });

  test("alternatives side by side: each scheme tracks its own actual lines", () => {
    const a = analyseSheet(
      sheet([
        header,
        ["Investment - plan", -1000, 0, 0, 0],
        ["Investment - actual", -1000, 0, null, null],
        ["Savings - plan", 0, 400, 400, 400],
        ["Savings - actual", 0, 300, null, null],
        ["Investment - plan", -2000, 0, 0, 0],
        ["Investment - actual", -2200, 0, null, null],
        ["Savings - plan", 0, 800, 800, 800],
        ["Savings - actual", 0, 900, null, null],
      ])
    );
    const schemes = sheetReportJson(a).schemes ?? [];
    expect(schemes).toHaveLength(2);
    // First: to 2023/24 plan -1,000 + 400 = -600, actual -1,000 + 300 = -700; re-forecast
    // -1,000, -700, -300, +100: 3 + 300/400 = 3.75 years.
    expect(schemes[0].tracking).toMatchObject({
      asOf: "2023/24",
      planToDate: { net: -600 },
      actualToDate: { net: -700 },
      variance: -100,
      reforecast: { breakEven: "2025/26", paybackYears: 3.75 },
    });
    // Second: plan -2,000 + 800 = -1,200, actual -2,200 + 900 = -1,300; -100 is 8.33% of 1,200;
    // re-forecast -2,200, -1,300, -500, +300: 3 + 500/800 = 3.625 years = 43.5 months.
    expect(schemes[1].tracking).toMatchObject({
      planToDate: { investment: -2000, return: 800, net: -1200 },
      actualToDate: { investment: -2200, return: 900, net: -1300 },
      variance: -100,
      variancePct: -8.33,
      reforecast: { breakEven: "2025/26", paybackMonths: 43.5, paybackYears: 3.625 },
    });
  });

  test("periods headed Actual with no plan line beside them: nothing to track, said so", () => {
    const json = sheetReportJson(
      analyseSheet(
        sheet([
          ["£", "2022/23 (A)", "2023/24 (F)", "2024/25 (F)", "2025/26 (F)"],
          ["Investment", -1000, 0, 0, 0],
          ["Savings", 0, 400, 400, 400],
        ])
      )
    );
    expect(json.tracking).toBeNull();
    // The marks come off the headers: the same 3.5 years as the unmarked grid above.
    expect(json.firstPeriod).toBe("2022/23");
    expect(json.paybackMonths).toBe(42);
    expect(json.messages).toContain(
      "Case: the periods are headed Actual to 2022/23, but no plan line stands beside the figures (such as 'Savings - budget' beside 'Savings'): the figures are analysed as they stand, actuals then forecast, with nothing to track them against."
    );
  });

  test("an actual line that is the only one of its kind stays counted: there is no plan to track", () => {
    const json = sheetReportJson(
      analyseSheet(
        sheet([header, ["Investment", -1000, 0, 0, 0], ["Outturn savings", 0, 400, 400, 400]])
      )
    );
    // Counted as the grid's savings: -600, -200, +200 in 2025/26, 3.5 years = 42 months.
    expect(json.lines.map((l) => [l.label, l.role])).toEqual([
      ["Investment", "investment"],
      ["Outturn savings", "return"],
    ]);
    expect(json.paybackMonths).toBe(42);
    expect(json.tracking).toBeNull();
    expect(json.excluded).toEqual([]);
  });
});
