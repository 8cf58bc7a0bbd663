/**
 * The one validator of the =ITOS.* arguments, on a bad argument of each type: text where a number
 * is expected, a number out of its bounds, an empty range, and a cell holding an Excel error.
 */
import {
  discountedPayback,
  financialYear,
  netPresentValue,
  payback,
  reconcile,
  yearSummary,
} from "../../src/functions/itosFunctions";
import {
  installCustomFunctionsMock,
  MockCustomFunctionsError,
  removeCustomFunctionsMock,
} from "./customFunctionsMock";

beforeAll(() => installCustomFunctionsMock());
afterAll(() => removeCustomFunctionsMock());

const refused = (result: unknown): string => {
  expect(result).toBeInstanceOf(MockCustomFunctionsError);
  expect((result as MockCustomFunctionsError).code).toBe("#VALUE!");
  return (result as MockCustomFunctionsError).message ?? "";
};

test("text where a whole number or a rate is expected is refused, naming the parameter", () => {
  expect(refused(netPresentValue([[-100, 110]], 0.1, "12"))).toBe(
    "periods_per_year must be a whole number such as 12 (monthly) or 1 (annual); got '12'."
  );
  expect(refused(financialYear(44652, "April"))).toBe(
    "fy_start_month must be a month number from 1 to 12 (4 for April); got 'April'."
  );
  expect(refused(netPresentValue([[-100, 110]], "soon"))).toBe(
    "rate must be an annual discount rate such as 3.5% (0.035); got 'soon'."
  );
  expect(refused(reconcile([[1, 2]], "three"))).toBe(
    "stated_total holds the text 'three' where an amount is expected."
  );
});

test("a rate at or below -100% is out of bounds; just above it is used", () => {
  expect(refused(netPresentValue([[-100, 110]], -1, 1))).toMatch(/^rate must be/);
  expect(refused(netPresentValue([[-100, 110]], "-100%", 1))).toMatch(/^rate must be/);
  // -50% a year: 110 a year on is worth 110 / 0.5 = 220, so the NPV is 120.
  expect(netPresentValue([[-100, 110]], -0.5, 1)).toBeCloseTo(120, 10);
  expect(refused(discountedPayback([[-100, 110]], 0.1, 366))).toMatch(/^periods_per_year/);
  expect(refused(discountedPayback([[-100, 110]], 0.1, 1.5))).toMatch(/^periods_per_year/);
  expect(refused(financialYear(44652, 0))).toMatch(/^fy_start_month/);
  expect(refused(financialYear(0))).toBe("date must be a date; got '0'.");
});

test("blank optional arguments take their defaults, as a user would write them", () => {
  expect(netPresentValue([[-100, 110]], "", "")).toBe(netPresentValue([[-100, 110]], 0.035, 12));
  expect(netPresentValue([[-100, 110]], "10%", 1)).toBeCloseTo(0, 10);
  // 2022-04-01 with the April default is in 2022/23.
  expect(financialYear(44652, "")).toBe("2022/23");
  expect(payback([[-100, 50, 50]], null, "Return")).toBe(
    payback([[-100, 50, 50]], null, "first_return")
  );
});

test("an empty range is refused with what to select", () => {
  expect(refused(payback([]))).toBe("flows is empty: select the row or column of flows.");
  expect(refused(reconcile([], 5))).toBe(
    "parts is empty: select the cells that should add up to the total."
  );
  expect(refused(yearSummary([[-1, 2]], null))).toMatch(/^dates is needed/);
  expect(refused(reconcile([[1, 2]], ""))).toBe(
    "stated_total is empty: select the cell holding the total to check."
  );
});

test("a cell holding an Excel error is named, in a range or as a single value", () => {
  const notAvailable = new MockCustomFunctionsError("#N/A");
  expect(refused(payback([[-100, notAvailable, 200]]))).toBe(
    "flows (cell 2) holds the error #N/A: correct that cell first, then ITOS can use it."
  );
  expect(refused(reconcile([[1], [notAvailable]], 1))).toMatch(
    /^parts \(cell 2\) holds the error #N\/A/
  );
  expect(refused(yearSummary([[-1, 2]], [[44652, notAvailable]]))).toMatch(
    /^dates \(cell 2\) holds the error #N\/A/
  );
  expect(refused(netPresentValue([[-100, 110]], [[notAvailable]]))).toMatch(
    /^rate holds the error #N\/A/
  );
});
