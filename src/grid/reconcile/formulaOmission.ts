/** The omits-part finding: a total whose formula covers fewer of its parts than the grid says. */
import { cellNumber, key, type FormulaCache } from "./formulaCache";
import { Coverage, type PlainDirectCoverage } from "./formulaCoverage";
import { isNumber, type FormulaCell, type StatedTotal } from "./formulaTerms";
import { amountText, listText, named } from "./formulaWording";

/** The omits-part finding of a total, when its formula covers no reading of its parts. */
export function omission(
  cache: FormulaCache,
  /** The reader of plain sums' references, reused from total to total. */
  direct: PlainDirectCoverage,
  t: StatedTotal,
  intended: Map<number, FormulaCell[]>,
  /** The cells of every stated total: only these are taken as mended. */
  intendedCells: { has(cellNumber: number): boolean },
  /** Cells already found to hold an error or another workbook's figure: they cannot be judged. */
  flagged: Set<number>
): { detail: string; missing: FormulaCell[]; parts: FormulaCell[] } | null {
  const formula = cache.wb.formulaAt(t.cell.sheet, t.cell.row, t.cell.col);
  if (formula === null) return null;
  // Most totals are plain sums that refer to every part of a reading: passed with no object made.
  const plain = direct.read(t.cell, formula);
  if (plain && t.anyReading && t.anyReading(direct.at, direct.within)) return null;
  const sum = cache.ownSumAt(t.cell);
  if (sum === null) return null;
  const coverage = new Coverage(cache, t.cell, sum, intended, intendedCells);
  if (
    !plain &&
    t.anyReading &&
    t.anyReading(
      (sheet, row, col) => coverage.directlyAt(sheet, row, col),
      (range) => coverage.directlyWithin(range)
    )
  )
    return null;
  // Most of the rest reach every part through the sums they refer to (a grand total through its
  // year totals): told by visiting the parts, without a list of them. Otherwise each part is
  // judged below, one reading at a time.
  if (
    t.anyReading &&
    (t.anyReading(
      (sheet, row, col) =>
        (flagged.size > 0 && flagged.has(cellNumber(sheet, row, col))) ||
        coverage.reaches(sheet, row, col)
    ) ||
      coverage.tooLarge)
  )
    return null;
  const readings = typeof t.readings === "function" ? (t.readings = t.readings()) : t.readings;
  if (readings.length === 0) return null;
  if (!t.anyReading && readings.some((parts) => parts.every((p) => coverage.directly(p))))
    return null;
  let best: { parts: FormulaCell[]; missing: FormulaCell[] } | null = null;
  for (const parts of readings) {
    const missing = parts.filter((p) => !flagged.has(key(p)) && !coverage.covers(p));
    if (coverage.tooLarge) return null;
    if (missing.length === 0) return null;
    if (!best || missing.length < best.missing.length) best = { parts, missing };
  }
  // A formula that covers few of the parts is built some other way: not a sum that stops short.
  if (!best || best.missing.length * 2 > best.parts.length) return null;
  const wb = cache.wb;
  const values = best.missing.map((m) => wb.valueAt(m.sheet, m.row, m.col));
  const amounts = values.filter(isNumber);
  const leftOut = amounts.reduce((s, v) => s + v, 0);
  const names = best.missing.map((m, i) => {
    const v = values[i];
    return `${named(m, t.cell.sheet)} (${isNumber(v) ? amountText(v) : "blank"})`;
  });
  const consequence =
    leftOut === 0
      ? "they are zero or blank today, so the figure is right for now, but it will not follow them"
      : `the total misses ${amountText(leftOut)} because of it`;
  return {
    detail: `${named(t.cell, t.cell.sheet)} (${t.subject}) is ${formula}, which leaves out ${listText(names)}: ${consequence}.`,
    missing: best.missing,
    parts: best.parts,
  };
}
