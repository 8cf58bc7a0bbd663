/**
 * applyPlan against office-addin-mock: the calls it makes on Excel's objects for a small plan.
 * office-addin-mock cannot model collections (workbook.names), so that slice is hand-made.
 */
import { OfficeMockObject } from "office-addin-mock";
import { applyPlanInContext } from "../../src/excel/applyPlan";
import { emptyPlan, type WritePlan } from "../../src/grid";

jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

interface RangeRecord {
  address: string;
  range: {
    formulas?: unknown;
    numberFormat?: unknown;
    cellProperties?: unknown;
    style?: unknown;
  };
}

function mockWorkbook(existing: Record<string, (string | number)[][]>) {
  const ranges: RangeRecord[] = [];
  // Objects a method returns are not children of the context mock: the sync below reaches them too.
  const made: { sync(): Promise<void> }[] = [];
  const track = <T>(o: T): T => {
    made.push(o as unknown as { sync(): Promise<void> });
    return o;
  };
  const added: { name: string; reference: string; comment?: string }[] = [];
  let suspended = 0;
  const data = {
    context: {
      workbook: {
        application: {
          suspendApiCalculationUntilNextSync() {
            suspended += 1;
          },
        },
        worksheets: {
          sheet: {
            name: "Cases",
            getRange(address: string) {
              const range = track(
                new OfficeMockObject({
                  formulas: existing[address] ?? [[""]],
                  setCellProperties(props: unknown) {
                    (this as RangeRecord["range"]).cellProperties = props;
                  },
                })
              ) as unknown as RangeRecord["range"];
              ranges.push({ address, range });
              return range;
            },
          },
          getItem() {
            return this.sheet;
          },
          getActiveWorksheet() {
            return this.sheet;
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: { sync(): Promise<void>; workbook: Record<string, unknown> };
  };
  // The sheet's charts, by hand too: a chart of the user's, and no ITOS chart yet (a null object,
  // as Excel reports it after the sync).
  const sheet = (mock.context.workbook.worksheets as unknown as { sheet: Record<string, unknown> })
    .sheet;
  sheet.charts = {
    items: [{ name: "Chart 1" }],
    load: () => undefined,
    getItemOrNullObject: () => ({ isNullObject: true, load: () => undefined }),
  };
  // The names collection, by hand.
  mock.context.workbook.names = {
    items: [],
    load: () => undefined,
    add: (name: string, reference: string, comment?: string) =>
      added.push({ name, reference, comment }),
    // The digest goes onto the name's comment last, once its cells are written.
    getItem: (name: string) => ({
      set comment(text: string) {
        const entry = added.find((a) => a.name === name);
        if (entry) entry.comment = text;
      },
    }),
  };
  // The cell styles, by hand: the workbook has only Normal, so ITOS adds its own.
  const stylesAdded: string[] = [];
  mock.context.workbook.styles = {
    items: [{ name: "Normal" }],
    load: () => undefined,
    add: (name: string) => stylesAdded.push(name),
  };
  let syncs = 0;
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs += 1;
    await sync();
    for (const o of made) await o.sync();
  };
  return {
    context: mock.context as unknown as Excel.RequestContext,
    ranges,
    added,
    stylesAdded,
    syncs: () => syncs,
    suspended: () => suspended,
  };
}

const plan: WritePlan = {
  ...emptyPlan(),
  cells: [
    { sheet: "Cases", row: 10, col: 0, value: "Cumulative", bold: true },
    {
      sheet: "Cases",
      row: 10,
      col: 1,
      value: -500,
      formula: "=B2+B3",
      numberFormat: "#,##0;(#,##0)",
    },
    { sheet: "Cases", row: 11, col: 0, value: "Jan-24" },
    {
      sheet: "Cases",
      row: 11,
      col: 1,
      value: 250,
      formula: "=B11+B4",
      numberFormat: "#,##0;(#,##0)",
    },
  ],
  names: [{ name: "ITOS_Output", ref: "Cases!$A$11:$B$12" }],
};

describe("applyPlan (office-addin-mock)", () => {
  it("reads the target once, then writes each rectangle as one 2-D assignment with calculation suspended", async () => {
    const excel = mockWorkbook({
      "A11:B12": [
        ["", ""],
        ["", ""],
      ],
    });
    const result = await applyPlanInContext(excel.context, plan);
    expect(excel.syncs()).toBe(2);
    expect(result.syncs).toBe(2);
    expect(excel.suspended()).toBe(1);
    const writes = excel.ranges.filter(
      (r) => r.range.formulas !== undefined && r.address === "A11:B12"
    );
    // The first A11:B12 range is the read; the second is the write.
    const written = writes[writes.length - 1].range;
    expect(written.formulas).toEqual([
      ["'Cumulative", "=B2+B3"],
      ["'Jan-24", "=B11+B4"],
    ]);
    expect(written.numberFormat).toEqual([
      ["General", "#,##0;(#,##0)"],
      ["General", "#,##0;(#,##0)"],
    ]);
    expect(written.cellProperties).toEqual([
      [{ format: { font: { bold: true } } }, { format: { font: { bold: false } } }],
      [{ format: { font: { bold: false } } }, { format: { font: { bold: false } } }],
    ]);
    // The written cells carry ITOS's cell style, added once to the workbook.
    expect(written.style).toBe("ITOS Payback output");
    expect(excel.stylesAdded).toEqual(["ITOS Payback output"]);
    // The name's comment carries ITOS's marker and the digest of what it tags.
    expect(excel.added).toHaveLength(1);
    expect(excel.added[0].name).toBe("ITOS_Output");
    expect(excel.added[0].reference).toBe("=Cases!$A$11:$B$12");
    expect(excel.added[0].comment).toMatch(
      /^ITOS Payback output \{"v":1,"kind":"section","sum":"[0-9a-f]{8}","cf":\[\]\}$/
    );
  });

  it("refuses, naming the cell, when a target cell is not empty, and queues no write", async () => {
    const excel = mockWorkbook({
      "A11:B12": [
        ["", ""],
        ["", 42],
      ],
    });
    await expect(applyPlanInContext(excel.context, plan)).rejects.toThrow(
      "Cases!B12 already holds '42'"
    );
    expect(excel.syncs()).toBe(1);
    expect(excel.added).toEqual([]);
    expect(excel.stylesAdded).toEqual([]);
    expect(excel.suspended()).toBe(0);
  });
});
