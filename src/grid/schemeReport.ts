/**
 * A scheme summary as the command's JSON gives it: figures as numbers, cells with their sheet.
 * One entry per scheme row, its simple payback (cost / annual saving) beside the payback the sheet
 * states, and every stated total saving checked against its parts.
 */
import type Decimal from "decimal.js";
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
