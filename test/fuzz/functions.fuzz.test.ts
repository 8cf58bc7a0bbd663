/**
 * Fuzzing the =ITOS.* functions with the ranges Excel can pass: they must never throw (a throw
 * shows a bare #VALUE! with no explanation) and every error value must carry a message.
 */
import fc from "fast-check";
import {
  breakEven,
  cumulative,
  discountedPayback,
  netPresentValue,
  payback,
  reconcile,
  yearSummary,
  type CellValue as FunctionCell,
} from "../../src/functions/itosFunctions";

/** What Excel passes for a cell to a custom function: numbers, text ("" for blank), booleans. */
const functionCell: fc.Arbitrary<FunctionCell> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -50000, max: 50000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "(1,234)",
      "£1.2k",
      "1e5",
      "--",
      "-",
      "n/a",
      "tbc",
      "Apr-22",
      "2022/23",
      "#N/A"
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) }
);
const range = fc.array(fc.array(functionCell, { minLength: 1, maxLength: 8 }), {
  minLength: 1,
  maxLength: 4,
});
const dates = fc.oneof(
  range,
  fc.integer({ min: 1, max: 60 }).map((n) => [Array.from({ length: n }, (_, i) => 44562 + i * 31)])
);
const optional = fc.oneof(fc.constant(null), functionCell);

function isErrorValue(v: unknown): v is { code: string; message?: string } {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v;
}

/** A result is a value, or an error value with a message. */
function wellFormed(result: unknown): boolean {
  if (isErrorValue(result))
    return typeof result.message === "string" && result.message.trim() !== "";
  return true;
}

let cases = 0;
afterAll(() => console.log(`function fuzz cases: ${cases}`));

it("the =ITOS.* functions never throw on any range and explain every error", () => {
  fc.assert(
    fc.property(range, dates, optional, optional, (flows, when, a, b) => {
      cases += 7;
      const results = [
        payback(flows, when, a),
        breakEven(flows, when),
        cumulative(flows),
        yearSummary(flows, when, a),
        netPresentValue(flows, a, b),
        discountedPayback(flows, a, b),
        reconcile(flows, a),
      ];
      results.forEach((r, i) => {
        if (!wellFormed(r))
          throw new Error(
            `function #${i} returned an error without a message: ${JSON.stringify(r)}`
          );
      });
    }),
    { numRuns: 1000 }
  );
  expect(cases).toBe(7000);
});
