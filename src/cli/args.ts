/**
 * The `itos` command line, parsed by hand: a command, one workbook, and the few options each
 * command takes. Anything else is a usage error in one line.
 */
import { ItosError, type Basis } from "../engine";

export type CommandName = "analyse" | "reconcile" | "apply";

export interface ParsedArgs {
  command: CommandName | "help";
  workbook: string | null;
  sheet?: string;
  basis?: Basis;
  rate?: string;
  json: boolean;
  out?: string;
  values: boolean;
}

type OptionName = "sheet" | "basis" | "rate" | "json" | "out" | "values";

/** Options that take a value, and the options each command accepts. */
const TAKES_VALUE: ReadonlySet<OptionName> = new Set(["sheet", "basis", "rate", "out"]);
const ALLOWED: Record<CommandName, ReadonlySet<OptionName>> = {
  analyse: new Set(["sheet", "basis", "rate", "json"]),
  reconcile: new Set(["sheet", "json"]),
  apply: new Set(["sheet", "basis", "rate", "json", "out", "values"]),
};

export const USAGE = `itos: payback and reconciliation for invest-to-save workbooks

Usage:
  itos analyse <workbook.xlsx> [--sheet NAME] [--basis first-investment|first-return] [--rate 0.035] [--json]
  itos reconcile <workbook.xlsx> [--sheet NAME] [--json]
  itos apply <workbook.xlsx> --out <new.xlsx> [--sheet NAME] [--values] [--basis ...] [--rate ...]
  itos --help

Without --sheet every sheet that holds a payback grid is analysed.
  analyse    break-even period, payback, crossover, totals, NPV and the year table
  reconcile  checks every stated total against its parts
  apply      writes the analysis into a copy of the workbook as live formulas (--values: plain values);
             the input file is never modified`;

function usageError(message: string): ItosError {
  return new ItosError("bad-argument", `${message} (see itos --help).`);
}

function parseRate(text: string): string {
  const t = text.trim();
  const pct = t.endsWith("%");
  const n = Number(pct ? t.slice(0, -1) : t);
  if (t === "" || !Number.isFinite(n))
    throw usageError(`--rate ${text} is not a number; give it as 0.035 or 3.5%`);
  const rate = pct ? n / 100 : n;
  if (rate <= -1 || rate >= 1)
    throw usageError(`--rate ${text} is out of range; give an annual rate such as 0.035`);
  return pct ? String(rate) : t;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { command: "help", workbook: null, json: false, values: false };
  if (argv.length === 0 || argv.some((a) => a === "--help" || a === "-h") || argv[0] === "help")
    return parsed;
  const command = argv[0];
  if (command !== "analyse" && command !== "reconcile" && command !== "apply") {
    throw usageError(
      command.startsWith("-")
        ? `Unknown option ${command}: give a command first`
        : `Unknown command '${command}': use analyse, reconcile or apply`
    );
  }
  parsed.command = command;
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq < 0 ? arg.slice(2) : arg.slice(2, eq)) as OptionName;
    if (!ALLOWED[command].has(name))
      throw usageError(`Unknown option ${eq < 0 ? arg : arg.slice(0, eq)} for 'itos ${command}'`);
    let value: string | undefined;
    if (TAKES_VALUE.has(name)) {
      value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--")))
        throw usageError(`--${name} needs a value`);
    } else if (eq >= 0) {
      throw usageError(`--${name} takes no value`);
    }
    switch (name) {
      case "sheet":
        parsed.sheet = value;
        break;
      case "basis":
        if (value !== "first-investment" && value !== "first-return")
          throw usageError(`--basis must be first-investment or first-return, not '${value}'`);
        parsed.basis = value;
        break;
      case "rate":
        parsed.rate = parseRate(value as string);
        break;
      case "out":
        parsed.out = value;
        break;
      case "json":
        parsed.json = true;
        break;
      case "values":
        parsed.values = true;
        break;
    }
  }
  if (positional.length === 0)
    throw usageError(`'itos ${command}' needs a workbook: itos ${command} <workbook.xlsx>`);
  if (positional.length > 1)
    throw usageError(
      `'itos ${command}' takes one workbook, not ${positional.length} (${positional.join(", ")})`
    );
  parsed.workbook = positional[0];
  if (command === "apply" && !parsed.out)
    throw usageError("'itos apply' needs --out <new.xlsx>: the input file is never modified");
  return parsed;
}
