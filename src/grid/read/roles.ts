/** Each labelled line of a grid, and its role: by its label, or by the section heading it sits under. */
import { cellName, sheetCellName } from "./orient";
import { classifyLabel, normaliseLabel } from "./labels";
import type { LineRole } from "./model";
import { cellAt, formatAt, isBlank, type SheetSnapshot } from "../../sheet";
import type { BlockSpan } from "./blocks";
import { shownNumber, rowHasValues } from "./blocks";

/** A section named in a column left of the labels ("Investment" beside the first line of it). */
export function sectionBeside(
  snapshot: SheetSnapshot,
  row: number,
  labelCol: number
): { role: "investment" | "return"; from: string } | null {
  for (let c = labelCol - 1; c >= snapshot.left; c--) {
    const v = cellAt(snapshot, row, c);
    if (typeof v === "string" && !isBlank(v)) {
      const kind = classifyLabel(normaliseLabel(v));
      if (kind.kind === "component")
        return { role: kind.role, from: `${cellName(snapshot, row, c)} '${v.trim()}'` };
    }
  }
  return null;
}

export interface RawLine {
  key: string;
  label: string;
  rows: (number | null)[];
  hasValues: boolean;
  /** Some cell under the periods holds an amount (not only words). */
  hasAmounts: boolean;
  /** Role decided in each block (null where absent or undecided). */
  blockRoles: (LineRole | null)[];
  /** The heading a role was taken from ("A7 'Return'"), when the label itself said nothing. */
  roleFrom: string | null;
  role: LineRole | null;
}

/** Every labelled row of every block, one line per label (repeats within a block numbered). */
export function collectLines(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  labelCol: number,
  warnings: string[]
): RawLine[] {
  const lines = new Map<string, RawLine>();
  spans.forEach((span, b) => {
    const occurrences = new Map<string, number>();
    for (let r = span.firstRow; r <= span.lastRow; r++) {
      const labelValue = cellAt(snapshot, r, labelCol);
      const hasValues = rowHasValues(snapshot, r, span.valueCols);
      // Percentages (a format with %) are ratios, not money.
      const hasAmounts =
        hasValues &&
        span.valueCols.some(
          (c) =>
            shownNumber(cellAt(snapshot, r, c)) !== null &&
            !(formatAt(snapshot, r, c) ?? "").includes("%")
        );
      if (typeof labelValue !== "string" || isBlank(labelValue)) {
        if (hasValues)
          warnings.push(
            `${sheetCellName(snapshot, r, labelCol)} has no label beside amounts; that line is left out.`
          );
        continue;
      }
      const label = labelValue.trim();
      const base = normaliseLabel(label);
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      const key = n === 1 ? base : `${base} #${n}`;
      let line = lines.get(key);
      if (!line) {
        line = {
          key,
          label,
          rows: spans.map(() => null),
          hasValues: false,
          hasAmounts: false,
          blockRoles: spans.map(() => null),
          roleFrom: null,
          role: null,
        };
        lines.set(key, line);
      }
      line.rows[b] = r;
      line.hasValues = line.hasValues || hasValues;
      line.hasAmounts = line.hasAmounts || hasAmounts;
    }
  });
  return [...lines.values()];
}

/** A label-only row that opens a section: short ("Return", "Savings") or ending in a colon. */
export function looksLikeHeading(label: string): boolean {
  return label.trim().endsWith(":") || normaliseLabel(label).split(" ").length <= 2;
}

/**
 * Roles block by block, reading down: labels decide where they can; a line with no telling words
 * takes the role of the section it sits in (the "Return" heading above it).
 */
export function decideRoles(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  lines: RawLine[],
  labelCol: number,
  overrides: Record<string, LineRole>,
  warnings: string[]
): string[] {
  const byRow = spans.map((_, b) => {
    const m = new Map<number, RawLine>();
    for (const line of lines) if (line.rows[b] !== null) m.set(line.rows[b] as number, line);
    return m;
  });
  spans.forEach((span, b) => {
    let section: "investment" | "return" | null = null;
    let sectionFrom: string | null = null;
    /** Roles of the component lines since the last total: what a bare "Total" adds up. */
    let sinceTotal = new Set<"investment" | "return">();
    for (let r = span.firstRow; r <= span.lastRow; r++) {
      const beside = sectionBeside(snapshot, r, labelCol);
      if (beside) {
        section = beside.role;
        sectionFrom = beside.from;
      }
      const line = byRow[b].get(r);
      if (!line) continue;
      const kind = classifyLabel(line.key.replace(/ #\d+$/, ""));
      let role: LineRole | null = null;
      switch (kind.kind) {
        case "ignored":
          role = "ignored";
          break;
        case "cumulative":
          role = "cumulative";
          break;
        case "net":
          role = "net";
          break;
        case "total": {
          const only = sinceTotal.size === 1 ? [...sinceTotal][0] : null;
          const of = kind.role ?? section ?? only;
          // A bare "Total" under both investment and return lines is their net.
          role =
            of === "investment"
              ? "total-investment"
              : of === "return"
                ? "total-return"
                : sinceTotal.size > 1
                  ? "net"
                  : null;
          section = null;
          sinceTotal = new Set();
          break;
        }
        case "component":
          if (line.hasValues && !line.hasAmounts) {
            role = "ignored"; // "Savings %" or a row of words: no money in it
            break;
          }
          // Only a label-only row opens a section: an "Investment" line with amounts does not
          // make the unlabelled line after it investment.
          if (!line.hasValues && looksLikeHeading(line.label)) {
            role = "heading";
            section = kind.role;
            sectionFrom = `${cellName(snapshot, r, labelCol)} '${line.label}'`;
          } else if (kind.weak && section === "return") {
            // "Agency staff costs" under a Savings heading: the saving is made on those costs.
            role = "return";
            sinceTotal.add(role);
            line.roleFrom = line.roleFrom ?? sectionFrom;
          } else {
            role = kind.role;
            sinceTotal.add(kind.role);
          }
          break;
        case "unknown":
          if (!line.hasValues) role = "heading";
          // Words or percentages under the periods: a comments or ratio row, not money.
          else if (!line.hasAmounts) role = "ignored";
          else if (section) {
            role = section;
            sinceTotal.add(section);
            line.roleFrom = line.roleFrom ?? sectionFrom;
          }
          break;
      }
      line.blockRoles[b] = role;
    }
  });

  const candidates: string[] = [];
  const fromHeading = new Map<string, string[]>();
  for (const line of lines) {
    const decided = line.blockRoles.filter((r): r is LineRole => r !== null);
    const firstRow = line.rows.find((r) => r !== null) as number;
    const where = cellName(snapshot, firstRow, labelCol);
    line.role = overrides[line.key] ?? decided[0] ?? null;
    if (line.role === null)
      candidates.push(`${sheetCellName(snapshot, firstRow, labelCol)}: ${line.label}`);
    if (!overrides[line.key] && new Set(decided).size > 1) {
      warnings.push(
        `${where} '${line.label}' reads as ${decided.join(" in one block and ")} in another; taken as ${line.role}.`
      );
    }
    if (line.roleFrom && !overrides[line.key]) {
      const key = `${line.role} lines by the heading ${line.roleFrom}`;
      fromHeading.set(key, [...(fromHeading.get(key) ?? []), where]);
    }
  }
  for (const [how, cells] of fromHeading)
    warnings.push(`${cells.join(", ")}: read as ${how} above or beside them.`);
  return candidates;
}
