/**
 * What the pane says after Analyse when the user had edited ITOS's earlier output: the range left
 * as they made it and where the new analysis went, in plain words. Checked on the text alone and
 * on a real re-run on the test host (the KPI block typed over, as in test/excel/safeWrites).
 */
import { leftAloneText } from "../../src/taskpane/state";
import { analyseInContext } from "../../src/excel/operations";
import { createFakeExcel } from "../browser/fakeExcelHost";

describe("leftAloneText", () => {
  test("nothing to say when ITOS left nothing", () => {
    expect(leftAloneText([], "Case!$A$6:$F$35")).toBeNull();
  });

  test("one range, and where the new analysis went (without the $ signs)", () => {
    expect(leftAloneText(["'Case 1'!A7:D18"], "'ITOS Analysis'!$A$1:$F$30")).toBe(
      "ITOS left 'Case 1'!A7:D18 as you edited it and wrote its new analysis at 'ITOS Analysis'!A1:F30; ITOS will not write over it again."
    );
  });

  test("several ranges are listed together", () => {
    expect(leftAloneText(["Case!A7:D18", "Case!E24:E27", "Case!A29:E35"], null)).toBe(
      "ITOS left Case!A7:D18, Case!E24:E27 and Case!A29:E35 as you edited them; ITOS will not write over them again."
    );
  });
});

test("after a real re-run over a KPI the user typed over, the pane's words name the block", async () => {
  const host = createFakeExcel({
    sheets: [
      {
        sheetName: "Case",
        values: [
          [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Total"],
          ["Investment", -1000, -500, null, null, -1500],
          ["Saving", 0, 400, 700, 900, 2000],
          ["Net", -1000, -100, 700, 900, 500],
        ],
      },
    ],
    active: "Case",
  });
  const analyse = () =>
    host.Excel.run((ctx) => analyseInContext(ctx, { options: {}, newSheet: false }));
  await analyse();
  await host.Excel.run(async (ctx) => {
    // A7 is ITOS's first KPI label ("First investment"): the KPI block is A7:D18.
    ctx.workbook.worksheets.getItem("Case").getRange("A7").values = [["My own figure"]];
    await ctx.sync();
  });
  const run = await analyse();
  const output = run.plan.names.find((n) => n.name === "ITOS_Output")?.ref ?? null;
  expect(leftAloneText(run.applied.leftAlone, output)).toBe(
    "ITOS left Case!A7:D18 as you edited it and wrote its new analysis at 'ITOS Analysis'!A1:F30; ITOS will not write over it again."
  );
});
