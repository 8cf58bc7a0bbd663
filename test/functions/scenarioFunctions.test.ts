/**
 * =ITOS.HEADROOM and =ITOS.SCENARIO on small monthly cases worked by hand, and their refusals.
 */
import { headroom, scenario } from "../../src/functions/itosFunctions";
import {
  installCustomFunctionsMock,
  MockCustomFunctionsError,
  removeCustomFunctionsMock,
} from "./customFunctionsMock";

beforeAll(() => installCustomFunctionsMock());
afterAll(() => removeCustomFunctionsMock());

/** 120 invested in month 0, then 10 a month for 24 months: pays back at 13 months. */
const steady = [[-120, ...new Array(24).fill(10)]];

describe("ITOS.HEADROOM", () => {
  test("against a 2-year limit: a 47.8% cut and an 11-month delay", () => {
    // Cut c: payback = 1 + 120 / (10 (1 - c)) months <= 24, so c <= 11/23 = 0.47826: 0.478 to 0.1%.
    // Delay d: the first return moves to month 1 + d and payback is 13 + d <= 24, so d <= 11
    // (13 of the 24 returns still inside the grid: 130 covers the 120).
    expect(headroom(steady, 2)).toEqual([[0.478, 11]]);
  });

  test("a limit given as text and a column of flows read the same", () => {
    expect(
      headroom(
        steady[0].map((v) => [v]),
        "2"
      )
    ).toEqual([[0.478, 11]]);
  });

  test("a case that never pays back has no headroom (#N/A, saying why)", () => {
    const r = headroom([[-100, 10, 10]], 3) as MockCustomFunctionsError;
    expect(r).toBeInstanceOf(MockCustomFunctionsError);
    expect(r.code).toBe("#N/A");
    expect(r.message).toMatch(/does not pay back within the 3-year limit/);
  });

  test("a missing or negative limit is refused, naming limit_years", () => {
    expect((headroom(steady, null) as MockCustomFunctionsError).message).toMatch(/limit_years/);
    const r = headroom(steady, -1) as MockCustomFunctionsError;
    expect(r.code).toBe("#VALUE!");
    expect(r.message).toMatch(/limit_years must be a payback limit in years/);
  });
});

describe("ITOS.SCENARIO", () => {
  test("no change: the base payback, 13 months, and nothing lost", () => {
    const [[months, , lost]] = scenario(steady) as (number | string)[][];
    expect(months).toBe(13);
    expect(lost).toBe(0);
  });

  test("returns -20%, investment +10%, delay 3: 20.5 months, 24 lost past the grid", () => {
    // Investment 132; returns 8 a month from month 4 to 24 (21 months; the last 3 are lost: 24).
    // Cumulative -132 + 8k reaches -4 after 16 returns (month 19), and month 20 needs 4 of its 8.
    const [[months, npv, lost]] = scenario(steady, "-20%", 0.1, 3) as number[][];
    expect(months).toBe(20.5);
    expect(lost).toBe(24);
    let pv = -132;
    for (let t = 4; t <= 24; t++) pv += 8 / Math.pow(1.035, t / 12);
    expect(npv).toBeCloseTo(pv, 9);
  });

  test("a cut that leaves the case short says never", () => {
    // Half the returns: 24 x 5 = 120 only just covers it; 60% off leaves 96 against 120.
    expect((scenario(steady, -0.6) as (number | string)[][])[0][0]).toBe("never");
    expect((scenario(steady, -0.5) as number[][])[0][0]).toBe(25);
  });

  test("changes that cannot be are refused, naming the argument", () => {
    const cut = scenario(steady, "-150%") as MockCustomFunctionsError;
    expect(cut.code).toBe("#VALUE!");
    expect(cut.message).toMatch(/returns_change must be a change to the returns/);
    expect((scenario(steady, 0, 0, 1.5) as MockCustomFunctionsError).message).toMatch(/delay/);
    expect((scenario(steady, 0, 0, -1) as MockCustomFunctionsError).message).toMatch(/delay/);
  });
});
