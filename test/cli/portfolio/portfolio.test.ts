/**
 * `itos portfolio` over a test portfolio built from the fixtures (see test/support/portfolio.ts).
 * The oracle for each case is `itos analyse` run on that workbook alone: the portfolio must hold
 * exactly its sheets, once each, with the same figures, and a row with the reason for each
 * workbook that cannot be read, and exit 0 because some cases were read.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import {
  BIN,
  buildPortfolio,
  ensureBuilt,
  itos,
  READABLE,
  SKIPPED,
  UNREADABLE,
} from "../../support/portfolio";

interface Sheet {
  sheet: string;
  breakEven: string | null;
  paybackYears: number | null;
  reconciliation: { mismatch: unknown[] };
  [k: string]: unknown;
}

let dir: string;
/** What `itos analyse --json` says of each readable workbook, on its own. */
const alone = new Map<string, Sheet[]>();

beforeAll(async () => {
  ensureBuilt();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-portfolio-"));
  await buildPortfolio(dir);
  for (const r of READABLE) {
    const run = await itos(dir, "analyse", r.file, "--json");
    expect(run.code).toBe(0);
    alone.set(r.file, JSON.parse(run.stdout).sheets);
  }
}, 120_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function portfolioJson(...args: string[]) {
  const run = await itos(dir, "portfolio", ".", "--json", ...args);
  return { run, doc: JSON.parse(run.stdout) };
}

describe("itos portfolio", () => {
  test("every case present once with the figures of analyse, every unreadable workbook reported, exit 0", async () => {
    const { run, doc } = await portfolioJson("--jobs", "2");
    expect(run.code).toBe(0);
    const expected = READABLE.flatMap((r) =>
      alone.get(r.file)!.map((s) => ({ ...s, file: r.file }))
    );
    const read = doc.cases.filter((c: { error: string | null }) => c.error === null);
    expect(read).toHaveLength(expected.length);
    for (const e of expected) {
      const matches = read.filter((c: Sheet) => c.file === e.file && c.sheet === e.sheet);
      expect(matches).toHaveLength(1);
      const { file, scheme, limit, error, ...fields } = matches[0];
      // None of these is a Year 0 table, so the headline is the monthly/annual default.
      expect({ file, scheme, convention: fields.convention, limit, error }).toEqual({
        file: e.file,
        scheme: null,
        convention: "first-investment",
        limit: null,
        error: null,
      });
      // analyse without --limit-years gives limit null, as checked above for the portfolio row.
      const alonesFields: Record<string, unknown> = { ...e };
      delete alonesFields.file;
      delete alonesFields.limit;
      expect(fields).toEqual(alonesFields);
    }
    for (const u of UNREADABLE) {
      const rows = doc.cases.filter((c: { file: string }) => c.file === u.file);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ sheet: null, scheme: null });
      expect(rows[0].error).toContain(u.says);
    }
    expect(doc.cases).toHaveLength(expected.length + UNREADABLE.length);
    // The paper's answer for Sandwell, in both copies.
    const sandwell = read.filter((c: Sheet) => /sandwell/.test(c.file as string));
    expect(sandwell.map((c: Sheet) => c.breakEven)).toEqual(["2024-01", "2024-01"]);
    // Skipped files are notes on stderr, never cases.
    for (const s of SKIPPED) {
      expect(run.stderr).toContain(`Skipped ${s}`);
      expect(doc.cases.some((c: { file: string }) => c.file === s)).toBe(false);
    }
    expect(doc.summary).toEqual({
      cases: expected.length + UNREADABLE.length,
      paidBack: expected.filter((e) => e.breakEven !== null).length,
      late: 0,
      never: expected.filter((e) => e.breakEven === null).length,
      errors: UNREADABLE.length,
      mismatches: expected.filter((e) => e.reconciliation.mismatch.length > 0).length,
    });
  }, 120_000);

  test("rows come in file-then-sheet order, identical one at a time and on two workers", async () => {
    const one = await itos(dir, "portfolio", ".", "--json", "--jobs", "1");
    const two = await itos(dir, "portfolio", ".", "--json", "--jobs", "2");
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const files = JSON.parse(one.stdout).cases.map((c: { file: string }) => c.file);
    const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(files).toEqual(sorted);
    // Not a terminal: one plain progress line per workbook on stderr.
    const progress = two.stderr.split("\n").filter((l) => /^itos: read \d+\/\d+: /.test(l));
    expect(progress).toHaveLength(READABLE.length + UNREADABLE.length);
  }, 120_000);

  test("--limit-years: late and never against the limit, the margin is the limit minus the payback", async () => {
    const { run, doc } = await portfolioJson("--limit-years", "2");
    expect(run.code).toBe(0);
    const expected = READABLE.flatMap((r) =>
      alone.get(r.file)!.map((s) => ({ ...s, file: r.file }))
    );
    for (const e of expected) {
      const c = doc.cases.find((x: Sheet) => x.file === e.file && x.sheet === e.sheet);
      if (e.breakEven === null) {
        expect(c.limit).toEqual({ years: 2, verdict: "never", marginYears: null });
      } else {
        expect(c.limit.verdict).toBe((e.paybackYears as number) > 2 ? "exceeds" : "within");
        expect(c.limit.marginYears).toBeCloseTo(2 - (e.paybackYears as number), 3);
      }
    }
    // Sandwell pays back in 24.48 months: 2.04 years, over a 2-year limit.
    const sandwell = doc.cases.find((x: Sheet) => x.file === "adults/sandwell.xlsx");
    expect(sandwell.limit.verdict).toBe("exceeds");
    expect(doc.summary.late).toBe(
      expected.filter((e) => e.breakEven !== null && (e.paybackYears as number) > 2).length
    );
    expect(doc.summary.late).toBeGreaterThanOrEqual(2);
  }, 120_000);

  test("the text report: a summary line, then one line per case naming its workbook and sheet", async () => {
    const run = await itos(dir, "portfolio", "adults", "estates/annual.xlsx");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^Portfolio: 4 cases from 4 workbooks: 3 paid back, 0 late, 0 never, 1 not read; 2 with totals/
    );
    expect(lines[1]).toContain(
      "adults/2023/sandwell copy.xlsx [Appendix 1] (£): break-even 2024-01, payback 2.04 years (first-investment)"
    );
    expect(lines.find((l) => l.includes("adults/broken.xlsx"))).toMatch(/NOT READ: .*damaged/);
    expect(lines).toHaveLength(5);
  }, 60_000);

  test("refuses to replace an existing --out file; --force replaces it", async () => {
    const out = path.join(dir, "..", `${path.basename(dir)}-existing.xlsx`);
    await fs.writeFile(out, "keep me");
    try {
      const refused = await itos(dir, "portfolio", "children", "--out", out);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe("");
      expect(refused.stderr).toMatch(/already exists.*--force/);
      expect(await fs.readFile(out, "utf8")).toBe("keep me");
      const forced = await itos(dir, "portfolio", "children", "--out", out, "--force");
      expect(forced.code).toBe(0);
      expect((await fs.readFile(out)).subarray(0, 2).toString("latin1")).toBe("PK");
    } finally {
      await fs.rm(out, { force: true });
    }
  }, 60_000);

  test("exit 1 when no case could be read, 2 for a bad option, and nothing to read is said so", async () => {
    const none = await itos(
      dir,
      "portfolio",
      "adults/broken.xlsx",
      "children/locked.xlsx",
      "--json"
    );
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout).summary).toMatchObject({ cases: 2, errors: 2 });
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), "itos-empty-"));
    try {
      const nothing = await itos(dir, "portfolio", empty);
      expect(nothing.code).toBe(1);
      expect(nothing.stderr).toMatch(/^itos: No \.xlsx workbooks found in /);
    } finally {
      await fs.rm(empty, { recursive: true, force: true });
    }
    const bad = await itos(dir, "portfolio", ".", "--jobs", "0");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--jobs 0 is not a positive whole number");
  }, 60_000);
});

describe("Ctrl-C", () => {
  test("stops the workers, exits 130 and leaves no portfolio file, finished or not", async () => {
    const big = await fs.mkdtemp(path.join(os.tmpdir(), "itos-portfolio-big-"));
    const sandwell = await fs.readFile(path.join(dir, "adults", "sandwell.xlsx"));
    for (let i = 0; i < 60; i++) await fs.writeFile(path.join(big, `case-${i}.xlsx`), sandwell);
    const out = path.join(big, "portfolio.xlsx");
    try {
      const run = await new Promise<{ code: number | null; stderr: string; stdout: string }>(
        (resolve) => {
          const child = spawn(process.execPath, [
            BIN,
            "portfolio",
            big,
            "--out",
            out,
            "--jobs",
            "2",
          ]);
          let stderr = "";
          let stdout = "";
          let sent = false;
          child.stdout.on("data", (d) => (stdout += d));
          child.stderr.on("data", (d) => {
            stderr += d;
            if (!sent && /read 2\/60/.test(stderr)) {
              sent = true;
              child.kill("SIGINT");
            }
          });
          child.on("close", (code) => resolve({ code, stderr, stdout }));
        }
      );
      expect(run.code).toBe(130);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("stopped (Ctrl-C)");
      expect(run.stderr).toContain("nothing written");
      const left = await fs.readdir(big);
      expect(left.filter((f) => !/^case-\d+\.xlsx$/.test(f))).toEqual([]);
    } finally {
      await fs.rm(big, { recursive: true, force: true });
    }
  }, 120_000);
});
