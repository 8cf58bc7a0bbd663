/**
 * Peak memory of `itos apply` on two workbooks whose cost is their size, not their case:
 * - a large workbook: a small invest-to-save grid on one sheet and a ledger of `ledgerRows` x 12
 *   cells on another (by default 400,000 rows, 4.8 million cells, about 48 MB), as a finance
 *   team's working file often is;
 * - the formatted-edge workbook: the Sandwell grid and one empty formatted cell at A1048576.
 * Each is written once with exceljs's streaming writer into a temporary folder, then applied by
 * the built command (dist/cli, `npm run build:cli`) in a child process that reports its peak RSS.
 *   npx tsx scripts/bench-apply-memory.ts [ledgerRows]
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "..");
/** How long one apply may run before it is reported as not measured. */
const APPLY_TIMEOUT_MS = 10 * 60 * 1000;

export interface ApplyMemory {
  file: string;
  cells: number;
  fileMB: number;
  maxRssMB: number | null;
  seconds: number | null;
  error?: string;
}

/** A three-year monthly case: 120,000 invested over the first year, 6,000 a month saved after. */
function addCaseSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet("Case");
  const months = Array.from({ length: 36 }, (_, i) => new Date(Date.UTC(2024, 3 + i, 1)));
  ws.addRow(["Invest to save case (£)"]).commit();
  const header = ws.addRow(["", ...months]);
  months.forEach((_, i) => (header.getCell(i + 2).numFmt = "mmm-yy"));
  header.commit();
  ws.addRow(["Investment", ...months.map((_, i) => (i < 12 ? -10000 : 0))]).commit();
  ws.addRow(["Savings", ...months.map((_, i) => (i < 12 ? 0 : 6000))]).commit();
}

// A ledger's text as a finance team's export has it, so the file's size is a real one's
// (about 48 MB at 400,000 rows): service names, supplier names, references and narrative notes.
const SERVICES = ["Adult Social Care", "Highways", "Waste Services", "Libraries", "Housing Needs"];
const SUPPLIERS = [
  "Northgate Facilities Management Ltd",
  "Midlands Highways Partnership",
  "Greenway Waste Solutions plc",
  "City Print & Design Services",
  "Brightstart Care Homes Ltd",
];
const OFFICERS = ["J. Patel", "S. Okafor", "M. Hughes", "A. Kowalski", "R. Begum", "D. Evans"];
const NOTES = [
  "Monthly contract payment",
  "Spend to save scheme: LED street lighting",
  "Recharge from capital programme",
  "Agency staff cover",
];

export async function writeLarge(file: string, ledgerRows: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  addCaseSheet(wb);
  const ledger = wb.addWorksheet("Ledger");
  ledger
    .addRow([
      "Date",
      "Cost centre",
      "Account",
      "Supplier",
      "Ref",
      "Net",
      "VAT",
      "Gross",
      "Period",
      "Year",
      "Type",
      "Notes",
    ])
    .commit();
  for (let r = 0; r < ledgerRows; r++) {
    // A scrambled row number picks each row's names and amount, as a real ledger's vary.
    const h = Math.imul(r + 1, 2654435761) >>> 0;
    const net = (h % 2000000) / 100;
    ledger
      .addRow([
        45000 + (h % 1096),
        `CC${1000 + (h % 250)} ${SERVICES[h % SERVICES.length]}, project P${(h >>> 7) % 100000}`,
        4000 + (h % 90),
        `${SUPPLIERS[(h >>> 8) % SUPPLIERS.length]} (${(h >>> 4) % 1200})`,
        `INV-${2024 + (r % 3)}-${String(h % 10000000).padStart(7, "0")}-${(Math.imul(h, 69069) >>> 0).toString(16)}`,
        net,
        Math.round(net * 20) / 100,
        Math.round(net * 120) / 100,
        (r % 12) + 1,
        2024 + (r % 3),
        h % 2 ? "Revenue" : "Capital",
        `${NOTES[(h >>> 12) % NOTES.length]}, PO ${(h >>> 3) % 1000000}, approved ${OFFICERS[(h >>> 16) % OFFICERS.length]} ${(h >>> 5) % 28}/${(h >>> 9) % 12}, batch ${Math.imul(h, 40503) >>> 0}`,
      ])
      .commit();
  }
  await wb.commit();
  return (ledgerRows + 1) * 12 + 4 * 37;
}

async function writeFormattedEdge(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(ROOT, "test", "fixtures", "sandwell-invest-to-save.xlsx"));
  const ws = wb.worksheets[0];
  ws.getCell("A1048576").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FFFFFF00" },
  };
  await wb.xlsx.writeFile(file);
  let cells = 0;
  ws.eachRow((row) => row.eachCell(() => cells++));
  return cells;
}

function applyPeak(input: string, out: string): Promise<{ maxRssMB: number; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        "--max-old-space-size=4096",
        "-r",
        path.join(__dirname, "bench-maxrss.js"),
        path.join(ROOT, "bin", "itos.js"),
        "apply",
        input,
        "--out",
        out,
      ],
      // A run past the limit is reported as not measured, so the benchmarks end in bounded time.
      { maxBuffer: 64 * 1024 * 1024, timeout: APPLY_TIMEOUT_MS, killSignal: "SIGKILL" },
      (error, _stdout, stderr) => {
        const rss = /itos-bench maxrss-kb=(\d+)/.exec(String(stderr));
        if (error && (error as { killed?: boolean }).killed) {
          reject(new Error(`not finished within ${APPLY_TIMEOUT_MS / 60000} minutes`));
          return;
        }
        if (error || !rss) {
          reject(new Error(`itos apply failed: ${error?.message ?? "no memory line"}`));
          return;
        }
        resolve({ maxRssMB: Number(rss[1]) / 1024, seconds: (Date.now() - started) / 1000 });
      }
    )
  );
}

export async function benchApplyMemory(ledgerRows = 400_000): Promise<ApplyMemory[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-bench-memory-"));
  try {
    const runs: ApplyMemory[] = [];
    const inputs: [string, (file: string) => Promise<number>][] = [
      ["large.xlsx", (f) => writeLarge(f, ledgerRows)],
      ["formatted-edge.xlsx", writeFormattedEdge],
    ];
    for (const [name, write] of inputs) {
      const file = path.join(dir, name);
      const cells = await write(file);
      const fileMB = (await fs.stat(file)).size / 1024 / 1024;
      try {
        const peak = await applyPeak(file, path.join(dir, `out-${name}`));
        runs.push({ file: name, cells, fileMB, ...peak });
      } catch (e) {
        runs.push({ file: name, cells, fileMB, maxRssMB: null, seconds: null, error: String(e) });
      }
    }
    return runs;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 400_000);
  benchApplyMemory(rows).then((runs) => {
    for (const r of runs)
      console.log(
        `${r.file}: ${r.cells.toLocaleString("en-GB")} cells, ${r.fileMB.toFixed(1)} MB, peak ${r.maxRssMB === null ? `not measured (${r.error})` : `${r.maxRssMB.toFixed(0)} MB in ${r.seconds?.toFixed(1)} s`}`
      );
  });
}
