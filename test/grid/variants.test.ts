/**
 * Layout variants built in memory: what the Office adapter may hand over (a used range that does
 * not start at A1, no number formats), and odd headers, rows and settings.
 */
import * as path from "path";
import { isItosError, ItosError, analysePayback } from "../../src/engine";
import { readWorkbook } from "../../src/file";
import { detectGrid, findGrids, flowsFromModel } from "../../src/grid/read";
import { transposeSnapshot } from "../../src/grid/read/orient";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/sheet";

const FIXTURES = path.join(__dirname, "..", "fixtures");

function caught(fn: () => unknown): ItosError {
  try {
    fn();
  } catch (e) {
    if (isItosError(e)) return e;
    throw e;
  }
  throw new Error("expected an ItosError");
}

function sheet(values: CellValue[][], name = "Case"): SheetSnapshot {
  return { sheetName: name, top: 0, left: 0, values };
}

function answers(snapshot: SheetSnapshot) {
  const model = detectGrid(snapshot);
  const result = analysePayback(flowsFromModel(model, snapshot));
  const key = (i: number | null) => (i === null ? null : result.periods[i].key);
  return {
    model,
    result,
    firstInvestment: key(result.firstInvestment),
    crossover: key(result.crossover),
    breakEven: result.breakEven.status === "reached" ? key(result.breakEven.index) : null,
  };
}

let workbook: WorkbookSnapshot;
let appendix: SheetSnapshot;
beforeAll(async () => {
  workbook = await readWorkbook(path.join(FIXTURES, "sandwell-invest-to-save.xlsx"));
  appendix = workbook.sheets[0];
});

describe("what the Office adapter may hand over", () => {
  test("a used range starting at row 3 gives the same rows and answers", () => {
    const used: SheetSnapshot = {
      sheetName: appendix.sheetName,
      top: 2,
      left: 0,
      values: appendix.values.slice(2),
      numberFormats: appendix.numberFormats?.slice(2),
    };
    const a = answers(used);
    expect(a.model.blocks.map((b) => b.headerIndex)).toEqual([2, 16, 30, 44]);
    expect([a.firstInvestment, a.crossover, a.breakEven]).toEqual([
      "2022-01",
      "2023-01",
      "2024-01",
    ]);
  });

  test("a range starting at column B (labels in A left out) has no labels: no-grid", () => {
    const noLabels: SheetSnapshot = {
      ...appendix,
      left: 1,
      values: appendix.values.map((r) => r.slice(1)),
      numberFormats: appendix.numberFormats?.map((r) => r.slice(1)),
    };
    expect(caught(() => detectGrid(noLabels)).code).toBe("no-grid");
  });

  test("without number formats the month serials are still read as months, with a warning", () => {
    const bare: SheetSnapshot = {
      sheetName: appendix.sheetName,
      top: 0,
      left: 0,
      values: appendix.values,
    };
    const a = answers(bare);
    expect(a.model.periods).toHaveLength(42);
    expect([a.firstInvestment, a.crossover, a.breakEven]).toEqual([
      "2022-01",
      "2023-01",
      "2024-01",
    ]);
    expect(a.model.warnings).toContain(
      "Appendix 1!B3: the period headers here are numbers without a date format, read as month dates."
    );
  });
});

describe("headers", () => {
  test("a month headed twice is refused naming both cells", () => {
    const e = caught(() =>
      detectGrid(
        sheet([
          [null, "Apr-22", "May-22", "May-22"],
          ["Investment", -10, 0, 0],
          ["Savings", 0, 6, 6],
        ])
      )
    );
    expect(e.code).toBe("bad-period");
    expect(e.message).toBe("Case!D1 repeats the period May-22 already headed at Case!C1.");
  });

  test("a gap in the months is refused, naming the header after it and the month missing", () => {
    // Closing the gap would count Jul-22 as the third month and shorten the payback.
    const e = caught(() =>
      detectGrid(
        sheet([
          [null, "Apr-22", "May-22", "Jul-22"],
          ["Investment", -10, 0, 0],
          ["Savings", 0, 6, 6],
        ])
      )
    );
    expect(e.code).toBe("bad-period");
    expect(e.cell).toBe("Case!D1");
    expect(e.message).toBe(
      "Case!D1: Between May-22 and Jul-22 one period is missing (Jun-22). The payback would be wrong with a period left out, so the grid is not read. Otherwise add the missing period (blank is zero)."
    );
  });

  test("numbered months: Month 1..Month 6 grouped into Year 1", () => {
    // -300, then +100 a month from Month 2: cumulative -300, -200, -100, 0 at Month 4.
    const a = answers(
      sheet([
        ["£", "Month 1", "Month 2", "Month 3", "Month 4", "Month 5", "Month 6"],
        ["Investment", -300, null, null, null, null, null],
        ["Savings", null, 100, 100, 100, 100, 100],
      ])
    );
    expect(a.model.periods.map((p) => p.period.key)).toEqual(["M1", "M2", "M3", "M4", "M5", "M6"]);
    expect(a.model.periodicity).toBe("monthly");
    expect(a.breakEven).toBe("M4");
    expect(a.result.paybackMonths?.toNumber()).toBe(4);
    expect(a.result.years.map((y) => y.fy)).toEqual(["Year 1"]);
  });

  test("a plain Total after March, with months after it, is that year's subtotal", () => {
    const months = ["Jan-23", "Feb-23", "Mar-23", "Total", "Apr-23", "May-23", "Grand total"];
    const model = detectGrid(
      sheet([
        [null, ...months],
        ["Investment", -50, null, null, -50, null, null, -50],
        ["Savings", null, 20, 20, 40, 20, 20, 80],
      ])
    );
    expect(model.blocks[0].totals).toEqual([
      { periodIndex: 4, kind: "fy", fy: "2022/23", header: "Total" },
      { periodIndex: 7, kind: "grand", fy: null, header: "Grand total" },
    ]);
    expect(model.periods.map((p) => p.periodIndex)).toEqual([1, 2, 3, 5, 6]);
  });

  test("fyStartMonth 1 files months by calendar year", () => {
    const model = detectGrid(appendix, { fyStartMonth: 1 });
    expect(model.periods.find((p) => p.period.key === "2022-03")?.period.fy).toBe("2022");
    expect(model.periods.find((p) => p.period.key === "2021-12")?.period.fy).toBe("2021");
  });
});

describe("rows", () => {
  test("a comments row of words under a section is ignored, not read as money", () => {
    const model = detectGrid(
      sheet([
        [null, "Apr-22", "May-22", "Jun-22"],
        ["Investment"],
        ["Staff", -100, null, null],
        ["Savings"],
        ["Placements", null, 60, 60],
        ["Status", "agreed", "agreed", "to review"],
      ])
    );
    expect(model.lines.map((l) => [l.label, l.role])).toEqual([
      ["Investment", "heading"],
      ["Staff", "investment"],
      ["Savings", "heading"],
      ["Placements", "return"],
      ["Status", "ignored"],
    ]);
  });

  test("cost lines under a Savings heading are the costs saved; an Investment line stays investment", () => {
    const model = detectGrid(
      sheet([
        [null, "Apr-22", "May-22"],
        ["Investment in staff", -100, null],
        ["Savings"],
        ["Agency staff costs", 40, 80],
        ["Capital investment", -10, null],
      ])
    );
    expect(model.lines.map((l) => [l.label, l.role])).toEqual([
      ["Investment in staff", "investment"],
      ["Savings", "heading"],
      ["Agency staff costs", "return"],
      ["Capital investment", "investment"],
    ]);
    expect(model.warnings).toContain(
      "A4: read as return lines by the heading A3 'Savings' above or beside them."
    );
  });

  test("a row of percentages is a ratio, not money, whatever its label says", () => {
    const snapshot: SheetSnapshot = {
      ...sheet([
        [null, "Apr-22", "May-22"],
        ["Investment", -100, null],
        ["Savings", 40, 80],
        ["Savings as % of cost", 0.4, 0.8],
      ]),
      numberFormats: [[], [null, "#,##0", "#,##0"], [null, "#,##0", "#,##0"], [null, "0%", "0%"]],
    };
    expect(detectGrid(snapshot).lines.map((l) => l.role)).toEqual([
      "investment",
      "return",
      "ignored",
    ]);
  });

  test("a year table below the monthly grid, after blank rows, is not part of the block", () => {
    const values: CellValue[][] = [
      [null, "Apr-22", "May-22", "Jun-22", "2022/23"],
      ["Investment", -100, null, null, -100],
      ["Savings", null, 60, 60, 120],
      [],
      [null, "2022/23", "2023/24"],
      ["Investment", -100, 0],
      ["Savings", 120, 300],
    ];
    const model = detectGrid(sheet(values));
    expect(model.blocks).toEqual([
      {
        headerIndex: 0,
        firstLineIndex: 1,
        lastLineIndex: 2,
        totals: [{ periodIndex: 4, kind: "fy", fy: "2022/23", header: "2022/23" }],
      },
    ]);
    expect(model.lines.map((l) => l.label)).toEqual(["Investment", "Savings"]);
  });

  test("repeated labels within a block get their own keys", () => {
    const model = detectGrid(
      sheet([
        [null, "Apr-22", "May-22"],
        ["Costs"],
        ["Other", -10, -10],
        ["Savings"],
        ["Other", 5, 30],
      ])
    );
    expect(model.lines.map((l) => [l.key, l.role])).toEqual([
      ["costs", "heading"],
      ["other", "investment"],
      ["savings", "heading"],
      ["other #2", "return"],
    ]);
  });
});

describe("findGrids", () => {
  test("a year table alone in a workbook is a grid (there is no monthly grid it summarises)", () => {
    const summary = workbook.sheets.find((s) => s.sheetName === "Summary");
    if (!summary) throw new Error("no Summary");
    const grids = findGrids({ sheets: [summary] });
    expect(grids.map((g) => g.sheetName)).toEqual(["Summary"]);
    // Summary rows 3..7: two investment lines, Saving, Net ROI, Cum ROI.
    expect(grids[0].model.lines.map((l) => l.role)).toEqual([
      "investment",
      "investment",
      "return",
      "net",
      "cumulative",
    ]);
  });

  test("an ambiguous sheet is reported, not skipped", () => {
    const odd = sheet(
      [
        [null, "Apr-22", "May-22"],
        ["Investment", -10, null],
        ["Other", null, 12],
      ],
      "Odd"
    );
    expect(caught(() => findGrids({ sheets: [odd] })).code).toBe("ambiguous-layout");
  });
});

describe("label columns", () => {
  test("a section column beside the line labels gives the lines their roles", () => {
    // -15 in Apr-22 and +6 a month: cumulative -9 (Apr), -3 (May), +3 (Jun-22).
    const a = answers(
      sheet([
        [null, null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
        ["Investment", "Staffing", -10, null, null, null],
        [null, "IT", -5, null, null, null],
        ["Savings", "Placements", 4, 4, 4, 4],
        [null, "Transport", 2, 2, 2, 2],
      ])
    );
    expect(a.model.labelIndex).toBe(1);
    expect(a.model.lines.map((l) => [l.label, l.role])).toEqual([
      ["Staffing", "investment"],
      ["IT", "investment"],
      ["Placements", "return"],
      ["Transport", "return"],
    ]);
    expect(a.breakEven).toBe("2022-06");
  });

  test("a reference column of codes does not take the labels' place", () => {
    const model = detectGrid(
      sheet([
        ["Ref", "Line", "Apr-22", "May-22"],
        ["R1", "Investment in staff", -10, null],
        ["R2", "Placement savings", 4, 8],
        ["R3", "Total", -6, 8],
      ])
    );
    expect(model.labelIndex).toBe(1);
    // A bare "Total" under an investment and a return line is their net.
    expect(model.lines.map((l) => l.role)).toEqual(["investment", "return", "net"]);
  });
});

describe("Sandwell turned on its side", () => {
  test("months down the rows give the same answers, and cells are named in the turned sheet", () => {
    const turned = transposeSnapshot(appendix);
    // Present it as a sheet of its own: the reader must find the periods down the rows.
    const sheetOnItsSide: SheetSnapshot = {
      sheetName: "Turned",
      top: 0,
      left: 0,
      values: turned.values,
      numberFormats: turned.numberFormats,
    };
    const a = answers(sheetOnItsSide);
    expect(a.model.orientation).toBe("periods-down");
    expect(a.model.blocks.map((b) => b.headerIndex)).toEqual([2, 16, 30, 44]); // header columns C, Q, AE, AS
    expect([a.firstInvestment, a.crossover, a.breakEven]).toEqual([
      "2022-01",
      "2023-01",
      "2024-01",
    ]);
    expect(a.result.paybackMonths?.toNumber()).toBeCloseTo(24 + 9121 / 18969, 2);
    // Jul-22's Mother and Baby amount (E23 on the appendix) sits at W5 once turned.
    const values = sheetOnItsSide.values.map((r) => [...r]);
    values[4][22] = { error: "#N/A" };
    const broken = { ...sheetOnItsSide, values };
    expect(() => flowsFromModel(detectGrid(broken), broken)).toThrow(
      "Turned!W5 holds #N/A where an amount is expected."
    );
  });
});

describe("numbers that only look like month dates", () => {
  test("a money-formatted line stepping by 30 is not read as a header of months", () => {
    const money = "#,##0";
    const values: CellValue[][] = [
      [null, "Apr-22", "May-22", "Jun-22"],
      ["Investment", -40000, null, null],
      ["Savings", 44000, 44030, 44060],
    ];
    const model = detectGrid({
      ...sheet(values),
      numberFormats: [[], [null, money, money, money], [null, money, money, money]],
    });
    expect(model.blocks).toHaveLength(1);
    expect(model.lines.map((l) => l.role)).toEqual(["investment", "return"]);
  });
});
