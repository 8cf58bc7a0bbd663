/**
 * The file adapter's reader: an .xlsx file -> WorkbookSnapshot, the same shape the Office adapter
 * hands the grid layer. Dates become Excel serials, formulas keep their cached results beside the
 * formula text, rich text becomes plain text. readUserWorkbook reads the package's sheet parts as
 * they are inflated (sheetCells.ts); snapshotFromWorkbook gives the same snapshot from a workbook
 * already loaded in exceljs (for files built or inspected in memory).
 */
import { readFileSync } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { ErrorMessage, FileReason, ItosError } from "../engine";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../sheet";
import { excelJs } from "./excelJs";
import { cellFormatCodes } from "./numberFormats";
import { readSharedStrings, readSheetSnapshot } from "./sheetCells";
import { WorkbookEditor } from "./workbookEditor";

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** An OLE compound file: what Excel writes for a password-protected workbook (and old .xls). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** Every .xlsx is a zip archive. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b]);

function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_UTC) / DAY_MS;
}

function isErrorValue(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** A plain cell value (or a formula's cached result) as the snapshot holds it. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (isErrorValue(v)) return { error: String(v.error) };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
    if (typeof o.text === "string") return o.text; // hyperlink
    if (o.text && typeof o.text === "object") return plainValue(o.text);
  }
  return null;
}

/**
 * The last row and column that hold a value or a formula. A formatted but empty cell far out
 * (A1048576) widens exceljs's row and column counts, not the content, so the snapshot is sized
 * by what the cells hold: memory follows content.
 */
function contentBounds(ws: ExcelJS.Worksheet): { rows: number; cols: number } {
  const { ValueType } = excelJs();
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ValueType.Null || cell.type === ValueType.Merge) return;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  return { rows, cols };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const { ValueType } = excelJs();
  const { rows, cols } = contentBounds(ws);
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const vRow: CellValue[] = [];
    const fRow: (string | null)[] = [];
    const xRow: (string | null)[] = [];
    const row = ws.getRow(r);
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // A merged range's value belongs to its top-left cell only.
      const merged = cell.type === ValueType.Merge;
      // A formula's cached result comes from cell.result: exceljs leaves a cached 0 out of cell.value.
      const isFormula = !merged && cell.type === ValueType.Formula;
      vRow.push(merged ? null : plainValue(isFormula ? cell.result : cell.value));
      fRow.push(cell.numFmt ? cell.numFmt : null);
      let formula: string | null = null;
      if (isFormula) {
        const text = cell.formula;
        if (text) formula = text.startsWith("=") ? text : `=${text}`;
      }
      xRow.push(formula);
    }
    values.push(vRow);
    numberFormats.push(fRow);
    formulas.push(xRow);
  }
  return { sheetName: ws.name, top: 0, left: 0, values, numberFormats, formulas };
}

/** Snapshot of every worksheet of a loaded workbook, in tab order. */
export function snapshotFromWorkbook(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  return { sheets };
}

/**
 * Reads an .xlsx file as the user's grid only: any earlier ITOS output in it (the cells, names,
 * highlight and marks ITOS wrote) is taken out first, so ITOS's output is never read as input.
 * A missing, encrypted or non-.xlsx file is an ItosError("bad-file").
 */
export async function readWorkbook(file: string): Promise<WorkbookSnapshot> {
  return (await readUserWorkbook(file)).snapshot;
}

/**
 * The file's package opened for editing, with ITOS's earlier output already taken out, and the
 * snapshot of what is left: the user's workbook as they made it.
 */
export async function readUserWorkbook(
  file: string
): Promise<{ editor: WorkbookEditor; snapshot: WorkbookSnapshot }> {
  const name = path.basename(file);
  const editor = await openEditor(await readWorkbookBytes(file), name);
  await editor.removeItosOutput();
  return { editor, snapshot: await snapshotFromEditor(editor, name) };
}

/**
 * Every worksheet's cells, in tab order, read from the package part by part as it is inflated
 * (see sheetCells.ts): memory follows what the cells hold, not the size of the file.
 */
async function snapshotFromEditor(editor: WorkbookEditor, name: string): Promise<WorkbookSnapshot> {
  const worksheets = editor.worksheetParts();
  if (worksheets.length === 0)
    throw new ItosError("bad-file", ErrorMessage.file.noWorksheets(name));
  try {
    const strings = await readSharedStrings(editor.pkg, editor.sharedStringsPart());
    const formats = cellFormatCodes(editor.stylesText());
    const dates = { date1904: editor.usesDate1904() };
    const sheets: SheetSnapshot[] = [];
    for (const ws of worksheets)
      sheets.push(await readSheetSnapshot(editor.pkg, ws.part, ws.name, strings, formats, dates));
    return { sheets };
  } catch (e) {
    if (e instanceof ItosError) throw e;
    throw new ItosError("bad-file", ErrorMessage.file.damaged(name));
  }
}

/** The package of an .xlsx file's bytes opened for editing; damage is an ItosError("bad-file"). */
export async function openEditor(bytes: Buffer, name: string): Promise<WorkbookEditor> {
  try {
    return await WorkbookEditor.open(bytes);
  } catch (e) {
    if (e instanceof ItosError)
      throw new ItosError("bad-file", ErrorMessage.file.inFile(name, e.message));
    throw new ItosError("bad-file", ErrorMessage.file.damaged(name));
  }
}

/** Loads an .xlsx file as it is, ITOS output included (to inspect what apply wrote); the same checks and errors as readWorkbook. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return workbookFromBytes(await readWorkbookBytes(file), path.basename(file));
}

/** An .xlsx file's bytes, after the checks that give a user a reason in their words. */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    // Read at once: nothing can be done with a workbook before it is read, and the promise form's
    // hops through the thread pool left the thread idle (500 small workbooks: 148 ms against 7).
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? FileReason.noSuchFile
        : code === "EISDIR"
          ? FileReason.folder
          : code === "EACCES"
            ? FileReason.permissionDenied
            : FileReason.unreadable;
    throw new ItosError("bad-file", ErrorMessage.file.cannotOpen(name, why));
  }
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new ItosError("bad-file", ErrorMessage.file.passwordProtected(name));
  }
  if (!bytes.subarray(0, 2).equals(ZIP_MAGIC)) {
    throw new ItosError("bad-file", ErrorMessage.file.notXlsx(name));
  }
  return bytes;
}

/** exceljs's model of a workbook's bytes, for reading its cells. */
export async function workbookFromBytes(bytes: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const wb = new (excelJs().Workbook)();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ItosError("bad-file", ErrorMessage.file.damaged(name));
  }
  // A zip that is not a workbook (a .docx renamed) loads with no worksheets at all.
  if (wb.worksheets.length === 0)
    throw new ItosError("bad-file", ErrorMessage.file.noWorksheets(name));
  return wb;
}
