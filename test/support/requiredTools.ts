/**
 * The system programs some suites drive (Chromium, LibreOffice Calc, poppler, the Liberation
 * fonts). When one is missing the suite stops with one line saying what to run, not a stack trace
 * from deep inside a launcher. Such a suite fails rather than skips, so a green run always means
 * every test ran; under CI (CI=true) the line also says the tool is required there.
 */
import * as fs from "fs";
import * as path from "path";

/** The one command that installs every system package the tests need (see README, Quick start). */
export const SETUP_COMMAND = "npm run test:setup";

export interface Tool {
  /** What a person calls it. */
  name: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** A program looked up on PATH, or an absolute path that must exist. */
  program: string;
}

export const CHROMIUM: Tool = {
  name: "Chromium",
  debianPackage: "chromium",
  program: "/usr/bin/chromium",
};
export const LIBREOFFICE_CALC: Tool = {
  name: "LibreOffice Calc",
  debianPackage: "libreoffice-calc-nogui",
  program: "soffice",
};
export const POPPLER: Tool = {
  name: "poppler",
  debianPackage: "poppler-utils",
  program: "pdftoppm",
};
export const LIBERATION_FONTS: Tool = {
  name: "the Liberation fonts",
  debianPackage: "fonts-liberation",
  program: "/usr/share/fonts/truetype/liberation",
};

/** Where the tool is (absolute path), or null when this machine lacks it. */
export function locate(tool: Tool, searchPath = process.env.PATH ?? ""): string | null {
  if (path.isAbsolute(tool.program)) return fs.existsSync(tool.program) ? tool.program : null;
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, tool.program);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** The one-line message for the missing tools, or null when none is missing. */
export function missingToolsMessage(
  missing: Tool[],
  inCi = process.env.CI === "true"
): string | null {
  if (missing.length === 0) return null;
  const names = missing.map((t) => `${t.name} (${t.program})`).join(", ");
  const packages = missing.map((t) => t.debianPackage).join(" ");
  const where = inCi ? " and is required in CI" : "";
  return (
    `Missing ${names}: this suite needs it${where}. Run \`${SETUP_COMMAND}\` ` +
    `(installs Debian's ${packages} as root or through sudo).`
  );
}

/** An error that prints as its one line: the stack would only point at this helper. */
export class MissingToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MissingToolError";
    this.stack = message;
  }
}

/**
 * Stops the calling suite with one line when any tool is missing; returns each tool's location.
 * Call it at the top of a test file so the suite fails once, before any test starts.
 */
export function requireTools(...tools: Tool[]): Map<Tool, string> {
  const found = new Map<Tool, string>();
  const missing: Tool[] = [];
  for (const tool of tools) {
    const at = locate(tool);
    if (at) found.set(tool, at);
    else missing.push(tool);
  }
  const message = missingToolsMessage(missing);
  if (message) throw new MissingToolError(message);
  return found;
}
