/**
 * xl/workbook.xml as ITOS edits it: the sheet list (to find a sheet's part, add ITOS's sheet or
 * remove it again) and the defined names (ITOS's own, recognised by their marked comment).
 */
import { ErrorMessage, ItosError } from "../engine";
import { CONTENT_TYPES, PackagePart, REL_TYPES, XlsxPackage } from "./xlsxPackage";
import {
  appendInner,
  editElement,
  elements,
  escapeAttr,
  escapeText,
  findElement,
  getAttr,
  innerOf,
  setAttr,
  splice,
  unescapeXml,
  withInner,
} from "./xml";

export interface SheetEntry {
  name: string;
  /** The worksheet's part, "xl/worksheets/sheet1.xml". */
  part: string;
  relId: string;
}

export interface DefinedName {
  name: string;
  /** The reference, without "=". */
  ref: string;
  comment: string | null;
  /** Index of the sheet a sheet-scoped name belongs to. */
  localSheetId: number | null;
  /** The element as it stands in the part. */
  xml: string;
}

const WORKBOOK_AFTER_DEFINED_NAMES = [
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

const EMPTY_SHEET_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** The workbook part's name, from the package's root relationships. */
export function workbookPart(pkg: XlsxPackage): string {
  const main = pkg.relationships("").find((r) => r.type === REL_TYPES.officeDocument);
  return main ? main.target : "xl/workbook.xml";
}

export class WorkbookXml extends PackagePart {
  /**
   * Whether the workbook counts dates from 1 January 1904 (`<workbookPr date1904="1"/>`, the
   * default of old Mac Excel): its date serials are then 1,462 days lower than the 1900 system's.
   */
  usesDate1904(): boolean {
    const pr = elements(this.xml, "workbookPr")[0];
    const flag = pr ? getAttr(pr, "date1904") : null;
    return flag === "1" || flag === "true";
  }

  sheets(): SheetEntry[] {
    const sheetsEl = findElement(this.xml, "sheets");
    const rels = this.pkg.relationships(this.part);
    return elements(sheetsEl ? sheetsEl.text : "", "sheet").map((s) => {
      const relId = getAttr(s, "r:id") ?? "";
      const rel = rels.find((r) => r.id === relId);
      return { name: getAttr(s, "name") ?? "", part: rel ? rel.target : "", relId };
    });
  }

  sheetPart(name: string): string {
    const entry = this.sheets().find((s) => s.name === name);
    if (!entry || !entry.part)
      throw new ItosError("bad-file", ErrorMessage.file.noSheetNamed(name));
    return entry.part;
  }

  definedNames(): DefinedName[] {
    const block = findElement(this.xml, "definedNames");
    if (!block) return [];
    return elements(block.text, "definedName").map((d) => {
      const local = getAttr(d, "localSheetId");
      return {
        name: getAttr(d, "name") ?? "",
        ref: unescapeXml(innerOf(d)).trim(),
        comment: getAttr(d, "comment"),
        localSheetId: local === null ? null : Number(local),
        xml: d,
      };
    });
  }

  private setDefinedNames(inner: string): void {
    const place = { after: WORKBOOK_AFTER_DEFINED_NAMES, rootName: "workbook" };
    const next = editElement(this.xml, "definedNames", place, (block) =>
      inner === ""
        ? ""
        : block
          ? withInner(block, "definedNames", inner)
          : `<definedNames>${inner}</definedNames>`
    );
    if (next !== this.xml) this.xml = next;
  }

  /** Adds (or replaces) a workbook-scoped name with its comment. */
  addName(name: string, ref: string, comment: string): void {
    const kept = this.definedNames().filter((d) => !(d.name === name && d.localSheetId === null));
    const el = `<definedName name="${escapeAttr(name)}" comment="${escapeAttr(comment)}">${escapeText(ref)}</definedName>`;
    this.setDefinedNames(kept.map((d) => d.xml).join("") + el);
  }

  /** Removes exactly these name elements. */
  removeNames(doomed: readonly DefinedName[]): void {
    if (doomed.length === 0) return;
    const gone = new Set(doomed.map((d) => d.xml));
    this.setDefinedNames(
      this.definedNames()
        .filter((d) => !gone.has(d.xml))
        .map((d) => d.xml)
        .join("")
    );
  }

  /** Adds an empty worksheet at the end of the tab order; returns its part. */
  addSheet(name: string): string {
    const part = this.pkg.freePartName("xl/worksheets/sheet", ".xml");
    this.pkg.set(part, EMPTY_SHEET_XML);
    this.pkg.addOverride(part, CONTENT_TYPES.worksheet);
    const relId = this.pkg.addRelationship(this.part, REL_TYPES.worksheet, part);
    const xml = this.xml;
    const sheetsEl = findElement(xml, "sheets") as { start: number; end: number; text: string };
    const ids = elements(sheetsEl.text, "sheet").map((s) => Number(getAttr(s, "sheetId") ?? 0));
    const sheetId = Math.max(0, ...ids) + 1;
    const el = `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" r:id="${relId}"/>`;
    this.xml = splice(xml, sheetsEl.start, sheetsEl.end, appendInner(sheetsEl.text, "sheets", el));
    return part;
  }

  /**
   * Removes a sheet ITOS created: its entry, relationship, part (with its own relationships) and
   * content type; sheet-scoped names after it move down one index.
   */
  removeSheet(name: string): void {
    const sheets = this.sheets();
    const index = sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    const entry = sheets[index];
    let xml = this.xml;
    const sheetsEl = findElement(xml, "sheets") as { start: number; end: number; text: string };
    const doomed = elements(sheetsEl.text, "sheet")[index];
    xml = splice(xml, sheetsEl.start, sheetsEl.end, sheetsEl.text.replace(doomed, ""));
    // Tab indexes after the removed sheet shift down.
    xml = xml.replace(/<definedName\b[^>]*>/g, (tag) => {
      const local = getAttr(tag, "localSheetId");
      return local !== null && Number(local) > index
        ? setAttr(tag, "localSheetId", String(Number(local) - 1))
        : tag;
    });
    xml = xml.replace(/<workbookView\b[^>]*>/g, (tag) => {
      let t = tag;
      for (const a of ["activeTab", "firstSheet"]) {
        const v = getAttr(t, a);
        if (v !== null && Number(v) >= index && Number(v) > 0)
          t = setAttr(t, a, String(Number(v) - 1));
      }
      return t;
    });
    this.xml = xml;
    this.pkg.removeRelationship(this.part, entry.relId);
    this.pkg.remove(entry.part);
    this.pkg.remove(XlsxPackage.relsPartOf(entry.part));
    this.pkg.removeOverride(entry.part);
  }
}
