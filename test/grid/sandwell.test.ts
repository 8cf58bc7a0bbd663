import * as path from "path";
import { analysePayback } from "../../src/engine";
import { readWorkbook } from "../../src/file";
import { detectGrid, findGrids, flowsFromModel } from "../../src/grid/read";
import type { WorkbookSnapshot } from "../../src/sheet";

const FIXTURE = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");

let workbook: WorkbookSnapshot;
beforeAll(async () => {
  workbook = await readWorkbook(FIXTURE);
});

function appendix() {
  const sheet = workbook.sheets.find((s) => s.sheetName === "Appendix 1");
  if (!sheet) throw new Error("fixture lacks Appendix 1");
  return sheet;
}

describe("the Sandwell appendix", () => {
  test("reads four stacked blocks of months, Oct-21 to Mar-25, with FY and grand total columns", () => {
    const model = detectGrid(appendix());
    expect(model.blocks.map((b) => b.headerIndex + 1)).toEqual([3, 17, 31, 45]);
    expect(model.periods).toHaveLength(42);
    expect(model.periods[0].period.key).toBe("2021-10");
    expect(model.periods[41].period.key).toBe("2025-03");
    expect(model.periodicity).toBe("monthly");
    expect(model.labelIndex).toBe(0);
    // Block 1 (row 3): months in B..G, "2021/22" in H; last block adds "Total" in O.
    expect(model.periods.filter((p) => p.block === 0).map((p) => p.periodIndex)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(model.blocks[0].totals).toEqual([
      { periodIndex: 7, kind: "fy", fy: "2021/22", header: "2021/22" },
    ]);
    expect(model.blocks[3].totals.map((t) => [t.periodIndex, t.kind, t.fy])).toEqual([
      [13, "fy", "2024/25"],
      [14, "grand", null],
    ]);
    expect(model.bounds).toEqual({ top: 2, left: 0, bottom: 56, right: 14 });
  });

  test("gives every line its role, the same rows in each block", () => {
    const model = detectGrid(appendix());
    const roles = Object.fromEntries(model.lines.map((l) => [l.label, l.role]));
    expect(roles).toEqual({
      "Investment from SMBC": "investment",
      "Investment from Trust": "investment",
      "Total investment": "total-investment",
      Return: "heading",
      Residential: "return",
      "Mother and Baby Residential": "return",
      "Internal Foster Care": "return",
      "External Foster Care": "return",
      "Adoption Support": "return",
      "Total return": "total-return",
      "In month (cost) / return": "net",
      "Cum (cost) / return": "cumulative",
    });
    const trust = model.lines.find((l) => l.key === "investment from trust");
    expect(trust?.lineIndex.map((r) => (r === null ? null : r + 1))).toEqual([5, 19, 33, 47]);
  });

  test("sees investment shown negative, in pounds, every line read as shown", () => {
    const model = detectGrid(appendix());
    expect(model.signConvention).toBe("investment-negative");
    expect(model.lines.every((l) => l.sign === 1)).toBe(true);
    expect(model.unit).toBe("£");
    expect(model.unitSource).toBeNull();
    expect(model.warnings.some((w) => w.includes("no unit stated"))).toBe(true);
  });

  test("the engine answers the paper's dates from the grid", () => {
    const sheet = appendix();
    const model = detectGrid(sheet);
    const result = analysePayback(flowsFromModel(model, sheet));
    const key = (i: number | null) => (i === null ? null : result.periods[i].key);
    expect(key(result.firstInvestment)).toBe("2022-01");
    expect(key(result.crossover)).toBe("2023-01");
    expect(result.breakEven.status).toBe("reached");
    if (result.breakEven.status !== "reached") return;
    expect(key(result.breakEven.index)).toBe("2024-01");
    expect(key(result.breakEven.sustainedIndex)).toBe("2024-01");
    // Jan-22..Dec-23 is 24 months; Jan-24 closes -9,121 of cumulative with 18,969 of net flow:
    // the stated Dec-23 cumulative (J43) and Jan-24 in-month (K42), read off the sheet.
    expect(result.paybackMonths?.toNumber()).toBeCloseTo(24 + 9121 / 18969, 2);
    // Investment by year from the parts: 3 × 11,667 in 2021/22, then 12 × 11,667 a year.
    expect(result.years.map((y) => y.investment.toNumber())).toEqual([
      -35001, -140004, -140004, -140004,
    ]);
    // FY nets as stated in H14, N28, N42, N56 and cumulative O57: the parts are whole pounds, so
    // they differ from the stated figures by rounding, at most about a pound a month.
    const nets = result.years.map((y) => y.net.toNumber());
    [-35000, -46646, 129431, 285744].forEach((stated, i) =>
      expect(Math.abs(nets[i] - stated)).toBeLessThanOrEqual(12)
    );
    expect(Math.abs(result.cumulative[41].toNumber() - 333529)).toBeLessThanOrEqual(42);
  });

  test("the in-month and cumulative lines are read with sign 1, as their figures agree with the parts", () => {
    const model = detectGrid(appendix());
    expect(
      model.lines.filter((l) => l.role === "net" || l.role === "cumulative").map((l) => l.sign)
    ).toEqual([1, 1]);
  });

  test("the workbook holds one payback grid: the Summary sheet is the appendix's year table", () => {
    const grids = findGrids(workbook);
    expect(grids.map((g) => g.sheetName)).toEqual(["Appendix 1"]);
    const summary = workbook.sheets.find((s) => s.sheetName === "Summary");
    if (!summary) throw new Error("fixture lacks Summary");
    const year = detectGrid(summary);
    expect(year.periodicity).toBe("annual");
    expect(year.periods.map((p) => p.period.key)).toEqual([
      "2021/22",
      "2022/23",
      "2023/24",
      "2024/25",
    ]);
  });
});

describe("what the reader says it assumed on Sandwell", () => {
  test("the sign convention, the return lines read from the Return heading, and the unit; nothing else", async () => {
    const sheet = (await readWorkbook(FIXTURE)).sheets[0];
    expect(detectGrid(sheet).warnings).toEqual([
      "Appendix 1: investment is shown negative (A4, A5) and returns positive (A8, A9, A10, A11, A12); amounts are read as shown.",
      "A8, A9, A10, A11, A12: read as return lines by the heading A7 'Return' above or beside them.",
      'Appendix 1: no unit stated (no "£000s" or "£k" in the titles or headers); amounts are read as £.',
    ]);
  });
});
