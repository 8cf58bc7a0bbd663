/**
 * A test portfolio built from the fixtures in a temporary folder, the way a finance team's share
 * looks: copies of the same case in different folders, nested folders, a damaged workbook, a
 * password-protected one, a workbook with no grid, Excel's lock file for an open workbook and a
 * file that is not a workbook at all.
 */
import { spawn, spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "itos.js");
const FIXTURES = path.join(ROOT, "test", "fixtures");

/** Workbooks with a payback grid: where they go in the portfolio, and which fixture they copy. */
export const READABLE: { file: string; fixture: string }[] = [
  { file: "adults/sandwell.xlsx", fixture: "sandwell-invest-to-save.xlsx" },
  { file: "adults/2023/sandwell copy.xlsx", fixture: "sandwell-invest-to-save.xlsx" },
  { file: "children/long-row.xlsx", fixture: "layout-long-row.xlsx" },
  { file: "children/deep/er/never.xlsx", fixture: "layout-never-pays-back.xlsx" },
  { file: "estates/annual.xlsx", fixture: "layout-annual-positive.xlsx" },
  { file: "estates/net-cost-k.xlsx", fixture: "layout-savings-negative-k.xlsx" },
];

/** Workbooks that cannot be read, and a word their error must contain. */
export const UNREADABLE: { file: string; says: string }[] = [
  { file: "adults/broken.xlsx", says: "damaged" },
  { file: "children/locked.xlsx", says: "password-protected" },
  { file: "estates/notes.xlsx", says: "No payback grid" },
];

/** Skipped with a note, never read. */
export const SKIPPED = ["adults/~$sandwell.xlsx", "estates/cabinet paper.pdf"];

export async function buildPortfolio(dir: string): Promise<void> {
  const put = async (file: string, bytes: Buffer | string): Promise<void> => {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), bytes);
  };
  for (const r of READABLE) await put(r.file, await fs.readFile(path.join(FIXTURES, r.fixture)));
  const sandwell = await fs.readFile(path.join(FIXTURES, "sandwell-invest-to-save.xlsx"));
  // A zip cut short: the archive's start is there, its directory is not.
  await put("adults/broken.xlsx", sandwell.subarray(0, 4000));
  // What Excel writes for a workbook with a password to open: an OLE compound file.
  await put(
    "children/locked.xlsx",
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ])
  );
  await put("estates/notes.xlsx", await fs.readFile(path.join(FIXTURES, "layout-no-grid.xlsx")));
  // Excel's owner file for an open workbook: 165 bytes, the user's name, not a workbook.
  await put(
    "adults/~$sandwell.xlsx",
    Buffer.concat([Buffer.from([10]), Buffer.from("J Smith"), Buffer.alloc(157)])
  );
  await put("estates/cabinet paper.pdf", "%PDF-1.4\n");
}

/** `npm run build:cli` when dist/ is missing (a bare `npx jest`): the command runs compiled. */
export function ensureBuilt(): void {
  if (existsSync(path.join(ROOT, "dist", "cli", "portfolio", "worker.js"))) return;
  const tsc = require.resolve("typescript/bin/tsc");
  const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (built.status !== 0)
    throw new Error(`npm run build:cli failed: ${built.stdout}${built.stderr}`);
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `itos` as a user does, from `cwd`. */
export function itos(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
