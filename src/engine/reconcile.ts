/**
 * Reconciliation, the pure part: a check says "this stated cell should equal the signed sum of
 * these part cells". This module evaluates checks (with a tolerance for what rounding of the
 * displayed amounts can explain), names the likely root cause when one cell explains several
 * failures, and words each result in plain English. It knows cells only as (sheet, row, col):
 * finding the checks in a grid is src/grid/reconcileGrid.ts's job.
 */
import type Decimal from "decimal.js";
import type { CellRef } from "../sheet";
import { formatMoney, Money, ZERO } from "./money";

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
}

export type PartVisitor = (sheet: string, row: number, col: number, coef: number) => void;

/** Each part of a check, through eachPart when it has one. */
function visitParts(check: Check, visit: PartVisitor): void {
  if (check.eachPart) check.eachPart(visit);
  else for (const p of check.parts) visit(p.cell.sheet, p.cell.row, p.cell.col, p.coef);
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

/** A key for maps that tells apart any two cells, even at coordinates no sheet has. */
function exactCellKey(c: CellRef): string {
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
  // Keyed by format, then sign and written decimals: no text is built per cell for the common case.
  const format = numberFormat ?? "";
  let byFormat = halfUnitCache.get(format);
  if (!byFormat) {
    if (halfUnitCache.size >= 1_000) return halfUnitUncached(numberFormat, value);
    halfUnitCache.set(format, (byFormat = new Map()));
  }
  // Whole numbers share one slot per sign (-1 / -2); others one per count of written decimals.
  const slot = Number.isInteger(value)
    ? value < 0
      ? -2
      : -1
    : (value < 0 ? 100 : 0) + writtenDecimals(value);
  let cached = byFormat.get(slot);
  if (!cached) {
    cached = halfUnitUncached(numberFormat, value);
    byFormat.set(slot, cached);
  }
  return cached;
}

const halfUnitCache = new Map<string, Map<number, Decimal>>();

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
export function evaluate(check: Check): CheckResult {
  const sum = check.partsSum ?? sumTerms(check.parts);
  // The usual case, whole parts and a whole stated amount, is told in integers with no Decimal work.
  const stated = check.stated.whole;
  if (sum.whole !== undefined && stated !== undefined) {
    if (sum.whole === stated) return new WholeResult(check, sum, 0, "match", null);
    const difference = stated - sum.whole;
    // A whole difference is at least 1, never float noise for a stated amount this small.
    if (Number.isSafeInteger(difference) && Math.abs(stated) < 1e8) {
      const tolerance = withSlack(check.stated.halfUnit, sum.slack);
      const beyond = wholeExceeds(difference, tolerance);
      if (beyond !== null)
        return new WholeResult(check, sum, difference, beyond ? "mismatch" : "rounding", tolerance);
    }
  }
  const { total: expected, slack } = sum;
  const tolerance = withSlack(check.stated.halfUnit, slack);
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
    private tol: Decimal | null
  ) {
    super(check);
  }

  get tolerance(): Decimal {
    return (this.tol ??= withSlack(this.check.stated.halfUnit, this.sum.slack));
  }
  get expected(): Decimal {
    return this.wholeDifference === 0 ? this.check.stated.value : this.sum.total;
  }
  get difference(): Decimal {
    return this.wholeDifference === 0 ? ZERO : (this.diff ??= new Money(this.wholeDifference));
  }
}

/** halfUnit + slack; kept per pair, as both are usually among a few shared Decimals. */
function withSlack(halfUnit: Decimal, slack: Decimal): Decimal {
  if (slack.isZero()) return halfUnit;
  let bySlack = toleranceCache.get(halfUnit);
  if (!bySlack) {
    if (toleranceCache.size >= 1_000) return halfUnit.plus(slack);
    toleranceCache.set(halfUnit, (bySlack = new Map()));
  }
  let tolerance = bySlack.get(slack);
  if (!tolerance) {
    tolerance = halfUnit.plus(slack);
    if (bySlack.size < 1_000) bySlack.set(slack, tolerance);
  }
  return tolerance;
}

const toleranceCache = new Map<Decimal, Map<Decimal, Decimal>>();

/**
 * |whole| > limit for a safe integer and a non-negative Decimal, in integers where the limit's
 * floor is a safe integer (an integer exceeds a limit exactly when it exceeds its floor); null
 * when it is not.
 */
function wholeExceeds(whole: number, limit: Decimal): boolean | null {
  let floor = floors.get(limit);
  if (floor === undefined) {
    const f = limit.floor();
    floor = f.abs().lte(Number.MAX_SAFE_INTEGER) && !limit.isNegative() ? f.toNumber() : null;
    if (floors.size < 1_000) floors.set(limit, floor);
  }
  return floor === null ? null : Math.abs(whole) > floor;
}

const floors = new Map<Decimal, number | null>();

/**
 * True when a check's agreement says something: its stated amount is larger than the rounding
 * slack, so it could not agree by the slack alone (0 = 0 proves nothing).
 */
function isEvidence(r: CheckResult): boolean {
  const whole = r.stated.whole;
  if (whole !== undefined) {
    const exceeds = wholeExceeds(whole, r.tolerance);
    if (exceeds !== null) return exceeds;
  }
  return r.stated.value.abs().gt(r.tolerance);
}

/**
 * Whether a check of this stated amount could ever be evidence: its tolerance is at least the
 * stated cell's own half unit. Two comparisons, no arithmetic (half units are few shared Decimals).
 */
function canProve(stated: Term): boolean {
  if (stated.whole !== undefined) {
    const exceeds = wholeExceeds(stated.whole, stated.halfUnit);
    if (exceeds !== null) return exceeds;
  }
  return stated.value.gt(stated.halfUnit) || stated.value.lt(negatedHalfUnit(stated.halfUnit));
}

const negatedHalfUnits = new Map<Decimal, Decimal>();

function negatedHalfUnit(halfUnit: Decimal): Decimal {
  let negated = negatedHalfUnits.get(halfUnit);
  if (!negated) {
    negated = halfUnit.negated();
    if (negatedHalfUnits.size < 1_000) negatedHalfUnits.set(halfUnit, negated);
  }
  return negated;
}

/**
 * Chooses how a family of checks (every cell of one total line, or of one total column) should be
 * read. Each option is one reading (a set of parts per cell). The first option whose every check
 * agrees wins; failing that, the option that agrees on the most cells that prove something (its
 * disagreements are real mismatches); failing that the family's parts cannot be identified and
 * every check in it is unverified rather than a false alarm.
 */
export function chooseReading(
  options: readonly (Check[] | (() => Check[]))[]
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
    const provable = checks.map((chk) => canProve(chk.stated));
    let couldProve = usual === null ? 0 : provable.reduce((n, p) => n + (p ? 1 : 0), 0);
    for (const pass of [true, false]) {
      for (let i = 0; i < checks.length && !dropped; i++) {
        if (provable[i] !== pass) continue;
        const r = evaluate(checks[i]);
        slots[i] = r;
        if (pass && usual !== null) couldProve--;
        if (r.status === "mismatch") disagree++;
        else if (isEvidence(r)) agree++;
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
    (r) => !isEvidence(r) && r.parts.every((p) => p.value.isZero())
  );
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
  const keyOf = cellKeyer();
  const keyOfCell = (c: CellRef) => keyOf(c.sheet, c.row, c.col);
  const failed = (i: number) => results[i].status === "mismatch";
  const cells = new Map<CellKey, CellRef>();
  const statedKeys = new Set<CellKey>();
  // Only a cell taking part in two failures can explain several; count failing involvements first
  // so the (large) pass over every check's parts keeps lists for those cells alone.
  const failingCount = new Map<CellKey, number>();
  const twice: CellRef[] = [];
  const countFailing = (sheet: string, row: number, col: number) => {
    const k = keyOf(sheet, row, col);
    const n = (failingCount.get(k) ?? 0) + 1;
    failingCount.set(k, n);
    if (n === 2) twice.push({ sheet, row, col });
  };
  results.forEach((r, i) => {
    if (!failed(i)) return;
    const s = r.stated.cell;
    statedKeys.add(keyOf(s.sheet, s.row, s.col));
    countFailing(s.sheet, s.row, s.col);
    visitParts(r, countFailing);
  });
  const involved = new Map<CellKey, Involvement[]>();
  if (statedKeys.size > 0) {
    let index = 0;
    const mayMatter = cellFilter(twice);
    const add = (sheet: string, row: number, col: number, coef: number) => {
      if (!mayMatter(sheet, row, col)) return;
      const k = keyOf(sheet, row, col);
      if ((failingCount.get(k) ?? 0) < 2) return;
      const inv = { index, effect: -coef };
      const list = involved.get(k);
      if (list) list.push(inv);
      else {
        involved.set(k, [inv]);
        cells.set(k, { sheet, row, col });
      }
    };
    results.forEach((r, i) => {
      index = i;
      const s = r.stated.cell;
      add(s.sheet, s.row, s.col, -1);
      visitParts(r, add);
    });
  }

  // 1. Single cells that explain several failures.
  const candidates: { key: CellKey; covers: number[] }[] = [];
  for (const [key, list] of involved) {
    const failing = list.filter((v) => failed(v.index));
    if (failing.length < 2) continue;
    const ref = failing.reduce((a, b) =>
      results[a.index].tolerance.lte(results[b.index].tolerance) ? a : b
    );
    const error = results[ref.index].difference.div(ref.effect);
    const slack = results[ref.index].tolerance;
    const consistent = list.every((v) => {
      const r = results[v.index];
      return r.difference
        .minus(error.times(v.effect))
        .abs()
        .lte(r.tolerance.plus(slack.times(Math.abs(v.effect))));
    });
    if (consistent) candidates.push({ key, covers: failing.map((v) => v.index) });
  }
  candidates.sort(
    (a, b) =>
      b.covers.length - a.covers.length ||
      Number(statedKeys.has(b.key)) - Number(statedKeys.has(a.key))
  );
  const roots = new Map<number, CellRef>();
  const explainers = new Set<CellKey>();
  for (const c of candidates) {
    const open = c.covers.filter((i) => !roots.has(i));
    if (open.length === 0) continue;
    explainers.add(c.key);
    for (const i of open) roots.set(i, cells.get(c.key)!);
  }

  // 2. Consequences of other failing totals.
  const failedChecksOf = new Map<CellKey, number[]>();
  /** Every check of each failing stated cell, failing or not, in order. */
  const checksOfFailedCell = new Map<CellKey, number[]>();
  results.forEach((r, i) => {
    const k = keyOf(r.stated.cell.sheet, r.stated.cell.row, r.stated.cell.col);
    if (!statedKeys.has(k)) return;
    const all = checksOfFailedCell.get(k);
    if (all) all.push(i);
    else checksOfFailedCell.set(k, [i]);
    if (!failed(i)) return;
    const own = failedChecksOf.get(k);
    if (own) own.push(i);
    else {
      failedChecksOf.set(k, [i]);
      if (!cells.has(k)) cells.set(k, r.stated.cell);
    }
  });
  const parent = new Map<CellKey, CellKey>();
  for (const [key, own] of failedChecksOf) {
    if (explainers.has(key) || own.every((i) => roots.has(i))) continue;
    const mine = results[own[0]];
    let found: CellKey | null = null;
    for (const i of own) {
      const p = results[i].parts.find((t) => {
        const tk = keyOfCell(t.cell);
        return failedChecksOf.has(tk) && tk !== key;
      });
      if (p) {
        found = keyOfCell(p.cell);
        break;
      }
    }
    if (!found) {
      for (const i of checksOfFailedCell.get(key) ?? []) {
        if (found !== null) break;
        if (failed(i)) continue;
        for (const p of results[i].parts) {
          const pk = keyOfCell(p.cell);
          const theirs = failedChecksOf.get(pk);
          if (!theirs || pk === key) continue;
          const other = results[theirs[0]];
          const gap = mine.difference.minus(other.difference.times(p.coef)).abs();
          if (gap.lte(mine.tolerance.plus(other.tolerance))) {
            found = pk;
            break;
          }
        }
      }
    }
    if (found !== null) parent.set(key, found);
  }

  const rootOfCell = (key: CellKey): CellKey => {
    const seen = new Set<CellKey>();
    let k = key;
    for (;;) {
      if (seen.has(k)) return key;
      seen.add(k);
      if (explainers.has(k)) return k;
      const assigned = (failedChecksOf.get(k) ?? []).find((i) => roots.has(i));
      if (assigned !== undefined) return keyOfCell(roots.get(assigned)!);
      const up = parent.get(k);
      if (up === undefined) return k;
      k = up;
    }
  };
  for (const [key, own] of failedChecksOf) {
    const root = rootOfCell(key);
    for (const i of own) if (!roots.has(i)) roots.set(i, cells.get(root)!);
  }
  return roots;
}

/**
 * A quick test for "could be one of these cells" (a bitmap per sheet), so passing over millions of
 * parts looks up only the few that could be. False only when the cell is certainly not listed.
 */
function cellFilter(
  listed: readonly CellRef[]
): (sheet: string, row: number, col: number) => boolean {
  const bySheet = new Map<string, { width: number; height: number; bits: Uint8Array }>();
  const extent = new Map<string, { width: number; height: number }>();
  for (const c of listed) {
    if (!(Number.isInteger(c.row) && Number.isInteger(c.col) && c.row >= 0 && c.col >= 0))
      return () => true;
    const e = extent.get(c.sheet) ?? { width: 0, height: 0 };
    extent.set(c.sheet, {
      width: Math.max(e.width, c.col + 1),
      height: Math.max(e.height, c.row + 1),
    });
  }
  for (const [sheet, e] of extent) {
    if (e.width * e.height > 64 * 1024 * 1024) return () => true;
    bySheet.set(sheet, { ...e, bits: new Uint8Array(e.width * e.height) });
  }
  for (const c of listed) {
    const m = bySheet.get(c.sheet)!;
    m.bits[c.row * m.width + c.col] = 1;
  }
  // Parts come sheet by sheet: the last sheet's bitmap is kept at hand.
  let lastSheet: string | null = null;
  let lastMap: { width: number; height: number; bits: Uint8Array } | undefined;
  return (sheet, row, col) => {
    if (sheet !== lastSheet) {
      lastSheet = sheet;
      lastMap = bySheet.get(sheet);
    }
    const m = lastMap;
    return (
      m !== undefined &&
      row < m.height &&
      col < m.width &&
      row >= 0 &&
      col >= 0 &&
      m.bits[row * m.width + col] === 1
    );
  };
}

/** A cell as a map key: a number where the position allows (fast), else the text of cellKey. */
type CellKey = number | string;

function cellKeyer(): (sheet: string, row: number, col: number) => CellKey {
  const sheets = new Map<string, number>();
  let lastSheet = "";
  let lastIndex = -1;
  return function keyOf(sheet, row, col) {
    if (!(
      row >= 0 &&
      row < 2 ** 21 &&
      col >= 0 &&
      col < 2 ** 15 &&
      Number.isInteger(row) &&
      Number.isInteger(col)
    ))
      return exactCellKey({ sheet, row, col });
    if (sheet !== lastSheet || lastIndex < 0) {
      let s = sheets.get(sheet);
      if (s === undefined) sheets.set(sheet, (s = sheets.size));
      lastSheet = sheet;
      lastIndex = s;
    }
    return (lastIndex * 2 ** 21 + row) * 2 ** 15 + col;
  };
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
export function explain(
  r: CheckResult,
  address: (c: CellRef) => string,
  root: CellRef | null
): string {
  const cell = address(r.stated.cell);
  const head = `${cell} (${r.subject}) states ${showAmount(r.stated.value)}`;
  const source = `${r.partsDescription} (${r.partsText})`;
  if (r.status === "match") return `${head}, the same as ${source}.`;
  const against = `${head} against ${showAmount(r.expected)} from ${source}`;
  if (r.status === "rounding") {
    return `${against}: a difference of ${showAmount(r.difference.abs())}, within the ${showAmount(r.tolerance)} that rounding of the displayed amounts can explain.`;
  }
  let text = `${against}: ${showDifference(r.difference)}, more than rounding can explain (${showAmount(r.tolerance)}).`;
  if (root && exactCellKey(root) === exactCellKey(r.stated.cell))
    text += ` ${cell} is the likely cause.`;
  else if (root)
    text += ` This is likely a consequence of ${address(root)}, which explains this and other differences.`;
  return text;
}
