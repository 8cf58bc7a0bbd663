/**
 * An .xlsx package (a zip of XML parts) opened for surgical edits: a part is read as text only
 * when ITOS needs it, a part ITOS changes is replaced whole, and every other part goes back into
 * the new zip exactly as it came out of the old one. The set of parts changed, added and removed
 * is kept, so a caller can prove that nothing else moved.
 */
import JSZip from "jszip";
import * as path from "path";
import { escapeAttr, elements, getAttr, insertionPoint, splice } from "./xml";

export const REL_TYPES = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  officeDocument:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
} as const;

const RELS_XML_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** jszip's internal stream of a part's text (documented, though not in its typings). */
interface PieceStream {
  on(event: "data", cb: (piece: string) => void): PieceStream;
  on(event: "error", cb: (e: Error) => void): PieceStream;
  on(event: "end", cb: () => void): PieceStream;
  resume(): PieceStream;
}

export interface Relationship {
  id: string;
  type: string;
  /** Absolute part name without the leading slash ("xl/worksheets/sheet1.xml"). */
  target: string;
  external: boolean;
}

export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();

  private constructor(private readonly zip: JSZip) {}

  static async load(bytes: Buffer | Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  /** Every part's name, in the zip's order. */
  partNames(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  has(part: string): boolean {
    return this.texts.has(part) || (!!this.zip.file(part) && !this.removed.has(part));
  }

  /** Reads the parts ITOS may edit; call before get(). */
  async preload(parts: readonly string[]): Promise<void> {
    for (const part of parts) {
      if (this.texts.has(part) || this.removed.has(part)) continue;
      const file = this.zip.file(part);
      if (file) this.texts.set(part, await file.async("string"));
    }
  }

  /**
   * A part's text handed over in pieces as it is inflated, so a sheet far larger than memory
   * allows as one string can still be read. A part already in memory (edited) comes as one piece.
   * Resolves false when the package has no such part.
   */
  streamText(part: string, onPiece: (text: string) => void): Promise<boolean> {
    const text = this.texts.get(part);
    if (text !== undefined) {
      onPiece(text);
      return Promise.resolve(true);
    }
    const file = this.removed.has(part) ? null : this.zip.file(part);
    if (!file) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      (file as unknown as { internalStream(type: "string"): PieceStream })
        .internalStream("string")
        .on("data", (piece: string) => {
          try {
            onPiece(piece);
          } catch (e) {
            reject(e);
          }
        })
        .on("error", reject)
        .on("end", () => resolve(true))
        .resume();
    });
  }

  /** A preloaded part's text, or null when the package has no such part. */
  get(part: string): string | null {
    return this.texts.get(part) ?? null;
  }

  set(part: string, text: string): void {
    if (this.texts.get(part) === text && !this.removed.has(part)) return;
    this.texts.set(part, text);
    this.removed.delete(part);
    this.changed.add(part);
  }

  remove(part: string): void {
    this.texts.delete(part);
    this.changed.delete(part);
    if (this.zip.file(part)) this.removed.add(part);
  }

  /** Parts changed or added, and parts removed, since loading. */
  edits(): { changed: string[]; removed: string[] } {
    return { changed: [...this.changed].sort(), removed: [...this.removed].sort() };
  }

  /** A part name not yet used: xl/worksheets/sheet3.xml for ("xl/worksheets/sheet", ".xml"). */
  freePartName(stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.has(name)) return name;
    }
  }

  /** The new package: edited parts replaced, every other part copied as it was. */
  async generate(compress = true): Promise<Buffer> {
    for (const part of this.removed) this.zip.remove(part);
    for (const part of this.changed) this.zip.file(part, this.texts.get(part) as string);
    return this.zip.generateAsync(
      compress
        ? { type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }
        : { type: "nodebuffer", compression: "STORE" }
    );
  }

  // --- relationships -------------------------------------------------------------------------

  static relsPartOf(part: string): string {
    return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  }

  /** The relationships of a (preloaded) part; its .rels is preloaded by the caller. */
  relationships(part: string): Relationship[] {
    const rels = this.get(XlsxPackage.relsPartOf(part));
    if (!rels) return [];
    return elements(rels, "Relationship").map((r) => {
      const mode = getAttr(r, "TargetMode");
      const target = getAttr(r, "Target") ?? "";
      const external = mode === "External";
      return {
        id: getAttr(r, "Id") ?? "",
        type: getAttr(r, "Type") ?? "",
        target: external
          ? target
          : target.startsWith("/")
            ? target.slice(1)
            : path.posix.normalize(path.posix.join(path.posix.dirname(part), target)),
        external,
      };
    });
  }

  /** Adds a relationship from `part` to `target` (a part name); returns its new Id. */
  addRelationship(part: string, type: string, target: string): string {
    const relsPart = XlsxPackage.relsPartOf(part);
    const rels = this.get(relsPart) ?? `${RELS_XML_HEAD}</Relationships>`;
    const used = new Set(elements(rels, "Relationship").map((r) => getAttr(r, "Id")));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relative = path.posix.relative(path.posix.dirname(part), target);
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relative)}"/>`;
    const at = rels.lastIndexOf("</Relationships>");
    this.set(relsPart, splice(rels, at, at, rel));
    return id;
  }

  removeRelationship(part: string, id: string): void {
    const relsPart = XlsxPackage.relsPartOf(part);
    const rels = this.get(relsPart);
    if (!rels) return;
    const doomed = elements(rels, "Relationship").find((r) => getAttr(r, "Id") === id);
    if (doomed) this.set(relsPart, rels.replace(doomed, ""));
  }

  // --- content types -------------------------------------------------------------------------

  addOverride(part: string, contentType: string): void {
    const types = this.get("[Content_Types].xml") as string;
    const partName = `/${part}`;
    if (elements(types, "Override").some((o) => getAttr(o, "PartName") === partName)) return;
    const at = types.lastIndexOf("</Types>");
    this.set(
      "[Content_Types].xml",
      splice(
        types,
        at,
        at,
        `<Override PartName="${escapeAttr(partName)}" ContentType="${contentType}"/>`
      )
    );
  }

  removeOverride(part: string): void {
    const types = this.get("[Content_Types].xml") as string;
    const doomed = elements(types, "Override").find((o) => getAttr(o, "PartName") === `/${part}`);
    if (doomed) this.set("[Content_Types].xml", types.replace(doomed, ""));
  }

  addDefault(extension: string, contentType: string): void {
    const types = this.get("[Content_Types].xml") as string;
    const has = elements(types, "Default").some(
      (d) => (getAttr(d, "Extension") ?? "").toLowerCase() === extension
    );
    if (has) return;
    const at = insertionPoint(types, ["Override"], "Types");
    this.set(
      "[Content_Types].xml",
      splice(types, at, at, `<Default Extension="${extension}" ContentType="${contentType}"/>`)
    );
  }
}

/** One XML part of a package as an editor sees it: its text read, and written back, whole. */
export abstract class PackagePart {
  constructor(
    protected readonly pkg: XlsxPackage,
    readonly part: string
  ) {}

  protected get xml(): string {
    return this.pkg.get(this.part) as string;
  }

  protected set xml(text: string) {
    this.pkg.set(this.part, text);
  }
}
