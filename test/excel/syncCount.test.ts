import { measureSyncs, outputPlan, SHEET } from "./syncCounter";

describe("context.sync() calls do not grow with the grid", () => {
  it("reads in 2 syncs and applies in 2 for 10 rows, at most 3 and 3 for 10,000 rows", async () => {
    const small = await measureSyncs(10);
    const large = await measureSyncs(10_000);
    expect(small.read).toBe(2);
    expect(small.apply).toBe(2);
    // 60,000 cells fit in one or two bands of the 3 MB response budget, and two requests.
    expect(large.read).toBeLessThanOrEqual(3);
    expect(large.apply).toBeLessThanOrEqual(3);
    expect(Math.max(...large.host.model.requests)).toBeLessThan(5 * 1024 * 1024);
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
