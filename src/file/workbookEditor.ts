/**
 * The file adapter's writer: applies a WritePlan to an .xlsx package surgically. It edits only the
 * parts the plan needs (the target sheets' cells and conditional formats, styles.xml appended,
 * workbook.xml's names, a new sheet with its relationship and content type, notes on marks) and
 * copies every other part of the package through unchanged. Everything ITOS writes is found again
 * through its marked names (see src/grid/itosNames.ts), so a re-run removes exactly its own output.
 */
import { ErrorMessage, ItosError } from "../engine";
import type { WritePlan } from "../grid";
import {
  a1,
  cellKey,
  isMarkName,
  isOwnedName,
  nameComment,
  parseRangeRef,
  quoteSheetName,
  readNameMemo,
  RULES_FIELD,
  sectionRecords,
  SHEET_TAG,
  type NameMemo,
  type RangeRef,
} from "../sheet";
import { SheetNotes } from "./notesXml";
import { changedSections } from "./sectionCheck";
import { readSharedStrings } from "./sheetCells";
import { clearSection, unmark } from "./outputRemoval";
import { cellXml, hasContent } from "./plannedCellXml";
import { planFamily, planSuffix } from "./planNames";
import { SheetXml } from "./sheetXml";
import { StylesXml } from "./stylesXml";
import { WorkbookXml, workbookPart, type DefinedName } from "./workbookXml";
import { REL_TYPES, XlsxPackage } from "./xlsxPackage";
import { escapeText, getAttr, setAttr } from "./xml";

export const CHART_SKIPPED =
  "The cumulative-position chart is drawn only by the Excel add-in: .xlsx files written by the command carry the table and the highlight.";

/** An ITOS name as read from the workbook, with its memo. */
export interface OwnedName {
  name: string;
  ref: string;
  memo: NameMemo;
}

export class WorkbookEditor {
  private readonly sheets = new Map<
    string,
    { part: string; xml: SheetXml; notes: SheetNotes | null }
  >();

  /** Sections the user changed after ITOS wrote them, left as they are by removeItosOutput. */
  readonly leftAlone: { name: string; range: string; box: RangeRef }[] = [];
  /** Their cells ("Sheet!A1"): never rewritten, never read as the user's grid. */
  readonly leftAloneCells = new Set<string>();
  private strings: readonly string[] | null = null;

  private constructor(
    readonly pkg: XlsxPackage,
    private readonly workbook: WorkbookXml,
    private readonly styles: StylesXml
  ) {}

  static async open(bytes: Buffer | Uint8Array): Promise<WorkbookEditor> {
    const pkg = await XlsxPackage.load(bytes);
    await pkg.preload(["[Content_Types].xml", "_rels/.rels"]);
    const wbPart = workbookPart(pkg);
    await pkg.preload([wbPart, XlsxPackage.relsPartOf(wbPart)]);
    const stylesRel = pkg.relationships(wbPart).find((r) => r.type === REL_TYPES.styles);
    const stylesPart = stylesRel ? stylesRel.target : "xl/styles.xml";
    await pkg.preload([stylesPart]);
    if (!pkg.get(wbPart) || !pkg.get(stylesPart))
      throw new ItosError("bad-file", ErrorMessage.file.noWorkbookParts());
    return new WorkbookEditor(pkg, new WorkbookXml(pkg, wbPart), new StylesXml(pkg, stylesPart));
  }

  sheetNames(): string[] {
    return this.workbook.sheets().map((s) => s.name);
  }

  /** Whether the workbook's dates count from 1904 (see WorkbookXml.usesDate1904). */
  usesDate1904(): boolean {
    return this.workbook.usesDate1904();
  }

  /** The worksheets (chart sheets left out) in tab order, with their parts: what holds cells. */
  worksheetParts(): { name: string; part: string }[] {
    const types = new Map(this.pkg.relationships(this.workbook.part).map((r) => [r.id, r.type]));
    return this.workbook
      .sheets()
      .filter((s) => s.part && /\/worksheet$/.test(types.get(s.relId) ?? ""))
      .map((s) => ({ name: s.name, part: s.part }));
  }

  /** The shared string table's part, or null when the cells hold their own strings. */
  sharedStringsPart(): string | null {
    const rel = this.pkg
      .relationships(this.workbook.part)
      .find((r) => /\/sharedStrings$/.test(r.type) && !r.external);
    return rel && this.pkg.has(rel.target) ? rel.target : null;
  }

  /** The stylesheet's text as it stands (with anything ITOS appended). */
  stylesText(): string | null {
    return this.pkg.get(this.styles.part);
  }

  /** The names ITOS wrote (prefix and marked comment); a user's ITOS_ names are not among them. */
  ownedNames(): OwnedName[] {
    return this.workbook
      .definedNames()
      .filter((d) => isOwnedName(d.name, d.comment))
      .map((d) => ({
        name: d.name,
        ref: d.ref,
        memo: readNameMemo(d.comment) ?? { v: 1, kind: isMarkName(d.name) ? "mark" : "section" },
      }));
  }

  /** A sheet's merged ranges and hidden rows, for placing the section clear of them. */
  async obstacles(
    sheetName: string
  ): Promise<{ top: number; left: number; bottom: number; right: number }[]> {
    const s = await this.sheet(sheetName);
    return s ? s.xml.obstacles() : [];
  }

  /** Sheets ITOS created (tagged by a marked ITOS_Sheet name). */
  itosSheets(): Set<string> {
    const out = new Set<string>();
    for (const n of this.ownedNames()) {
      const box = n.memo.kind === "sheet" ? parseRangeRef(n.ref) : null;
      if (box) out.add(box.sheet);
    }
    return out;
  }

  private async sheet(
    name: string
  ): Promise<{ part: string; xml: SheetXml; notes: SheetNotes | null } | null> {
    const entry = this.workbook.sheets().find((s) => s.name === name);
    if (!entry || !entry.part) return null;
    const open = this.sheets.get(entry.part);
    if (open) return open;
    await this.pkg.preload([entry.part, XlsxPackage.relsPartOf(entry.part)]);
    await this.pkg.preload(SheetNotes.partsOf(this.pkg, entry.part));
    const text = this.pkg.get(entry.part);
    if (text === null) return null;
    let xml: SheetXml;
    try {
      xml = new SheetXml(text);
    } catch {
      throw new ItosError("bad-file", ErrorMessage.file.sheetNotEditable(name));
    }
    const opened = { part: entry.part, xml, notes: null as SheetNotes | null };
    this.sheets.set(entry.part, opened);
    return opened;
  }

  private async sheetOrFail(
    name: string
  ): Promise<{ part: string; xml: SheetXml; notes: SheetNotes | null }> {
    const s = await this.sheet(name);
    if (!s) throw new ItosError("bad-file", ErrorMessage.file.noSheetNamed(name));
    return s;
  }

  private notesOf(s: { part: string; xml: SheetXml; notes: SheetNotes | null }): SheetNotes {
    if (!s.notes) s.notes = new SheetNotes(this.pkg, s.part, s.xml);
    return s.notes;
  }

  /** Writes the edited sheets back into the package. */
  private flush(): void {
    for (const [part, s] of this.sheets) if (s.xml.touched) this.pkg.set(part, s.xml.toXml());
  }

  /**
   * Removes ITOS output: the cells ITOS wrote inside its section names (not cells a user typed
   * there), the conditional formats it wrote there, the marks on the user's cells (fill given
   * back, ITOS's note removed), its names, and a sheet it created once nothing is left on it. A
   * section the user changed since (its digest no longer matches) keeps its cells and rules; only
   * its name goes, and it is listed in `leftAlone`. `which` picks the names (all of ITOS's by
   * default). Returns how many names went.
   */
  async removeItosOutput(which: (name: string) => boolean = () => true): Promise<number> {
    const doomed = this.ownedNames().filter((n) => which(n.name));
    const itosFormats = this.styles.itosCellFormats();
    const sections = doomed.filter((n) => n.memo.kind === "section");
    for (const n of sections) {
      const box = parseRangeRef(n.ref);
      if (box) await this.sheet(box.sheet);
    }
    const strings = await this.sharedStrings();
    const changed = changedSections(
      sections,
      (name) => this.openSheet(name)?.xml ?? null,
      itosFormats,
      () => strings
    );
    this.leftAlone.push(...changed.sections);
    for (const key of changed.cells) this.leftAloneCells.add(key);
    const keep = { cells: changed.cells, boxes: changed.sections.map((c) => c.box) };
    const itosSheets = new Set<string>();
    for (const n of doomed) {
      const box = parseRangeRef(n.ref);
      if (!box) continue;
      if (n.memo.kind === "sheet") {
        itosSheets.add(box.sheet);
        continue;
      }
      const s = await this.sheet(box.sheet);
      if (!s) continue;
      if (n.memo.kind === "mark") unmark(s.xml, () => this.notesOf(s), this.styles, box, n.memo);
      else clearSection(s.xml, { box, rules: n.memo[RULES_FIELD] }, itosFormats, keep);
    }
    const gone = new Set(doomed.map((n) => n.name));
    const names = this.workbook
      .definedNames()
      .filter((d) => gone.has(d.name) && isOwnedName(d.name, d.comment));
    const keepNames: DefinedName[] = [];
    for (const sheet of itosSheets) {
      const s = await this.sheet(sheet);
      if (s && s.xml.isEmpty()) {
        this.sheets.delete(s.part);
        this.workbook.removeSheet(sheet);
      } else if (!changed.sections.some((c) => c.box.sheet === sheet)) {
        // The user wrote on ITOS's sheet: it stays theirs to keep, tagged so a re-run reuses it.
        keepNames.push(
          ...names.filter(
            (d) =>
              parseRangeRef(d.ref)?.sheet === sheet && readNameMemo(d.comment)?.kind === "sheet"
          )
        );
      }
      // A section the user changed is on it: the sheet is theirs now, untagged, never rewritten.
    }
    this.workbook.removeNames(names.filter((d) => !keepNames.includes(d)));
    this.flush();
    return doomed.length;
  }

  /** The shared string table, read once and only when a section's digest needs it. */
  private async sharedStrings(): Promise<readonly string[]> {
    const part = this.sharedStringsPart();
    if (this.strings === null) this.strings = part ? await readSharedStrings(this.pkg, part) : [];
    return this.strings;
  }

  private openSheet(name: string): { xml: SheetXml } | null {
    const entry = this.workbook.sheets().find((s) => s.name === name);
    return entry?.part ? (this.sheets.get(entry.part) ?? null) : null;
  }

  /** A workbook name the plan would write that the user already has (no marker) stops apply: it is theirs. */
  private refuseUserNames(plan: WritePlan): void {
    const planned = new Set([...plan.names.map((n) => n.name), `${SHEET_TAG}${planSuffix(plan)}`]);
    const clash = this.workbook
      .definedNames()
      .find(
        (d) => d.localSheetId === null && planned.has(d.name) && !isOwnedName(d.name, d.comment)
      );
    if (clash) throw new ItosError("no-room", ErrorMessage.file.nameTakenInFile(clash.name));
  }

  /**
   * Applies a write plan, after removing the plan's previous output. Returns what it could not do
   * (the chart) in a user's words.
   */
  async applyPlan(plan: WritePlan): Promise<string[]> {
    await this.removeItosOutput(planFamily(plan));
    this.refuseUserNames(plan);
    const suffix = planSuffix(plan);
    const memos = new Map<string, NameMemo>();
    if (plan.newSheet && !this.sheetNames().includes(plan.newSheet)) {
      this.workbook.addSheet(plan.newSheet);
      memos.set(`${SHEET_TAG}${suffix}`, { v: 1, kind: "sheet" });
      plan = {
        ...plan,
        names: [
          ...plan.names,
          { name: `${SHEET_TAG}${suffix}`, ref: `${quoteSheetName(plan.newSheet)}!$A$1` },
        ],
      };
    }
    for (const p of plan.cells) {
      const s = await this.sheetOrFail(p.sheet);
      if (hasContent(s.xml.cell(p.row, p.col))) {
        const where = `${p.sheet}!${a1(p.row, p.col)}`;
        throw new ItosError("no-room", ErrorMessage.file.cellTakenInFile(where), { cell: where });
      }
      const style = this.styles.cellFormat({
        numberFormat: p.numberFormat,
        bold: p.bold,
        fill: p.fill,
      });
      s.xml.setCell(p.row, p.col, cellXml(p, style));
    }
    for (const cf of plan.conditionalFormats) {
      const s = await this.sheetOrFail(cf.sheet);
      const dxf = this.styles.dxf(cf.fill, cf.fontColor);
      s.xml.addConditionalFormat(cf.range, escapeText(cf.formula.replace(/^=/, "")), dxf);
    }
    for (const m of plan.marks) {
      const s = await this.sheetOrFail(m.sheet);
      const current = s.xml.cell(m.row, m.col) ?? `<c r="${a1(m.row, m.col)}"/>`;
      const xf = Number(getAttr(current, "s") ?? 0);
      const markedXf = this.styles.withFill(xf, m.fill);
      s.xml.setCell(m.row, m.col, setAttr(current, "s", String(markedXf)));
      const notes = this.notesOf(s);
      // A note the user already has is theirs: ITOS leaves it and adds none.
      const addNote = !notes.has(m.row, m.col);
      if (addNote) notes.add(m.row, m.col, m.note);
      memos.set(cellKey(m.sheet, m.row, m.col), {
        v: 1,
        kind: "mark",
        fill: this.styles.fillColour(xf),
        note: addNote,
        xf,
        markedXf,
      });
    }
    // Each section's digest and rules, as the Excel add-in records them: a later run knows the
    // user's changes and ITOS's own rules by them.
    const records = sectionRecords(
      plan.names.flatMap((n) => {
        const box =
          isMarkName(n.name) || n.name.startsWith(SHEET_TAG) ? null : parseRangeRef(n.ref);
        return box ? [{ ...box, name: n.name }] : [];
      }),
      plan.cells,
      plan.conditionalFormats,
      false
    );
    for (const n of plan.names) {
      const box = parseRangeRef(n.ref);
      const record = records.get(n.name);
      const memo =
        memos.get(n.name) ??
        (isMarkName(n.name) && box
          ? memos.get(cellKey(box.sheet, box.top, box.left))
          : undefined) ??
        ({ v: 1, kind: "section", ...(record ?? {}) } as NameMemo);
      this.workbook.addName(n.name, n.ref, nameComment(memo));
    }
    this.flush();
    return plan.charts.length > 0 ? [CHART_SKIPPED] : [];
  }

  /** The parts changed or added, and removed, since the package was opened. */
  edits(): { changed: string[]; removed: string[] } {
    this.flush();
    return this.pkg.edits();
  }

  /** The edited package; uncompressed when it is only to be read back in memory. */
  async toBuffer(compress = true): Promise<Buffer> {
    this.flush();
    return this.pkg.generate(compress);
  }
}
