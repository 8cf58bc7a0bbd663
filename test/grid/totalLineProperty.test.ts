/**
 * Property (issue 10): a line labelled "Total …" whose parts are not on the sheet is money, not a
 * subtotal. Added under its own heading to any readable case, it changes the net of every period
 * by exactly its amount: down for a cost, up for a saving or income. Generated with fast-check
 * (fixed seed, so a failure is reproducible): the years, the case's own lines and amounts, the
 * words of the total's label and heading, and its amounts, none of them the sum of other lines.
 */
import fc from "fast-check";
import { analyseSheet } from "../../src/grid";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

const YEARS = ["2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30"];

/** Label and heading words, and which way the line moves the net (-1 money out, +1 money in). */
const TOTALS: { heading: string; label: string; sign: -1 | 1 }[] = [
  { heading: "Revenue costs:", label: "Total revenue costs", sign: -1 },
  { heading: "Ongoing costs", label: "Total running costs", sign: -1 },
  { heading: "Staffing:", label: "Total staffing costs", sign: -1 },
  { heading: "Income", label: "Total additional income", sign: 1 },
  { heading: "Cashable benefits", label: "Total cashable savings", sign: 1 },
];

const amounts = (n: number) =>
  fc.array(fc.integer({ min: 1, max: 900000 }), { minLength: n, maxLength: n });

const caseArb = fc.integer({ min: 2, max: YEARS.length }).chain((n) =>
  fc.record({
    years: fc.constant(YEARS.slice(0, n)),
    investment: amounts(n),
    savings: amounts(n),
    total: fc.constantFrom(...TOTALS),
    totalAmounts: amounts(n),
  })
);

function caseSheet(c: { years: string[]; investment: number[]; savings: number[] }): CellValue[][] {
  return [
    [null, ...c.years],
    ["Invest to save funding", ...c.investment],
    ["Savings from the new service", ...c.savings],
  ];
}

test("a Total line with no parts above it changes the net by exactly its amount", () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      // Not the sum of other lines: no amount equals a case line's, nor their sum.
      fc.pre(
        c.totalAmounts.every(
          (a, i) =>
            a !== c.investment[i] && a !== c.savings[i] && a !== c.investment[i] + c.savings[i]
        )
      );
      const base = caseSheet(c);
      const grown = [...base, [], [c.total.heading], [c.total.label, ...c.totalAmounts]];
      const sheet = (values: CellValue[][]): SheetSnapshot => ({
        sheetName: "Case",
        top: 0,
        left: 0,
        values,
      });
      const before = analyseSheet(sheet(base)).result.net;
      const after = analyseSheet(sheet(grown)).result.net;
      after.forEach((n, i) =>
        expect(n.minus(before[i]).toNumber()).toBe(c.total.sign * c.totalAmounts[i])
      );
    }),
    { seed: 20241, numRuns: 60 }
  );
});
