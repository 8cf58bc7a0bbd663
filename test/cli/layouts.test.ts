/**
 * The `itos analyse --json` command on every layout fixture (test/support/layouts.ts): each
 * gives the answers worked out by hand in that file, and a workbook without a grid is refused.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import * as path from "path";
import { LAYOUTS } from "../support/layouts";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "itos.js");

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

describe.each(LAYOUTS.filter((l) => l.expected !== null).map((l) => [l.file, l] as const))(
  "itos analyse %s --json",
  (file, layout) => {
    const expected = layout.expected as NonNullable<typeof layout.expected>;
    test(layout.description, () => {
      const r = itos(
        "analyse",
        path.join(ROOT, "test", "fixtures", file),
        "--sheet",
        expected.sheet,
        "--json"
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const s = JSON.parse(r.stdout).sheets[0];
      expect({
        unit: s.unit,
        periodicity: s.periodicity,
        firstPeriod: s.firstPeriod,
        lastPeriod: s.lastPeriod,
        firstInvestment: s.firstInvestment,
        crossover: s.crossover,
        breakEven: s.breakEven,
        sustainedBreakEven: s.sustainedBreakEven,
        totals: s.totals,
      }).toEqual({
        unit: expected.unit,
        periodicity: expected.periodicity,
        firstPeriod: expected.firstPeriod,
        lastPeriod: expected.lastPeriod,
        firstInvestment: expected.firstInvestment,
        crossover: expected.crossover,
        breakEven: expected.breakEven,
        sustainedBreakEven: expected.sustainedBreakEven,
        totals: expected.totals,
      });
      if (expected.paybackMonths === null) expect(s.paybackMonths).toBeNull();
      else expect(s.paybackMonths).toBeCloseTo(expected.paybackMonths, 2);
      if (expected.shortfall !== undefined)
        expect(s.messages.join(" ")).toContain(`ends ${expected.shortfall} short`);
    });
  }
);

test.each(LAYOUTS.filter((l) => l.expected === null).map((l) => l.file))(
  "itos analyse %s: no grid, one line, non-zero exit",
  (file) => {
    const r = itos("analyse", path.join(ROOT, "test", "fixtures", file), "--json");
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(`^itos: ${file.replace(/\./g, "\\.")}: No payback grid found`)
      ),
    ]);
  }
);
