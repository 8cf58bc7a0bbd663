/**
 * Which "cumulative" lines really are running sums. In MTFS language "savings to be delivered
 * (cumulative)" is each year's full-year saving against the base budget: an in-year amount,
 * counted, with a note saying so. A line is a running sum (checked, never added in) when it is
 * labelled as a position ("Cum", "Cumulative position", "Cumulative cash flow") or its figures are
 * the running sum of another line; a "cumulative gap" that is the sum of the lines above it is a
 * stated total.
 */
import Decimal from "decimal.js";
import { ZERO } from "../../engine";
import type { LineRole } from "./model";

/** Labels that can only mean a running position. */
const RUNNING_POSITION =
  /\bcum\b|\bcum\.|running total|cumulative (position|cash|net|balance|total|\(cost\)|cost|return|inflows?|outflows?|benefit)/;

export interface CumulativeCandidate {
  key: string;
  label: string;
  role: LineRole | null;
  /** Where the line was labelled, for the note ("A8"). */
  where: string;
  /** The role the line takes as an in-year amount (its words or its table's heading). */
  inYear?: LineRole | null;
  /** Set when the line proves to be the running sum of another line: that line's key. */
  runningSumOf?: string;
}

function decimalsOf(values: (Decimal | null)[]): number {
  return Math.min(6, Math.max(0, ...values.map((v) => (v ? v.decimalPlaces() : 0))));
}

function sameFigures(a: (Decimal | null)[], b: Decimal[], tolerance: Decimal): boolean {
  let compared = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? ZERO;
    if (x.minus(b[i]).abs().greaterThan(tolerance)) return false;
    if (!x.isZero()) compared++;
  }
  return compared >= 2;
}

function running(values: (Decimal | null)[]): Decimal[] {
  let sum = ZERO;
  return values.map((v) => (sum = sum.plus(v ?? ZERO)));
}

/**
 * Settles each cumulative-labelled line: kept as cumulative, made a total, or read as in-year
 * amounts (with a note in `warnings`). `figures` gives a line's amounts per period; `above` the
 * amount lines between it and the previous heading or total, in order.
 */
export function settleCumulativeLines<T extends CumulativeCandidate>(
  lines: T[],
  figures: (line: T) => (Decimal | null)[],
  above: (line: T) => T[],
  warnings: string[]
): void {
  for (const line of lines) {
    if (line.role !== "cumulative") continue;
    const own = figures(line);
    if (own.every((v) => v === null)) continue;
    const tolerance = new Decimal(10).pow(-decimalsOf(own)).times(lines.length);
    const position = RUNNING_POSITION.test(line.key);
    // A position's label settles it; only a budget line it may sum is looked for.
    const others = lines.filter(
      (l) =>
        l !== line &&
        l.role !== "heading" &&
        l.role !== "cumulative" &&
        (!position || l.role === "other")
    );
    const summed = others.find((o) => sameFigures(own, running(figures(o)), tolerance));
    // The running sum of a line that is not itself a flow: checked against that line.
    if (summed && summed.role === "other") line.runningSumOf = summed.key;
    if (summed || position) continue;
    const parts = above(line);
    if (parts.length >= 2) {
      const sums = own.map((_, i) =>
        parts.reduce((s, p) => s.plus(figures(p)[i] ?? ZERO), ZERO as Decimal)
      );
      if (sameFigures(own, sums, tolerance)) {
        line.role = "total";
        continue;
      }
    }
    if (!line.inYear) continue;
    line.role = line.inYear;
    warnings.push(
      `${line.where} '${line.label}': "cumulative" here is each year's amount against the base budget (its figures are not a running sum of any line), so it is read as in-year amounts.`
    );
  }
}
