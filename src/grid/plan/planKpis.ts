/**
 * The KPI block of the "ITOS analysis" section: one label and one value per row. Totals, net,
 * ROI and NPV are formulas over the period table; answers that need lookups (break-even period,
 * payback) are the engine's values.
 */
import type Decimal from "decimal.js";
import {
  formatMoney,
  monthsPerPeriodOf,
  toNumber,
  type BreakEven,
  type PaybackResult,
} from "../../engine";

/** Rows of the KPI block; kpiRows always gives this many, so the layout can be fixed first. */
export const KPI_ROWS = 12;

/** One KPI row: a formula (with the engine's value cached) or a plain value. */
export interface KpiRow {
  label: string;
  value: number | string | null;
  formula?: string;
  numberFormat?: string;
}

/** Period table columns the KPI formulas add up, as A1 ranges on the section's sheet. */
export interface PeriodColumns {
  investment: string;
  return: string;
  net: string;
}

function periodLabel(result: PaybackResult, index: number | null): string {
  return index === null ? "none in the horizon" : result.periods[index].label;
}

function breakEvenText(result: PaybackResult, be: BreakEven, sustained: boolean): string {
  if (be.status === "immediate") return "immediately (never negative)";
  if (be.status === "not-reached")
    return `not within the horizon (short by ${formatMoney(be.shortfall)})`;
  if (sustained)
    return be.sustainedIndex === null
      ? "not sustained within the horizon"
      : result.periods[be.sustainedIndex].label;
  return result.periods[be.index].label;
}

function numberOrText(d: Decimal | null, missing: string): number | string {
  return d === null ? missing : toNumber(d);
}

function percent(rate: Decimal): string {
  return `${rate.times(100).toDecimalPlaces(2).toString()}%`;
}

export function kpiRows(
  result: PaybackResult,
  cols: PeriodColumns,
  moneyFormat: string,
  valuesOnly: boolean
): KpiRow[] {
  const basisText = result.basis === "first-return" ? "first return" : "first investment";
  const rate = result.discountRate.toString();
  // The annual rate as a rate per period: a quarter is a quarter of a year, not a month.
  const perYear = 12 / monthsPerPeriodOf(result.cadence);
  const periodRate = perYear === 1 ? rate : `((1+${rate})^(1/${perYear})-1)`;
  const f = (formula: string): string | undefined => (valuesOnly ? undefined : formula);
  const rows: KpiRow[] = [
    { label: "First investment", value: periodLabel(result, result.firstInvestment) },
    {
      label: "Crossover (return > investment)",
      value: periodLabel(result, result.crossover),
    },
    {
      label: "Break-even (cumulative >= 0)",
      value: breakEvenText(result, result.breakEven, false),
    },
    { label: "Sustained break-even", value: breakEvenText(result, result.breakEven, true) },
    {
      label: `Payback, months from ${basisText}`,
      value: numberOrText(result.paybackMonths, "n/a"),
      numberFormat: "0.00",
    },
    {
      label: `Payback, years from ${basisText}`,
      value: numberOrText(result.paybackYears, "n/a"),
      numberFormat: "0.00",
    },
    {
      label: "Total investment",
      value: toNumber(result.totals.investment),
      formula: f(`=SUM(${cols.investment})`),
      numberFormat: moneyFormat,
    },
    {
      label: "Total return",
      value: toNumber(result.totals.return),
      formula: f(`=SUM(${cols.return})`),
      numberFormat: moneyFormat,
    },
    {
      label: "Net return",
      value: toNumber(result.totals.net),
      formula: f(`=SUM(${cols.net})`),
      numberFormat: moneyFormat,
    },
  ];
  rows.push(
    result.roi === null
      ? { label: "ROI (net return / investment)", value: "n/a (no investment)" }
      : {
          label: "ROI (net return / investment)",
          value: toNumber(result.roi),
          formula: f(`=SUM(${cols.net})/ABS(SUM(${cols.investment}))`),
          numberFormat: "0.0%",
        }
  );
  rows.push({
    label: `NPV at ${percent(result.discountRate)} a year`,
    value: toNumber(result.npv),
    // Excel's NPV discounts the first flow too; the engine does not, hence the one period back.
    formula: f(`=NPV(${periodRate},${cols.net})*(1+${periodRate})`),
    numberFormat: moneyFormat,
  });
  rows.push({
    label: `Discounted payback, months`,
    value: numberOrText(
      result.discountedPaybackMonths,
      result.discountedBreakEven.status === "not-reached" ? "not within the horizon" : "n/a"
    ),
    numberFormat: "0.00",
  });
  return rows;
}
