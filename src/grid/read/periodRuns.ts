/**
 * Period headings the cell alone cannot tell: bare numbers that head periods only as a run
 * (0, 1, 2 ... under a "Year" or "Q" heading; calendar years 2024, 2025 ...), and the rule that a
 * gap in the periods is refused, naming the headers, never closed in silence.
 */
import { ErrorMessage, ItosError, periodGaps, type Period } from "../../engine";
import { formatAt, isBlank, type CellValue, type SheetSnapshot } from "../../sheet";
import { sheetCellName } from "./orient";
import type { AxisHeading, HeaderCell, HeaderRow } from "./axis";
import { componentWords, normaliseLabel } from "./labels";

/** The heading of a column (or row) of period numbers: "Year", "Yr", "Period", "Q", "Quarter". */
const YEAR_WORD = /^(?:years?|yrs?|period|periods)$/i;
const QUARTER_WORD = /^(?:q|qtrs?|quarters?)$/i;
/** A run this long is an axis, not a coincidence of amounts. */
const MIN_RUN = 3;

function integerIn(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\s*\d{1,4}\s*$/.test(value)) return Number(value);
  return null;
}

/** A number shown plainly (no currency, thousands or percentage format): a heading, not an amount. */
function plainFormat(snapshot: SheetSnapshot, row: number, col: number): boolean {
  const fmt = formatAt(snapshot, row, col);
  return fmt === null || /^(general|0)$/i.test(fmt);
}

/** Consecutive integers from `start`, each one more than the last, within [min, max]. */
function runFrom(
  snapshot: SheetSnapshot,
  row: number,
  values: CellValue[],
  start: number,
  min: number,
  max: number
): { col: number; n: number }[] {
  const run: { col: number; n: number }[] = [];
  for (let j = start; j < values.length; j++) {
    const n = integerIn(values[j]);
    const col = snapshot.left + j;
    if (n === null || n < min || n > max || !plainFormat(snapshot, row, col)) break;
    if (run.length > 0 && n !== run[run.length - 1].n + 1) break;
    run.push({ col, n });
  }
  return run;
}

/**
 * The cells of a row that head periods as a run of bare numbers: 0 (or 1), 1, 2 ... right after
 * a "Year" or "Q" heading (Year 0 or quarter 0 is time zero), or three or more calendar years in
 * a row.
 */
export function bareNumberRuns(
  snapshot: SheetSnapshot,
  row: number,
  values: CellValue[]
): HeaderCell[] {
  const cells: HeaderCell[] = [];
  // Asked once per row: a long row (a ledger column, turned) holds many runs of years.
  let money: boolean | undefined;
  const labelledAsMoney = (): boolean => (money ??= namesMoney(values));
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (typeof v === "string" && !isBlank(v)) {
      const word = v.trim().replace(/[:.]$/, "");
      const quarters = QUARTER_WORD.test(word);
      if (!quarters && !YEAR_WORD.test(word)) continue;
      const run = runFrom(snapshot, row, values, j + 1, 0, 99);
      if (run.length < MIN_RUN || run[0].n > 1) continue;
      for (const { col, n } of run) {
        const header: AxisHeading = quarters
          ? { kind: "quarter-number", n, label: String(n) }
          : { kind: "year-number", n, label: String(n) };
        cells.push({ col, header });
      }
      j += run.length;
      continue;
    }
    const years = runFrom(snapshot, row, values, j, 1900, 2199);
    if (years.length >= MIN_RUN && !labelledAsMoney()) {
      for (const { col, n } of years)
        cells.push({ col, header: { kind: "calendar-year", year: n, label: String(n) } });
      j += years.length - 1;
    }
  }
  return cells;
}

/** A row labelled as money ("Savings 2024 2025 2026"): its figures are amounts, not years. */
function namesMoney(values: CellValue[]): boolean {
  return values.some(
    (v) => typeof v === "string" && !isBlank(v) && componentWords(normaliseLabel(v)) !== null
  );
}

function monthIndex(h: AxisHeading): number | null {
  return h.kind === "month" ? h.year * 12 + h.month - 1 : null;
}

/** True when some month heading is followed directly by the next month: the row runs as an axis. */
export function hasConsecutiveMonths(cells: HeaderCell[]): boolean {
  const months = cells.map((c) => monthIndex(c.header)).filter((m): m is number => m !== null);
  return months.some((m, i) => i > 0 && m === months[i - 1] + 1);
}

interface Slot {
  period: Period;
  block: number;
  col: number;
  address: string;
}

/**
 * Refuses an axis that skips periods or runs backwards, naming the headers on either side and
 * any heading cell between them that could not be read as a period (a month name misspelt, or
 * in a language not known): the payback of a grid with a missing month would be wrong.
 */
export function checkMonthGaps(
  snapshot: SheetSnapshot,
  headers: HeaderRow[],
  slots: Slot[],
  fyStartMonth: number
): void {
  const gaps = periodGaps(
    slots.map((s) => s.period),
    fyStartMonth
  );
  if (gaps.length === 0) return;
  const gap = gaps[0];
  const before = slots[gap.afterIndex];
  const after = slots[gap.afterIndex + 1];
  const unread: string[] = [];
  if (before.block === after.block) {
    const header = headers[before.block];
    const values = snapshot.values[header.row - snapshot.top] ?? [];
    for (let col = before.col + 1; col < after.col; col++) {
      const v = values[col - snapshot.left];
      if (typeof v !== "string" || isBlank(v)) continue;
      if (header.cells.some((c) => c.col === col)) continue;
      unread.push(`${sheetCellName(snapshot, header.row, col)} '${v.trim()}'`);
    }
  }
  const message = ErrorMessage.period.gapRefused(
    after.address,
    gap.message,
    unread,
    gap.missing.length
  );
  throw new ItosError("bad-period", message, { cell: after.address });
}
