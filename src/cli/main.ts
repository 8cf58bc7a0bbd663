/**
 * The `itos` command: analyse, reconcile and apply on .xlsx files. Every failure the user can
 * cause is one line naming the file (and the cell where there is one), with a non-zero exit.
 */
import * as path from "path";
import { isItosError } from "../engine";
import { applyToFile, OutputFileError, readWorkbook } from "../file";
import {
  analyseWorkbook,
  type SheetAnalysis,
  type WorkbookAnalyseOptions,
  reconciliationText,
  sheetReportJson,
  sheetReportText,
} from "../grid";
import { SECTION_NAMES } from "../sheet";
import { parseArgs, USAGE, type ParsedArgs } from "./args";
import { runPortfolio } from "./portfolio";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes: 0 done, 1 the workbook cannot be analysed, 2 the command line is wrong, 3 an unexpected failure. */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;

function analyseOptions(args: ParsedArgs): WorkbookAnalyseOptions {
  return { sheet: args.sheet, basis: args.basis, discountRate: args.rate };
}

function jsonDocument(analyses: SheetAnalysis[]): string {
  return JSON.stringify({ sheets: analyses.map(sheetReportJson) }, null, 2);
}

function textReport(analyses: SheetAnalysis[]): string {
  return analyses
    .map((a) => [sheetReportText(a), ...a.model.warnings.map((w) => `  Note: ${w}`)].join("\n"))
    .join("\n\n");
}

async function analyses(args: ParsedArgs, reconcileOnly = false): Promise<SheetAnalysis[]> {
  const workbook = await readWorkbook(args.workbook as string);
  return analyseWorkbook(workbook, { ...analyseOptions(args), reconcileOnly }).map(
    (a) => a.analysis
  );
}

async function runCommand(args: ParsedArgs, io: Io): Promise<void> {
  if (args.command === "analyse") {
    const found = await analyses(args);
    io.out(args.json ? jsonDocument(found) : textReport(found));
  } else if (args.command === "reconcile") {
    // Reconciliation needs no roles: a budget table with no investment or return is checked too.
    const found = await analyses(args, true);
    io.out(
      args.json
        ? jsonDocument(found)
        : found
            .map((a) => `${a.model.sheetName}\n${reconciliationText(a.reconciliation)}`)
            .join("\n\n")
    );
  } else if (args.command === "apply") {
    const out = args.out as string;
    const result = await applyToFile(args.workbook as string, out, {
      ...analyseOptions(args),
      valuesOnly: args.values,
      force: args.force,
    });
    if (args.json) {
      io.out(jsonDocument(result.analyses));
      return;
    }
    const where = result.plans
      .map((p) => p.names.find((n) => n.name.startsWith(SECTION_NAMES.output))?.ref)
      .filter(Boolean);
    io.out(
      `Wrote ${out}: ITOS analysis at ${where.join(", ")}${args.values ? " (values only)" : " (live formulas)"}; ${path.basename(args.workbook as string)} is unchanged.`
    );
    for (const m of result.messages) io.out(m);
    io.out("");
    io.out(textReport(result.analyses));
  }
}

/** One line for the user: the file, then what is wrong (the message names the cell). */
function errorLine(args: ParsedArgs | null, e: unknown): string {
  const name = args?.workbook ? path.basename(args.workbook) : "";
  const message = e instanceof Error ? e.message : String(e);
  // Name the file once: the reader's messages often name it already. An output failure names the output instead.
  const file =
    name && !message.includes(name) && !(e instanceof OutputFileError) ? `${name}: ` : "";
  if (isItosError(e)) {
    const candidates =
      e.candidates.length && !e.message.includes(e.candidates[0])
        ? ` Candidates: ${e.candidates.join("; ")}.`
        : "";
    return `itos: ${file}${e.message}${candidates}`.replace(/\s*\n\s*/g, " ");
  }
  return `itos: ${file}unexpected failure: ${message}`.replace(/\s*\n\s*/g, " ");
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let args: ParsedArgs | null = null;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(errorLine(null, e));
    return EXIT.usage;
  }
  if (args.command === "help") {
    io.out(USAGE);
    return EXIT.ok;
  }
  try {
    if (args.command === "portfolio") return await runPortfolio(args, io);
    await runCommand(args, io);
    return EXIT.ok;
  } catch (e) {
    io.err(errorLine(args, e));
    return isItosError(e) ? (e.code === "bad-argument" ? EXIT.usage : EXIT.input) : EXIT.internal;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
