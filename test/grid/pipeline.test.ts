/**
 * The shared orchestration (analyseSheet, analyseWorkbook) and the reports built on it: the
 * per-sheet JSON of the `itos` command and the human report.
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import { analyseSheet, analyseWorkbook, sheetReportJson, sheetReportText } from "../../src/grid";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/sheet";
import { SANDWELL_STATED_YEAR_NETS } from "../support/sandwellLines";

const FIXTURE = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");
const TRUST_MONTHLY = 11667;

let workbook: WorkbookSnapshot;
beforeAll(async () => {
  workbook = await readWorkbook(FIXTURE);
});

function sheet(name: string): SheetSnapshot {
  const s = workbook.sheets.find((x) => x.sheetName === name);
  if (!s) throw new Error(`fixture lacks ${name}`);
  return s;
}

describe("analyseWorkbook", () => {
  test("without a sheet name finds the appendix grid only (the Summary sheet is its year table)", () => {
    expect(analyseWorkbook(workbook).map((a) => a.analysis.model.sheetName)).toEqual([
      "Appendix 1",
    ]);
  });

  test("a named sheet is analysed even when it is a year table; an unknown name lists the sheets", () => {
    const [summary] = analyseWorkbook(workbook, { sheet: "Summary" });
    expect(summary.analysis.result.periodicity).toBe("annual");
    expect(() => analyseWorkbook(workbook, { sheet: "Appendix 2" })).toThrow(
      "There is no sheet named 'Appendix 2' (the sheets are 'Appendix 1', 'Summary')"
    );
  });

  test("a workbook without a grid says so", () => {
    const notes: SheetSnapshot = {
      sheetName: "Notes",
      top: 0,
      left: 0,
      values: [["Meeting notes"], ["Cabinet, 12 March"]],
    };
    expect(() => analyseWorkbook({ sheets: [notes] })).toThrow(/No payback grid found/);
  });
});

describe("the per-sheet JSON report", () => {
  test("states the paper's answers for the appendix in the command's shape", () => {
    const json = sheetReportJson(analyseSheet(sheet("Appendix 1"), {}, workbook));
    expect(json).toMatchObject({
      sheet: "Appendix 1",
      unit: "£",
      periodicity: "monthly",
      firstPeriod: "2021-10",
      lastPeriod: "2025-03",
      firstInvestment: "2022-01",
      crossover: "2023-01",
      breakEven: "2024-01",
      sustainedBreakEven: "2024-01",
      basis: "first-investment",
    });
    expect(json.paybackMonths).toBeCloseTo(24.48, 2);
    expect(json.paybackYears).toBeCloseTo(24.48 / 12, 2);
    expect(json.totals.investment).toBeLessThan(0);
    expect(json.years.map((y) => y.fy)).toEqual(Object.keys(SANDWELL_STATED_YEAR_NETS));
    // Components are whole pounds, so each year's net is within a few pounds of the stated one.
    for (const y of json.years)
      expect(Math.abs(y.net - SANDWELL_STATED_YEAR_NETS[y.fy])).toBeLessThan(10);
    expect(json.lines.slice(0, 3)).toEqual([
      { row: 4, label: "Investment from SMBC", role: "investment" },
      { row: 5, label: "Investment from Trust", role: "investment" },
      { row: 6, label: "Total investment", role: "total-investment" },
    ]);
    expect(Object.keys(json.reconciliation).sort()).toEqual([
      "checked",
      "formulaFindings",
      "match",
      "mismatch",
      "rounding",
      "unverified",
    ]);
    // The appendix is typed figures throughout: no formula to find fault with.
    expect(json.reconciliation.formulaFindings).toEqual([]);
  });

  test("the first-return basis measures from Apr-22, three months after the first investment", () => {
    const a = sheetReportJson(analyseSheet(sheet("Appendix 1"), {}, workbook));
    const b = sheetReportJson(
      analyseSheet(sheet("Appendix 1"), { basis: "first-return" }, workbook)
    );
    expect(b.basis).toBe("first-return");
    expect((a.paybackMonths as number) - (b.paybackMonths as number)).toBeCloseTo(3, 2);
  });

  test("an annual grid reports its periods by FY label", () => {
    const json = sheetReportJson(analyseSheet(sheet("Summary"), {}, workbook));
    expect(json.firstPeriod).toBe("2021/22");
    expect(json.lastPeriod).toBe("2024/25");
    expect(json.periodicity).toBe("annual");
  });

  test("leaving out the Trust's investment removes its 24 months of 11,667 from the total", () => {
    const all = analyseSheet(sheet("Appendix 1"), {}, workbook);
    const without = analyseSheet(
      sheet("Appendix 1"),
      { excludedLines: ["investment from trust"] },
      workbook
    );
    expect(without.model.lines.find((l) => l.key === "investment from trust")?.role).toBe(
      "ignored"
    );
    expect(without.result.totals.investment.minus(all.result.totals.investment).toNumber()).toBe(
      24 * TRUST_MONTHLY
    );
  });

  test("a case never paid back gives null break-even and payback, with a message saying why", () => {
    const snap: SheetSnapshot = {
      sheetName: "Case",
      top: 0,
      left: 0,
      values: [
        [null, "Apr-22", "May-22", "Jun-22"],
        ["Investment", -1000, -1000, null],
        ["Saving", 100, 200, 300],
      ],
    };
    const json = sheetReportJson(analyseSheet(snap));
    expect(json.breakEven).toBeNull();
    expect(json.paybackMonths).toBeNull();
    expect(json.messages.join(" ")).toContain(
      "Not paid back within the horizon: the cumulative position ends 1400 short"
    );
  });
});

describe("the human report", () => {
  test("puts the break-even line first, then the year table", () => {
    const text = sheetReportText(analyseSheet(sheet("Appendix 1"), {}, workbook)).split("\n");
    expect(text[0]).toBe("Appendix 1 (£, monthly, Oct-21 to Mar-25)");
    expect(text[1]).toMatch(/^ {2}Break-even: Jan-24 .*Payback 24\.48 months/);
    const header = text.findIndex((l) => l.trim().startsWith("Year"));
    expect(header).toBeGreaterThan(1);
    expect(text.slice(header + 1, header + 5).map((l) => l.trim().split(/\s+/)[0])).toEqual(
      Object.keys(SANDWELL_STATED_YEAR_NETS)
    );
  });
});
