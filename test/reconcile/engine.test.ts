/**
 * The pure reconciliation engine: tolerance from number formats, classification, readings, and
 * root causes on small hand-made checks.
 */
import {
  money,
  chooseReading,
  classify,
  evaluate,
  findRootCauses,
  halfUnitOf,
  type Check,
  type Term,
} from "../../src/engine";
import type { CellRef } from "../../src/sheet";

const cell = (row: number, col: number): CellRef => ({ sheet: "S", row, col });
const t = (row: number, col: number, value: number, coef = 1): Term => ({
  cell: cell(row, col),
  value: money(value),
  halfUnit: money(0.5),
  coef,
});
const check = (stated: Term, parts: Term[]): Check => ({
  stated,
  parts,
  partsText: "",
  subject: "s",
  partsDescription: "p",
});

describe("halfUnitOf", () => {
  it("reads the displayed step from the number format", () => {
    expect(halfUnitOf("#,##0;(#,##0)", -11667).toString()).toBe("0.5");
    expect(halfUnitOf("#,##0.00", 12.5).toString()).toBe("0.005");
    expect(halfUnitOf("0.0%", 0.125).toString()).toBe("0.0005");
    expect(halfUnitOf("#,##0,", 1234567).toString()).toBe("500");
    expect(halfUnitOf("£#,##0.0;[Red]-£#,##0.0", -3).toString()).toBe("0.05");
  });

  it("treats General whole numbers as typed to the unit and General decimals as exact to what they show", () => {
    expect(halfUnitOf("General", 35000).toString()).toBe("0.5");
    expect(halfUnitOf(null, 1234.56).toString()).toBe("0.005");
  });
});

describe("classify and evaluate", () => {
  it("allows half a unit for each rounded term plus the total itself", () => {
    // 3 × 11,667 = 35,001 against a stated 35,000: tolerance 4 × 0.5 = 2.
    const r = evaluate(check(t(0, 3, 35000), [t(0, 0, 11667), t(0, 1, 11667), t(0, 2, 11667)]));
    expect(r.expected.toNumber()).toBe(35001);
    expect(r.tolerance.toNumber()).toBe(2);
    expect(r.status).toBe("rounding");
    expect(classify(money(3), money(2))).toBe("mismatch");
    expect(classify(money(0), money(0))).toBe("match");
  });

  it("adds decimals exactly: 0.1 + 0.2 is 0.3", () => {
    const exact = (row: number, col: number, v: number): Term => ({
      ...t(row, col, v),
      halfUnit: money(0),
    });
    expect(evaluate(check(exact(0, 2, 0.3), [exact(0, 0, 0.1), exact(0, 1, 0.2)])).status).toBe(
      "match"
    );
  });
});

describe("chooseReading", () => {
  it("calls a family unverified when no reading agrees anywhere", () => {
    const wrongEverywhere = [
      check(t(1, 0, 100), [t(0, 0, 10)]),
      check(t(1, 1, 200), [t(0, 1, 20)]),
    ];
    expect(chooseReading([wrongEverywhere])).toEqual({ unverified: true });
  });

  it("keeps the usual reading when it agrees somewhere, so its disagreements are mismatches", () => {
    const family = [check(t(1, 0, 10), [t(0, 0, 10)]), check(t(1, 1, 200), [t(0, 1, 20)])];
    const chosen = chooseReading([family]);
    expect("results" in chosen && chosen.results.map((r) => r.status)).toEqual([
      "match",
      "mismatch",
    ]);
  });
});

describe("findRootCauses", () => {
  it("names a wrong component cell that breaks its column total, its FY total and the grand total", () => {
    // Rows 0-1 components, row 2 their total; columns 0-1 months, 2 the FY total, 3 the grand total.
    // Cell (0,1) should be 50 but shows 80; every total was worked out from 50.
    const v = [
      [10, 80, 60, 60],
      [5, 5, 10, 10],
      [15, 55, 70, 70],
    ];
    const checks: Check[] = [];
    for (let c = 0; c < 4; c++)
      checks.push(check(t(2, c, v[2][c]), [t(0, c, v[0][c]), t(1, c, v[1][c])]));
    for (let r = 0; r < 3; r++) {
      checks.push(check(t(r, 2, v[r][2]), [t(r, 0, v[r][0]), t(r, 1, v[r][1])]));
      checks.push(check(t(r, 3, v[r][3]), [t(r, 0, v[r][0]), t(r, 1, v[r][1])]));
    }
    const results = checks.map((check) => evaluate(check));
    const roots = findRootCauses(results);
    const failed = results.map((r, i) => ({ r, i })).filter(({ r }) => r.status === "mismatch");
    expect(failed.length).toBe(3);
    for (const { i } of failed) expect(roots.get(i)).toEqual(cell(0, 1));
  });

  it("makes a total worked out from a wrong total its consequence", () => {
    // A (0,0) disagrees with its source (5,0); B (0,1) = A + 10 agrees with A but not with its source (5,1).
    const results = [
      check(t(0, 0, 90), [t(5, 0, 100)]),
      check(t(0, 1, 100), [t(0, 0, 90), t(1, 1, 10)]),
      check(t(0, 1, 100), [t(5, 1, 110)]),
    ].map((check) => evaluate(check));
    const roots = findRootCauses(results);
    expect(roots.get(0)).toEqual(cell(0, 0));
    expect(roots.get(2)).toEqual(cell(0, 0));
    expect(roots.has(1)).toBe(false);
  });

  it("leaves unrelated failures each their own cause", () => {
    const results = [
      check(t(0, 2, 99), [t(0, 0, 1), t(0, 1, 2)]),
      check(t(1, 2, 50), [t(1, 0, 1), t(1, 1, 2)]),
    ].map((check) => evaluate(check));
    const roots = findRootCauses(results);
    expect(roots.get(0)).toEqual(cell(0, 2));
    expect(roots.get(1)).toEqual(cell(1, 2));
  });
});
