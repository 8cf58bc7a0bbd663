/**
 * Reconciliation, the pure part: a check says "this stated cell should equal the signed sum of
 * these part cells". This module evaluates checks (with a tolerance for what rounding of the
 * displayed amounts can explain), names the likely root cause when one cell explains several
 * failures, and words each result in plain English. It knows cells only as (sheet, row, col):
 * finding the checks in a grid is src/grid/reconcileGrid.ts's job.
 */
import type Decimal from "decimal.js";
import { formatMoney, Money, ZERO } from "./money";

export type CheckStatus = "match" | "rounding" | "mismatch";

/** A cell, 0-based sheet coordinates. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/** One amount taking part in a check. */
export interface Term {
  cell: CellRef;
  /** The amount as stored (a blank is zero). */
  value: Decimal;
  /** Half the smallest step the cell displays: what rounding may hide. Zero for a blank (exact). */
  halfUnit: Decimal;
  /** Multiplier of this part in the sum: 1, or -1 for an amount subtracted. */
  coef: number;
}

export interface Check {
  stated: Term;
  /** May be a getter that builds the terms on first use: most checks are only summed, never listed. */
  parts: Term[];
  /** The parts as a reader would name them: "B55:M55", "'Appendix 1'!N55". */
  partsText: string;
  /** What the stated cell is, for the explanation: "the 2024/25 total of Total return". */
  subject: string;
  /** What the parts are: "the months", "the lines above". */
  partsDescription: string;
  /** The parts' signed sum and rounding slack, when the builder already knows them (see partsSum). */
  partsSum?: PartsSum;
}

/** What evaluate needs of the parts: their signed sum and the slack rounding of them allows. */
export interface PartsSum {
  total: Decimal;
  /** Sum of |coef| × halfUnit over the parts. */
  slack: Decimal;
}

export interface CheckResult extends Check {
  expected: Decimal;
  /** stated − expected. */
  difference: Decimal;
  tolerance: Decimal;
  status: CheckStatus;
}

/** A key for maps: one string per cell. */
export function cellKey(c: CellRef): string {
  return `${c.sheet}\u0000${c.row}\u0000${c.col}`;
}

const HALF = new Money("0.5");

/** Decimal places in the shortest text of a number (1234.5 -> 1), at most 10. */
function writtenDecimals(value: number): number {
  const text = String(value);
  const exp = /e([+-]\d+)$/i.exec(text);
  const mantissa = text.replace(/e[+-]\d+$/i, "");
  const dot = mantissa.indexOf(".");
  const dp = (dot < 0 ? 0 : mantissa.length - dot - 1) - (exp ? Number(exp[1]) : 0);
  return Math.min(10, Math.max(0, dp));
}

/**
 * Half the smallest step a cell displays, from its number format:
 * - "#,##0" and "#,##0;(#,##0)": whole units, so 0.5; "0.00": 0.005; "0%": 0.005 (of 1);
 *   "#,##0," (shown in thousands): 500.
 * - General (or no format): a whole number is taken as typed to the unit (0.5), because council
 *   tables are typed from rounded printouts; a number with decimals is as precise as it is written
 *   (1234.56 -> 0.005), so General decimals earn no more slack than they show.
 */
export function halfUnitOf(numberFormat: string | null | undefined, value: number): Decimal {
  const key = `${numberFormat ?? ""}\u0000${value < 0 ? "-" : "+"}\u0000${Number.isInteger(value) ? "i" : writtenDecimals(value)}`;
  let cached = halfUnitCache.get(key);
  if (!cached) {
    cached = halfUnitUncached(numberFormat, value);
    if (halfUnitCache.size < 10_000) halfUnitCache.set(key, cached);
  }
  return cached;
}

const halfUnitCache = new Map<string, Decimal>();

function halfUnitUncached(numberFormat: string | null | undefined, value: number): Decimal {
  const general = !numberFormat || /general/i.test(numberFormat) || numberFormat === "@";
  if (general) {
    return Number.isInteger(value) ? HALF : HALF.times(new Money(10).pow(-writtenDecimals(value)));
  }
  const sections = numberFormat.split(";");
  const section = (value < 0 && sections[1] ? sections[1] : sections[0])
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (!/[0#?]/.test(section)) {
    return Number.isInteger(value) ? HALF : HALF.times(new Money(10).pow(-writtenDecimals(value)));
  }
  const decimals = /[0#?]\.([0#?]+)/.exec(section);
  const dp = decimals ? decimals[1].length : 0;
  let step: Decimal = new Money(10).pow(-dp);
  const scaleCommas = /[0#?](,+)[^0#?]*$/.exec(section);
  if (scaleCommas) step = step.times(new Money(1000).pow(scaleCommas[1].length));
  if (section.includes("%")) step = step.div(100);
  return HALF.times(step);
}

/** A Term for an amount read from a cell. */
export function term(cell: CellRef, value: Decimal, halfUnit: Decimal, coef = 1): Term {
  return { cell, value, halfUnit, coef };
}

/** Differences this small are float noise in cached formula results, not disagreements. */
function isNoise(difference: Decimal, stated: Decimal): boolean {
  return difference.abs().lte(stated.abs().plus(1).times("1e-9"));
}

export function classify(difference: Decimal, tolerance: Decimal, stated: Decimal = ZERO): CheckStatus {
  if (difference.isZero() || isNoise(difference, stated)) return "match";
  return difference.abs().lte(tolerance) ? "rounding" : "mismatch";
}

/**
 * The signed sum of some terms and their rounding slack. Terms with the same half unit (one cached
 * Decimal per number format) are counted and multiplied once rather than added one by one.
 */
export function sumTerms(parts: readonly Term[]): PartsSum {
  let total: Decimal = ZERO;
  const slackCounts = new Map<Decimal, number>();
  const scaled: Decimal[] = [];
  for (const p of parts) {
    if (!p.value.isZero()) total = p.coef === 1 ? total.plus(p.value) : total.plus(p.value.times(p.coef));
    if (p.halfUnit.isZero()) continue;
    if (Math.abs(p.coef) === 1) slackCounts.set(p.halfUnit, (slackCounts.get(p.halfUnit) ?? 0) + 1);
    else scaled.push(p.halfUnit.times(Math.abs(p.coef)));
  }
  let slack: Decimal = ZERO;
  for (const s of scaled) slack = slack.plus(s);
  for (const [halfUnit, times] of slackCounts) slack = slack.plus(times === 1 ? halfUnit : halfUnit.times(times));
  return { total, slack };
}

/**
 * Evaluates a check. The tolerance is half a displayed unit for every rounded term: each part
 * that is not blank, plus the stated total itself.
 */
export function evaluate(check: Check): CheckResult {
  const { total: expected, slack } = check.partsSum ?? sumTerms(check.parts);
  const tolerance = slack.isZero() ? check.stated.halfUnit : check.stated.halfUnit.plus(slack);
  const difference = check.stated.value.minus(expected);
  const status = classify(difference, tolerance, check.stated.value);
  // Not a spread: parts and partsText may be getters that should stay unbuilt until read.
  return {
    stated: check.stated,
    get parts() {
      return check.parts;
    },
    get partsText() {
      return check.partsText;
    },
    subject: check.subject,
    partsDescription: check.partsDescription,
    expected,
    difference,
    tolerance,
    status,
  };
}

/**
 * Evaluates the same stated cell against alternative sets of parts and keeps the first that
 * agrees (match or rounding); when none does, the first alternative, which is the usual reading.
 */
export function evaluateBest(alternatives: Check[]): CheckResult {
  const results = alternatives.map(evaluate);
  return results.find((r) => r.status !== "mismatch") ?? results[0];
}

/**
 * True when a check's agreement says something: its stated amount is larger than the rounding
 * slack, so it could not agree by the slack alone (0 = 0 proves nothing).
 */
function isEvidence(r: CheckResult): boolean {
  return r.stated.value.abs().gt(r.tolerance);
}

/**
 * Chooses how a family of checks (every cell of one total line, or of one total column) should be
 * read. Each option is one reading (a set of parts per cell). The first option whose every check
 * agrees wins; failing that, the option that agrees on the most cells that prove something (its
 * disagreements are real mismatches); failing that the family's parts cannot be identified and
 * every check in it is unverified rather than a false alarm.
 */
export function chooseReading(options: readonly (Check[] | (() => Check[]))[]): { results: CheckResult[] } | { unverified: true } {
  // Only the usual reading and the best so far are kept. A reading that has disagreed somewhere
  // and can no longer reach the best one's count of agreements is dropped part-way: it could
  // neither agree everywhere nor be chosen, so evaluating the rest of it would change nothing.
  let usual: CheckResult[] | null = null;
  let best: CheckResult[] | null = null;
  let bestScore: [number, number] = [0, 0];
  for (const option of options) {
    const checks = typeof option === "function" ? option() : option;
    const results: CheckResult[] = [];
    let agree = 0;
    let disagree = 0;
    let dropped = false;
    for (let i = 0; i < checks.length; i++) {
      const r = evaluate(checks[i]);
      results.push(r);
      if (r.status === "mismatch") disagree++;
      else if (isEvidence(r)) agree++;
      if (disagree > 0 && usual !== null && agree + (checks.length - i - 1) < bestScore[0]) {
        dropped = true;
        break;
      }
    }
    if (!dropped && results.length > 0 && disagree === 0) return { results };
    usual ??= results;
    // The reading that most non-trivial checks agree with (fewest disagreements on a tie, then the usual one).
    if (!dropped && agree > 0 && (best === null || agree > bestScore[0] || (agree === bestScore[0] && disagree < bestScore[1]))) {
      best = results;
      bestScore = [agree, disagree];
    }
  }
  if (best) return { results: best };
  const nothingToProve = usual?.every((r) => !isEvidence(r) && r.parts.every((p) => p.value.isZero()));
  if (nothingToProve && usual !== null && usual.length > 0) return { results: usual };
  return { unverified: true };
}

interface Involvement {
  index: number;
  /** 1 when the cell is the stated total; for a part, minus its coefficient (an error e in a part moves the difference by −coef·e). */
  effect: number;
}

/**
 * The likely root cause of each failed check, by index into results (absent for checks that pass).
 *
 * 1. A cell that explains several failures: every check it takes part in is out by what one wrong
 *    amount in that cell would cause (consistent in size and sign), and at least two fail. The
 *    cell explaining most failures is chosen first; a stated total wins a tie.
 * 2. Otherwise a failing total is a consequence of another failing total when one of its checks
 *    has that total among its parts: for a failed check, any failing part; for a check that
 *    agrees (the cell was worked out from the wrong one), a failing part out by the same amount.
 * 3. Otherwise the failing total is its own root cause.
 */
export function findRootCauses(results: readonly CheckResult[]): Map<number, CellRef> {
  const involved = new Map<string, Involvement[]>();
  const cells = new Map<string, CellRef>();
  const add = (c: CellRef, inv: Involvement) => {
    const k = cellKey(c);
    cells.set(k, c);
    const list = involved.get(k);
    if (list) list.push(inv);
    else involved.set(k, [inv]);
  };
  results.forEach((r, index) => {
    add(r.stated.cell, { index, effect: 1 });
    for (const p of r.parts) add(p.cell, { index, effect: -p.coef });
  });
  const failed = (i: number) => results[i].status === "mismatch";
  const statedKeys = new Set(results.filter((r) => r.status === "mismatch").map((r) => cellKey(r.stated.cell)));

  // 1. Single cells that explain several failures.
  const candidates: { key: string; covers: number[] }[] = [];
  for (const [key, list] of involved) {
    const failing = list.filter((v) => failed(v.index));
    if (failing.length < 2) continue;
    const ref = failing.reduce((a, b) => (results[a.index].tolerance.lte(results[b.index].tolerance) ? a : b));
    const error = results[ref.index].difference.div(ref.effect);
    const slack = results[ref.index].tolerance;
    const consistent = list.every((v) => {
      const r = results[v.index];
      return r.difference.minus(error.times(v.effect)).abs().lte(r.tolerance.plus(slack.times(Math.abs(v.effect))));
    });
    if (consistent) candidates.push({ key, covers: failing.map((v) => v.index) });
  }
  candidates.sort((a, b) => b.covers.length - a.covers.length || Number(statedKeys.has(b.key)) - Number(statedKeys.has(a.key)));
  const roots = new Map<number, CellRef>();
  const explainers = new Set<string>();
  for (const c of candidates) {
    const open = c.covers.filter((i) => !roots.has(i));
    if (open.length === 0) continue;
    explainers.add(c.key);
    for (const i of open) roots.set(i, cells.get(c.key)!);
  }

  // 2. Consequences of other failing totals.
  const failedChecksOf = new Map<string, number[]>();
  results.forEach((r, i) => {
    if (!failed(i)) return;
    const k = cellKey(r.stated.cell);
    failedChecksOf.set(k, [...(failedChecksOf.get(k) ?? []), i]);
  });
  const parent = new Map<string, string>();
  for (const [key, own] of failedChecksOf) {
    if (explainers.has(key) || own.every((i) => roots.has(i))) continue;
    const mine = results[own[0]];
    let found: string | null = null;
    for (const i of own) {
      const p = results[i].parts.find((t) => failedChecksOf.has(cellKey(t.cell)) && cellKey(t.cell) !== key);
      if (p) {
        found = cellKey(p.cell);
        break;
      }
    }
    if (!found) {
      results.forEach((r, i) => {
        if (found || failed(i) || cellKey(r.stated.cell) !== key) return;
        for (const p of r.parts) {
          const pk = cellKey(p.cell);
          const theirs = failedChecksOf.get(pk);
          if (!theirs || pk === key) continue;
          const other = results[theirs[0]];
          const gap = mine.difference.minus(other.difference.times(p.coef)).abs();
          if (gap.lte(mine.tolerance.plus(other.tolerance))) {
            found = pk;
            return;
          }
        }
      });
    }
    if (found) parent.set(key, found);
  }

  const rootOfCell = (key: string): string => {
    const seen = new Set<string>();
    let k = key;
    for (;;) {
      if (seen.has(k)) return key;
      seen.add(k);
      if (explainers.has(k)) return k;
      const assigned = (failedChecksOf.get(k) ?? []).find((i) => roots.has(i));
      if (assigned !== undefined) return cellKey(roots.get(assigned)!);
      const up = parent.get(k);
      if (!up) return k;
      k = up;
    }
  };
  for (const [key, own] of failedChecksOf) {
    const root = rootOfCell(key);
    for (const i of own) if (!roots.has(i)) roots.set(i, cells.get(root)!);
  }
  return roots;
}

/** An amount as the tables print it, with as many decimals as it has (at most 4). */
export function showAmount(d: Decimal): string {
  return formatMoney(d, Math.min(4, d.decimalPlaces()));
}

/** A difference with its sign in words: "13,921 less", "1 more". */
function showDifference(d: Decimal): string {
  return `${showAmount(d.abs())} ${d.isNegative() ? "less" : "more"}`;
}

/**
 * Plain-English sentence for a check result. `address` names a cell for people; `root` is the
 * likely root cause of a mismatch (the check's own cell when it is the cause).
 */
export function explain(r: CheckResult, address: (c: CellRef) => string, root: CellRef | null): string {
  const cell = address(r.stated.cell);
  const head = `${cell} (${r.subject}) states ${showAmount(r.stated.value)}`;
  const source = `${r.partsDescription} (${r.partsText})`;
  if (r.status === "match") return `${head}, the same as ${source}.`;
  const against = `${head} against ${showAmount(r.expected)} from ${source}`;
  if (r.status === "rounding") {
    return `${against}: a difference of ${showAmount(r.difference.abs())}, within the ${showAmount(r.tolerance)} that rounding of the displayed amounts can explain.`;
  }
  let text = `${against}: ${showDifference(r.difference)}, more than rounding can explain (${showAmount(r.tolerance)}).`;
  if (root && cellKey(root) === cellKey(r.stated.cell)) text += ` ${cell} is the likely cause.`;
  else if (root) text += ` This is likely a consequence of ${address(root)}, which explains this and other differences.`;
  return text;
}
