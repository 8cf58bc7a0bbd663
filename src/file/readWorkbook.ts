/**
 * The file adapter's reader: an .xlsx file (exceljs) -> WorkbookSnapshot, the same shape the
 * Office adapter hands the grid layer. Dates become Excel serials, formulas keep their cached
 * results beside the formula text, rich text becomes plain text.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { ItosError } from "../engine";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../sheet";

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

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
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
      const merged = cell.type === ExcelJS.ValueType.Merge;
      // A formula's cached result comes from cell.result: exceljs leaves a cached 0 out of cell.value.
      const isFormula = !merged && cell.type === ExcelJS.ValueType.Formula;
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

/** Reads an .xlsx file as a snapshot; a missing, encrypted or non-.xlsx file is an ItosError("bad-file"). */
export async function readWorkbook(file: string): Promise<WorkbookSnapshot> {
  return snapshotFromWorkbook(await loadWorkbook(file));
}

/** Loads an .xlsx file (for writing, or for a snapshot); the same checks and errors as readWorkbook. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder, not a file"
          : code === "EACCES"
            ? "permission denied"
            : "it cannot be read";
    throw new ItosError("bad-file", `Cannot open ${name}: ${why}.`);
  }
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new ItosError(
      "bad-file",
      `${name} is password-protected (or an old .xls file): remove the password or save it as .xlsx, then try again.`
    );
  }
  if (!bytes.subarray(0, 2).equals(ZIP_MAGIC)) {
    throw new ItosError(
      "bad-file",
      `${name} is not an Excel .xlsx workbook (it may be a CSV or text file renamed).`
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ItosError(
      "bad-file",
      `${name} could not be read as an .xlsx workbook: the file is damaged or not a workbook.`
    );
  }
  // A zip that is not a workbook (a .docx renamed) loads with no worksheets at all.
  if (wb.worksheets.length === 0)
    throw new ItosError(
      "bad-file",
      `${name} holds no worksheets: it is not an Excel .xlsx workbook.`
    );
  return wb;
}
