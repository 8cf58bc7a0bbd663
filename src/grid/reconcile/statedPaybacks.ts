/**
 * Paybacks the sheet itself states ("Payback period: 2.9 years", "3 years 1 month" beside a
 * "Payback" label, a "Payback (years)" column), and which convention reproduces each at the
 * precision it is written to. Reading the words is the engine's (parseStatedPayback); finding
 * them on the sheet is this module's.
 */
import {
  matchStatedPayback,
  NUMBER_WORDS,
  parseStatedPayback,
  statedPaybackFromFigure,
  type PaybackByConvention,
  type PaybackConvention,
  type StatedPayback,
} from "../../engine";
import { a1, cellAt, formatAt, isBlank, type SheetSnapshot } from "../../sheet";

export interface StatedPaybackFound {
  /** The cell holding the figure, with its sheet ("Summary!C12"). */
  cell: string;
  stated: StatedPayback;
}

export interface StatedPaybackCheck extends StatedPaybackFound {
  /** Every convention whose payback reproduces the figure. */
  conventions: PaybackConvention[];
  matches: boolean;
  /** The convention reported: the headline's if it matches, else the first that does, else the nearest. */
  convention: PaybackConvention | null;
  computedYears: number | null;
}

/** A label that says a payback follows in the next cell or the cells below ("Payback (years)"). */
const PAYBACK_LABEL =
  /^(?:(?:estimated|expected|simple|overall|total)\s+)?(?:payback|pay[\s-]back|pays\s+back|roi|return\s+on\s+investment)(?:\s+(?:period|time))?\s*(?:\((?:in\s+)?(years?|yrs?|months?|mths?)\))?\s*[:=]?$/i;
/** A sentence that speaks of payback ("The investment payback time is just under 3 years."). */
const SAYS_PAYBACK = /\bpay[\s-]?back\b|\bpaid\s+back\b/i;
/** A figure with its unit: "3.08 years", "39 months", "13 quarters". */
const FIGURE = /(\d+(?:\.\d+)?)\s*(years?|yrs?|months?|mths?|quarters?|qtrs?)\b/gi;

// Built once: every text cell of every sheet is read with them.
/** A figure alone, maybe bounded: "3.08 years", "just under 3 years." */
const FIGURE_ALONE = new RegExp(
  `^\\s*(?:(?:just\\s+)?(?:under|within|less\\s+than)\\s+)?${FIGURE.source}\\s*\\.?\\s*$`,
  "i"
);
/** The first figure with its unit (FIGURE without the global flag, so it keeps no position). */
const FIRST_FIGURE = new RegExp(FIGURE.source, "i");
/** A number word just before its unit ("four years"), every word in one pattern. */
const WORD_BEFORE_UNIT = new RegExp(
  `\\b(${NUMBER_WORDS.slice(1).join("|")})(?=\\s+(?:years?|months?|quarters?)\\b)`,
  "gi"
);

/**
 * A payback inside a sentence or a worked answer: the figure after the last "=" ("Payback period
 * = 3 + 10,000/125,000 = 3.08 years", "=3+(7000/10000)=3.7 years"), else the first figure of a
 * sentence that says payback; "just under 3 years" is read as within 3 years. Quarters are read
 * as months (13 quarters = 39 months).
 */
function paybackInSentence(text: string, speaksOfPayback: boolean): StatedPayback | null {
  const flat = plainFigures(text);
  const eq = flat.lastIndexOf("=");
  let part: string;
  if (eq >= 0 && FIGURE_ALONE.test(flat.slice(eq + 1))) part = flat.slice(eq + 1);
  else if (SAYS_PAYBACK.test(flat) || (speaksOfPayback && FIGURE_ALONE.test(flat))) part = flat;
  else return null;
  const m = FIRST_FIGURE.exec(part);
  if (!m) return null;
  const before = part.slice(0, m.index);
  const bound = /(?:just\s+)?(?:under|within|less\s+than)\s*$/i.test(before) ? "within " : "";
  let figure = m[1];
  let unit = m[2].toLowerCase();
  if (unit.startsWith("q")) {
    figure = String(Number(figure) * 3);
    unit = "months";
  }
  const parsed = parseStatedPayback(`payback ${bound}${figure} ${unit}`);
  // The engine reads "within"; a paper writes "just under".
  return parsed ? { ...parsed, text } : null;
}

/** "a. 4 years" -> "4 years", "just under four years" -> "just under 4 years": figures as digits, no list marker. */
function plainFigures(text: string): string {
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:[a-z]|\d{1,2}|[ivx]+)[.)]\s+/i, "");
  // From "one": a stated payback of zero is no payback.
  return t.replace(WORD_BEFORE_UNIT, (w) => String(NUMBER_WORDS.indexOf(w.toLowerCase())));
}

/** Cells to the right of a label searched for its figure. */
const RIGHT_REACH = 3;

function unitOf(label: string): "years" | "months" | null {
  const m = PAYBACK_LABEL.exec(label.trim());
  if (!m) return null;
  if (m[1]) return /^m/i.test(m[1]) ? "months" : "years";
  // A bare "ROI" is usually a percentage: only read as a payback when the label gives the unit.
  return /^(?:roi|return)/i.test(label.trim()) ? null : "years";
}

/** Places a number format shows ("0.0" -> 1, "0" -> 0); null for General or unknown. */
function decimalsOfFormat(format: string | null): number | null {
  if (!format || /^general$/i.test(format.trim())) return null;
  const first = format.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]/g, "");
  if (first.includes("%")) return null;
  const m = /\.([0#?]+)/.exec(first);
  return m ? m[1].length : /[0#]/.test(first) ? 0 : null;
}

function figureAt(
  snapshot: SheetSnapshot,
  row: number,
  col: number,
  unit: "years" | "months"
): StatedPayback | null {
  const v = cellAt(snapshot, row, col);
  if (typeof v === "number") {
    if ((formatAt(snapshot, row, col) ?? "").includes("%") || v < 0) return null;
    return statedPaybackFromFigure(v, unit, decimalsOfFormat(formatAt(snapshot, row, col)));
  }
  if (typeof v !== "string") return null;
  const parsed = parseStatedPayback(v);
  if (parsed) return parsed;
  // "2.9" as text under "Payback (years)".
  return statedPaybackFromFigure(v.trim(), unit, null);
}

/** Every payback stated on the sheet, in reading order. */
export function findStatedPaybacks(snapshot: SheetSnapshot): StatedPaybackFound[] {
  const found: StatedPaybackFound[] = [];
  const taken = new Set<string>();
  const add = (row: number, col: number, stated: StatedPayback) => {
    const key = `${row},${col}`;
    if (taken.has(key)) return;
    taken.add(key);
    found.push({ cell: `${snapshot.sheetName}!${a1(row, col)}`, stated });
  };
  const bottom = snapshot.top + snapshot.values.length - 1;
  // A bare length of time ("5 years", "2 years and 5 months") is a stated payback on a sheet
  // that speaks of payback, as worked answers write it; elsewhere it may be anything.
  const speaksOfPayback = snapshot.values.some((r) =>
    r.some((v) => typeof v === "string" && SAYS_PAYBACK.test(v))
  );
  snapshot.values.forEach((cells, i) => {
    const row = snapshot.top + i;
    cells.forEach((v, j) => {
      const col = snapshot.left + j;
      if (typeof v !== "string" || isBlank(v) || taken.has(`${row},${col}`)) return;
      const whole = parseStatedPayback(plainFigures(v));
      if (whole && (whole.saysPayback || speaksOfPayback))
        return add(row, col, { ...whole, text: v });
      const inSentence = paybackInSentence(v, speaksOfPayback);
      if (inSentence) return add(row, col, inSentence);
      const unit = unitOf(v);
      if (unit === null) return;
      // The figure beside the label ...
      for (let c = col + 1; c <= col + RIGHT_REACH; c++) {
        if (isBlank(cellAt(snapshot, row, c))) continue;
        const s = figureAt(snapshot, row, c, unit);
        if (s) return add(row, c, s);
        break;
      }
      // ... or a column of figures under it (one per scheme or option).
      for (let r = row + 1; r <= bottom; r++) {
        if (isBlank(cellAt(snapshot, r, col))) break;
        const s = figureAt(snapshot, r, col, unit);
        if (!s) break;
        add(r, col, s);
      }
    });
  });
  return found;
}

/** Each stated payback against the payback in every convention; `headline` is preferred among matches. */
export function checkStatedPaybacks(
  found: readonly StatedPaybackFound[],
  byConvention: PaybackByConvention,
  headline: PaybackConvention
): StatedPaybackCheck[] {
  return found.map((f) => {
    const m = matchStatedPayback(f.stated, byConvention, headline);
    return {
      ...f,
      conventions: m.conventions,
      matches: m.matches,
      convention: m.convention,
      computedYears:
        m.computedYears === null ? null : m.computedYears.toDecimalPlaces(4).toNumber(),
    };
  });
}
