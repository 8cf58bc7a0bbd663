/**
 * What a section name's memo records of what ITOS wrote there, in one definition for both
 * adapters: a digest of its cells (which are formulas, and every constant), so text the user
 * typed over one of ITOS's cells is noticed even though typing keeps the cell's style; and the
 * conditional formats ITOS put inside it, so removing ITOS's output takes out its own rules only.
 * Formulas are digested only as formulas, since Excel rewrites their references when the user
 * inserts rows.
 */
import type { RefCorner } from "./formulaRef";
import { tokenize } from "./formulaTokenizer";
import { parseRangeRef, type Box } from "./reference";

/** The memo field holding the digest of the section's cells. */
export const DIGEST_FIELD = "sum";
/** The memo field listing the conditional formats ITOS wrote in the section. */
export const RULES_FIELD = "cf";

function inside(row: number, col: number, box: Box): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

function area(box: Box): number {
  return (box.bottom - box.top + 1) * (box.right - box.left + 1);
}

function within(inner: Box, outer: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/** True when the cell belongs to this section and to no smaller section on its sheet inside it. */
export function isLeafCell(
  row: number,
  col: number,
  box: Box & { sheet: string },
  sections: readonly (Box & { sheet: string })[]
): boolean {
  if (!inside(row, col, box)) return false;
  return !sections.some(
    (other) =>
      other !== box &&
      other.sheet === box.sheet &&
      area(other) < area(box) &&
      inside(row, col, other)
  );
}

/** How a cell enters the digest: "=" for any formula, else its constant as Excel gives it back. */
export function digestText(input: unknown): string {
  if (typeof input === "number") return String(input);
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  const text = input === null || input === undefined ? "" : String(input);
  if (text.startsWith("=")) return "=";
  return (text.startsWith("'") ? text.slice(1) : text).trim();
}

/** FNV-1a over the cells, each placed relative to the section's top-left corner. */
export function sectionDigest(
  box: Box,
  cells: readonly { row: number; col: number; input: unknown }[]
): string {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  let hash = 0x811c9dc5;
  for (const c of sorted) {
    const text = `${c.row - box.top},${c.col - box.left}:${digestText(c.input)};`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, "0");
}

/** A cell a plan writes, as the digest sees it (the planner's PlannedCell fits). */
export interface DigestedCell {
  sheet: string;
  row: number;
  col: number;
  formula?: string;
  value: number | string | null;
}

/** A conditional format a plan writes (the planner's PlannedConditionalFormat fits). */
export interface WrittenRule {
  sheet: string;
  /** "B60:O60", without the sheet. */
  range: string;
  /** With its leading "=", relative to the range's top-left cell. */
  formula: string;
}

/**
 * A rule's range and formula with every reference as an offset from the section's top-left
 * corner ("$" kept as written): the same text wherever rows or columns inserted before the
 * section move it, since Excel moves the section's name, the rule's range and the references in
 * its formula together. Anything else the user changes in the rule makes it a different text.
 */
export function ruleKey(section: Box, range: Box, formula: string): string {
  const corner = (c: RefCorner) =>
    `${c.absRow ? "$" : ""}R[${c.row === null ? "*" : c.row - section.top}]` +
    `${c.absCol ? "$" : ""}C[${c.col === null ? "*" : c.col - section.left}]`;
  let text = "";
  for (const t of tokenize(formula.replace(/^=/, ""))) {
    if (t.kind !== "ref") text += t.kind === "func" ? t.text.toUpperCase() : t.text;
    else {
      const sheet = t.ref.sheet === null ? "" : `'${t.ref.sheet.toUpperCase()}'!`;
      text += `${sheet}${corner(t.ref.start)}:${corner(t.ref.end)}`;
    }
  }
  const at = `${range.top - section.top},${range.left - section.left},${range.bottom - section.top},${range.right - section.left}`;
  return `${at}|${formula ? `=${text.replace(/\s+/g, "")}` : ""}`;
}

/** The box of a rule's one-area range ("A25:E27"); null for several areas or a bad address. */
export function ruleBox(range: string): Box | null {
  const address = range.replace(/^.*!/, "").trim();
  if (/[\s,]/.test(address)) return null;
  return parseRangeRef(`'x'!${address}`);
}

/** The section shape a memo is computed for: a name and its box. */
type SectionBox = Box & { sheet: string; name: string };

export interface SectionRecord {
  /** Digest of the cells ITOS writes in the section (its leaf cells). */
  sum: string;
  /** The rules ITOS writes whose range lies inside this section and no smaller one (ruleKey). */
  cf: string[];
}

/**
 * What each section's memo records of a plan: the digest of its cells (valuesOnly: formulas
 * written as their values) and the keys of the rules that fall to it, the smallest section
 * holding the rule's whole range.
 */
export function sectionRecords(
  sections: readonly SectionBox[],
  cells: readonly DigestedCell[],
  rules: readonly WrittenRule[],
  valuesOnly: boolean
): Map<string, SectionRecord> {
  const records = new Map<string, SectionRecord>();
  for (const box of sections) {
    const mine = cells
      .filter((c) => c.sheet === box.sheet && isLeafCell(c.row, c.col, box, sections))
      .map((c) => ({
        row: c.row,
        col: c.col,
        input: c.formula && !valuesOnly ? "=" : c.value,
      }));
    records.set(box.name, { sum: sectionDigest(box, mine), cf: [] });
  }
  for (const rule of rules) {
    const range = ruleBox(rule.range);
    if (!range) continue;
    const home = sections
      .filter((s) => s.sheet === rule.sheet && within(range, s))
      .sort((a, b) => area(a) - area(b))[0];
    if (home) records.get(home.name)?.cf.push(ruleKey(home, range, rule.formula));
  }
  return records;
}

/** ITOS's break-even highlight as it was written before sections recorded their rules. */
const LEGACY_HIGHLIGHT = /^=?AND\(\$[A-Z]{1,3}\d+>=0,\$[A-Z]{1,3}\d+<0\)$/;

/**
 * True when the rule (its one-area range and formula) is one ITOS wrote in this section: its key
 * is among those the section's memo recorded. A section written before memos listed rules has
 * none recorded; there ITOS's highlight is known by its shape inside the section.
 */
export function isRecordedRule(
  recorded: unknown,
  section: Box,
  range: Box | null,
  formula: string | null
): boolean {
  if (!range || !within(range, section)) return false;
  if (Array.isArray(recorded)) {
    // A rule with no formula yet is one a write cut short left between adding it and setting it
    // (a user's rule always has one): ITOS's when its range is one the section recorded.
    if (!formula) return recorded.some((k) => String(k).startsWith(ruleKey(section, range, "")));
    return recorded.includes(ruleKey(section, range, formula));
  }
  return LEGACY_HIGHLIGHT.test((formula ?? "").replace(/\s+/g, ""));
}
