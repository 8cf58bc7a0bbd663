/**
 * The formula side of the reconciliation: where stated totals are formulas, the formula is
 * checked as well as the value.
 *   - omits-part:   the total's formula covers fewer of its parts than the grid says it should
 *                   (reported even when the value happens to match);
 *   - hard-coded:   a typed number where the same total along its line is a formula;
 *   - inconsistent: a formula whose R1C1 form differs from the majority along its line;
 *   - external:     a formula that takes figures from another workbook;
 *   - error:        a formula that holds or yields an error (#REF! left by a deleted row).
 * It knows the grid only through what the caller hands it (lines of stated cells, stated totals
 * with their readings of parts), so it works for any layout. A false alarm costs more than a
 * missed finding: whatever it cannot read as a plain sum it leaves alone.
 */
import {
  errorLiterals,
  externalWorkbooks,
  refBounds,
  signedSumOf,
  tokenize,
  tokensToR1C1,
  translateFormula,
  a1,
  quoteSheetName,
  type SignedRef,
  type Token,
  type CellRef,
  type CellValue,
  type RangeRef,
} from "../../sheet";

export type FormulaFindingKind =
  "omits-part" | "hard-coded" | "inconsistent" | "external" | "error";

/** Each kind in a few words, as the pane, the marks and the text report name it. */
export function formulaKindLabel(kind: FormulaFindingKind): string {
  switch (kind) {
    case "omits-part":
      return "formula leaves out a part";
    case "hard-coded":
      return "typed number among formulas";
    case "inconsistent":
      return "formula out of line";
    case "external":
      return "figure from another workbook";
    case "error":
      return "formula error";
  }
}

type FormulaCell = CellRef;
type CellContent = CellValue;

/** Read access to the workbook's cells: formula text (with "=") and value (a formula's cached result). */
export interface FormulaWorkbook {
  formulaAt(sheet: string, row: number, col: number): string | null;
  valueAt(sheet: string, row: number, col: number): CellContent;
  /** The used area of a sheet, so whole-column references are walked only where cells are. */
  bounds(sheet: string): { top: number; left: number; bottom: number; right: number } | null;
}

/** Stated cells along one line of a table (a total line's periods, a total column down its lines). */
export interface StatedLine {
  /** What the line is, for sentences: "Total savings", "the Total column". */
  label: string;
  cells: FormulaCell[];
  /**
   * What each cell is, for sentences ("Total savings, 2022/23"), same length as cells; or a
   * function giving cell i's, where building every one costs (only cells with findings need one).
   */
  subjects: string[] | ((index: number) => string);
  /** Compare the formulas' R1C1 forms along the line (period cells of total, net and running lines). */
  compareForms: boolean;
  /** A running (cumulative) line: its first cell starts from something else, so it is not compared. */
  running: boolean;
}

/** A stated total and the readings of its parts that the value checks know. */
export interface StatedTotal {
  cell: FormulaCell;
  /** "Total savings, 2022/23". */
  subject: string;
  /**
   * Each reading of the parts; the formula should cover every part of at least one. A function
   * where building them costs: it is called only for a total that is a formula.
   */
  readings: FormulaCell[][] | (() => FormulaCell[][]);
  /**
   * Whether every part of some reading passes `test`, visiting the parts without building them
   * (optional): lets most totals, whose formula refers to every part of one reading, be passed
   * without a list of cells. `within`, when given, tells at once whether every cell of a
   * rectangle passes: a reading whose parts lie in one rectangle may be passed by it.
   */
  anyReading?: (
    test: (sheet: string, row: number, col: number) => boolean,
    within?: (range: RangeRef) => boolean
  ) => boolean;
  /** The value check's verdict, when there was one. */
  status?: "match" | "rounding" | "mismatch";
  /** What the parts add up to, for the sentences. */
  expected?: number;
}

export interface FormulaFinding {
  sheet: string;
  /** A1 address on its sheet. */
  cell: string;
  kind: FormulaFindingKind;
  /** One sentence in a finance user's words. */
  detail: string;
  /** The cells the finding is about: the parts left out, the neighbours compared, and so on. */
  cells: FormulaCell[];
}

export function cellA1(c: { row: number; col: number }): string {
  return a1(c.row, c.col);
}

/** "D10", or "'Appendix 1'!N55" when on another sheet than `from`. */
function named(c: FormulaCell, from: string): string {
  return c.sheet === from ? cellA1(c) : `${quoteSheetName(c.sheet)}!${cellA1(c)}`;
}

/** Sheet names numbered as they are met, so a cell packs into one number (see cellNumber). */
const sheetNumbers = new Map<string, number>();

/** One number per cell: rows below 2^20 and columns below 2^14 pack under 2^34 per sheet. */
function cellNumber(sheet: string, row: number, col: number): number {
  let id = sheetNumbers.get(sheet);
  if (id === undefined) sheetNumbers.set(sheet, (id = sheetNumbers.size));
  return id * 17_179_869_184 + row * 16_384 + col;
}

const key = (c: FormulaCell) => cellNumber(c.sheet, c.row, c.col);

/** "10,000", "(10,000)", "1,234.50": money as the sheet shows it. */
function amountText(n: number): string {
  const whole = Number.isInteger(n);
  const [int, frac] = Math.abs(n)
    .toFixed(whole ? 0 : 2)
    .split(".");
  const text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
  return n < 0 ? `(${text})` : text;
}

function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  const shown = items.length > 6 ? [...items.slice(0, 5), `${items.length - 5} more`] : items;
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** Formulas read once per cell; cells keyed by number (sheet, row, col packed) for speed. */
class FormulaCache {
  private readonly tokens = new Map<number, Token[] | null>();
  private readonly sums = new Map<number, SignedRef[] | null>();
  private readonly boundsOf = new Map<string, ReturnType<FormulaWorkbook["bounds"]>>();
  constructor(readonly wb: FormulaWorkbook) {}

  num(sheet: string, row: number, col: number): number {
    return cellNumber(sheet, row, col);
  }

  bounds(sheet: string): ReturnType<FormulaWorkbook["bounds"]> {
    if (!this.boundsOf.has(sheet)) this.boundsOf.set(sheet, this.wb.bounds(sheet));
    return this.boundsOf.get(sheet)!;
  }

  tokensAt(c: FormulaCell): Token[] | null {
    return this.tokensOf(c.sheet, c.row, c.col);
  }

  tokensOf(sheet: string, row: number, col: number): Token[] | null {
    const k = this.num(sheet, row, col);
    let t = this.tokens.get(k);
    if (t === undefined) {
      const f = this.wb.formulaAt(sheet, row, col);
      t = f === null ? null : tokenize(f);
      this.tokens.set(k, t);
    }
    return t;
  }

  sumAt(c: FormulaCell): SignedRef[] | null {
    return this.sumOf(c.sheet, c.row, c.col);
  }

  sumOf(sheet: string, row: number, col: number): SignedRef[] | null {
    // Most cells a sum covers are typed amounts: no need to remember them.
    const f = this.wb.formulaAt(sheet, row, col);
    if (f === null) return null;
    const k = this.num(sheet, row, col);
    let s = this.sums.get(k);
    if (s === undefined) {
      // Every total is read as a sum once: its tokens are not kept, only the sum.
      s = signedSumOf(this.tokens.get(k) ?? tokenize(f));
      this.sums.set(k, s);
    }
    return s;
  }
}

/** Cells walked through the sums behind one total before it is left unjudged (a false alarm costs more). */
const EXPANSION_LIMIT = 100_000;

/** Whether a part is covered by a formula: referred to directly, or through the sums it refers to. */
class Coverage {
  private readonly memo = new Map<number, boolean>();
  /** Every cell inside a reference of the total or of a plain sum reached from it. */
  private readonly covered = new Set<number>();
  private readonly intendedByNum = new Map<number, FormulaCell[]>();
  private expanded = false;
  /** The sums behind the total reach too many cells to walk: it is left unjudged. */
  tooLarge = false;

  constructor(
    private readonly cache: FormulaCache,
    private readonly total: FormulaCell,
    private readonly refs: SignedRef[],
    /** Totals already found to leave parts out, with the parts they should cover: as if mended. */
    intended: Map<number, FormulaCell[]> = new Map(),
    intendedCells: Map<number, FormulaCell> = new Map()
  ) {
    // The total's own omission is what is being judged: it is not taken as mended.
    const own = key(total);
    for (const [k, parts] of intended)
      if (k !== own && intendedCells.has(k)) this.intendedByNum.set(k, parts);
  }

  /** The total's own references as rectangles (sheet resolved), for the direct test. */
  private rects:
    | { sheet: string; upper: string; top: number; left: number; bottom: number; right: number }[]
    | null = null;

  private ownRects() {
    return (this.rects ??= this.refs
      .filter((r) => r.ref.workbook === null)
      .map((r) => {
        const own = r.ref.sheet ?? this.total.sheet;
        return { sheet: own, upper: own.toUpperCase(), ...refBounds(r.ref) };
      }));
  }

  directlyAt(sheet: string, row: number, col: number): boolean {
    for (const r of this.ownRects()) {
      if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
      // Sheet names match without regard to case; the same string is the usual case.
      if (r.sheet === sheet || r.upper === sheet.toUpperCase()) return true;
    }
    return false;
  }

  /** Whether one of the total's own references holds the whole rectangle. */
  directlyWithin(range: RangeRef): boolean {
    for (const r of this.ownRects()) {
      if (range.top < r.top || range.bottom > r.bottom) continue;
      if (range.left < r.left || range.right > r.right) continue;
      if (r.sheet === range.sheet || r.upper === range.sheet.toUpperCase()) return true;
    }
    return false;
  }

  directly(part: FormulaCell): boolean {
    return this.directlyAt(part.sheet, part.row, part.col);
  }

  /** Visits the cells inside a reference, clipped to the sheet's used area. */
  private eachCell(
    r: SignedRef,
    fromSheet: string,
    visit: (sheet: string, row: number, col: number) => boolean | void
  ): boolean {
    if (r.ref.workbook !== null) return true;
    const sheet = r.ref.sheet ?? fromSheet;
    const used = this.cache.bounds(sheet);
    if (!used) return true;
    const b = refBounds(r.ref);
    const bottom = Math.min(b.bottom, used.bottom);
    const right = Math.min(b.right, used.right);
    for (let row = Math.max(b.top, used.top); row <= bottom; row++)
      for (let col = Math.max(b.left, used.left); col <= right; col++)
        if (visit(sheet, row, col) === false) return false;
    return true;
  }

  /** Walks every plain-sum formula reachable from the total (a bounded number of cells). */
  private expand(): void {
    if (this.expanded) return;
    this.expanded = true;
    const queue: { sheet: string; refs: SignedRef[] }[] = [
      { sheet: this.total.sheet, refs: this.refs },
    ];
    for (let i = 0; i < queue.length; i++) {
      if (this.covered.size > EXPANSION_LIMIT) {
        this.tooLarge = true;
        return;
      }
      const { sheet: from, refs } = queue[i];
      for (const r of refs)
        this.eachCell(r, from, (sheet, row, col) => {
          if (this.covered.size > EXPANSION_LIMIT) return false;
          const k = this.cache.num(sheet, row, col);
          if (this.covered.has(k)) return;
          this.covered.add(k);
          const sum = this.cache.sumOf(sheet, row, col);
          if (sum) queue.push({ sheet, refs: sum });
          const mended = this.intendedByNum.get(k);
          if (mended) queue.push({ sheet, refs: mended.map(cellRef) });
        });
    }
  }

  /** Covered through the sums the total refers to, or by covering every cell of the part's own sum. */
  covers(part: FormulaCell, depth = 0): boolean {
    const k = this.cache.num(part.sheet, part.row, part.col);
    this.expand();
    if (this.covered.has(k)) return true;
    const known = this.memo.get(k);
    if (known !== undefined) return known;
    let result = false;
    if (!result && depth < 8) {
      const own = this.cache.sumAt(part);
      if (own) {
        result = own.every((r) =>
          this.eachCell(r, part.sheet, (sheet, row, col) =>
            this.covers({ sheet, row, col }, depth + 1)
          )
        );
      }
    }
    this.memo.set(k, result);
    return result;
  }
}

/** A single-cell reference to c, as a formula on any sheet would write it. */
function cellRef(c: FormulaCell): SignedRef {
  const corner = { row: c.row, col: c.col, absRow: true, absCol: true };
  return { ref: { workbook: null, sheet: c.sheet, start: corner, end: corner }, coef: 1 };
}

function isNumber(v: CellContent): v is number {
  return typeof v === "number";
}

function isError(v: CellContent): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Every formula finding of a sheet's tables. */
export function formulaFindings(
  wb: FormulaWorkbook,
  lines: StatedLine[],
  totals: StatedTotal[]
): FormulaFinding[] {
  const cache = new FormulaCache(wb);
  const findings: FormulaFinding[] = [];
  const flagged = new Set<number>();
  const totalAt = new Map(totals.map((t) => [key(t.cell), t]));
  const subjectOf = subjectsOf(lines, totalAt);
  const add = (c: FormulaCell, kind: FormulaFindingKind, detail: string, cells: FormulaCell[]) => {
    findings.push({ sheet: c.sheet, cell: cellA1(c), kind, detail, cells });
    flagged.add(key(c));
  };

  // Errors and other workbooks first: such a formula is not compared with anything else.
  for (const c of suspectCells(wb, lines, totals)) {
    const tokens = cache.tokensAt(c);
    if (tokens === null) continue;
    const formula = wb.formulaAt(c.sheet, c.row, c.col)!;
    const value = wb.valueAt(c.sheet, c.row, c.col);
    const literals = errorLiterals(tokens);
    // An error that comes from a cell it refers to is that cell's finding, not this one's.
    if (literals.length === 0 && isError(value) && refersToError(wb, tokens, c)) continue;
    if (literals.length > 0 || isError(value)) {
      const shown = isError(value) ? value.error : literals[0];
      const why = literals.includes("#REF!")
        ? "refers to a cell that no longer exists (#REF!, left when a row or column was deleted)"
        : `gives the error ${shown}`;
      add(
        c,
        "error",
        `${named(c, c.sheet)} (${subjectOf(c)}) is ${formula}, which ${why}: it cannot be checked until it is mended.`,
        []
      );
      continue;
    }
    const books = externalWorkbooks(tokens);
    if (books.length > 0) {
      const which = books.map((b) => (/^\d+$/.test(b) ? `external link [${b}]` : b));
      add(
        c,
        "external",
        `${named(c, c.sheet)} (${subjectOf(c)}) is ${formula}, which takes its figure from another workbook (${listText(which)}): it will not follow changes made in this one.`,
        []
      );
    }
  }

  // A total that leaves nothing out once the totals it refers to are mended is only their
  // consequence: passes repeat until no finding is explained away by another.
  let omissions = new Map<
    number,
    { total: StatedTotal; detail: string; missing: FormulaCell[]; parts: FormulaCell[] }
  >();
  let candidates = totals.filter((t) => !flagged.has(key(t.cell)));
  const cellsByKey = new Map(totals.map((t) => [key(t.cell), t.cell]));
  for (let pass = 0; pass < 4; pass++) {
    const intended = new Map([...omissions].map(([k, o]) => [k, o.parts]));
    const next = new Map<
      number,
      { total: StatedTotal; detail: string; missing: FormulaCell[]; parts: FormulaCell[] }
    >();
    for (const t of candidates) {
      const finding = omission(cache, t, intended, cellsByKey, flagged);
      if (finding) next.set(key(t.cell), { total: t, ...finding });
    }
    const stable = next.size === omissions.size && [...next.keys()].every((k) => omissions.has(k));
    omissions = next;
    candidates = [...next.values()].map((o) => o.total);
    if (stable) break;
  }
  for (const o of omissions.values()) add(o.total.cell, "omits-part", o.detail, o.missing);

  for (const line of lines) {
    hardCoded(cache, line, totalAt, subjectOf, flagged, add);
    if (line.compareForms) outOfLine(cache, line, subjectOf, flagged, add);
  }
  return findings;
}

/**
 * What a cell is, for sentences: its total's subject, else that of the first line it is on, else
 * its address. Only the few cells with findings are asked for, so the lines' subjects are looked
 * up (and a line's built) only then.
 */
function subjectsOf(
  lines: StatedLine[],
  totalAt: Map<number, StatedTotal>
): (c: FormulaCell) => string {
  let onLine: Map<number, { line: StatedLine; index: number }> | null = null;
  return (c) => {
    const k = key(c);
    const total = totalAt.get(k);
    if (total) return total.subject;
    if (onLine === null) {
      onLine = new Map();
      for (const line of lines)
        line.cells.forEach((cell, index) => {
          const at = key(cell);
          if (!onLine!.has(at)) onLine!.set(at, { line, index });
        });
    }
    const found = onLine.get(k);
    if (!found) return cellA1(c);
    const { subjects } = found.line;
    return typeof subjects === "function" ? subjects(found.index) : subjects[found.index];
  };
}

/**
 * The stated cells (each once, in the order met) whose formula may hold an error or take a figure
 * from another workbook: those showing an error value, or with "#" or "[" in the formula, as every
 * error literal and other workbook's reference is written. The rest need not be read for that.
 */
function suspectCells(
  wb: FormulaWorkbook,
  lines: StatedLine[],
  totals: StatedTotal[]
): FormulaCell[] {
  const seen = new Set<number>();
  const suspects: FormulaCell[] = [];
  const visit = (c: FormulaCell) => {
    const formula = wb.formulaAt(c.sheet, c.row, c.col);
    if (formula === null) return;
    if (!formula.includes("#") && !formula.includes("[") && !isError(wb.valueAt(c.sheet, c.row, c.col)))
      return;
    const k = key(c);
    if (seen.has(k)) return;
    seen.add(k);
    suspects.push(c);
  };
  for (const line of lines) for (const c of line.cells) visit(c);
  for (const t of totals) visit(t.cell);
  return suspects;
}

/** Whether any cell a formula refers to holds an error value (so the error is passed on). */
function refersToError(wb: FormulaWorkbook, tokens: Token[], at: FormulaCell): boolean {
  for (const t of tokens) {
    if (t.kind !== "ref" || t.ref.workbook !== null) continue;
    const sheet = t.ref.sheet ?? at.sheet;
    const used = wb.bounds(sheet);
    if (!used) continue;
    const b = refBounds(t.ref);
    for (let row = Math.max(b.top, used.top); row <= Math.min(b.bottom, used.bottom); row++)
      for (let col = Math.max(b.left, used.left); col <= Math.min(b.right, used.right); col++)
        if (isError(wb.valueAt(sheet, row, col))) return true;
  }
  return false;
}

/** The omits-part finding of a total, when its formula covers no reading of its parts. */
function omission(
  cache: FormulaCache,
  t: StatedTotal,
  intended: Map<number, FormulaCell[]>,
  intendedCells: Map<number, FormulaCell>,
  /** Cells already found to hold an error or another workbook's figure: they cannot be judged. */
  flagged: Set<number>
): { detail: string; missing: FormulaCell[]; parts: FormulaCell[] } | null {
  const sum = cache.sumAt(t.cell);
  if (sum === null) return null;
  const coverage = new Coverage(cache, t.cell, sum, intended, intendedCells);
  // Most totals refer to their parts directly: only the others need the walk through sums.
  if (
    t.anyReading &&
    t.anyReading(
      (sheet, row, col) => coverage.directlyAt(sheet, row, col),
      (range) => coverage.directlyWithin(range)
    )
  )
    return null;
  const readings = typeof t.readings === "function" ? (t.readings = t.readings()) : t.readings;
  if (readings.length === 0) return null;
  if (!t.anyReading && readings.some((parts) => parts.every((p) => coverage.directly(p))))
    return null;
  let best: { parts: FormulaCell[]; missing: FormulaCell[] } | null = null;
  for (const parts of readings) {
    const missing = parts.filter((p) => !flagged.has(key(p)) && !coverage.covers(p));
    if (coverage.tooLarge) return null;
    if (missing.length === 0) return null;
    if (!best || missing.length < best.missing.length) best = { parts, missing };
  }
  // A formula that covers few of the parts is built some other way: not a sum that stops short.
  if (!best || best.missing.length * 2 > best.parts.length) return null;
  const wb = cache.wb;
  const formula = wb.formulaAt(t.cell.sheet, t.cell.row, t.cell.col)!;
  const values = best.missing.map((m) => wb.valueAt(m.sheet, m.row, m.col));
  const amounts = values.filter(isNumber);
  const leftOut = amounts.reduce((s, v) => s + v, 0);
  const names = best.missing.map((m, i) => {
    const v = values[i];
    return `${named(m, t.cell.sheet)} (${isNumber(v) ? amountText(v) : "blank"})`;
  });
  const consequence =
    leftOut === 0
      ? "they are zero or blank today, so the figure is right for now, but it will not follow them"
      : `the total misses ${amountText(leftOut)} because of it`;
  return {
    detail: `${named(t.cell, t.cell.sheet)} (${t.subject}) is ${formula}, which leaves out ${listText(names)}: ${consequence}.`,
    missing: best.missing,
    parts: best.parts,
  };
}

type Add = (c: FormulaCell, kind: FormulaFindingKind, detail: string, cells: FormulaCell[]) => void;

/** Typed numbers on a line whose other stated cells are formulas. */
function hardCoded(
  cache: FormulaCache,
  line: StatedLine,
  totals: Map<number, StatedTotal>,
  subjectOf: (c: FormulaCell) => string,
  flagged: Set<number>,
  add: Add
): void {
  const wb = cache.wb;
  const kinds = line.cells.map((c) => {
    if (wb.formulaAt(c.sheet, c.row, c.col) !== null) return "formula";
    const v = wb.valueAt(c.sheet, c.row, c.col);
    return isNumber(v) ? "typed" : "other";
  });
  const formulas = kinds.filter((k) => k === "formula").length;
  const typed = kinds.filter((k) => k === "typed").length;
  if (formulas < 2 || typed === 0 || typed >= formulas) return;
  const forms = line.compareForms ? formCounts(cache, line) : null;
  kinds.forEach((k, i) => {
    if (k !== "typed") return;
    const c = line.cells[i];
    if (flagged.has(key(c))) return;
    // Its nearest stated neighbours on each side must be formulas.
    const left = nearest(kinds, i, -1);
    const right = nearest(kinds, i, 1);
    const sides = [left, right].filter((j): j is number => j !== null);
    if (sides.length === 0 || sides.some((j) => kinds[j] !== "formula")) return;
    const neighbours = sides.map((j) => line.cells[j]);
    const value = wb.valueAt(c.sheet, c.row, c.col) as number;
    const suggestion = suggestedFormula(cache, line, forms, c);
    const total = totals.get(key(c));
    const verdict =
      total?.status === "mismatch" && total.expected !== undefined
        ? `and it is wrong: its parts add up to ${amountText(total.expected)}`
        : "right today, but it will not follow changes to its parts";
    const instead = suggestion ? ` (${suggestion} would be the formula here)` : "";
    add(
      c,
      "hard-coded",
      `${named(c, c.sheet)} (${subjectOf(c)}) is a typed ${amountText(value)} where ${listText(neighbours.map((n) => named(n, c.sheet)))} ${neighbours.length > 1 ? "are formulas" : "is a formula"}${instead}, ${verdict}.`,
      neighbours
    );
  });
}

function nearest(kinds: string[], from: number, step: 1 | -1): number | null {
  for (let j = from + step; j >= 0 && j < kinds.length; j += step)
    if (kinds[j] !== "other") return j;
  return null;
}

interface Forms {
  /** R1C1 form of each compared cell, by cell key. */
  formOf: Map<number, string>;
  counts: Map<string, { count: number; example: FormulaCell }>;
  compared: number;
}

/** The R1C1 forms along a line, leaving out the first cell of a running line and flagged cells. */
function formCounts(cache: FormulaCache, line: StatedLine): Forms {
  const formOf = new Map<number, string>();
  const counts = new Map<string, { count: number; example: FormulaCell }>();
  line.cells.forEach((c, i) => {
    if (line.running && i === 0) return;
    const tokens = cache.tokensAt(c);
    if (tokens === null) return;
    const form = tokensToR1C1(tokens, c.row, c.col, c.sheet);
    formOf.set(key(c), form);
    const entry = counts.get(form);
    if (entry) entry.count++;
    else counts.set(form, { count: 1, example: c });
  });
  return { formOf, counts, compared: formOf.size };
}

/** The form most cells of the line share, when a clear majority shares one. */
function majorityForm(forms: Forms): { form: string; count: number; example: FormulaCell } | null {
  let best: { form: string; count: number; example: FormulaCell } | null = null;
  for (const [form, e] of forms.counts) if (!best || e.count > best.count) best = { form, ...e };
  if (!best || best.count < 2 || best.count * 2 <= forms.compared) return null;
  return best;
}

/** The majority's formula as it would read in cell c. */
function suggestedFormula(
  cache: FormulaCache,
  line: StatedLine,
  forms: Forms | null,
  c: FormulaCell
): string | null {
  if (!line.compareForms || forms === null) return null;
  const major = majorityForm(forms);
  if (!major) return null;
  const f = cache.wb.formulaAt(major.example.sheet, major.example.row, major.example.col);
  return f === null
    ? null
    : translateFormula(f, major.example.row, major.example.col, c.row, c.col);
}

/** Formulas whose R1C1 form differs from the clear majority along their line. */
function outOfLine(
  cache: FormulaCache,
  line: StatedLine,
  subjectOf: (c: FormulaCell) => string,
  flagged: Set<number>,
  add: Add
): void {
  const forms = formCounts(cache, line);
  const major = majorityForm(forms);
  if (!major) return;
  const majority = line.cells.filter((c) => forms.formOf.get(key(c)) === major.form);
  for (const c of line.cells) {
    const form = forms.formOf.get(key(c));
    if (form === undefined || form === major.form || flagged.has(key(c))) continue;
    const formula = cache.wb.formulaAt(c.sheet, c.row, c.col)!;
    const expected = suggestedFormula(cache, line, forms, c);
    const others = major.count;
    // The nearest cells of the majority, to point at.
    const near = [...majority].sort((a, b) => distance(a, c) - distance(b, c)).slice(0, 2);
    add(
      c,
      "inconsistent",
      `${named(c, c.sheet)} (${subjectOf(c)}) is ${formula}, out of line with the ${others} other cells of ${line.label}, which would read ${expected ?? major.form} here (${major.form} in R1C1 form).`,
      near
    );
  }
}

function distance(a: FormulaCell, b: FormulaCell): number {
  return Math.abs(a.row - b.row) + Math.abs(a.col - b.col);
}
