/**
 * The in-memory Excel host keeps the rules of the Office.js reference that the adapter depends on.
 * Each test states Excel's behaviour; a host that applied calls at once, knew no requirement sets,
 * no limits, one-area selections only and case-sensitive lookups would fail it.
 */
import { createFakeExcel, type FakeHost } from "./fakeExcelHost";

function host(options?: { excelApi?: string }, extra: Record<string, unknown> = {}): FakeHost {
  return createFakeExcel(
    {
      sheets: [
        {
          sheetName: "Appendix 1",
          values: [
            ["Month", "Investment", "Return"],
            [44652, -1000, 400],
            [44682, 0, 700],
          ],
          ...extra,
        },
        { sheetName: "Summary", values: [["Total"]] },
      ],
      active: "Appendix 1",
    },
    options
  );
}

const cell = (h: FakeHost, sheet: string, address: string) =>
  h.model.dump().sheets.find((s) => s.name === sheet)!.cells[address];

async function syncError(ctx: Excel.RequestContext): Promise<{ code?: string; message: string }> {
  try {
    await ctx.sync();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("the sync succeeded");
}

describe("commands are queued and run at context.sync()", () => {
  it("writes nothing until the sync", async () => {
    const h = host();
    const ctx = h.newContext();
    ctx.workbook.worksheets.getItem("Appendix 1").getRange("E1").values = [[42]];
    expect(cell(h, "Appendix 1", "E1")).toBeUndefined();
    await ctx.sync();
    expect(cell(h, "Appendix 1", "E1").v).toBe(42);
  });

  it("an invalid command fails the sync; the commands before it stay applied, those after it never run", async () => {
    const h = host();
    const ctx = h.newContext();
    const sheet = ctx.workbook.worksheets.getItem("Appendix 1");
    sheet.getRange("E1").values = [[1]];
    ctx.workbook.worksheets.getItem("No such sheet").getRange("A1").values = [[2]];
    sheet.getRange("E2").values = [[3]];
    const loaded = sheet.getRange("A1");
    loaded.load("values");
    const error = await syncError(ctx);
    expect(error.code).toBe("ItemNotFound");
    expect(cell(h, "Appendix 1", "E1").v).toBe(1);
    expect(cell(h, "Appendix 1", "E2")).toBeUndefined();
    // A failed batch returns no loaded values.
    expect(() => loaded.values).toThrow(/not available/);
  });

  it("a value loaded in a batch reflects the writes queued before it in that batch", async () => {
    const h = host();
    const ctx = h.newContext();
    const range = ctx.workbook.worksheets.getItem("Appendix 1").getRange("B2");
    range.load("values");
    range.values = [[5]];
    const after = ctx.workbook.worksheets.getItem("Appendix 1").getRange("B2");
    after.load("values");
    await ctx.sync();
    expect(range.values).toEqual([[-1000]]);
    expect(after.values).toEqual([[5]]);
  });
});

describe("requirement sets", () => {
  it("isSetSupported answers from the host's ExcelApi version", () => {
    const office = host({ excelApi: "1.8" }).Office as typeof Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
  });

  it("an API newer than the host's set fails the sync with ApiNotFound (setCellProperties 1.9, notes 1.18)", async () => {
    const h = host({ excelApi: "1.8" });
    const ctx = h.newContext();
    ctx.workbook.worksheets
      .getItem("Appendix 1")
      .getRange("E1")
      .setCellProperties([[{ format: { font: { bold: true } } }]]);
    expect((await syncError(ctx)).code).toBe("ApiNotFound");
    ctx.workbook.notes.add("'Appendix 1'!E1", "hello");
    expect((await syncError(ctx)).code).toBe("ApiNotFound");
    expect(h.model.dump().notes).toEqual({});
    expect(cell(h, "Appendix 1", "E1")).toBeUndefined();
  });
});

describe("Excel on the web's limits", () => {
  it("refuses a request over 5 MB and applies none of it", async () => {
    const h = host();
    const ctx = h.newContext();
    const rows = Array.from({ length: 120_000 }, (_, i) => [
      `a text of about forty characters, row ${i}`,
      1,
      2,
    ]);
    ctx.workbook.worksheets.getItem("Summary").getRange("A1").values = [[1]];
    ctx.workbook.worksheets.getItem("Summary").getRange(`A2:C${rows.length + 1}`).values = rows;
    expect((await syncError(ctx)).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(cell(h, "Summary", "A1").v).toBe("Total");
  });

  it("refuses a response over 5 MB", async () => {
    const h = host();
    const write = h.newContext();
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `a text of about forty characters, row ${i}`,
      1,
      2,
    ]);
    write.workbook.worksheets.getItem("Summary").getRange("A1:C30000").values = rows;
    await write.sync();
    const ctx = h.newContext();
    const range = ctx.workbook.worksheets.getItem("Summary").getRange("A1:C60000");
    range.load(["values", "formulas", "text", "valueTypes", "numberFormat"]);
    expect((await syncError(ctx)).code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("refuses to read more than 5 million cells in one range", async () => {
    const ctx = host().newContext();
    const range = ctx.workbook.worksheets.getItem("Appendix 1").getRange("A1:E1048576");
    range.load("values");
    expect((await syncError(ctx)).code).toBe("RangeExceedsLimit");
  });
});

describe("used range", () => {
  it("counts cells that carry only formatting; valuesOnly ignores them", async () => {
    const h = host({}, { formattedOnly: ["A1:F1048576"] });
    const ctx = h.newContext();
    const sheet = ctx.workbook.worksheets.getItem("Appendix 1");
    const used = sheet.getUsedRange();
    used.load("address");
    const values = sheet.getUsedRange(true);
    values.load("address");
    await ctx.sync();
    expect(used.address).toBe("'Appendix 1'!A1:F1048576");
    expect(values.address).toBe("'Appendix 1'!A1:C3");
  });

  it("a fill alone makes a cell used", async () => {
    const h = host();
    const ctx = h.newContext();
    ctx.workbook.worksheets.getItem("Appendix 1").getRange("H9").format.fill.color = "#FFFF00";
    const used = ctx.workbook.worksheets.getItem("Appendix 1").getUsedRangeOrNullObject();
    used.load("address");
    const values = ctx.workbook.worksheets.getItem("Appendix 1").getUsedRangeOrNullObject(true);
    values.load("address");
    await ctx.sync();
    expect(used.address).toBe("'Appendix 1'!A1:H9");
    expect(values.address).toBe("'Appendix 1'!A1:C3");
  });
});

describe("selection", () => {
  it("getSelectedRange fails on a multi-area (Ctrl-click) selection; getSelectedRanges reads it", async () => {
    const h = host();
    h.model.select("Appendix 1", "A1:B2,C3");
    const ctx = h.newContext();
    const one = ctx.workbook.getSelectedRange();
    one.load("address");
    expect((await syncError(ctx)).code).toBe("InvalidSelection");
    const areas = ctx.workbook.getSelectedRanges();
    areas.load("areaCount,address");
    await ctx.sync();
    expect(areas.areaCount).toBe(2);
    expect(areas.address).toBe("'Appendix 1'!A1:B2,'Appendix 1'!C3");
  });
});

describe("lookups ignore case, as Excel's do", () => {
  it("finds sheets and names whatever their case, and refuses a second sheet that differs only in case", async () => {
    const h = host();
    const ctx = h.newContext();
    const range = ctx.workbook.worksheets.getItem("APPENDIX 1").getRange("B2");
    range.load("values,address");
    ctx.workbook.names.add("ITOS_Output", "='Appendix 1'!$A$1");
    const name = ctx.workbook.names.getItemOrNullObject("itos_output");
    name.load("name");
    await ctx.sync();
    expect(range.values).toEqual([[-1000]]);
    expect(range.address).toBe("'Appendix 1'!B2");
    expect(name.isNullObject).toBe(false);
    ctx.workbook.worksheets.add("summary");
    expect((await syncError(ctx)).code).toBe("ItemAlreadyExists");
    ctx.workbook.names.add("itos_OUTPUT", "='Appendix 1'!$A$2");
    expect((await syncError(ctx)).code).toBe("ItemAlreadyExists");
  });
});

describe("conditional formats and charts are checked as Excel checks them", () => {
  it.each([
    ["AND($C3>=0,$C2<0)", "no ="],
    ["=AND($C3>=0,$C2<0", "unbalanced brackets"],
    ["=AND($C3>=0,)", "empty argument"],
    ["=NOSUCHFUNCTION($C3)", "unknown function"],
    ["=$C1048577>0", "a row past the last"],
    ["=$C3>=", "dangling operator"],
  ])("rejects the rule formula %s (%s)", async (formula) => {
    const h = host();
    const ctx = h.newContext();
    const rule = ctx.workbook.worksheets
      .getItem("Appendix 1")
      .getRange("C2:C3")
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    rule.custom.rule.formula = formula;
    expect((await syncError(ctx)).code).toBe("InvalidArgument");
  });

  it("accepts a well-formed rule and keeps its formula and range", async () => {
    const h = host();
    const ctx = h.newContext();
    const rule = ctx.workbook.worksheets
      .getItem("Appendix 1")
      .getRange("C2:C3")
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    rule.custom.rule.formula = '=AND($C3>=0,$C2<0,A1<>"x")';
    await ctx.sync();
    const cf = h.model.dump().sheets[0].conditionalFormats;
    expect(cf).toEqual([
      expect.objectContaining({ range: "C2:C3", formula: '=AND($C3>=0,$C2<0,A1<>"x")' }),
    ]);
  });

  it("rejects a series or point index the chart does not have", async () => {
    const h = host();
    const ctx = h.newContext();
    const sheet = ctx.workbook.worksheets.getItem("Appendix 1");
    const chart = sheet.charts.add(
      "Line" as Excel.ChartType,
      sheet.getRange("C1:C3"),
      "Columns" as Excel.ChartSeriesBy
    );
    chart.series.getItemAt(0).points.getItemAt(2).markerSize = 9;
    await ctx.sync();
    expect(h.model.dump().sheets[0].charts[0].series[0].points).toEqual({ 2: { markerSize: 9 } });
    chart.series.getItemAt(1).name = "a second series";
    expect((await syncError(ctx)).code).toBe("InvalidArgument");
    chart.series.getItemAt(0).points.getItemAt(3).markerSize = 9;
    expect((await syncError(ctx)).code).toBe("InvalidArgument");
    chart.series.getItemAt(0).points.getItemAt(-1).markerSize = 9;
    expect((await syncError(ctx)).code).toBe("InvalidArgument");
  });
});

describe("injected faults", () => {
  it("fails the chosen sync after the chosen number of commands, and every later one when persistent", async () => {
    const h = host();
    const ctx = h.newContext();
    h.model.failSync = { sync: 1, afterCommands: 1, persistent: true };
    const sheet = ctx.workbook.worksheets.getItem("Summary");
    sheet.getRange("B1").values = [[1]];
    sheet.getRange("B2").values = [[2]];
    expect((await syncError(ctx)).code).toBe("GeneralException");
    expect(cell(h, "Summary", "B1").v).toBe(1);
    expect(cell(h, "Summary", "B2")).toBeUndefined();
    sheet.getRange("B3").values = [[3]];
    expect((await syncError(ctx)).code).toBe("GeneralException");
    expect(cell(h, "Summary", "B3")).toBeUndefined();
  });
});
