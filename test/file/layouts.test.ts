/**
 * `apply` on every layout fixture (test/support/layouts.ts): the user's cells survive, each
 * written formula recalculates to its cached number, and a second apply changes nothing.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { applyToFile, listItosFormulaCells, loadWorkbook, readItosNames } from "../../src/file";
import { LAYOUTS } from "../support/layouts";
import { cellsOf } from "./cells";
import { recalculate } from "./recalculate";

const FIXTURES = path.join(__dirname, "..", "fixtures");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-layouts-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(LAYOUTS.filter((l) => l.expected !== null).map((l) => [l.file] as const))(
  "apply %s",
  (file) => {
    test("keeps every input cell, writes formulas that recalculate to their cached numbers, and is idempotent", async () => {
      const input = path.join(FIXTURES, file);
      const first = path.join(dir, `1-${file}`);
      const second = path.join(dir, `2-${file}`);
      const result = await applyToFile(input, first);
      const before = await cellsOf(input);
      const after = await cellsOf(first);
      for (const [key, state] of before)
        expect({ key, state: after.get(key) }).toEqual({ key, state });

      const wb = await loadWorkbook(first);
      const formulas = listItosFormulaCells(wb, await readItosNames(first));
      const periods = result.analyses.reduce((n, a) => n + a.result.periods.length, 0);
      expect(formulas.length).toBeGreaterThanOrEqual(periods * 2);
      const calc = recalculate(wb);
      for (const f of formulas) {
        const got = calc(f.sheet, f.address) ?? 0;
        expect({ cell: `${f.sheet}!${f.address}`, got }).toEqual({
          cell: `${f.sheet}!${f.address}`,
          got: expect.closeTo(f.expected as number, 6),
        });
      }

      await applyToFile(first, second);
      expect(await cellsOf(second)).toEqual(after);
    });
  }
);
