/** The geometry of the pane's small cumulative-position chart, for view.ts to draw as SVG. */
import type { PaybackResult } from "../engine";
import type { Unit } from "../grid";
import { moneyText } from "./resultsView";

export interface ChartGeometry {
  width: number;
  height: number;
  /** SVG polyline points "x,y x,y ...". */
  points: string;
  zeroY: number;
  marker: { x: number; y: number; label: string } | null;
  minLabel: string;
  maxLabel: string;
  firstLabel: string;
  lastLabel: string;
}

/** Geometry of the pane's small cumulative chart, with the break-even point marked. */
export function chartGeometry(
  result: PaybackResult,
  unit: Unit,
  width = 280,
  height = 120,
  pad = 8
): ChartGeometry {
  const values = result.cumulative.map((d) => d.toNumber());
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const n = values.length;
  const x = (i: number) => pad + (n <= 1 ? 0 : (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => pad + ((max - v) * (height - 2 * pad)) / span;
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const be = result.breakEven;
  return {
    width,
    height,
    points: values.map((v, i) => `${r1(x(i))},${r1(y(v))}`).join(" "),
    zeroY: r1(y(0)),
    marker:
      be.status === "reached"
        ? { x: r1(x(be.index)), y: r1(y(values[be.index])), label: result.periods[be.index].label }
        : null,
    minLabel: moneyText(
      result.cumulative.reduce((m, d) => (d.lessThan(m) ? d : m), result.cumulative[0]),
      unit
    ),
    maxLabel: moneyText(
      result.cumulative.reduce((m, d) => (d.greaterThan(m) ? d : m), result.cumulative[0]),
      unit
    ),
    firstLabel: result.periods[0]?.label ?? "",
    lastLabel: result.periods[n - 1]?.label ?? "",
  };
}
