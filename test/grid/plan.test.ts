/**
 * The write plan: where the ITOS section goes, that it never covers a user's cell, and that every
 * formula it plans computes (recalculated with HyperFormula) the number the engine cached beside it.
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import {
  a1,
  cellKey,
  ownedCellKeys,
  cellAt,
  formulaAt,
  isBlank,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/sheet";
import { analyseSheet, planAnalysis, type PlannedCell, type WritePlan } from "../../src/grid";
import { recalculatePlan } from "../file/recalculate";

const FIXTURE = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");

let workbook: WorkbookSnapshot;
beforeAll(async () => {
  workbook = await readWorkbook(FIXTURE);
});

function appendix(): SheetSnapshot {
  const s = workbook.sheets.find((x) => x.sheetName === "Appendix 1");
  if (!s) throw new Error("fixture lacks Appendix 1");
  return s;
}

/** A small case with text amounts: "(500)" and "-" cannot be added by an Excel formula. */
function caseSheet(extraRows: CellValue[][] = []): SheetSnapshot {
  return {
    sheetName: "Case Flows",
    top: 0,
    left: 0,
    values: [
      ["Invest to save case", null, null, null, null],
      [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
      ["Investment", -1000, "(500)", "-", null],
      ["Saving", 0, 400, 700, 900],
      ...extraRows,
    ],
  };
}

function cellOf(plan: WritePlan, sheet: string, address: string): PlannedCell {
  const c = plan.cells.find((x) => x.sheet === sheet && a1(x.row, x.col) === address);
  if (!c) throw new Error(`no planned cell at ${sheet}!${address}`);
  return c;
}

/** Every planned formula recomputes to its cached value; returns how many were checked. */
function expectFormulasComputeTheirCache(snapshots: SheetSnapshot[], plan: WritePlan): number {
  const calc = recalculatePlan(snapshots, plan);
  const formulas = plan.cells.filter((c) => c.formula);
  for (const c of formulas) {
    // A lone reference to a blank cell shows 0 in Excel; HyperFormula reports it as empty.
    const got = calc(c.sheet, c.row, c.col) ?? 0;
    if (typeof c.value !== "number")
      throw new Error(`${c.sheet}!${a1(c.row, c.col)} caches ${String(c.value)}`);
    expect({ cell: `${c.sheet}!${a1(c.row, c.col)}`, value: got }).toEqual({
      cell: `${c.sheet}!${a1(c.row, c.col)}`,
      value: expect.closeTo(c.value, 6),
    });
  }
  return formulas.length;
}

function expectOnlyBlankTargets(
  snapshot: SheetSnapshot,
  plan: WritePlan,
  owned: ReadonlySet<string> = new Set()
): void {
  for (const c of plan.cells.filter((x) => x.sheet === snapshot.sheetName)) {
    const free =
      (isBlank(cellAt(snapshot, c.row, c.col)) && formulaAt(snapshot, c.row, c.col) === null) ||
      owned.has(cellKey(c.sheet, c.row, c.col));
    expect({ cell: a1(c.row, c.col), free }).toEqual({ cell: a1(c.row, c.col), free: true });
  }
}

describe("the write plan on the Sandwell appendix", () => {
  let plan: WritePlan;
  beforeAll(() => {
    plan = planAnalysis(analyseSheet(appendix(), {}, workbook), appendix());
  });

  test("goes below the grid (last grid row 57) after one blank row, on the same sheet", () => {
    expect(plan.newSheet).toBeNull();
    expect(cellOf(plan, "Appendix 1", "A59").value).toBe("ITOS analysis (£)");
    expect(plan.cells.some((c) => c.row === 57)).toBe(false);
    expectOnlyBlankTargets(appendix(), plan);
  });

  test("refers to the user's cells: Jan-22 investment is E4+E5, Jan-23 return adds K22..K26", () => {
    const periodCol = plan.cells.filter((c) => c.col === 0 && c.value === "Jan-22");
    expect(periodCol).toHaveLength(1);
    const jan22 = periodCol[0].row;
    expect(plan.cells.find((c) => c.row === jan22 && c.col === 1)).toMatchObject({
      formula: "=E4+E5",
      value: -11667,
    });
    const jan23 = plan.cells.find((c) => c.col === 0 && c.value === "Jan-23") as PlannedCell;
    expect(plan.cells.find((c) => c.row === jan23.row && c.col === 2)?.formula).toBe(
      "=K22+K23+K24+K25+K26"
    );
  });

  test("every formula (period table, year table, totals, ROI, NPV) recomputes to the engine's cached number", () => {
    const checked = expectFormulasComputeTheirCache([appendix()], plan);
    // 42 periods x 4 columns, 4 years x 4 columns, 5 KPI formulas.
    expect(checked).toBe(42 * 4 + 4 * 4 + 5);
  });

  test("the recomputed cumulative ends near the paper's 333.5k and turns positive in Jan-24 only", () => {
    const calc = recalculatePlan([appendix()], plan);
    const labels = plan.cells.filter(
      (c) => c.col === 0 && typeof c.value === "string" && /^[A-Z][a-z]{2}-\d\d$/.test(c.value)
    );
    expect(labels).toHaveLength(42);
    const cumulative = labels.map((l) => calc("Appendix 1", l.row, 4) as number);
    expect(Math.abs(cumulative[41] - 333529)).toBeLessThan(50);
    const crossings = cumulative
      .map((c, i) => i > 0 && c >= 0 && cumulative[i - 1] < 0)
      .map((hit, i) => (hit ? labels[i].value : null))
      .filter(Boolean);
    expect(crossings).toEqual(["Jan-24"]);
  });

  test("the break-even highlight is a rule over the period table that compares each cumulative with the one above", () => {
    expect(plan.conditionalFormats).toEqual([
      {
        sheet: "Appendix 1",
        range: "A81:E121",
        formula: "=AND($E81>=0,$E80<0)",
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
    ]);
    expect(plan.names.find((n) => n.name === "ITOS_BreakEven")?.ref).toBe(
      "'Appendix 1'!$A$107:$E$107"
    );
    expect(cellOf(plan, "Appendix 1", "A107").value).toBe("Jan-24");
  });

  test("tags the section, KPIs, year table and cumulative column with ITOS_ names", () => {
    expect(Object.fromEntries(plan.names.map((n) => [n.name, n.ref]))).toEqual({
      ITOS_Output: "'Appendix 1'!$A$59:$F$129",
      ITOS_KPIs: "'Appendix 1'!$A$60:$D$71",
      ITOS_YearSummary: "'Appendix 1'!$A$73:$E$77",
      ITOS_Cumulative: "'Appendix 1'!$E$80:$E$121",
      ITOS_BreakEven: "'Appendix 1'!$A$107:$E$107",
      ITOS_Sensitivity: "'Appendix 1'!$A$123:$E$129",
      // The Summary sheet's 2024/25 saving disagrees with the appendix: that cell and the four it breaks are marked.
      ITOS_Marks_1: "Summary!$E$5",
      ITOS_Marks_2: "Summary!$F$5",
      ITOS_Marks_3: "Summary!$E$6",
      ITOS_Marks_4: "Summary!$F$6",
      ITOS_Marks_5: "Summary!$E$7",
    });
    expect(plan.marks.find((m) => m.row === 4 && m.col === 4)?.note).toContain("425,744");
  });

  test("the KPI block states the paper's answers: first investment Jan-22, crossover Jan-23, break-even Jan-24, 24.48 months", () => {
    const kpi = (label: RegExp): PlannedCell => {
      const l = plan.cells.find(
        (c) => c.col === 0 && typeof c.value === "string" && label.test(c.value)
      ) as PlannedCell;
      return plan.cells.find((c) => c.row === l.row && c.col === 3) as PlannedCell;
    };
    expect(kpi(/^First investment/).value).toBe("Jan-22");
    expect(kpi(/^Crossover/).value).toBe("Jan-23");
    expect(kpi(/^Break-even/).value).toBe("Jan-24");
    expect(kpi(/^Payback, months/).value).toBeCloseTo(24.48, 2);
    expect(kpi(/^Total investment/).formula).toBe("=SUM(B80:B121)");
  });

  test("a chart of the cumulative position by period is planned beside the table", () => {
    expect(plan.charts).toEqual([
      expect.objectContaining({
        categoriesRef: "'Appendix 1'!$A$80:$A$121",
        valuesRef: "'Appendix 1'!$E$80:$E$121",
      }),
    ]);
  });
});

describe("the write plan on hand-made cases", () => {
  test("text amounts are written as values with a note naming the cell; the rest stays live", () => {
    const sheet = caseSheet();
    const plan = planAnalysis(analyseSheet(sheet), sheet);
    const may = plan.cells.find((c) => c.col === 0 && c.value === "May-22") as PlannedCell;
    const at = (col: number): PlannedCell | undefined =>
      plan.cells.find((c) => c.row === may.row && c.col === col);
    expect(at(1)).toMatchObject({ value: -500 });
    expect(at(1)?.formula).toBeUndefined();
    expect(at(2)).toMatchObject({ formula: "=C4", value: 400 });
    expect(String(at(5)?.value)).toContain("C3 holds the text '(500)'");
    expect(expectFormulasComputeTheirCache([sheet], plan)).toBeGreaterThan(10);
    expectOnlyBlankTargets(sheet, plan);
  });

  test("with a note under the grid there is no room: a new 'ITOS Analysis' sheet with sheet-qualified formulas", () => {
    const sheet = caseSheet([[null], ["Source: finance team, not for publication"]]);
    const plan = planAnalysis(analyseSheet(sheet), sheet);
    expect(plan.newSheet).toBe("ITOS Analysis");
    expect(plan.cells.every((c) => c.sheet === "ITOS Analysis")).toBe(true);
    const apr = plan.cells.find((c) => c.col === 0 && c.value === "Apr-22") as PlannedCell;
    expect(plan.cells.find((c) => c.row === apr.row && c.col === 1)?.formula).toBe(
      "='Case Flows'!B3"
    );
    expect(expectFormulasComputeTheirCache([sheet], plan)).toBeGreaterThan(10);
  });

  test("cells of earlier ITOS output (inside ITOS_ names) may be overwritten; nothing else may", () => {
    const sheet = caseSheet([[null], ["ITOS analysis (£)"]]);
    const blocked = planAnalysis(analyseSheet(sheet), sheet);
    expect(blocked.newSheet).toBe("ITOS Analysis");
    const owned = ownedCellKeys([{ name: "ITOS_Output", ref: "'Case Flows'!$A$6:$F$27" }]);
    const plan = planAnalysis(analyseSheet(sheet), sheet, { ownedCells: owned });
    expect(plan.newSheet).toBeNull();
    expect(cellOf(plan, "Case Flows", "A6").value).toBe("ITOS analysis (£)");
    expectOnlyBlankTargets(sheet, plan, owned);
  });

  test("values-only plans the same numbers with no formulas", () => {
    const sheet = appendix();
    const analysis = analyseSheet(sheet, {}, workbook);
    const live = planAnalysis(analysis, sheet);
    const values = planAnalysis(analysis, sheet, { valuesOnly: true });
    expect(values.cells.filter((c) => c.formula)).toHaveLength(0);
    const key = (c: PlannedCell): string => `${c.row},${c.col}`;
    const liveValues = new Map(live.cells.filter((c) => c.col !== 5).map((c) => [key(c), c.value]));
    expect(new Map(values.cells.filter((c) => c.col !== 5).map((c) => [key(c), c.value]))).toEqual(
      liveValues
    );
  });

  test("a second analysed sheet's names carry its suffix so they never collide", () => {
    const sheet = caseSheet();
    const plan = planAnalysis(analyseSheet(sheet), sheet, { nameSuffix: "_Case_Flows" });
    expect(plan.names.map((n) => n.name)).toEqual([
      "ITOS_Output_Case_Flows",
      "ITOS_KPIs_Case_Flows",
      "ITOS_YearSummary_Case_Flows",
      "ITOS_Cumulative_Case_Flows",
      "ITOS_BreakEven_Case_Flows",
      "ITOS_Sensitivity_Case_Flows",
    ]);
  });
});
