/**
 * Several schemes in every surface of the command: `analyse` and `reconcile` give one section per
 * scheme, `portfolio` one row per scheme, and a sheet of schemes with no timeline is reported as
 * its table of schemes (cost, annual saving, stated payback) instead of refused. The oracle is the
 * hand-worked answers of test/support/realLayouts.ts. Run in-process (src/cli/main.ts).
 */
import * as path from "path";
import { run } from "../../src/cli/main";
import { casesOfWorkbook } from "../../src/cli/portfolio/readCases";
import { isReadCase } from "../../src/cli/portfolio/cases";
import { REAL_CASES } from "../support/realLayouts";

const DIR = path.join(__dirname, "..", "fixtures", "real-layouts");

async function itos(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const stacked = REAL_CASES.filter((c) => c.file === "two-alternatives-stacked.xlsx");
const STACKED = path.join(DIR, "two-alternatives-stacked.xlsx");

describe("a sheet of two alternatives (two-alternatives-stacked / Solution)", () => {
  test("reconcile gives one section per scheme, each with its own totals and stated payback", async () => {
    const { code, stdout } = await itos("reconcile", STACKED);
    expect(code).toBe(0);
    const sections = stdout.split(/\n\n/);
    expect(sections[0]).toBe("Solution: 2 schemes, each reconciled on its own.");
    expect(sections.slice(1).map((s) => s.split("\n")[0])).toEqual(
      stacked.map((c) => `Scheme ${c.scheme}:`)
    );
    stacked.forEach((c, k) => {
      for (const s of c.statedPaybacks)
        expect(sections[k + 1]).toContain(`Stated payback Solution!${s.cell} '${s.text}': matches`);
      expect(sections[k + 1]).toMatch(/0 mismatch/);
    });
  });

  test("analyse gives one section per scheme with its own break-even and payback", async () => {
    const { stdout } = await itos("analyse", STACKED);
    const sections = stdout.split(/\n(?=Scheme )/).slice(1);
    expect(sections).toHaveLength(stacked.length);
    stacked.forEach((c, k) => {
      expect(sections[k]).toContain(`Scheme ${c.scheme}:`);
      expect(sections[k]).toContain(`Break-even: ${c.breakEven} `);
      expect(sections[k]).toContain(`(${c.payback["time-zero"]!.toFixed(2)} years)`);
    });
  });

  test("portfolio gives one row per scheme, each with its own figures", async () => {
    const cases = await casesOfWorkbook({ path: STACKED, file: "stacked.xlsx", options: {} });
    expect(cases.map((c) => [c.sheet, c.scheme])).toEqual(stacked.map((c) => [c.sheet, c.scheme]));
    cases.forEach((row, k) => {
      const c = stacked[k];
      if (!isReadCase(row)) throw new Error(String(row.error));
      expect(row.breakEven).toBe(c.breakEven);
      expect(row.paybackByConvention["time-zero"]).toBeCloseTo(c.payback["time-zero"]!, 4);
      expect(row.totals.net).toBe(c.totals!.net);
    });
  });
});

describe("a sheet of schemes with no timeline (council-led-schemes-summary / LED schemes)", () => {
  const c = REAL_CASES.find((x) => x.file === "council-led-schemes-summary.xlsx")!;
  const FILE = path.join(DIR, c.file);

  test.each(["analyse", "reconcile"])(
    "%s reports the table of schemes: cost, annual saving, cost ÷ saving, the stated payback",
    async (command) => {
      const { code, stdout, stderr } = await itos(command, FILE);
      expect([code, stderr]).toEqual([0, ""]);
      expect(stdout).toContain(`${c.sheet}: a table of ${c.schemeSummary!.length} schemes`);
      for (const r of c.schemeSummary!) {
        const line = stdout.split("\n").find((l) => l.startsWith(`  ${r.labelCell} `))!;
        expect(line).toBeDefined();
        expect(line).toContain(r.cost.toLocaleString("en-GB"));
        expect(line).toContain(r.annualSaving!.toLocaleString("en-GB"));
        expect(line).toContain(`${r.computedYears!.toFixed(2)} years`);
        expect(line).toContain(r.stated ? `${r.stated.cell} '${r.stated.text}': follows` : "none");
      }
      expect(stdout).toContain("Stated totals: 1 checked: 1 match");
    }
  );

  test("--json lists it under schemeSummaries, each payback checked", async () => {
    const { code, stdout } = await itos("analyse", FILE, "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.sheets).toEqual([]);
    const [summary] = doc.schemeSummaries;
    expect(summary.rows.map((r: { label: string }) => r.label)).toEqual(
      c.schemeSummary!.map((r) => r.label)
    );
    summary.rows.forEach((r: { computedYears: number; matches: boolean | null }, k: number) => {
      expect(r.computedYears).toBeCloseTo(c.schemeSummary![k].computedYears!, 4);
      expect(r.matches).toBe(c.schemeSummary![k].stated ? true : null);
    });
  });

  test("a hot water lagging payback that does not follow is a mismatch in the text", async () => {
    const { stdout } = await itos("analyse", path.join(DIR, "insulation-measures-summary.xlsx"));
    const lagging = stdout.split("\n").find((l) => /lagging/i.test(l) && l.includes("1.5"))!;
    expect(lagging).toMatch(/MISMATCH/);
  });

  test("a workbook with neither a grid nor a table of schemes is still refused", async () => {
    const { code, stderr } = await itos(
      "analyse",
      path.join(__dirname, "..", "fixtures", "layout-no-grid.xlsx")
    );
    expect(code).toBe(1);
    expect(stderr).toContain("No payback grid found");
  });
});
