import { measureSyncs, outputPlan, SHEET } from "./syncCounter";

describe("context.sync() calls do not grow with the grid", () => {
  it("reads in 1 sync and applies in 2, for 10 rows and for 10,000 rows", async () => {
    const small = await measureSyncs(10);
    const large = await measureSyncs(10_000);
    expect(small.read).toBe(1);
    expect(small.apply).toBe(2);
    expect(large.read).toBe(small.read);
    expect(large.apply).toBe(small.apply);
    expect(large.total).toBeLessThanOrEqual(3);
    // Every planned cell really landed: the last cumulative formula of the 10,000-row plan.
    const dump = large.host.model.dump();
    const sheet = dump.sheets.find((s) => s.name === SHEET)!;
    const last = outputPlan(10_000)
      .cells.filter((c) => c.col === 4)
      .pop()!;
    expect(sheet.cells[`E${last.row + 1}`].f).toBe(last.formula);
    // Each rectangle went in as one 2-D assignment, not cell by cell.
    expect(large.host.model.writes).toBeLessThan(10);
  });

  it("splits into further syncs only when one request would exceed the payload limit", async () => {
    const whole = await measureSyncs(2_000);
    const split = await measureSyncs(2_000, { maxRequestBytes: 50_000 });
    expect(split.apply).toBeGreaterThan(2);
    expect(split.host.model.dump().sheets).toEqual(whole.host.model.dump().sheets);
  });
});
