/**
 * The `itos` command line, parsed by hand: a command, one workbook, and the few options each
 * command takes. Anything else is a usage error in one line.
 */
import {
  ErrorMessage,
  ItosError,
  isPaybackConvention,
  PAYBACK_CONVENTIONS,
  type PaybackConvention,
} from "../engine";
import { roleCell, type LineRole } from "../grid";
import { parseWhatIf, type WhatIfArgs } from "./whatIfArgs";

export type CommandName = "analyse" | "reconcile" | "apply" | "portfolio";

export interface ParsedArgs {
  command: CommandName | "help";
  workbook: string | null;
  sheet?: string;
  /** The headline payback's convention (--basis, or its synonym --convention). */
  convention?: PaybackConvention;
  rate?: string;
  /** --role CELL=ROLE, by the line's label cell as typed ("A13", "Appendix 1!A13"). */
  roles: Record<string, LineRole>;
  json: boolean;
  out?: string;
  values: boolean;
  /** portfolio: the files and folders given, --force, --limit-years, --jobs. */
  paths: string[];
  force: boolean;
  limitYears?: string;
  jobs?: number;
  /** analyse, apply: --what-if returns=-20%,investment=+10%,delay=3. */
  whatIf?: WhatIfArgs;
}

type OptionName =
  | "sheet"
  | "basis"
  | "convention"
  | "rate"
  | "role"
  | "json"
  | "out"
  | "values"
  | "force"
  | "limit-years"
  | "what-if"
  | "jobs";

/** Options that take a value, and the options each command accepts. */
const TAKES_VALUE: ReadonlySet<OptionName> = new Set([
  "sheet",
  "basis",
  "convention",
  "rate",
  "role",
  "out",
  "limit-years",
  "what-if",
  "jobs",
]);
const ALLOWED: Record<CommandName, ReadonlySet<OptionName>> = {
  analyse: new Set([
    "sheet",
    "basis",
    "convention",
    "rate",
    "role",
    "json",
    "limit-years",
    "what-if",
  ]),
  reconcile: new Set(["sheet", "basis", "convention", "role", "json"]),
  apply: new Set([
    ...["sheet", "basis", "convention", "rate", "role", "json", "out", "values", "force"],
    ...["limit-years", "what-if"],
  ] as OptionName[]),
  portfolio: new Set([
    "basis",
    "convention",
    "rate",
    "json",
    "out",
    "force",
    "limit-years",
    "jobs",
  ]),
};

/** The roles --role takes, as the reader names them. */
export const ROLE_WORDS: Record<string, LineRole> = {
  investment: "investment",
  return: "return",
  // Money out that reduces the return (running costs), not the outlay the payback recovers.
  cost: "cost",
  net: "net",
  // A stated total of other lines: checked against its parts, never added in.
  total: "total",
  ignore: "ignored",
};

export const USAGE = `itos: payback and reconciliation for invest-to-save workbooks

Usage:
  itos analyse <workbook.xlsx> [--sheet NAME] [--basis CONVENTION] [--rate 0.035] [--role CELL=ROLE ...] [--limit-years N] [--what-if CHANGES] [--json]
  itos reconcile <workbook.xlsx> [--sheet NAME] [--role CELL=ROLE ...] [--json]
  itos apply <workbook.xlsx> --out <new.xlsx> [--force] [--sheet NAME] [--values] [--basis ...] [--rate ...] [--role ...] [--limit-years N] [--what-if CHANGES]
  itos portfolio <files or folders...> [--out portfolio.xlsx] [--force] [--json] [--limit-years N] [--jobs N]
  itos --help

Without --sheet every sheet that holds a payback grid is analysed; a sheet that cannot be read is
reported and the others go on.
  --basis CONVENTION  the headline payback's convention (--convention is the same option):
                      first-investment, first-return, simple or time-zero; by default time-zero
                      for a Year 0 table, first-investment otherwise. All four are always reported.
  --role CELL=ROLE    the role of the line labelled at CELL ("A13" or "Appendix 1!A13"): investment,
                      return, cost, net, total or ignore; repeat it for each line.
  --limit-years N     the council's payback limit: a verdict (within, exceeds, never) and the headroom
  --what-if CHANGES   the case rerun with returns and investment changed and returns delayed, as
                      returns=-20%,investment=+10%,delay=3 (delay in periods; any part may be left out)
  analyse    break-even period, payback, crossover, totals, NPV and the year table
  reconcile  checks every stated total against its parts
  apply      writes the analysis into a copy of the workbook as live formulas (--values: plain values);
             the input file is never modified
  portfolio  every case in the workbooks and folders given (searched recursively), one row each,
             ranked; --out writes a portfolio workbook, --limit-years gives each case a verdict`;

function usageError(message: string): ItosError {
  return new ItosError("bad-argument", ErrorMessage.command.usage(message));
}

function parseRate(text: string): string {
  const t = text.trim();
  const pct = t.endsWith("%");
  const n = Number(pct ? t.slice(0, -1) : t);
  if (t === "" || !Number.isFinite(n)) throw usageError(ErrorMessage.command.rateNotANumber(text));
  const rate = pct ? n / 100 : n;
  if (rate <= -1 || rate >= 1) throw usageError(ErrorMessage.command.rateOutOfRange(text));
  return pct ? String(rate) : t;
}

/** A positive number (--limit-years 3, 2.5) or a positive whole number (--jobs 4). */
function parsePositive(name: string, text: string, whole: boolean): string {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n)))
    throw usageError(ErrorMessage.command.notPositive(name, text, whole));
  return text.trim();
}

/** --role CELL=ROLE into `roles`; a cell given twice with two roles is a usage error. */
function parseRole(text: string, roles: Record<string, LineRole>): void {
  const eq = text.lastIndexOf("=");
  const cell = eq < 0 ? "" : text.slice(0, eq).trim();
  const word =
    eq < 0
      ? ""
      : text
          .slice(eq + 1)
          .trim()
          .toLowerCase();
  const choices = Object.keys(ROLE_WORDS).join(", ");
  if (eq < 0 || !cell) throw usageError(ErrorMessage.command.roleUnsplit(text));
  if (!roleCell(cell)) throw usageError(ErrorMessage.command.roleNotACell(text, cell));
  const role = ROLE_WORDS[word];
  if (!role) throw usageError(ErrorMessage.command.roleUnknown(text, choices, word));
  if (roles[cell] !== undefined && roles[cell] !== role)
    throw usageError(ErrorMessage.command.roleTwice(cell));
  roles[cell] = role;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = {
    command: "help",
    workbook: null,
    json: false,
    values: false,
    paths: [],
    force: false,
    roles: {},
  };
  if (argv.length === 0 || argv.some((a) => a === "--help" || a === "-h") || argv[0] === "help")
    return parsed;
  const command = argv[0];
  if (!Object.prototype.hasOwnProperty.call(ALLOWED, command)) {
    throw usageError(
      command.startsWith("-")
        ? ErrorMessage.command.optionBeforeCommand(command)
        : ErrorMessage.command.unknownCommand(command)
    );
  }
  parsed.command = command as CommandName;
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq < 0 ? arg.slice(2) : arg.slice(2, eq)) as OptionName;
    if (!ALLOWED[parsed.command as CommandName].has(name))
      throw usageError(
        ErrorMessage.command.unknownOption(eq < 0 ? arg : arg.slice(0, eq), command)
      );
    let value: string | undefined;
    if (TAKES_VALUE.has(name)) {
      value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--")))
        throw usageError(ErrorMessage.command.needsValue(name));
    } else if (eq >= 0) {
      throw usageError(ErrorMessage.command.takesNoValue(name));
    }
    switch (name) {
      case "sheet":
        parsed.sheet = value;
        break;
      case "basis":
      case "convention":
        if (!isPaybackConvention(value))
          throw usageError(
            ErrorMessage.command.basisUnknown(name, PAYBACK_CONVENTIONS, String(value))
          );
        if (parsed.convention !== undefined && parsed.convention !== value)
          throw usageError(ErrorMessage.command.basisTwice());
        parsed.convention = value;
        break;
      case "role":
        parseRole(value as string, parsed.roles);
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
      case "force":
        parsed.force = true;
        break;
      case "limit-years":
        parsed.limitYears = parsePositive(name, value as string, false);
        break;
      case "what-if":
        parsed.whatIf = parseWhatIf(value as string, usageError);
        break;
      case "jobs":
        parsed.jobs = Number(parsePositive(name, value as string, true));
        break;
    }
  }
  if (command === "portfolio") {
    if (positional.length === 0) throw usageError(ErrorMessage.command.portfolioNeedsPaths());
    parsed.paths = positional;
    return parsed;
  }
  if (positional.length === 0) throw usageError(ErrorMessage.command.needsWorkbook(command));
  if (positional.length > 1)
    throw usageError(ErrorMessage.command.oneWorkbook(command, positional));
  parsed.workbook = positional[0];
  if (command === "apply" && !parsed.out) throw usageError(ErrorMessage.command.applyNeedsOut());
  return parsed;
}
