/**
 * Discounting at its edges: a rate just above -100% is usable, -100% is refused as a bad
 * argument, and a Year 0 table's first factor (an exponent of -1 before Year 1) by hand.
 */
import { discountFactors } from "../../src/engine/discount";

test("a rate of -100% is a bad argument; just above it is usable", () => {
  expect(() => discountFactors(1, -1, 1)).toThrow(
    expect.objectContaining({ code: "bad-argument" })
  );
  // -99%: one year on, a flow is worth 1 / 0.01 = 100 times as much.
  expect(discountFactors(2, "-0.99", 1).map((f) => f.toDecimalPlaces(9).toNumber())).toEqual([
    1, 100,
  ]);
});

test("a first exponent of -1 (Year 0 before Year 1) starts at (1 + r)", () => {
  // 10% a year: factors for t = -1, 0, 1 are 1.1, 1, 1/1.1.
  const factors = discountFactors(3, "0.1", 1, -1).map((f) => f.toDecimalPlaces(9).toNumber());
  expect(factors).toEqual([1.1, 1, 0.909090909]);
});
