/**
 * The portfolio's rows for a scheme summary (a sheet with a table of schemes and no timeline):
 * one per scheme, with the figures `itos analyse --json` gives in its schemeSummaries.
 */
import type Decimal from "decimal.js";
import { money } from "../../engine";
import { caseLimit, schemeSummaryJson, type SchemeSummary } from "../../grid";
import type { ErrorCase, SummaryCase } from "./cases";

type Row = ReturnType<typeof schemeSummaryJson>["rows"][number];

/** The headline payback: cost / annual saving, else the stated one where the saving is unknown. */
function headline(row: Row): Pick<SummaryCase, "paybackYears" | "paybackFrom"> {
  if (row.computedYears !== null && Number.isFinite(row.computedYears))
    return { paybackYears: row.computedYears, paybackFrom: "cost / annual saving" };
  if (row.annualSaving === null && row.stated)
    return { paybackYears: row.stated.years, paybackFrom: "stated" };
  return { paybackYears: null, paybackFrom: null };
}

/** Where neither a saving nor a stated payback is known, the scheme is a row with the reason. */
function unknownPayback(file: string, sheet: string, row: Row): ErrorCase | null {
  if (row.annualSaving !== null || row.stated !== null) return null;
  return {
    file,
    sheet,
    scheme: row.label,
    error: `'${row.label}' (${row.cell}) has no annual saving that is a figure and no stated payback, so its payback cannot be worked out.`,
  };
}

/** The limit's verdict on the exact payback (the report's figure is rounded to 4 places). */
function limitOf(years: Decimal | null, limitYears: string | undefined): SummaryCase["limit"] {
  if (limitYears === undefined) return null;
  // The verdict needs only whether the scheme pays back, and when.
  const breakEven =
    years === null
      ? { status: "not-reached" as const, shortfall: money(0) }
      : { status: "reached" as const, index: 0, sustainedIndex: 0 };
  return caseLimit({ breakEven, paybackYears: years }, limitYears);
}

/** The exact payback behind the headline figure. */
function exactYears(row: SchemeSummary["rows"][number], from: SummaryCase["paybackFrom"]) {
  if (from === "cost / annual saving") return row.computedYears;
  return from === "stated" && row.stated ? row.stated.years : null;
}

export function summaryCases(
  file: string,
  summary: SchemeSummary,
  limitYears?: string
): (SummaryCase | ErrorCase)[] {
  const json = schemeSummaryJson(summary);
  const oneScheme = json.rows.length === 1;
  return json.rows.map((row, k) => {
    const unknown = unknownPayback(file, json.sheet, row);
    if (unknown) return unknown;
    // A stated total belongs to the scheme whose saving it is (its cell is the row's saving cell).
    const totals = json.totals.filter((t) => oneScheme || row.savingCells.includes(t.cell));
    const named = (m: string) => oneScheme || m.includes(`'${row.label}'`);
    const { paybackYears, paybackFrom } = headline(row);
    const messages = json.messages.filter(named);
    if (paybackFrom === "stated" && row.stated)
      messages.push(
        `The payback of '${row.label}' is the one stated in ${row.stated.cell} ('${row.stated.text}'): its annual saving is not known, so cost ÷ saving cannot be worked out.`
      );
    if (paybackYears === null)
      messages.push(
        `'${row.label}' (${row.cell}) has an annual saving of ${(row.annualSaving ?? 0).toLocaleString("en-GB")}, so its cost is never paid back.`
      );
    return {
      file,
      sheet: json.sheet,
      scheme: row.label,
      kind: "scheme-summary",
      layout: json.layout,
      cell: row.cell,
      cost: row.cost,
      annualSaving: row.annualSaving,
      savingCells: row.savingCells,
      paybackYears,
      paybackFrom,
      convention: "simple",
      stated: row.stated,
      statedPaybacks: oneScheme ? json.statedPaybacks : row.stated ? [row.stated] : [],
      reconciliation: {
        checked: totals.length,
        match: totals.filter((t) => t.status === "match").length,
        rounding: totals.filter((t) => t.status === "rounding").length,
        mismatch: totals.filter((t) => t.status === "mismatch"),
      },
      limit: limitOf(exactYears(summary.rows[k], paybackFrom), limitYears),
      messages,
      error: null,
    };
  });
}
