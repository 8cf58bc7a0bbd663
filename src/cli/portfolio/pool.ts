/**
 * Runs the workbooks of a portfolio: on a pool of worker threads (Piscina) when more than one job
 * is asked for, one after another in this thread otherwise. Either way each workbook gives the
 * same rows (the same function makes them), and they come back in the order of the workbooks,
 * whatever order the workers finish in. Each worker is sent a batch of workbooks' paths and sends
 * back only their rows; at most one batch a worker is in flight, so the main thread holds only
 * finished rows and does no reading or analysis itself.
 */
import { existsSync } from "fs";
import * as path from "path";
import Piscina from "piscina";
import type { PortfolioCase } from "./cases";
import type { FoundWorkbook } from "./discover";
import { casesOfWorkbook, type CaseOptions, type CaseTask } from "./readCases";

/** The compiled worker beside this file (dist/cli/portfolio/worker.js). */
const WORKER_FILE = path.join(__dirname, "worker.js");

export interface RunOptions {
  jobs: number;
  signal?: AbortSignal;
  /** Called as each workbook finishes, in the order they finish. */
  onDone?: (workbook: FoundWorkbook, cases: PortfolioCase[]) => void;
}

export class Stopped extends Error {
  constructor() {
    super("Stopped before every workbook was read.");
    this.name = "Stopped";
  }
}

/** Whether worker threads can run here: from the TypeScript sources (tsx, jest) there is no worker.js. */
export function workersAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

async function runInThread(
  tasks: CaseTask[],
  workbooks: FoundWorkbook[],
  options: RunOptions
): Promise<PortfolioCase[][]> {
  const results: PortfolioCase[][] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (options.signal?.aborted) throw new Stopped();
    results.push(await casesOfWorkbook(tasks[i]));
    options.onDone?.(workbooks[i], results[i]);
  }
  return results;
}

/** The most workbooks sent to a worker in one message. */
const MAX_BATCH = 8;

/**
 * Workbooks per message, from the workbooks not yet sent: a worker hands back a batch and waits
 * for the main thread to send the next, so one message per workbook leaves it idle once per
 * workbook. Batches of up to 8 pay that wait once per 8; at least 4 batches a thread of what is
 * left keep the lanes finishing close together, as batches shrink towards the end.
 */
export function batchSize(workbooks: number, threads: number): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(workbooks / (threads * 4))));
}

/**
 * A pool of `jobs` worker threads; null where one job is asked for or there are no compiled
 * workers (the run is then in this thread). Starting the pool before the folders are searched
 * was tried: no faster on 500 workbooks, and 5 to 7 MB more at the peak.
 */
function startWorkers(jobs: number): Piscina | null {
  if (jobs <= 1 || !workersAvailable()) return null;
  return new Piscina({ filename: WORKER_FILE, minThreads: jobs, maxThreads: jobs });
}

function failureRow(task: CaseTask, e: unknown): PortfolioCase[] {
  const why = e instanceof Error ? e.message : String(e);
  return [{ file: task.file, sheet: null, scheme: null, error: `unexpected failure: ${why}` }];
}

async function runOnPool(
  pool: Piscina,
  threads: number,
  tasks: CaseTask[],
  workbooks: FoundWorkbook[],
  options: RunOptions
): Promise<PortfolioCase[][]> {
  const results: PortfolioCase[][] = new Array(tasks.length);
  const run = async (batch: CaseTask[]): Promise<PortfolioCase[][]> =>
    (await pool.run(batch, { signal: options.signal })) as PortfolioCase[][];
  let next = 0;
  // Each lane takes the next batch when its last one is done: `threads` batches in flight.
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      if (options.signal?.aborted) throw new Stopped();
      const first = next;
      next = Math.min(tasks.length, next + batchSize(tasks.length - next, threads));
      const batch = tasks.slice(first, next);
      let rows: PortfolioCase[][];
      try {
        rows = await run(batch);
      } catch {
        if (options.signal?.aborted) throw new Stopped();
        // A worker that dies on one workbook (out of memory on a huge file) costs that row only:
        // the batch is run again one workbook at a time.
        rows = [];
        for (const task of batch) {
          if (options.signal?.aborted) throw new Stopped();
          rows.push(
            await run([task]).then(
              (r) => r[0],
              (why: unknown) => failureRow(task, why)
            )
          );
        }
        if (options.signal?.aborted) throw new Stopped();
      }
      rows.forEach((r, k) => {
        results[first + k] = r;
        options.onDone?.(workbooks[first + k], r);
      });
    }
  };
  await Promise.all(Array.from({ length: threads }, lane));
  return results;
}

/** Every workbook's rows, in the order of `workbooks`. */
export function runWorkbooks(
  workbooks: FoundWorkbook[],
  caseOptions: CaseOptions,
  options: RunOptions
): Promise<PortfolioCase[][]> {
  const tasks = workbooks.map((w) => ({ path: w.path, file: w.file, options: caseOptions }));
  const threads = Math.min(options.jobs, tasks.length);
  const pool = startWorkers(threads);
  if (!pool) return runInThread(tasks, workbooks, options);
  return runOnPool(pool, threads, tasks, workbooks, options).finally(() => pool.destroy());
}
