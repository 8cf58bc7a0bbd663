/**
 * Safe writes in Excel, on the test host: ITOS recognises only what it wrote (names by the marker
 * in their comment, cells by ITOS's cell style and the section's digest), so a user's own ITOS_
 * name, their own "ITOS Analysis" sheet, what they type inside ITOS's block, the rows they insert
 * inside the grid and the fills they set all survive Analyse, re-Analyse, Clear marks and Remove.
 */
import { analyseInContext, reconcileInContext } from "../../src/excel/operations";
import { clearMarksInContext, removeOutputInContext } from "../../src/excel/removeOutput";
import { createFakeExcel, type FakeDump, type FakeHost } from "../browser/fakeExcelHost";

const BLUE = "#DDEBF7";
const MARK = "#FFC7CE";

/**
 * A monthly case whose Net row is wrong in May (-90 for -100), June (710 for 700) and its total
 * (520 for 500). Net flows -1000, -100, 700, 900: the cumulative position is -1000, -1100, -400
 * and 500 (hand-computed), so it breaks even in Jul-22.
 */
function caseHost(
  options?: { excelApi?: string },
  extraSheets: { sheetName: string; values: unknown[][] }[] = []
): FakeHost {
  return createFakeExcel(
    {
      sheets: [
        {
          sheetName: "Case",
          values: [
            [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Total"],
            ["Investment", -1000, -500, null, null, -1500],
            ["Saving", 0, 400, 700, 900, 2000],
            ["Net", -1000, -90, 710, 900, 520],
          ],
        },
        ...extraSheets,
      ],
      active: "Case",
    },
    options
  );
}

function sheet(dump: FakeDump, name = "Case") {
  return dump.sheets.find((s) => s.name === name)!;
}

async function run<T>(host: FakeHost, fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return host.Excel.run(fn);
}

const analyse = (host: FakeHost, newSheet = false, valuesOnly = false) =>
  run(host, (ctx) => analyseInContext(ctx, { options: {}, newSheet, valuesOnly }));

async function type(host: FakeHost, address: string, value: string | number, sheetName = "Case") {
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem(sheetName).getRange(address).values = [[value]];
    await ctx.sync();
  });
}

async function fill(host: FakeHost, address: string, color: string) {
  await run(host, async (ctx) => {
    ctx.workbook.worksheets.getItem("Case").getRange(address).format.fill.color = color;
    await ctx.sync();
  });
}

/** The row (1-based) of the cell holding exactly this text, on the sheet. */
function rowOf(dump: FakeDump, text: string, sheetName = "Case"): number[] {
  return Object.entries(sheet(dump, sheetName).cells)
    .filter(([, c]) => c.v === text)
    .map(([a]) => Number(a.replace(/^[A-Z]+/, "")));
}

function outputRef(dump: FakeDump): string | undefined {
  return dump.names.find((n) => n.name === "ITOS_Output")?.formula;
}

/** The ITOS-styled cells of a sheet: what ITOS wrote and still owns. */
function itosCells(dump: FakeDump, sheetName = "Case"): string[] {
  return Object.entries(sheet(dump, sheetName).cells)
    .filter(([, c]) => c.st === "ITOS Payback output")
    .map(([a]) => a);
}

describe("a user's own ITOS_ name and their own 'ITOS Analysis' sheet", () => {
  test("survive Analyse, re-Analyse, Reconcile, Clear marks and Remove untouched", async () => {
    const host = caseHost(undefined, [
      { sheetName: "ITOS Analysis", values: [["My own working"]] },
    ]);
    await run(host, async (ctx) => {
      ctx.workbook.names.add("ITOS_Budget", "=Case!$B$2:$C$2", "Budget lines");
      ctx.workbook.names.add("ITOS_Mark_1", "=Case!$A$1", "");
      await ctx.sync();
    });
    const mine = (d: FakeDump) => ({
      names: d.names.filter((n) => n.name === "ITOS_Budget" || n.name === "ITOS_Mark_1"),
      cells: sheet(d, "ITOS Analysis").cells,
      b2: sheet(d).cells.B2,
    });
    const before = mine(host.model.dump());
    expect(before.names).toHaveLength(2);

    await analyse(host, true); // to a sheet of its own: not the user's "ITOS Analysis"
    const afterAnalyse = host.model.dump();
    expect(mine(afterAnalyse)).toEqual(before);
    expect(afterAnalyse.sheets.map((s) => s.name)).toEqual([
      "Case",
      "ITOS Analysis",
      "ITOS Analysis (2)",
    ]);
    expect(sheet(afterAnalyse, "ITOS Analysis (2)").cells.A1.v).toBe("ITOS analysis (£)");

    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("Case").activate();
      await ctx.sync();
    });
    await analyse(host, true); // re-run reuses ITOS's own sheet
    expect(host.model.dump().sheets.map((s) => s.name)).toEqual([
      "Case",
      "ITOS Analysis",
      "ITOS Analysis (2)",
    ]);
    const rec = await run(host, (ctx) => reconcileInContext(ctx, {}));
    expect(rec.marksWritten).toBe(3);
    // ITOS's marks are numbered past the user's ITOS_Mark_1.
    expect(
      host.model
        .dump()
        .names.map((n) => n.name)
        .filter((n) => n.startsWith("ITOS_Mark_"))
        .sort()
    ).toEqual(["ITOS_Mark_1", "ITOS_Mark_2", "ITOS_Mark_3", "ITOS_Mark_4"]);
    expect(await run(host, (ctx) => clearMarksInContext(ctx))).toBe(3);
    expect(mine(host.model.dump())).toEqual(before);

    await run(host, (ctx) => removeOutputInContext(ctx));
    const removed = host.model.dump();
    expect(mine(removed)).toEqual(before);
    expect(removed.sheets.map((s) => s.name)).toEqual(["Case", "ITOS Analysis"]);
    expect(removed.names.map((n) => n.name).sort()).toEqual(["ITOS_Budget", "ITOS_Mark_1"]);
  });

  test("a user's name that ITOS would write stops Analyse, naming it, with nothing written", async () => {
    const host = caseHost();
    await run(host, async (ctx) => {
      ctx.workbook.names.add("ITOS_Output", "=Case!$A$1:$F$4", "");
      await ctx.sync();
    });
    const before = host.model.dump();
    await expect(analyse(host)).rejects.toThrow(
      "The workbook already has a name ITOS_Output that ITOS did not write"
    );
    expect(host.model.dump()).toEqual(before);
  });
});

describe("typing inside ITOS's output block", () => {
  test("in a cell ITOS left empty: the text stays, and the re-run writes clear of it", async () => {
    const host = caseHost();
    await analyse(host);
    const first = host.model.dump();
    expect(outputRef(first)).toBe("=Case!$A$6:$F$35");
    expect(sheet(first).cells.F7).toBeUndefined();
    await type(host, "F7", "Agreed at CMT");

    await analyse(host);
    const second = host.model.dump();
    expect(sheet(second).cells.F7.v).toBe("Agreed at CMT");
    // The remark now belongs above the section, so it starts two rows lower (as the file adapter does).
    expect(outputRef(second)).toBe("=Case!$A$9:$F$38");
    expect(rowOf(second, "ITOS analysis (£)")).toEqual([9]);
    // None of the old block's ITOS cells is left above the new one.
    expect(itosCells(second).every((a) => Number(a.replace(/^[A-Z]+/, "")) >= 9)).toBe(true);
    // The section is whole again: its title, its KPI labels and its cumulative formulas.
    expect(itosCells(second).length).toBe(itosCells(first).length);

    await run(host, (ctx) => removeOutputInContext(ctx));
    const removed = host.model.dump();
    expect(sheet(removed).cells.F7.v).toBe("Agreed at CMT");
    expect(itosCells(removed)).toEqual([]);
  });

  test("over a cell ITOS wrote: the section is left as the user made it, the output moves clear, and the pane is told", async () => {
    const host = caseHost();
    await analyse(host);
    const first = host.model.dump();
    // Overwrite ITOS's first KPI label (the style stays, as typing keeps a cell's style).
    const label = Object.entries(sheet(first).cells).find(
      ([a, c]) => a.startsWith("A") && c.st && typeof c.v === "string" && Number(a.slice(1)) === 7
    )!;
    await type(host, label[0], "My own figure");
    expect(sheet(host.model.dump()).cells[label[0]].st).toBe("ITOS Payback output");

    const again = await analyse(host);
    const second = host.model.dump();
    expect(sheet(second).cells[label[0]].v).toBe("My own figure");
    expect(again.applied.leftAlone.length).toBeGreaterThan(0);
    expect(again.applied.leftAlone[0]).toMatch(/^Case!A\d+:[A-Z]+\d+$/);
    // The changed KPI block is the user's now, so the output went clear of it: to a sheet of its own.
    expect(again.applied.leftAlone).toEqual(["Case!A7:D18"]);
    expect(outputRef(second)).toBe("='ITOS Analysis'!$A$1:$F$30");
    expect(sheet(second, "ITOS Analysis").cells.A1.v).toBe("ITOS analysis (£)");
    // The old block's other sections were ITOS's and unchanged: cleared (its title in A6 too).
    expect(sheet(second).cells.A6).toBeUndefined();
    expect(itosCells(second).every((a) => /^[A-D]([7-9]|1[0-8])$/.test(a))).toBe(true);

    await run(host, (ctx) => removeOutputInContext(ctx));
    expect(sheet(host.model.dump()).cells[label[0]].v).toBe("My own figure");
  });
});

describe("rows the user inserts inside the grid", () => {
  test("move ITOS's block down with the grid; the re-run replaces it in full, below the longer grid", async () => {
    const host = caseHost();
    await analyse(host, false, true);
    host.model.insertRows("Case", 2, 1); // a new line between Investment and Saving
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("Case").getRange("A3:F3").values = [
        ["Consultancy investment", -200, null, null, null, -200],
      ];
      await ctx.sync();
    });
    expect(outputRef(host.model.dump())).toBe("=Case!$A$7:$F$36");
    await analyse(host, false, true);
    const after = host.model.dump();
    expect(outputRef(after)).toBe("=Case!$A$7:$F$36");
    expect(rowOf(after, "ITOS analysis (£)")).toEqual([7]);
    // Net flows -1200, -100, 700, 900: cumulative -1200, -1300, -600, 300 (hand-computed).
    const cumulative = Object.values(sheet(after).cells)
      .filter((c) => c.st)
      .map((c) => c.v);
    expect(cumulative).toContain(300);
    expect(cumulative).not.toContain(500);
    expect(after.names.filter((n) => n.name.startsWith("ITOS_Output"))).toHaveLength(1);
  });
});

describe("fills", () => {
  test("Remove gives back the fill a mark replaced, and keeps a fill the user set inside ITOS's block", async () => {
    const host = caseHost();
    await fill(host, "C4", BLUE);
    await analyse(host);
    await fill(host, "E8", BLUE); // inside the block, in a cell ITOS did not write
    expect(itosCells(host.model.dump())).not.toContain("E8");
    await run(host, (ctx) => reconcileInContext(ctx, {}));
    expect(sheet(host.model.dump()).cells.C4.fill).toBe(MARK);

    await analyse(host); // re-Analyse keeps both
    expect(sheet(host.model.dump()).cells.E8.fill).toBe(BLUE);

    await run(host, (ctx) => removeOutputInContext(ctx));
    const removed = host.model.dump();
    expect(sheet(removed).cells.C4.fill).toBe(BLUE);
    expect(sheet(removed).cells.D4.fill).toBeUndefined();
    expect(sheet(removed).cells.E8.fill).toBe(BLUE);
    expect(itosCells(removed)).toEqual([]);
  });
});

describe("before ExcelApi 1.9 (no getCellProperties)", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });
  test("ITOS's cells are told apart one by one, with the same result", async () => {
    const host = caseHost({ excelApi: "1.8" });
    (globalThis as { Office?: unknown }).Office = host.Office;
    await analyse(host);
    await type(host, "F7", "Agreed at CMT");
    await analyse(host);
    const second = host.model.dump();
    expect(sheet(second).cells.F7.v).toBe("Agreed at CMT");
    expect(outputRef(second)).toBe("=Case!$A$9:$F$38");
    await run(host, (ctx) => removeOutputInContext(ctx));
    expect(itosCells(host.model.dump())).toEqual([]);
    expect(sheet(host.model.dump()).cells.F7.v).toBe("Agreed at CMT");
  });
});

describe("a user's conditional formats", () => {
  /** Adds a custom rule the way a user's own add-in or macro would: Office.js, one sync. */
  async function addRule(host: FakeHost, range: string, formula: string, color: string) {
    await run(host, async (ctx) => {
      const rule = ctx.workbook.worksheets
        .getItem("Case")
        .getRange(range)
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      rule.custom.rule.formula = formula;
      rule.custom.format.fill.color = color;
      await ctx.sync();
    });
  }
  const rules = (host: FakeHost) => sheet(host.model.dump()).conditionalFormats;
  // ITOS's break-even highlight on this case: the period rows 25-27 (Apr-22 is row 24, the
  // first row it can flag is May-22's), flagged where the cumulative (column E) turns >= 0.
  const itosRule = { range: "A25:E27", formula: "=AND($E25>=0,$E24<0)" };
  const spanning = { range: "A1:H40", formula: "=LEN($A1)>20" };
  const apart = { range: "H1:H4", formula: "=H1<0" };
  const insideSection = { range: "D8:D12", formula: "=D8>0" };

  test("one over the output area, one apart and one inside ITOS's section all survive Analyse, re-Analyse and Remove; ITOS's own goes", async () => {
    const host = caseHost();
    await addRule(host, spanning.range, spanning.formula, BLUE);
    await addRule(host, apart.range, apart.formula, BLUE);
    await analyse(host);
    const ranges = () => rules(host).map((r) => ({ range: r.range, formula: r.formula }));
    expect(ranges()).toEqual([spanning, apart, itosRule]);
    // Inside ITOS's KPI block, added after ITOS wrote it: a rule a clear-all would take too.
    await addRule(host, insideSection.range, insideSection.formula, MARK);

    await analyse(host); // re-Analyse: ITOS's rule replaced once, the user's three kept whole
    expect(ranges()).toEqual([spanning, apart, insideSection, itosRule]);
    expect(rules(host).find((r) => r.range === spanning.range)?.fill).toBe(BLUE);

    const before = host.model.syncs;
    const removal = await run(host, (ctx) => removeOutputInContext(ctx));
    expect(ranges()).toEqual([spanning, apart, insideSection]);
    // Names; cells and rules on ITOS's sections; the rules' ranges and formulas; the removal.
    expect(removal.syncs).toBe(4);
    expect(host.model.syncs - before).toBe(4);
    expect(itosCells(host.model.dump())).toEqual([]);
  });

  test("a rule the user set up like ITOS's, on other cells of its section, is theirs", async () => {
    const host = caseHost();
    await analyse(host);
    // The same shape of formula ITOS writes, on the year-summary rows: not the range ITOS wrote.
    const lookalike = { range: "A21:E21", formula: "=AND($E21>=0,$E20<0)" };
    await addRule(host, lookalike.range, lookalike.formula, MARK);
    await run(host, (ctx) => removeOutputInContext(ctx));
    expect(rules(host).map((r) => ({ range: r.range, formula: r.formula }))).toEqual([lookalike]);
  });

  test("ITOS's rule over a section the user changed stays with it; the re-run's output gets its own", async () => {
    const host = caseHost();
    await analyse(host);
    await type(host, "E26", 123); // over ITOS's cumulative figure for Jun-22
    const again = await analyse(host);
    expect(again.applied.leftAlone).toEqual(["Case!E24:E27"]);
    // The old highlight stays on the rows the user now owns; the new one is on ITOS's own sheet.
    expect(rules(host).map((r) => r.range)).toEqual([itosRule.range]);
    expect(sheet(host.model.dump(), "ITOS Analysis").conditionalFormats).toHaveLength(1);
  });
});

describe("typing over ITOS's output on the sheet ITOS made", () => {
  test("keeps the sheet and the typing: the re-run writes to a new sheet, and Remove leaves the user's", async () => {
    const host = caseHost();
    await analyse(host, true);
    // On a sheet of its own the section is A1:F30 and its KPI block A2:D13 (the title is A1).
    expect(outputRef(host.model.dump())).toBe("='ITOS Analysis'!$A$1:$F$30");
    await type(host, "A2", "My own figure", "ITOS Analysis");

    const again = await analyse(host, true);
    expect(again.applied.leftAlone).toEqual(["'ITOS Analysis'!A2:D13"]);
    const second = host.model.dump();
    expect(sheet(second, "ITOS Analysis").cells.A2.v).toBe("My own figure");
    expect(outputRef(second)).toBe("='ITOS Analysis (2)'!$A$1:$F$30");

    await run(host, (ctx) => removeOutputInContext(ctx));
    const removed = host.model.dump();
    expect(removed.sheets.map((s) => s.name)).toEqual(["Case", "ITOS Analysis"]);
    expect(sheet(removed, "ITOS Analysis").cells.A2.v).toBe("My own figure");
    expect(removed.names).toEqual([]);
  });
});
