/**
 * Reads a worksheet part's cells into a SheetSnapshot as the part is inflated, piece by piece:
 * only cells that are written in the file are looked at, and only the rectangle up to the last
 * cell holding a value or a formula is kept. So memory follows content: a formatted empty cell at
 * A1048576 costs nothing, and a 50 MB ledger is never one string nor a model of cell objects.
 *
 * What it gives matches what the grid layer expects from any reader: dates stay Excel serials,
 * a formula keeps its cached result beside its text (shared formulas written out for each cell),
 * rich text is plain text, and a merged range's value belongs to its top-left cell only.
 */
import { DATE_1904_OFFSET, isDateFormat } from "../engine";
import { columnIndex, translateFormula, type CellValue, type SheetSnapshot } from "../sheet";
import type { XlsxPackage } from "./xlsxPackage";
import { unescapeXml } from "./xml";

/** Attribute patterns made once: a ledger has millions of cells, each read for r, s and t. */
const ATTR_PATTERNS = new Map<string, RegExp>();

/** An attribute of a start tag, unescaped; null when absent. */
function getAttr(tag: string, name: string): string | null {
  let re = ATTR_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTR_PATTERNS.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return null;
  const value = m[1] ?? m[2];
  return value.includes("&") ? unescapeXml(value) : value;
}

/** Start tags the cell reader acts on; a `c` or `si` element is taken whole, with its content. */
type Handler = (name: string, tag: string, inner: string | null) => void;

/**
 * Finds elements in text that arrives in pieces: an element split between two pieces is kept
 * back until the rest arrives. Only `whole` elements are read with their content.
 */
class PieceScanner {
  private rest = "";
  private readonly tags: RegExp;

  constructor(
    names: readonly string[],
    private readonly whole: ReadonlySet<string>,
    private readonly onElement: Handler
  ) {
    this.tags = new RegExp(`<(${names.join("|")})(?=[\\s/>])([^>]*?)(/?)>`, "g");
  }

  push(piece: string): void {
    const text = this.rest + piece;
    let pos = 0;
    for (;;) {
      this.tags.lastIndex = pos;
      const m = this.tags.exec(text);
      if (!m) break;
      const [tag, name, , selfClosing] = m;
      const afterTag = m.index + tag.length;
      if (selfClosing || !this.whole.has(name)) {
        this.onElement(name, tag, null);
        pos = afterTag;
        continue;
      }
      const close = text.indexOf(`</${name}>`, afterTag);
      if (close < 0) {
        this.rest = text.slice(m.index);
        return;
      }
      this.onElement(name, tag, text.slice(afterTag, close));
      pos = close + name.length + 3;
    }
    // A start tag may be cut at the end of this piece.
    const lt = text.lastIndexOf("<");
    this.rest = lt >= pos ? text.slice(lt) : "";
  }
}

/**
 * A string cut out of a large piece of XML would keep the whole piece alive; a copy does not.
 * (V8 shares the parent's memory for slices of 13 characters or more.)
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8");
}

/** The plain text of a string item (`<si>` or `<is>`): its runs joined, phonetic guides left out. */
export function plainText(inner: string): string {
  const runs = inner
    .replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, "")
    .match(/<t(?:\s[^>]*)?>[\s\S]*?<\/t>/g);
  if (!runs) return "";
  const text = runs.map((t) => t.slice(t.indexOf(">") + 1, -4)).join("");
  return ownCopy(unescapeXml(text));
}

/** The shared string table (xl/sharedStrings.xml), read as it is inflated. */
export async function readSharedStrings(pkg: XlsxPackage, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  const scanner = new PieceScanner(["si"], new Set(["si"]), (_n, _tag, inner) =>
    strings.push(inner === null ? "" : plainText(inner))
  );
  await pkg.streamText(part, (piece) => scanner.push(piece));
  return strings;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** How the workbook counts dates: the snapshot always holds 1900-system serials. */
export interface DateSystem {
  date1904: boolean;
}

/** A cached or constant value as the snapshot holds it, from the cell's type and its `<v>`. */
function cellValue(
  type: string | null,
  v: string | null,
  inlineText: string | null,
  strings: readonly string[]
): CellValue {
  if (type === "inlineStr") return inlineText ?? (v === null ? null : ownCopy(unescapeXml(v)));
  if (v === null) return null;
  switch (type) {
    case "s":
      return strings[parseInt(v, 10)] ?? null;
    case "str":
      return ownCopy(unescapeXml(v));
    case "e":
      return { error: ownCopy(unescapeXml(v)) };
    case "b":
      return parseInt(v, 10) !== 0;
    case "d": {
      const ms = Date.parse(v);
      return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_UTC) / DAY_MS : null;
    }
    default: {
      const n = parseFloat(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const FORMULA = /<f(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is(?:\s[^>]*)?>([\s\S]*?)<\/is>/;

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseBox(ref: string): Box | null {
  const [a, b = a] = ref.split(":");
  const s = CELL_REF.exec(a);
  const e = CELL_REF.exec(b);
  if (!s || !e) return null;
  return {
    top: Number(s[2]) - 1,
    left: columnIndex(s[1]),
    bottom: Number(e[2]) - 1,
    right: columnIndex(e[1]),
  };
}

/** The cells of one sheet as they are found, before the snapshot's rectangle is known. */
class SheetCells {
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly formulas: (string | null)[][] = [];
  readonly merges: Box[] = [];
  private readonly sharedFormulas = new Map<string, { text: string; row: number; col: number }>();
  private row = -1;
  private col = -1;

  /** Whether each format code is a date's, found once per code. */
  private readonly dateFormats = new Map<string, boolean>();

  constructor(
    private readonly strings: readonly string[],
    private readonly formatCodes: readonly (string | null)[],
    private readonly dates: DateSystem
  ) {}

  /**
   * A number shown as a date in a 1904 workbook moves to the 1900 system's count, so that every
   * reader gives the grid layer the same serial for the same date (exceljs does the same when it
   * makes Dates). Other numbers, and ISO dates (t="d"), are left as they are.
   */
  private asSerial1900(value: CellValue, type: string | null, format: string | null): CellValue {
    if (!this.dates.date1904 || typeof value !== "number" || type === "d" || format === null)
      return value;
    let isDate = this.dateFormats.get(format);
    if (isDate === undefined) this.dateFormats.set(format, (isDate = isDateFormat(format)));
    return isDate ? value + DATE_1904_OFFSET : value;
  }

  readonly onElement: Handler = (name, tag, inner) => {
    if (name === "row") {
      const r = getAttr(tag, "r");
      this.row = r ? Number(r) - 1 : this.row + 1;
      this.col = -1;
    } else if (name === "c") {
      this.cell(tag, inner ?? "");
    } else if (name === "mergeCell") {
      const box = parseBox(getAttr(tag, "ref") ?? "");
      if (box) this.merges.push(box);
    }
  };

  private cell(tag: string, inner: string): void {
    const ref = CELL_REF.exec(getAttr(tag, "r") ?? "");
    const row = ref ? Number(ref[2]) - 1 : Math.max(this.row, 0);
    const col = ref ? columnIndex(ref[1]) : this.col + 1;
    this.row = row;
    this.col = col;
    const style = getAttr(tag, "s");
    const format = style ? (this.formatCodes[Number(style)] ?? null) : null;
    if (format !== null) (this.formats[row] ??= [])[col] = format;
    if (!inner) return;
    const type = getAttr(tag, "t");
    const v = VALUE.exec(inner);
    const is = type === "inlineStr" ? INLINE.exec(inner) : null;
    const value = this.asSerial1900(
      cellValue(type, v ? v[1] : null, is ? plainText(is[1]) : null, this.strings),
      type,
      format
    );
    const formula = this.formula(inner, row, col);
    if (value !== null) (this.values[row] ??= [])[col] = value;
    if (formula !== null) (this.formulas[row] ??= [])[col] = formula;
  }

  /** The cell's formula with its leading "=", a shared formula written out for this cell. */
  private formula(inner: string, row: number, col: number): string | null {
    const f = FORMULA.exec(inner);
    if (!f) return null;
    const text = f[2] ? unescapeXml(f[2]) : "";
    const si = getAttr(f[0], "si");
    if (getAttr(f[0], "t") === "shared" && si !== null) {
      if (text) {
        this.sharedFormulas.set(si, { text, row, col });
      } else {
        const master = this.sharedFormulas.get(si);
        if (!master) return null;
        return translateFormula(master.text, master.row, master.col, row, col);
      }
    }
    if (!text) return null;
    return ownCopy(text.startsWith("=") ? text : `=${text}`);
  }

  /** A merged range's value and formula belong to its top-left cell only. */
  private clearMerged(): void {
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const vRow = this.values[r];
        const fRow = this.formulas[r];
        if (!vRow && !fRow) continue;
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          if (vRow) delete vRow[c];
          if (fRow) delete fRow[c];
        }
      }
    }
  }

  /** The snapshot: the rectangle from A1 to the last row and column holding a value or a formula. */
  snapshot(sheetName: string): SheetSnapshot {
    this.clearMerged();
    let rows = 0;
    let cols = 0;
    for (const grid of [this.values, this.formulas]) {
      grid.forEach((cells, r) => {
        let last = -1;
        cells.forEach((_, c) => (last = c));
        if (last < 0) return;
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, last + 1);
      });
    }
    // Rows with no format or no formula share one empty row: most of a ledger has neither.
    const emptyRow: null[] = Object.freeze(new Array<null>(cols).fill(null)) as null[];
    const dense = <T>(grid: (T | null)[][], shareEmpty: boolean): (T | null)[][] => {
      const out: (T | null)[][] = new Array(rows);
      for (let r = 0; r < rows; r++) {
        const cells = grid[r];
        if (!cells) {
          out[r] = shareEmpty ? emptyRow : new Array<null>(cols).fill(null);
          continue;
        }
        cells.length = Math.min(cells.length, cols);
        for (let c = 0; c < cols; c++) if (cells[c] === undefined) cells[c] = null;
        out[r] = cells;
      }
      return out;
    };
    return {
      sheetName,
      top: 0,
      left: 0,
      values: dense(this.values, false),
      numberFormats: dense(this.formats, true),
      formulas: dense(this.formulas, true),
    };
  }
}

/** One worksheet part read into a snapshot. */
export async function readSheetSnapshot(
  pkg: XlsxPackage,
  part: string,
  sheetName: string,
  strings: readonly string[],
  formatCodes: readonly (string | null)[],
  dates: DateSystem = { date1904: false }
): Promise<SheetSnapshot> {
  const cells = new SheetCells(strings, formatCodes, dates);
  const scanner = new PieceScanner(["row", "c", "mergeCell"], new Set(["c"]), cells.onElement);
  await pkg.streamText(part, (piece) => scanner.push(piece));
  return cells.snapshot(sheetName);
}
