/**
 * What a table's heading, and a line's own words, say about what its money means beyond
 * investment and return: an ongoing cost that reduces the return, or money of a budget table
 * (pressures, base budget, reserves) that is neither. labels.ts reads investment and return;
 * this module reads the rest, and the words a user types to give a line its role.
 */
import { componentWords } from "./labels";
import type { LineRole } from "./model";

/** What a heading makes of the lines under it. */
export type SectionRole = "investment" | "return" | "cost" | "other";

/** Costs that run on once the scheme is in: they reduce the return rather than being the outlay. */
const ONGOING_COST =
  /\b(ongoing|running|recurring|revenue|operating|licen[cs]ing|licen[cs]es|financing)\b[^]*\bcosts?\b|\bcosts?\b[^]*\b(ongoing|recurring|per (annum|year)|a year)\b/;

/**
 * Budget-table words: a medium-term plan, pressures, growth, reserves, a budget gap. Money in such
 * a table is a budget movement, not a scheme's investment or return: it is reconciled, not paid back.
 */
const BUDGET_TABLE =
  /\b(mtfs|medium[- ]term financial|budget (changes|increases|reductions|pressures|gap)|pressures?|demograph(y|ic)|growth|inflation|base budget|estimated base|funding gap|savings requirement|use of reserves|reserves|close (the )?gap|balanced budget)\b/;

/** "Existing revenue budgets": budgets the scheme releases, which is its saving. */
const RELEASED_BUDGET = /\b(existing|current|released?|replaced)\b[^]*\bbudgets?\b/;

/** Does the label name an ongoing cost (a cost that reduces the return)? */
/** Costs of setting the scheme up: part of the outlay, whatever else the label says ("revenue"). */
const ONE_OFF = /\b(one[- ]off|set[- ]?up|implementation|decommission(ing)?)\b/;

export function namesOngoingCost(key: string): boolean {
  return componentWords(key) === "investment" && ONGOING_COST.test(key) && !ONE_OFF.test(key);
}

/** A budget table's closing line ("Balanced budget", "Remaining gap"): a check of the lines above. */
const BUDGET_TOTAL =
  /^(balanced budget|remaining (budget )?gap|(budget )?gap remaining|net (budget )?gap)\b/;

export function namesBudgetTotal(key: string): boolean {
  return BUDGET_TOTAL.test(key);
}

/** Does the label belong to a budget table (money that is neither investment nor return)? */
export function namesBudgetMovement(key: string): boolean {
  return BUDGET_TABLE.test(key);
}

/** The role a table's heading gives its lines, or null when it says nothing. */
export function sectionOfHeading(key: string): SectionRole | null {
  if (namesBudgetMovement(key)) return "other";
  if (RELEASED_BUDGET.test(key)) return "return";
  if (namesOngoingCost(key)) return "cost";
  return componentWords(key);
}

/** The words a user may type for a role (`--role A13=return`, the pane's choice), as a role. */
export function roleFromWord(word: string): LineRole | null {
  switch (word.trim().toLowerCase()) {
    case "investment":
      return "investment";
    case "return":
    case "saving":
    case "savings":
      return "return";
    case "cost":
      return "cost";
    case "net":
      return "net";
    case "total":
      return "total";
    case "cumulative":
      return "cumulative";
    case "other":
      return "other";
    case "ignore":
    case "ignored":
      return "ignored";
    default:
      return null;
  }
}

/** Cash-flow lines of appraisal tables ("Cash flow", "Annual Cash-flow"): a period's net flow. */
const CASH_FLOW = /^(net |annual |yearly )?cash[- ]?flows?\b/;

export function namesCashFlow(key: string): boolean {
  return CASH_FLOW.test(key);
}

/**
 * The role a user chose for a line: by its key ("total return"), or by its label cell, written as
 * the sheet shows it ("'Appendix 1'!A13", "Appendix 1!A13" or just "A13").
 */
export function overrideFor(
  overrides: Record<string, LineRole>,
  key: string,
  sheetName: string,
  labelCell: string
): LineRole | undefined {
  if (overrides[key] !== undefined) return overrides[key];
  for (const [k, role] of Object.entries(overrides)) {
    const bang = k.lastIndexOf("!");
    const address = k
      .slice(bang + 1)
      .replace(/\$/g, "")
      .trim()
      .toUpperCase();
    if (address !== labelCell.toUpperCase()) continue;
    if (bang < 0) return role;
    const sheet = k.slice(0, bang).trim();
    const unquoted =
      sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
    if (unquoted === sheetName) return role;
  }
  return undefined;
}
