/**
 * Each labelled line of a grid, and its role: by its label, by the heading of the table or section
 * it sits in (a savings table's "Ongoing costs" are a cost that reduces the return; a budget
 * table's lines are neither investment nor return), or by the user's choice.
 */
import { cellName, sheetCellName } from "./orient";
import { classifyLabel, componentWords, normaliseLabel } from "./labels";
import type { ExcludedLine, LineRole } from "./model";
import { cellAt, formatAt, isBlank, type SheetSnapshot } from "../../sheet";
import type { BlockSpan } from "./blocks";
import { shownNumber, rowHasValues } from "./blocks";
import type { TableHeading } from "./tables";
import {
  namesBudgetMovement,
  namesBudgetTotal,
  namesCashFlow,
  namesOngoingCost,
  overrideFor,
  sectionOfHeading,
  type SectionRole,
} from "./roleWords";

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
  /** Some amount is not zero: leaving the line out would change a sum. */
  hasNonZero: boolean;
  /** Role decided in each block (null where absent or undecided). */
  blockRoles: (LineRole | null)[];
  /** The heading a role was taken from ("A7 'Return'"), when the label itself said nothing. */
  roleFrom: string | null;
  role: LineRole | null;
  /** For a "cumulative" label: the role its figures take if they prove to be in-year amounts. */
  inYear?: LineRole | null;
  runningSumOf?: string;
}

/** Every labelled row of every block, one line per label (repeats within a block numbered). */
export function collectLines(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  labelCol: number,
  warnings: string[],
  tableRows: ReadonlySet<number>,
  excluded: ExcludedLine[]
): RawLine[] {
  const lines = new Map<string, RawLine>();
  spans.forEach((span, b) => {
    const occurrences = new Map<string, number>();
    for (let r = span.firstRow; r <= span.lastRow; r++) {
      if (tableRows.has(r)) continue; // a table's own header row: its periods, not a line
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
        if (hasValues) {
          warnings.push(
            `${sheetCellName(snapshot, r, labelCol)} has no label beside amounts; that line is left out.`
          );
          if (hasAmounts)
            excluded.push({
              cell: sheetCellName(snapshot, r, labelCol),
              label: "",
              reason: "no label beside its amounts",
              holdsMoney: true,
            });
        }
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
          hasNonZero: false,
          blockRoles: spans.map(() => null),
          roleFrom: null,
          role: null,
        };
        lines.set(key, line);
      }
      line.rows[b] = r;
      line.hasValues = line.hasValues || hasValues;
      line.hasAmounts = line.hasAmounts || hasAmounts;
      line.hasNonZero =
        line.hasNonZero ||
        (hasAmounts &&
          span.valueCols.some((c) => {
            const n = shownNumber(cellAt(snapshot, r, c));
            return n !== null && !n.isZero();
          }));
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
  warnings: string[],
  tables: ReadonlyMap<number, TableHeading>
): string[] {
  const byRow = spans.map((_, b) => {
    const m = new Map<number, RawLine>();
    for (const line of lines) if (line.rows[b] !== null) m.set(line.rows[b] as number, line);
    return m;
  });
  spans.forEach((span, b) => {
    let section: SectionRole | null = null;
    let sectionFrom: string | null = null;
    /** Roles of the component lines since the last total: what a bare "Total" adds up. */
    let sinceTotal = new Set<SectionRole>();
    /** Amount lines since the last heading, table or total: a total with none has no parts. */
    let partsSince = 0;
    /** The last line was a total: a total straight after it totals the totals, it is not alone. */
    let afterTotal = false;
    /** A table with no heading of its own continues the one above it. */
    let tableSection: TableHeading = { role: null, from: null };
    const openTable = (heading: TableHeading): void => {
      if (heading.role) tableSection = heading;
      section = tableSection.role;
      sectionFrom = tableSection.from;
      sinceTotal = new Set();
      partsSince = 0;
      afterTotal = false;
    };
    const first = tables.get(span.header.row);
    if (first) openTable(first);
    for (let r = span.firstRow; r <= span.lastRow; r++) {
      const table = tables.get(r);
      if (table) {
        openTable(table);
        continue;
      }
      const beside = sectionBeside(snapshot, r, labelCol);
      if (beside) {
        section = beside.role;
        sectionFrom = beside.from;
      }
      const line = byRow[b].get(r);
      if (!line) continue;
      const base = line.key.replace(/ #\d+$/, "");
      const kind = classifyLabel(base);
      let role: LineRole | null = null;
      const wasAfterTotal = afterTotal;
      afterTotal = line.hasValues && kind.kind === "total";
      if (!line.hasValues && (kind.kind === "unknown" || kind.kind === "component")) {
        // A label-only row: a heading, which may say what the lines under it are.
        const said = sectionOfHeading(base);
        const opens =
          kind.kind === "unknown"
            ? said !== null
            : said === "other" || (said !== null && looksLikeHeading(line.label));
        if (opens) {
          line.blockRoles[b] = "heading";
          section = said;
          sectionFrom = `${cellName(snapshot, r, labelCol)} '${line.label}'`;
          partsSince = 0;
          continue;
        }
      }
      const countedPart = (decided: LineRole): LineRole => {
        if (line.hasAmounts) partsSince++;
        if (
          decided === "investment" ||
          decided === "return" ||
          decided === "cost" ||
          decided === "other"
        )
          sinceTotal.add(decided);
        return decided;
      };
      if (section === "other" && line.hasAmounts && kind.kind !== "ignored") {
        // A budget table: its lines are budget movements whatever their words, its totals totals.
        role =
          kind.kind === "total" || kind.kind === "net" || namesBudgetTotal(base)
            ? "total"
            : kind.kind === "cumulative"
              ? "cumulative"
              : countedPart("other");
        if (role === "total") {
          sinceTotal = new Set();
          partsSince = 0;
        }
        line.blockRoles[b] = role;
        continue;
      }
      if ((kind.kind === "component" || kind.kind === "unknown") && line.hasAmounts) {
        if (namesBudgetMovement(base)) {
          line.blockRoles[b] = countedPart("other");
          continue;
        }
        if (
          namesOngoingCost(base) ||
          (section === "cost" && (kind.kind === "unknown" || kind.weak))
        ) {
          line.blockRoles[b] = countedPart("cost");
          if (!namesOngoingCost(base)) line.roleFrom = line.roleFrom ?? sectionFrom;
          continue;
        }
        if (kind.kind === "unknown" && namesCashFlow(base)) {
          line.blockRoles[b] = "net";
          continue;
        }
      }
      if (kind.kind === "total" && line.hasAmounts && partsSince === 0 && !wasAfterTotal) {
        // "Total revenue costs" as the only line of its kind: money, not a subtotal of anything.
        const own: SectionRole | null = namesOngoingCost(base) ? "cost" : (kind.role ?? section);
        if (own) {
          line.blockRoles[b] = countedPart(own);
          if (!kind.role) line.roleFrom = line.roleFrom ?? sectionFrom;
          section = null;
          continue;
        }
      }
      switch (kind.kind) {
        case "ignored":
          role = "ignored";
          break;
        case "cumulative": {
          role = "cumulative";
          const words = componentWords(base);
          line.inYear = words ?? (section === "cost" ? "cost" : section);
          break;
        }
        case "net":
          role = "net";
          break;
        case "total": {
          const only = sinceTotal.size === 1 ? [...sinceTotal][0] : null;
          const of = kind.role ?? (section === "cost" ? "return" : section) ?? only;
          // A bare "Total" under both investment and return lines is their net.
          role =
            of === "investment"
              ? "total-investment"
              : of === "return" || of === "cost"
                ? "total-return"
                : of === "other"
                  ? "total"
                  : sinceTotal.size > 1
                    ? "net"
                    : null;
          section = null;
          sinceTotal = new Set();
          partsSince = 0;
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
            partsSince = 0;
          } else if (kind.weak && section === "return") {
            // "Agency staff costs" under a Savings heading: the saving is made on those costs.
            role = countedPart("return");
            line.roleFrom = line.roleFrom ?? sectionFrom;
          } else {
            role = countedPart(kind.role);
          }
          break;
        case "unknown":
          if (!line.hasValues) {
            role = "heading";
            // A heading of its own ("Staffing:") starts a new group: a total under it does not
            // add up the lines above it.
            if (looksLikeHeading(line.label)) partsSince = 0;
          }
          // Words or percentages under the periods: a comments or ratio row, not money.
          else if (!line.hasAmounts) role = "ignored";
          else if (section) {
            role = countedPart(section);
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
    const chosen = overrideFor(overrides, line.key, snapshot.sheetName, where);
    line.role = chosen ?? decided[0] ?? null;
    if (line.role === null)
      candidates.push(`${sheetCellName(snapshot, firstRow, labelCol)}: ${line.label}`);
    if (!chosen && new Set(decided).size > 1) {
      warnings.push(
        `${where} '${line.label}' reads as ${decided.join(" in one block and ")} in another; taken as ${line.role}.`
      );
    }
    if (line.roleFrom && !chosen) {
      const key = `${line.role} lines by the heading ${line.roleFrom}`;
      fromHeading.set(key, [...(fromHeading.get(key) ?? []), where]);
    }
  }
  for (const [how, cells] of fromHeading)
    warnings.push(`${cells.join(", ")}: read as ${how} above or beside them.`);
  return candidates;
}
