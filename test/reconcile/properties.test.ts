/**
 * Generated tables: consistent tables whose displayed values are rounded at random never raise a
 * mismatch; the same tables with one stated total moved beyond what rounding can explain name
 * exactly that cell (as the mismatch, or as the root cause of every mismatch).
 */
import fc from "fast-check";
import { a1 } from "../../src/grid/address";
import { reconcileSheet } from "../../src/grid/reconcileGrid";
import { buildTable, withCell, type TableSpec } from "./tables";

const MAX_LINES = 7;
const MAX_MONTHS = 30;

function specArb(minMonths: number): fc.Arbitrary<TableSpec> {
  return fc
    .record({
      investmentLines: fc.integer({ min: 1, max: 3 }),
      returnLines: fc.integer({ min: 1, max: 4 }),
      months: fc.integer({ min: minMonths, max: MAX_MONTHS }),
      startMonth: fc.integer({ min: 1, max: 12 }),
      startYear: fc.integer({ min: 2016, max: 2030 }),
      stacked: fc.boolean(),
      fyColumns: fc.boolean(),
      grandColumn: fc.boolean(),
      totalLines: fc.boolean(),
      netLine: fc.boolean(),
      cumulativeLine: fc.boolean(),
      display: fc.constantFrom<TableSpec["display"]>(0, 1, 2, "general"),
      signConvention: fc.constantFrom<TableSpec["signConvention"]>("investment-negative", "role-by-label"),
      cells: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: -500_000_000, max: 500_000_000 }) }), {
        minLength: MAX_LINES * MAX_MONTHS,
        maxLength: MAX_LINES * MAX_MONTHS,
      }),
      roundedCells: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
    })
    .map(({ cells, ...rest }) => ({
      ...rest,
      amounts: Array.from({ length: MAX_LINES }, (_, l) => cells.slice(l * MAX_MONTHS, l * MAX_MONTHS + rest.months)),
    }));
}

describe("generated consistent tables", () => {
  it("give zero mismatches whatever the rounding of their displayed values (3,000 tables)", () => {
    let checks = 0;
    let roundings = 0;
    fc.assert(
      fc.property(specArb(1), (spec) => {
        const { model, snapshot } = buildTable(spec);
        const report = reconcileSheet(model, snapshot);
        checks += report.checked;
        roundings += report.rounding;
        return report.mismatch.length === 0 && report.unverified.length === 0;
      }),
      { numRuns: 3000 },
    );
    // The tables really were checked, and rounding really was there to be tolerated.
    expect(checks).toBeGreaterThan(3000 * 10);
    expect(roundings).toBeGreaterThan(1000);
  });

  it("name exactly the altered total when one total is moved beyond the tolerance (1,500 tables)", () => {
    fc.assert(
      fc.property(specArb(13), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 100_000 }), (spec, pick, up, extra) => {
        const { model, snapshot, statedCells } = buildTable(spec);
        fc.pre(statedCells.length > 0);
        // Every line carries amounts: an all-blank table proves nothing about what its totals add up.
        const used = spec.amounts.slice(0, spec.investmentLines + spec.returnLines);
        fc.pre(used.every((line) => line.filter((a) => Math.abs(a) >= 10_000).length >= 2));
        const [row, col] = statedCells[pick % statedCells.length];
        // No check has more terms than months + lines + 3, each worth at most half a unit.
        const bound = 0.5 * (spec.months + MAX_LINES + 3);
        const delta = (2 * bound + extra) * (up ? 1 : -1);
        const original = snapshot.values[row][col] as number;
        const altered = withCell(snapshot, row, col, original + delta);
        const report = reconcileSheet(model, altered);
        const cell = a1(row, col);
        const named = report.mismatch.length > 0 && report.mismatch.every((f) => f.rootCause === cell);
        if (!named) {
          throw new Error(`altered ${cell} by ${delta}; mismatches: ${JSON.stringify(report.mismatch.map((f) => [f.cell, f.rootCause]))}; unverified: ${JSON.stringify(report.unverified)}`);
        }
        return report.mismatch.some((f) => f.cell === cell) || report.mismatch.every((f) => f.rootCause === cell);
      }),
      { numRuns: 1500 },
    );
  });
});
