/**
 * The reconciliation rules at their edges, with hand-computed answers: a difference exactly at
 * the tolerance and either side of it, for 1, 2 and 10 rounded parts; the integer fast path
 * against the Decimal path; float noise; and ties between readings of a family of checks.
 */
import Decimal from "decimal.js";
import {
  chooseReading,
  classify,
  evaluate,
  sumTerms,
  term,
  visitParts,
  type Check,
  type CheckResult,
  type Term,
} from "../../src/engine/reconcile";
import { money } from "../../src/engine/money";
import { ReconcileMemo } from "../../src/engine/reconcileMemo";
import type { CellRef } from "../../src/sheet";

const HALF = money("0.5");
const cell = (row: number, col: number, sheet = "S"): CellRef => ({ sheet, row, col });
/** A cell shown in whole units (#,##0): half a unit of rounding. */
const t = (row: number, col: number, value: Decimal.Value, coef = 1): Term =>
  term(cell(row, col), money(value), HALF, coef);
/** The same, flagged whole for the integer path. */
const w = (row: number, col: number, value: number, coef = 1): Term => ({
  ...t(row, col, value, coef),
  whole: value,
});
const check = (stated: Term, parts: Term[], extra: Partial<Check> = {}): Check => ({
  stated,
  parts,
  partsText: "A1:C1",
  subject: "the total",
  partsDescription: "the months",
  ...extra,
});
const statuses = (r: { results: CheckResult[] } | { unverified: true }) =>
  "results" in r ? r.results.map((x) => x.status) : "unverified";

describe("classify", () => {
  test("a difference exactly at the tolerance is rounding; a penny over is a mismatch", () => {
    expect(classify(money(2), money(2))).toBe("rounding");
    expect(classify(money(-2), money(2))).toBe("rounding");
    expect(classify(money("2.01"), money(2))).toBe("mismatch");
    expect(classify(money("-2.01"), money(2))).toBe("mismatch");
    expect(classify(money("1.99"), money(2))).toBe("rounding");
  });

  test("differences within a billionth of the stated amount (plus one) are float noise", () => {
    // Stated 0: noise up to 1e-9. Stated 999: up to 1000 × 1e-9 = 1e-6.
    expect(classify(money("1e-9"), money(0))).toBe("match");
    expect(classify(money("-1e-9"), money(0))).toBe("match");
    expect(classify(money("1.1e-9"), money(0))).toBe("mismatch");
    expect(classify(money("1e-6"), money(0), money(999))).toBe("match");
    expect(classify(money("1e-6"), money(0), money(-999))).toBe("match");
    expect(classify(money("1.1e-6"), money(0), money(999))).toBe("mismatch");
    expect(classify(money("1.1e-6"), money(1), money(999))).toBe("rounding");
  });
});

describe("sumTerms", () => {
  test("adds signed parts and the slack of each rounded part, scaled by its multiplier", () => {
    const cents = money("0.005");
    const parts = [
      t(0, 0, 100),
      t(0, 1, 30, -1),
      term(cell(0, 2), money(7), cents, 2),
      term(cell(0, 3), money(4), cents, -3),
      term(cell(0, 4), money(0), money(0)), // a blank: exact
      t(0, 5, 0), // a typed 0: rounded like any other
      term(cell(0, 6), money(5), money("0.5")), // an equal half unit that is another Decimal
    ];
    const { total, slack } = sumTerms(parts);
    // 100 − 30 + 14 − 12 + 0 + 0 + 5 = 77; slack 0.5 × 4 + 0.005 × (2 + 3) = 2.025.
    expect(total.toString()).toBe("77");
    expect(slack.toString()).toBe("2.025");
  });

  test("counts many parts of one half unit", () => {
    const ten = Array.from({ length: 10 }, (_, i) => t(0, i, 11));
    expect(sumTerms(ten).slack.toString()).toBe("5");
    expect(sumTerms(ten).total.toString()).toBe("110");
    expect(sumTerms([]).slack.toString()).toBe("0");
    expect(sumTerms([]).total.toString()).toBe("0");
  });
});

describe("evaluate at the rounding boundary", () => {
  // Tolerance = half a unit for the stated cell + half a unit per rounded part.
  test.each([
    // parts, tolerance, stated at the boundary
    [1, "1"],
    [2, "1.5"],
    [10, "5.5"],
  ])("%i parts of 100: tolerance %s, exactly at it is rounding, a penny over is not", (n, tol) => {
    const parts = Array.from({ length: n }, (_, i) => t(0, i, 100));
    const expected = 100 * n;
    const at = evaluate(check(t(1, 0, money(expected).plus(tol)), parts));
    expect(at.tolerance.toString()).toBe(tol);
    expect(at.expected.toString()).toBe(String(expected));
    expect(at.difference.toString()).toBe(tol);
    expect(at.status).toBe("rounding");
    const under = evaluate(check(t(1, 0, money(expected).minus(tol)), parts));
    expect(under.difference.toString()).toBe(`-${tol}`);
    expect(under.status).toBe("rounding");
    const over = evaluate(check(t(1, 0, money(expected).plus(tol).plus("0.01")), parts));
    expect(over.status).toBe("mismatch");
    const penny = evaluate(check(t(1, 0, money(expected).plus("0.01")), parts));
    expect(penny.status).toBe("rounding");
    expect(evaluate(check(t(1, 0, expected), parts)).status).toBe("match");
  });

  test("the integer path agrees with the Decimal path either side of the boundary", () => {
    // Two parts of 100: tolerance 1.5, so a whole difference of 1 is rounding and 2 is not.
    const parts = [w(0, 0, 100), w(0, 1, 100)];
    const sum = { ...sumTerms(parts), whole: 200 };
    for (const [stated, status, difference] of [
      [200, "match", "0"],
      [201, "rounding", "1"],
      [199, "rounding", "-1"],
      [202, "mismatch", "2"],
      [198, "mismatch", "-2"],
    ] as const) {
      const fast = evaluate(check(w(1, 0, stated), parts, { partsSum: sum }));
      const slow = evaluate(check(t(1, 0, stated), parts));
      for (const r of [fast, slow]) {
        expect(r.status).toBe(status);
        expect(r.difference.toString()).toBe(difference);
        expect(r.tolerance.toString()).toBe("1.5");
        expect(r.expected.toString()).toBe("200");
      }
    }
  });

  test("a whole tolerance on the integer path: a difference equal to it is rounding", () => {
    // Three parts and the total, half a unit each: tolerance 2.
    const parts = [w(0, 0, 1), w(0, 1, 1), w(0, 2, 1)];
    const sum = { ...sumTerms(parts), whole: 3 };
    const memo = new ReconcileMemo();
    expect(evaluate(check(w(1, 0, 5), parts, { partsSum: sum }), memo).status).toBe("rounding");
    expect(evaluate(check(w(1, 0, 1), parts, { partsSum: sum }), memo).status).toBe("rounding");
    expect(evaluate(check(w(1, 0, 6), parts, { partsSum: sum }), memo).status).toBe("mismatch");
    expect(evaluate(check(w(1, 0, 0), parts, { partsSum: sum }), memo).status).toBe("mismatch");
  });

  test("large stated amounts leave the integer path, where float noise is allowed for", () => {
    // 10,000,000,000 stated against 9,999,999,995: 5 apart, within the 10.000000001 of noise
    // a cached formula result of that size can carry.
    const parts = [w(0, 0, 9_999_999_995)];
    const sum = { ...sumTerms(parts), whole: 9_999_999_995 };
    const r = evaluate(check(w(1, 0, 10_000_000_000), parts, { partsSum: sum }));
    expect(r.status).toBe("match");
    expect(r.difference.toString()).toBe("5");
    // Just under a hundred million the integer path keeps a difference of 2 a mismatch.
    const small = [w(0, 0, 99_999_997)];
    const r2 = evaluate(
      check(w(1, 0, 99_999_999), small, { partsSum: { ...sumTerms(small), whole: 99_999_997 } })
    );
    expect(r2.status).toBe("mismatch");
  });

  test("a tolerance too large for integers is judged in Decimals", () => {
    const huge = term(cell(1, 0), money(200), money("1e20"));
    const parts = [w(0, 0, 100)];
    const r = evaluate(
      check({ ...huge, whole: 200 }, parts, { partsSum: { ...sumTerms(parts), whole: 100 } })
    );
    expect(r.status).toBe("rounding");
    expect(r.difference.toString()).toBe("100");
    expect(r.tolerance.toString()).toBe("100000000000000000000.5");
  });

  test("a verdict reads its words and parts from its check", () => {
    const visited: string[] = [];
    const parts = [w(0, 0, 5), w(0, 1, 7, -1)];
    const base = check(w(1, 0, -2), parts, {
      partsText: "B2:C2",
      subject: "the 2024/25 total",
      partsDescription: "the lines above",
      partsSum: { ...sumTerms(parts), whole: -2 },
    });
    const r = evaluate(base);
    expect(r.status).toBe("match");
    expect(r.expected.toString()).toBe("-2");
    expect(r.difference.toString()).toBe("0");
    expect(r.tolerance.toString()).toBe("1.5");
    expect(r.partsText).toBe("B2:C2");
    expect(r.subject).toBe("the 2024/25 total");
    expect(r.partsDescription).toBe("the lines above");
    expect(r.stated.cell).toEqual(cell(1, 0));
    expect(r.parts).toHaveLength(2);
    r.eachPart!((sheet, row, col, coef) => {
      visited.push(`${sheet}${row},${col}×${coef}`);
    });
    expect(visited).toEqual(["S0,0×1", "S0,1×-1"]);

    const slow = evaluate(check(t(1, 0, 3), parts, { subject: "x", partsText: "P" }));
    expect(slow.status).toBe("mismatch");
    expect(slow.subject).toBe("x");
    expect(slow.partsText).toBe("P");
    expect(slow.partsDescription).toBe("the months");
    expect(slow.parts).toBe(slow.parts);
  });

  test("visitParts uses a check's own visitor when it has one", () => {
    const seen: number[] = [];
    const lazy = check(t(1, 0, 1), [], {
      eachPart: (visit) => visit("S", 9, 9, -1),
    });
    visitParts(lazy, (_s, row, _c, coef) => {
      seen.push(row, coef);
    });
    visitParts(check(t(1, 0, 1), [t(0, 3, 1, 2)]), (_s, _r, col, coef) => {
      seen.push(col, coef);
    });
    expect(seen).toEqual([9, -1, 3, 2]);
  });
});

describe("chooseReading", () => {
  /** A family check of one cell that agrees with its part, or not. */
  const agrees = (col: number, v = 50) => check(w(1, col, v), [w(0, col, v)]);
  const disagrees = (col: number) => check(w(1, col, 100), [w(0, col, 10)]);
  /** 0 = 0: agrees, but proves nothing. */
  const trivial = (col: number) => check(w(1, col, 0), [w(0, col, 0)]);

  test("the first reading that agrees everywhere wins, without building the later ones", () => {
    const later = jest.fn(() => [agrees(0, 7)]);
    const chosen = chooseReading([[agrees(0)], later]);
    expect("results" in chosen && chosen.results[0].stated.value.toNumber()).toBe(50);
    expect(later).not.toHaveBeenCalled();
    const second = chooseReading([[disagrees(0)], () => [agrees(0, 7)]]);
    expect("results" in second && second.results[0].stated.value.toNumber()).toBe(7);
  });

  test("results keep the checks' order although the checks that prove something go first", () => {
    const chosen = chooseReading([[trivial(0), agrees(1), trivial(2)]]);
    expect("results" in chosen && chosen.results.map((r) => r.stated.cell.col)).toEqual([0, 1, 2]);
    expect(statuses(chosen)).toEqual(["match", "match", "match"]);
  });

  test("more agreements win; on equal agreements fewer disagreements; on a full tie the usual reading", () => {
    const usual = [agrees(0), disagrees(1), disagrees(2)];
    const better = [agrees(0), agrees(1), disagrees(2)];
    expect(statuses(chooseReading([usual, better]))).toEqual(["match", "match", "mismatch"]);
    const fewerWrong = [agrees(0), trivial(1), disagrees(2)];
    expect(statuses(chooseReading([usual, fewerWrong]))).toEqual(["match", "match", "mismatch"]);
    const sameScore = [disagrees(0), disagrees(1), agrees(2)];
    expect(statuses(chooseReading([usual, sameScore]))).toEqual(["match", "mismatch", "mismatch"]);
    expect(statuses(chooseReading([sameScore, usual]))).toEqual(["mismatch", "mismatch", "match"]);
  });

  test("agreements that prove nothing do not count", () => {
    // The usual reading agrees only on 0 = 0; the other agrees on a real amount.
    const usual = [trivial(0), disagrees(1)];
    const other = [agrees(0), disagrees(1)];
    expect(
      "results" in chooseReading([usual, other]) && statuses(chooseReading([usual, other]))
    ).toEqual(["match", "mismatch"]);
    const chosen = chooseReading([usual, other]);
    expect("results" in chosen && chosen.results[0].stated.value.toNumber()).toBe(50);
    expect(chooseReading([usual])).toEqual({ unverified: true });
  });

  test("a stated amount within its own tolerance proves nothing; one unit past it does", () => {
    // Stated 1 against a part of 1: tolerance 1 (two half units), and 1 is not more than 1.
    const one = (col: number) => check(w(1, col, 1), [w(0, col, 1)]);
    const two = (col: number) => check(w(1, col, 2), [w(0, col, 2)]);
    expect(chooseReading([[one(0), disagrees(1)]])).toEqual({ unverified: true });
    expect(statuses(chooseReading([[two(0), disagrees(1)]]))).toEqual(["match", "mismatch"]);
    // The same without the integer path.
    const oneD = check(t(1, 0, 1), [t(0, 0, 1)]);
    const twoD = check(t(1, 0, 2), [t(0, 0, 2)]);
    const wrongD = check(t(1, 1, 100), [t(0, 1, 10)]);
    expect(chooseReading([[oneD, wrongD]])).toEqual({ unverified: true });
    expect(statuses(chooseReading([[twoD, wrongD]]))).toEqual(["match", "mismatch"]);
    const minusTwo = check(t(1, 0, -2), [t(0, 0, -2)]);
    expect(statuses(chooseReading([[minusTwo, wrongD]]))).toEqual(["match", "mismatch"]);
  });

  test("a later reading with fewer checks that all agree still wins", () => {
    const usual = [agrees(0), agrees(1), agrees(2), disagrees(3)];
    const chosen = chooseReading([usual, [agrees(0, 9)]]);
    expect("results" in chosen && chosen.results.map((r) => r.stated.value.toNumber())).toEqual([
      9,
    ]);
  });

  test("a later reading that disagrees early is still weighed when it can tie on fewer disagreements", () => {
    const usual = [disagrees(0), agrees(1), agrees(2), agrees(3), disagrees(4)];
    const other = [disagrees(0), agrees(1), agrees(2), agrees(3), trivial(4)];
    expect(statuses(chooseReading([usual, other]))).toEqual([
      "mismatch",
      "match",
      "match",
      "match",
      "match",
    ]);
    const worse = [disagrees(0), disagrees(1), agrees(2), agrees(3), agrees(4)];
    expect(statuses(chooseReading([usual, worse]))).toEqual(statuses(chooseReading([usual])));
  });

  test("a reading that disagrees first is kept while it can still win, read in Decimals too", () => {
    // Stated amounts not flagged whole, positive and negative, so provability is told in Decimals.
    const ok = (col: number, v: number) => check(t(1, col, v), [t(0, col, v)]);
    const wrong = (col: number) => check(t(1, col, 100), [t(0, col, 10)]);
    const zero = (col: number) => check(t(1, col, 0), [t(0, col, 0)]);
    const usual = [ok(0, 50), ok(1, -50), ok(2, 50), wrong(3)];
    // Three checks that prove nothing come first; then a disagreement; then four agreements.
    const later = [zero(0), zero(1), zero(2), wrong(3), ok(4, 7), ok(5, -7), ok(6, 7), ok(7, -7)];
    const chosen = chooseReading([usual, later]);
    expect("results" in chosen && chosen.results.map((r) => r.stated.value.toNumber())).toEqual([
      0, 0, 0, 100, 7, -7, 7, -7,
    ]);
    // A reading that can no longer catch up is dropped, and the usual one stands.
    const hopeless = [wrong(0), wrong(1), wrong(2), ok(3, 9), ok(4, 9)];
    expect(statuses(chooseReading([usual, hopeless]))).toEqual([
      "match",
      "match",
      "match",
      "mismatch",
    ]);
  });

  test("fewer disagreements do not outweigh fewer agreements", () => {
    const usual = [agrees(0), agrees(1), disagrees(2), disagrees(3)];
    const fewer = [agrees(0, 9), trivial(1), disagrees(2), trivial(3)];
    const chosen = chooseReading([usual, fewer]);
    expect("results" in chosen && chosen.results[0].stated.value.toNumber()).toBe(50);
  });

  test("no readings, or an empty one, cannot be verified", () => {
    expect(chooseReading([])).toEqual({ unverified: true });
    expect(chooseReading([[]])).toEqual({ unverified: true });
    expect(chooseReading([() => []])).toEqual({ unverified: true });
  });
});
