import { splitCellRef, type WorkbookSnapshot } from "../../src/sheet";
import { analyseSheet, type SheetAnalysis } from "../../src/grid";
import { readWorkbook } from "../../src/file";
import * as path from "path";
import {
  analyseOptions,
  basisChoice,
  candidateLine,
  conventionsView,
  chartGeometry,
  defaultSettings,
  detectionView,
  errorText,
  findingsView,
  kpiView,
  moneyText,
  parseRatePercent,
  withRole,
} from "../../src/taskpane/state";
import { analyseMessage, reconcileMessage } from "../../src/commands/messages";
import { analysePayback, ItosError, money, yearNumberPeriod } from "../../src/engine";

let workbook: WorkbookSnapshot;
let analysis: SheetAnalysis;

beforeAll(async () => {
  workbook = await readWorkbook(
    path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx")
  );
  analysis = analyseSheet(
    workbook.sheets.find((s) => s.sheetName === "Appendix 1")!,
    {},
    workbook
  );
});

describe("pane settings", () => {
  it("reads a discount rate typed as a percentage and refuses what is not one", () => {
    expect(parseRatePercent("3.5")).toBeCloseTo(0.035, 10);
    expect(parseRatePercent(" 3.5 % ")).toBeCloseTo(0.035, 10);
    expect(parseRatePercent("0")).toBe(0);
    for (const bad of ["", "abc", "-1", "101", "3,5"]) expect(parseRatePercent(bad)).toBeNull();
  });

  it("turns role choices and exclusions into the pipeline's options, the last choice winning", () => {
    let s = withRole(defaultSettings(), "adoption support", "excluded");
    s = withRole(s, "residential", "investment");
    expect(analyseOptions(s)).toEqual({
      discountRate: 0.035,
      roleOverrides: { residential: "investment" },
      excludedLines: ["adoption support"],
    });
    s = withRole(s, "adoption support", "return");
    expect(analyseOptions(s).excludedLines).toEqual([]);
    expect(analyseOptions(s).roleOverrides).toEqual({
      residential: "investment",
      "adoption support": "return",
    });
  });

  it("by default lets the engine choose the convention: time zero for a Year 0 table, first investment otherwise", () => {
    const options = analyseOptions(defaultSettings());
    expect(options).not.toHaveProperty("basis");
    expect(options).not.toHaveProperty("convention");
    // Year 0: -100; Years 1-3: +40. Cumulative -100, -60, -20, +20: from the end of Year 0,
    // 2 + 20/40 = 2.5 years; from the start of the first investment (Year 0), 3.5 years.
    const periods = [0, 1, 2, 3].map((n) => yearNumberPeriod(n));
    const lines = [
      {
        label: "Capital",
        role: "investment" as const,
        amounts: [-100, 0, 0, 0].map((a) => money(a)),
      },
      { label: "Saving", role: "return" as const, amounts: [0, 40, 40, 40].map((a) => money(a)) },
    ];
    const auto = analysePayback({ periods, lines }, options);
    expect(auto.convention).toBe("time-zero");
    expect(auto.paybackYears?.toNumber()).toBe(2.5);
    const chosen = analysePayback(
      { periods, lines },
      analyseOptions({ ...defaultSettings(), basis: "first-investment" })
    );
    expect(chosen.convention).toBe("first-investment");
    expect(chosen.paybackYears?.toNumber()).toBe(3.5);
    expect(basisChoice("simple")).toBe("simple");
    expect(basisChoice("nonsense")).toBe("auto");
  });

  it("reads a candidate line from the grid reader's question", () => {
    expect(candidateLine("Appendix 1!A63: Sustained break-even")).toEqual({
      cell: "Appendix 1!A63",
      label: "Sustained break-even",
      key: "sustained break-even",
    });
  });

  it("excluding a line changes the payback the pipeline computes", () => {
    const sheet = workbook.sheets.find((s) => s.sheetName === "Appendix 1")!;
    const without = analyseSheet(
      sheet,
      analyseOptions(withRole(defaultSettings(), "residential", "excluded"))
    );
    expect(without.result.totals.return.lessThan(analysis.result.totals.return)).toBe(true);
  });
});

describe("what the pane shows for the Sandwell appendix", () => {
  it("describes the detected grid: periods, outline, unit, signs and each line's role", () => {
    const view = detectionView(
      analysis.model,
      withRole(defaultSettings(), "adoption support", "excluded")
    );
    expect(view.sheet).toBe("Appendix 1");
    expect(view.periods).toBe("Oct-21 to Mar-25 (42 months)");
    expect(view.outline).toBe("A3:O57");
    expect(view.sign).toBe("Investment shown negative, returns positive");
    const smbc = view.lines.find((l) => l.label === "Investment from SMBC")!;
    expect(smbc).toMatchObject({ choice: "investment", cell: "A4" });
    expect(view.lines.find((l) => l.label === "Adoption Support")!.choice).toBe("excluded");
    expect(view.lines.find((l) => l.label === "Cum (cost) / return")!.choice).toBe("cumulative");
  });

  it("puts break-even first, then payback, crossover, totals and NPV, in words", () => {
    const kpis = kpiView(analysis.result, "£");
    expect(kpis.map((k) => k.id)).toEqual([
      "break-even",
      "payback",
      "crossover",
      "investment",
      "return",
      "net",
      "npv",
    ]);
    expect(kpis[0]).toMatchObject({ value: "Jan-24", primary: true });
    expect(kpis[1].value).toBe("24.5 months");
    expect(kpis[1].detail).toBe("2.04 years from first investment (Jan-22)");
    expect(kpis[2].value).toBe("Jan-23");
    expect(kpis[3].value).toMatch(/^\(£\d{3},\d{3}\)$/);
    expect(kpis[6].label).toBe("NPV at 3.5%");
  });

  it("formats money in the grid's unit with brackets for negatives", () => {
    expect(moneyText(money(-35000), "£")).toBe("(£35,000)");
    expect(moneyText(money(1234.4), "£k")).toBe("£1,234k");
    expect(moneyText(money(0), "£")).toBe("£0");
  });

  it("draws the cumulative chart with the break-even marker on the zero crossing", () => {
    const g = chartGeometry(analysis.result, "£", 280, 120);
    const pts = g.points.split(" ").map((p) => p.split(",").map(Number));
    expect(pts).toHaveLength(42);
    expect(g.marker!.label).toBe("Jan-24");
    // The point before the marker is below the zero line (larger y), the marker at or above it.
    const i = pts.findIndex(([x]) => x === g.marker!.x);
    expect(pts[i - 1][1]).toBeGreaterThan(g.zeroY);
    expect(pts[i][1]).toBeLessThanOrEqual(g.zeroY);
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(280);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(120);
    }
  });

  it("lists mismatches with the root cause first and counts rounding differences apart", () => {
    const view = findingsView(analysis.reconciliation);
    expect(view.items.length).toBe(analysis.reconciliation.mismatch.length);
    expect(view.items.length).toBeGreaterThan(0);
    // The Summary sheet's 2024/25 saving (E5) disagrees with the appendix: it is the cause.
    expect(view.items[0]).toMatchObject({ cell: "Summary!E5", isRootCause: true });
    expect(view.items[0].title).toBe("Summary!E5: stated 411,823, expected 425,744");
    const firstFollower = view.items.findIndex((i) => !i.isRootCause);
    if (firstFollower >= 0)
      expect(view.items.slice(firstFollower).every((i) => !i.isRootCause)).toBe(true);
    expect(view.roundingNote).toMatch(
      new RegExp(`^${analysis.reconciliation.rounding} totals differ`)
    );
    expect(view.summary).toBe(
      `${view.items.length} of ${analysis.reconciliation.checked} stated totals do not add up.`
    );
  });

  it("turns a finding's cell into a sheet and an address to select", () => {
    expect(splitCellRef("Summary!E5")).toEqual({ sheet: "Summary", address: "E5" });
    expect(splitCellRef("'Appendix 1'!$N$55")).toEqual({ sheet: "Appendix 1", address: "N55" });
    expect(splitCellRef("E5")).toBeNull();
  });
});

describe("messages", () => {
  it("says errors in plain words, keeping the cell an ItosError names", () => {
    expect(
      errorText(
        new ItosError(
          "bad-amount",
          "Appendix 1!E9 holds the text 'tbc' where an amount is expected"
        )
      )
    ).toBe("Appendix 1!E9 holds the text 'tbc' where an amount is expected");
    expect(errorText({ code: "InvalidOperationInCellEditMode", message: "x" })).toMatch(
      /editing a cell/
    );
    expect(errorText(undefined)).toMatch(/Nothing further was changed/);
  });

  it("gives the ribbon commands a short result", () => {
    const a = analyseMessage("Appendix 1", analysis.result, "£", "below the grid");
    expect(a).toBe(
      "ITOS analysed 'Appendix 1'.\nBreak-even: Jan-24.\nPayback: 24.5 months, 2.04 years from first investment (Jan-22).\nWritten below the grid."
    );
    const r = reconcileMessage("Appendix 1", analysis.reconciliation);
    expect(r.split("\n")[1]).toMatch(/stated totals do not add up/);
    expect(r).toContain("• Summary!E5: stated 411,823, expected 425,744");
  });
});

describe("the four conventions in the pane", () => {
  it("lists each with its payback, the headline's marked (Sandwell: 24.48 months from first investment, 3 fewer from first return)", () => {
    const items = conventionsView(analysis.result);
    expect(items.map((i) => i.convention)).toEqual([
      "first-investment",
      "first-return",
      "simple",
      "time-zero",
    ]);
    expect(items.map((i) => i.headline)).toEqual([true, false, false, false]);
    expect(items[0].value).toBe(`${(24.48 / 12).toFixed(2)} years`);
    expect(items[1].value).toBe(`${(21.48 / 12).toFixed(2)} years`);
    expect(items[3].value).toBe("n/a (no Year 0)");
  });
});
