/**
 * Notes (legacy comments) on a worksheet: the comments part holds the text, a VML drawing holds
 * the box Excel shows. ITOS adds a note to a marked cell only when the user has none there, and
 * later removes exactly the notes it added, leaving the user's notes (and the parts' other
 * content) as they were.
 */
import { a1 } from "../sheet";
import { CONTENT_TYPES, REL_TYPES, XlsxPackage } from "./xlsxPackage";
import { SheetXml } from "./sheetXml";
import { elements, escapeText, findElement, getAttr, innerOf, splice, withInner } from "./xml";

const NOTE_AUTHOR = "ITOS Payback";

const COMMENTS_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

function vmlXml(idBlock: number): string {
  return `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`;
}

function vmlShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:79.5pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 2, ${col + 4}, 15, ${row + 4}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

export class SheetNotes {
  private commentsPart: string | null = null;
  private vmlPart: string | null = null;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly sheetPart: string,
    private readonly sheet: SheetXml
  ) {
    for (const rel of pkg.relationships(sheetPart)) {
      if (rel.type === REL_TYPES.comments) this.commentsPart = rel.target;
      if (rel.type === REL_TYPES.vmlDrawing && rel.id === sheet.legacyDrawingId())
        this.vmlPart = rel.target;
    }
  }

  /** The parts to preload before using this sheet's notes. */
  static partsOf(pkg: XlsxPackage, sheetPart: string): string[] {
    return pkg
      .relationships(sheetPart)
      .filter((r) => r.type === REL_TYPES.comments || r.type === REL_TYPES.vmlDrawing)
      .map((r) => r.target);
  }

  /** True when the cell at 0-based coordinates has a note. */
  has(row: number, col: number): boolean {
    const comments = this.commentsPart ? this.pkg.get(this.commentsPart) : null;
    if (!comments) return false;
    const ref = a1(row, col);
    return elements(comments, "comment").some((c) => getAttr(c, "ref") === ref);
  }

  add(row: number, col: number, text: string): void {
    const comments = this.ensureComments();
    let xml = this.pkg.get(comments) as string;
    const authors = findElement(xml, "authors");
    let authorId = 0;
    if (authors) {
      const names = elements(innerOf(authors.text), "author").map((a) => innerOf(a));
      authorId = names.indexOf(NOTE_AUTHOR);
      if (authorId < 0) {
        authorId = names.length;
        xml = splice(
          xml,
          authors.start,
          authors.end,
          withInner(
            authors.text,
            "authors",
            innerOf(authors.text) + `<author>${NOTE_AUTHOR}</author>`
          )
        );
      }
    }
    const list = findElement(xml, "commentList");
    const comment = `<comment ref="${a1(row, col)}" authorId="${authorId}"><text><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t xml:space="preserve">${escapeText(text)}</t></r></text></comment>`;
    if (list) {
      xml = splice(
        xml,
        list.start,
        list.end,
        withInner(list.text, "commentList", innerOf(list.text) + comment)
      );
    } else {
      const at = xml.lastIndexOf("</comments>");
      xml = splice(xml, at, at, `<commentList>${comment}</commentList>`);
    }
    this.pkg.set(comments, xml);

    const vml = this.ensureVml();
    const drawing = this.pkg.get(vml) as string;
    const ids = [...drawing.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
    const block = Number(/<o:idmap\b[^>]*\sdata="(\d+)/.exec(drawing)?.[1] ?? 1);
    const id = Math.max(block * 1024, ...ids) + 1;
    const at = drawing.lastIndexOf("</xml>");
    this.pkg.set(vml, splice(drawing, at, at, vmlShape(id, row, col)));
  }

  /** Removes the note at 0-based coordinates (its text and its box). */
  remove(row: number, col: number): void {
    if (this.commentsPart) {
      const xml = this.pkg.get(this.commentsPart);
      const ref = a1(row, col);
      const doomed = xml ? elements(xml, "comment").find((c) => getAttr(c, "ref") === ref) : null;
      if (xml && doomed) this.pkg.set(this.commentsPart, xml.replace(doomed, ""));
    }
    if (this.vmlPart) {
      const vml = this.pkg.get(this.vmlPart);
      const shape = vml
        ? elements(vml, "v:shape").find(
            (s) =>
              new RegExp(`<x:Row>\\s*${row}\\s*</x:Row>`).test(s) &&
              new RegExp(`<x:Column>\\s*${col}\\s*</x:Column>`).test(s)
          )
        : null;
      if (vml && shape) this.pkg.set(this.vmlPart, vml.replace(shape, ""));
    }
  }

  private ensureComments(): string {
    if (this.commentsPart) return this.commentsPart;
    const part = this.pkg.freePartName("xl/comments", ".xml");
    this.pkg.set(part, COMMENTS_XML);
    this.pkg.addOverride(part, CONTENT_TYPES.comments);
    this.pkg.addRelationship(this.sheetPart, REL_TYPES.comments, part);
    this.commentsPart = part;
    return part;
  }

  private ensureVml(): string {
    if (this.vmlPart) return this.vmlPart;
    const part = this.pkg.freePartName("xl/drawings/vmlDrawing", ".vml");
    // Each drawing has its own block of shape ids; a high block keeps clear of Excel's own.
    const block = 100 + Number(/(\d+)\.vml$/.exec(part)?.[1] ?? 1);
    this.pkg.set(part, vmlXml(block));
    this.pkg.addDefault("vml", CONTENT_TYPES.vml);
    const relId = this.pkg.addRelationship(this.sheetPart, REL_TYPES.vmlDrawing, part);
    this.sheet.addLegacyDrawing(relId);
    this.vmlPart = part;
    return part;
  }
}
