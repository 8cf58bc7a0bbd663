import * as path from "path";
import { analysePayback, isItosError } from "../../src/engine";
import { readWorkbook, snapshotFromWorkbook } from "../../src/file";
import { detectGrid, findGrids, flowsFromModel, lineCell } from "../../src/grid/read";
import { a1, type WorkbookSnapshot } from "../../src/sheet";
import {
  buildLayoutWorkbook,
  LAYOUTS,
  type Layout,
  type LayoutExpectation,
} from "../support/layouts";

const FIXTURES = path.join(__dirname, "..", "fixtures");

const withGrid = LAYOUTS.filter(
  (l): l is Layout & { expected: LayoutExpectation } => l.expected !== null
);

function sheetOf(workbook: WorkbookSnapshot, name: string) {
  const sheet = workbook.sheets.find((s) => s.sheetName === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

test("there are at least six layouts besides Sandwell, one never paying back and one dipping again", () => {
  expect(LAYOUTS.length).toBeGreaterThanOrEqual(6);
  expect(withGrid.some((l) => l.expected.breakEven === null)).toBe(true);
  expect(withGrid.some((l) => l.expected.sustainedBreakEven !== l.expected.breakEven)).toBe(true);
});

describe.each(withGrid.map((l) => [l.file, l] as const))("%s", (file, layout) => {
  const expected = layout.expected;
  let workbook: WorkbookSnapshot;
  beforeAll(async () => {
    workbook = await readWorkbook(path.join(FIXTURES, file));
  });

  test("the committed fixture holds what the layout describes", () => {
    const built = snapshotFromWorkbook(buildLayoutWorkbook(layout));
    expect(workbook.sheets.map((s) => s.values)).toEqual(built.sheets.map((s) => s.values));
  });

  test("finds the periods, unit, sign convention and label column", () => {
    const model = detectGrid(sheetOf(workbook, expected.sheet));
    expect(model.periodicity).toBe(expected.periodicity);
    expect(model.periods).toHaveLength(expected.periodCount);
    expect(model.periods[0].period.key).toBe(expected.firstPeriod);
    expect(model.periods[model.periods.length - 1].period.key).toBe(expected.lastPeriod);
    expect(model.unit).toBe(expected.unit);
    expect(model.unitSource === null ? null : model.unitSource.split(":")[0]).toBe(
      expected.unitCell
    );
    expect(model.signConvention).toBe(expected.signConvention);
    expect(model.labelIndex).toBe(expected.labelCol);
    expect(model.orientation).toBe(expected.orientation ?? "periods-across");
    expect(model.warnings.length).toBeGreaterThan(0);
  });

  test("gives each line its role and sign", () => {
    const model = detectGrid(sheetOf(workbook, expected.sheet));
    expect(Object.fromEntries(model.lines.map((l) => [l.label, l.role]))).toEqual(expected.roles);
    for (const [label, sign] of Object.entries(expected.signs ?? {})) {
      expect([label, model.lines.find((l) => l.label === label)?.sign]).toEqual([label, sign]);
    }
  });

  test("the engine's answers through flowsFromModel match the hand-worked ones", () => {
    const sheet = sheetOf(workbook, expected.sheet);
    const result = analysePayback(flowsFromModel(detectGrid(sheet), sheet));
    const key = (i: number | null) => (i === null ? null : result.periods[i].key);
    expect(key(result.firstInvestment)).toBe(expected.firstInvestment);
    expect(key(result.crossover)).toBe(expected.crossover);
    if (expected.breakEven === null) {
      expect(result.breakEven.status).toBe("not-reached");
      if (result.breakEven.status === "not-reached")
        expect(result.breakEven.shortfall.toNumber()).toBe(expected.shortfall);
      expect(result.paybackMonths).toBeNull();
    } else {
      expect(result.breakEven.status).toBe("reached");
      if (result.breakEven.status !== "reached") return;
      expect(key(result.breakEven.index)).toBe(expected.breakEven);
      expect(key(result.breakEven.sustainedIndex)).toBe(expected.sustainedBreakEven);
      expect(result.paybackMonths?.toNumber()).toBeCloseTo(expected.paybackMonths as number, 9);
    }
    expect({
      investment: result.totals.investment.toNumber(),
      return: result.totals.return.toNumber(),
      net: result.totals.net.toNumber(),
    }).toEqual(expected.totals);
  });

  test("findGrids finds this sheet", () => {
    expect(findGrids(workbook).map((g) => g.sheetName)).toEqual([expected.sheet]);
  });
});

describe("layout-no-grid.xlsx", () => {
  test("a sheet of notes is not a grid: no-grid naming the sheet, and findGrids finds nothing", async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "layout-no-grid.xlsx"));
    expect(findGrids(workbook)).toEqual([]);
    let caught: unknown;
    try {
      detectGrid(workbook.sheets[0]);
    } catch (e) {
      caught = e;
    }
    expect(isItosError(caught) && caught.code).toBe("no-grid");
    expect((caught as Error).message).toContain("'Cover'");
  });
});

describe("details of particular layouts", () => {
  test("long row: FY subtotal columns between the years and a grand total, with formulas read", async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "layout-long-row.xlsx"));
    const sheet = workbook.sheets[0];
    const model = detectGrid(sheet);
    expect(model.blocks).toHaveLength(1);
    expect(
      model.blocks[0].totals.map((t) => `${a1(2, t.periodIndex)} ${t.kind} ${t.fy ?? ""}`.trim())
    ).toEqual(["N3 fy 2022/23", "AA3 fy 2023/24", "AB3 grand"]);
    // Row 4's 2022/23 subtotal: staffing 6 × 10,000 = 60,000 shown negative, kept as a formula.
    expect(sheet.values[3][13]).toBe(-60000);
    expect(sheet.formulas?.[3][13]).toBe("=SUM(B4:M4)");
    expect(sheet.numberFormats?.[3][13]).toBe("#,##0;(#,##0)");
    // Periods skip the subtotal column: Mar-23 in M, Apr-23 in O.
    expect(model.periods[11].periodIndex).toBe(12);
    expect(model.periods[12].periodIndex).toBe(14);
  });

  test("offset grid: bounds start at the label column D and the header row 6", async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "layout-offset-notes.xlsx"));
    const model = detectGrid(workbook.sheets[0]);
    expect(model.bounds.top).toBe(5);
    expect(model.bounds.left).toBe(3);
    // Header F6..Q6 months, R6 Total; S (notes) lies outside.
    expect(model.bounds.right).toBe(17);
    expect(model.blocks[0].totals).toEqual([
      { periodIndex: 17, kind: "grand", fy: null, header: "Total" },
    ]);
  });

  test("savings-negative: the stated net line reads the other way round", async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "layout-savings-negative-k.xlsx"));
    const model = detectGrid(workbook.sheets[0]);
    expect(model.unitSource).toBe("A1: £000s");
    expect(model.warnings[0]).toContain("savings are shown negative");
  });

  test("transposed: months down column A, lines across row 3, cells named as the user sees them", async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "layout-transposed.xlsx"));
    const sheet = workbook.sheets[0];
    const model = detectGrid(sheet);
    // Apr-23 in A4 .. Mar-24 in A15: period "columns" are sheet rows 3..14; Total in row 16.
    expect(model.periods.map((p) => p.periodIndex)).toEqual([
      3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    expect(model.blocks[0].totals).toEqual([
      { periodIndex: 15, kind: "grand", fy: null, header: "Total" },
    ]);
    expect(model.bounds).toEqual({ top: 2, left: 0, bottom: 15, right: 5 });
    const placements = model.lines.find((l) => l.label === "Savings - placements");
    if (!placements) throw new Error("no placements line");
    const aug = model.periods.findIndex((p) => p.period.key === "2023-08");
    expect(lineCell(model, placements, aug)).toEqual({ row: 7, col: 3 }); // D8
    expect(model.warnings[0]).toContain("(B3)");
  });

  test("transposed: a bad cell is named by its own address", async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "layout-transposed.xlsx"));
    const sheet = workbook.sheets[0];
    const values = sheet.values.map((r) => [...r]);
    values[7][3] = "tbc"; // D8
    const edited = { ...sheet, values };
    expect(() => flowsFromModel(detectGrid(edited), edited)).toThrow(
      "By month!D8 holds the text 'tbc' where an amount is expected."
    );
  });
});
