/**
 * The Decimals one reconciliation makes again and again: half units per number format, tolerances
 * (half unit + slack), their integer floors, negated half units and shared slacks. Each is made
 * once and shared, so equal ones are the same object and compare by identity (the fast path of
 * every sum). A memo belongs to one reconciliation and is dropped with it: nothing is kept between
 * runs at module level.
 */
import type Decimal from "decimal.js";
import { halfUnitOf, writtenDecimals } from "./halfUnit";
import { ZERO } from "./money";

/** Past this many entries a table stops growing and answers are computed afresh. */
const MAX_ENTRIES = 1_000;
/** Counts of rounded cells at or above this are multiplied out, not kept. */
const MAX_KEPT_COUNT = 100_000;

export class ReconcileMemo {
  private readonly halfUnits = new Map<string, Map<number, Decimal>>();
  private readonly tolerances = new Map<Decimal, Map<Decimal, Decimal>>();
  private readonly floors = new Map<Decimal, number | null>();
  private readonly negations = new Map<Decimal, Decimal>();
  private readonly slacks = new Map<Decimal, Decimal[]>();

  /** halfUnitOf, one shared Decimal per format, sign and count of written decimals. */
  halfUnit(numberFormat: string | null | undefined, value: number): Decimal {
    const format = numberFormat ?? "";
    let byFormat = this.halfUnits.get(format);
    if (!byFormat) {
      if (this.halfUnits.size >= MAX_ENTRIES) return halfUnitOf(numberFormat, value);
      this.halfUnits.set(format, (byFormat = new Map()));
    }
    // Whole numbers share one slot per sign (-1 / -2); others one per count of written decimals.
    const slot = Number.isInteger(value)
      ? value < 0
        ? -2
        : -1
      : (value < 0 ? 100 : 0) + writtenDecimals(value);
    let cached = byFormat.get(slot);
    if (!cached) {
      cached = halfUnitOf(numberFormat, value);
      byFormat.set(slot, cached);
    }
    return cached;
  }

  /** halfUnit + slack, kept per pair: both are usually among a few shared Decimals. */
  tolerance(halfUnit: Decimal, slack: Decimal): Decimal {
    if (slack.isZero()) return halfUnit;
    let bySlack = this.tolerances.get(halfUnit);
    if (!bySlack) {
      if (this.tolerances.size >= MAX_ENTRIES) return halfUnit.plus(slack);
      this.tolerances.set(halfUnit, (bySlack = new Map()));
    }
    let tolerance = bySlack.get(slack);
    if (!tolerance) {
      tolerance = halfUnit.plus(slack);
      if (bySlack.size < MAX_ENTRIES) bySlack.set(slack, tolerance);
    }
    return tolerance;
  }

  /**
   * |whole| > limit for a safe integer and a non-negative Decimal, in integers where the limit's
   * floor is a safe integer (an integer exceeds a limit exactly when it exceeds its floor); null
   * when it is not.
   */
  wholeExceeds(whole: number, limit: Decimal): boolean | null {
    let floor = this.floors.get(limit);
    if (floor === undefined) {
      const f = limit.floor();
      floor = f.abs().lte(Number.MAX_SAFE_INTEGER) && !limit.isNegative() ? f.toNumber() : null;
      if (this.floors.size < MAX_ENTRIES) this.floors.set(limit, floor);
    }
    return floor === null ? null : Math.abs(whole) > floor;
  }

  negated(halfUnit: Decimal): Decimal {
    let negated = this.negations.get(halfUnit);
    if (!negated) {
      negated = halfUnit.negated();
      if (this.negations.size < MAX_ENTRIES) this.negations.set(halfUnit, negated);
    }
    return negated;
  }

  /** The rounding slack of `count` rounded cells that all share one half unit. */
  sharedSlack(unit: Decimal | null, count: number): Decimal {
    if (count === 0 || unit === null) return ZERO;
    if (count === 1) return unit;
    // Kept per unit and count: the same few slacks recur for thousands of checks.
    let byCount = this.slacks.get(unit);
    if (!byCount) {
      if (this.slacks.size >= MAX_ENTRIES) return unit.times(count);
      this.slacks.set(unit, (byCount = []));
    }
    if (count >= MAX_KEPT_COUNT) return unit.times(count);
    return (byCount[count] ??= unit.times(count));
  }
}
