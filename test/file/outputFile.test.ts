/**
 * The output file appears whole or not at all: it is written to a temporary file beside it and
 * renamed, so a failure after the bytes were written leaves neither a partial output nor the
 * temporary file, and the message names the output.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { OutputFileError, writeOutputFile } from "../../src/file/outputFile";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-output-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("writes the bytes, and nothing else appears in the folder", async () => {
  const out = path.join(dir, "ok", "analysed.xlsx");
  await writeOutputFile(out, Buffer.from("PK whole"));
  expect(await fs.readFile(out, "utf8")).toBe("PK whole");
  expect(await fs.readdir(path.dirname(out))).toEqual(["analysed.xlsx"]);
});

test("a failure at the rename (the bytes already written) leaves no temporary file and keeps what was there", async () => {
  // A folder with something in it cannot be replaced by a file: the rename fails after the write.
  const folder = path.join(dir, "busy");
  const out = path.join(folder, "report.xlsx");
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(path.join(out, "keep.txt"), "mine");
  const e = await writeOutputFile(out, Buffer.from("PK new")).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(OutputFileError);
  expect((e as Error).message).toBe(`Cannot write ${out}: it is a folder, not a file.`);
  expect(await fs.readdir(folder)).toEqual(["report.xlsx"]);
  expect(await fs.readFile(path.join(out, "keep.txt"), "utf8")).toBe("mine");
});

test("a failure to create the folder names the output", async () => {
  const blocker = path.join(dir, "a-file");
  await fs.writeFile(blocker, "");
  const out = path.join(blocker, "x.xlsx");
  await expect(writeOutputFile(out, Buffer.from("PK"))).rejects.toThrow(`Cannot write ${out}:`);
  expect(await fs.readdir(dir)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
});
