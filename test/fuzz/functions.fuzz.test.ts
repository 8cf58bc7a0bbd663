/**
 * Fuzzing the =ITOS.* functions with the ranges Excel can pass: they must never throw (a throw
 * shows a bare #VALUE! with no explanation) and every error value must carry a message; and on
 * whole-pound flows their answers must match an independent oracle (HyperFormula).
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
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

// ---------------------------------------------------------------------------------------------
// Answers checked against an independent oracle: the same definitions written as spreadsheet
// formulas and computed by HyperFormula, on one row of whole-pound flows.

/** Flows of one line across 2..24 months, with money going out at least once. */
const flowRow = fc
  .array(fc.integer({ min: -50000, max: 50000 }), { minLength: 2, maxLength: 24 })
  .filter((xs) => xs.some((x) => x < 0));

/** Column letter of a 0-based index (the oracle sheet is at most 24 wide). */
const col = (i: number) => String.fromCharCode(65 + i);

/**
 * The oracle sheet: row 1 the flows; row 2 the cumulative position; row 3 "has been negative";
 * row 4 break-even flags; row 5 money-out flags; row 6 discounted flows at 3.5% a year, monthly.
 * Cells after the rows: break-even period, first investment, payback months, NPV.
 */
function oracle(flows: number[]) {
  const n = flows.length;
  const last = col(n - 1);
  const row = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
  const sheet = [
    flows,
    row((i) => (i === 0 ? "=A1" : `=${col(i - 1)}2+${col(i)}1`)),
    row((i) => (i === 0 ? "=IF(A2<0,1,0)" : `=IF(OR(${col(i - 1)}3=1,${col(i)}2<0),1,0)`)),
    row((i) => (i === 0 ? "=0" : `=IF(AND(${col(i - 1)}3=1,${col(i)}2>=0),1,0)`)),
    row((i) => `=IF(${col(i)}1<0,1,0)`),
    row((i) => `=${col(i)}1/(1.035^(${i}/12))`),
    [
      `=IFERROR(MATCH(1,A4:${last}4,0),0)`,
      `=MATCH(1,A5:${last}5,0)`,
      // Never below zero: paid back at once (0 months); below and never back: no payback.
      `=IF(${last}3=0,0,IF(A7=0,"none",A7-B7+(-INDEX(A2:${last}2,1,A7-1)/INDEX(A1:${last}1,1,A7))))`,
      `=SUM(A6:${last}6)`,
    ],
  ];
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: "gpl-v3" });
  const at = (r: number, c: number) => hf.getCellValue({ sheet: 0, row: r, col: c });
  const answer = {
    cumulative: flows.map((_, i) => at(1, i) as number),
    payback: at(6, 2) as number | string,
    npv: at(6, 3) as number,
  };
  hf.destroy();
  return answer;
}

let answered = 0;
afterAll(() => console.log(`function answers checked against HyperFormula: ${answered}`));

it("CUMULATIVE, PAYBACK and NPV give the answers the same definitions give in HyperFormula", () => {
  fc.assert(
    fc.property(flowRow, (flows) => {
      const expected = oracle(flows);
      expect(cumulative([flows])).toEqual([expected.cumulative]);
      const months = payback([flows]);
      if (expected.payback === "none") expect(isErrorValue(months)).toBe(true);
      else {
        expect(typeof months).toBe("number");
        expect(months as number).toBeCloseTo(expected.payback as number, 4);
      }
      const value = netPresentValue([flows]);
      expect(typeof value).toBe("number");
      expect(value as number).toBeCloseTo(expected.npv, 4);
      answered += 1;
    }),
    { numRuns: 300 }
  );
  expect(answered).toBe(300);
});

it("RECONCILE answers 0 for a total that adds up and the difference for one that does not", () => {
  const tolerance = (parts: number[]) => 0.5 * (parts.length + 1);
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -50000, max: 50000 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 0, max: 100000 }),
      fc.boolean(),
      (parts, off, adds) => {
        const hf = HyperFormula.buildFromArray([parts.map(String).map(Number), ["=SUM(A1:L1)"]], {
          licenseKey: "gpl-v3",
        });
        const total = hf.getCellValue({ sheet: 0, row: 1, col: 0 }) as number;
        hf.destroy();
        // Away from the rounding margin: either exact, or off by clearly more than it.
        const delta = adds ? 0 : Math.ceil(tolerance(parts)) + 1 + off;
        expect(reconcile([parts], total + delta)).toBe(delta);
      }
    ),
    { numRuns: 300 }
  );
});
