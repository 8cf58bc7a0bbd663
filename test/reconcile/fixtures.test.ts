/**
 * Hand-laid tables with known answers (written by scripts/make-reconcile-fixtures.ts), read and
 * detected as the add-in would read them.
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import { detectGrid } from "../../src/grid/read";
import { reconcileMarks } from "../../src/grid/plan";
import type { LineRole } from "../../src/grid";
import { reconcileSheet } from "../../src/grid/reconcile";

const fixture = (name: string) => path.join(__dirname, "..", "fixtures", name);

async function reconcileFile(name: string, roleOverrides?: Record<string, LineRole>) {
  const workbook = await readWorkbook(fixture(name));
  const sheet = workbook.sheets[0];
  const model = detectGrid(sheet, roleOverrides ? { roleOverrides } : {});
  return reconcileSheet(model, sheet, workbook);
}

describe("annual investment table with one wrong year total", () => {
  it("names the 2018/19 Total investment (D6) as the root cause, and only as a consequence elsewhere", async () => {
    const report = await reconcileFile("reconcile-annual-investment.xlsx");
    const d6 = report.mismatch.find((f) => f.cell === "D6")!;
    // Its lines: nil capital and (25,000) revenue; it states (35,000).
    expect(d6).toMatchObject({
      stated: -35000,
      expected: -25000,
      difference: -10000,
      parts: "D4:D5",
      rootCause: "D6",
    });
    expect(report.mismatch.length).toBeGreaterThan(1);
    for (const f of report.mismatch) expect(f.rootCause).toBe("D6");
    // The grand total G6 is right: it agrees with its lines G4:G5.
    const g6 = report.mismatch.filter((f) => f.cell === "G6");
    expect(g6.every((f) => f.parts === "B6:F6")).toBe(true);
    expect(report.unverified).toEqual([]);
  });

  it("marks D6 as the cause and its consequences apart", async () => {
    const report = await reconcileFile("reconcile-annual-investment.xlsx");
    const marks = reconcileMarks(report);
    const d6 = marks.find((m) => m.row === 5 && m.col === 3)!;
    expect(d6.note).toContain("This cell is the likely cause");
    expect(marks.filter((m) => m !== d6).every((m) => m.note.includes("Likely caused by D6"))).toBe(
      true
    );
  });
});

describe("savings-negative table, fully consistent", () => {
  it("gives zero findings", async () => {
    const report = await reconcileFile("reconcile-savings-negative.xlsx");
    expect(report.mismatch).toEqual([]);
    expect(report.roundingNotes).toEqual([]);
    expect(report.unverified).toEqual([]);
    expect(report.checked).toBeGreaterThan(15);
    expect(report.match).toBe(report.checked);
  });
});

describe("base-plus-pressure table", () => {
  const roles: Record<string, LineRole> = {
    "base budget": "investment",
    "pressure: demographic growth": "investment",
    "pressure: inflation": "investment",
    "total pressure": "total-investment",
  };

  it("gives zero mismatches: Total pressure adds up its pressures, Total estimated spend is unverified", async () => {
    const report = await reconcileFile("reconcile-base-pressure.xlsx", roles);
    expect(report.mismatch).toEqual([]);
    expect(report.unverified.map((u) => u.cell).sort()).toEqual(["B8", "C8", "D8", "E8"]);
    expect(report.unverified[0].reason).toContain("could not be identified");
    // Total pressure (row 7) is checked, and agrees, once read as the pressures above it.
    expect(report.match).toBe(report.checked);
    expect(report.checked).toBeGreaterThanOrEqual(4);
  });
});
