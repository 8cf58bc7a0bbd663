/**
 * The sensitivity table in the engine: payback in years for each cut and delay of the returns,
 * on a monthly case worked out by hand, the default cuts and delays a cabinet paper shows, the
 * base case's convention kept in every cell, and "pays back at once" as zero.
 */
import { money } from "../../src/engine/money";
import { monthPeriod } from "../../src/engine/periods";
import { yearNumberPeriod } from "../../src/engine/periodHeadings";
import {
  SENSITIVITY_CUTS,
  SENSITIVITY_DELAYS,
  sensitivityTable,
} from "../../src/engine/sensitivity";
import type { FlowLine } from "../../src/engine/types";

const line = (label: string, role: FlowLine["role"], amounts: number[]): FlowLine => ({
  label,
  role,
  amounts: amounts.map((a) => money(a)),
});
/** 25 months from Apr-22: 1,200 invested in Apr-22, then 100 saved every month to Apr-24. */
const periods = Array.from({ length: 25 }, (_, i) =>
  monthPeriod(2022 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1)
);
const monthly = {
  periods,
  lines: [
    line("Investment", "investment", [-1200, ...new Array(24).fill(0)]),
    line("Saving", "return", [0, ...new Array(24).fill(100)]),
  ],
};

/** Years to 10 places, or "never": what a cell of the table shows a reader. */
const shown = (years: { toDecimalPlaces(n: number): { toString(): string } } | null) =>
  years === null ? "never" : years.toDecimalPlaces(10).toString();

describe("sensitivityTable", () => {
  test("the default table: cuts of 0, 10, 20, 30 and 50%, delays of 0, 3, 6 and 12 periods", () => {
    expect(SENSITIVITY_CUTS).toEqual([0, 0.1, 0.2, 0.3, 0.5]);
    expect(SENSITIVITY_DELAYS).toEqual([0, 3, 6, 12]);
    const t = sensitivityTable(monthly);
    expect(t.cuts).toEqual([0, 0.1, 0.2, 0.3, 0.5]);
    expect(t.delays).toEqual([0, 3, 6, 12]);
  });

  test("every cell worked by hand: 1 + delay + 1,200 / (100 x (1 - cut)) months, if it fits", () => {
    // Returns of 100 (1 - c) come in months 1 + d .. 24 (24 - d months of them); the payback from
    // the start of Apr-22 is 1 + d + 12 / (1 - c) months when 12 / (1 - c) <= 24 - d, else never.
    //   cut 0:   12 months of returns:  13, 16, 19, 25 months (d = 12 just fits: 12 <= 12)
    //   cut 10%: 13 1/3:                14 1/3, 17 1/3, 20 1/3, never (13 1/3 > 12)
    //   cut 20%: 15:                    16, 19, 22, never
    //   cut 30%: 17 1/7:                18 1/7, 21 1/7, 24 1/7 (17 1/7 <= 18), never
    //   cut 50%: 24:                    25 (24 <= 24), never, never, never
    // In years, months / 12, to 10 places.
    const t = sensitivityTable(monthly);
    expect(t.paybackYears.map((row) => row.map(shown))).toEqual([
      ["1.0833333333", "1.3333333333", "1.5833333333", "2.0833333333"], // 13/12 16/12 19/12 25/12
      ["1.1944444444", "1.4444444444", "1.6944444444", "never"], // 14.333/12 17.333/12 20.333/12
      ["1.3333333333", "1.5833333333", "1.8333333333", "never"], // 16/12 19/12 22/12
      ["1.5119047619", "1.7619047619", "2.0119047619", "never"], // 18.142857/12 21.142857/12 24.142857/12
      ["2.0833333333", "never", "never", "never"], // 25/12
    ]);
  });

  test("cuts and delays of the caller's own: one row per cut, one column per delay", () => {
    // A cut of 25%: 75 a month, 16 months of returns; delay 1: payback 1 + 1 + 16 = 18 months
    // (1.5 years); delay 8: 16 months needed, 16 left (months 9..24): 25 months.
    const t = sensitivityTable(monthly, {}, [0.25], [1, 8]);
    expect(t.cuts).toEqual([0.25]);
    expect(t.delays).toEqual([1, 8]);
    expect(t.paybackYears.map((row) => row.map(shown))).toEqual([["1.5", "2.0833333333"]]);
  });

  test("the base case's convention is kept in every cell", () => {
    // The simple convention counts from the first return (May-22): 12 months of 100 recover 1,200
    // in 12 months; delayed 3, the first return moves to Aug-22 and the count with it: still 12.
    // Cut 20%: 15 months. In years: 1, 1 and 1.25.
    const t = sensitivityTable(monthly, { convention: "simple" }, [0, 0.2], [0, 3]);
    expect(t.paybackYears.map((row) => row.map(shown))).toEqual([
      ["1", "1"],
      ["1.25", "1.25"],
    ]);
    // A Year 0 table keeps time-zero: -100 at Year 0, 50 a year: 2 years from the end of Year 0;
    // delayed a year, 50 in Years 2 to 4: 3 years.
    const yearly = {
      periods: [0, 1, 2, 3, 4].map((n) => yearNumberPeriod(n)),
      lines: [
        line("Capital", "investment", [-100, 0, 0, 0, 0]),
        line("Saving", "return", [0, 50, 50, 50, 50]),
      ],
    };
    const y = sensitivityTable(yearly, {}, [0], [0, 1]);
    expect(y.paybackYears.map((row) => row.map(shown))).toEqual([["2", "3"]]);
  });

  test("a case that never goes below zero shows a payback of zero, not never", () => {
    // Savings only, no outlay: the cumulative position is never negative, in every cell.
    const savingsOnly = {
      periods: periods.slice(0, 3),
      lines: [line("Saving", "return", [10, 10, 10])],
    };
    const t = sensitivityTable(savingsOnly, {}, [0, 0.5], [0, 1]);
    expect(t.paybackYears.map((row) => row.map(shown))).toEqual([
      ["0", "0"],
      ["0", "0"],
    ]);
    // Even where the headline convention has no figure of its own (time-zero on a table with no
    // Year 0), a case that never goes below zero has paid back at once.
    const timeZero = sensitivityTable(savingsOnly, { convention: "time-zero" }, [0], [0, 1]);
    expect(timeZero.paybackYears.map((row) => row.map(shown))).toEqual([["0", "0"]]);
  });
});
