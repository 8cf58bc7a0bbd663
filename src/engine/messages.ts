/**
 * Every message ITOS gives when it refuses something the user can put right, in one place and in
 * a finance user's words (after HyperFormula's ErrorMessage). Each message is a function of its
 * variable parts, named for what is wrong; one that takes a cell names it. The caller chooses the
 * ItosError code and passes the parts already shown as the sheet shows them (a number, a list).
 */

/** Plural-aware pieces of a sentence: "one period is" / "3 periods are". */
function countOf(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "1 case" / "3 cases": a count and its noun, the noun made plural with "s". */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${countOf(n, "", "s")}`;
}

/** The syntax of --what-if, as the usage messages show it. */
const WHAT_IF_EXAMPLE = "returns=-20%,investment=+10%,delay=3";

/** How many missing periods are listed by name before "A to B" is said instead. */
const MISSING_NAMED = 6;

const LIMIT_WORDS = "999,999,999,999,999 (the 15 digits Excel holds exactly)";

/** Why a file cannot be opened or written, said after "Cannot open x: ". */
export const FileReason = {
  noSuchFile: "no such file",
  folder: "it is a folder, not a file",
  permissionDenied: "permission denied",
  unreadable: "it cannot be read",
  readOnlyDisk: "the disk is read-only",
  diskFull: "the disk is full",
  quotaUsedUp: "the disk quota is used up",
  pathThroughFile: "part of the path is a file, not a folder",
  refused: "the file system refused",
};

/** The catalogue: ErrorMessage.<topic>.<message>(parts). */
export const ErrorMessage = {
  /** The periods across (or down) a grid. */
  period: {
    noPeriods: () => "No periods found: the grid needs month or year headers.",
    mixedCadence: () =>
      "The periods mix quarters with months or years: use one kind of period across the grid.",
    repeated: (cell: string, label: string, earlierCell: string) =>
      `${cell} repeats the period ${label} already headed at ${earlierCell}.`,
    outOfOrder: (label: string, earlierLabel: string) =>
      `${label} does not follow ${earlierLabel}: the periods run out of order.`,
    /** Six missing periods are named one by one; more as "first to last". */
    missing: (before: string, after: string, missing: readonly string[]) => {
      const names =
        missing.length <= MISSING_NAMED
          ? missing.join(", ")
          : `${missing[0]} to ${missing[missing.length - 1]}`;
      const count = countOf(missing.length, "one period is", `${missing.length} periods are`);
      return `Between ${before} and ${after} ${count} missing (${names}).`;
    },
    /** `gap` is outOfOrder or missing; `unread` the headings between that are not periods. */
    gapRefused: (cell: string, gap: string, unread: readonly string[], missingCount: number) => {
      const one = unread.length === 1;
      const unreadText =
        unread.length === 0
          ? ""
          : ` ${unread.join(", ")} ${one ? "is" : "are"} not read as ${one ? "a period" : "periods"}: write ${one ? "it" : "them"} as a month such as Apr-22.`;
      return `${cell}: ${gap} The payback would be wrong with a period left out, so the grid is not read.${unreadText} Otherwise add the missing ${countOf(missingCount, "period", "periods")} (blank is zero).`;
    },
    /** The actuals run up to a period of the grid, counted from 1 in the message. */
    lastActualOutOfRange: (periodCount: number, given: number) =>
      `The last actual period must be one of the grid's ${periodCount} periods (got ${given}).`,
  },

  /** The figures in a grid's cells. */
  amount: {
    /** `shown` is the cell's content as the user sees it: "#REF!", "TRUE", "the text 'tbc'". */
    notAnAmount: (cell: string, shown: string) =>
      `${cell} holds ${shown} where an amount is expected.`,
    /** Excel holds 15 digits exactly: a larger figure cannot be added up exactly in the workbook. */
    tooLarge: (cell: string, shown: string, label: string) =>
      `${cell} holds ${shown} ('${label}'), out of range: ITOS answers for amounts up to ${LIMIT_WORDS}. Check the cell for a mistyped figure.`,
    totalTooLarge: (what: string, range: string, shown: string) =>
      `The ${what} of the grid at ${range} comes to ${shown}, out of range: ITOS answers for amounts and totals up to ${LIMIT_WORDS}. Check the grid for a mistyped figure.`,
  },

  /** Finding the grid and its lines. */
  grid: {
    noGridOnSheet: (sheet: string, why: string) =>
      `No payback grid found on sheet '${sheet}': ${why}.`,
    /** `summarySheets` hold a table of schemes, read as a scheme summary instead. */
    noGridInWorkbook: (summarySheets: readonly string[]) => {
      const quoted = summarySheets.map((s) => `'${s}'`);
      const why =
        quoted.length === 0
          ? ""
          : ` ${quoted.join(", ")} ${countOf(quoted.length, "holds", "hold")} a table of schemes with no timeline (a cost, an annual saving and a payback per scheme), read as a scheme summary rather than a payback grid.`;
      return `No payback grid found on any sheet: no row of month or year headers with investment and return lines under it.${why}`;
    },
    noSuchSheet: (sheet: string, sheets: readonly string[]) =>
      `There is no sheet named '${sheet}' (the sheets are ${sheets.map((s) => `'${s}'`).join(", ")}).`,
    emptySheet: (sheet: string) =>
      `The sheet '${sheet}' is empty: open the sheet that holds the investment and return figures.`,
    /** Each candidate is "cell: label". */
    ambiguousLines: (sheet: string, candidates: readonly string[]) =>
      `Cannot tell whether these lines on '${sheet}' are investment or return: ${candidates.join("; ")}. Say which each one is.`,
    /** A budget table: `lines` are shown as "cell 'label'", `more` not shown; `roleCell` as typed after --role. */
    noPaybackLines: (sheet: string, lines: readonly string[], more: number, roleCell: string) =>
      `'${sheet}' has no investment or return lines to pay back: ${lines.join(", ")}${more > 0 ? ` and ${more} more` : ""} are budget lines (neither investment nor return). Its stated totals can still be checked (itos reconcile). If a line is investment or return, give it that role (--role ${roleCell}=investment or =return).`,
  },

  /** The settings of an analysis: rate, limit, what-if changes. */
  setting: {
    /** At -100% or below, the discount factor 1 / (1 + r)^t is undefined or negative. */
    discountRateUnusable: (rate: string) =>
      `The discount rate ${rate} is not usable: it must be above -100%.`,
    paybackLimitUnusable: (years: string) =>
      `The payback limit ${years} years is not usable: it must be zero or more.`,
    /** `percent` is the change in per cent ("-120"). */
    changeUnusable: (what: string, percent: string) =>
      `The change to ${what} (${percent}%) is not usable: it cannot take away more than all of it.`,
    delayUnusable: (delay: string) =>
      `The delay must be a whole number of periods, zero or more; got ${delay}.`,
    /** The pane's rate box holds what the user typed. */
    ratePercentUnreadable: (typed: string) =>
      `The discount rate '${typed}' is not a percentage: type a number such as 3.5.`,
  },

  /** Reading a workbook file and writing the output file. */
  file: {
    cannotOpen: (file: string, why: string) => `Cannot open ${file}: ${why}.`,
    /** Excel encrypts a password-protected .xlsx into the same OLE container as an old .xls. */
    passwordProtected: (file: string) =>
      `${file} is password-protected (or an old .xls file): remove the password or save it as .xlsx, then try again.`,
    notXlsx: (file: string) =>
      `${file} is not an Excel .xlsx workbook (it may be a CSV or text file renamed).`,
    damaged: (file: string) =>
      `${file} could not be read as an .xlsx workbook: the file is damaged or not a workbook.`,
    noWorksheets: (file: string) =>
      `${file} holds no worksheets: it is not an Excel .xlsx workbook.`,
    /** A message from inside the package, prefixed with the file it is about. */
    inFile: (file: string, message: string) => `${file}: ${message}`,
    noSheetNamed: (sheet: string) => `The workbook has no sheet named '${sheet}'.`,
    outputIsInput: (inputFile: string) =>
      `--out must name a new file: ITOS never modifies the input (${inputFile}).`,
    cannotWrite: (file: string, why: string) => `Cannot write ${file}: ${why}.`,
    outputExists: (file: string) =>
      `${file} already exists: give --force to replace it, or choose another --out.`,
    noWorkbookParts: () =>
      "The workbook has no workbook or styles part: it is not an Excel .xlsx workbook.",
    /** A sheet part ITOS cannot rewrite without risk (a form Excel itself never saves). */
    sheetNotEditable: (sheet: string) =>
      `Sheet '${sheet}' is stored in a form ITOS cannot edit safely; save the workbook from Excel and try again.`,
    nameTakenInFile: (name: string) =>
      `The workbook already has a name ${name} that ITOS did not write; ITOS leaves it alone, so rename it and apply again.`,
    cellTakenInFile: (cell: string) =>
      `${cell} is not empty, and ITOS never overwrites a cell it did not write.`,
    noWorkbooksFound: (paths: readonly string[]) =>
      `No .xlsx workbooks found in ${paths.join(", ")}.`,
  },

  /** Writing into the open workbook: ITOS never overwrites what it did not write. */
  write: {
    cellTaken: (cell: string, content: string) =>
      `${cell} already holds '${content}'. ITOS only writes into empty cells, so it has written nothing: clear or move that cell, or choose "New sheet" for the output.`,
    sheetTaken: (sheet: string) =>
      `A sheet called '${sheet}' already exists and ITOS did not create it, so it has written nothing: rename that sheet and try again.`,
    nameTaken: (name: string) =>
      `The workbook already has a name ${name} that ITOS did not write; ITOS leaves it alone, so it has written nothing: rename that name and try again.`,
    unreadableReference: (range: string) => `ITOS could not read the reference ${range}.`,
  },

  /** The `itos` command line; every one ends in command.usage's pointer to --help. */
  command: {
    usage: (message: string) => `${message} (see itos --help).`,
    optionBeforeCommand: (option: string) => `Unknown option ${option}: give a command first`,
    unknownCommand: (name: string) =>
      `Unknown command '${name}': use analyse, reconcile, apply or portfolio`,
    unknownOption: (option: string, name: string) => `Unknown option ${option} for 'itos ${name}'`,
    needsValue: (option: string) => `--${option} needs a value`,
    takesNoValue: (option: string) => `--${option} takes no value`,
    rateNotANumber: (typed: string) => `--rate ${typed} is not a number; give it as 0.035 or 3.5%`,
    /** A rate of 100% a year or more is a typing slip (35 for 3.5%), not a discount rate. */
    rateOutOfRange: (typed: string) =>
      `--rate ${typed} is out of range; give an annual rate such as 0.035`,
    notPositive: (option: string, typed: string, whole: boolean) =>
      `--${option} ${typed} is not a positive ${whole ? "whole number" : "number of years"}`,
    /** `choices` are the conventions; the last is joined with "or". */
    basisUnknown: (option: string, choices: readonly string[], typed: string) =>
      `--${option} must be ${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}, not '${typed}'`,
    basisTwice: () => `--basis and --convention name one convention; give it once`,
    roleUnsplit: (typed: string) =>
      `--role ${typed}: give the line's label cell and its role, as --role A13=return`,
    roleNotACell: (typed: string, cell: string) =>
      `--role ${typed}: '${cell}' is not a cell; give the label cell as A13 or 'Sheet 1'!A13`,
    roleUnknown: (typed: string, choices: string, word: string) =>
      `--role ${typed}: the role must be one of ${choices}, not '${word}'`,
    roleTwice: (cell: string) => `--role ${cell} is given twice with different roles`,
    portfolioNeedsPaths: () =>
      "'itos portfolio' needs workbooks or folders: itos portfolio <folder>",
    needsWorkbook: (name: string) =>
      `'itos ${name}' needs a workbook: itos ${name} <workbook.xlsx>`,
    oneWorkbook: (name: string, files: readonly string[]) =>
      `'itos ${name}' takes one workbook, not ${files.length} (${files.join(", ")})`,
    applyNeedsOut: () => "'itos apply' needs --out <new.xlsx>: the input file is never modified",
  },

  /** --what-if returns=-20%,investment=+10%,delay=3, each part named when it is wrong. */
  whatIf: {
    empty: () => `--what-if needs changes, as --what-if ${WHAT_IF_EXAMPLE}`,
    twice: (key: string) => `--what-if: '${key}' is given twice`,
    /** The example matches the usual direction: returns fall, investment rises. */
    needsPercent: (part: string, key: string) =>
      `--what-if: '${part}' needs a percentage change, as ${key}=${key === "returns" ? "-20%" : "+10%"}`,
    takesAll: (part: string, key: string) =>
      `--what-if: '${part}' takes away more than all of the ${key}`,
    needsWholeDelay: (part: string) =>
      `--what-if: '${part}' needs a whole number of periods, zero or more, as delay=3`,
    unknownChange: (part: string) =>
      `--what-if: '${part}' is not a change ITOS knows; use returns, investment and delay, as ${WHAT_IF_EXAMPLE}`,
  },
} as const;
