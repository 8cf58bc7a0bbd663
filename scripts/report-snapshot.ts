/**
 * Writes every report ITOS gives on the test fixtures into one folder, so that two runs (before and
 * after a change that must not change any answer) can be compared with `diff -r`.
 *
 *   npx tsx scripts/report-snapshot.ts <output-folder>
 *
 * For each workbook under test/fixtures (and its subfolders) it records, one file each:
 * - `itos analyse` and `itos reconcile`, as text and as `--json`, with their exit codes and errors;
 * - `itos apply` (live formulas, and `--values`): the text the command prints, and a canonical dump
 *   of the workbook it wrote, read back with exceljs: every cell (address, value, formula, number
 *   format, fill, note), the workbook names and each sheet's conditional formats.
 * The command runs in-process (src/cli/main.ts), so the snapshot is of the source tree as it is.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run, type Io } from "../src/cli/main";

const FIXTURES = path.resolve(__dirname, "..", "test", "fixtures");

async function workbooksUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await workbooksUnder(full)));
    else if (entry.name.endsWith(".xlsx")) found.push(full);
  }
  return found.sort();
}

/** Runs one `itos` command and returns what a user would see: exit code, stdout, stderr. */
async function itos(argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await run(argv, io);
  return `exit ${code}\n--- stdout\n${out.join("\n")}\n--- stderr\n${err.join("\n")}\n`;
}

/** Object keys sorted at every level, so the dump does not depend on property order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return { date: value.toISOString() };
  if (value && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      sorted[key] = canonical((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

function line(value: unknown): string {
  return JSON.stringify(canonical(value) ?? null);
}

/** Every cell, name and conditional format of a written workbook, one line each. */
async function dumpWorkbook(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const lines: string[] = [];
  lines.push(`names ${line(workbook.definedNames.model)}`);
  workbook.eachSheet((sheet) => {
    lines.push(`sheet ${line({ name: sheet.name, state: sheet.state })}`);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.fill && Object.keys(cell.fill).length ? cell.fill : null;
        if (cell.value === null && !fill && !cell.note) return;
        lines.push(
          `cell ${sheet.name}!${cell.address} ${line({
            value: cell.value,
            formula: cell.formula ?? null,
            numFmt: cell.numFmt ?? null,
            fill,
            note: cell.note ?? null,
          })}`
        );
      });
    });
    const formats = (sheet as unknown as { conditionalFormattings?: unknown[] })
      .conditionalFormattings;
    lines.push(`conditional ${sheet.name} ${line(formats ?? [])}`);
  });
  return `${lines.join("\n")}\n`;
}

async function snapshotFixture(workbook: string, outFolder: string, scratch: string) {
  const stem = path
    .relative(FIXTURES, workbook)
    .replace(/[\\/]/g, "__")
    .replace(/\.xlsx$/, "");
  const write = (suffix: string, text: string) =>
    fs.writeFile(path.join(outFolder, `${stem}.${suffix}`), text);
  for (const command of ["analyse", "reconcile"]) {
    await write(`${command}.txt`, await itos([command, workbook]));
    await write(`${command}.json.txt`, await itos([command, workbook, "--json"]));
  }
  const otherOptions = ["--basis", "first-return", "--rate", "5%"];
  await write("analyse-first-return.txt", await itos(["analyse", workbook, ...otherOptions]));
  for (const [mode, extra] of [
    ["apply", []],
    ["apply-values", ["--values"]],
  ] as const) {
    // One fixed output path, so the text that names it is the same on every run.
    const written = path.join(scratch, "written.xlsx");
    await fs.rm(written, { force: true });
    const report = await itos(["apply", workbook, "--out", written, ...extra]);
    await write(`${mode}.txt`, report.split(scratch).join("<out>"));
    const wasWritten = await fs.access(written).then(
      () => true,
      () => false
    );
    const dump = wasWritten ? await dumpWorkbook(written) : "no workbook written\n";
    await write(`${mode}.cells.txt`, dump);
  }
}

async function main(): Promise<void> {
  const outFolder = process.argv[2];
  if (!outFolder) {
    process.stderr.write("usage: npx tsx scripts/report-snapshot.ts <output-folder>\n");
    process.exitCode = 2;
    return;
  }
  await fs.mkdir(outFolder, { recursive: true });
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), "itos-report-snapshot-"));
  const workbooks = await workbooksUnder(FIXTURES);
  for (const workbook of workbooks) await snapshotFixture(workbook, outFolder, scratch);
  await fs.rm(scratch, { recursive: true, force: true });
  process.stdout.write(`${workbooks.length} workbooks recorded in ${outFolder}\n`);
}

void main();
