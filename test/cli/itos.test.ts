/**
 * The `itos` command as a user runs it: `node bin/itos.js ...` (npm test builds dist/ first).
 * The Sandwell fixture gives the paper's answers; bad input gives one line naming the file and a
 * non-zero exit, never a stack trace.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "itos.js");
const FIXTURE = path.join(ROOT, "test", "fixtures", "sandwell-invest-to-save.xlsx");

function itos(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A failure: non-zero exit, exactly one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(r: ReturnType<typeof itos>, ...mentions: string[]): void {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^itos: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const m of mentions) expect(lines[0]).toContain(m);
}

let dir: string;
beforeAll(async () => {
  // npm test builds dist/ first; a bare `npx jest test/cli` (or a webpack build that cleaned dist/) may not have.
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) {
    const tsc = require.resolve("typescript/bin/tsc");
    const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (built.status !== 0)
      throw new Error(`npm run build:cli failed: ${built.stdout}${built.stderr}`);
  }
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-cli-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("itos analyse", () => {
  test("--json gives the paper's answers for the Sandwell fixture in one document", () => {
    const r = itos("analyse", FIXTURE, "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sheets).toHaveLength(1);
    const s = doc.sheets[0];
    expect(s).toMatchObject({
      sheet: "Appendix 1",
      firstInvestment: "2022-01",
      crossover: "2023-01",
      breakEven: "2024-01",
      basis: "first-investment",
    });
    expect(s.paybackMonths).toBeCloseTo(24.48, 2);
    expect(s.years.map((y: { cumulative: number }) => y.cumulative)[3]).toBeCloseTo(333529, -2);
    expect(s.reconciliation).toEqual(
      expect.objectContaining({ checked: expect.any(Number), mismatch: expect.any(Array) })
    );
  });

  test("--basis first-return and --rate change the answer as defined", () => {
    const base = JSON.parse(itos("analyse", FIXTURE, "--json").stdout).sheets[0];
    const fromReturn = JSON.parse(
      itos("analyse", FIXTURE, "--json", "--basis", "first-return").stdout
    ).sheets[0];
    expect(base.paybackMonths - fromReturn.paybackMonths).toBeCloseTo(3, 2);
    const zeroRate = JSON.parse(itos("analyse", FIXTURE, "--json", "--rate=0").stdout).sheets[0];
    expect(zeroRate.npv).toBeCloseTo(zeroRate.totals.net, 2);
    expect(base.npv).toBeLessThan(zeroRate.npv);
  });

  test("the human report leads with the break-even line", () => {
    const r = itos("analyse", FIXTURE);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toMatch(/Break-even: Jan-24/);
  });

  test("--sheet Summary analyses the year table by FY", () => {
    const s = JSON.parse(itos("analyse", FIXTURE, "--sheet", "Summary", "--json").stdout).sheets[0];
    expect([s.sheet, s.periodicity, s.firstPeriod, s.lastPeriod]).toEqual([
      "Summary",
      "annual",
      "2021/22",
      "2024/25",
    ]);
  });
});

describe("itos reconcile", () => {
  test("--json prints the reconciliation for each grid sheet", () => {
    const r = itos("reconcile", FIXTURE, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.sheets[0].reconciliation).sort()).toEqual([
      "checked",
      "formulaFindings",
      "match",
      "mismatch",
      "rounding",
      "unverified",
    ]);
  });
});

describe("itos apply", () => {
  test("writes a new file in a folder it creates, prints the report, leaves the input's bytes alone", () => {
    const hash = createHash("sha256").update(readFileSync(FIXTURE)).digest("hex");
    const out = path.join(dir, "out", "sandwell-analysed.xlsx");
    const r = itos("apply", FIXTURE, "--out", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("'Appendix 1'!$A$59:$F$129");
    expect(r.stdout).toMatch(/Break-even: Jan-24/);
    expect(existsSync(out)).toBe(true);
    expect(createHash("sha256").update(readFileSync(FIXTURE)).digest("hex")).toBe(hash);
  });

  test("--values writes numbers without formulas", async () => {
    const out = path.join(dir, "values.xlsx");
    expect(itos("apply", FIXTURE, "--out", out, "--values").code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Appendix 1") as ExcelJS.Worksheet;
    expect(ws.getCell("A59").value).toBe("ITOS analysis (£)");
    let formulas = 0;
    ws.eachRow((row, r) => {
      if (r >= 59) row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++));
    });
    expect(formulas).toBe(0);
    expect(ws.getCell("E121").value).toBeCloseTo(333529, -2);
  });

  test("refuses --out equal to the input", () => {
    expectOneLineError(
      itos("apply", FIXTURE, "--out", FIXTURE),
      "sandwell-invest-to-save.xlsx",
      "never modifies the input"
    );
  });

  test("without --out says what it needs", () => {
    expectOneLineError(itos("apply", FIXTURE), "--out");
  });

  test("analyse and reconcile read the demo's output as the user's grid: the same answers as the input", () => {
    const out = path.join(dir, "demo-output.xlsx");
    expect(itos("apply", FIXTURE, "--out", out).code).toBe(0);
    for (const command of ["analyse", "reconcile"]) {
      const fromInput = itos(command, FIXTURE, "--json");
      const fromOutput = itos(command, out, "--json");
      expect({ command, code: fromOutput.code, stderr: fromOutput.stderr }).toEqual({
        command,
        code: 0,
        stderr: "",
      });
      expect(JSON.parse(fromOutput.stdout)).toEqual(JSON.parse(fromInput.stdout));
    }
    expect(itos("analyse", out).stdout).toMatch(/Break-even: Jan-24/);
  });
});

describe("itos apply and its output file", () => {
  test("an existing --out is refused without --force, naming it, and left as it was; --force replaces it", async () => {
    const out = path.join(dir, "existing.xlsx");
    await fs.writeFile(out, "last month's analysis");
    const r = itos("apply", FIXTURE, "--out", out);
    expectOneLineError(r, out, "already exists", "--force");
    expect(r.code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("last month's analysis");
    const forced = itos("apply", FIXTURE, "--out", out, "--force");
    expect({ code: forced.code, stderr: forced.stderr }).toEqual({ code: 0, stderr: "" });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  test("--out that is a hard link of the input is refused, even with --force: the input's bytes stay", async () => {
    const input = path.join(dir, "linked-input.xlsx");
    await fs.copyFile(FIXTURE, input);
    const link = path.join(dir, "linked-output.xlsx");
    await fs.link(input, link);
    const hash = createHash("sha256").update(readFileSync(input)).digest("hex");
    for (const extra of [[], ["--force"]]) {
      const r = itos("apply", input, "--out", link, ...extra);
      expectOneLineError(r, "never modifies the input");
      expect(r.code).toBe(2);
    }
    expect(createHash("sha256").update(readFileSync(input)).digest("hex")).toBe(hash);
  });

  test("--out that is a folder fails with exit 1, naming the output, not the input", async () => {
    const folder = path.join(dir, "a-folder.xlsx");
    await fs.mkdir(folder, { recursive: true });
    const r = itos("apply", FIXTURE, "--out", folder, "--force");
    expectOneLineError(r, `Cannot write ${folder}: it is a folder`);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("unexpected");
    expect(r.stderr).not.toContain("sandwell-invest-to-save.xlsx");
  });

  test("--out under a file (not a folder) fails with exit 1, naming the output", async () => {
    const blocker = path.join(dir, "not-a-folder");
    await fs.writeFile(blocker, "");
    const out = path.join(blocker, "analysed.xlsx");
    const r = itos("apply", FIXTURE, "--out", out);
    expectOneLineError(r, `Cannot write ${out}`);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("unexpected");
  });
});

describe("memory follows content", () => {
  test("a workbook with one formatted empty cell at A1048576 applies with a peak under 200 MB", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Case");
    ws.addRows([
      [null, "Apr-22", "May-22", "Jun-22", "Jul-22"],
      ["Investment", -1000, -500, null, null],
      ["Saving", 0, 400, 700, 900],
    ]);
    ws.getCell("A1048576").fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFFF00" },
    };
    const input = path.join(dir, "formatted-edge.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "formatted-edge-analysed.xlsx");
    // The command in a child process that reports its own peak resident set size (kB).
    const script = `require(${JSON.stringify(path.join(ROOT, "dist", "cli", "main.js"))}).run(["apply", ${JSON.stringify(input)}, "--out", ${JSON.stringify(out)}], { out() {}, err: (t) => process.stderr.write(t) }).then((code) => { process.stdout.write(String(process.resourceUsage().maxRSS)); process.exitCode = code; })`;
    const r = spawnSync(process.execPath, ["--max-old-space-size=1024", "-e", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    const peakMb = Number(r.stdout) / 1024;
    console.log(`formatted-edge workbook: peak RSS ${peakMb.toFixed(0)} MB`);
    expect(peakMb).toBeLessThan(200);
    // The user's formatted cell is still there, and the section sits below the grid.
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const sheet = written.getWorksheet("Case") as ExcelJS.Worksheet;
    expect((sheet.getCell("A1048576").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    expect(sheet.getCell("A5").value).toBe("ITOS analysis (£)");
  }, 150_000);
});

describe("bad input", () => {
  test("a text file renamed .xlsx", async () => {
    const fake = path.join(dir, "budget.xlsx");
    await fs.writeFile(fake, "Line,Apr-22\nInvestment,-1000\n");
    expectOneLineError(itos("analyse", fake), "budget.xlsx", "not an Excel .xlsx workbook");
  });

  test("a missing file", () => {
    expectOneLineError(itos("analyse", path.join(dir, "nowhere.xlsx")), "nowhere.xlsx");
  });

  test("a password-protected (OLE) file", async () => {
    const locked = path.join(dir, "locked.xlsx");
    await fs.writeFile(
      locked,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ])
    );
    expectOneLineError(itos("analyse", locked), "locked.xlsx", "password-protected");
  });

  test("a sheet with no grid, by name and in a workbook with no grid at all", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRows([["Cabinet notes"], ["Discussed on 12 March"]]);
    const file = path.join(dir, "notes.xlsx");
    await wb.xlsx.writeFile(file);
    expectOneLineError(
      itos("analyse", file, "--sheet", "Notes"),
      "notes.xlsx",
      "No payback grid found on sheet 'Notes'"
    );
    expectOneLineError(itos("analyse", file, "--json"), "notes.xlsx", "No payback grid found");
  });

  test("an unknown option, an unknown command, a bad basis", () => {
    expectOneLineError(itos("analyse", FIXTURE, "--montly"), "Unknown option --montly");
    expectOneLineError(itos("analyze-all", FIXTURE), "Unknown command 'analyze-all'");
    expectOneLineError(
      itos("analyse", FIXTURE, "--basis", "last-return"),
      "--basis must be first-investment, first-return, simple or time-zero"
    );
  });

  test("--help prints the usage and exits 0", () => {
    const r = itos("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("itos apply <workbook.xlsx> --out <new.xlsx>");
  });
});

describe("ambiguous roles", () => {
  test("lines the reader cannot place are listed with their cells", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Case").addRows([
      [null, "Apr-22", "May-22", "Jun-22"],
      ["Investment", -1000, -1000, null],
      ["Widgets", 100, 200, 300],
      ["Gadgets", 100, 200, 300],
    ]);
    const file = path.join(dir, "ambiguous.xlsx");
    await wb.xlsx.writeFile(file);
    expectOneLineError(
      itos("analyse", file),
      "ambiguous.xlsx",
      "Case!A3: Widgets",
      "Case!A4: Gadgets"
    );
  });
});

describe("straight after npm ci, before a build", () => {
  test("the shim runs the TypeScript sources and gives the same answers", () => {
    const r = spawnSync(process.execPath, [BIN, "analyse", FIXTURE, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ITOS_FROM_SOURCE: "1" },
    });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).sheets[0]).toMatchObject({
      breakEven: "2024-01",
      crossover: "2023-01",
      firstInvestment: "2022-01",
    });
  });
});
