/**
 * The `itos` command: analyse, reconcile and apply on .xlsx files. Every failure the user can
 * cause is one line naming the file (and the cell where there is one), with a non-zero exit.
 */
import * as path from "path";
import { isItosError } from "../engine";
import { applyToFile, OutputFileError, readWorkbook } from "../file";
import {
  analyseWorkbookSheets,
  reconciliationText,
  roleHint,
  type SchemeSummary,
  schemeSummaryJson,
  schemeSummaryText,
  type ScenarioRequest,
  type SheetAnalysis,
  sheetErrorJson,
  sheetErrorText,
  type SheetOutcome,
  sheetReportJson,
  sheetReportText,
  statedPaybacksText,
  summariseWorkbook,
  type WorkbookAnalyseOptions,
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
  return {
    sheet: args.sheet,
    convention: args.convention,
    discountRate: args.rate,
    ...(Object.keys(args.roles).length > 0 ? { roleOverrides: { ...args.roles } } : {}),
  };
}

/** The command as the user typed it, ready to have --role options added. */
function commandLine(argv: readonly string[]): string {
  const word = (w: string) =>
    /^[A-Za-z0-9_.:=/@%+,-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`;
  return ["itos", ...argv].map(word).join(" ");
}

/** The limit and what-if asked for: analyse and apply report them (null where not asked). */
function scenarioOf(args: ParsedArgs): ScenarioRequest {
  return { limitYears: args.limitYears ?? null, whatIf: args.whatIf ?? null };
}

function jsonDocument(
  outcomes: readonly SheetOutcome[],
  args: ParsedArgs,
  summaries: readonly SchemeSummary[] = []
): string {
  const scenario = args.command === "reconcile" ? undefined : scenarioOf(args);
  return JSON.stringify(
    {
      sheets: outcomes.map((o) =>
        o.error ? sheetErrorJson(o.sheetName, o.error) : sheetReportJson(o.analysis, scenario)
      ),
      ...(summaries.length > 0 ? { schemeSummaries: summaries.map(schemeSummaryJson) } : {}),
    },
    null,
    2
  );
}

function analysisText(a: SheetAnalysis, scenario?: ScenarioRequest): string {
  return [sheetReportText(a, scenario), ...a.model.warnings.map((w) => `  Note: ${w}`)].join("\n");
}

function reconcileText(a: SheetAnalysis): string {
  if (a.schemes && a.schemes.length > 0)
    return [
      `${a.model.sheetName}: ${a.schemes.length} schemes, each reconciled on its own.`,
      ...a.schemes.map((s) =>
        [
          `Scheme ${s.scheme}:`,
          reconciliationText(s.reconciliation),
          ...statedPaybacksText(s.statedPaybacks),
        ].join("\n")
      ),
    ].join("\n\n");
  return [
    a.model.sheetName,
    reconciliationText(a.reconciliation),
    ...statedPaybacksText(a.statedPaybacks),
  ].join("\n");
}

function textReport(
  outcomes: readonly SheetOutcome[],
  command: string,
  each: (a: SheetAnalysis) => string
): string {
  return outcomes
    .map((o) => (o.error ? sheetErrorText(o.sheetName, o.error, command) : each(o.analysis)))
    .join("\n\n");
}

/**
 * Every sheet analysed, and the scheme summaries of the sheets with no timeline (a cost, an annual
 * saving and a payback per scheme), reported in place of "no payback grid".
 */
async function outcomesOf(
  args: ParsedArgs,
  reconcileOnly: boolean
): Promise<{ outcomes: SheetOutcome[]; summaries: SchemeSummary[] }> {
  const workbook = await readWorkbook(args.workbook as string);
  const options = { ...analyseOptions(args), reconcileOnly };
  let outcomes: SheetOutcome[] = [];
  let noGrid: unknown = null;
  try {
    outcomes = analyseWorkbookSheets(workbook, options);
  } catch (e) {
    if (!(isItosError(e) && e.code === "no-grid")) throw e;
    noGrid = e;
  }
  const analysed = new Set(outcomes.filter((o) => o.analysis).map((o) => o.sheetName));
  const rest = { sheets: workbook.sheets.filter((s) => !analysed.has(s.sheetName)) };
  const summaries = summariseWorkbook(rest, options).map((s) => s.summary);
  if (summaries.length === 0 && noGrid) throw noGrid;
  const summarised = new Set(summaries.map((s) => s.sheetName));
  const kept = outcomes.filter(
    (o) => !(summarised.has(o.sheetName) && o.error?.code === "no-grid")
  );
  return { outcomes: kept, summaries };
}

/** True when at least one sheet was read; otherwise each failure goes to stderr, one line each. */
function anyRead(
  outcomes: readonly SheetOutcome[],
  args: ParsedArgs,
  io: Io,
  command: string
): boolean {
  if (outcomes.some((o) => o.analysis)) return true;
  for (const o of outcomes) {
    if (!o.error) continue;
    const hint = roleHint(o.error, command);
    io.err(errorLine(args, o.error, hint));
  }
  return false;
}

async function runCommand(args: ParsedArgs, io: Io, argv: readonly string[]): Promise<number> {
  const command = commandLine(argv);
  if (args.command === "analyse" || args.command === "reconcile") {
    // Reconciliation needs no roles: a budget table with no investment or return is checked too.
    const { outcomes, summaries } = await outcomesOf(args, args.command === "reconcile");
    const each =
      args.command === "analyse"
        ? (a: SheetAnalysis) => analysisText(a, scenarioOf(args))
        : reconcileText;
    const read = summaries.length > 0 || anyRead(outcomes, args, io, command);
    if (args.json) io.out(jsonDocument(outcomes, args, summaries));
    else if (read)
      io.out(
        [textReport(outcomes, command, each), ...summaries.map(schemeSummaryText)]
          .filter((t) => t !== "")
          .join("\n\n")
      );
    return read ? EXIT.ok : EXIT.input;
  }
  const out = args.out as string;
  const result = await applyToFile(args.workbook as string, out, {
    ...analyseOptions(args),
    valuesOnly: args.values,
    force: args.force,
  });
  const read = anyRead(result.outcomes, args, io, command);
  if (args.json) {
    io.out(jsonDocument(result.outcomes, args));
    return read ? EXIT.ok : EXIT.input;
  }
  if (!read) return EXIT.input;
  const where = result.plans
    .map((p) => p.names.find((n) => n.name.startsWith(SECTION_NAMES.output))?.ref)
    .filter(Boolean);
  io.out(
    `Wrote ${out}: ITOS analysis at ${where.join(", ")}${args.values ? " (values only)" : " (live formulas)"}; ${path.basename(args.workbook as string)} is unchanged.`
  );
  for (const m of result.messages) io.out(m);
  io.out("");
  io.out(textReport(result.outcomes, command, (a) => analysisText(a, scenarioOf(args))));
  return EXIT.ok;
}

/** One line for the user: the file, then what is wrong (the message names the cell). */
function errorLine(args: ParsedArgs | null, e: unknown, hint: string | null = null): string {
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
    return `itos: ${file}${e.message}${candidates}${hint ? ` ${hint}` : ""}`.replace(
      /\s*\n\s*/g,
      " "
    );
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
    return await runCommand(args, io, argv);
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
