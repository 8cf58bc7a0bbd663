/**
 * Finding the workbooks: recursive, each file once however it is reached (named twice, through a
 * folder and by name, through a link back up the tree), sorted by the path shown, and every file
 * left out said so.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { discoverWorkbooks } from "../../../src/cli/portfolio/discover";

let dir: string;
const cwd = process.cwd();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-discover-"));
  for (const f of ["b/z.xlsx", "b/a/y.XLSX", "a.xlsx", "b/~$z.xlsx", "b/notes.docx"]) {
    await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
    await fs.writeFile(path.join(dir, f), "x");
  }
  // A link from deep in the tree back to its top: followed once, never round and round.
  await fs.symlink(dir, path.join(dir, "b", "a", "loop"));
  process.chdir(dir);
});
afterAll(async () => {
  process.chdir(cwd);
  await fs.rm(dir, { recursive: true, force: true });
});

test("every workbook once, in path order, lock files and other files noted", async () => {
  const found = await discoverWorkbooks(["b", ".", "a.xlsx", "b/z.xlsx"]);
  expect(found.workbooks.map((w) => w.file)).toEqual(["a.xlsx", "b/a/y.XLSX", "b/z.xlsx"]);
  expect(found.workbooks.every((w) => path.isAbsolute(w.path))).toBe(true);
  expect(found.notes).toEqual([
    "Skipped b/notes.docx: not an .xlsx workbook.",
    "Skipped b/~$z.xlsx: an Excel lock file (the workbook is open somewhere), not a workbook.",
  ]);
});

test("a lock file named on the command line is noted, a missing path is kept to be reported", async () => {
  const found = await discoverWorkbooks(["b/~$z.xlsx", "missing.xlsx"]);
  expect(found.workbooks.map((w) => w.file)).toEqual(["missing.xlsx"]);
  expect(found.notes).toHaveLength(1);
  expect(found.notes[0]).toContain("lock file");
});
