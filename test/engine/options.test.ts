/**
 * The defaults every layer reads: the UK financial year (April), the Green Book discount rate
 * (3.5%), payback from the first investment, the analysis below the grid; and that no caller
 * can change them for the others.
 */
import { DEFAULT_OPTIONS } from "../../src/engine/options";
import { DEFAULT_DISCOUNT_RATE } from "../../src/engine/discount";
import { DEFAULT_FY_START_MONTH } from "../../src/engine/periods";

test("the defaults a council expects", () => {
  expect(DEFAULT_OPTIONS).toEqual({
    fyStartMonth: 4,
    discountRate: "0.035",
    basis: "first-investment",
    placement: "below-grid",
  });
  // The engine's own defaults are the same figures, not copies that could drift apart.
  expect(DEFAULT_FY_START_MONTH).toBe(4);
  expect(DEFAULT_DISCOUNT_RATE).toBe("0.035");
});

test("the defaults are frozen: one caller cannot change them for every other", () => {
  expect(Object.isFrozen(DEFAULT_OPTIONS)).toBe(true);
  expect(() => {
    (DEFAULT_OPTIONS as { fyStartMonth: number }).fyStartMonth = 1;
  }).toThrow(TypeError);
  expect(DEFAULT_OPTIONS.fyStartMonth).toBe(4);
});
