/**
 * The real-layout cases whose periods and schemes are what made them unreadable: Year 0 tables
 * across and down, quarters, calendar years, several schemes on one sheet (stacked and side by
 * side), and scheme summaries with no timeline. Every figure is checked against the hand-worked
 * answers in test/support/realLayouts.ts.
 */
import * as path from "path";
import type Decimal from "decimal.js";
import {
  PAYBACK_CONVENTIONS,
  isItosError,
  reproduces,
  statedPaybackFromFigure,
  type PaybackConvention,
} from "../../src/engine";
import { readWorkbook } from "../../src/file";
import {
  analyseWorkbook,
  schemeSummaryJson,
  summariseWorkbook,
  type SchemeAnalysis,
  type SheetAnalysis,
} from "../../src/grid";
import { sheetCell, type GridLine, type GridModel } from "../../src/grid/read";
import { statedInCell, statedHolds } from "../../src/grid/read/statedText";
import { a1, cellAt, parseCellAddress, type WorkbookSnapshot } from "../../src/sheet";
import { REAL_CASES, type LineRole, type RealCase } from "../support/realLayouts";

const DIR = path.join(__dirname, "..", "fixtures", "real-layouts");

const TIMELINE_FILES = [
  "machine-year0-down.xlsx",
  "year0-across-cash-flow.xlsx",
  "net-only-year0-down.xlsx",
  "outflows-inflows-year0-down.xlsx",
  "cumulative-exactly-zero.xlsx",
  "quarters-payback.xlsx",
  "calendar-years-across.xlsx",
  "two-alternatives-stacked.xlsx",
  "two-alternatives-side-by-side.xlsx",
];
const SUMMARY_FILES = [
  "insulation-measures-summary.xlsx",
  "led-office-case-study.xlsx",
  "council-led-schemes-summary.xlsx",
  "years-and-months-summary.xlsx",
  "school-led-loan.xlsx",
];

const timelineCases = REAL_CASES.filter((c) => TIMELINE_FILES.includes(c.file));
const summaryCases = REAL_CASES.filter((c) => SUMMARY_FILES.includes(c.file));

const workbooks = new Map<string, WorkbookSnapshot>();
async function workbook(file: string): Promise<WorkbookSnapshot> {
  let wb = workbooks.get(file);
  if (!wb) {
    wb = await readWorkbook(path.join(DIR, file));
    workbooks.set(file, wb);
  }
  return wb;
}

/** The case's analysis: the sheet's, or the scheme's in sheet order where the sheet holds several. */
async function analysisOf(c: RealCase): Promise<SheetAnalysis | SchemeAnalysis> {
  const [{ analysis }] = analyseWorkbook(await workbook(c.file), { sheet: c.sheet });
  if (c.scheme === undefined) {
    expect(analysis.schemes).toBeUndefined();
    return analysis;
  }
  const siblings = REAL_CASES.filter((o) => o.file === c.file && o.sheet === c.sheet);
  expect(analysis.schemes).toHaveLength(siblings.length);
  return (analysis.schemes as SchemeAnalysis[])[siblings.indexOf(c)];
}

const n = (d: Decimal) => d.toNumber();

function labelCell(model: GridModel, line: GridLine): string {
  const index = line.lineIndex.find((i): i is number => i !== null && i !== undefined) as number;
  const cell = sheetCell(model, index, model.labelIndex);
  return a1(cell.row, cell.col);
}

/** The reader's role for each role of the hand answers. */
const READ_AS: Record<LineRole, string[]> = {
  investment: ["investment"],
  return: ["return"],
  cost: ["cost"],
  // The net line is "net-flow" where it is the only flow (analysed directly), else a check.
  net: ["net", "net-flow"],
  cumulative: ["cumulative"],
  total: ["net", "total-investment", "total-return", "total"],
  "part-of-net": ["ignored"],
  other: ["ignored", "other"],
};

describe.each(
  timelineCases.map((c) => [`${c.file} ${c.sheet}${c.scheme ? ` ${c.scheme}` : ""}`, c] as const)
)("%s", (_name, c) => {
  let a: SheetAnalysis | SchemeAnalysis;
  beforeAll(async () => {
    a = await analysisOf(c);
  });

  test("periods: orientation, count, first and last as printed, Year 0 as time zero", () => {
    const { periods } = a.result;
    expect(a.model.orientation).toBe(c.orientation);
    expect(a.result.cadence).toBe(c.periodicity);
    expect(periods).toHaveLength(c.periods!.count);
    expect(periods[0].label).toBe(c.periods!.first);
    expect(periods[periods.length - 1].label).toBe(c.periods!.last);
    expect(periods[0].timeZero === true).toBe(c.timeZero);
    expect(a.result.convention).toBe(c.timeZero ? "time-zero" : "first-investment");
  });

  test("every amount line with its label cell and role", () => {
    const read = a.model.lines
      .filter((l) => l.role !== "heading")
      .map((l) => ({ cell: labelCell(a.model, l), role: l.role }));
    expect(read.map((l) => l.cell)).toEqual(c.lines.map((l) => l.labelCell));
    c.lines.forEach((l, i) => expect(READ_AS[l.role]).toContain(read[i].role));
  });

  test("net and cumulative position in every period", () => {
    expect(a.result.net.map(n)).toEqual(c.net);
    expect(a.result.cumulative.map(n)).toEqual(c.cumulative);
  });

  test("break-even, crossover and totals", () => {
    const at = (i: number | null) => (i === null ? null : a.result.periods[i].label);
    const be = a.result.breakEven;
    expect(be.status === "reached" ? at(be.index) : null).toBe(c.breakEven);
    expect(at(a.result.crossover)).toBe(c.crossover);
    expect({
      investment: -n(a.result.totals.investment),
      return: n(a.result.totals.return),
      net: n(a.result.totals.net),
    }).toEqual({
      investment: c.totals!.investment,
      return: c.totals!.return - c.totals!.cost,
      net: c.totals!.net,
    });
  });

  test("payback in each of the four conventions", () => {
    for (const conv of PAYBACK_CONVENTIONS) {
      const figure = a.result.paybackByConvention[conv];
      const expected = c.payback[conv];
      if (expected === null) expect([conv, figure]).toEqual([conv, null]);
      else expect([conv, figure!.years.toNumber()]).toEqual([conv, expect.closeTo(expected, 9)]);
    }
  });

  test("the stated totals that do not add up, and only those", () => {
    expect(a.reconciliation.mismatch.map((m) => m.cell).sort()).toEqual(
      c.statedTotalMismatches.map((m) => m.cell).sort()
    );
    for (const m of c.statedTotalMismatches) {
      const found = a.reconciliation.mismatch.find((f) => f.cell === m.cell)!;
      expect([m.cell, found.stated, found.expected]).toEqual([m.cell, m.stated, m.sumOfParts]);
    }
  });

  test("the paybacks the paper states are reproduced by the conventions worked out by hand", async () => {
    const sheet = (await workbook(c.file)).sheets.find((s) => s.sheetName === c.sheet)!;
    for (const s of c.statedPaybacks) {
      const { row, col } = parseCellAddress(s.cell);
      const v = cellAt(sheet, row, col);
      const stated =
        typeof v === "number" ? statedPaybackFromFigure(v, "years") : statedInCell(String(v));
      expect(stated).not.toBeNull();
      expect(stated!.years.toNumber()).toBeCloseTo(s.years, 9);
      const by: PaybackConvention[] = PAYBACK_CONVENTIONS.filter((conv) => {
        const figure = a.result.paybackByConvention[conv];
        return figure !== null && reproduces(stated!, figure);
      });
      expect([s.cell, by]).toEqual([s.cell, s.reproducedBy]);
    }
  });

  if (c.yearSummaries) {
    test("year summaries by financial year", () => {
      expect(
        a.result.years.map((y) => ({
          year: y.fy,
          investment: n(y.investment.abs()),
          return: n(y.return),
          net: n(y.net),
          cumulative: n(y.cumulative),
        }))
      ).toEqual(c.yearSummaries);
    });
  }
});

describe.each(summaryCases.map((c) => [c.file, c] as const))("%s (scheme summary)", (file, c) => {
  test("no timeline grid is read from it", async () => {
    let error: unknown = null;
    try {
      analyseWorkbook(await workbook(file), { sheet: c.sheet });
    } catch (e) {
      error = e;
    }
    expect(isItosError(error) && error.code).toBe("no-grid");
  });

  test("each scheme's cost, annual saving and cost / saving, and its stated payback checked", async () => {
    const [{ summary }] = summariseWorkbook(await workbook(file), { sheet: c.sheet });
    const rows = c.schemeSummary!;
    expect(summary.rows.map((r) => [r.cell, r.label])).toEqual(
      rows.map((r) => [r.labelCell, r.label])
    );
    summary.rows.forEach((r, i) => {
      const want = rows[i];
      expect(r.cost === null ? null : r.cost.toNumber()).toBe(want.cost);
      expect(r.annualSaving === null ? null : r.annualSaving.toNumber()).toBe(want.annualSaving);
      if (want.computedYears === null) expect(r.computedYears).toBeNull();
      else expect(r.computedYears!.toNumber()).toBeCloseTo(want.computedYears, 9);
      expect(r.stated === null ? null : r.stated.cell).toBe(want.stated ? want.stated.cell : null);
      if (want.stated) {
        expect(r.stated!.years.toNumber()).toBeCloseTo(want.stated.years, 9);
        const expected =
          want.annualSaving === null ? null : want.stated.reproducedBy.includes("simple");
        expect([r.cell, r.matches]).toEqual([r.cell, expected]);
      }
    });
  });

  test("every payback stated on the sheet, each against cost / saving", async () => {
    const [{ summary }] = summariseWorkbook(await workbook(file), { sheet: c.sheet });
    expect(summary.statedPaybacks.map((s) => s.cell).sort()).toEqual(
      c.statedPaybacks.map((s) => s.cell).sort()
    );
    for (const s of c.statedPaybacks) {
      const found = summary.statedPaybacks.find((f) => f.cell === s.cell)!;
      expect(found.years.toNumber()).toBeCloseTo(s.years, 9);
      expect(found.qualifier ?? undefined).toBe(s.qualifier);
      const row = c.schemeSummary!.find((r) => r.stated?.cell === s.cell);
      const checkable = row === undefined || row.annualSaving !== null;
      expect([s.cell, found.matches]).toEqual([
        s.cell,
        checkable ? s.reproducedBy.includes("simple") : null,
      ]);
    }
  });

  test("every stated total saving is checked against its parts, and adds up", async () => {
    const [{ summary }] = summariseWorkbook(await workbook(file), { sheet: c.sheet });
    // By hand: 5,384 + 146 = 5,530; 86,000 + 38,000 = 124,000; 400,000 + 100,000 = 500,000.
    const expected: Record<string, [string, number, string[]][]> = {
      "insulation-measures-summary.xlsx": [],
      "led-office-case-study.xlsx": [["C17", 5530, ["C15", "C16"]]],
      "council-led-schemes-summary.xlsx": [["G8", 500000, ["E8", "F8"]]],
      "years-and-months-summary.xlsx": [["A8", 124000, ["A6", "A7"]]],
      // No total is printed: the saving and the instalments are one figure each.
      "school-led-loan.xlsx": [],
    };
    expect(summary.totals.map((t) => [t.cell, t.sumOfParts.toNumber(), t.parts])).toEqual(
      expected[file]
    );
    expect(summary.totals.every((t) => t.status === "match")).toBe(true);
    expect(c.statedTotalMismatches).toEqual([]);
  });
});

describe("scheme summaries, the parts that can go wrong", () => {
  test("council LED schemes: Havering's saving is the sum of its parts, Ealing's total is checked", async () => {
    const [{ summary }] = summariseWorkbook(await workbook("council-led-schemes-summary.xlsx"));
    expect(summary.rows[0].savingCells).toEqual(["E4", "F4"]);
    // 154,000 + 59,000 = 213,000; 1,300,000 / 213,000 = 6.103 -> "6.1 years".
    expect(summary.rows[0].annualSaving!.toNumber()).toBe(213000);
    expect(summary.totals.map((t) => [t.cell, t.sumOfParts.toNumber(), t.status])).toEqual([
      ["G8", 500000, "match"],
    ]);
    const json = schemeSummaryJson(summary);
    expect(json.rows[5 - 1].computedYears).toBe(12);
    expect(json.rows[0].stated).toEqual({
      cell: "LED schemes!H4",
      text: "6.1 years",
      years: 6.1,
      computedYears: 6.1033,
      convention: "simple",
      matches: true,
    });
  });

  test("a printed payback that does not follow is reported (hot water tank lagging, 1.4 not 1.5 months)", async () => {
    const [{ summary }] = summariseWorkbook(await workbook("insulation-measures-summary.xlsx"));
    const lagging = summary.rows[0];
    // 15 / 130 x 12 = 1.3846 months, 1.4 at the one decimal stated.
    expect(lagging.computedYears!.times(12).toDecimalPlaces(4).toNumber()).toBe(1.3846);
    expect(lagging.matches).toBe(false);
    expect(summary.warnings).toEqual([
      "Payback!C5 holds '(Chimney Sheep)', not a figure: the saving of 'Chimney draught exclusion' is not known, so its payback cannot be checked.",
    ]);
  });

  test("'just under' holds below the figure and within one unit of it, not above it", () => {
    const s = statedInCell("just under four years")!;
    expect(s.qualifier).toBe("just under");
    const years = (x: number) => statedInCell("4 years")!.years.constructor(x) as Decimal;
    expect(statedHolds(s, years(3.84))).toBe(true);
    expect(statedHolds(s, years(4.01))).toBe(false);
    expect(statedHolds(s, years(2.9))).toBe(false);
  });
});

describe("periods down the rows, the parts that can go wrong", () => {
  test("quarters 0..13 under 'Q' are summed by year of the appraisal, quarter 0 as Year 0", async () => {
    // By hand: Year 0 = Q0 (575,000 out); Year 1 = Q1-Q4 4 x 25,000 = 100,000 (cumulative
    // -475,000); Year 2 = Q5-Q8 100,000 (-375,000); Year 3 = Q9-Q12 4 x 75,000 = 300,000
    // (-75,000); Year 4 = Q13 75,000 (0).
    const [{ analysis }] = analyseWorkbook(await workbook("quarters-payback.xlsx"), {
      sheet: "As printed",
    });
    expect(analysis.result.years.map((y) => [y.fy, n(y.net), n(y.cumulative)])).toEqual([
      ["Year 0", -575000, -575000],
      ["Year 1", 100000, -475000],
      ["Year 2", 100000, -375000],
      ["Year 3", 300000, -75000],
      ["Year 4", 75000, 0],
    ]);
  });

  test("a sheet of several schemes says so on the first, so a reader of one is not misled", async () => {
    const [{ analysis }] = analyseWorkbook(await workbook("two-alternatives-stacked.xlsx"));
    expect(analysis.schemes!.map((s) => s.scheme)).toEqual(["X", "Y"]);
    expect(analysis.model.warnings[0]).toBe(
      "Solution holds 2 schemes ('X', 'Y'), each analysed on its own; this is 'X'."
    );
  });

  test("the net line of a net-only table is said to be analysed as shown", async () => {
    const [{ analysis }] = analyseWorkbook(await workbook("machine-year0-down.xlsx"));
    expect(analysis.model.warnings).toContain(
      "B4 'Net Income', C4 'Depreciation': parts of D4 'Net Cash Flow' (it is their sum); counted through it, not again."
    );
  });
});

test("a workbook of scheme summaries only says so where it finds no payback grid", async () => {
  let message = "";
  try {
    analyseWorkbook(await workbook("council-led-schemes-summary.xlsx"));
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toBe(
    "No payback grid found on any sheet: no row of month or year headers with investment and return lines under it. 'LED schemes' holds a table of schemes with no timeline (a cost, an annual saving and a payback per scheme), read as a scheme summary rather than a payback grid."
  );
});
