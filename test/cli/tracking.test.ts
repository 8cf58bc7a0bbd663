/**
 * `itos analyse --json` on a plan-versus-actual workbook (scripts/make-tracking-fixtures.ts):
 * the tracking section of the contract, worked out by hand from the fixture's figures.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "itos.js");
const FIXTURE = path.join(ROOT, "test", "fixtures", "tracking", "plan-actual-columns.xlsx");

function itos(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    const built = spawnSync(
      process.execPath,
      [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
      { cwd: ROOT, encoding: "utf8" }
    );
    if (built.status !== 0)
      throw new Error(`npm run build:cli failed: ${built.stdout}${built.stderr}`);
  }
});

test("itos analyse --json reports plan versus actual", () => {
  const r = itos("analyse", FIXTURE, "--json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const s = JSON.parse(r.stdout).sheets[0];
  // Plan: -3,000 (Apr-24), -1,000 (May-24), +500 a month from Jun-24: 0 in Jan-25, 10 months.
  expect(s.paybackMonths).toBe(10);
  expect(s.tracking).toEqual({
    asOf: "2024-08",
    layout: "plan and actual columns",
    asOfFrom: "the last period with an actual figure entered (Aug-24)",
    // Apr-Aug plan: -4,000 and 3 x 500; actual: -3,000 - 1,200 and 600 + 600 + 550.
    planToDate: { investment: -4000, return: 1500, net: -2500 },
    actualToDate: { investment: -4200, return: 1750, net: -2450 },
    variance: 50, // -2,450 - (-2,500); 50 / 2,500 = 2%
    variancePct: 2,
    // -2,450 at Aug-24 then +500 a month: -450 at Dec-24, +50 in Jan-25: 9 + 450/500 months.
    reforecast: { breakEven: "2025-01", paybackMonths: 9.9, paybackYears: 0.825 },
    notes: [],
  });
  // Every line's total in row 16 is checked, the actual columns' as well as the plan's.
  expect(s.reconciliation).toMatchObject({ checked: 4, match: 4, mismatch: [] });
});

test("the text report carries the plan-versus-actual line", () => {
  const r = itos("analyse", FIXTURE);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(
    "Plan versus actual to Aug-24 (plan and actual columns; the last period with an actual figure entered (Aug-24)): actual net (2,450) against plan (2,500), variance 50 (2.0%)"
  );
  expect(r.stdout).toContain(
    "Re-forecast (actuals to Aug-24, plan after): break-even Jan-25, payback 9.90 months"
  );
});
