/**
 * The limit verdict against hand-worked cases. The flows are simple enough to do on paper:
 * 1,200 invested in April, 100 a month back from May, so the 1,200 is recovered at the end of
 * the twelfth return month: 13 months (13/12 years) from the start of the first investment.
 */
import { money } from "../../../src/engine/money";
import { analysePayback } from "../../../src/engine/payback";
import { monthPeriod } from "../../../src/engine/periods";
import { caseLimit } from "../../../src/cli/portfolio/limit";

function months(n: number) {
  return Array.from({ length: n }, (_, i) =>
    monthPeriod(2024 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1)
  );
}

function caseOf(investment: number[], returns: number[]) {
  return analysePayback({
    periods: months(investment.length),
    lines: [
      { label: "Investment", role: "investment", amounts: investment.map((v) => money(-v)) },
      { label: "Saving", role: "return", amounts: returns.map((v) => money(v)) },
    ],
  });
}

const n = 18;
const thirteenMonths = caseOf(
  Array.from({ length: n }, (_, i) => (i === 0 ? 1200 : 0)),
  Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 100))
);

describe("caseLimit", () => {
  test("the hand-worked case pays back in 13 months", () => {
    expect(thirteenMonths.paybackMonths?.toString()).toBe("13");
  });

  test("within a 1.25-year limit by 2 months (0.1666 years, rounded down)", () => {
    expect(caseLimit(thirteenMonths, "1.25")).toEqual({
      years: 1.25,
      verdict: "within",
      marginYears: 0.1666,
    });
  });

  test("exceeds a 1-year limit by 1 month (0.0834 years, rounded up)", () => {
    expect(caseLimit(thirteenMonths, 1)).toEqual({
      years: 1,
      verdict: "exceeds",
      marginYears: -0.0834,
    });
  });

  test("a payback exactly at the limit is within it, with no margin", () => {
    // 2,300 invested, 100 a month back from the second month: recovered after 24 months, 2 years.
    const twoYears = caseOf(
      Array.from({ length: 30 }, (_, i) => (i === 0 ? 2300 : 0)),
      Array.from({ length: 30 }, (_, i) => (i === 0 ? 0 : 100))
    );
    expect(twoYears.paybackYears?.toString()).toBe("2");
    expect(caseLimit(twoYears, 2)).toEqual({ years: 2, verdict: "within", marginYears: 0 });
  });

  test("a hair over the limit exceeds it and never shows a zero margin", () => {
    const r = caseLimit(
      {
        breakEven: { status: "reached", index: 1, sustainedIndex: 1 },
        paybackYears: money("3.000001"),
      },
      3
    );
    expect(r).toEqual({ years: 3, verdict: "exceeds", marginYears: -0.0001 });
  });

  test("a case that never pays back is never, with no margin", () => {
    const never = caseOf([1200, 0, 0, 0], [0, 100, 100, 100]);
    expect(never.breakEven.status).toBe("not-reached");
    expect(caseLimit(never, 5)).toEqual({ years: 5, verdict: "never", marginYears: null });
  });

  test("a case never in deficit is within any limit by the whole limit", () => {
    const immediate = caseOf([0, 100, 0], [100, 100, 100]);
    expect(immediate.breakEven.status).toBe("immediate");
    expect(caseLimit(immediate, 3)).toEqual({ years: 3, verdict: "within", marginYears: 3 });
  });
});
