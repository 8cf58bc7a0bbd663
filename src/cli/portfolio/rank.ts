/**
 * The ranking of the portfolio workbook: quickest payback first, then cases that never pay back
 * (smallest shortfall first is not known here, so in file order), then workbooks that could not
 * be read. Ties keep the file-then-sheet order, so the ranking is the same on every run.
 */
import { isSummaryCase, wasRead, type PortfolioCase } from "./cases";

function rankKey(c: PortfolioCase): [number, number] {
  if (!wasRead(c)) return [2, 0];
  if ((!isSummaryCase(c) && c.breakEven === null) || c.paybackYears === null) return [1, 0];
  return [0, c.paybackYears];
}

/** The cases ranked (a new array; Array.prototype.sort is stable, so ties keep their order). */
export function rankCases(cases: readonly PortfolioCase[]): PortfolioCase[] {
  return [...cases].sort((a, b) => {
    const [ga, ya] = rankKey(a);
    const [gb, yb] = rankKey(b);
    return ga !== gb ? ga - gb : ya - yb;
  });
}
