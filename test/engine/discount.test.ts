/** Discounting, against hand-computed factors: v^t = 1 / (1 + r)^(t / periods per year). */
import Decimal from "decimal.js";
import { discountFactors, npv } from "../../src/engine/discount";
import { money } from "../../src/engine/money";

describe("discount factors", () => {
  it("give one factor per period, the first undiscounted: 10% a year, annual periods", () => {
    const factors = discountFactors(3, "0.1", 1).map((f) => f.toDecimalPlaces(12).toNumber());
    // 1, 1/1.1, 1/1.21 by hand.
    expect(factors).toEqual([1, 0.909090909091, 0.826446280992]);
  });

  it("discount monthly periods by the twelfth root of the annual rate", () => {
    const factors = discountFactors(13, "0.035", 12);
    expect(factors).toHaveLength(13);
    // Twelve months on, a flow is worth exactly 1 / 1.035.
    expect(factors[12].toDecimalPlaces(12).toNumber()).toBe(
      new Decimal(1).dividedBy(1.035).toDecimalPlaces(12).toNumber()
    );
  });

  it("refuse a rate of -100% or below, naming it", () => {
    expect(() => discountFactors(2, -1, 12)).toThrow(
      "The discount rate -1 is not usable: it must be above -100%."
    );
    expect(() => discountFactors(2, "-1.5", 12)).toThrow(/-1\.5 is not usable/);
  });

  it("NPV of 100 now and 110 in a year at 10% is 200", () => {
    expect(npv([money(100), money(110)], "0.1", 1).toNumber()).toBe(200);
  });
});
