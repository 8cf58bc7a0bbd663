/**
 * Exact running sums of cell amounts. Whole amounts (the usual case: pounds typed without pence)
 * are added as BigInt, exact integers with no rounding at all, which is several times faster than
 * Decimal; as soon as an amount with decimals (or a scale) comes in, the sum carries on in Decimal.
 * Either way the result is exact, so it is the very Decimal that adding the parts one by one gives.
 */
import type Decimal from "decimal.js";
import { Money } from "../../engine";

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
