/**
 * Exact running sums of cell amounts. Whole amounts (the usual case: pounds typed without pence)
 * are added as BigInt, exact integers with no rounding at all, which is several times faster than
 * Decimal; as soon as an amount with decimals (or a scale) comes in, the sum carries on in Decimal.
 * Either way the result is exact, so it is the very Decimal that adding the parts one by one gives.
 */
import type Decimal from "decimal.js";
import { Money, type PartsSum } from "../../engine";

/** A cell amount as the sums need it: the Decimal, and the same amount as a safe integer when it is whole. */
export interface SummandRead {
  value: Decimal;
  /** The amount when it is a whole number within ±2^53 (absent otherwise). */
  whole?: number;
}

export type ExactSum = bigint | Decimal;

export const EXACT_ZERO: ExactSum = 0n;

/** acc + coef × amount, staying in integers while every amount so far has been whole. */
export function addExact(acc: ExactSum, r: SummandRead, coef: number): ExactSum {
  if (typeof acc === "bigint" && r.whole !== undefined) {
    if (coef === 1) return acc + BigInt(r.whole);
    if (coef === -1) return acc - BigInt(r.whole);
  }
  const sum = toDecimal(acc);
  return coef === 1
    ? sum.plus(r.value)
    : coef === -1
      ? sum.minus(r.value)
      : sum.plus(r.value.times(coef));
}

/** acc + coef × a whole amount (a safe integer). */
export function addWhole(acc: ExactSum, whole: number, coef: number): ExactSum {
  if (typeof acc === "bigint") {
    if (coef === 1) return acc + BigInt(whole);
    if (coef === -1) return acc - BigInt(whole);
  }
  const value = new Money(whole);
  const sum = toDecimal(acc);
  return coef === 1
    ? sum.plus(value)
    : coef === -1
      ? sum.minus(value)
      : sum.plus(value.times(coef));
}

/** a + b, exactly. */
export function plusExact(a: ExactSum, b: ExactSum): ExactSum {
  if (typeof a === "bigint" && typeof b === "bigint") return a + b;
  return toDecimal(a).plus(toDecimal(b));
}

/** a − b, exactly. */
export function subtractExact(a: ExactSum, b: ExactSum): ExactSum {
  if (typeof a === "bigint" && typeof b === "bigint") return a - b;
  return toDecimal(a).minus(toDecimal(b));
}

export function toDecimal(x: ExactSum): Decimal {
  if (typeof x !== "bigint") return x;
  // Within ±2^53 the integer is exact as a number, and Decimal takes a whole number directly.
  return x >= -9007199254740991n && x <= 9007199254740991n
    ? new Money(Number(x))
    : new Money(x.toString());
}

/** Parts' sum and slack where the sum is a safe integer: its Decimal is made only if asked for. */
export class WholeSum {
  private decimal: Decimal | null = null;
  constructor(
    readonly whole: number,
    readonly slack: Decimal
  ) {}
  get total(): Decimal {
    return (this.decimal ??= new Money(this.whole));
  }
}

/** The half unit the rounded parts of a sum share, or that they do not all share one. */
export class RoundingUnit {
  unit: Decimal | null = null;
  mixed = false;

  note(halfUnit: Decimal): void {
    if (this.unit === null) this.unit = halfUnit;
    else if (this.unit !== halfUnit && !this.unit.eq(halfUnit)) this.mixed = true;
  }
}

/**
 * A running sum of cell amounts, exact: a plain safe integer while every amount so far is whole
 * and the sum stays within ±2^53 (the usual case, and the fastest), then BigInt or Decimal for
 * good; and a count of the rounded amounts in it, whose shared half unit `units` keeps.
 */
export class RunningSum {
  private whole = 0;
  private inWhole = true;
  private exact: ExactSum = EXACT_ZERO;
  /** Amounts added that are rounded (their half unit is not zero). */
  rounded = 0;

  constructor(private readonly units: RoundingUnit) {}

  /** True while the sum is a plain safe integer (see wholeValue). */
  get isWhole(): boolean {
    return this.inWhole;
  }
  get wholeValue(): number {
    return this.whole;
  }

  /** The sum so far, exactly. */
  get value(): ExactSum {
    return this.inWhole ? BigInt(this.whole) : this.exact;
  }

  /** Adds coef × a whole amount (a safe integer). */
  addWhole(amount: number, coef: number): void {
    if (amount === 0) return;
    const next = this.whole + (coef === 1 ? amount : coef === -1 ? -amount : NaN);
    if (this.inWhole && Number.isSafeInteger(next)) this.whole = next;
    else this.exact = addWhole(this.leaveWhole(), amount, coef);
  }

  /** Adds coef × an amount read as a Decimal. */
  addRead(read: SummandRead, coef: number): void {
    if (!read.value.isZero()) this.exact = addExact(this.leaveWhole(), read, coef);
  }

  /** Counts an amount just added as rounded when its half unit says it is. */
  countRounding(halfUnit: Decimal | null): void {
    if (!halfUnit || halfUnit.isZero()) return;
    this.units.note(halfUnit);
    this.rounded++;
  }

  /** The sum as the engine's parts sum, with the given slack. */
  partsSum(slack: Decimal): PartsSum {
    return this.inWhole ? new WholeSum(this.whole, slack) : { total: toDecimal(this.exact), slack };
  }

  private leaveWhole(): ExactSum {
    if (this.inWhole) {
      this.inWhole = false;
      this.exact = BigInt(this.whole);
    }
    return this.exact;
  }
}
