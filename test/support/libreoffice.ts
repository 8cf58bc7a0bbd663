/**
 * LibreOffice Calc as an independent spreadsheet application that checks what ITOS writes.
 * Every run gets a fresh profile that forces a full recalculation on load: by default LibreOffice
 * keeps the cached results stored in an .xlsx, so a wrong cached value would pass unseen.
 * Runs are serialised (one soffice at a time) because soffice is heavy and the machine is small.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { LIBERATION_FONTS, LIBREOFFICE_CALC, POPPLER, requireTools } from "./requiredTools";

// Every suite that uses this harness needs LibreOffice Calc: stop it with one line when missing.
requireTools(LIBREOFFICE_CALC);

/** CSV filter options: comma, double quote, UTF-8, raw (not "as shown") values, every sheet (-1). */
const CSV_FILTER =
  "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";
const SOFFICE_TIMEOUT_MS = 180_000;

/** OOXMLRecalcMode / ODFRecalcMode 0 = always recalculate on load. */
const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let queue: Promise<unknown> = Promise.resolve();

/** Runs jobs one after another, whatever the callers' concurrency. */
function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

function run(
  cmd: string,
  args: string[],
  timeoutMs = SOFFICE_TIMEOUT_MS
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`${cmd} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
        else resolve({ stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}

/** A fresh LibreOffice user profile whose settings force recalculation of every formula on load. */
async function makeProfile(recalculate: boolean): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-lo-profile-"));
  if (recalculate) {
    await fs.mkdir(path.join(dir, "user"), { recursive: true });
    await fs.writeFile(
      path.join(dir, "user", "registrymodifications.xcu"),
      RECALC_ALWAYS_XCU,
      "utf8"
    );
  }
  return dir;
}

export interface RecalcOptions {
  /** false runs LibreOffice with its default settings (trust cached results); only for proving the setting matters. */
  recalculate?: boolean;
}

/** soffice --convert-to with a recalculating profile; returns the output folder. */
async function convert(
  inputPath: string,
  filter: string,
  outDir: string,
  recalculate = true
): Promise<void> {
  const profile = await makeProfile(recalculate);
  try {
    await run("soffice", [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      path.resolve(inputPath),
    ]);
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV (quotes doubled inside quoted fields) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens the workbook in LibreOffice Calc, recalculates every formula, and returns each sheet's
 * values as CSV text (raw values, not as displayed), keyed by sheet name.
 */
export function recalculateToCsv(
  xlsxPath: string,
  options: RecalcOptions = {}
): Promise<Record<string, string[][]>> {
  return serialised(async () => {
    const outDir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-lo-csv-"));
    try {
      await convert(xlsxPath, CSV_FILTER, outDir, options.recalculate ?? true);
      const base = path.basename(xlsxPath).replace(/\.[^.]+$/, "");
      const sheets: Record<string, string[][]> = {};
      for (const file of await fs.readdir(outDir)) {
        if (!file.startsWith(`${base}-`) || !file.endsWith(".csv")) continue;
        const sheet = file.slice(base.length + 1, -".csv".length);
        sheets[sheet] = parseCsv(await fs.readFile(path.join(outDir, file), "utf8"));
      }
      if (Object.keys(sheets).length === 0)
        throw new Error(`LibreOffice wrote no CSV for ${xlsxPath}`);
      return sheets;
    } finally {
      await fs.rm(outDir, { recursive: true, force: true });
    }
  });
}

/** Renders the workbook (recalculated) to PDF in outDir; returns the PDF's path. */
export function renderToPdf(xlsxPath: string, outDir: string): Promise<string> {
  requireTools(LIBERATION_FONTS);
  return serialised(async () => {
    await fs.mkdir(outDir, { recursive: true });
    await convert(xlsxPath, "pdf:calc_pdf_Export", outDir);
    const pdf = path.join(outDir, path.basename(xlsxPath).replace(/\.[^.]+$/, "") + ".pdf");
    await fs.access(pdf);
    return pdf;
  });
}

/** Bounding box, in points, of the text on one PDF page (pdftotext -bbox), or null when it has none. */
async function textBox(
  pdfPath: string,
  page: number
): Promise<{ x0: number; y0: number; x1: number; y1: number } | null> {
  const { stdout } = await run(
    "pdftotext",
    ["-bbox", "-f", String(page), "-l", String(page), pdfPath, "-"],
    60_000
  );
  const words = [
    ...stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g),
  ].map((m) => m.slice(1).map(Number));
  if (words.length === 0) return null;
  return {
    x0: Math.min(...words.map((w) => w[0])),
    y0: Math.min(...words.map((w) => w[1])),
    x1: Math.max(...words.map((w) => w[2])),
    y1: Math.max(...words.map((w) => w[3])),
  };
}

/**
 * One page of a PDF as a PNG at the given resolution, cropped to its text with a small margin so
 * the picture is the sheet, not the paper; returns the PNG's path.
 */
export async function pdfPageToPng(
  pdfPath: string,
  pngPathWithoutExt: string,
  page = 1,
  dpi = 110
): Promise<string> {
  requireTools(POPPLER);
  const args = ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile"];
  const box = await textBox(pdfPath, page);
  if (box) {
    const px = (pt: number) => Math.round((pt * dpi) / 72);
    const margin = 12;
    const x = Math.max(0, px(box.x0 - margin));
    const y = Math.max(0, px(box.y0 - margin));
    args.push(
      "-x",
      String(x),
      "-y",
      String(y),
      "-W",
      String(px(box.x1 + margin) - x),
      "-H",
      String(px(box.y1 + margin) - y)
    );
  }
  await run("pdftoppm", [...args, pdfPath, pngPathWithoutExt], 60_000);
  return `${pngPathWithoutExt}.png`;
}

/** The value at 0-based sheet coordinates in a recalculated CSV sheet ("" when outside). */
export function csvCell(sheet: string[][], row: number, col: number): string {
  return sheet[row]?.[col] ?? "";
}
