/**
 * Shared by the grid's reconciliation builders (reconcileGrid.ts, yearTable.ts): reading a cell as
 * a term of a check, naming parts for people, and collecting families of checks. A family is the
 * set of checks that one reading of the sheet implies (all cells of one total line, say), with
 * alternative readings; the engine decides which reading holds or that none can be trusted.
 */
import type Decimal from "decimal.js";
import {
  ReconcileMemo,
  type Check,
  type Term,
  fromNumber,
  Money,
  parseAmount,
  ZERO,
} from "../../engine";
import {
  type CellRef,
  type RangeRef,
  a1,
  quoteSheetName,
  rangeA1,
  cellAt,
  formatAt,
  isBlank,
  isCellError,
  type SheetSnapshot,
} from "../../sheet";

export interface Unverified {
  sheet: string;
  /** A1 address on its sheet ("N55"). */
  cell: string;
  /** The amount the cell states (0 where it holds no amount). */
  stated: number;
  reason: string;
}

export type Read =
  { value: Decimal; halfUnit: Decimal; whole?: number } | { blank: true } | { problem: string };

/** A whole-number cell: its Decimal is made only when asked for (most cells are only summed, see exactSum.ts). */
class WholeAmount {
  private decimal: Decimal | null = null;
  constructor(
    readonly whole: number,
    readonly halfUnit: Decimal
  ) {}
  get value(): Decimal {
    return (this.decimal ??= new Money(this.whole));
  }
}

const BLANK: Read = { blank: true };

/** A cell as the collector remembers it: a whole amount as the number itself, else its Read. */
export type CellEntry = number | Read;

/** A part that is a whole amount: its Decimal is made only if the term's value is asked for. */
class WholeTerm implements Term {
  private decimal: Decimal | null = null;
  constructor(
    readonly cell: CellRef,
    readonly whole: number,
    readonly halfUnit: Decimal,
    readonly coef: number
  ) {}
  get value(): Decimal {
    return (this.decimal ??= new Money(this.whole));
  }
}

const HALF_STEP = fromNumber(0.5);

/** A written amount's half step: "1,234" -> 0.5, "1.25" -> 0.005, "1.2k" -> 50. */
function halfUnitOfText(text: string): Decimal {
  const t = text.trim().toLowerCase();
  const dot = /\.(\d+)/.exec(t);
  let step = fromNumber(10).pow(-(dot ? dot[1].length : 0));
  if (/k\)?$/.test(t)) step = step.times(1000);
  else if (/bn\)?$/.test(t)) step = step.times(1e9);
  else if (/m\)?$/.test(t)) step = step.times(1e6);
  return step.times(HALF_STEP);
}

/** What a cell holds as an amount: a value with its rounding slack, a blank, or a problem in words. */
export function readAmount(
  snapshot: SheetSnapshot,
  row: number,
  col: number,
  memo: ReconcileMemo
): Read {
  const v = cellAt(snapshot, row, col);
  if (v === null || isBlank(v)) return BLANK;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { problem: "does not hold a finite number" };
    const halfUnit = memo.halfUnit(formatAt(snapshot, row, col), v);
    // A whole number converts straight (the same value as through its text; -0 is read as 0).
    if (Number.isSafeInteger(v)) return new WholeAmount(v === 0 ? 0 : v, halfUnit);
    return { value: fromNumber(v), halfUnit };
  }
  if (isCellError(v)) return { problem: `holds ${v.error}` };
  if (typeof v === "boolean") return { problem: `holds ${v ? "TRUE" : "FALSE"}` };
  const parsed = parseAmount(v);
  if (parsed === null) return { problem: `holds the text '${v.trim().slice(0, 40)}'` };
  return parsed.isZero() && !/\d/.test(v)
    ? { blank: true }
    : { value: parsed, halfUnit: halfUnitOfText(v) };
}

/** A cell's address for a reader on `fromSheet`: "N55" there, "'Appendix 1'!N55" elsewhere. */
export function addressFrom(cell: CellRef, fromSheet: string): string {
  const local = a1(cell.row, cell.col);
  return cell.sheet === fromSheet ? local : `${quoteSheetName(cell.sheet)}!${local}`;
}

/** Runs of adjacent cells along rows (or columns): "B55:M55", "N50:N54". */
function runs(terms: Term[], horizontal: boolean): RangeRef[] {
  const out: RangeRef[] = [];
  for (const t of terms) {
    const c = t.cell;
    const last = out[out.length - 1];
    const extends_ =
      last &&
      last.sheet === c.sheet &&
      (horizontal
        ? last.top === c.row && last.right + 1 === c.col
        : last.left === c.col && last.bottom + 1 === c.row);
    if (extends_) {
      if (horizontal) last.right = c.col;
      else last.bottom = c.row;
    } else out.push({ sheet: c.sheet, top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return out;
}

function listText(terms: Term[], fromSheet: string): string {
  if (terms.length === 0) return "";
  const horizontal = runs(terms, true);
  const vertical = runs(terms, false);
  const chosen = vertical.length < horizontal.length ? vertical : horizontal;
  return chosen
    .map((r) => {
      const text = rangeA1(r.top, r.left, r.bottom, r.right);
      return r.sheet === fromSheet ? text : `${quoteSheetName(r.sheet)}!${text}`;
    })
    .join(", ");
}

/** The parts of a check as people name them: "B55:M55", "N55, N48", "N50:N54 less N60". */
export function partsText(parts: Term[], fromSheet: string): string {
  const plus = parts.filter((p) => p.coef >= 0);
  const minus = parts.filter((p) => p.coef < 0);
  const head = listText(plus, fromSheet);
  if (minus.length === 0) return head || "nothing";
  return `${head || "0"} less ${listText(minus, fromSheet)}`;
}

export interface PartSpec {
  cell: CellRef;
  coef: number;
}

/** Collects the checks of a sheet, family by family, and the totals that cannot be checked. */
export class CheckCollector {
  readonly families: { options: (() => Check[])[]; reason: string | null }[] = [];
  readonly unverified: Unverified[] = [];
  private readonly seenUnverified = new Set<string>();

  /**
   * Each cell is read once per reconciliation: sheet -> row -> col. A whole amount is kept as the
   * number itself and its half unit (a shared Decimal) alongside, so a large sheet costs no object
   * per cell; anything else as its Read.
   */
  private readonly amounts = new Map<string, { entries: CellEntry[][]; halves: Decimal[][] }>();
  private lastSheetName: string | null = null;
  private lastSheet: { entries: CellEntry[][]; halves: Decimal[][] } = { entries: [], halves: [] };

  /** The shared Decimals of this reconciliation (half units, tolerances, slacks). */
  readonly memo = new ReconcileMemo();

  constructor(private readonly snapshots: (sheet: string) => SheetSnapshot | undefined) {}

  /** What a cell holds as an amount (read once, then remembered). */
  read(cell: CellRef): Read {
    return this.readAt(cell.sheet, cell.row, cell.col);
  }

  readAt(sheetName: string, rowIndex: number, colIndex: number): Read {
    const e = this.entryAt(sheetName, rowIndex, colIndex);
    return typeof e === "number"
      ? new WholeAmount(e, this.lastSheet.halves[rowIndex][colIndex])
      : e;
  }

  /** A cell as remembered: a whole amount as a number (its half unit from halfAt), else its Read. */
  entryAt(sheetName: string, rowIndex: number, colIndex: number): CellEntry {
    let sheet = this.lastSheetName === sheetName ? this.lastSheet : this.amounts.get(sheetName);
    if (!sheet) this.amounts.set(sheetName, (sheet = { entries: [], halves: [] }));
    this.lastSheetName = sheetName;
    this.lastSheet = sheet;
    const row = (sheet.entries[rowIndex] ??= []);
    let e = row[colIndex];
    if (e === undefined) {
      const snap = this.snapshots(sheetName);
      const v = snap ? cellAt(snap, rowIndex, colIndex) : null;
      if (snap && typeof v === "number" && Number.isSafeInteger(v)) {
        e = v === 0 ? 0 : v;
        (sheet.halves[rowIndex] ??= [])[colIndex] = this.wholeHalfUnit(
          formatAt(snap, rowIndex, colIndex),
          v
        );
      } else
        e = snap
          ? readAmount(snap, rowIndex, colIndex, this.memo)
          : { problem: "is on a sheet that was not read" };
      row[colIndex] = e;
    }
    return e;
  }

  // Most cells of a sheet share a format: the last answer for a whole amount is kept.
  private lastFormat: string | null | undefined = undefined;
  private lastNegative = false;
  private lastHalfUnit: Decimal | null = null;

  /** halfUnitOf for a whole amount (its half unit depends only on the format and the sign). */
  private wholeHalfUnit(format: string | null, v: number): Decimal {
    const negative = v < 0;
    if (
      this.lastHalfUnit === null ||
      format !== this.lastFormat ||
      negative !== this.lastNegative
    ) {
      this.lastHalfUnit = this.memo.halfUnit(format, v);
      this.lastFormat = format;
      this.lastNegative = negative;
    }
    return this.lastHalfUnit;
  }

  /** The half unit of a whole amount, once entryAt has returned it as a number. */
  halfAt(sheetName: string, rowIndex: number, colIndex: number): Decimal {
    const sheet = this.lastSheetName === sheetName ? this.lastSheet : this.amounts.get(sheetName)!;
    return sheet.halves[rowIndex][colIndex];
  }

  /** Records a total that cannot be checked (once per cell). */
  addUnverified(cell: CellRef, reason: string): void {
    const key = `${cell.sheet}!${cell.row},${cell.col}`;
    if (this.seenUnverified.has(key)) return;
    const r = this.read(cell);
    if ("blank" in r) return;
    this.seenUnverified.add(key);
    const stated = "value" in r ? r.value.toNumber() : 0;
    this.unverified.push({ sheet: cell.sheet, cell: a1(cell.row, cell.col), stated, reason });
  }

  /**
   * A check of `stated` against the signed sum of `parts`, or null when the stated cell is blank
   * (nothing is stated) or a cell holds something that is not an amount (then it is unverified).
   */
  check(
    stated: CellRef,
    parts: PartSpec[],
    subject: string,
    partsDescription: string
  ): Check | null {
    if (!this.canStateTotal(stated)) return null;
    const terms: Term[] = [];
    for (const p of parts) {
      const r = this.read(p.cell);
      if ("problem" in r) {
        this.addUnreadablePart(stated, p.cell, r.problem);
        return null;
      }
      terms.push(
        "blank" in r
          ? { cell: p.cell, value: ZERO, halfUnit: ZERO, coef: p.coef }
          : { cell: p.cell, value: r.value, halfUnit: r.halfUnit, coef: p.coef }
      );
    }
    return new ListedCheck(this.statedTerm(stated), terms, subject, partsDescription);
  }

  /** Records `stated` as unverified because one of its parts holds something other than an amount. */
  addUnreadablePart(stated: CellRef, part: CellRef, problem: string): void {
    this.addUnverified(
      stated,
      `One of its parts, ${addressFrom(part, stated.sheet)}, ${problem} where an amount is expected.`
    );
  }

  /** A cell as a part of a check, with its sign; a blank, or a cell that is no amount, counts as zero. */
  termAt(cell: CellRef, coef: number): Term {
    const e = this.entryAt(cell.sheet, cell.row, cell.col);
    if (typeof e === "number")
      return new WholeTerm(cell, e, this.halfAt(cell.sheet, cell.row, cell.col), coef);
    return "value" in e
      ? { cell, value: e.value, halfUnit: e.halfUnit, coef }
      : { cell, value: ZERO, halfUnit: ZERO, coef };
  }

  /**
   * True when `stated` holds an amount to check; false when it is blank (nothing is stated) or
   * holds something else (then it is recorded as unverified).
   */
  canStateTotal(stated: CellRef): boolean {
    if (typeof this.entryAt(stated.sheet, stated.row, stated.col) === "number") return true;
    const s = this.read(stated);
    if ("blank" in s) return false;
    if ("problem" in s) {
      this.addUnverified(
        stated,
        `${addressFrom(stated, stated.sheet)} ${s.problem} where a total is expected.`
      );
      return false;
    }
    return true;
  }

  /** The stated cell as a term; it must hold an amount (see canStateTotal). */
  statedTerm(stated: CellRef): Term {
    const e = this.entryAt(stated.sheet, stated.row, stated.col);
    if (typeof e === "number")
      return new WholeTerm(stated, e, this.halfAt(stated.sheet, stated.row, stated.col), 1);
    const s = e as { value: Decimal; halfUnit: Decimal };
    return { cell: stated, value: s.value, halfUnit: s.halfUnit, coef: 1 };
  }

  /**
   * Adds a family: alternative readings, each a list of checks, the first being the usual reading;
   * `reason` says why its totals are unverified when no reading explains them; null when the
   * reading is known by definition, so its disagreements are mismatches whatever the evidence.
   */
  addFamily(options: (Check[] | (() => Check[]))[], reason: string | null): void {
    if (options.length === 0) return;
    // Readings are built only when needed: most families agree with their first. Only the first
    // is kept once built (it is asked for again); the others are tried once and let go.
    const lazy = options.map((o, i) => {
      if (typeof o !== "function") return () => o;
      if (i > 0) return o;
      let built: Check[] | null = null;
      return () => (built ??= o());
    });
    this.families.push({ options: lazy, reason });
  }
}

/** A check whose parts text is built on first use only: most checks agree and are never listed. */
class ListedCheck implements Check {
  private text: string | null = null;
  constructor(
    readonly stated: Term,
    readonly parts: Term[],
    readonly subject: string,
    readonly partsDescription: string
  ) {}
  get partsText(): string {
    return (this.text ??= partsText(this.parts, this.stated.cell.sheet));
  }
}
