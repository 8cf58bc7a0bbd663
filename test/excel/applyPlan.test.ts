import { readActiveSheet } from "../../src/excel/readSnapshot";
import { applyPlanInContext } from "../../src/excel/applyPlan";
import { clearMarksInContext, removeOutputInContext } from "../../src/excel/removeOutput";
import { analyseSheet, planAnalysis, emptyPlan, type WritePlan } from "../../src/grid";
import { ItosError } from "../../src/engine";
import { a1 } from "../../src/sheet";
import { APPENDIX, sandwellHost, sandwellWorkbook } from "./sandwellHost";
import type { FakeDump, FakeHost } from "../browser/fakeExcelHost";

async function analyseInHost(
  host: FakeHost,
  valuesOnly = false
): Promise<{ plan: WritePlan; breakEvenIndex: number }> {
  const read = await host.Excel.run((ctx) => readActiveSheet(ctx));
  const analysis = analyseSheet(read.snapshot);
  const plan = planAnalysis(analysis, read.snapshot, { ownedCells: read.ownedCells, valuesOnly });
  const be = analysis.result.breakEven;
  return { plan: { ...plan, marks: [] }, breakEvenIndex: be.status === "reached" ? be.index : -1 };
}

function appendix(dump: FakeDump) {
  return dump.sheets.find((s) => s.name === APPENDIX)!;
}

/** Cells of the dump that are not inside the given rows (the user's own cells). */
function userCells(dump: FakeDump, firstOutputRow: number) {
  return Object.fromEntries(
    Object.entries(appendix(dump).cells).filter(
      ([a]) => Number(a.replace(/^[A-Z]+/, "")) < firstOutputRow
    )
  );
}

describe("applyPlan on the Sandwell appendix", () => {
  it("reads the same snapshot Excel would give and the pipeline finds break-even Jan-24", async () => {
    const host = await sandwellHost();
    const read = await host.Excel.run((ctx) => readActiveSheet(ctx));
    expect(host.model.syncs).toBe(2);
    expect(read.snapshot.sheetName).toBe(APPENDIX);
    const fromFile = analyseSheet(
      (await sandwellWorkbook()).sheets.find((s) => s.sheetName === APPENDIX)!
    );
    const fromExcel = analyseSheet(read.snapshot);
    expect(fromExcel.result.paybackMonths!.toFixed(6)).toBe(
      fromFile.result.paybackMonths!.toFixed(6)
    );
    const be = fromExcel.result.breakEven;
    expect(be.status === "reached" && fromExcel.result.periods[be.index].key).toBe("2024-01");
    expect(Number(fromExcel.result.paybackMonths)).toBeCloseTo(24.48, 2);
  });

  it("writes the outputs below the grid, leaves every user cell as it was, and removes them exactly", async () => {
    const host = await sandwellHost();
    const before = host.model.dump();
    const { plan, breakEvenIndex } = await analyseInHost(host);
    const firstOutputRow = Math.min(...plan.cells.map((c) => c.row)) + 1;
    expect(plan.newSheet).toBeNull();
    expect(firstOutputRow).toBeGreaterThan(57); // the grid ends at row 57

    const syncsBefore = host.model.syncs;
    const result = await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    expect(result.syncs).toBe(2);
    expect(host.model.syncs - syncsBefore).toBe(2);

    const after = host.model.dump();
    expect(userCells(after, firstOutputRow)).toEqual(userCells(before, firstOutputRow));
    // Every planned cell is there, formulas as formulas, texts as texts.
    const cells = appendix(after).cells;
    for (const c of plan.cells) {
      const got = cells[`${String.fromCharCode(65 + c.col)}${c.row + 1}`];
      if (c.formula) expect(got.f).toBe(c.formula);
      else if (c.value !== null) expect(got.v).toBe(c.value);
    }
    expect(after.names.map((n) => n.name).sort()).toEqual(plan.names.map((n) => n.name).sort());
    expect(appendix(after).conditionalFormats).toHaveLength(plan.conditionalFormats.length);
    const [chart] = appendix(after).charts;
    expect(chart.name).toBe("ITOS_Chart");
    expect(chart.type).toBe("Line");
    // The break-even point of the chart is the engine's break-even period.
    expect(Object.keys(chart.series[0].points)).toEqual([String(breakEvenIndex)]);
    expect(chart.series[0].points[breakEvenIndex].hasDataLabel).toBe(true);

    const removed = await host.Excel.run((ctx) => removeOutputInContext(ctx));
    expect(removed.chartRemoved).toBe(true);
    const cleaned = host.model.dump();
    expect(cleaned.sheets).toEqual(before.sheets);
    expect(cleaned.names).toEqual([]);
  });

  it("re-applying replaces the previous output instead of refusing or duplicating it", async () => {
    const host = await sandwellHost();
    const first = await analyseInHost(host);
    await host.Excel.run((ctx) => applyPlanInContext(ctx, first.plan));
    const once = host.model.dump();
    const second = await analyseInHost(host);
    expect(second.plan.newSheet).toBeNull();
    await host.Excel.run((ctx) => applyPlanInContext(ctx, second.plan));
    const twice = host.model.dump();
    expect(twice.sheets).toEqual(once.sheets);
    expect(twice.names).toEqual(once.names);
    expect(appendix(twice).charts).toHaveLength(1);
  });

  it("values-only writes plain numbers where formulas would go", async () => {
    const host = await sandwellHost();
    const formulaCount = (d: FakeDump) =>
      Object.values(appendix(d).cells).filter((c) => c.f).length;
    const before = formulaCount(host.model.dump());
    const { plan } = await analyseInHost(host, true);
    const live = await analyseInHost(await sandwellHost(), false);
    expect(live.plan.cells.filter((c) => c.formula).length).toBeGreaterThan(40);
    await host.Excel.run((ctx) => applyPlanInContext(ctx, plan, { valuesOnly: true }));
    expect(formulaCount(host.model.dump())).toBe(before);
    const cum = plan.cells.filter((c) => c.col === 4 && typeof c.value === "number").pop()!;
    expect(appendix(host.model.dump()).cells[`E${cum.row + 1}`].v).toBe(cum.value);
  });

  it("refuses to write over a non-empty user cell, names it, and writes nothing", async () => {
    const host = await sandwellHost();
    const { plan } = await analyseInHost(host);
    const target = plan.cells.find((c) => c.formula)!;
    // The user types into a cell of the output area after the plan was made.
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(APPENDIX).getRange(a1(target.row, target.col)).values = [
        ["my note"],
      ];
      await ctx.sync();
    });
    const before = host.model.dump();
    const attempt = host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    await expect(attempt).rejects.toBeInstanceOf(ItosError);
    await expect(attempt).rejects.toThrow(
      `Appendix 1!${a1(target.row, target.col)} already holds 'my note'`
    );
    expect(host.model.dump()).toEqual(before);
  });

  it("marks a cell with a fill and a note, keeps a user's own note, and clears marks back to the original", async () => {
    const host = await sandwellHost();
    await host.Excel.run(async (ctx) => {
      ctx.workbook.notes.add("'Appendix 1'!N17", "user's own note");
      ctx.workbook.worksheets.getItem(APPENDIX).getRange("H6").format.fill.color = "#FFFF00";
      await ctx.sync();
    });
    const before = host.model.dump();
    const marks: WritePlan = {
      ...emptyPlan(),
      marks: [
        {
          sheet: APPENDIX,
          row: 5,
          col: 7,
          fill: "#FFC7CE",
          note: "Stated 35,000; parts add to 35,001.",
        },
        { sheet: APPENDIX, row: 16, col: 13, fill: "#FFC7CE", note: "Stated total differs." },
      ],
    };
    await host.Excel.run((ctx) => applyPlanInContext(ctx, marks));
    const marked = host.model.dump();
    expect(appendix(marked).cells.H6.fill).toBe("#FFC7CE");
    expect(marked.notes["Appendix 1!H6"]).toBe("Stated 35,000; parts add to 35,001.");
    expect(marked.notes["Appendix 1!N17"]).toBe("user's own note");
    expect(appendix(marked).cells.H6.v).toBe(appendix(before).cells.H6.v);

    expect(await host.Excel.run((ctx) => clearMarksInContext(ctx))).toBe(2);
    expect(host.model.dump()).toEqual(before);
  });
});

describe("marks that come with an analysis", () => {
  it("never treats a marked user cell as output: re-run and Remove keep its value", async () => {
    const host = await sandwellHost();
    // A wrong FY total on the sheet itself: the analysis plans a mark (and a name for it) on H4.
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(APPENDIX).getRange("H4").values = [[-36000]];
      await ctx.sync();
    });
    const read = await host.Excel.run((ctx) => readActiveSheet(ctx));
    const analysis = analyseSheet(read.snapshot);
    const plan = planAnalysis(analysis, read.snapshot, { ownedCells: read.ownedCells });
    expect(plan.marks.map((m) => a1(m.row, m.col))).toContain("H4");
    expect(plan.names.some((n) => n.ref.endsWith("$H$4"))).toBe(true);

    await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    expect(appendix(host.model.dump()).cells.H4.fill).toBe(
      plan.marks.find((m) => m.col === 7)!.fill
    );
    await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    expect(appendix(host.model.dump()).cells.H4.v).toBe(-36000);

    await host.Excel.run((ctx) => removeOutputInContext(ctx));
    const after = appendix(host.model.dump()).cells;
    expect(after.H4.v).toBe(-36000);
    expect(after.A4.v).toBe("Investment from SMBC");
  });
});

describe("output on a sheet of its own", () => {
  const { analysisPlan, detectInContext } = jest.requireActual(
    "../../src/excel/operations"
  ) as typeof import("../../src/excel/operations");

  async function planFor(host: FakeHost, newSheet: boolean): Promise<WritePlan> {
    const detection = await host.Excel.run((ctx) => detectInContext(ctx, {}));
    return analysisPlan(detection, { options: {}, newSheet });
  }

  it("creates 'ITOS Analysis', replaces it on a re-run, moves back below the grid, and removes it", async () => {
    const host = await sandwellHost();
    const before = host.model.dump();
    const plan = await planFor(host, true);
    expect(plan.newSheet).toBe("ITOS Analysis");
    await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    const once = host.model.dump();
    expect(once.sheets.map((s) => s.name)).toEqual([
      ...before.sheets.map((s) => s.name),
      "ITOS Analysis",
    ]);
    expect(once.sheets.filter((s) => s.name !== "ITOS Analysis")).toEqual(before.sheets);
    const itos = once.sheets.find((s) => s.name === "ITOS Analysis")!;
    // Live formulas over the user's sheet.
    expect(Object.values(itos.cells).some((c) => c.f?.includes("'Appendix 1'!"))).toBe(true);
    expect(once.names.map((n) => n.name)).toContain("ITOS_Sheet");

    await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    expect(host.model.dump().sheets).toEqual(once.sheets);

    const below = await planFor(host, false);
    expect(below.newSheet).toBeNull();
    await host.Excel.run((ctx) => applyPlanInContext(ctx, below));
    const moved = host.model.dump();
    expect(moved.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(appendix(moved).charts).toHaveLength(1);

    // And back to a new sheet: the chart below the grid goes with the rest of the old output.
    await host.Excel.run((ctx) => applyPlanInContext(ctx, plan));
    expect(appendix(host.model.dump())).toEqual(appendix(before));

    await host.Excel.run((ctx) => removeOutputInContext(ctx));
    const removed = host.model.dump();
    expect(removed.sheets).toEqual(before.sheets);
    expect(removed.names).toEqual([]);
  });

  it("refuses to write into a sheet called 'ITOS Analysis' that the user made", async () => {
    const host = await sandwellHost();
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add("ITOS Analysis").getRange("A1").values = [["my workings"]];
      ctx.workbook.worksheets.getItem(APPENDIX).activate();
      await ctx.sync();
    });
    const before = host.model.dump();
    const plan = await planFor(host, true);
    // The pane's plan takes the next free name, as the command line does.
    expect(plan.newSheet).toBe("ITOS Analysis (2)");
    // A plan that names the user's sheet anyway is refused, with nothing written.
    const forced = JSON.parse(
      JSON.stringify(plan).split("ITOS Analysis (2)").join("ITOS Analysis")
    ) as WritePlan;
    await expect(host.Excel.run((ctx) => applyPlanInContext(ctx, forced))).rejects.toThrow(
      "A sheet called 'ITOS Analysis' already exists and ITOS did not create it"
    );
    expect(host.model.dump()).toEqual(before);
  });
});
