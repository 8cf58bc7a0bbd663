/**
 * What a line's label says about its role. Council grids name their lines in a handful of ways
 * ("Investment from SMBC", "Total return", "In month (cost) / return", "Cum (cost) / return");
 * these patterns read them. Roles that depend on position (a line under a "Return" heading) are
 * decided in detect.ts.
 */

/** The label as a key, the same in every block: lower case, single spaces, no trailing colon. */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\u00a0/g, " ")
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s*[:.]+$/, "");
}

const RETURN_WORDS =
  /\b(savings?|returns?|reductions?|reduced|income|avoid(ed|ance)?|benefits?|efficienc(y|ies)|cashable|recover(y|ed)?|inflows?|generated)\b/;
const INVESTMENT_WORDS =
  /\b(invest(ment|ments|ed)?|costs?|funding|funded|spend|spending|capital|expenditure|outlay|set[- ]?up|implementation|one[- ]off|out ?flows?)\b/;
/** Words that name money out but also what a saving is made on ("Agency staff costs" under Savings). */
const WEAK_INVESTMENT_WORDS = /\b(costs?|spend|spending|expenditure)\b/;
// "Commulative" as some papers spell it; "Balance" is the running position of a payback table.
const CUMULATIVE = /\bcum(ulative)?\b|\bcum\.|\bcomm?ulative\b|running total|^balance$/;
/** A "cash flow" line of an appraisal table is the net of what goes out and comes in. */
const NET =
  /^net\b|\bnet\b|\bin[- ]?month\b|\broi\b|return on investment|^(annual )?cash[- ]?flows?\b/;
const TOTAL = /\b(sub-?)?total\b/;
// Discount factors beside the flows of an appraisal table are rates, not money.
const IGNORED =
  /^(notes?|source|sources|ref|reference|comments?|assumptions?|memo|fte|ftes|discount (factors?|rates?))\b/;

export type LabelKind =
  | { kind: "cumulative" }
  | { kind: "net" }
  /** A total line; role null when the label does not say of what ("Total"). */
  | { kind: "total"; role: "investment" | "return" | null }
  /** weak: only words like "costs" say investment, so a Savings heading above outweighs them. */
  | { kind: "component"; role: "investment" | "return"; weak?: true }
  | { kind: "ignored" }
  /** Nothing in the label says what the line is. */
  | { kind: "unknown" };

/** The role a label's words give, return words winning ("Cost reduction" is a saving). */
export function componentWords(key: string): "investment" | "return" | null {
  if (RETURN_WORDS.test(key)) return "return";
  if (INVESTMENT_WORDS.test(key)) return "investment";
  return null;
}

export function classifyLabel(key: string): LabelKind {
  if (IGNORED.test(key)) return { kind: "ignored" };
  if (CUMULATIVE.test(key)) return { kind: "cumulative" };
  if (TOTAL.test(key)) {
    if (/\bnet\b/.test(key)) return { kind: "net" };
    return { kind: "total", role: componentWords(key) };
  }
  if (NET.test(key)) return { kind: "net" };
  const role = componentWords(key);
  if (!role) return { kind: "unknown" };
  const strong = key.replace(new RegExp(WEAK_INVESTMENT_WORDS.source, "g"), " ");
  return role === "investment" && !INVESTMENT_WORDS.test(strong)
    ? { kind: "component", role, weak: true }
    : { kind: "component", role };
}
