/** The payback engine on the Sandwell cabinet paper's own figures. */
import { analysePayback } from "../../src/engine";
import {
  SANDWELL_PERIODS,
  SANDWELL_RAW,
  SANDWELL_STATED_YEAR_NETS,
  roundedTermsInYear,
  sandwellLines,
} from "../support/sandwellLines";

// Analysed afresh for each test, so mutation testing can tell which test covers what.
let result: ReturnType<typeof analysePayback>;
beforeEach(() => {
  result = analysePayback({ periods: SANDWELL_PERIODS, lines: sandwellLines() });
});
const keyOf = (i: number | null) => (i === null ? null : SANDWELL_PERIODS[i].key);

describe("Sandwell invest-to-save appendix", () => {
  test("the data covers Oct-21 to Mar-25 with every line 42 months long", () => {
    expect(SANDWELL_PERIODS[0].key).toBe("2021-10");
    expect(SANDWELL_PERIODS[41].key).toBe("2025-03");
    for (const line of Object.values(SANDWELL_RAW)) expect(line.amounts).toHaveLength(42);
  });

  test("investment starts in January 2022", () => {
    expect(keyOf(result.firstInvestment)).toBe("2022-01");
  });

  test("crossover: in-month return first exceeds investment in January 2023 (Q4 2022/23)", () => {
    expect(keyOf(result.crossover)).toBe("2023-01");
    expect(SANDWELL_PERIODS[result.crossover!].fy).toBe("2022/23");
  });

  test("break-even: fully paid back by January 2024, and it stays paid back", () => {
    expect(result.breakEven.status).toBe("reached");
    if (result.breakEven.status !== "reached") return;
    expect(keyOf(result.breakEven.index)).toBe("2024-01");
    expect(keyOf(result.breakEven.sustainedIndex)).toBe("2024-01");
  });

  test("payback is about 24.5 months from the first investment, interpolated within Jan-24", () => {
    const months = result.paybackMonths!.toNumber();
    expect(months).toBeGreaterThan(24);
    expect(months).toBeLessThan(25);
    expect(Math.abs(months - 24.5)).toBeLessThan(0.1);
    expect(result.paybackYears!.times(12).equals(result.paybackMonths!)).toBe(true);
  });

  test("first-return basis measures from Apr-22, three months later than first investment", () => {
    const fromReturn = analysePayback(
      { periods: SANDWELL_PERIODS, lines: sandwellLines() },
      { basis: "first-return" }
    );
    expect(keyOf(fromReturn.firstReturn)).toBe("2022-04");
    expect(result.paybackMonths!.minus(fromReturn.paybackMonths!).toNumber()).toBe(3);
  });

  test("year nets agree with the paper within the rounding of its whole-pound monthly figures", () => {
    expect(result.years.map((y) => y.fy)).toEqual(Object.keys(SANDWELL_STATED_YEAR_NETS));
    for (const year of result.years) {
      const tolerance = 0.5 * roundedTermsInYear(year.fy) + 1;
      expect(
        Math.abs(year.net.toNumber() - SANDWELL_STATED_YEAR_NETS[year.fy])
      ).toBeLessThanOrEqual(tolerance);
    }
  });

  test("cumulative at Mar-25 is about 333.5k, and equals the sum of all net flows", () => {
    const last = result.cumulative[41];
    expect(Math.abs(last.toNumber() - 333529)).toBeLessThan(100);
    expect(last.equals(result.totals.net)).toBe(true);
    expect(result.years[3].cumulative.equals(last)).toBe(true);
  });

  test("totals: investment is negative and is the SMBC plus Trust money", () => {
    const expected = [
      ...SANDWELL_RAW["Investment from SMBC"].amounts,
      ...SANDWELL_RAW["Investment from Trust"].amounts,
    ].reduce((a, b) => a + b, 0);
    expect(result.totals.investment.toNumber()).toBe(expected);
    expect(result.totals.investment.isNegative()).toBe(true);
    expect(result.roi!.toNumber()).toBeCloseTo(result.totals.net.toNumber() / -expected, 10);
  });

  test("NPV at the Green Book 3.5% is below the undiscounted net, and discounted payback comes later", () => {
    expect(result.discountRate.toNumber()).toBe(0.035);
    expect(result.npv.lessThan(result.totals.net)).toBe(true);
    expect(result.npv.greaterThan(0)).toBe(true);
    expect(result.discountedPaybackMonths!.greaterThan(result.paybackMonths!)).toBe(true);
  });
});
