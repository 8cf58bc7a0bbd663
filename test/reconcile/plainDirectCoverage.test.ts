/**
 * The direct test of a plain-sum total (its references read into one reused array) against
 * Coverage's, which reads the parsed references one object at a time: the oracle. Generated
 * formulas over a small corner of the sheet, so that cells and rectangles fall in, out and across.
 */
import fc from "fast-check";
import { FormulaCache } from "../../src/grid/reconcile/formulaCache";
import { Coverage, PlainDirectCoverage } from "../../src/grid/reconcile/formulaCoverage";
import type { FormulaWorkbook } from "../../src/grid/reconcile/formulaTerms";
import { columnLetters, signedSum } from "../../src/sheet";

const wb: FormulaWorkbook = {
  formulaAt: () => null,
  valueAt: () => null,
  bounds: () => ({ top: 0, left: 0, bottom: 12, right: 7 }),
};

const dollar = fc.constantFrom("", "$");
const cellArb = fc
  .tuple(dollar, fc.integer({ min: 0, max: 6 }), dollar, fc.integer({ min: 1, max: 12 }))
  .map(([a, c, b, r]) => `${a}${columnLetters(c)}${b}${r}`);
const refArb = fc.oneof(
  { weight: 3, arbitrary: cellArb },
  { weight: 4, arbitrary: fc.tuple(cellArb, cellArb).map(([a, b]) => `${a}:${b}`) },
  { weight: 1, arbitrary: fc.constantFrom("B:C", "$D:B", "3:5", "$9:$7") }
);
const formulaArb = fc
  .array(fc.tuple(fc.constantFrom("+", "-"), refArb), { minLength: 1, maxLength: 4 })
  .chain((terms) =>
    fc.constantFrom(
      `=${terms.map(([op, r], i) => (i === 0 ? r : op + r)).join("")}`,
      `=SUM(${terms.map(([, r]) => r).join(",")})`
    )
  );
const sheetArb = fc.constantFrom("Case", "case", "Summary");
const rangeArb = fc
  .tuple(
    sheetArb,
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 7 }),
    fc.integer({ min: 0, max: 7 })
  )
  .map(([sheet, r1, r2, c1, c2]) => ({
    sheet,
    top: Math.min(r1, r2),
    bottom: Math.max(r1, r2),
    left: Math.min(c1, c2),
    right: Math.max(c1, c2),
  }));

describe("PlainDirectCoverage", () => {
  it("tells a cell and a rectangle as Coverage's direct tests do", () => {
    const direct = new PlainDirectCoverage();
    const cache = new FormulaCache(wb);
    const total = { sheet: "Case", row: 12, col: 7 };
    fc.assert(
      fc.property(formulaArb, fc.array(rangeArb, { minLength: 1, maxLength: 8 }), (f, ranges) => {
        expect(direct.read(total, f)).toBe(true);
        const coverage = new Coverage(cache, total, signedSum(f)!);
        for (const r of ranges) {
          expect(direct.within(r)).toBe(coverage.directlyWithin(r));
          expect(direct.at(r.sheet, r.top, r.left)).toBe(
            coverage.directlyAt(r.sheet, r.top, r.left)
          );
          expect(direct.at(r.sheet, r.bottom, r.right)).toBe(
            coverage.directlyAt(r.sheet, r.bottom, r.right)
          );
        }
      }),
      { numRuns: 1000 }
    );
  });

  it("passes by hand: =SUM(B2:D2) holds C2 and B2:D2 but neither A2 nor B2:E2", () => {
    const direct = new PlainDirectCoverage();
    expect(direct.read({ sheet: "Case", row: 1, col: 5 }, "=SUM(B2:D2)")).toBe(true);
    // B2:D2 is row 1, columns 1 to 3 (0-based).
    expect(direct.at("Case", 1, 2)).toBe(true);
    expect(direct.at("CASE", 1, 2)).toBe(true);
    expect(direct.at("Summary", 1, 2)).toBe(false);
    expect(direct.at("Case", 1, 0)).toBe(false);
    expect(direct.within({ sheet: "Case", top: 1, bottom: 1, left: 1, right: 3 })).toBe(true);
    expect(direct.within({ sheet: "Case", top: 1, bottom: 1, left: 1, right: 4 })).toBe(false);
    expect(direct.within({ sheet: "Case", top: 0, bottom: 1, left: 1, right: 3 })).toBe(false);
    expect(direct.read({ sheet: "Case", row: 1, col: 5 }, "=Case!B2")).toBe(false);
  });
});
