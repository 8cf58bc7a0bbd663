/**
 * `itos portfolio <files or folders...>`: every case of every workbook found, one row each, as
 * text or JSON, and optionally a portfolio workbook. A workbook that cannot be read is a row with
 * the reason and never stops the run; the exit code is 0 when any case was read. Ctrl-C stops
 * the workers and writes nothing.
 */
import * as os from "os";
import * as path from "path";
import { ErrorMessage, ItosError } from "../../engine";
import { checkPortfolioTarget, writePortfolioWorkbook } from "../../file";
import type { PortfolioCase } from "./cases";
import { wasRead } from "./cases";
import { discoverWorkbooks, type FoundWorkbook } from "./discover";
import { runWorkbooks, Stopped } from "./pool";
import { startProgress } from "./progress";
import type { CaseOptions } from "./readCases";
import { portfolioText, summarise, summaryLine } from "./summary";
import { portfolioRows, relativeLink } from "./workbookRows";

export interface PortfolioArgs {
  paths: string[];
  out?: string;
  force: boolean;
  json: boolean;
  jobs?: number;
  limitYears?: string;
  basis?: CaseOptions["basis"];
  rate?: string;
}

export interface PortfolioIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The shell's code for a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_STOPPED = 130;

export function defaultJobs(): number {
  return typeof os.availableParallelism === "function"
    ? os.availableParallelism()
    : os.cpus().length;
}

/** Ctrl-C aborts the run once; a second Ctrl-C leaves at once. */
function interruptible(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_STOPPED);
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  return { signal: controller.signal, release: () => process.off("SIGINT", onSigint) };
}

function jsonDocument(cases: PortfolioCase[]): string {
  return JSON.stringify({ cases, summary: summarise(cases) }, null, 2);
}

async function writeOut(
  cases: PortfolioCase[],
  args: PortfolioArgs,
  byFile: Map<string, FoundWorkbook>,
  workbooks: number,
  signal: AbortSignal
): Promise<void> {
  const out = path.resolve(args.out as string);
  const folder = path.dirname(out);
  const rows = portfolioRows(cases, (c) => {
    const found = byFile.get(c.file);
    return found ? relativeLink(folder, found.path) : null;
  });
  const notes = [
    "Amounts in pounds: grids kept in £k or £000s are multiplied by 1,000 (their own unit is in the Grid unit column).",
    args.limitYears === undefined
      ? "No payback limit given (itos portfolio --limit-years N gives each case a verdict)."
      : `Payback limit: ${args.limitYears} years on each case's headline convention; margin is the limit minus the payback.`,
  ];
  await writePortfolioWorkbook(rows, out, {
    title: `ITOS Portfolio: ${summaryLine(summarise(cases), workbooks).replace(/^Portfolio: /, "")}`,
    notes,
    force: args.force,
    cancelled: () => signal.aborted,
  });
}

export async function runPortfolio(args: PortfolioArgs, io: PortfolioIo): Promise<number> {
  if (args.out) await checkPortfolioTarget(path.resolve(args.out), args.force);
  const found = await discoverWorkbooks(args.paths);
  for (const note of found.notes) io.err(`itos: ${note}`);
  // The portfolio file itself, from an earlier run into the same folder, is not a case.
  const target = args.out ? path.resolve(args.out) : null;
  const workbooks = found.workbooks.filter((w) => w.path !== target);
  if (workbooks.length === 0)
    throw new ItosError("bad-file", ErrorMessage.file.noWorkbooksFound(args.paths));
  const options: CaseOptions = { basis: args.basis, rate: args.rate, limitYears: args.limitYears };
  const progress = startProgress(workbooks.length);
  const { signal, release } = interruptible();
  let results: PortfolioCase[][];
  try {
    results = await runWorkbooks(workbooks, options, {
      jobs: args.jobs ?? defaultJobs(),
      signal,
      onDone: (w) => progress.done(w.file),
    });
  } catch (e) {
    if (e instanceof Stopped) {
      progress.stop();
      io.err("itos: stopped (Ctrl-C) before every workbook was read: nothing written.");
      return EXIT_STOPPED;
    }
    throw e;
  } finally {
    progress.stop();
  }
  try {
    const cases = results.flat();
    if (args.out) {
      const byFile = new Map(workbooks.map((w) => [w.file, w]));
      await writeOut(cases, args, byFile, workbooks.length, signal);
    }
    if (signal.aborted) {
      io.err("itos: stopped (Ctrl-C): nothing written.");
      return EXIT_STOPPED;
    }
    io.out(args.json ? jsonDocument(cases) : portfolioText(cases, workbooks.length));
    if (args.out && !args.json) io.out(`Wrote ${args.out}.`);
    return cases.some(wasRead) ? 0 : 1;
  } finally {
    release();
  }
}
