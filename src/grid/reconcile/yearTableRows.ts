/** What a year-table row measures ("Investment by SMBC", "Net ROI"), in terms of the grid's lines. */
import { classifyLabel, normaliseLabel, type GridLine, type GridModel } from "../read";

/** Words that say what kind of measure a label is, not which one. */
const GENERIC = new Set([
  "investment",
  "investments",
  "invest",
  "from",
  "by",
  "the",
  "of",
  "and",
  "in",
  "to",
  "for",
  "total",
  "return",
  "returns",
  "saving",
  "savings",
  "cost",
  "costs",
  "net",
  "roi",
  "funding",
  "year",
  "yr",
  "£",
  "£k",
  "£000s",
  "a",
  "on",
]);

function distinctiveWords(key: string): string[] {
  return key.split(/[^a-z0-9£]+/).filter((w) => w.length > 0 && !GENERIC.has(w));
}

export type Meaning =
  /** The grid lines whose sum (each times its coef) the row states. */
  | {
      kind: "lines";
      lines: GridLine[];
      coefs: number[];
      cumulative: boolean;
      role: "investment" | "return" | "net" | "cumulative";
    }
  | { kind: "unknown"; reason: string };

/** What a year-table row measures, in terms of the grid's lines. */
export function rowMeaning(label: string, model: GridModel): Meaning {
  const key = normaliseLabel(label);
  const kind = classifyLabel(key);
  const byRole = (role: string) => model.lines.filter((l) => l.role === role);
  const sideLines = (role: "investment" | "return") => {
    const total = byRole(`total-${role}`);
    return total.length > 0 ? total : byRole(role);
  };
  if (kind.kind === "cumulative") {
    const cum = byRole("cumulative");
    return cum.length > 0
      ? { kind: "lines", lines: cum.slice(0, 1), coefs: [1], cumulative: true, role: "cumulative" }
      : { kind: "unknown", reason: "the grid has no cumulative line to compare with" };
  }
  if (kind.kind === "net") {
    const net = byRole("net");
    if (net.length > 0)
      return { kind: "lines", lines: net.slice(0, 1), coefs: [1], cumulative: false, role: "net" };
    // Net in the engine's convention: each line as shown times its sign.
    const lines = [...sideLines("investment"), ...sideLines("return")];
    return lines.length > 0
      ? { kind: "lines", lines, coefs: lines.map((l) => l.sign), cumulative: false, role: "net" }
      : { kind: "unknown", reason: "the grid has no lines to net" };
  }
  const role = kind.kind === "total" ? kind.role : kind.kind === "component" ? kind.role : null;
  if (!role)
    return {
      kind: "unknown",
      reason: `its label does not say whether it is investment, return, net or cumulative`,
    };
  const words = distinctiveWords(key);
  if (words.length > 0 && kind.kind === "component") {
    const scored = byRole(role)
      .map((l) => ({ l, score: distinctiveWords(l.key).filter((w) => words.includes(w)).length }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    if (scored.length === 0 || (scored.length > 1 && scored[1].score === scored[0].score)) {
      return { kind: "unknown", reason: `no single ${role} line of the grid matches '${label}'` };
    }
    return { kind: "lines", lines: [scored[0].l], coefs: [1], cumulative: false, role };
  }
  const lines = sideLines(role);
  return lines.length > 0
    ? { kind: "lines", lines, coefs: lines.map(() => 1), cumulative: false, role }
    : { kind: "unknown", reason: `the grid has no ${role} lines` };
}
