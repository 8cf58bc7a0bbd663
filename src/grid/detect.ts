/**
 * The grid reader: from a sheet snapshot, find the period axis (one header row, or stacked blocks
 * with one header row per financial year), the label column, each line's role, the unit and the
 * sign convention, all tied to cells. When it cannot tell, it says so with the candidates rather
 * than guessing silently.
 */
import type Decimal from "decimal.js";
import { ItosError } from "../engine/errors";
import { parseAmount, ZERO } from "../engine/money";
import { DEFAULT_FY_START_MONTH } from "../engine/periods";
import { a1 } from "./address";
import { buildAxis, chooseHeaderRows, scanHeaderRows, type AxisSlot, type HeaderRow } from "./axis";
import { classifyLabel, normaliseLabel } from "./labels";
import type { GridBlock, GridLine, GridModel, LineRole, SignConvention, TotalColumn, Unit } from "./model";
import { cellAt, formatAt, isBlank, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { unitInFormat, unitInText } from "./units";

export interface DetectOptions {
  /** First month of the financial year, 1-12 (default 4, April). */
  fyStartMonth?: number;
  /** Roles chosen by the user for lines the reader could not decide, by line key. */
  roleOverrides?: Record<string, LineRole>;
}

/** Blank rows in a row that end a block: a separate table further down is not part of the grid. */
const BLOCK_GAP_ROWS = 3;

function sheetCell(snapshot: SheetSnapshot, row: number, col: number): string {
  return `${snapshot.sheetName}!${a1(row, col)}`;
}

/** A number a cell shows, leniently: text amounts parsed, blanks, errors and words skipped. */
function shownNumber(value: CellValue): Decimal | null {
  if (typeof value === "number") return parseAmount(value);
  if (typeof value === "string") return isBlank(value) ? null : parseAmount(value);
  return null;
}

interface BlockSpan {
  header: HeaderRow;
  firstRow: number;
  lastRow: number;
  /** Columns holding periods or totals in this block. */
  valueCols: number[];
  periodCols: number[];
  totals: TotalColumn[];
}

function lastSnapshotRow(snapshot: SheetSnapshot): number {
  return snapshot.top + snapshot.values.length - 1;
}

function rowHasValues(snapshot: SheetSnapshot, row: number, cols: number[]): boolean {
  return cols.some((c) => !isBlank(cellAt(snapshot, row, c)));
}

function rowIsBlank(snapshot: SheetSnapshot, row: number, right: number): boolean {
  for (let c = snapshot.left; c <= right; c++) if (!isBlank(cellAt(snapshot, row, c))) return false;
  return true;
}

/** The rows each header row governs: down to the next header row or a gap, trailing notes trimmed. */
function blockSpans(snapshot: SheetSnapshot, headers: HeaderRow[], others: HeaderRow[], slots: AxisSlot[], totals: TotalColumn[][]): BlockSpan[] {
  const boundaries = [...headers, ...others].map((h) => h.row).sort((a, b) => a - b);
  return headers.map((header, b) => {
    const periodCols = slots.filter((s) => s.block === b).map((s) => s.col);
    const valueCols = [...periodCols, ...totals[b].map((t) => t.col)].sort((x, y) => x - y);
    const right = Math.max(...valueCols);
    const next = boundaries.find((r) => r > header.row);
    const limit = next === undefined ? lastSnapshotRow(snapshot) : next - 1;
    let lastRow = header.row;
    let blankRun = 0;
    for (let r = header.row + 1; r <= limit; r++) {
      if (rowIsBlank(snapshot, r, right)) {
        if (++blankRun >= BLOCK_GAP_ROWS) break;
        continue;
      }
      blankRun = 0;
      if (rowHasValues(snapshot, r, valueCols)) lastRow = r;
    }
    return { header, firstRow: header.row + 1, lastRow, valueCols, periodCols, totals: totals[b] };
  });
}

/** The column of line labels: left of the periods, the one with the most (and most telling) text. */
function findLabelColumn(snapshot: SheetSnapshot, spans: BlockSpan[]): number | null {
  const firstValueCol = Math.min(...spans.flatMap((s) => s.valueCols));
  let best: { col: number; score: number } | null = null;
  for (let col = snapshot.left; col < firstValueCol; col++) {
    let score = 0;
    for (const span of spans) {
      for (let r = span.firstRow; r <= span.lastRow; r++) {
        const v = cellAt(snapshot, r, col);
        if (typeof v !== "string" || isBlank(v) || parseAmount(v) !== null) continue;
        score += classifyLabel(normaliseLabel(v)).kind === "unknown" ? 1 : 3;
      }
    }
    if (score > 0 && (!best || score > best.score)) best = { col, score };
  }
  return best ? best.col : null;
}

interface RawLine {
  key: string;
  label: string;
  rows: (number | null)[];
  hasValues: boolean;
  /** Role decided in each block (null where absent or undecided). */
  blockRoles: (LineRole | null)[];
}

/** Every labelled row of every block, one line per label (repeats within a block numbered). */
function collectLines(snapshot: SheetSnapshot, spans: BlockSpan[], labelCol: number, warnings: string[]): RawLine[] {
  const lines = new Map<string, RawLine>();
  spans.forEach((span, b) => {
    const occurrences = new Map<string, number>();
    for (let r = span.firstRow; r <= span.lastRow; r++) {
      const labelValue = cellAt(snapshot, r, labelCol);
      const hasValues = rowHasValues(snapshot, r, span.valueCols);
      if (typeof labelValue !== "string" || isBlank(labelValue)) {
        if (hasValues) warnings.push(`Row ${r + 1} has amounts but no label in ${sheetCell(snapshot, r, labelCol)}; it is left out.`);
        continue;
      }
      const label = labelValue.trim();
      const base = normaliseLabel(label);
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      const key = n === 1 ? base : `${base} #${n}`;
      let line = lines.get(key);
      if (!line) {
        line = { key, label, rows: spans.map(() => null), hasValues: false, blockRoles: spans.map(() => null) };
        lines.set(key, line);
      }
      line.rows[b] = r;
      line.hasValues = line.hasValues || hasValues;
    }
  });
  return [...lines.values()];
}

/** A label-only row that opens a section: short ("Return", "Savings") or ending in a colon. */
function looksLikeHeading(label: string): boolean {
  return label.trim().endsWith(":") || normaliseLabel(label).split(" ").length <= 2;
}

/**
 * Roles block by block, reading down: labels decide where they can; a line with no telling words
 * takes the role of the section it sits in (the "Return" heading above it).
 */
function decideRoles(snapshot: SheetSnapshot, spans: BlockSpan[], lines: RawLine[], labelCol: number, overrides: Record<string, LineRole>): string[] {
  const byRow = spans.map((_, b) => {
    const m = new Map<number, RawLine>();
    for (const line of lines) if (line.rows[b] !== null) m.set(line.rows[b] as number, line);
    return m;
  });
  spans.forEach((span, b) => {
    let section: "investment" | "return" | null = null;
    let lastComponent: "investment" | "return" | null = null;
    for (let r = span.firstRow; r <= span.lastRow; r++) {
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
          const of = kind.role ?? section ?? lastComponent;
          role = of === "investment" ? "total-investment" : of === "return" ? "total-return" : null;
          section = null;
          break;
        }
        case "component":
          if (!line.hasValues && looksLikeHeading(line.label)) {
            role = "heading";
          } else {
            role = kind.role;
            lastComponent = kind.role;
          }
          section = kind.role;
          break;
        case "unknown":
          if (!line.hasValues) role = "heading";
          else if (section) {
            role = section;
            lastComponent = section;
          }
          break;
      }
      line.blockRoles[b] = role;
    }
  });

  const candidates: string[] = [];
  for (const line of lines) {
    const decided = line.blockRoles.filter((r): r is LineRole => r !== null);
    const role = overrides[line.key] ?? decided[0] ?? null;
    if (role === null) {
      const b = line.rows.findIndex((r) => r !== null);
      candidates.push(`${sheetCell(snapshot, line.rows[b] as number, labelCol)}: ${line.label}`);
    }
    (line as RawLine & { role: LineRole | null }).role = role;
  }
  return candidates;
}

interface ShownTotals {
  investment: Decimal;
  return: Decimal;
}

function shownTotals(snapshot: SheetSnapshot, spans: BlockSpan[], lines: (RawLine & { role: LineRole })[]): ShownTotals {
  const totals: ShownTotals = { investment: ZERO, return: ZERO };
  for (const line of lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    line.rows.forEach((row, b) => {
      if (row === null) return;
      for (const col of spans[b].periodCols) {
        const v = shownNumber(cellAt(snapshot, row, col));
        if (v) totals[line.role as "investment" | "return"] = totals[line.role as "investment" | "return"].plus(v);
      }
    });
  }
  return totals;
}

function decideSignConvention(totals: ShownTotals): SignConvention {
  if (totals.investment.isNegative() && !totals.investment.isZero()) return "investment-negative";
  const returnsNegative = totals.return.isNegative() && !totals.return.isZero();
  if (returnsNegative) return "savings-negative";
  return totals.investment.isZero() ? "investment-negative" : "role-by-label";
}

function componentSign(role: LineRole, convention: SignConvention): 1 | -1 {
  if (convention === "investment-negative") return 1;
  if (role === "investment" || role === "total-investment") return -1;
  if (role === "return" || role === "total-return") return convention === "savings-negative" ? -1 : 1;
  return convention === "savings-negative" ? -1 : 1;
}

/** Net and cumulative lines: the sign under which their stated figures agree with the parts. */
function statedLineSign(
  snapshot: SheetSnapshot,
  slots: AxisSlot[],
  line: GridLine,
  components: GridLine[],
  fallback: 1 | -1,
): 1 | -1 {
  let agree = 0;
  let flipped = 0;
  let running = ZERO;
  for (const slot of slots) {
    let net = ZERO;
    for (const c of components) {
      const row = c.rows[slot.block];
      if (row === null) continue;
      const v = shownNumber(cellAt(snapshot, row, slot.col));
      if (v) net = net.plus(v.times(c.sign));
    }
    running = running.plus(net);
    const expected = line.role === "cumulative" ? running : net;
    const row = line.rows[slot.block];
    if (row === null || expected.isZero()) continue;
    const stated = shownNumber(cellAt(snapshot, row, slot.col));
    if (!stated || stated.isZero()) continue;
    const tolerance = Math.max(2, components.length);
    if (stated.minus(expected).abs().lessThanOrEqualTo(tolerance)) agree++;
    else if (stated.plus(expected).abs().lessThanOrEqualTo(tolerance)) flipped++;
  }
  if (agree === flipped) return fallback;
  return flipped > agree ? -1 : 1;
}

function signWarning(snapshot: SheetSnapshot, convention: SignConvention, lines: GridLine[], labelCol: number): string {
  const cells = (role: LineRole) =>
    lines
      .filter((l) => l.role === role)
      .map((l) => a1(l.rows.find((r) => r !== null) as number, labelCol))
      .join(", ");
  const inv = cells("investment") || "none";
  const ret = cells("return") || "none";
  switch (convention) {
    case "investment-negative":
      return `${snapshot.sheetName}: investment is shown negative (${inv}) and returns positive (${ret}); amounts are read as shown.`;
    case "role-by-label":
      return `${snapshot.sheetName}: investment is shown positive (${inv}); it is counted as money out because its label says investment or cost. Returns (${ret}) are read as shown.`;
    case "savings-negative":
      return `${snapshot.sheetName}: savings are shown negative (${ret}) and costs positive (${inv}); both are turned round so that savings count as money in.`;
  }
}

/** The unit, from the title rows, the header rows, the labels or the amounts' number format. */
function findUnit(snapshot: SheetSnapshot, spans: BlockSpan[], labelCol: number, lines: GridLine[], warnings: string[]): { unit: Unit; unitSource: string | null } {
  const right = Math.max(...spans.flatMap((s) => s.valueCols));
  const places: { row: number; col: number }[] = [];
  const firstHeader = spans[0].header.row;
  for (let r = snapshot.top; r < firstHeader; r++) for (let c = snapshot.left; c <= right; c++) places.push({ row: r, col: c });
  for (const span of spans) for (let c = snapshot.left; c <= right; c++) places.push({ row: span.header.row, col: c });
  for (const span of spans) for (let r = span.firstRow; r <= span.lastRow; r++) places.push({ row: r, col: labelCol });
  for (const p of places) {
    const v = cellAt(snapshot, p.row, p.col);
    if (typeof v !== "string") continue;
    const found = unitInText(v);
    if (!found) continue;
    if (found.unit === "£m") {
      warnings.push(`${a1(p.row, p.col)} says ${found.evidence}: amounts are read as shown and reported in £ as stated in the cells.`);
      continue;
    }
    return { unit: found.unit, unitSource: `${a1(p.row, p.col)}: ${found.evidence}` };
  }
  let scaled: string | null = null;
  for (const line of lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    for (let b = 0; b < spans.length; b++) {
      const row = line.rows[b];
      if (row === null) continue;
      for (const col of spans[b].periodCols) {
        const fmt = formatAt(snapshot, row, col);
        const found = unitInFormat(fmt);
        if (found && "unit" in found) return { unit: found.unit, unitSource: `${a1(row, col)}: number format ${fmt}` };
        if (found && !scaled) scaled = `${a1(row, col)}`;
      }
    }
  }
  if (scaled) warnings.push(`${scaled}: the number format shows pounds as thousands; amounts are read in £ as stored.`);
  warnings.push(`${snapshot.sheetName}: no unit stated (no "£000s" or "£k" in the titles or headers); amounts are read as £.`);
  return { unit: "£", unitSource: null };
}

function noGrid(snapshot: SheetSnapshot, why: string): ItosError {
  return new ItosError("no-grid", `No payback grid found on sheet '${snapshot.sheetName}': ${why}.`);
}

export function detectGrid(snapshot: SheetSnapshot, options: DetectOptions = {}): GridModel {
  const fyStartMonth = options.fyStartMonth ?? DEFAULT_FY_START_MONTH;
  const warnings: string[] = [];
  const { chosen, others } = chooseHeaderRows(scanHeaderRows(snapshot));
  if (chosen.length === 0) throw noGrid(snapshot, "there is no row of month or year headers");
  const { slots, totalColumns } = buildAxis(snapshot, chosen, fyStartMonth, warnings);
  if (slots.length < 2) throw noGrid(snapshot, "fewer than two period headers");

  // Header rows that head no periods of their own (a stray FY row) do not make blocks.
  const used = chosen.map((_, b) => slots.some((s) => s.block === b));
  const headers = chosen.filter((_, b) => used[b]);
  const remap = chosen.map((_, b) => used.slice(0, b).filter(Boolean).length);
  const blockSlots = slots.map((s) => ({ ...s, block: remap[s.block] }));
  const blockTotals = totalColumns.filter((_, b) => used[b]);

  const spans = blockSpans(snapshot, headers, others, blockSlots, blockTotals);
  const labelCol = findLabelColumn(snapshot, spans);
  if (labelCol === null) throw noGrid(snapshot, `the period headers in row ${headers[0].row + 1} have no line labels to their left`);

  const raw = collectLines(snapshot, spans, labelCol, warnings);
  const candidates = decideRoles(snapshot, spans, raw, labelCol, options.roleOverrides ?? {});
  if (candidates.length > 0) {
    throw new ItosError(
      "ambiguous-layout",
      `Cannot tell whether these lines on '${snapshot.sheetName}' are investment or return: ${candidates.join("; ")}. Say which each one is.`,
      { candidates, cell: candidates[0].split(":")[0] },
    );
  }
  const decided = raw as (RawLine & { role: LineRole })[];
  if (!decided.some((l) => (l.role === "investment" || l.role === "return") && l.hasValues)) {
    throw noGrid(snapshot, "no investment or return lines with amounts under the period headers");
  }

  const convention = decideSignConvention(shownTotals(snapshot, spans, decided));
  const lines: GridLine[] = decided.map((l) => ({ key: l.key, label: l.label, role: l.role, rows: l.rows, sign: componentSign(l.role, convention) }));
  const components = lines.filter((l) => l.role === "investment" || l.role === "return");
  const statedFallback: 1 | -1 = convention === "savings-negative" ? -1 : 1;
  for (const line of lines) {
    if (line.role === "net" || line.role === "cumulative") line.sign = statedLineSign(snapshot, blockSlots, line, components, statedFallback);
  }
  warnings.unshift(signWarning(snapshot, convention, lines, labelCol));

  const { unit, unitSource } = findUnit(snapshot, spans, labelCol, lines, warnings);
  const kind = headers[0].kind;
  const blocks: GridBlock[] = spans.map((s) => ({ headerRow: s.header.row, firstRow: s.firstRow, lastRow: s.lastRow, totalColumns: s.totals }));
  const allCols = spans.flatMap((s) => s.valueCols);
  return {
    sheetName: snapshot.sheetName,
    orientation: "periods-across",
    periodicity: kind === "annual-fy" || kind === "annual-number" ? "annual" : "monthly",
    unit,
    unitSource,
    signConvention: convention,
    labelCol,
    periods: blockSlots.map((s) => ({ period: s.period, block: s.block, col: s.col })),
    blocks,
    lines,
    bounds: {
      top: Math.min(...spans.map((s) => s.header.row)),
      left: labelCol,
      bottom: Math.max(...spans.map((s) => s.lastRow)),
      right: Math.max(...allCols),
    },
    warnings,
  };
}

/**
 * Every sheet of the workbook that holds a payback grid. A year table whose years all fall within
 * a monthly grid elsewhere in the workbook is that grid's summary (Sandwell's "Summary" sheet),
 * not a grid of its own: it is left to reconciliation.
 */
export function findGrids(workbook: WorkbookSnapshot, options: DetectOptions = {}): { sheetName: string; model: GridModel }[] {
  const found: { sheetName: string; model: GridModel }[] = [];
  for (const sheet of workbook.sheets) {
    try {
      found.push({ sheetName: sheet.sheetName, model: detectGrid(sheet, options) });
    } catch (e) {
      if (e instanceof ItosError && e.code === "no-grid") continue;
      throw e;
    }
  }
  const monthlyYears = new Set(found.filter((g) => g.model.periodicity === "monthly").flatMap((g) => g.model.periods.map((p) => p.period.fy)));
  return found.filter((g) => {
    if (g.model.periodicity !== "annual" || monthlyYears.size === 0) return true;
    return !g.model.periods.every((p) => p.period.fy !== null && monthlyYears.has(p.period.fy));
  });
}

