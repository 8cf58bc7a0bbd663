/**
 * The findings along a line of stated cells: a typed number among formulas (hard-coded), and a
 * formula whose R1C1 form differs from the clear majority (inconsistent).
 */
import { tokensToR1C1, translateFormula } from "../../sheet";
import { key, type FormulaCache } from "./formulaCache";
import {
  isNumber,
  type Add,
  type FormulaCell,
  type StatedLine,
  type TotalLookup,
} from "./formulaTerms";
import { amountText, listText, named } from "./formulaWording";

/** Typed numbers on a line whose other stated cells are formulas. */
export function hardCoded(
  cache: FormulaCache,
  line: StatedLine,
  totals: TotalLookup,
  subjectOf: (c: FormulaCell) => string,
  flagged: Set<number>,
  add: Add
): void {
  const wb = cache.wb;
  // Each cell's kind, read once into numbers (FORMULA is 0, as the array starts): a long line
  // costs no list of strings.
  const kinds = new Uint8Array(line.cells.length);
  let formulas = 0;
  let typed = 0;
  line.cells.forEach((c, i) => {
    if (wb.formulaAt(c.sheet, c.row, c.col) !== null) {
      formulas++;
    } else if (isNumber(wb.valueAt(c.sheet, c.row, c.col))) {
      kinds[i] = TYPED;
      typed++;
    } else kinds[i] = OTHER;
  });
  if (formulas < 2 || typed === 0 || typed >= formulas) return;
  const forms = line.compareForms ? formCounts(cache, line) : null;
  kinds.forEach((k, i) => {
    if (k !== TYPED) return;
    const c = line.cells[i];
    if (flagged.has(key(c))) return;
    // Its nearest stated neighbours on each side must be formulas.
    const left = nearest(kinds, i, -1);
    const right = nearest(kinds, i, 1);
    const sides = [left, right].filter((j): j is number => j !== null);
    if (sides.length === 0 || sides.some((j) => kinds[j] !== FORMULA)) return;
    const neighbours = sides.map((j) => line.cells[j]);
    const value = wb.valueAt(c.sheet, c.row, c.col) as number;
    const suggestion = suggestedFormula(cache, line, forms, c);
    const total = totals.get(key(c));
    const verdict =
      total?.status === "mismatch" && total.expected !== undefined
        ? `and it is wrong: its parts add up to ${amountText(total.expected)}`
        : "right today, but it will not follow changes to its parts";
    const instead = suggestion ? ` (${suggestion} would be the formula here)` : "";
    add(
      c,
      "hard-coded",
      `${named(c, c.sheet)} (${subjectOf(c)}) is a typed ${amountText(value)} where ${listText(neighbours.map((n) => named(n, c.sheet)))} ${neighbours.length > 1 ? "are formulas" : "is a formula"}${instead}, ${verdict}.`,
      neighbours
    );
  });
}

/** A stated cell's kind along its line. */
const FORMULA = 0;
const TYPED = 1;
const OTHER = 2;

function nearest(kinds: Uint8Array, from: number, step: 1 | -1): number | null {
  for (let j = from + step; j >= 0 && j < kinds.length; j += step) if (kinds[j] !== OTHER) return j;
  return null;
}

interface Forms {
  /** R1C1 form of each compared cell, by cell key. */
  formOf: Map<number, string>;
  counts: Map<string, { count: number; example: FormulaCell }>;
  compared: number;
}

/** The R1C1 forms along a line, leaving out the first cell of a running line and flagged cells. */
function formCounts(cache: FormulaCache, line: StatedLine): Forms {
  const formOf = new Map<number, string>();
  const counts = new Map<string, { count: number; example: FormulaCell }>();
  line.cells.forEach((c, i) => {
    if (line.running && i === 0) return;
    const tokens = cache.tokensAt(c);
    if (tokens === null) return;
    const form = tokensToR1C1(tokens, c.row, c.col, c.sheet);
    formOf.set(key(c), form);
    const entry = counts.get(form);
    if (entry) entry.count++;
    else counts.set(form, { count: 1, example: c });
  });
  return { formOf, counts, compared: formOf.size };
}

/** The form most cells of the line share, when a clear majority shares one. */
function majorityForm(forms: Forms): { form: string; count: number; example: FormulaCell } | null {
  let best: { form: string; count: number; example: FormulaCell } | null = null;
  for (const [form, e] of forms.counts) if (!best || e.count > best.count) best = { form, ...e };
  if (!best || best.count < 2 || best.count * 2 <= forms.compared) return null;
  return best;
}

/** The majority's formula as it would read in cell c. */
function suggestedFormula(
  cache: FormulaCache,
  line: StatedLine,
  forms: Forms | null,
  c: FormulaCell
): string | null {
  if (!line.compareForms || forms === null) return null;
  const major = majorityForm(forms);
  if (!major) return null;
  const f = cache.wb.formulaAt(major.example.sheet, major.example.row, major.example.col);
  return f === null
    ? null
    : translateFormula(f, major.example.row, major.example.col, c.row, c.col);
}

/** Formulas whose R1C1 form differs from the clear majority along their line. */
export function outOfLine(
  cache: FormulaCache,
  line: StatedLine,
  subjectOf: (c: FormulaCell) => string,
  flagged: Set<number>,
  add: Add
): void {
  const forms = formCounts(cache, line);
  const major = majorityForm(forms);
  if (!major) return;
  const majority = line.cells.filter((c) => forms.formOf.get(key(c)) === major.form);
  for (const c of line.cells) {
    const form = forms.formOf.get(key(c));
    if (form === undefined || form === major.form || flagged.has(key(c))) continue;
    const formula = cache.wb.formulaAt(c.sheet, c.row, c.col)!;
    const expected = suggestedFormula(cache, line, forms, c);
    const others = major.count;
    // The nearest cells of the majority, to point at.
    const near = [...majority].sort((a, b) => distance(a, c) - distance(b, c)).slice(0, 2);
    add(
      c,
      "inconsistent",
      `${named(c, c.sheet)} (${subjectOf(c)}) is ${formula}, out of line with the ${others} other cells of ${line.label}, which would read ${expected ?? major.form} here (${major.form} in R1C1 form).`,
      near
    );
  }
}

function distance(a: FormulaCell, b: FormulaCell): number {
  return Math.abs(a.row - b.row) + Math.abs(a.col - b.col);
}
