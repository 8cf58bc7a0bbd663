/**
 * Root-cause naming on small hand-made check sets, rule by rule: one cell explaining several
 * failures (and when it does not), which explanation wins, consequences of other failing totals,
 * and cells at positions no bitmap or number key can hold.
 */
import Decimal from "decimal.js";
import {
  evaluate,
  findRootCauses,
  term,
  type Check,
  type CheckResult,
} from "../../src/engine/reconcile";
import { exactCellKey } from "../../src/engine/rootCauses";
import { money } from "../../src/engine/money";
import type { CellRef } from "../../src/sheet";

const cell = (row: number, col: number, sheet = "S"): CellRef => ({ sheet, row, col });
const t = (c: CellRef, value: Decimal.Value, coef = 1) => term(c, money(value), money("0.5"), coef);
const check = (stated: ReturnType<typeof t>, parts: ReturnType<typeof t>[]): Check => ({
  stated,
  parts,
  partsText: "",
  subject: "s",
  partsDescription: "p",
});
const run = (checks: Check[]): { results: CheckResult[]; roots: Map<number, CellRef> } => {
  const results = checks.map((c) => evaluate(c));
  return { results, roots: findRootCauses(results) };
};

describe("rule 1: one cell that explains several failures", () => {
  const P = cell(5, 5);
  const A = cell(0, 9);
  const B = cell(1, 9);

  test("a part out by one amount in both its checks is their cause", () => {
    // A = 100 against P + 20 = 30 and B = 100 against P + 20: each 70 more, as P = 10 shown for 80.
    const { roots } = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 100), [t(P, 10), t(cell(1, 0), 20)]),
    ]);
    expect(roots.get(0)).toEqual(P);
    expect(roots.get(1)).toEqual(P);
  });

  test("consistent within both checks' tolerances: 70 and 73 apart by 3 = 1.5 + 1.5", () => {
    const at = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 103), [t(P, 10), t(cell(1, 0), 20)]),
    ]);
    expect(at.roots.get(1)).toEqual(P);
    const beyond = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 104), [t(P, 10), t(cell(1, 0), 20)]),
    ]);
    expect(beyond.roots.get(0)).toEqual(A);
    expect(beyond.roots.get(1)).toEqual(B);
  });

  test("the error is sized on the check with the smaller tolerance", () => {
    // B's tolerance is 1 (no second part); A's is 1.5. Sized on B, P is 35 out: A's 40 is within
    // 1.5 + 1 of it. Sized on A (40), B's 35 would be 5 away: not within.
    const { roots } = run([
      check(t(A, 70), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 45), [t(P, 10)]),
    ]);
    expect(roots.get(0)).toEqual(A);
    expect(roots.get(1)).toEqual(B);
    const closer = run([
      check(t(A, 67), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 45), [t(P, 10)]),
    ]);
    // 37 and 35: 2 apart, within 1.5 + 1.
    expect(closer.roots.get(0)).toEqual(P);
    expect(closer.roots.get(1)).toEqual(P);
  });

  test("sizes and signs that disagree name no single cell", () => {
    const { roots } = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 50), [t(P, 10), t(cell(1, 0), 5)]),
    ]);
    expect(roots.get(0)).toEqual(A);
    expect(roots.get(1)).toEqual(B);
    // A subtracted part moves the difference the other way. A = P + 20 = 100 says P should be
    // 80, not 10; then B = 30 − P should be −50: stated −50 against 30 − 10 = 20 is 70 less, as
    // that one wrong P makes it.
    const signed = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, -50), [t(cell(1, 0), 30), t(P, 10, -1)]),
    ]);
    expect(signed.roots.get(0)).toEqual(P);
    expect(signed.roots.get(1)).toEqual(P);
    // Stated 90 instead: 70 more, the opposite of what a wrong P would do.
    const wrongSign = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 90), [t(cell(1, 0), 30), t(P, 10, -1)]),
    ]);
    expect(wrongSign.roots.get(0)).toEqual(A);
    expect(wrongSign.roots.get(1)).toEqual(B);
    // B = 90 − 10 = 80 stated −50 is 130 less: not the 70 a wrong P makes.
    const wrongSize = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, -50), [t(cell(1, 0), 90), t(P, 10, -1)]),
    ]);
    expect(wrongSize.roots.get(1)).toEqual(B);
  });

  test("a check that agrees while holding the cell clears it", () => {
    const { roots } = run([
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 100), [t(P, 10), t(cell(1, 0), 20)]),
      check(t(cell(2, 9), 10), [t(P, 10)]),
    ]);
    expect(roots.get(0)).toEqual(A);
    expect(roots.get(1)).toEqual(B);
    expect(roots.has(2)).toBe(false);
  });

  test("the cell explaining most failures is chosen first, whatever order the checks come in", () => {
    const Q = cell(6, 6);
    // Every check is 70 more. P is in checks 1-3, Q in checks 0 and 3.
    const { roots } = run([
      check(t(cell(3, 9), 100), [t(Q, 20), t(cell(3, 0), 10)]),
      check(t(A, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(B, 100), [t(P, 10), t(cell(1, 0), 20)]),
      check(t(cell(2, 9), 100), [t(P, 10), t(Q, 20)]),
    ]);
    expect(roots.get(1)).toEqual(P);
    expect(roots.get(2)).toEqual(P);
    expect(roots.get(3)).toEqual(P);
    expect(roots.get(0)).toEqual(Q);
  });

  test("on a tie, a stated total wins over a part", () => {
    // X stated 100 in both checks; P is a part of both; each check is 70 more.
    const X = cell(9, 9);
    const { roots } = run([
      check(t(X, 100), [t(P, 10), t(cell(0, 0), 20)]),
      check(t(X, 100), [t(P, 10), t(cell(1, 0), 20)]),
    ]);
    expect(roots.get(0)).toEqual(X);
    expect(roots.get(1)).toEqual(X);
  });

  test("cells on different sheets at the same position are different cells", () => {
    const { roots } = run([
      check(t(A, 100), [t(cell(5, 5, "S"), 10), t(cell(0, 0), 20)]),
      check(t(B, 100), [t(cell(5, 5, "T"), 10), t(cell(1, 0), 20)]),
    ]);
    expect(roots.get(0)).toEqual(A);
    expect(roots.get(1)).toEqual(B);
  });
});

describe("rule 2: consequences of other failing totals", () => {
  const A = cell(0, 0);
  const B = cell(0, 1);

  test("a failing total with a failing total among its parts follows from it", () => {
    // A = 90 against 100; B = 200 against A + 10 = 100. Sizes differ, so rule 1 names nothing.
    const { roots } = run([
      check(t(A, 90), [t(cell(5, 0), 100)]),
      check(t(B, 200), [t(A, 90), t(cell(1, 1), 10)]),
    ]);
    expect(roots.get(0)).toEqual(A);
    expect(roots.get(1)).toEqual(A);
  });

  test("a total worked out from a wrong one follows from it when out by the same amount, within both tolerances", () => {
    // A is 10 less than its source. B = A + 10 agrees with A, and is 10 + g less than its own source.
    const withGap = (source: number) =>
      run([
        check(t(A, 90), [t(cell(5, 0), 100)]),
        check(t(B, 100), [t(A, 90), t(cell(1, 1), 10)]),
        check(t(B, 100), [t(cell(5, 1), source)]),
      ]).roots;
    // Tolerances 1 and 1: a gap of 2 is within, 3 is not.
    expect(withGap(112).get(2)).toEqual(A);
    expect(withGap(113).get(2)).toEqual(B);
    expect(withGap(113).get(0)).toEqual(A);
  });

  test("a subtracted wrong total moves the difference the other way", () => {
    // B = C − A = 110 − 90 = 20 agrees; A is 10 less, so B is 10 more than its source of 10.
    const { roots } = run([
      check(t(A, 90), [t(cell(5, 0), 100)]),
      check(t(B, 20), [t(cell(1, 1), 110), t(A, 90, -1)]),
      check(t(B, 20), [t(cell(5, 1), 10)]),
    ]);
    expect(roots.get(2)).toEqual(A);
    const notThat = run([
      check(t(A, 90), [t(cell(5, 0), 100)]),
      check(t(B, 20), [t(cell(1, 1), 110), t(A, 90, -1)]),
      check(t(B, 20), [t(cell(5, 1), 30)]),
    ]);
    expect(notThat.roots.get(2)).toEqual(B);
  });

  test("two failing totals that each list the other: the search ends, and B follows A", () => {
    // A = 50 against B + 5 = 15 (35 more); B = 10 against A + 3 = 53 (43 less): not one cell's
    // error (35 and 43 are more than 3 apart). Each is the other's consequence; A, met first,
    // is its own cause and B follows it.
    const { roots } = run([
      check(t(A, 50), [t(B, 10), t(cell(1, 0), 5)]),
      check(t(B, 10), [t(A, 50), t(cell(1, 1), 3)]),
    ]);
    expect(roots.get(0)).toEqual(A);
    expect(roots.get(1)).toEqual(A);
  });

  test("a consequence of a total whose failures one cell explains takes that cell", () => {
    // P (5,5) shows 80 where T1 and T2 were worked out from 10: both 70 less. G = 131 fails
    // against T1 + 1 = 31 (100 more: not what T1 as one wrong cell would make) and against its
    // own source of 60 (71 more), so G follows T1, whose cause is P.
    const P = cell(5, 5);
    const T1 = cell(0, 9);
    const G = cell(9, 9);
    const { roots } = run([
      check(t(T1, 30), [t(P, 80), t(cell(0, 0), 20)]),
      check(t(cell(1, 9), 30), [t(P, 80), t(cell(1, 0), 20)]),
      check(t(G, 131), [t(T1, 30), t(cell(2, 0), 1)]),
      check(t(G, 131), [t(cell(7, 7), 60)]),
    ]);
    expect(roots.get(0)).toEqual(P);
    expect(roots.get(1)).toEqual(P);
    expect(roots.get(2)).toEqual(P);
    expect(roots.get(3)).toEqual(P);
  });

  test("passing checks get no root", () => {
    const { roots } = run([check(t(A, 10), [t(cell(5, 0), 10)])]);
    expect(roots.size).toBe(0);
  });
});

describe("cells at any position", () => {
  /** The wrong-component grid of the engine suite, moved to (row0, col0). */
  const grid = (row0: number, col0: number, sheet = "S") => {
    const v = [
      [10, 80, 60],
      [5, 5, 10],
      [15, 55, 70],
    ];
    const at = (r: number, c: number) => cell(row0 + r, col0 + c, sheet);
    const checks: Check[] = [];
    for (let c = 0; c < 3; c++)
      checks.push(check(t(at(2, c), v[2][c]), [t(at(0, c), v[0][c]), t(at(1, c), v[1][c])]));
    for (let r = 0; r < 3; r++)
      checks.push(check(t(at(r, 2), v[r][2]), [t(at(r, 0), v[r][0]), t(at(r, 1), v[r][1])]));
    return { checks, wrong: at(0, 1) };
  };

  test.each([
    [0, 0],
    [10_000, 10_000],
    [2 ** 21, 3],
    [3, 2 ** 15],
    [-1, 0],
    [0.5, 0],
  ])("a wrong cell at row %d, column %d is named", (row0, col0) => {
    const { checks, wrong } = grid(row0, col0);
    const { results, roots } = run(checks);
    const failed = results.flatMap((r, i) => (r.status === "mismatch" ? [i] : []));
    expect(failed.length).toBe(2);
    for (const i of failed) expect(roots.get(i)).toEqual(wrong);
  });

  test("two sheets, the same positions: each sheet's wrong cell is named for its own checks", () => {
    const s = grid(0, 0, "S");
    const u = grid(0, 0, "U");
    const { results, roots } = run([...s.checks, ...u.checks]);
    results.forEach((r, i) => {
      if (r.status === "mismatch")
        expect(roots.get(i)).toEqual(i < s.checks.length ? s.wrong : u.wrong);
    });
    expect([...roots.values()].filter((c) => c.sheet === "U")).toHaveLength(2);
  });

  test("exactCellKey tells apart cells no number key can", () => {
    expect(exactCellKey(cell(1, 23))).not.toBe(exactCellKey(cell(12, 3)));
    expect(exactCellKey(cell(1, 2, "A"))).not.toBe(exactCellKey(cell(1, 2, "B")));
    expect(exactCellKey(cell(1, 2))).toBe(exactCellKey(cell(1, 2)));
  });
});
