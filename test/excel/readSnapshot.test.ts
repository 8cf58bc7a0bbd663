import { OfficeMockObject } from "office-addin-mock";
import { readActiveSheet } from "../../src/excel/readSnapshot";
import { ItosError } from "../../src/engine";
import { nameComment } from "../../src/sheet";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose own
// dependencies ship as ES modules jest cannot load: give it just that enum.
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

/** workbook.names is a collection office-addin-mock cannot model: a hand-made slice. */
function namesSlice(items: { name: string; formula: string; comment?: string }[]) {
  return { items, load: () => undefined };
}

function mockExcel(selection: { address: string; cellCount: number }, names = namesSlice([])) {
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: "Appendix 1",
            used: {
              isNullObject: false,
              address: "'Appendix 1'!C3:E5",
              values: [
                ["", 44562, 44593],
                ["Investment from SMBC", -11667, "#N/A"],
                ["Total", -11667, true],
              ],
              valueTypes: [
                ["Empty", "Double", "Double"],
                ["String", "Double", "Error"],
                ["String", "Double", "Boolean"],
              ],
              numberFormat: [
                ["General", "mmm-yy", "mmm-yy"],
                ["General", "#,##0;(#,##0)", "General"],
                ["General", "#,##0;(#,##0)", "General"],
              ],
              formulas: [
                ["", 44562, "=D3+31"],
                ["Investment from SMBC", -11667, "=NA()"],
                ["Total", "=SUM(D4)", true],
              ],
            },
            getUsedRangeOrNullObject() {
              return this.used;
            },
          },
          getActiveWorksheet() {
            return this.sheet;
          },
          // The cells are read by address once the value area is known (one band here).
          getItem() {
            return {
              getRange: (address: string) =>
                // ITOS's earlier output, C5:E5: each of its cells carries ITOS's cell style.
                address === "C5:E5"
                  ? {
                      load: () => undefined,
                      formulas: [["Total", "=SUM(D4)", true]],
                      getCellProperties: () => ({
                        value: [[0, 1, 2].map(() => ({ style: "ITOS Payback output" }))],
                      }),
                    }
                  : this.sheet.used,
            };
          },
        },
        // DATE(1904, 1, 1) is 1,462 in the 1900 date system this workbook uses.
        functions: {
          probe: { value: 1462 },
          date() {
            return this.probe;
          },
        },
        selection: { ...selection, areaCount: 1 },
        getSelectedRanges() {
          return this.selection;
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as unknown as {
    context: Excel.RequestContext & { workbook: { names: unknown } };
  };
  (mock.context.workbook as unknown as { names: unknown }).names = names;
  // The sheet list is a collection too: hand-made on the mock's worksheets.
  const sheets = (mock.context.workbook as unknown as { worksheets: Record<string, unknown> })
    .worksheets;
  sheets.items = [{ name: "Appendix 1" }];
  sheets.load = () => undefined;
  let syncs = 0;
  const ctx = mock.context as unknown as { sync: () => Promise<void> };
  const sync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    syncs += 1;
    await sync();
  };
  return { context: mock.context as unknown as Excel.RequestContext, syncs: () => syncs };
}

describe("readActiveSheet (office-addin-mock)", () => {
  it("reads values, number formats and formulas of the used range in two syncs (where, then what), 0-based", async () => {
    const excel = mockExcel({ address: "'Appendix 1'!D4", cellCount: 1 });
    const read = await readActiveSheet(excel.context);
    expect(excel.syncs()).toBe(2);
    expect(read.fromSelection).toBe(false);
    expect(read.snapshot).toEqual({
      sheetName: "Appendix 1",
      top: 2,
      left: 2,
      values: [
        [null, 44562, 44593],
        ["Investment from SMBC", -11667, { error: "#N/A" }],
        ["Total", -11667, true],
      ],
      numberFormats: [
        ["General", "mmm-yy", "mmm-yy"],
        ["General", "#,##0;(#,##0)", "General"],
        ["General", "#,##0;(#,##0)", "General"],
      ],
      formulas: [
        [null, null, "=D3+31"],
        [null, null, "=NA()"],
        [null, "=SUM(D4)", null],
      ],
    });
  });

  it("uses the selection when the user selected several cells", async () => {
    const excel = mockExcel({ address: "'Appendix 1'!D3:E4", cellCount: 4 });
    const read = await readActiveSheet(excel.context);
    expect(read.fromSelection).toBe(true);
    expect(read.snapshot.top).toBe(2);
    expect(read.snapshot.left).toBe(3);
    expect(read.snapshot.values).toEqual([
      [44562, 44593],
      [-11667, { error: "#N/A" }],
    ]);
    expect(read.snapshot.formulas).toEqual([
      [null, "=D3+31"],
      [null, "=NA()"],
    ]);
  });

  it("blanks earlier ITOS output so the grid reader sees only the user's cells", async () => {
    const names = namesSlice([
      {
        name: "ITOS_Output",
        formula: "='Appendix 1'!$C$5:$E$5",
        comment: nameComment({ v: 1, kind: "section" }),
      },
      // A user's own ITOS_ name (no marker in its comment) is not ITOS's.
      { name: "ITOS_Budget", formula: "='Appendix 1'!$C$4:$E$4", comment: "ITOS output" },
      { name: "Budget", formula: "=Sheet2!$A$1" },
    ]);
    const excel = mockExcel({ address: "'Appendix 1'!A1", cellCount: 1 }, names);
    const read = await readActiveSheet(excel.context);
    expect(read.snapshot.values[2]).toEqual([null, null, null]);
    expect(read.snapshot.values[1][0]).toBe("Investment from SMBC");
    expect([...read.ownedCells].sort()).toEqual([
      "Appendix 1!C5",
      "Appendix 1!D5",
      "Appendix 1!E5",
    ]);
    expect(read.tags.map((t) => t.name)).toEqual(["ITOS_Output"]);
  });

  it("says in plain words when the sheet is empty", async () => {
    const excel = mockExcel({ address: "'Appendix 1'!A1", cellCount: 1 });
    const sheet = (
      excel.context.workbook.worksheets as unknown as { sheet: { used: { isNullObject: boolean } } }
    ).sheet;
    sheet.used.isNullObject = true;
    await expect(readActiveSheet(excel.context)).rejects.toThrow(ItosError);
    await expect(readActiveSheet(excel.context)).rejects.toThrow("The sheet 'Appendix 1' is empty");
  });
});
