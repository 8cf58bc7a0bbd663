/**
 * The benchmarks compare like with like: the spreadsheet-formula version of the payback gives the
 * same answer as =ITOS.PAYBACK on the same flows, and the generated large sheet is a grid the
 * reader understands. Nothing here is timed.
 */
import { payback } from "../../src/functions/itosFunctions";
import { detectGrid } from "../../src/grid/read";
import { largeSheet, netFlows } from "../../scripts/bench-data";
import { hyperFormulaPayback } from "../../scripts/bench-tasks";

describe("benchmark inputs", () => {
  it("HyperFormula's formula version of the payback agrees with =ITOS.PAYBACK on the benchmark's 600 flows", () => {
    const flows = netFlows(600);
    const ours = payback([flows]);
    expect(typeof ours).toBe("number");
    expect(hyperFormulaPayback(flows) as number).toBeCloseTo(ours as number, 6);
  });

  it("HyperFormula's formula version agrees on Sandwell-like flows that break even part-way through a month", () => {
    const flows = [0, 0, 0, -11667, -11667, -11667, -9569, -9569, 4473, 20893, 20893, 20893];
    const ours = payback([flows]);
    expect(typeof ours).toBe("number");
    expect(hyperFormulaPayback(flows) as number).toBeCloseTo(ours as number, 6);
  });

  it("the large reconciliation sheet reads as one grid of months with its FY and grand total columns", () => {
    const sheet = largeSheet(60, 60);
    const model = detectGrid(sheet);
    const months = sheet.values[0].filter((v) => typeof v === "number").length;
    expect(model.periods).toHaveLength(months);
    expect(model.blocks[0].totals.filter((t) => t.kind === "fy").length).toBeGreaterThan(0);
    expect(model.blocks[0].totals.some((t) => t.kind === "grand")).toBe(true);
    expect(model.lines.filter((l) => l.role === "investment").length).toBeGreaterThan(0);
    expect(model.lines.some((l) => l.role === "total-return")).toBe(true);
  });
});
