import {
  analyseInContext,
  analysisPlan,
  detectInContext,
  reconcileInContext,
} from "../../src/excel/operations";
import { a1 } from "../../src/sheet";
import { APPENDIX, sandwellHost } from "./sandwellHost";
import type { FakeHost } from "../browser/fakeExcelHost";

async function select(host: FakeHost, address: string): Promise<void> {
  await host.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(APPENDIX).getRange(address).select();
    await ctx.sync();
  });
}

describe("operations on the active sheet", () => {
  it("analyses the selected grid but looks for room on the whole sheet", async () => {
    const host = await sandwellHost();
    await host.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(APPENDIX).getRange("A70").values = [
        ["Officer's note: see appendix 2"],
      ];
      await ctx.sync();
    });
    await select(host, "A3:O57");
    const detection = await host.Excel.run((ctx) => detectInContext(ctx, {}));
    expect(detection.read.fromSelection).toBe(true);
    const b = detection.analysis.model.bounds;
    expect(`${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`).toBe("A3:O57");
    // A70 holds the user's note, so the analysis cannot go below the grid.
    expect(analysisPlan(detection, { options: {} }).newSheet).toBe("ITOS Analysis");
  });

  it("reads the whole sheet when the selection holds no grid", async () => {
    const host = await sandwellHost();
    await select(host, "B5:C5");
    const detection = await host.Excel.run((ctx) => detectInContext(ctx, {}));
    expect(detection.read.fromSelection).toBe(false);
    expect(detection.analysis.model.periods).toHaveLength(42);
  });

  it("analyses in 4 syncs (2 reads: where the values are, then the cells; 2 writes) and reconciles across sheets, marking the Summary cell", async () => {
    const host = await sandwellHost();
    const run = await host.Excel.run((ctx) => analyseInContext(ctx, { options: {} }));
    expect(host.model.syncs).toBe(4);
    expect(run.applied.syncs).toBe(2);
    const rec = await host.Excel.run((ctx) => reconcileInContext(ctx, {}));
    expect(rec.marksWritten).toBe(rec.analysis.reconciliation.mismatch.length);
    expect(Object.keys(host.model.dump().notes)).toContain("Summary!E5");
    // Checking again replaces the marks rather than stacking them.
    const again = await host.Excel.run((ctx) => reconcileInContext(ctx, {}));
    expect(again.marksCleared).toBe(rec.marksWritten);
    expect(host.model.dump().names.filter((n) => n.name.startsWith("ITOS_Mark_"))).toHaveLength(
      rec.marksWritten
    );
  });
});
