/**
 * Actual figures beside the plan, in the three ways sheets show them: lines whose label says
 * "actual" next to plan lines of the same name ("Savings - plan" / "Savings - actual", "Actual
 * savings"); "Plan" and "Actual" columns under each heading, periods down the rows; periods headed
 * "Actual" then "Forecast" (a row above the periods, or "Apr-24 (A)" / "May-24 (F)"). The actual
 * lines are set apart from the plan's, so the plan's payback never adds them in.
 */
import { cellAt, isBlank, type CellValue, type SheetSnapshot } from "../../sheet";
import { cellName, sheetCellName, withValues } from "./orient";
import type { AxisSlot } from "./axis";
import type { RawLine } from "./roles";
import type { ExcludedLine, GridLine, LineRole, TrackingLayout } from "./model";
import { findPeriodPairs, type PeriodPairs } from "./periodPairs";

/** Why an actual line takes no part in the plan's payback. */
export const ACTUAL_REASON = "actual figures: tracked against the plan";

const ACTUAL_WORDS = /\b(actuals?|outturn)\b/;
const PLAN_WORDS = /\b(plan|planned|budget|budgeted|original|baseline|forecast|target)\b/;
/** A column heading that says only which figures these are, under a heading that says of what. */
const PAIR_HEADING = /^(plan|planned|budget|budgeted|actuals?|forecast)$/;
const ACTUAL_HEADING = /^actuals?$/;
/** "Apr-24 (A)", "May-24 (F)", "Jun-24 (Fcst)". */
const MARK_SUFFIX = /^(.*\S)\s*\(\s*(a|act|actuals?|f|fc|fcst|forecast)\s*\)$/i;
const MARK_WORD = /^(actuals?|forecast|fcst)$/;

export type PeriodMark = "actual" | "forecast";

export interface ActualsSnapshot {
  /** The snapshot as the reader reads it: marks taken off period headers, paired columns named. */
  snapshot: SheetSnapshot;
  /** Period headers that carried (A) or (F), by "row,col". */
  headerMarks: Map<string, PeriodMark>;
  /** "Plan" and "Actual" columns were named after the heading above them. */
  pairedColumns: boolean;
  /** "Plan" and "Actual" sub-columns under each period, periods across; null when none. */
  periodPairs: PeriodPairs | null;
}

function text(v: CellValue): string | null {
  return typeof v === "string" && !isBlank(v) ? v.trim().toLowerCase().replace(/\s+/g, " ") : null;
}

/** The label without its plan or actual words: "savings - actual" and "actual savings" both "savings". */
export function lineName(key: string): string {
  return key
    .replace(/ #\d+$/, "")
    .replace(new RegExp(ACTUAL_WORDS.source, "g"), " ")
    .replace(new RegExp(PLAN_WORDS.source, "g"), " ")
    .replace(/[-–—/()[\]:,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The snapshot with what the reader would otherwise trip on made plain: "(A)" and "(F)" taken
 * off period headers (remembered as marks), and "Plan" / "Actual" columns named after the heading
 * above them ("Investment - actual"), that heading's cell left blank so the names are the labels.
 */
export function prepareForActuals(snapshot: SheetSnapshot): ActualsSnapshot {
  let values: CellValue[][] | null = null;
  let formats: (string | null)[][] | null = null;
  const set = (row: number, col: number, v: CellValue, format?: string | null): void => {
    values = values ?? snapshot.values.map((r) => [...r]);
    const r = row - snapshot.top;
    values[r][col - snapshot.left] = v;
    if (format === undefined || !snapshot.numberFormats) return;
    formats = formats ?? snapshot.numberFormats.map((f) => [...f]);
    (formats[r] = formats[r] ?? [])[col - snapshot.left] = format;
  };
  const headerMarks = new Map<string, PeriodMark>();
  snapshot.values.forEach((cells, i) => {
    const found = cells
      .map((v, j) => ({ j, m: typeof v === "string" ? MARK_SUFFIX.exec(v.trim()) : null }))
      .filter((x) => x.m !== null);
    // One marked header alone could be a label that happens to end in brackets.
    if (found.length < 2) return;
    for (const { j, m } of found) {
      const row = snapshot.top + i;
      const col = snapshot.left + j;
      headerMarks.set(`${row},${col}`, m![2].toLowerCase().startsWith("a") ? "actual" : "forecast");
      set(row, col, m![1]);
    }
  });
  const pairedColumns = namePairedColumns(snapshot, set);
  // Headings that name lines over their pairs came first; otherwise pairs may sit under periods.
  const periodPairs = pairedColumns ? null : findPeriodPairs(snapshot, set);
  const prepared = values ? withValues(snapshot, values) : snapshot;
  // withValues made a new snapshot (and kept its cell names): moved headings take their formats.
  if (formats && prepared !== snapshot) prepared.numberFormats = formats;
  return { snapshot: prepared, headerMarks, pairedColumns, periodPairs };
}

/** Names "Plan" / "Actual" cells after the heading beside them; true when it did. */
function namePairedColumns(
  snapshot: SheetSnapshot,
  set: (row: number, col: number, v: CellValue) => void
): boolean {
  const width = snapshot.values.reduce((m, r) => Math.max(m, r.length), 0);
  let named = false;
  for (let j = 1; j < width; j++) {
    const col = snapshot.left + j;
    const rows: { row: number; word: string; group: string }[] = [];
    let group: string | null = null;
    let lastRow = -2;
    for (let i = 0; i < snapshot.values.length; i++) {
      const row = snapshot.top + i;
      const word = text(cellAt(snapshot, row, col));
      if (word === null || !PAIR_HEADING.test(word)) continue;
      const beside = cellAt(snapshot, row, col - 1);
      const own = typeof beside === "string" && !isBlank(beside) ? beside.trim() : null;
      // A heading over two columns sits in the first cell only: the next pair cell inherits it.
      group = own ?? (lastRow === row - 1 ? group : null);
      lastRow = row;
      if (group === null || PAIR_HEADING.test(group.toLowerCase())) {
        rows.length = 0;
        break;
      }
      rows.push({ row, word, group });
    }
    const actual = rows.some((r) => ACTUAL_HEADING.test(r.word));
    if (!actual || rows.every((r) => ACTUAL_HEADING.test(r.word))) continue;
    for (const r of rows) {
      set(r.row, col, `${r.group} - ${r.word}`);
      set(r.row, col - 1, null);
    }
    named = true;
  }
  return named;
}

/**
 * Each period's mark: its own header's "(A)" / "(F)", else the "Actual" / "Forecast" heading in
 * one of the two rows above its header (a heading over several periods sits in the first cell).
 */
export function periodMarks(
  snapshot: SheetSnapshot,
  headerMarks: ReadonlyMap<string, PeriodMark>,
  slots: readonly AxisSlot[],
  headerRowOf: (block: number) => number,
  labelCol: number
): (PeriodMark | null)[] {
  const above = (row: number, col: number): PeriodMark | null => {
    for (let c = col; c > labelCol; c--) {
      const word = text(cellAt(snapshot, row, c));
      if (word === null) continue;
      if (!MARK_WORD.test(word)) return null;
      return word.startsWith("a") ? "actual" : "forecast";
    }
    return null;
  };
  return slots.map((s) => {
    const h = headerRowOf(s.block);
    const own = headerMarks.get(`${h},${s.col}`);
    if (own) return own;
    return above(h - 1, s.col) ?? above(h - 2, s.col);
  });
}

/**
 * The keys of the actual lines: those whose label says actual; and, where the periods are marked
 * Actual / Forecast, a line with no plan words beside a plan line of the same name ("Savings"
 * beside "Savings - budget"). An actual line takes its plan line's role where it has one.
 */
export function setAsideActualLines(lines: RawLine[], periodsMarked: boolean): Set<string> {
  const saysActual = (l: RawLine) => ACTUAL_WORDS.test(l.key);
  const saysPlan = (l: RawLine) => !saysActual(l) && PLAN_WORDS.test(l.key);
  const firstByName = (of: RawLine[]) => {
    const m = new Map<string, RawLine>();
    for (const l of of) if (!m.has(lineName(l.key))) m.set(lineName(l.key), l);
    return m;
  };
  const planWorded = firstByName(lines.filter(saysPlan));
  const notActual = firstByName(lines.filter((l) => !saysActual(l)));
  const actual = new Set<string>();
  const named = new Set<string>();
  for (const l of lines) {
    const name = lineName(l.key);
    const paired = periodsMarked && !saysActual(l) && !saysPlan(l) && planWorded.has(name);
    if (!saysActual(l) && !paired) continue;
    actual.add(l.key);
    const plan = planWorded.get(name) ?? (paired ? undefined : notActual.get(name));
    if (plan?.role) l.role = plan.role;
    if (plan) named.add(l.key);
  }
  // An actual line with no plan line of its name, and nothing of its kind in the plan, is the
  // only figure of its kind ("Outturn savings" in a grid with no other savings): it stays counted.
  const kinds = new Set(
    lines.filter((l) => !actual.has(l.key) && l.hasAmounts).map((l) => flowKind(l.role))
  );
  for (const l of lines)
    if (actual.has(l.key) && !named.has(l.key) && flowKind(l.role) && !kinds.has(flowKind(l.role)))
      actual.delete(l.key);
  // Totals and nets of actual figures go with them: none without an actual line to track.
  if (!lines.some((l) => actual.has(l.key) && flowKind(l.role))) actual.clear();
  return actual;
}

/** Money out or money in, for the lines that make the flow; null for the rest. */
function flowKind(role: LineRole | null): "investment" | "return" | null {
  if (role === "investment") return "investment";
  return role === "return" || role === "cost" ? "return" : null;
}

/** 2 for the second "Savings - actual" of a sheet ("savings - actual #2"), 1 for the first. */
function occurrence(key: string): number {
  return Number(/ #(\d+)$/.exec(key)?.[1] ?? 1);
}

/**
 * One of several alternatives side by side: its own repeat of each repeated actual line, and the
 * actual lines that appear once. The last actual period stays the sheet's.
 */
export function schemeTracking(
  tracking: TrackingLayout | null | undefined,
  k: number
): TrackingLayout | null {
  if (!tracking) return null;
  const base = (key: string) => key.replace(/ #\d+$/, "");
  const repeated = new Set(
    tracking.lines.filter((l) => occurrence(l.key) > 1).map((l) => base(l.key))
  );
  const lines = tracking.lines.filter((l) => !repeated.has(base(l.key)) || occurrence(l.key) === k);
  const planOf: Record<string, string | null> = {};
  for (const l of lines) planOf[l.key] = tracking.planOf[l.key] ?? null;
  return { ...tracking, lines, planOf };
}

const COMPONENTS: ReadonlySet<LineRole> = new Set(["investment", "return", "cost"]);

/** Actual lines, reported as left out of the plan's payback. */
export function actualExclusions(
  snapshot: SheetSnapshot,
  lines: readonly RawLine[],
  actualKeys: ReadonlySet<string>,
  labelCol: number
): ExcludedLine[] {
  return lines
    .filter((l) => actualKeys.has(l.key) && l.hasAmounts)
    .map((l) => ({
      cell: sheetCellName(snapshot, l.rows.find((r) => r !== null) as number, labelCol),
      label: l.label,
      reason: ACTUAL_REASON,
      // Tracked, not lost: leaving them out of the plan changes nothing the plan says.
      holdsMoney: false,
    }));
}

/**
 * The sheet's tracking layout, or null when it shows no actuals: the actual lines, the plan line
 * each tracks, and the last period of actual figures (the last marked Actual, else the last with
 * an actual figure entered).
 */
export function trackingLayout(
  snapshot: SheetSnapshot,
  lines: readonly GridLine[],
  actualKeys: ReadonlySet<string>,
  slots: readonly AxisSlot[],
  marks: readonly (PeriodMark | null)[],
  prepared: Pick<ActualsSnapshot, "pairedColumns" | "periodPairs">,
  headerRowOf: (block: number) => number
): TrackingLayout | null {
  const pairs = actualKeys.size === 0 ? pairedPeriods(prepared.periodPairs, slots) : null;
  if (pairs) return pairedLayout(snapshot, lines, slots, pairs);
  const actual = lines.filter((l) => actualKeys.has(l.key));
  if (actual.length === 0) return null;
  const plan = lines.filter((l) => !actualKeys.has(l.key));
  const planOf: Record<string, string | null> = {};
  for (const a of actual)
    planOf[a.key] =
      plan.find(
        (p) => lineName(p.key) === lineName(a.key) && occurrence(p.key) === occurrence(a.key)
      )?.key ?? null;

  const marked = marks.lastIndexOf("actual");
  let asOfSlot: number | null = null;
  let asOfFrom: string;
  if (marked >= 0) {
    asOfSlot = marked;
    const s = slots[marked];
    asOfFrom = `${cellName(snapshot, headerRowOf(s.block), s.col)} is the last period headed Actual`;
  } else {
    ({ asOfSlot, asOfFrom } = lastEntered(snapshot, actual, slots, (s) => s.col));
  }
  return {
    layout:
      marked >= 0
        ? "actual and forecast periods"
        : prepared.pairedColumns
          ? "plan and actual columns"
          : "actual lines",
    lines: actual,
    planOf,
    asOfSlot,
    asOfFrom,
  };
}

/** The last period in which an actual line has a figure entered, read at `colOf` each period. */
function lastEntered(
  snapshot: SheetSnapshot,
  actual: readonly GridLine[],
  slots: readonly AxisSlot[],
  colOf: (s: AxisSlot) => number
): Pick<TrackingLayout, "asOfSlot" | "asOfFrom"> {
  let asOfSlot: number | null = null;
  slots.forEach((s, i) => {
    for (const l of actual) {
      const row = l.lineIndex[s.block];
      if (!COMPONENTS.has(l.role) || row === null || row === undefined) continue;
      if (!isBlank(cellAt(snapshot, row, colOf(s)))) asOfSlot = i;
    }
  });
  return {
    asOfSlot,
    asOfFrom:
      asOfSlot === null
        ? "no actual figure is entered yet"
        : `the last period with an actual figure entered (${slots[asOfSlot].period.label})`,
  };
}

/** The period pairs when every period has its actual column beside it; null otherwise. */
function pairedPeriods(
  pairs: PeriodPairs | null,
  slots: readonly AxisSlot[]
): ReadonlyMap<number, number> | null {
  if (!pairs || !slots.every((s) => pairs.actualOf.has(s.col))) return null;
  return pairs.actualOf;
}

/**
 * Plan and Actual under each period: every line has its actual twin on the same row, its
 * figures in the actual column beside each plan column.
 */
function pairedLayout(
  snapshot: SheetSnapshot,
  lines: readonly GridLine[],
  slots: readonly AxisSlot[],
  actualOf: ReadonlyMap<number, number>
): TrackingLayout {
  const planOf: Record<string, string | null> = {};
  const actual = lines.map((l) => {
    const key = `${l.key} - actual`;
    planOf[key] = l.key;
    return { ...l, key, label: `${l.label} - actual` };
  });
  return {
    layout: "plan and actual columns",
    lines: actual,
    planOf,
    ...lastEntered(snapshot, actual, slots, (s) => actualOf.get(s.col) as number),
    actualPositions: Object.fromEntries(actualOf),
  };
}

/**
 * Plan and Actual sub-columns whose actual columns are not read: under some periods but not all
 * (tracking needs an actual column for every period), or beside actual lines, which are tracked
 * instead. The user is told which columns they are rather than losing them without a word. Null
 * where there are no such pairs or they are tracked.
 */
export function partlyPairedWarning(
  snapshot: SheetSnapshot,
  pairs: PeriodPairs | null,
  slots: readonly AxisSlot[],
  tracking: TrackingLayout | null
): string | null {
  if (!pairs || tracking?.actualPositions) return null;
  const paired = slots.filter((s) => pairs.actualOf.has(s.col));
  const actualCols = [...pairs.actualOf.values()].sort((a, b) => a - b);
  const first = cellName(snapshot, pairs.row, actualCols[0]);
  const last = cellName(snapshot, pairs.row, actualCols[actualCols.length - 1]);
  // Every period paired yet untracked: the sheet's actual lines took precedence.
  const where =
    paired.length === slots.length
      ? "under every period, but the sheet's actual lines are the ones tracked"
      : paired.length === 0
        ? "under none of the periods"
        : `under ${paired.length} of the ${slots.length} periods (${paired[0].period.label} to ${paired[paired.length - 1].period.label}), not under every one`;
  return `${snapshot.sheetName}: Plan and Actual sub-columns sit ${where}, so the ${actualCols.length} Actual columns (${first} to ${last}) are left out and nothing is tracked against them: the plan is analysed as it stands.`;
}

/**
 * Periods headed Actual with no plan line beside the figures: there is nothing to track against,
 * and the figures are analysed as they stand (actuals, then forecast). Null otherwise.
 */
export function markedWithoutPlan(
  snapshot: SheetSnapshot,
  marks: readonly (PeriodMark | null)[],
  slots: readonly AxisSlot[],
  tracking: TrackingLayout | null
): string | null {
  const last = marks.lastIndexOf("actual");
  if (tracking || last < 0) return null;
  return `${snapshot.sheetName}: the periods are headed Actual to ${slots[last].period.label}, but no plan line stands beside the figures (such as 'Savings - budget' beside 'Savings'): the figures are analysed as they stand, actuals then forecast, with nothing to track them against.`;
}
