/**
 * The grid reader: from a sheet snapshot, find the period axis (one header row, or stacked blocks
 * with one header row per financial year), the label column, each line's role, the unit and the
 * sign convention, all tied to cells. When it cannot tell, it says so with the candidates rather
 * than guessing silently.
 */
import type Decimal from "decimal.js";
import { ItosError, parseAmount, ZERO, DEFAULT_FY_START_MONTH } from "../../engine";
import { cellName, sheetCellName, transposeSnapshot } from "./orient";
import { buildAxis, chooseHeaderRows, scanHeaderRows, type AxisSlot, type HeaderRow } from "./axis";
import { classifyLabel, normaliseLabel } from "./labels";
import type {
  GridBlock,
  GridLine,
  GridModel,
  LineRole,
  SignConvention,
  TotalSlot,
  Unit,
} from "./model";
import {
  cellAt,
  formatAt,
  isBlank,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../sheet";
import { unitInFormat, unitInText } from "./units";

export interface DetectOptions {
  /** First month of the financial year, 1-12 (default 4, April). */
  fyStartMonth?: number;
  /** Roles chosen by the user for lines the reader could not decide, by line key. */
  roleOverrides?: Record<string, LineRole>;
}

/** Blank rows in a row that end a block: a separate table further down is not part of the grid. */
const BLOCK_GAP_ROWS = 3;

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
  totals: TotalSlot[];
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
function blockSpans(
  snapshot: SheetSnapshot,
  headers: HeaderRow[],
  others: HeaderRow[],
  slots: AxisSlot[],
  totals: TotalSlot[][]
): BlockSpan[] {
  const boundaries = [...headers, ...others].map((h) => h.row).sort((a, b) => a - b);
  return headers.map((header, b) => {
    const periodCols = slots.filter((s) => s.block === b).map((s) => s.col);
    const valueCols = [...periodCols, ...totals[b].map((t) => t.periodIndex)].sort((x, y) => x - y);
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

/**
 * The column of line labels: left of the periods, the one that names the most rows with amounts
 * (a section column naming only the first row of each section loses to it); telling words break
 * ties with a reference column of codes.
 */
function findLabelColumn(snapshot: SheetSnapshot, spans: BlockSpan[]): number | null {
  const firstValueCol = Math.min(...spans.flatMap((s) => s.valueCols));
  const withValues = spans.map((span) => {
    const rows = new Set<number>();
    for (let r = span.firstRow; r <= span.lastRow; r++)
      if (rowHasValues(snapshot, r, span.valueCols)) rows.add(r);
    return rows;
  });
  let best: { col: number; score: number } | null = null;
  for (let col = snapshot.left; col < firstValueCol; col++) {
    let score = 0;
    spans.forEach((span, b) => {
      for (let r = span.firstRow; r <= span.lastRow; r++) {
        const v = cellAt(snapshot, r, col);
        if (typeof v !== "string" || isBlank(v) || parseAmount(v) !== null) continue;
        score +=
          (withValues[b].has(r) ? 2 : 1) +
          (classifyLabel(normaliseLabel(v)).kind === "unknown" ? 0 : 0.5);
      }
    });
    if (score > 0 && (!best || score > best.score)) best = { col, score };
  }
  return best ? best.col : null;
}

/** A section named in a column left of the labels ("Investment" beside the first line of it). */
function sectionBeside(
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

interface RawLine {
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
function collectLines(
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
function looksLikeHeading(label: string): boolean {
  return label.trim().endsWith(":") || normaliseLabel(label).split(" ").length <= 2;
}

/**
 * Roles block by block, reading down: labels decide where they can; a line with no telling words
 * takes the role of the section it sits in (the "Return" heading above it).
 */
function decideRoles(
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

/** Count of figures shown below and above zero, per role: a vote, so no money is summed. */
interface SignVotes {
  investment: { negative: number; positive: number };
  return: { negative: number; positive: number };
}

function signVotes(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  lines: (RawLine & { role: LineRole })[]
): SignVotes {
  const votes: SignVotes = {
    investment: { negative: 0, positive: 0 },
    return: { negative: 0, positive: 0 },
  };
  for (const line of lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    const tally = votes[line.role];
    line.rows.forEach((row, b) => {
      if (row === null) return;
      for (const col of spans[b].periodCols) {
        const v = cellAt(snapshot, row, col);
        const n =
          typeof v === "number" ? v : typeof v === "string" ? (shownNumber(v)?.toNumber() ?? 0) : 0;
        if (n < 0) tally.negative++;
        else if (n > 0) tally.positive++;
      }
    });
  }
  return votes;
}

/**
 * Investment mostly shown negative: amounts as shown. Otherwise the labels decide, and savings
 * shown mostly negative make it a "net cost" table.
 */
function decideSignConvention(votes: SignVotes): SignConvention {
  const inv = votes.investment;
  const ret = votes.return;
  if (inv.negative > inv.positive) return "investment-negative";
  if (ret.negative > ret.positive) return "savings-negative";
  return inv.positive === 0 ? "investment-negative" : "role-by-label";
}

function componentSign(role: LineRole, convention: SignConvention): 1 | -1 {
  if (convention === "investment-negative" || role === "heading" || role === "ignored") return 1;
  if (role === "investment" || role === "total-investment") return -1;
  return convention === "savings-negative" ? -1 : 1;
}

/** Enough agreeing periods to settle a stated line's sign; more only costs time on big grids. */
const SIGN_SAMPLE = 12;

/** The net flow of each period from the component lines, computed as far as it is asked for. */
function lazyNets(
  snapshot: SheetSnapshot,
  slots: AxisSlot[],
  components: GridLine[]
): (i: number) => Decimal {
  const nets: Decimal[] = [];
  return (i) => {
    while (nets.length <= i) {
      const slot = slots[nets.length];
      let net = ZERO;
      for (const c of components) {
        const row = c.lineIndex[slot.block];
        if (row === null) continue;
        const v = shownNumber(cellAt(snapshot, row, slot.col));
        if (v && !v.isZero()) net = c.sign === 1 ? net.plus(v) : net.minus(v);
      }
      nets.push(net);
    }
    return nets[i];
  };
}

/** Net and cumulative lines: the sign under which their stated figures agree with the parts. */
function statedLineSign(
  snapshot: SheetSnapshot,
  slots: AxisSlot[],
  line: GridLine,
  netAt: (i: number) => Decimal,
  tolerance: number,
  fallback: 1 | -1
): 1 | -1 {
  let agree = 0;
  let flipped = 0;
  let running = ZERO;
  for (let i = 0; i < slots.length && agree + flipped < SIGN_SAMPLE; i++) {
    const slot = slots[i];
    const net = netAt(i);
    running = running.plus(net);
    const expected = line.role === "cumulative" ? running : net;
    const row = line.lineIndex[slot.block];
    if (row === null || expected.isZero()) continue;
    const stated = shownNumber(cellAt(snapshot, row, slot.col));
    if (!stated || stated.isZero()) continue;
    if (stated.minus(expected).abs().lessThanOrEqualTo(tolerance)) agree++;
    else if (stated.plus(expected).abs().lessThanOrEqualTo(tolerance)) flipped++;
  }
  if (agree === flipped) return fallback;
  return flipped > agree ? -1 : 1;
}

function signWarning(
  snapshot: SheetSnapshot,
  convention: SignConvention,
  lines: GridLine[],
  labelCol: number
): string {
  const cells = (role: LineRole) =>
    lines
      .filter((l) => l.role === role)
      .map((l) => cellName(snapshot, l.lineIndex.find((r) => r !== null) as number, labelCol))
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

/** Where a unit is stated, most telling first: titles, header rows, labels, then anywhere beside the grid. */
function* unitPlaces(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  labelCol: number,
  right: number
): Generator<{ row: number; col: number }> {
  const firstHeader = spans[0].header.row;
  for (let r = snapshot.top; r < firstHeader; r++)
    for (let c = snapshot.left; c <= right; c++) yield { row: r, col: c };
  for (const span of spans)
    for (let c = snapshot.left; c <= right; c++) yield { row: span.header.row, col: c };
  for (const span of spans)
    for (let r = span.firstRow; r <= span.lastRow; r++) yield { row: r, col: labelCol };
  // A transposed grid's titles sit to the left of its lines.
  const bottom = Math.max(...spans.map((s) => s.lastRow));
  for (let r = snapshot.top; r <= bottom; r++)
    for (let c = snapshot.left; c <= right; c++) yield { row: r, col: c };
}

/** The unit, from the title rows, the header rows, the labels or the amounts' number format. */
function findUnit(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  labelCol: number,
  lines: GridLine[],
  warnings: string[]
): { unit: Unit; unitSource: string | null } {
  const right = Math.max(...spans.flatMap((s) => s.valueCols));
  const places = unitPlaces(snapshot, spans, labelCol, right);
  const warned = new Set<string>();
  for (const p of places) {
    const v = cellAt(snapshot, p.row, p.col);
    if (typeof v !== "string") continue;
    const found = unitInText(v);
    if (!found) continue;
    if (found.unit === "£m") {
      const name = cellName(snapshot, p.row, p.col);
      if (warned.has(name)) continue;
      warned.add(name);
      warnings.push(
        `${name} says ${found.evidence}: amounts in millions are not supported as a unit, so they are read as shown and reported in £.`
      );
      continue;
    }
    return {
      unit: found.unit,
      unitSource: `${cellName(snapshot, p.row, p.col)}: ${found.evidence}`,
    };
  }
  let scaled: string | null = null;
  const formatsSeen = new Set<string>();
  for (const line of lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    for (let b = 0; b < spans.length; b++) {
      const row = line.lineIndex[b];
      if (row === null) continue;
      for (const col of spans[b].periodCols) {
        const fmt = formatAt(snapshot, row, col);
        if (fmt === null || formatsSeen.has(fmt)) continue;
        formatsSeen.add(fmt);
        const found = unitInFormat(fmt);
        if (found && "unit" in found)
          return {
            unit: found.unit,
            unitSource: `${cellName(snapshot, row, col)}: number format ${fmt}`,
          };
        if (found && !scaled) scaled = cellName(snapshot, row, col);
      }
    }
  }
  if (scaled)
    warnings.push(
      `${scaled}: the number format shows pounds as thousands; amounts are read in £ as stored.`
    );
  warnings.push(
    `${snapshot.sheetName}: no unit stated (no "£000s" or "£k" in the titles or headers); amounts are read as £.`
  );
  return { unit: "£", unitSource: null };
}

function noGrid(snapshot: SheetSnapshot, why: string): ItosError {
  return new ItosError(
    "no-grid",
    `No payback grid found on sheet '${snapshot.sheetName}': ${why}.`
  );
}

/**
 * Reads the payback grid on a sheet: periods across the columns, or, failing that, down the rows
 * (a transposed grid, read by turning the snapshot on its side).
 */
export function detectGrid(snapshot: SheetSnapshot, options: DetectOptions = {}): GridModel {
  try {
    return readAcross(snapshot, options);
  } catch (across) {
    if (!(across instanceof ItosError && across.code === "no-grid")) throw across;
    let turned: GridModel;
    try {
      turned = readAcross(transposeSnapshot(snapshot), options);
    } catch (down) {
      // A transposed reading that found headers but could not settle says more than "no grid".
      if (down instanceof ItosError && down.code !== "no-grid") throw down;
      throw across;
    }
    return periodsDown(turned);
  }
}

/**
 * A model read from the turned snapshot, stated for the sheet: period "columns" are sheet rows and
 * line "rows" are sheet columns (as GridModel documents for periods-down grids); bounds are the
 * sheet's own.
 */
function periodsDown(turned: GridModel): GridModel {
  const b = turned.bounds;
  return {
    ...turned,
    orientation: "periods-down",
    bounds: { top: b.left, left: b.top, bottom: b.right, right: b.bottom },
  };
}

function readAcross(snapshot: SheetSnapshot, options: DetectOptions): GridModel {
  const fyStartMonth = options.fyStartMonth ?? DEFAULT_FY_START_MONTH;
  const warnings: string[] = [];
  const { chosen, others } = chooseHeaderRows(scanHeaderRows(snapshot));
  if (chosen.length === 0)
    throw noGrid(snapshot, "there is no row or column of month or year headers");
  const { slots, totalColumns } = buildAxis(snapshot, chosen, fyStartMonth, warnings);
  if (slots.length < 2) throw noGrid(snapshot, "fewer than two period headers");

  // Header rows that head no periods of their own (a stray FY row) do not make blocks.
  const used = chosen.map((_, b) => slots.some((s) => s.block === b));
  const headers = chosen.filter((_, b) => used[b]);
  const remap = chosen.map((_, b) => used.slice(0, b).filter(Boolean).length);
  const blockSlots = slots.map((s) => ({ ...s, block: remap[s.block] }));
  const blockTotals = totalColumns.filter((_, b) => used[b]);

  for (const h of headers) {
    if (h.datesWithoutFormat)
      warnings.push(
        `${sheetCellName(snapshot, h.row, h.cells[0].col)}: the period headers here are numbers without a date format, read as month dates.`
      );
  }
  const spans = blockSpans(snapshot, headers, others, blockSlots, blockTotals);
  const labelCol = findLabelColumn(snapshot, spans);
  if (labelCol === null)
    throw noGrid(
      snapshot,
      `the period headers at ${cellName(snapshot, headers[0].row, headers[0].cells[0].col)} have no line labels beside them`
    );

  const raw = collectLines(snapshot, spans, labelCol, warnings);
  const candidates = decideRoles(
    snapshot,
    spans,
    raw,
    labelCol,
    options.roleOverrides ?? {},
    warnings
  );
  if (candidates.length > 0) {
    throw new ItosError(
      "ambiguous-layout",
      `Cannot tell whether these lines on '${snapshot.sheetName}' are investment or return: ${candidates.join("; ")}. Say which each one is.`,
      { candidates, cell: candidates[0].split(":")[0] }
    );
  }
  const decided = raw as (RawLine & { role: LineRole })[]; // no candidates left: every role is set
  if (!decided.some((l) => (l.role === "investment" || l.role === "return") && l.hasValues)) {
    throw noGrid(snapshot, "no investment or return lines with amounts under the period headers");
  }

  const convention = decideSignConvention(signVotes(snapshot, spans, decided));
  const lines: GridLine[] = decided.map((l) => ({
    key: l.key,
    label: l.label,
    role: l.role,
    lineIndex: l.rows,
    sign: componentSign(l.role, convention),
  }));
  const components = lines.filter((l) => l.role === "investment" || l.role === "return");
  const statedFallback: 1 | -1 = convention === "savings-negative" ? -1 : 1;
  const netAt = lazyNets(snapshot, blockSlots, components);
  // Whole-pound figures: each rounded part may be out by up to a pound.
  const tolerance = Math.max(2, components.length);
  for (const line of lines) {
    if (line.role === "net" || line.role === "cumulative")
      line.sign = statedLineSign(snapshot, blockSlots, line, netAt, tolerance, statedFallback);
  }
  warnings.unshift(signWarning(snapshot, convention, lines, labelCol));

  const { unit, unitSource } = findUnit(snapshot, spans, labelCol, lines, warnings);
  const kind = headers[0].kind;
  const blocks: GridBlock[] = spans.map((s) => ({
    headerIndex: s.header.row,
    firstLineIndex: s.firstRow,
    lastLineIndex: s.lastRow,
    totals: s.totals,
  }));
  const allCols = spans.flatMap((s) => s.valueCols);
  return {
    sheetName: snapshot.sheetName,
    orientation: "periods-across",
    periodicity: kind === "annual-fy" || kind === "annual-number" ? "annual" : "monthly",
    unit,
    unitSource,
    signConvention: convention,
    labelIndex: labelCol,
    periods: blockSlots.map((s) => ({ period: s.period, block: s.block, periodIndex: s.col })),
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
export function findGrids(
  workbook: WorkbookSnapshot,
  options: DetectOptions = {},
  /** When given, a sheet that holds a grid ITOS cannot read is listed here and the others go on. */
  failures?: { sheetName: string; error: ItosError }[]
): { sheetName: string; model: GridModel }[] {
  const found: { sheetName: string; model: GridModel }[] = [];
  for (const sheet of workbook.sheets) {
    try {
      found.push({ sheetName: sheet.sheetName, model: detectGrid(sheet, options) });
    } catch (e) {
      if (e instanceof ItosError && e.code === "no-grid") continue;
      if (failures && e instanceof ItosError && e.code !== "bad-argument") {
        failures.push({ sheetName: sheet.sheetName, error: e });
        continue;
      }
      throw e;
    }
  }
  const monthlyYears = new Set(
    found
      .filter((g) => g.model.periodicity === "monthly")
      .flatMap((g) => g.model.periods.map((p) => p.period.fy))
  );
  return found.filter((g) => {
    if (g.model.periodicity !== "annual" || monthlyYears.size === 0) return true;
    return !g.model.periods.every((p) => p.period.fy !== null && monthlyYears.has(p.period.fy));
  });
}
