/**
 * A scheme summary as the command's JSON gives it: figures as numbers, cells with their sheet.
 * One entry per scheme row, its simple payback (cost / annual saving) beside the payback the sheet
 * states, and every stated total saving checked against its parts.
 */
import type Decimal from "decimal.js";
import { formatMoney, money } from "../engine";
import type { SchemeSummary, SummaryStated } from "./read";

export interface SummaryStatedJson {
  cell: string;
  text: string;
  years: number;
  computedYears: number | null;
  /** Cost / annual saving is the simple payback. */
  convention: "simple";
  /** null: no saving to check it against. */
  matches: boolean | null;
}

export interface SchemeSummaryJson {
  sheet: string;
  layout: "table" | "list";
  rows: {
    cell: string;
    label: string;
    cost: number | null;
    annualSaving: number | null;
    savingCells: string[];
    computedYears: number | null;
    stated: SummaryStatedJson | null;
    matches: boolean | null;
  }[];
  totals: {
    cell: string;
    stated: number;
    sumOfParts: number;
    parts: string[];
    status: "match" | "rounding" | "mismatch";
  }[];
  statedPaybacks: SummaryStatedJson[];
  messages: string[];
}

const num = (d: Decimal | null, places = 2) =>
  d === null ? null : d.toDecimalPlaces(places).toNumber();

export function schemeSummaryJson(summary: SchemeSummary): SchemeSummaryJson {
  const at = (cell: string) => `${summary.sheetName}!${cell}`;
  const stated = (s: SummaryStated): SummaryStatedJson => ({
    cell: at(s.cell),
    text: s.text,
    years: s.years.toDecimalPlaces(4).toNumber(),
    computedYears: num(s.computedYears, 4),
    convention: "simple",
    matches: s.matches,
  });
  return {
    sheet: summary.sheetName,
    layout: summary.layout,
    rows: summary.rows.map((r) => ({
      cell: at(r.cell),
      label: r.label,
      cost: num(r.cost),
      annualSaving: num(r.annualSaving),
      savingCells: r.savingCells.map(at),
      computedYears: num(r.computedYears, 4),
      stated: r.stated ? stated(r.stated) : null,
      matches: r.matches,
    })),
    totals: summary.totals.map((t) => ({
      cell: at(t.cell),
      stated: t.stated.toNumber(),
      sumOfParts: t.sumOfParts.toNumber(),
      parts: t.parts.map(at),
      status: t.status,
    })),
    statedPaybacks: summary.statedPaybacks.map(stated),
    messages: summary.warnings,
  };
}

const LABEL_WIDTH = 40;

function years(n: number | null): string {
  return n === null ? "n/a" : `${n.toFixed(2)} years`;
}

function statedText(s: SummaryStatedJson | null): string {
  if (s === null) return "none stated";
  const verdict = s.matches === null ? "cannot be checked" : s.matches ? "follows" : "MISMATCH";
  return `${s.cell} '${s.text}': ${verdict}`;
}

/**
 * A scheme summary as the command's text report gives it: one line per scheme with its cost,
 * annual saving, cost / saving and the payback the sheet states, then the stated totals.
 */
export function schemeSummaryText(summary: SchemeSummary): string {
  const json = schemeSummaryJson(summary);
  const shown = (n: number | null) =>
    n === null ? "-" : formatMoney(money(n), Number.isInteger(n) ? 0 : 2);
  const label = (text: string) =>
    (text.length > LABEL_WIDTH ? `${text.slice(0, LABEL_WIDTH - 1)}…` : text).padEnd(LABEL_WIDTH);
  const out = [
    `${json.sheet}: a table of ${json.rows.length} ${json.rows.length === 1 ? "scheme" : "schemes"} with no timeline; each stated payback is checked against cost ÷ annual saving (the simple convention).`,
    `  ${label("Scheme")}${"Cost".padStart(14)}${"Annual saving".padStart(15)}${"Cost ÷ saving".padStart(15)}  Stated payback`,
    ...json.rows.map(
      (r, k) =>
        `  ${label(`${summary.rows[k].cell} ${r.label}`)}${shown(r.cost).padStart(14)}${shown(r.annualSaving).padStart(15)}${years(r.computedYears).padStart(15)}  ${statedText(r.stated)}`
    ),
  ];
  const inRows = new Set(json.rows.flatMap((r) => (r.stated ? [r.stated.cell] : [])));
  for (const s of json.statedPaybacks.filter((p) => !inRows.has(p.cell)))
    out.push(`  Stated payback ${statedText(s)} (cost ÷ saving ${years(s.computedYears)}).`);
  for (const t of json.totals.filter((x) => x.status === "mismatch"))
    out.push(
      `  MISMATCH ${t.cell}: states ${shown(t.stated)} but its parts ${t.parts.join(", ")} add up to ${shown(t.sumOfParts)}`
    );
  if (json.totals.length > 0) {
    const count = (s: string) => json.totals.filter((t) => t.status === s).length;
    out.push(
      `  Stated totals: ${json.totals.length} checked: ${count("match")} match, ${count("rounding")} within rounding, ${count("mismatch")} mismatch.`
    );
  }
  for (const m of json.messages) out.push(`  Note: ${m}`);
  return out.join("\n");
}
