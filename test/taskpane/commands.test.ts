/**
 * The ribbon commands on the in-memory Excel host: they write to the active sheet without the
 * pane, report through a dialog, and always tell Excel they are done (event.completed()).
 */
import { createFakeExcel, type FakeHost } from "../browser/fakeExcelHost";
import { sandwellWorkbook, APPENDIX } from "../excel/sandwellHost";

interface Dialogs {
  dialogs?: string[];
}

async function loadCommands(host: FakeHost): Promise<void> {
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };
  g.Office = host.Office;
  g.Excel = host.Excel;
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
  await new Promise((resolve) => setTimeout(resolve, 10)); // Office.onReady fires asynchronously
}

function messageOf(host: FakeHost): string {
  const urls = (host.model as unknown as Dialogs).dialogs ?? [];
  expect(urls).toHaveLength(1);
  return new URL(urls[0]).searchParams.get("itosMessage")!;
}

async function hostWith(sheets: unknown[], active: string): Promise<FakeHost> {
  return createFakeExcel({ sheets: JSON.parse(JSON.stringify(sheets)), active });
}

describe("ribbon commands", () => {
  it("registers analyseSheet, analyseAllSheets and reconcileTotals", async () => {
    const host = await hostWith((await sandwellWorkbook()).sheets, APPENDIX);
    await loadCommands(host);
    expect([...host.actions.keys()].sort()).toEqual([
      "analyseAllSheets",
      "analyseSheet",
      "reconcileTotals",
    ]);
  });

  it("Analyse all sheets writes the ITOS Portfolio sheet and says what it found", async () => {
    const host = await hostWith((await sandwellWorkbook()).sheets, APPENDIX);
    await loadCommands(host);
    const completed = jest.fn();
    await host.actions.get("analyseAllSheets")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messageOf(host)).toBe(
      "Analysed 1 sheet: 1 paid back, 0 not within the horizon; 1 with totals that do not add up. The list is on the sheet 'ITOS Portfolio'."
    );
    const dump = host.model.dump();
    expect(dump.sheets.map((s) => s.name)).toContain("ITOS Portfolio");
    expect(dump.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["ITOS_Output", "ITOS_Portfolio"])
    );
  });

  it("Analyse sheet writes the analysis below the grid and reports break-even and payback", async () => {
    const host = await hostWith((await sandwellWorkbook()).sheets, APPENDIX);
    await loadCommands(host);
    const completed = jest.fn();
    await host.actions.get("analyseSheet")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messageOf(host)).toBe(
      "ITOS analysed 'Appendix 1'.\nBreak-even: Jan-24.\nPayback: 24.5 months, 2.04 years from first investment (Jan-22).\nWritten below the grid."
    );
    expect(host.model.dump().names.map((n) => n.name)).toContain("ITOS_Output");
  });

  it("Reconcile totals marks the mismatching cells and names the root cause first", async () => {
    const host = await hostWith((await sandwellWorkbook()).sheets, APPENDIX);
    await loadCommands(host);
    const completed = jest.fn();
    await host.actions.get("reconcileTotals")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    const message = messageOf(host);
    expect(message.split("\n")[2]).toBe("• Summary!E5: stated 411,823, expected 425,744");
    const dump = host.model.dump();
    expect(dump.notes["Summary!E5"]).toMatch(/411,823/);
    expect(dump.sheets.find((s) => s.name === "Summary")!.cells.E5.fill).toBe("#FFC7CE");
  });

  it("still completes, with the reason in plain words, when the sheet has no grid", async () => {
    const host = await hostWith(
      [{ sheetName: "Notes", values: [["Meeting notes"], ["nothing here"]] }],
      "Notes"
    );
    await loadCommands(host);
    const completed = jest.fn();
    await host.actions.get("analyseSheet")!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(messageOf(host)).toMatch(/^ITOS could not analyse this sheet\. .*Notes/);
    expect(host.model.dump().names).toEqual([]);
  });
});
