/**
 * The missing-tool check: it finds programs the way a shell would (PATH, executable files only),
 * and its message is one line naming the package and the command that installs it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  locate,
  missingToolsMessage,
  MissingToolError,
  requireTools,
  SETUP_COMMAND,
  type Tool,
} from "./requiredTools";

const GHOST: Tool = { name: "Ghost", debianPackage: "ghost-pkg", program: "itos-ghost-tool" };

describe("locate", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "itos-tools-"));
    fs.writeFileSync(path.join(dir, "itos-ghost-tool"), "#!/bin/sh\n", { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "not-executable"), "", { mode: 0o644 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("finds an executable on the search path and says where", () => {
    expect(locate(GHOST, ["/nonexistent", dir].join(path.delimiter))).toBe(
      path.join(dir, "itos-ghost-tool")
    );
  });

  test("a program absent from the path, or present but not executable, is missing", () => {
    expect(locate(GHOST, "/nonexistent")).toBeNull();
    expect(locate({ ...GHOST, program: "not-executable" }, dir)).toBeNull();
  });

  test("an absolute path is checked as it is", () => {
    expect(locate({ ...GHOST, program: dir })).toBe(dir);
    expect(locate({ ...GHOST, program: path.join(dir, "absent") })).toBeNull();
  });
});

describe("the message", () => {
  test("nothing missing, no message", () => {
    expect(missingToolsMessage([])).toBeNull();
  });

  test("one line with the tool, its package and the setup command", () => {
    const message = missingToolsMessage([GHOST], false) as string;
    expect(message).toBe(
      "Missing Ghost (itos-ghost-tool): this suite needs it. Run `npm run test:setup` " +
        "(installs Debian's ghost-pkg as root or through sudo)."
    );
    expect(message).not.toContain("\n");
    expect(SETUP_COMMAND).toBe("npm run test:setup");
  });

  test("under CI it says the tool is required there", () => {
    expect(missingToolsMessage([GHOST], true)).toContain("is required in CI");
  });

  test("the setup command exists as an npm script that installs every package the helpers name", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    expect(pkg.scripts["test:setup"]).toBeDefined();
    const script = fs.readFileSync(path.join(__dirname, "../../scripts/test-setup.sh"), "utf8");
    for (const name of ["chromium", "libreoffice-calc-nogui", "fonts-liberation", "poppler-utils"])
      expect(script).toContain(name);
  });
});

describe("requireTools", () => {
  test("throws one line (no stack) when a tool is missing", () => {
    let thrown: unknown;
    try {
      requireTools({ ...GHOST, program: "/nonexistent/itos-ghost-tool" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingToolError);
    const error = thrown as Error;
    expect(error.stack).toBe(error.message);
    expect(error.message).toContain("ghost-pkg");
  });

  test("returns where each present tool is", () => {
    const found = requireTools({ ...GHOST, program: os.tmpdir() });
    expect([...found.values()]).toEqual([os.tmpdir()]);
  });
});
