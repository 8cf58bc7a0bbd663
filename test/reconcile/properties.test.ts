/**
 * Generated tables: consistent tables whose displayed values are rounded at random never raise a
 * mismatch; the same tables with one stated total moved beyond what rounding can explain name
 * exactly that cell (as the mismatch, or as the root cause of every mismatch).
 */
import fc from "fast-check";
import { a1, type SheetSnapshot } from "../../src/sheet";
import { reconcileSheet } from "../../src/grid/reconcile";
import { addressFrom } from "../../src/grid/reconcile/reconcileTerms";
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
      signConvention: fc.constantFrom<TableSpec["signConvention"]>(
        "investment-negative",
        "role-by-label"
      ),
      cells: fc.array(
        fc.oneof(
          { weight: 1, arbitrary: fc.constant(0) },
          { weight: 6, arbitrary: fc.integer({ min: -500_000_000, max: 500_000_000 }) }
        ),
        {
          minLength: MAX_LINES * MAX_MONTHS,
          maxLength: MAX_LINES * MAX_MONTHS,
        }
      ),
      roundedCells: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
      transposed: fc.boolean(),
      summary: fc.boolean(),
    })
    .map(({ cells, ...rest }) => ({
      ...rest,
      amounts: Array.from({ length: MAX_LINES }, (_, l) =>
        cells.slice(l * MAX_MONTHS, l * MAX_MONTHS + rest.months)
      ),
    }));
}

describe("generated consistent tables", () => {
  it("give zero mismatches whatever the rounding of their displayed values (3,000 tables)", () => {
    let checks = 0;
    let roundings = 0;
    fc.assert(
      fc.property(specArb(1), (spec) => {
        const { model, snapshot, summary } = buildTable(spec);
        const report = reconcileSheet(
          model,
          snapshot,
          summary ? { sheets: [snapshot, summary.snapshot] } : undefined
        );
        checks += report.checked;
        roundings += report.rounding;
        return report.mismatch.length === 0 && report.unverified.length === 0;
      }),
      { numRuns: 3000 }
    );
    // The tables really were checked, and rounding really was there to be tolerated.
    expect(checks).toBeGreaterThan(3000 * 10);
    expect(roundings).toBeGreaterThan(1000);
  });

  it("name exactly the altered total when one total is moved beyond the tolerance (1,500 tables)", () => {
    fc.assert(
      fc.property(
        specArb(13),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: 1, max: 100_000 }),
        (spec, pick, up, extra) => {
          const { model, snapshot, statedCells, summary } = buildTable(spec);
          fc.pre(statedCells.length > 0);
          // Every line carries amounts: an all-blank table proves nothing about what its totals add up.
          const used = spec.amounts.slice(0, spec.investmentLines + spec.returnLines);
          fc.pre(used.every((line) => line.filter((a) => Math.abs(a) >= 10_000).length >= 2));
          const candidates: { sheet: SheetSnapshot; row: number; col: number }[] = [
            ...statedCells.map(([row, col]) => ({ sheet: snapshot, row, col })),
            ...(summary
              ? summary.statedCells.map(([row, col]) => ({ sheet: summary.snapshot, row, col }))
              : []),
          ];
          const target = candidates[pick % candidates.length];
          // No check has more terms than months + lines + 3, each worth at most half a unit.
          const bound = 0.5 * (spec.months + MAX_LINES + 3);
          const delta = (2 * bound + extra) * (up ? 1 : -1);
          const original = target.sheet.values[target.row][target.col] as number;
          const altered = withCell(target.sheet, target.row, target.col, original + delta);
          const grid = target.sheet === snapshot ? altered : snapshot;
          const sheets = summary
            ? [grid, target.sheet === summary.snapshot ? altered : summary.snapshot]
            : [grid];
          const report = reconcileSheet(model, grid, { sheets });
          const where = { sheet: target.sheet.sheetName, row: target.row, col: target.col };
          const named =
            report.mismatch.length > 0 &&
            report.mismatch.every((f) => f.rootCause === addressFrom(where, f.sheet));
          if (!named) {
            throw new Error(
              `altered ${target.sheet.sheetName}!${a1(target.row, target.col)} by ${delta}; mismatches: ${JSON.stringify(report.mismatch.map((f) => [f.sheet, f.cell, f.rootCause]))}; unverified: ${JSON.stringify(report.unverified)}`
            );
          }
          return true;
        }
      ),
      { numRuns: 1500 }
    );
  });
});
