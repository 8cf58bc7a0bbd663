/**
 * The What if section's pure view: the headroom line and the base-and-scenario chart, on a small
 * case worked by hand and on the Sandwell appendix against what the command reports.
 */
import * as path from "path";
import { analyseSheet, scenarioJson, type SheetAnalysis } from "../../src/grid";
import { readWorkbook } from "../../src/file";
import type { SheetSnapshot } from "../../src/sheet";
import { defaultWhatIfTexts, whatIfView, type WhatIfTexts } from "../../src/taskpane/whatIf";
import { headroomFigures } from "../../src/taskpane/whatIfHeadroom";

const serial = (y: number, m: number) => (Date.UTC(y, m, 1) - Date.UTC(1899, 11, 30)) / 86400000;

/** 1,200 invested in Apr-22, then `saving` a month for 24 months (May-22 .. Apr-24). */
function levelCase(saving: number): SheetAnalysis {
  const months = Array.from({ length: 25 }, (_, i) => serial(2022, 3 + i));
  const sheet: SheetSnapshot = {
    sheetName: "Case",
    top: 0,
    left: 0,
    values: [
      [null, ...months],
      ["Investment", -1200, ...new Array(24).fill(null)],
      ["Saving", null, ...new Array(24).fill(saving)],
    ],
    numberFormats: [
      ["General", ...months.map(() => "mmm-yy")],
      new Array(26).fill("#,##0"),
      new Array(26).fill("#,##0"),
    ],
  };
  return analyseSheet(sheet, {}, { sheets: [sheet] });
}

const typed = (t: Partial<WhatIfTexts>): WhatIfTexts => ({ ...defaultWhatIfTexts(), ...t });
const points = (s: string) => s.split(" ").map((p) => p.split(",").map(Number));

describe("What if headroom line", () => {
  // Payback counted from Apr-22 with returns r = 100(1 - c) a month from May-22: the position
  // first reaches zero in period k = ceil(12 / (1 - c)), interpolated to k + (1,200 - (k-1)r)/r,
  // that is 1 + 12 / (1 - c) months. A delay of d adds d months.
  const base = levelCase(100);

  it("with a 1.5-year limit: 1 + 12/(1 - c) <= 18 gives c <= 5/17 = 29.41%, so 29.4%; 13 + d <= 18 gives 5 months", () => {
    const view = whatIfView(base, typed({ limitYears: "1.5" }));
    expect(view.headroom).toBe(
      "Returns can fall by up to 29.4%, or all slip by up to 5 months, and the case still pays back within the 1.5-year limit."
    );
  });

  it("with no limit: 24r >= 1,200 gives c <= 50%; 100(24 - d) >= 1,200 gives d <= 12", () => {
    const view = whatIfView(base, typed({}));
    expect(view.headroom).toBe(
      "Returns can fall by up to 50%, or all slip by up to 12 months, and the case still breaks even within the grid."
    );
  });

  it("sets the cut and delay typed against the headroom: 29.4 - 20 = 9.4 to spare, 7 - 5 = 2 months beyond", () => {
    expect(whatIfView(base, typed({ limitYears: "1.5", cutPercent: "20" })).headroom).toMatch(
      /limit\. The 20% cut is within it, 9\.4 percentage points to spare\.$/
    );
    expect(whatIfView(base, typed({ limitYears: "1.5", cutPercent: "35" })).headroom).toMatch(
      /The 35% cut is 5\.6 percentage points beyond it\.$/
    );
    const both = whatIfView(
      base,
      typed({ limitYears: "1.5", cutPercent: "10", delayPeriods: "7" })
    );
    expect(both.headroom).toMatch(
      /The 10% cut is within it, 19\.4 percentage points to spare\. The delay of 7 months is 2 months beyond it\. Each is set against the headroom on its own/
    );
  });

  it("says an investment uplift typed with a cut is not set against the headroom", () => {
    const one = whatIfView(base, typed({ limitYears: "1.5", cutPercent: "20" })).headroom;
    const withUplift = whatIfView(
      base,
      typed({ limitYears: "1.5", cutPercent: "20", upliftPercent: "10" })
    ).headroom;
    expect(one).not.toMatch(/on its own/);
    expect(withUplift).toBe(
      `${one} Each is set against the headroom on its own; the verdict and payback above take every change together.`
    );
  });

  it("says there is none when the case never pays back or is already over the limit", () => {
    // 40 a month for 24 months is 960, short of 1,200.
    const never = levelCase(40);
    expect(whatIfView(never, typed({})).headroom).toBe(
      "None: the case never pays back within the grid as it stands."
    );
    expect(whatIfView(never, typed({ limitYears: "3" })).headroom).toBe(
      "None: the case never pays back within the grid as it stands."
    );
    // 13 months against 12: 1/12 = 0.083 years over, rounded up to 0.09.
    expect(whatIfView(base, typed({ limitYears: "1" })).headroom).toBe(
      "None: the case already exceeds the 1-year limit by 0.09 years."
    );
  });

  it("asks for the headroom once per limit through the section's roomFor", () => {
    const asked: (string | null)[] = [];
    const roomFor = (limit: string | null) => {
      asked.push(limit);
      return headroomFigures(base, limit);
    };
    whatIfView(base, typed({ limitYears: " 1.5 ", cutPercent: "20" }), roomFor);
    expect(asked).toEqual(["1.5"]);
  });
});

describe("What if chart", () => {
  const base = levelCase(100);

  it("draws base and scenario on one scale: a 20% cut worked by hand", () => {
    // Base: -1,200 + 100k, k = 0..24, from -1,200 to 1,200. Scenario: -1,200 + 80k, to 720.
    // Frame 280 x 120, pad 8: x = 8 + 11k (264 / 24), y = 8 + (1,200 - v) x 104 / 2,400.
    const g = whatIfView(base, typed({ cutPercent: "20" })).chart!;
    expect(g.zeroY).toBe(60);
    const scenario = points(g.scenario.points);
    expect(scenario).toHaveLength(25);
    expect(scenario[0]).toEqual([8, 112]);
    expect(scenario[24]).toEqual([272, 28.8]); // 8 + 480 x 104 / 2,400 = 28.8
    expect(points(g.base.points)[24]).toEqual([272, 8]);
    // Break-even: base at k = 12 (Apr-23), scenario at k = 15 (Jul-23), both on the zero line.
    expect(g.base.marker).toEqual({ x: 140, y: 60, label: "Apr-23" });
    expect(g.scenario.marker).toEqual({ x: 173, y: 60, label: "Jul-23" });
    expect(g.base.breakEven).toBe("breaks even Apr-23");
    expect(g.minLabel).toBe("(£1,200)");
    expect(g.maxLabel).toBe("£1,200");
  });

  it("has no scenario marker when the scenario never breaks even, and no chart for a typo", () => {
    const g = whatIfView(base, typed({ cutPercent: "60" })).chart!;
    expect(g.scenario.marker).toBeNull();
    expect(g.scenario.breakEven).toBe("never breaks even within the grid");
    expect(g.base.marker).not.toBeNull();
    expect(whatIfView(base, typed({ cutPercent: "lots" })).chart).toBeNull();
  });
});

describe("What if on the Sandwell appendix", () => {
  let sandwell: SheetAnalysis;
  beforeAll(async () => {
    const workbook = await readWorkbook(
      path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx")
    );
    sandwell = analyseSheet(
      workbook.sheets.find((s) => s.sheetName === "Appendix 1")!,
      {},
      workbook
    );
  });

  it("shows the headroom the command's JSON gives, against a 3-year limit", () => {
    const json = scenarioJson(sandwell, { limitYears: "3" }).headroom!;
    const view = whatIfView(sandwell, typed({ limitYears: "3" }));
    const pct = Number((json.returnsCut * 100).toFixed(1));
    expect(view.headroom).toBe(
      `Returns can fall by up to ${pct}%, or all slip by up to ${json.delayPeriods} months, and the case still pays back within the 3-year limit.`
    );
  });
});
