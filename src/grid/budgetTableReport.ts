/** The JSON report of a budget table (no investment or return lines): its stated totals, no payback. */
import type { SheetAnalysis } from "./pipeline";
import { reconciliationJson } from "./reconciliationReport";
import { amount, at, byConventionJson, linesJson } from "./reportFields";
import type { SheetReportJson } from "./sheetReportJson";
import { statedPaybackJson } from "./statedPaybackReport";

/** What a table says with no investment or return (`reconcile` of a budget table): no payback, only its totals. */
const NO_PAYBACK =
  "No investment or return lines: there is no payback to compute; the stated totals are checked.";

export function budgetTableJson(analysis: Omit<SheetAnalysis, "schemes">): SheetReportJson {
  const { model, result } = analysis;
  const zero = amount(result.totals.net.minus(result.totals.net), model.unit);
  return {
    sheet: model.sheetName,
    unit: model.unit,
    periodicity: result.cadence,
    firstPeriod: at(result, result.periods.length ? 0 : null),
    lastPeriod: at(result, result.periods.length ? result.periods.length - 1 : null),
    firstInvestment: null,
    crossover: null,
    breakEven: null,
    sustainedBreakEven: null,
    paybackMonths: null,
    paybackYears: null,
    basis: result.basis,
    convention: result.convention,
    paybackByConvention: byConventionJson(result),
    conventionNotes: { ...result.conventionNotes },
    statedPaybacks: analysis.statedPaybacks.map(statedPaybackJson),
    totals: { investment: zero, return: zero, net: zero },
    npv: zero,
    discountRate: result.discountRate.toNumber(),
    years: [],
    lines: linesJson(model),
    excluded: model.excluded.map((e) => ({ ...e })),
    reconciliation: reconciliationJson(analysis.reconciliation),
    messages: [NO_PAYBACK, ...model.warnings],
    tracking: null,
  };
}
