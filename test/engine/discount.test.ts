/** Discounting, against hand-computed factors: v^t = 1 / (1 + r)^(t / periods per year). */
import Decimal from "decimal.js";
import { discountFactors, npv } from "../../src/engine/discount";
import { money } from "../../src/engine/money";
import { discountedPaybackPeriods } from "../../src/engine/payback";
import { yearPeriod } from "../../src/engine/periods";

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

describe("discountedPaybackPeriods, the one discounted payback", () => {
  // Invest 100, then 60 and 60.5 back, at 10% a year on annual periods. Discounted by hand:
  // -100, 60 / 1.1 = 54.5454..., 60.5 / 1.21 = 50; the position is -100, -45.4545..., +4.5454...
  // Paid back in the third year, (100 - 600/11) / 50 = 10/11 of the way through: 2 + 10/11 = 32/11
  // years from the first investment, 1 + 10/11 = 21/11 from the first return.
  const flows = {
    investmentByPeriod: [money(-100), money(0), money(0)],
    returnByPeriod: [money(0), money(60), money("60.5")],
    firstInvestment: 0,
    firstReturn: 1,
  };

  it("discounts each flow and counts the payback from the first investment", () => {
    const found = discountedPaybackPeriods(flows, "first-investment", "0.1", 1);
    expect(found.net.map((flow) => flow.toDecimalPlaces(10).toNumber())).toEqual([
      -100, 54.5454545455, 50,
    ]);
    expect(found.breakEven).toMatchObject({ status: "reached", index: 2 });
    expect("periods" in found.payback && found.payback.periods.toDecimalPlaces(12).toNumber()).toBe(
      new Decimal(32).dividedBy(11).toDecimalPlaces(12).toNumber()
    );
  });

  it("counts from the first return when the convention says so: one period less", () => {
    const found = discountedPaybackPeriods(flows, "first-return", "0.1", 1);
    expect("periods" in found.payback && found.payback.periods.toDecimalPlaces(12).toNumber()).toBe(
      new Decimal(21).dividedBy(11).toDecimalPlaces(12).toNumber()
    );
  });

  it("says how far short a discounted position ends when it never pays back", () => {
    // 110 two years on is worth 110 / 1.21 = 90.909...: 9.09 short of the 100 invested.
    const found = discountedPaybackPeriods(
      { ...flows, returnByPeriod: [money(0), money(0), money(110)] },
      "first-investment",
      "0.1",
      1
    );
    expect(found.breakEven).toMatchObject({ status: "not-reached" });
    expect("reason" in found.payback).toBe(true);
    if (found.breakEven.status === "not-reached")
      expect(found.breakEven.shortfall.toDecimalPlaces(4).toNumber()).toBe(9.0909);
  });

  it("leaves Year 0 of an appraisal table undiscounted and counts the time-zero payback from its end", () => {
    // A year before Year 0, Year 0, Year 1: the year before grows by 1.1, Year 1 is divided by it.
    const periods = ["Year -1", "Year 0", "Year 1"].map((label, index) => ({
      ...yearPeriod(label, null),
      timeZero: index === 1,
    }));
    const found = discountedPaybackPeriods({ ...flows, periods }, "time-zero", "0.1", 1);
    expect(found.net.map((flow) => flow.toDecimalPlaces(10).toNumber())).toEqual([-110, 60, 55]);
    // Position -110, -50, +5: from the end of Year 0, 50 of Year 1's 55 is needed, 10/11 of a year.
    expect("periods" in found.payback && found.payback.periods.toDecimalPlaces(12).toNumber()).toBe(
      new Decimal(10).dividedBy(11).toDecimalPlaces(12).toNumber()
    );
  });
});
