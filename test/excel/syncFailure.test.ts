/**
 * Office.js is not transactional: a sync can fail with part of its batch applied. Each sync of
 * Analyse (below the grid, again over its own output, on a sheet of its own) and of Reconcile is
 * failed in turn, after every possible number of its commands, on the in-memory host. Afterwards
 * the workbook is as it was before ITOS's output or holds the complete result, never half; and
 * when even the clean-up cannot run (Excel stays down), a later Remove or Analyse recovers.
 */
import { analyseInContext, reconcileInContext } from "../../src/excel/operations";
import { removeOutputInContext } from "../../src/excel/removeOutput";
import type { FakeDump, FakeHost } from "../browser/fakeExcelHost";
import { sandwellHost } from "./sandwellHost";

type Run = (host: FakeHost) => Promise<unknown>;

interface Scenario {
  name: string;
  /** Brings the host to the state the run starts from. */
  setup: Run;
  run: Run;
}

const analyse: Run = (h) => h.Excel.run((ctx) => analyseInContext(ctx, { options: {} }));
const analyseNewSheet: Run = (h) =>
  h.Excel.run((ctx) => analyseInContext(ctx, { options: {}, newSheet: true }));
const reconcile: Run = (h) => h.Excel.run((ctx) => reconcileInContext(ctx, {}));
const remove: Run = (h) => h.Excel.run((ctx) => removeOutputInContext(ctx));
const nothing: Run = async () => undefined;

const SCENARIOS: Scenario[] = [
  { name: "Analyse below the grid", setup: nothing, run: analyse },
  { name: "Analyse again over its own output", setup: analyse, run: analyse },
  { name: "Analyse on a sheet of its own", setup: nothing, run: analyseNewSheet },
  { name: "Reconcile (marks)", setup: nothing, run: reconcile },
];

/** What a person would see: cells, formats, rules, charts, names and notes (not the selection). */
function workbook(d: FakeDump) {
  return { sheets: d.sheets, names: d.names, notes: d.notes };
}

async function prepared(s: Scenario): Promise<FakeHost> {
  const host = await sandwellHost();
  await s.setup(host);
  return host;
}

describe.each(SCENARIOS)("$name, with each sync failed in turn", (s) => {
  let untouched: ReturnType<typeof workbook>;
  let complete: ReturnType<typeof workbook>;
  let firstSync: number;
  let commandsPerSync: number[];

  beforeAll(async () => {
    const host = await prepared(s);
    untouched = workbook((await sandwellHost()).model.dump());
    firstSync = host.model.syncs + 1;
    await s.run(host);
    complete = workbook(host.model.dump());
    commandsPerSync = host.model.commandCounts.slice(firstSync - 1);
  });

  it("leaves the workbook as it was before ITOS's output or complete, whichever command fails", async () => {
    expect(commandsPerSync.length).toBeGreaterThanOrEqual(3);
    let failures = 0;
    for (let n = 0; n < commandsPerSync.length; n++) {
      for (let k = 0; k <= commandsPerSync[n]; k++) {
        const host = await prepared(s);
        host.model.failSync = { sync: firstSync + n, afterCommands: k };
        const outcome = await s.run(host).then(
          () => "done",
          () => "failed"
        );
        if (outcome === "failed") failures += 1;
        const after = workbook(host.model.dump());
        const state =
          JSON.stringify(after) === JSON.stringify(untouched)
            ? "untouched"
            : JSON.stringify(after) === JSON.stringify(complete)
              ? "complete"
              : `half-written (sync ${n + 1} of ${commandsPerSync.length}, after ${k} commands)`;
        expect(state).toMatch(/^(untouched|complete)$/);
      }
    }
    // Every injected fault was reported to the caller, none swallowed.
    expect(failures).toBe(commandsPerSync.reduce((sum, c) => sum + c + 1, 0));
  }, 300_000);

  it("when Excel stays down after the fault, a later Remove or Analyse recovers the leftover", async () => {
    for (let n = 0; n < commandsPerSync.length; n++) {
      for (const k of [0, Math.floor(commandsPerSync[n] / 2), commandsPerSync[n]]) {
        const host = await prepared(s);
        host.model.failSync = { sync: firstSync + n, afterCommands: k, persistent: true };
        await expect(s.run(host)).rejects.toThrow();
        host.model.failSync = null;
        const left = JSON.stringify(workbook(host.model.dump()));
        if (left === JSON.stringify(complete)) continue;
        const again = await prepared(s);
        again.model.failSync = { sync: firstSync + n, afterCommands: k, persistent: true };
        await s.run(again).catch(() => undefined);
        again.model.failSync = null;
        await remove(host);
        expect(workbook(host.model.dump())).toEqual(untouched);
        await s.run(again);
        expect(workbook(again.model.dump())).toEqual(complete);
      }
    }
  }, 300_000);
});
