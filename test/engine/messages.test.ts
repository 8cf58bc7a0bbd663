/**
 * The message catalogue: every message is given a sample of its parts, so a message added without
 * one fails here. Each must show the parts it is given (a cell above all), and hold no HTML and no
 * unfilled placeholder. The plural and list rules are checked against sentences written out by hand.
 */
import { ErrorMessage, FileReason } from "../../src/engine";

type Message = (...args: never[]) => string;

/** Distinctive parts, so that finding one in the text cannot be a coincidence. */
const SAMPLES: Record<string, unknown[]> = {
  "period.noPeriods": [],
  "period.mixedCadence": [],
  "period.repeated": ["'Appendix 1'!H4", "May-24", "'Appendix 1'!G4"],
  "period.outOfOrder": ["Mar-24", "May-24"],
  "period.missing": ["May-24", "Sep-24", ["Jun-24", "Jul-24", "Aug-24"]],
  "period.gapRefused": ["Plan!E1", "Mar-24 does not follow May-24.", ["Plan!D1 'Junn-24'"], 1],
  "period.lastActualOutOfRange": [12, 15],
  "amount.notAnAmount": ["Appendix 1!E9", "#REF!"],
  "amount.tooLarge": ["Appendix 1!E9", "1.000E+16", "Savings"],
  "amount.totalTooLarge": ["total return", "Plan!A1:E3", "1.800E+15"],
  "grid.noGridOnSheet": ["Notes", "no row of month or year headers"],
  "grid.noGridInWorkbook": [["LED schemes"]],
  "grid.noSuchSheet": ["Nope", ["Plan", "Appendix 1"]],
  "grid.emptySheet": ["Sheet3"],
  "grid.ambiguousLines": ["Plan", ["Plan!A3: Widgets", "Plan!A4: Gizmos"]],
  "grid.noPaybackLines": ["Budget", ["Budget!A2 'Base budget'"], 0, "Budget!A2"],
  "setting.discountRateUnusable": ["-1.5"],
  "setting.paybackLimitUnusable": ["-2"],
  "setting.changeUnusable": ["returns", "-150"],
  "setting.delayUnusable": ["1.5"],
  "setting.ratePercentUnreadable": ["three"],
  "file.cannotOpen": ["budget.xlsx", FileReason.noSuchFile],
  "file.passwordProtected": ["budget.xlsx"],
  "file.notXlsx": ["budget.xlsx"],
  "file.damaged": ["budget.xlsx"],
  "file.noWorksheets": ["budget.xlsx"],
  "file.inFile": ["budget.xlsx", "The workbook has no sheet named 'Plan'."],
  "file.noSheetNamed": ["Plan"],
  "file.outputIsInput": ["budget.xlsx"],
  "file.cannotWrite": ["out/budget.xlsx", FileReason.diskFull],
  "file.outputExists": ["out/budget.xlsx"],
  "file.noWorkbookParts": [],
  "file.sheetNotEditable": ["Plan"],
  "file.nameTakenInFile": ["ITOS_Output"],
  "file.cellTakenInFile": ["'Plan'!B30"],
  "file.noWorkbooksFound": [["cases/2024", "cases/2025"]],
  "write.cellTaken": ["Appendix 1!K40", "Notes for the board"],
  "write.sheetTaken": ["ITOS Analysis"],
  "write.nameTaken": ["ITOS_PAYBACK"],
  "write.unreadableReference": ["Plan!A1:?"],
  "command.usage": ["--rate needs a value"],
  "command.optionBeforeCommand": ["--json"],
  "command.unknownCommand": ["frobnicate"],
  "command.unknownOption": ["--bogus", "analyse"],
  "command.needsValue": ["rate"],
  "command.takesNoValue": ["json"],
  "command.rateNotANumber": ["abc"],
  "command.rateOutOfRange": ["35"],
  "command.notPositive": ["jobs", "1.5", true],
  "command.basisUnknown": ["basis", ["first-investment", "simple", "time-zero"], "weird"],
  "command.basisTwice": [],
  "command.roleUnsplit": ["A13"],
  "command.roleNotACell": ["zz=return", "zz"],
  "command.roleUnknown": ["A13=thing", "investment, return", "thing"],
  "command.roleTwice": ["A13"],
  "command.portfolioNeedsPaths": [],
  "command.needsWorkbook": ["reconcile"],
  "command.oneWorkbook": ["analyse", ["a.xlsx", "b.xlsx"]],
  "command.applyNeedsOut": [],
  "whatIf.empty": [],
  "whatIf.twice": ["returns"],
  "whatIf.needsPercent": ["returns=ten%", "returns"],
  "whatIf.takesAll": ["returns=-200%", "returns"],
  "whatIf.needsWholeDelay": ["delay=1.5"],
  "whatIf.unknownChange": ["speed=3"],
};

/** Parameters that name where the problem is: the message must show them as given. */
const PLACE_PARAMETERS = new Set(["cell", "earlierCell", "range", "sheet", "file", "inputFile"]);

const catalogue = Object.entries(ErrorMessage).flatMap(([topic, messages]) =>
  Object.entries(messages as Record<string, Message>).map(([name, fn]) => ({
    key: `${topic}.${name}`,
    fn,
  }))
);

/** The parameter names of an arrow function as compiled: "(cell, shown) => ..." gives both. */
function parameterNames(fn: Message): string[] {
  const head = /^\(([^)]*)\)\s*=>/.exec(fn.toString());
  if (!head) throw new Error(`not an arrow function: ${fn.toString().slice(0, 40)}`);
  return head[1]
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

function filled(key: string, fn: Message): string {
  return (fn as (...args: unknown[]) => string)(...SAMPLES[key]);
}

/** Tags and entities of HTML; "<folder>" in a usage synopsis is a placeholder for the user. */
const HTML =
  /<\/?(a|b|i|p|br|hr|div|span|script|style|img|iframe|strong|em|table|tr|td|ul|li)\b[^>]*>|&(#\d+|[a-z]+);/i;
const UNFILLED = /\$\{|\{\d*\}|%[sd]\b|\bundefined\b|\bnull\b|\bNaN\b|\[object /;

describe("the message catalogue", () => {
  it("has a sample for every message, and none for a message that is gone", () => {
    expect(catalogue.map((m) => m.key).sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(catalogue.length).toBeGreaterThan(50);
  });

  it.each(catalogue.map((m) => [m.key, m.fn] as const))(
    "%s takes its parts and shows each, the cell above all",
    (key, fn) => {
      const names = parameterNames(fn);
      const args = SAMPLES[key];
      expect(names).toHaveLength(args.length);
      const text = filled(key, fn);
      names.forEach((name, i) => {
        const arg = args[i];
        if (PLACE_PARAMETERS.has(name)) expect(text).toContain(arg as string);
        if (typeof arg === "string") expect(text).toContain(arg);
        if (Array.isArray(arg)) for (const part of arg) expect(text).toContain(part);
      });
    }
  );

  it.each(catalogue.map((m) => [m.key, m.fn] as const))(
    "%s holds no HTML and no unfilled placeholder",
    (key, fn) => {
      const text = filled(key, fn);
      expect(text).not.toMatch(HTML);
      expect(text).not.toMatch(UNFILLED);
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/ {2}/);
    }
  );

  it("gives the reasons a file cannot be opened as plain words, to follow a colon", () => {
    for (const reason of Object.values(FileReason)) {
      expect(reason).toMatch(/^[a-z][a-z ,-]*[a-z]$/);
      expect(ErrorMessage.file.cannotOpen("a.xlsx", reason)).toBe(`Cannot open a.xlsx: ${reason}.`);
    }
  });

  it("checks the test for HTML can fail", () => {
    expect("ITOS could not read <b>A1</b>").toMatch(HTML);
    expect("Cannot open a&amp;b.xlsx").toMatch(HTML);
    expect("itos portfolio <folder>").not.toMatch(HTML);
    expect("the delay ${delay}").toMatch(UNFILLED);
  });
});

describe("the catalogue's plural and list rules, against sentences written out", () => {
  it("names up to six missing periods, and more as first to last", () => {
    expect(ErrorMessage.period.missing("May-24", "Jul-24", ["Jun-24"])).toBe(
      "Between May-24 and Jul-24 one period is missing (Jun-24)."
    );
    // May-24 to Jan-25 skips Jun..Dec: 7 periods, more than six, so only the ends are named.
    const seven = ["Jun-24", "Jul-24", "Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24"];
    expect(ErrorMessage.period.missing("May-24", "Jan-25", seven)).toBe(
      "Between May-24 and Jan-25 7 periods are missing (Jun-24 to Dec-24)."
    );
    expect(ErrorMessage.period.missing("May-24", "Dec-24", seven.slice(0, 6))).toBe(
      "Between May-24 and Dec-24 6 periods are missing (Jun-24, Jul-24, Aug-24, Sep-24, Oct-24, Nov-24)."
    );
  });

  it("says 'it' of one unread heading and 'them' of two, and the missing periods' number", () => {
    const gap = "Between May-24 and Jul-24 one period is missing (Jun-24).";
    expect(ErrorMessage.period.gapRefused("Plan!D1", gap, [], 1)).toBe(
      `Plan!D1: ${gap} The payback would be wrong with a period left out, so the grid is not read. Otherwise add the missing period (blank is zero).`
    );
    expect(ErrorMessage.period.gapRefused("Plan!D1", gap, ["Plan!C1 'Junn-24'"], 1)).toContain(
      " Plan!C1 'Junn-24' is not read as a period: write it as a month such as Apr-22. Otherwise add the missing period (blank"
    );
    expect(
      ErrorMessage.period.gapRefused("Plan!E1", gap, ["Plan!C1 'Junn-24'", "Plan!D1 'Jully'"], 2)
    ).toContain(
      " Plan!C1 'Junn-24', Plan!D1 'Jully' are not read as periods: write them as a month such as Apr-22. Otherwise add the missing periods (blank"
    );
  });

  it("says which sheets hold a scheme summary, in the singular or plural", () => {
    const base =
      "No payback grid found on any sheet: no row of month or year headers with investment and return lines under it.";
    expect(ErrorMessage.grid.noGridInWorkbook([])).toBe(base);
    expect(ErrorMessage.grid.noGridInWorkbook(["A", "B"])).toBe(
      `${base} 'A', 'B' hold a table of schemes with no timeline (a cost, an annual saving and a payback per scheme), read as a scheme summary rather than a payback grid.`
    );
    expect(ErrorMessage.grid.noGridInWorkbook(["A"])).toContain(" 'A' holds a table");
  });

  it("counts the budget lines not shown", () => {
    const lines = ["B!A2 'Base'", "B!A3"];
    expect(ErrorMessage.grid.noPaybackLines("B", lines, 0, "B!A2")).toContain(
      ": B!A2 'Base', B!A3 are budget lines"
    );
    expect(ErrorMessage.grid.noPaybackLines("B", lines, 2, "B!A2")).toContain(
      ": B!A2 'Base', B!A3 and 2 more are budget lines"
    );
  });

  it("joins the last convention with 'or'", () => {
    expect(ErrorMessage.command.basisUnknown("basis", ["a", "b", "c"], "d")).toBe(
      "--basis must be a, b or c, not 'd'"
    );
  });
});
