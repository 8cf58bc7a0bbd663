/**
 * Reconciliation, the pure part: a check says "this stated cell should equal the signed sum of
 * these part cells". This module evaluates checks (with a tolerance for what rounding of the
 * displayed amounts can explain), names the likely root cause when one cell explains several
 * failures (rootCauses.ts), and words each result in plain English (explain.ts). It knows cells
 * only as (sheet, row, col):
 * finding the checks in a grid is src/grid/reconcileGrid.ts's job.
 */
import type Decimal from "decimal.js";
import type { CellRef, RangeRef } from "../sheet";
import { Money, ZERO } from "./money";
import { ReconcileMemo } from "./reconcileMemo";

export { halfUnitOf } from "./halfUnit";
export { findRootCauses } from "./rootCauses";
export { explain, showAmount } from "./explain";
export { ReconcileMemo };

export type CheckStatus = "match" | "rounding" | "mismatch";

/** One amount taking part in a check. */
export interface Term {
  cell: CellRef;
  /** The amount as stored (a blank is zero). */
  value: Decimal;
  /** Half the smallest step the cell displays: what rounding may hide. Zero for a blank (exact). */
  halfUnit: Decimal;
  /** Multiplier of this part in the sum: 1, or -1 for an amount subtracted. */
  coef: number;
  /** The amount as a safe integer, when the builder knows it is whole (lets evaluate skip Decimal work). */
  whole?: number;
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
  /** Visits each part's cell and coefficient without building terms (for checks that build them lazily). */
  eachPart?(visit: PartVisitor): void;
  /**
   * The smallest rectangle holding every part, when the builder can tell it without a visit per
   * part; null when it cannot (parts on several sheets, or none).
   */
  partsRange?(): RangeRef | null;
}

/** Called for each part; returning false stops the visit (the rest of the parts are not visited). */
export type PartVisitor = (sheet: string, row: number, col: number, coef: number) => boolean | void;

/** Each part of a check, through eachPart when it has one, until the visitor returns false. */
export function visitParts(check: Check, visit: PartVisitor): void {
  if (check.eachPart) check.eachPart(visit);
  else
    for (const p of check.parts)
      if (visit(p.cell.sheet, p.cell.row, p.cell.col, p.coef) === false) return;
}

/** What evaluate needs of the parts: their signed sum and the slack rounding of them allows. */
export interface PartsSum {
  total: Decimal;
  /** Sum of |coef| × halfUnit over the parts. */
  slack: Decimal;
  /** The total as a safe integer, when the builder knows it is whole (total may then be a getter). */
  whole?: number;
}

export interface CheckResult extends Check {
  expected: Decimal;
  /** stated − expected. */
  difference: Decimal;
  tolerance: Decimal;
  status: CheckStatus;
}

/** A Term for an amount read from a cell. */
export function term(cell: CellRef, value: Decimal, halfUnit: Decimal, coef = 1): Term {
  return { cell, value, halfUnit, coef };
}

/** Differences this small are float noise in cached formula results, not disagreements. */
function isNoise(difference: Decimal, stated: Decimal): boolean {
  return difference.abs().lte(stated.abs().plus(1).times(NOISE));
}

const NOISE = new Money("1e-9");

export function classify(
  difference: Decimal,
  tolerance: Decimal,
  stated: Decimal = ZERO
): CheckStatus {
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
    if (!p.value.isZero())
      total = p.coef === 1 ? total.plus(p.value) : total.plus(p.value.times(p.coef));
    if (p.halfUnit.isZero()) continue;
    if (Math.abs(p.coef) === 1) slackCounts.set(p.halfUnit, (slackCounts.get(p.halfUnit) ?? 0) + 1);
    else scaled.push(p.halfUnit.times(Math.abs(p.coef)));
  }
  let slack: Decimal = ZERO;
  for (const s of scaled) slack = slack.plus(s);
  for (const [halfUnit, times] of slackCounts)
    slack = slack.plus(times === 1 ? halfUnit : halfUnit.times(times));
  return { total, slack };
}

/**
 * Evaluates a check. The tolerance is half a displayed unit for every rounded term: each part
 * that is not blank, plus the stated total itself.
 */
export function evaluate(check: Check, memo: ReconcileMemo = new ReconcileMemo()): CheckResult {
  const sum = check.partsSum ?? sumTerms(check.parts);
  // The usual case, whole parts and a whole stated amount, is told in integers with no Decimal work.
  const stated = check.stated.whole;
  if (sum.whole !== undefined && stated !== undefined) {
    if (sum.whole === stated) return new WholeResult(check, sum, 0, "match", null, memo);
    const difference = stated - sum.whole;
    // A whole difference is at least 1, never float noise for a stated amount this small.
    if (Number.isSafeInteger(difference) && Math.abs(stated) < 1e8) {
      const tolerance = memo.tolerance(check.stated.halfUnit, sum.slack);
      const beyond = memo.wholeExceeds(difference, tolerance);
      if (beyond !== null)
        return new WholeResult(
          check,
          sum,
          difference,
          beyond ? "mismatch" : "rounding",
          tolerance,
          memo
        );
    }
  }
  const { total: expected, slack } = sum;
  const tolerance = memo.tolerance(check.stated.halfUnit, slack);
  const difference = check.stated.value.minus(expected);
  const status = classify(difference, tolerance, check.stated.value);
  return new EvaluatedCheck(check, expected, difference, tolerance, status);
}

/** What every verdict reads from its check: the check itself is kept, never copied. */
abstract class CheckVerdict {
  constructor(protected readonly check: Check) {}

  get stated(): Term {
    return this.check.stated;
  }
  get parts(): Term[] {
    return this.check.parts;
  }
  get partsText(): string {
    return this.check.partsText;
  }
  get subject(): string {
    return this.check.subject;
  }
  get partsDescription(): string {
    return this.check.partsDescription;
  }
  eachPart(visit: PartVisitor): void {
    visitParts(this.check, visit);
  }
  partsRange(): RangeRef | null {
    return this.check.partsRange ? this.check.partsRange() : null;
  }
}

/** A check with its verdict. Not a copy: parts and partsText may be built on first use only. */
class EvaluatedCheck extends CheckVerdict implements CheckResult {
  constructor(
    check: Check,
    readonly expected: Decimal,
    readonly difference: Decimal,
    readonly tolerance: Decimal,
    readonly status: CheckStatus
  ) {
    super(check);
  }
}

/**
 * A check of whole parts against a whole stated amount, judged in integers. Its Decimals (the
 * expected amount, the difference, the tolerance) are made on first use: most checks agree and
 * none of them is ever shown.
 */
class WholeResult extends CheckVerdict implements CheckResult {
  private diff: Decimal | null = null;

  constructor(
    check: Check,
    private readonly sum: PartsSum,
    /** stated − expected, a safe integer. */
    private readonly wholeDifference: number,
    readonly status: CheckStatus,
    private tol: Decimal | null,
    private readonly memo: ReconcileMemo
  ) {
    super(check);
  }

  get tolerance(): Decimal {
    return (this.tol ??= this.memo.tolerance(this.check.stated.halfUnit, this.sum.slack));
  }
  get expected(): Decimal {
    return this.wholeDifference === 0 ? this.check.stated.value : this.sum.total;
  }
  get difference(): Decimal {
    return this.wholeDifference === 0 ? ZERO : (this.diff ??= new Money(this.wholeDifference));
  }
}

/**
 * True when a check's agreement says something: its stated amount is larger than the rounding
 * slack, so it could not agree by the slack alone (0 = 0 proves nothing).
 */
function isEvidence(r: CheckResult, memo: ReconcileMemo): boolean {
  const whole = r.stated.whole;
  if (whole !== undefined) {
    const exceeds = memo.wholeExceeds(whole, r.tolerance);
    if (exceeds !== null) return exceeds;
  }
  return r.stated.value.abs().gt(r.tolerance);
}

/**
 * Whether a check of this stated amount could ever be evidence: its tolerance is at least the
 * stated cell's own half unit. Two comparisons, no arithmetic (half units are few shared Decimals).
 */
function canProve(stated: Term, memo: ReconcileMemo): boolean {
  if (stated.whole !== undefined) {
    const exceeds = memo.wholeExceeds(stated.whole, stated.halfUnit);
    if (exceeds !== null) return exceeds;
  }
  return stated.value.gt(stated.halfUnit) || stated.value.lt(memo.negated(stated.halfUnit));
}

/**
 * Chooses how a family of checks (every cell of one total line, or of one total column) should be
 * read. Each option is one reading (a set of parts per cell). The first option whose every check
 * agrees wins; failing that, the option that agrees on the most cells that prove something (its
 * disagreements are real mismatches); failing that the family's parts cannot be identified and
 * every check in it is unverified rather than a false alarm.
 */
export function chooseReading(
  options: readonly (Check[] | (() => Check[]))[],
  memo: ReconcileMemo = new ReconcileMemo()
): { results: CheckResult[] } | { unverified: true } {
  // Only the usual reading and the best so far are kept. A reading that has disagreed somewhere
  // and can no longer reach the best one's count of agreements is dropped part-way: it could
  // neither agree everywhere nor be chosen, so evaluating the rest of it would change nothing.
  let usual: CheckResult[] | null = null;
  let best: CheckResult[] | null = null;
  let bestScore: [number, number] = [0, 0];
  for (const option of options) {
    const checks = typeof option === "function" ? option() : option;
    let agree = 0;
    let disagree = 0;
    let dropped = false;
    // Checks that could prove something go first: they are what can drop a reading early. The
    // results keep the checks' order.
    const slots: (CheckResult | undefined)[] = new Array(checks.length);
    const provable = checks.map((chk) => canProve(chk.stated, memo));
    let couldProve = usual === null ? 0 : provable.reduce((n, p) => n + (p ? 1 : 0), 0);
    for (const pass of [true, false]) {
      for (let i = 0; i < checks.length && !dropped; i++) {
        if (provable[i] !== pass) continue;
        const r = evaluate(checks[i], memo);
        slots[i] = r;
        if (pass && usual !== null) couldProve--;
        if (r.status === "mismatch") disagree++;
        else if (isEvidence(r, memo)) agree++;
        if (disagree > 0 && usual !== null && agree + couldProve < bestScore[0]) dropped = true;
      }
    }
    const results = dropped ? [] : (slots as CheckResult[]);
    if (!dropped && results.length > 0 && disagree === 0) return { results };
    usual ??= results;
    // The reading that most non-trivial checks agree with (fewest disagreements on a tie, then the usual one).
    if (
      !dropped &&
      agree > 0 &&
      (best === null || agree > bestScore[0] || (agree === bestScore[0] && disagree < bestScore[1]))
    ) {
      best = results;
      bestScore = [agree, disagree];
    }
  }
  if (best) return { results: best };
  const nothingToProve = usual?.every(
    (r) => !isEvidence(r, memo) && r.parts.every((p) => p.value.isZero())
  );
  if (nothingToProve && usual !== null && usual.length > 0) return { results: usual };
  return { unverified: true };
}
