/**
 * The geometry of the pane's small cumulative-position charts, for the views to draw as SVG: the
 * analysis's one line, and the What if section's base and scenario on one scale.
 */
import type Decimal from "decimal.js";
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

/** Where the chart's frame puts a period index and an amount, shared by every line drawn on it. */
interface Scale {
  x(i: number): number;
  y(v: number): number;
}

/** Points to a tenth of a unit of the viewBox: finer than the pane can show. */
const r1 = (v: number) => Math.round(v * 10) / 10;

/** The scale that fits every series and the zero line inside the frame, `pad` from its edges. */
function scaleFor(series: number[][], width: number, height: number, pad: number): Scale {
  const all = series.flat();
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all);
  const span = max - min || 1;
  const n = Math.max(...series.map((s) => s.length));
  return {
    x: (i) => pad + (n <= 1 ? 0 : (i * (width - 2 * pad)) / (n - 1)),
    y: (v) => pad + ((max - v) * (height - 2 * pad)) / span,
  };
}

const pointsOf = (values: number[], s: Scale) =>
  values.map((v, i) => `${r1(s.x(i))},${r1(s.y(v))}`).join(" ");

/** The break-even period's point, or null when the case never turns (or never was) negative. */
function markerOf(result: PaybackResult, values: number[], s: Scale): ChartGeometry["marker"] {
  const be = result.breakEven;
  if (be.status !== "reached") return null;
  return {
    x: r1(s.x(be.index)),
    y: r1(s.y(values[be.index])),
    label: result.periods[be.index].label,
  };
}

function extremes(cumulative: readonly Decimal[]): { low: Decimal; high: Decimal } {
  let [low, high] = [cumulative[0], cumulative[0]];
  for (const d of cumulative) {
    if (d.lessThan(low)) low = d;
    if (d.greaterThan(high)) high = d;
  }
  return { low, high };
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
  const scale = scaleFor([values], width, height, pad);
  const { low, high } = extremes(result.cumulative);
  return {
    width,
    height,
    points: pointsOf(values, scale),
    zeroY: r1(scale.y(0)),
    marker: markerOf(result, values, scale),
    minLabel: moneyText(low, unit),
    maxLabel: moneyText(high, unit),
    firstLabel: result.periods[0]?.label ?? "",
    lastLabel: result.periods[values.length - 1]?.label ?? "",
  };
}

/** One case's line on the comparison chart. */
export interface CaseLine {
  points: string;
  marker: ChartGeometry["marker"];
  /** "breaks even Jan-24", "never breaks even within the grid", "is never below zero". */
  breakEven: string;
}

export interface ComparisonChartGeometry {
  width: number;
  height: number;
  zeroY: number;
  base: CaseLine;
  scenario: CaseLine;
  firstLabel: string;
  lastLabel: string;
  /** The lowest and highest position of either case, in the grid's unit. */
  minLabel: string;
  maxLabel: string;
}

function breakEvenWords(result: PaybackResult): string {
  const be = result.breakEven;
  if (be.status === "reached") return `breaks even ${result.periods[be.index].label}`;
  if (be.status === "immediate") return "is never below zero";
  return "never breaks even within the grid";
}

/**
 * The What if chart: the base case's and the scenario's cumulative positions on one scale (both
 * cover the grid's periods), the zero line, and each one's break-even period marked.
 */
export function comparisonChartGeometry(
  base: PaybackResult,
  scenario: PaybackResult,
  unit: Unit,
  width = 280,
  height = 120,
  pad = 8
): ComparisonChartGeometry {
  const baseValues = base.cumulative.map((d) => d.toNumber());
  const scenarioValues = scenario.cumulative.map((d) => d.toNumber());
  const scale = scaleFor([baseValues, scenarioValues], width, height, pad);
  const line = (result: PaybackResult, values: number[]): CaseLine => ({
    points: pointsOf(values, scale),
    marker: markerOf(result, values, scale),
    breakEven: breakEvenWords(result),
  });
  const { low, high } = extremes([...base.cumulative, ...scenario.cumulative]);
  return {
    width,
    height,
    zeroY: r1(scale.y(0)),
    base: line(base, baseValues),
    scenario: line(scenario, scenarioValues),
    firstLabel: base.periods[0]?.label ?? "",
    lastLabel: base.periods[base.periods.length - 1]?.label ?? "",
    minLabel: moneyText(low, unit),
    maxLabel: moneyText(high, unit),
  };
}
