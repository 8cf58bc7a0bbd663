/**
 * The output file of `itos apply`: never the input (compared by file identity, so a hard link or
 * a symbolic link to the input is caught), never an existing file unless asked, and written whole
 * or not at all (a temporary file beside it, renamed into place).
 */
import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { ErrorMessage, FileReason, ItosError } from "../engine";

/** A failure of the output path: the message names the output, not the input. */
export class OutputFileError extends ItosError {
  constructor(message: string) {
    super("bad-file", message);
    this.name = "OutputFileError";
  }
}

/** What the file system's refusal means, by its error code. */
const REASONS: Record<string, string> = {
  EACCES: FileReason.permissionDenied,
  EPERM: FileReason.permissionDenied,
  EROFS: FileReason.readOnlyDisk,
  ENOSPC: FileReason.diskFull,
  EDQUOT: FileReason.quotaUsedUp,
  EISDIR: FileReason.folder,
  ENOTDIR: FileReason.pathThroughFile,
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === undefined) return FileReason.refused;
  return Object.prototype.hasOwnProperty.call(REASONS, code) ? REASONS[code] : code;
}

async function statOrNull(file: string): Promise<import("fs").Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** Refuses an output that is the input, a folder, or (without force) an existing file. */
export async function checkOutputPath(
  input: string,
  output: string,
  force: boolean
): Promise<void> {
  const sameInput = new ItosError(
    "bad-argument",
    ErrorMessage.file.outputIsInput(path.basename(input))
  );
  if (path.resolve(input) === path.resolve(output)) throw sameInput;
  const [inStat, outStat] = await Promise.all([statOrNull(input), statOrNull(output)]);
  if (!outStat) return;
  if (inStat && inStat.dev === outStat.dev && inStat.ino === outStat.ino) throw sameInput;
  if (outStat.isDirectory())
    throw new OutputFileError(ErrorMessage.file.cannotWrite(output, FileReason.folder));
  if (!force) throw new OutputFileError(ErrorMessage.file.outputExists(output));
}

/** Writes the bytes to a temporary file beside the output, then renames it into place. */
export async function writeOutputFile(output: string, bytes: Buffer): Promise<void> {
  const dir = path.dirname(path.resolve(output));
  const temp = path.join(dir, `.${path.basename(output)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, output);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new OutputFileError(ErrorMessage.file.cannotWrite(output, reason(e)));
  }
}
