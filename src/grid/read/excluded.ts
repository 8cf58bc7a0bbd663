/**
 * Every amount line is counted, checked as a total, or reported here with the reason it is left
 * out; one that holds money puts a warning on the answer, since leaving it out changes the payback.
 */
import { ErrorMessage, ItosError } from "../../engine";
import { quoteSheetName } from "../../sheet";
import type { ExcludedLine, GridModel, LineRole } from "./model";

/** Why a line of each role takes no part in the payback. */
const REASONS: Partial<Record<LineRole, string>> = {
  other:
    "money that is neither investment nor return (a budget, pressure or funding line); its totals are still checked",
  ignored: "notes, references, counts or percentages, not money",
  heading: "a heading with figures beside it",
};

export function exclusionReason(role: LineRole): string | null {
  return REASONS[role] ?? null;
}

/** Lines named in a message before "and n more". */
const SHOWN = 4;

/** "New budget changes!A6" as it is typed after --role: the sheet quoted as in a formula. */
function roleArgument(cell: string): string {
  const bang = cell.lastIndexOf("!");
  return bang < 0 ? cell : `${quoteSheetName(cell.slice(0, bang))}${cell.slice(bang)}`;
}

/** The warning an answer carries when lines with money in them are left out. */
export function excludedMoneyWarning(excluded: ExcludedLine[]): string | null {
  const money = excluded.filter((e) => e.holdsMoney);
  if (money.length === 0) return null;
  const shown = money.slice(0, SHOWN).map((e) => (e.label ? `${e.cell} '${e.label}'` : e.cell));
  const more = money.length > SHOWN ? ` and ${money.length - SHOWN} more` : "";
  return `Not counted in the payback, though they hold money: ${shown.join(", ")}${more}. If one is investment or return, say so (--role ${roleArgument(money[0].cell)}=investment or =return).`;
}

const COUNTED_ROLES: ReadonlySet<LineRole> = new Set(["investment", "return", "cost", "net-flow"]);

/** Does the model have lines whose money makes a payback? A budget table has none. */
export function hasCountedLines(model: GridModel): boolean {
  return model.lines.some((l) => COUNTED_ROLES.has(l.role));
}

/**
 * The refusal for a table with money but no investment or return (a budget-changes or MTFS
 * table): it names the lines and what to do, and says its totals can still be checked.
 */
export function noPaybackLinesError(model: GridModel): ItosError {
  const money = model.excluded.filter((e) => e.holdsMoney);
  const shown = money.slice(0, SHOWN).map((e) => (e.label ? `${e.cell} '${e.label}'` : e.cell));
  const more = Math.max(0, money.length - SHOWN);
  const first = roleArgument(money[0]?.cell ?? model.sheetName);
  return new ItosError(
    "no-investment",
    ErrorMessage.grid.noPaybackLines(model.sheetName, shown, more, first),
    { cell: money[0]?.cell ?? null, candidates: money.map((e) => e.cell) }
  );
}
