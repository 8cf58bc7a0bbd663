/**
 * The worker pool sends workbooks in batches: the rows must come back exactly as one at a time,
 * in the workbooks' order, whatever the batch size. The oracle is `--jobs 1` (no workers at all).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { batchSize } from "../../../src/cli/portfolio/pool";
import { ensureBuilt, itos } from "../../support/portfolio";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
/** Different grids, so a row put in another workbook's place would show. */
const COPIED = [
  "sandwell-invest-to-save.xlsx",
  "layout-annual-positive.xlsx",
  "layout-never-pays-back.xlsx",
  "layout-savings-negative-k.xlsx",
  "layout-transposed.xlsx",
  "reconcile-annual-investment.xlsx",
  "real-layouts/council-led-schemes-summary.xlsx",
];
const COUNT = 40;

describe("batchSize", () => {
  test("up to 8 workbooks a message, at least 4 batches a thread, never 0", () => {
    // 500 / (2 x 4) = 62.5: capped at 8. 60 / 8 = 7.5: 7. 9 / 8: 1. 40 / 8 = 5.
    expect(batchSize(500, 2)).toBe(8);
    expect(batchSize(60, 2)).toBe(7);
    expect(batchSize(COUNT, 2)).toBe(5);
    expect(batchSize(9, 2)).toBe(1);
    expect(batchSize(1, 4)).toBe(1);
  });
});

describe("itos portfolio on workers, in batches", () => {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-portfolio-pool-"));
    for (let i = 0; i < COUNT; i++) {
      const fixture = COPIED[i % COPIED.length];
      const name = `case-${String(i).padStart(2, "0")}-${path.basename(fixture)}`;
      await fs.copyFile(path.join(FIXTURES, fixture), path.join(dir, name));
    }
  }, 60_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("rows identical to one at a time, one progress line per workbook", async () => {
    const one = await itos(dir, "portfolio", ".", "--json", "--jobs", "1");
    const two = await itos(dir, "portfolio", ".", "--json", "--jobs", "2");
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(two.stdout).toBe(one.stdout);
    const files = JSON.parse(two.stdout).cases.map((c: { file: string }) => c.file);
    // Every workbook once, in name order (the summary workbook gives one row per scheme).
    expect([...new Set(files)]).toEqual(
      Array.from({ length: COUNT }, (_, i) => {
        const fixture = COPIED[i % COPIED.length];
        return `case-${String(i).padStart(2, "0")}-${path.basename(fixture)}`;
      })
    );
    const progress = two.stderr.split("\n").filter((l) => /^itos: read \d+\/\d+: /.test(l));
    expect(progress).toHaveLength(COUNT);
  }, 120_000);
});
