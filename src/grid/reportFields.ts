/** Fields of a sheet's JSON report that the payback and budget-table reports fill the same way. */
import type Decimal from "decimal.js";
import { PAYBACK_CONVENTIONS, type PaybackResult, type Period } from "../engine";
import type { GridModel } from "./read";
import type { SheetReportJson } from "./sheetReportJson";

/**
 * "2022-01" for a month, "2024-Q2" for a quarter, the FY label ("2017/18") for a year of an
 * annual grid (or its own label, "Year 1", when it has no FY).
 */
export function periodKey(period: Period): string {
  return period.kind === "year" ? (period.fy ?? period.label) : period.key;
}

/** Amounts in the grid's own unit: pence for £, more places for £k and £000s. */

export function amount(d: Decimal, unit: string): number {
  return d.toDecimalPlaces(unit === "£" ? 2 : 5).toNumber();
}

export function at(result: PaybackResult, index: number | null): string | null {
  return index === null ? null : periodKey(result.periods[index]);
}

export function byConventionJson(result: PaybackResult): SheetReportJson["paybackByConvention"] {
  const out = {} as SheetReportJson["paybackByConvention"];
  for (const c of PAYBACK_CONVENTIONS) {
    const figure = result.paybackByConvention[c];
    out[c] = figure === null ? null : figure.years.toDecimalPlaces(4).toNumber();
  }
  return out;
}

export function linesJson(model: GridModel): SheetReportJson["lines"] {
  return model.lines.map((l) => {
    const first = l.lineIndex.find((r): r is number => r !== null && r !== undefined);
    return { row: (first ?? -1) + 1, label: l.label, role: l.role };
  });
}
