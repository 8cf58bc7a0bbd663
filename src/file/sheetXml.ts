/**
 * A worksheet part as ITOS edits it: cells added to (or removed from) the rows of <sheetData>,
 * a cell's style index changed for a mark, conditional formats added or removed, the dimension
 * widened. Rows ITOS does not touch keep their text exactly; so does everything outside
 * <sheetData> that ITOS has no reason to change (columns, merges, drawings, extLst...).
 */
import { a1, columnIndex } from "../sheet";
import {
  elements,
  findElement,
  getAttr,
  innerOf,
  insertionPoint,
  setAttr,
  splice,
  startTag,
} from "./xml";

interface CellEntry {
  col: number;
  xml: string;
}

interface RowEntry {
  /** 1-based row number. */
  r: number;
  /** The row's text as read; null once its cells are edited. */
  raw: string | null;
  /** The row's start tag (self-closing rows are opened when edited). */
  open: string;
  cells: CellEntry[] | null;
}

/** Elements that follow <conditionalFormatting> in a worksheet (schema order). */
const AFTER_CONDITIONAL_FORMATTING = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const AFTER_LEGACY_DRAWING = AFTER_CONDITIONAL_FORMATTING.slice(
  AFTER_CONDITIONAL_FORMATTING.indexOf("legacyDrawingHF")
);

const CELL_REF = /^([A-Z]{1,3})(\d+)$/;

export class SheetXml {
  private head: string;
  private tail: string;
  private readonly rows: RowEntry[] = [];
  /** True once anything in the part was changed. */
  touched = false;

  constructor(xml: string) {
    if (/<\w+:worksheet[\s>]/.test(xml.slice(0, 500)))
      throw new Error("worksheet parts with a namespace prefix are not edited");
    const data = findElement(xml, "sheetData");
    if (!data) {
      const at = insertionPoint(xml, ["sheetCalcPr", ...AFTER_CONDITIONAL_FORMATTING], "worksheet");
      this.head = xml.slice(0, at);
      this.tail = xml.slice(at);
    } else {
      this.head = xml.slice(0, data.start);
      this.tail = xml.slice(data.end);
      let last = 0;
      for (const raw of elements(innerOf(data.text), "row")) {
        const rAttr = getAttr(raw, "r");
        const r = rAttr ? Number(rAttr) : last + 1;
        last = r;
        this.rows.push({ r, raw, open: startTag(raw), cells: null });
      }
    }
  }

  private rowIndex(r: number): number {
    // Rows are in order; binary search for r (or where it goes).
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid].r < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private row(r: number, create: boolean): RowEntry | null {
    const i = this.rowIndex(r);
    let row = this.rows[i];
    if (!row || row.r !== r) {
      if (!create) return null;
      row = { r, raw: null, open: `<row r="${r}">`, cells: [] };
      this.rows.splice(i, 0, row);
    }
    if (row.cells === null) {
      let lastCol = -1;
      row.cells = elements(innerOf(row.raw as string), "c").map((xml) => {
        const ref = getAttr(xml, "r");
        const m = ref ? CELL_REF.exec(ref) : null;
        const col = m ? columnIndex(m[1]) : lastCol + 1;
        lastCol = col;
        return { col, xml: m ? xml : setAttr(xml, "r", a1(r - 1, col)) };
      });
      let open = row.open;
      if (open.endsWith("/>")) open = `${open.slice(0, -2).trimEnd()}>`;
      // spans is only a hint and would be stale once cells are added.
      row.open = setAttr(open, "spans", null);
      row.raw = null;
    }
    return row;
  }

  /** The cell's element at 0-based coordinates, or null when the sheet has none there. */
  cell(row: number, col: number): string | null {
    const entry = this.rows[this.rowIndex(row + 1)];
    if (!entry || entry.r !== row + 1) return null;
    const cells = this.row(row + 1, false)?.cells ?? [];
    return cells.find((c) => c.col === col)?.xml ?? null;
  }

  /** Puts a cell element at 0-based coordinates, replacing any there. */
  setCell(row: number, col: number, xml: string): void {
    const entry = this.row(row + 1, true) as RowEntry;
    const cells = entry.cells as CellEntry[];
    const at = cells.findIndex((c) => c.col >= col);
    if (at >= 0 && cells[at].col === col) cells[at] = { col, xml };
    else if (at >= 0) cells.splice(at, 0, { col, xml });
    else cells.push({ col, xml });
    this.touched = true;
  }

  removeCell(row: number, col: number): void {
    const entry = this.row(row + 1, false);
    if (!entry || !entry.cells) return;
    const before = entry.cells.length;
    entry.cells = entry.cells.filter((c) => c.col !== col);
    if (entry.cells.length !== before) this.touched = true;
  }

  /** Every cell element with its 0-based coordinates inside a box. */
  cellsIn(box: { top: number; left: number; bottom: number; right: number }): {
    row: number;
    col: number;
    xml: string;
  }[] {
    const out: { row: number; col: number; xml: string }[] = [];
    for (let i = this.rowIndex(box.top + 1); i < this.rows.length; i++) {
      const entry = this.rows[i];
      if (entry.r > box.bottom + 1) break;
      for (const c of this.row(entry.r, false)?.cells ?? [])
        if (c.col >= box.left && c.col <= box.right)
          out.push({ row: entry.r - 1, col: c.col, xml: c.xml });
    }
    return out;
  }

  /** True when the sheet holds no cell at all. */
  isEmpty(): boolean {
    return this.rows.every((r) => (r.cells ? r.cells.length === 0 : !/<c[\s/>]/.test(r.raw ?? "")));
  }

  /** Merged ranges, and runs of hidden rows as full-width boxes: what ITOS's section keeps clear of. 0-based. */
  obstacles(): { top: number; left: number; bottom: number; right: number }[] {
    const out: { top: number; left: number; bottom: number; right: number }[] = [];
    for (const m of elements(this.tail, "mergeCell")) {
      const ref = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(getAttr(m, "ref") ?? "");
      if (!ref) continue;
      out.push({
        top: Number(ref[2]) - 1,
        left: columnIndex(ref[1]),
        bottom: Number(ref[4] ?? ref[2]) - 1,
        right: columnIndex(ref[3] ?? ref[1]),
      });
    }
    // Hidden rows in runs: one full-width obstacle per run of consecutive hidden rows.
    const hidden = this.rows
      .filter((row) => /^(1|true)$/.test(getAttr(row.open, "hidden") ?? ""))
      .map((row) => row.r - 1);
    for (let i = 0; i < hidden.length;) {
      let j = i;
      while (j + 1 < hidden.length && hidden[j + 1] === hidden[j] + 1) j++;
      out.push({ top: hidden[i], left: 0, bottom: hidden[j], right: 16383 });
      i = j + 1;
    }
    return out;
  }

  // --- conditional formats -------------------------------------------------------------------

  conditionalFormats(): string[] {
    return elements(this.tail, "conditionalFormatting");
  }

  removeConditionalFormat(xml: string): void {
    this.tail = this.tail.replace(xml, "");
    this.touched = true;
  }

  /** The highest cfRule priority on the sheet (0 when none). */
  private maxPriority(): number {
    const p = [...this.tail.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) => Number(m[1]));
    return Math.max(0, ...p);
  }

  addConditionalFormat(sqref: string, formula: string, dxfId: number): void {
    const priority = this.maxPriority() + 1;
    const xml = `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxfId}" priority="${priority}"><formula>${formula}</formula></cfRule></conditionalFormatting>`;
    const existing = this.conditionalFormats();
    let at: number;
    if (existing.length > 0) {
      const last = existing[existing.length - 1];
      at = this.tail.indexOf(last) + last.length;
    } else {
      at = insertionPoint(this.tail, AFTER_CONDITIONAL_FORMATTING, "worksheet");
    }
    this.tail = splice(this.tail, at, at, xml);
    this.touched = true;
  }

  // --- legacy drawing (notes) ----------------------------------------------------------------

  legacyDrawingId(): string | null {
    const el = findElement(this.tail, "legacyDrawing");
    return el ? getAttr(el.text, "r:id") : null;
  }

  addLegacyDrawing(relId: string): void {
    const at = insertionPoint(this.tail, AFTER_LEGACY_DRAWING, "worksheet");
    this.tail = splice(this.tail, at, at, `<legacyDrawing r:id="${relId}"/>`);
    this.touched = true;
    const root = /<worksheet\b[^>]*>/.exec(this.head);
    if (root && !/\sxmlns:r=/.test(root[0])) {
      const withNs = setAttr(
        root[0],
        "xmlns:r",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      );
      this.head = this.head.replace(root[0], withNs);
    }
  }

  // --- text ----------------------------------------------------------------------------------

  private dimension(): string {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const row of this.rows) {
      const cols = row.cells
        ? row.cells.map((c) => c.col)
        : [...(row.raw ?? "").matchAll(/<c\b[^>]*\sr="([A-Z]{1,3})\d+"/g)].map((m) =>
            columnIndex(m[1])
          );
      if (cols.length === 0) continue;
      top = Math.min(top, row.r - 1);
      bottom = Math.max(bottom, row.r - 1);
      left = Math.min(left, ...cols);
      right = Math.max(right, ...cols);
    }
    if (bottom < 0) return "A1";
    const start = a1(top, left);
    const end = a1(bottom, right);
    return start === end ? start : `${start}:${end}`;
  }

  toXml(): string {
    const rows = this.rows
      .filter((r) => r.raw !== null || (r.cells as CellEntry[]).length > 0 || rowHasOwnLook(r.open))
      .map((r) =>
        r.raw !== null
          ? r.raw
          : `${r.open}${(r.cells as CellEntry[]).map((c) => c.xml).join("")}</row>`
      )
      .join("");
    let head = this.head;
    if (this.touched) {
      const dim = /<dimension\b[^>]*\/>/.exec(head);
      if (dim) head = head.replace(dim[0], setAttr(dim[0], "ref", this.dimension()));
    }
    return `${head}<sheetData>${rows}</sheetData>${this.tail}`;
  }
}

/** A row that holds no cells still matters when it has a height, a style or is hidden. */
function rowHasOwnLook(open: string): boolean {
  return ["ht", "customHeight", "hidden", "s", "customFormat", "outlineLevel", "collapsed"].some(
    (a) => getAttr(open, a) !== null
  );
}
