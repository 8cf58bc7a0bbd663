/**
 * The period axis: which rows hold period headers (one row for a long grid, one per financial
 * year for stacked blocks), the period each column stands for, and the FY subtotal and grand
 * total columns between and after the periods.
 */
import { ItosError } from "../engine/errors";
import { monthPeriod, parsePeriodHeader, yearPeriod, type PeriodHeader } from "../engine/periods";
import type { Period } from "../engine/types";
import { a1 } from "./address";
import type { TotalColumn } from "./model";
import { formatAt, type SheetSnapshot } from "./snapshot";

export type AxisKind = "monthly" | "annual-fy" | "annual-number" | "period-number";

export interface HeaderCell {
  col: number;
  header: PeriodHeader;
}

export interface HeaderRow {
  row: number;
  kind: AxisKind;
  cells: HeaderCell[];
}

/** Each row's period headers, classified by what most of them are. */
export function scanHeaderRows(snapshot: SheetSnapshot): HeaderRow[] {
  const rows: HeaderRow[] = [];
  snapshot.values.forEach((values, i) => {
    const row = snapshot.top + i;
    const cells: HeaderCell[] = [];
    values.forEach((value, j) => {
      const col = snapshot.left + j;
      const header = parsePeriodHeader(value, formatAt(snapshot, row, col));
      if (header) cells.push({ col, header });
    });
    const count = (k: PeriodHeader["kind"]) => cells.filter((c) => c.header.kind === k).length;
    let kind: AxisKind | null = null;
    if (count("month") >= 2) kind = "monthly";
    else if (count("fy") >= 2) kind = "annual-fy";
    else if (count("year-number") >= 2) kind = "annual-number";
    else if (count("period-number") >= 2) kind = "period-number";
    if (kind) rows.push({ row, kind, cells });
  });
  return rows;
}

const AXIS_PREFERENCE: AxisKind[] = ["monthly", "annual-fy", "annual-number", "period-number"];

/**
 * The header rows of the grid: every row of the most telling kind (months before FY labels before
 * "Year n" before period numbers). A "Yr 1" row sitting right on top of an FY row is the same
 * axis twice, so only the FY row counts.
 */
export function chooseHeaderRows(all: HeaderRow[]): { chosen: HeaderRow[]; others: HeaderRow[] } {
  for (const kind of AXIS_PREFERENCE) {
    const chosen = all.filter((h) => h.kind === kind);
    if (chosen.length > 0) return { chosen, others: all.filter((h) => h.kind !== kind) };
  }
  return { chosen: [], others: [] };
}

export interface AxisSlot {
  period: Period;
  block: number;
  col: number;
  /** The header cell, for messages. */
  address: string;
}

function isTotalLike(h: PeriodHeader, kind: AxisKind): boolean {
  if (h.kind === "total") return true;
  return kind === "monthly" && h.kind === "fy";
}

/** Periods and total columns of each header row, in order; months must run on without repeats. */
export function buildAxis(
  snapshot: SheetSnapshot,
  headers: HeaderRow[],
  fyStartMonth: number,
  warnings: string[],
): { slots: AxisSlot[]; totalColumns: TotalColumn[][] } {
  const slots: AxisSlot[] = [];
  const totalColumns: TotalColumn[][] = [];
  const seen = new Map<string, string>();
  headers.forEach((h, block) => {
    const totals: TotalColumn[] = [];
    for (const cell of h.cells) {
      const address = `${snapshot.sheetName}!${a1(h.row, cell.col)}`;
      const hd = cell.header;
      if (isTotalLike(hd, h.kind)) {
        totals.push(totalColumn(cell.col, hd));
        continue;
      }
      const period = periodOf(hd, h.kind, fyStartMonth);
      if (!period) continue;
      const earlier = seen.get(period.key);
      if (earlier) {
        throw new ItosError("bad-period", `${address} repeats the period ${period.label} already headed at ${earlier}.`, { cell: address });
      }
      seen.set(period.key, address);
      slots.push({ period, block, col: cell.col, address });
    }
    totalColumns.push(totals);
  });
  checkMonthsRunOn(slots, warnings);
  return { slots, totalColumns };
}

function totalColumn(col: number, h: PeriodHeader): TotalColumn {
  if (h.kind === "fy") return { col, kind: "fy", fy: h.label, header: h.label };
  const label = h.kind === "total" ? h.label : "";
  const fyInside = /(\d{2}|\d{4})\s*[/\-–]\s*(\d{2}|\d{4})/.exec(label);
  if (fyInside) {
    const fy = parsePeriodHeader(fyInside[0]);
    if (fy && fy.kind === "fy") return { col, kind: "fy", fy: fy.label, header: label };
  }
  return { col, kind: "grand", fy: null, header: label };
}

function periodOf(h: PeriodHeader, kind: AxisKind, fyStartMonth: number): Period | null {
  switch (kind) {
    case "monthly":
      return h.kind === "month" ? monthPeriod(h.year, h.month, fyStartMonth) : null;
    case "annual-fy":
      return h.kind === "fy" ? yearPeriod(h.label, h.label) : null;
    case "annual-number":
      return h.kind === "year-number" ? yearPeriod(h.label, null) : null;
    case "period-number":
      // Numbered months: group them into years of twelve for the year summary.
      return h.kind === "period-number"
        ? { kind: "month", key: `M${h.n}`, label: h.label, fy: `Year ${Math.ceil(h.n / 12)}` }
        : null;
  }
}

/** Months out of order or with gaps are worth a warning: the reader takes them as headed. */
function checkMonthsRunOn(slots: AxisSlot[], warnings: string[]): void {
  for (let i = 1; i < slots.length; i++) {
    const a = slots[i - 1].period;
    const b = slots[i].period;
    if (a.year === undefined || b.year === undefined || a.month === undefined || b.month === undefined) continue;
    const step = (b.year - a.year) * 12 + (b.month - a.month);
    if (step !== 1) {
      warnings.push(`${slots[i].address}: ${b.label} does not follow ${a.label}; periods are taken in the order shown.`);
    }
  }
}
