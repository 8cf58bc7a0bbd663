/**
 * xl/styles.xml as ITOS edits it: styles are only ever appended (a number format, a bold font, a
 * fill, a cell format, a differential format for the highlight), and an identical entry already
 * there is reused, so a re-run adds nothing. Every cell ITOS writes uses a cell format based on
 * the named cell style "ITOS Payback output": that is how a re-run tells the cells ITOS wrote
 * from cells a user typed inside ITOS's block.
 */
import { ITOS_CELL_STYLE } from "../sheet";
import { PackagePart } from "./xlsxPackage";
import {
  appendInner,
  editElement,
  elements,
  escapeAttr,
  findElement,
  getAttr,
  innerOf,
  setAttr,
} from "./xml";

/** Excel's built-in number formats ITOS may ask for (id by format code). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** Where each list sits in the stylesheet, and what follows it (schema order). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const ITEM: Record<string, string> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellStyleXfs: "xf",
  cellXfs: "xf",
  cellStyles: "cellStyle",
  dxfs: "dxf",
};

export interface CellLook {
  numberFormat?: string;
  bold?: boolean;
  /** "#RRGGBB" */
  fill?: string;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

export function solidFill(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(hex)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

export class StylesXml extends PackagePart {
  private list(listName: string): string[] {
    const el = findElement(this.xml, listName);
    return el ? elements(innerOf(el.text), ITEM[listName]) : [];
  }

  /** Appends an item to a list (creating the list where the schema wants it); returns its index. */
  private append(listName: string, item: string, reuse = true): number {
    const items = this.list(listName);
    if (reuse) {
      const found = items.indexOf(item);
      if (found >= 0) return found;
    }
    const after = ORDER.slice(ORDER.indexOf(listName) + 1);
    this.xml = editElement(this.xml, listName, { after, rootName: "styleSheet" }, (list) =>
      list
        ? setAttr(appendInner(list, listName, item), "count", String(items.length + 1))
        : `<${listName} count="1">${item}</${listName}>`
    );
    return items.length;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const existing = this.list("numFmts");
    for (const f of existing)
      if (getAttr(f, "formatCode") === code) return Number(getAttr(f, "numFmtId"));
    const ids = existing.map((f) => Number(getAttr(f, "numFmtId")));
    const id = Math.max(163, ...ids) + 1;
    this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private boldFont(): number {
    const fonts = this.list("fonts");
    const base = fonts[0] ?? "<font/>";
    if (/<b\s*\/>/.test(base)) return 0;
    const inner = innerOf(base);
    return this.append("fonts", `<font><b/>${inner}</font>`);
  }

  private fillId(hex: string): number {
    return this.append("fills", solidFill(hex));
  }

  /** The xfId of the "ITOS Payback output" cell style, created on first use. */
  private itosStyleXf(): number {
    const style = this.list("cellStyles").find((s) => getAttr(s, "name") === ITOS_CELL_STYLE);
    if (style) return Number(getAttr(style, "xfId"));
    const xfId = this.append(
      "cellStyleXfs",
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>',
      false
    );
    this.append("cellStyles", `<cellStyle name="${ITOS_CELL_STYLE}" xfId="${xfId}"/>`, false);
    return xfId;
  }

  /** The xfIds whose cells ITOS wrote (empty when ITOS never wrote to this workbook). */
  itosStyleXfIds(): Set<number> {
    return new Set(
      this.list("cellStyles")
        .filter((s) => getAttr(s, "name") === ITOS_CELL_STYLE)
        .map((s) => Number(getAttr(s, "xfId")))
    );
  }

  /** Cell format indexes (the `s` of a cell) that belong to ITOS's cell style. */
  itosCellFormats(): Set<number> {
    const ids = this.itosStyleXfIds();
    const out = new Set<number>();
    if (ids.size === 0) return out;
    this.list("cellXfs").forEach((xf, i) => {
      if (ids.has(Number(getAttr(xf, "xfId") ?? 0))) out.add(i);
    });
    return out;
  }

  /** The cell format for a cell ITOS writes. */
  cellFormat(look: CellLook): number {
    const xfId = this.itosStyleXf();
    const numFmt = look.numberFormat ? this.numFmtId(look.numberFormat) : 0;
    const font = look.bold ? this.boldFont() : 0;
    const fill = look.fill ? this.fillId(look.fill) : 0;
    const apply = [
      numFmt ? ' applyNumberFormat="1"' : "",
      font ? ' applyFont="1"' : "",
      fill ? ' applyFill="1"' : "",
    ].join("");
    return this.append(
      "cellXfs",
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="${xfId}"${apply}/>`
    );
  }

  private cellXf(index: number): string {
    const xfs = this.list("cellXfs");
    return xfs[index] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  }

  /** The user's cell format `index` with a fill instead of its own: the look of a mark. */
  withFill(index: number, hex: string | null): number {
    const fill = hex === null ? 0 : this.fillId(hex);
    return this.withFillId(index, fill);
  }

  /** The cell format `index` with the fill of the cell format `from`. */
  withFillOf(index: number, from: number): number {
    return this.withFillId(index, Number(getAttr(this.cellXf(from), "fillId") ?? 0));
  }

  private withFillId(index: number, fillId: number): number {
    const xf = setAttr(this.cellXf(index), "fillId", String(fillId));
    return this.append("cellXfs", setAttr(xf, "applyFill", fillId === 0 ? null : "1"));
  }

  /** The solid fill colour of a cell format ("#RRGGBB"), or null for none or one not given in RGB. */
  fillColour(index: number): string | null {
    const fillId = Number(getAttr(this.cellXf(index), "fillId") ?? 0);
    const fill = this.list("fills")[fillId] ?? "";
    if (!/patternType="solid"/.test(fill)) return null;
    const m = /<fgColor\b[^>]*\srgb="([0-9A-Fa-f]{8})"/.exec(fill);
    return m ? `#${m[1].slice(2).toUpperCase()}` : null;
  }

  /** A differential format (fill and font colour) for a conditional format. */
  dxf(fill: string, fontColor?: string): number {
    const font = fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : "";
    return this.append(
      "dxfs",
      `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`
    );
  }
}
