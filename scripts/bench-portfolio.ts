/**
 * `itos portfolio` over generated portfolios: 500 workbooks (copies of the fixtures that hold a
 * payback grid, ten to a folder) read on `--jobs` = the core count against the same 500 one after
 * another in one process (`--jobs 1`), in the same run; and the peak memory of 500 against 50.
 * Bounds go with the ratio: one process reading one core's share alone (500 / cores workbooks,
 * `--jobs 1`), which no lane of a parallel run can beat, since each worker starts cold and
 * warms V8's compiled code for itself; one such process per core at the same time, which is
 * what this machine gives with no pool at all; and the same ratio on 2,000 workbooks, where
 * the cold start weighs less.
 * Each measurement is the real command (bin/itos.js over dist/cli) in a fresh process; the
 * workbooks live in a temporary folder that is removed afterwards.
 */
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import type { Measured } from "./bench-tasks";

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "bin", "itos.js");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const RUN_TIME_LIMIT_MS = 600_000;

/** The fixtures with a payback grid: a mix of monthly, annual, £k and £000s cases. */
const CASES = [
  "sandwell-invest-to-save.xlsx",
  "layout-annual-positive.xlsx",
  "layout-dips-again.xlsx",
  "layout-long-row.xlsx",
  "layout-never-pays-back.xlsx",
  "layout-offset-notes.xlsx",
  "layout-savings-negative-k.xlsx",
  "layout-text-months.xlsx",
  "layout-transposed.xlsx",
  "reconcile-annual-investment.xlsx",
  "reconcile-savings-negative.xlsx",
];

export interface PortfolioRun {
  workbooks: number;
  jobs: number;
  ms: number;
  maxRssMB: number;
  /** CPU time of the whole process, every thread: what parallel running costs in extra work. */
  cpuMs: number;
  /** CPU time of the main thread alone, where /proc shows it; the rest is workers and V8's threads. */
  mainCpuMs: number | null;
  cases: number;
}

export interface PortfolioMeasure extends Measured<{
  sequential: PortfolioRun;
  parallel: PortfolioRun;
  small: PortfolioRun;
  /** One process reading one core's share (500 / cores) one after another. */
  share: PortfolioRun;
  /** One such process per core, all at once: the wall time until the last is done. */
  sharesAtOnceMs: number;
  largeSequential: PortfolioRun;
  largeParallel: PortfolioRun;
}> {
  cores: number;
  /** Sequential time / parallel time. */
  throughputRatio: number | null;
  /** Peak memory of 500 workbooks / of 50. */
  memoryRatio: number | null;
  /**
   * Cores the one-at-a-time run keeps busy (its CPU time of every thread / its time): above 1 as
   * V8 compiles and collects on threads of its own. No run on `cores` can be faster than
   * cores / this, so it bounds the throughput ratio on this machine.
   */
  sequentialCores: number | null;
  /**
   * Sequential time / the time of one core's share alone: the most a parallel run can give,
   * as each of its lanes reads that share from a cold start.
   */
  shareCeiling: number | null;
  /** Sequential time / the time of one share-reading process per core, run at once. */
  separateProcessesRatio: number | null;
  /** The throughput ratio on `largeCount` workbooks. */
  largeRatio: number | null;
  largeCount: number;
}

async function generate(dir: string, count: number): Promise<void> {
  const bytes = await Promise.all(CASES.map((c) => fs.readFile(path.join(FIXTURES, c))));
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `service-${String(Math.floor(i / 10)).padStart(3, "0")}`);
    if (i % 10 === 0) await fs.mkdir(folder, { recursive: true });
    const name = `case-${String(i).padStart(4, "0")}-${CASES[i % CASES.length]}`;
    await fs.writeFile(path.join(folder, name), bytes[i % CASES.length]);
  }
}

function runPortfolio(dir: string, workbooks: number, jobs: number): Promise<PortfolioRun> {
  return new Promise((resolve, reject) => {
    const args = [
      "-r",
      path.join(__dirname, "bench-maxrss.js"),
      BIN,
      "portfolio",
      dir,
      "--json",
      "--jobs",
      String(jobs),
    ];
    const started = performance.now();
    execFile(
      process.execPath,
      args,
      { timeout: RUN_TIME_LIMIT_MS, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        const rss = /itos-bench maxrss-kb=(\d+) cpu-ms=(\d+)(?: main-cpu-ms=(\d+))?/.exec(
          String(stderr)
        );
        if (error || !rss) {
          reject(
            new Error(`itos portfolio --jobs ${jobs} failed: ${error?.message ?? "no memory line"}`)
          );
          return;
        }
        const cases = (JSON.parse(String(stdout)) as { cases: unknown[] }).cases.length;
        resolve({
          workbooks,
          jobs,
          ms,
          maxRssMB: Number(rss[1]) / 1024,
          cpuMs: Number(rss[2]),
          mainCpuMs: rss[3] === undefined ? null : Number(rss[3]),
          cases,
        });
      }
    );
  });
}

export async function benchPortfolio(
  large = 500,
  small = 50,
  largest = 2000
): Promise<PortfolioMeasure> {
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const none = {
    value: null,
    cores,
    throughputRatio: null,
    memoryRatio: null,
    sequentialCores: null,
    shareCeiling: null,
    separateProcessesRatio: null,
    largeRatio: null,
    largeCount: largest,
  };
  if (!existsSync(path.join(ROOT, "dist", "cli", "portfolio", "worker.js")))
    return { ...none, note: "dist/cli not built: run npm run build:cli first" };
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "itos-bench-portfolio-"));
  try {
    const largeDir = path.join(root, "large");
    const smallDir = path.join(root, "small");
    const shareDir = path.join(root, "share");
    const largestDir = path.join(root, "largest");
    const shareCount = Math.ceil(large / cores);
    await generate(largeDir, large);
    await generate(smallDir, small);
    await generate(shareDir, shareCount);
    await generate(largestDir, largest);
    // Interleaved and the faster of two of each, so a burst of load on a shared machine
    // does not land on one side only.
    const faster = (a: PortfolioRun, b: PortfolioRun) => (a.ms <= b.ms ? a : b);
    const seq1 = await runPortfolio(largeDir, large, 1);
    const par1 = await runPortfolio(largeDir, large, cores);
    const sequential = faster(seq1, await runPortfolio(largeDir, large, 1));
    const parallel = faster(par1, await runPortfolio(largeDir, large, cores));
    const smallRun = await runPortfolio(smallDir, small, cores);
    const share = faster(
      await runPortfolio(shareDir, shareCount, 1),
      await runPortfolio(shareDir, shareCount, 1)
    );
    const atOnce = async (): Promise<number> => {
      const started = performance.now();
      await Promise.all(Array.from({ length: cores }, () => runPortfolio(shareDir, shareCount, 1)));
      return performance.now() - started;
    };
    const sharesAtOnceMs = Math.min(await atOnce(), await atOnce());
    const largeSequential = await runPortfolio(largestDir, largest, 1);
    const largeParallel = await runPortfolio(largestDir, largest, cores);
    return {
      value: {
        sequential,
        parallel,
        small: smallRun,
        share,
        sharesAtOnceMs,
        largeSequential,
        largeParallel,
      },
      cores,
      throughputRatio: sequential.ms / parallel.ms,
      memoryRatio: parallel.maxRssMB / smallRun.maxRssMB,
      sequentialCores: sequential.cpuMs / sequential.ms,
      shareCeiling: sequential.ms / share.ms,
      separateProcessesRatio: sequential.ms / sharesAtOnceMs,
      largeRatio: largeSequential.ms / largeParallel.ms,
      largeCount: largest,
    };
  } catch (e) {
    return { ...none, note: `portfolio benchmark not measured: ${(e as Error).message}` };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchPortfolio().then((m) => console.log(JSON.stringify(m, null, 2)));
}
