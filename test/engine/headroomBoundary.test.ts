/**
 * Headroom is a boundary: the cut and the delay it reports pass, and one step further fails, as
 * whatIf judges them on the case's own lines. Checked on random cases of several investment and
 * return lines, since headroom searches on the lines' totals and whatIf does not.
 */
import fc from "fast-check";
import { money, monthPeriod, yearNumberPeriod, type FlowLine, type Period } from "../../src/engine";
import { headroom, whatIf, type WhatIfInputs } from "../../src/engine/scenario";
import type { PaybackInput } from "../../src/engine/payback";

const monthly = (n: number): Period[] =>
  Array.from({ length: n }, (_, i) => monthPeriod(2024 + Math.floor(i / 12), (i % 12) + 1));
const yearly = (n: number): Period[] =>
  Array.from({ length: n }, (_, i) => yearNumberPeriod(i + 1));

// Pence, or (digits) amounts too long to add exactly once cut: headroom must then search the lines.
const pence = (max: number) => fc.integer({ min: 0, max }).map((p) => money(p).dividedBy(100));
const longAmount = fc
  .bigInt({ min: 10n ** 33n, max: 10n ** 34n })
  .map((b) => money(b.toString()).dividedBy(1000));

const caseArb = fc
  .record({
    n: fc.integer({ min: 2, max: 48 }),
    yearlyPeriods: fc.boolean(),
    investmentLines: fc.integer({ min: 1, max: 3 }),
    returnLines: fc.integer({ min: 1, max: 4 }),
    long: fc.boolean(),
  })
  .chain(({ n, yearlyPeriods, investmentLines, returnLines, long }) => {
    const amounts = (arb: fc.Arbitrary<ReturnType<typeof money>>) =>
      fc.array(arb, { minLength: n, maxLength: n });
    // Investment mostly early; returns never negative, so a deeper cut never helps (see headroom).
    const investment = amounts(pence(2_000_000)).map((a) =>
      a.map((x, i) => (i < Math.ceil(n / 4) ? x.negated() : money(0)))
    );
    const returns = amounts(fc.oneof(pence(900_000), long ? longAmount : pence(900_000)));
    return fc.record({
      periods: fc.constant(yearlyPeriods ? yearly(n) : monthly(n)),
      investment: fc.array(investment, {
        minLength: investmentLines,
        maxLength: investmentLines,
      }),
      returns: fc.array(returns, { minLength: returnLines, maxLength: returnLines }),
      limitYears: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    });
  })
  .map(({ periods, investment, returns, limitYears }) => {
    const lines: FlowLine[] = [
      ...investment.map((amounts, i) => ({
        label: `Investment ${i + 1}`,
        role: "investment" as const,
        amounts,
      })),
      ...returns.map((amounts, i) => ({
        label: `Saving ${i + 1}`,
        role: "return" as const,
        amounts,
      })),
    ];
    return { input: { periods, lines } as PaybackInput, limitYears };
  });

/** Whether the changed case still passes, as the what-if reports it from every line. */
function passes(input: PaybackInput, changes: WhatIfInputs, limitYears: number | null): boolean {
  const r = whatIf(input, changes);
  if (limitYears === null) return r.breakEven.status !== "not-reached";
  return r.paybackYears !== null && r.paybackYears.lessThanOrEqualTo(limitYears);
}

const cut = (thousandths: number): WhatIfInputs => ({
  returnsChange: money(-thousandths).dividedBy(1000),
});

describe("headroom on cases of several lines", () => {
  test("the cut and delay found pass, and one step further fails", () => {
    fc.assert(
      fc.property(caseArb, ({ input, limitYears }) => {
        const h = headroom(input, { limitYears });
        if (h.returnsCut === null) {
          expect(passes(input, {}, limitYears)).toBe(false);
          return;
        }
        const k = h.returnsCut.times(1000).toNumber();
        expect(Number.isInteger(k)).toBe(true);
        expect(passes(input, cut(k), limitYears)).toBe(true);
        if (k < 1000) expect(passes(input, cut(k + 1), limitYears)).toBe(false);
        const d = h.delayPeriods!;
        for (let i = 1; i <= d; i++)
          expect(passes(input, { delayPeriods: i }, limitYears)).toBe(true);
        if (d < input.periods.length)
          expect(passes(input, { delayPeriods: d + 1 }, limitYears)).toBe(false);
      }),
      { numRuns: 300 }
    );
  });
});
