/**
 * The sensitivity table of the analysis section: payback in years for each cut in returns (down)
 * and each delay of returns (across), or "never". Excel cannot recompute a payback from a cut
 * with a formula over the user's cells, so these are values, and the title says ITOS computed
 * them (rerun Analyse after editing the grid).
 */
import type { Cadence, SensitivityTable } from "../../engine";

export interface SensitivityCell {
  /** Row and column inside the table, 0-based from its title. */
  row: number;
  col: number;
  value: string | number;
  bold?: boolean;
  numberFormat?: string;
}

export const SENSITIVITY_TITLE =
  "Sensitivity: payback in years if returns fall or slip (values computed by ITOS, not formulas; run Analyse again after editing the grid)";

const PERIOD_NOUN: Record<Cadence, [string, string]> = {
  monthly: ["month", "months"],
  quarterly: ["quarter", "quarters"],
  annual: ["year", "years"],
};

/** Rows the table takes: title, header, one per cut. */
export function sensitivityRows(table: SensitivityTable): number {
  return 2 + table.cuts.length;
}

export function sensitivityCells(table: SensitivityTable, cadence: Cadence): SensitivityCell[] {
  const [one, many] = PERIOD_NOUN[cadence];
  const cells: SensitivityCell[] = [{ row: 0, col: 0, value: SENSITIVITY_TITLE, bold: true }];
  cells.push({ row: 1, col: 0, value: "Returns cut / delay", bold: true });
  table.delays.forEach((d, j) =>
    cells.push({ row: 1, col: 1 + j, value: `${d} ${d === 1 ? one : many}`, bold: true })
  );
  table.cuts.forEach((cut, i) => {
    cells.push({ row: 2 + i, col: 0, value: `${Number((cut * 100).toFixed(1))}%` });
    table.paybackYears[i].forEach((years, j) =>
      cells.push(
        years === null
          ? { row: 2 + i, col: 1 + j, value: "never" }
          : {
              row: 2 + i,
              col: 1 + j,
              value: years.toDecimalPlaces(2).toNumber(),
              numberFormat: "0.00",
            }
      )
    );
  });
  return cells;
}
