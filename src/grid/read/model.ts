/**
 * What the grid layer understands of a sheet: the period axis, each line's role, units and sign
 * convention, all tied to cells so every message can name one.
 *
 * A grid has two axes whatever way round it is laid out: the period axis (the months or years)
 * and the line axis (investment, return, totals). Positions are stated along those axes:
 * `periodIndex` is where a period (or a stated total) sits on the period axis, `lineIndex` where a
 * line sits on the line axis. For a grid with periods across, the period axis runs along the
 * columns (periodIndex is a sheet column, lineIndex a sheet row); for periods down, the other way.
 * `sheetCell` is the one place that turns (line, period) positions into a sheet cell.
 */
import type { Period, Periodicity } from "../../engine";
import type { Box, CellRef } from "../../sheet";

export type LineRole =
  | "investment"
  | "return"
  /** An ongoing cost that reduces the return (licences, running costs): money out, not the outlay. */
  | "cost"
  | "total-investment"
  | "total-return"
  /** A stated total of other lines, of neither side alone (a budget table's total): checked, never added. */
  | "total"
  /** In-month net line: total return + total investment; checked against its parts, never added. */
  | "net"
  /** A net line with no parts on the sheet (a net-only table): analysed directly as the flow. */
  | "net-flow"
  | "cumulative"
  /** A label-only row that starts a section ("Return"). */
  | "heading"
  /** Money that is neither investment nor return (base budget, pressures, reserves): reconciled only. */
  | "other"
  /** Notes, references or anything that takes no part in the payback. */
  | "ignored";

/** An amount line that is neither counted in the payback nor checked as a total, and why. */
export interface ExcludedLine {
  /** The label cell ("'Appendix 1'!A13"), or the first amount's cell when the line has no label. */
  cell: string;
  label: string;
  reason: string;
  /** Its figures are money (not percentages, FTEs or references): leaving it out changes the answer. */
  holdsMoney: boolean;
}

export type Unit = "£" | "£k" | "£000s";

export type SignConvention =
  /** Investment shown negative, returns positive. */
  | "investment-negative"
  /** Both shown positive; the label says which is investment. */
  | "role-by-label"
  /** Savings shown negative, costs positive ("net saving to council" tables). */
  | "savings-negative";

export type GridOrientation = "periods-across" | "periods-down";

/** A period and where its amounts sit on the period axis. */
export interface PeriodSlot {
  period: Period;
  /** Index into GridModel.blocks. */
  block: number;
  /** Position of this period on the period axis. */
  periodIndex: number;
}

/** A stated total (FY subtotal or grand total) beside the periods of a block. */
export interface TotalSlot {
  /** Position of the total on the period axis. */
  periodIndex: number;
  kind: "fy" | "grand";
  /** FY label for kind "fy" ("2021/22"). */
  fy: string | null;
  /** Header cell text as shown. */
  header: string;
}

/** One band of lines under one header; a stacked layout has one block per financial year. */
export interface GridBlock {
  /** Line-axis position of the period headers. */
  headerIndex: number;
  /** Line-axis positions of the first and last line under the headers. */
  firstLineIndex: number;
  lastLineIndex: number;
  totals: TotalSlot[];
}

export interface GridLine {
  /** Normalised label, the same in every block ("investment from smbc"). */
  key: string;
  label: string;
  role: LineRole;
  /** Line-axis position of this line in each block (null where the block lacks it). */
  lineIndex: (number | null)[];
  /** Multiplier that turns the amounts as shown into the engine's convention (1 or -1). */
  sign: 1 | -1;
  /** A cumulative line that is the running sum of one other line: that line's key. */
  runningSumOf?: string;
}

export interface GridModel {
  sheetName: string;
  orientation: GridOrientation;
  periodicity: Periodicity;
  unit: Unit;
  /** Where the unit was read from ("A2: £000s"), or null when assumed. */
  unitSource: string | null;
  signConvention: SignConvention;
  /** Period-axis position of the line labels. */
  labelIndex: number;
  periods: PeriodSlot[];
  blocks: GridBlock[];
  lines: GridLine[];
  /** Bounding box of the grid, sheet coordinates, inclusive. */
  bounds: Box;
  /** Amount lines left out of the payback, each with its reason. */
  excluded: ExcludedLine[];
  /** Things the reader assumed or skipped, naming cells ("E9: text 'tbc' read as blank"). */
  warnings: string[];
  /** Actual figures beside the plan, kept out of `lines` so the plan's payback never counts them. */
  tracking?: TrackingLayout | null;
}

/** How a sheet shows actual figures beside its plan (design notes, "Plan versus actual"). */
export interface TrackingLayout {
  layout: "actual lines" | "plan and actual columns" | "actual and forecast periods";
  /** The actual lines, with roles and signs as the plan's lines have them. */
  lines: GridLine[];
  /** Each actual line's key, and the key of the plan line of the same name (null when none). */
  planOf: Record<string, string | null>;
  /** Index into `periods` of the last period of actual figures; null when none has a figure yet. */
  asOfSlot: number | null;
  /** Why that period: the cell that says so, in words. */
  asOfFrom: string;
  /**
   * Plan and Actual sub-columns under each period: each plan position on the period axis and the
   * position of the actual figures beside it. Absent where the actual lines sit at the plan's.
   */
  actualPositions?: Record<number, number>;
}

/** The sheet row of the cell at a line-axis and a period-axis position of the grid. */
export function sheetRow(
  orientation: GridOrientation,
  lineIndex: number,
  periodIndex: number
): number {
  return orientation === "periods-down" ? periodIndex : lineIndex;
}

/** The sheet column of the cell at a line-axis and a period-axis position of the grid. */
export function sheetCol(
  orientation: GridOrientation,
  lineIndex: number,
  periodIndex: number
): number {
  return orientation === "periods-down" ? lineIndex : periodIndex;
}

/** The sheet cell at a line-axis and a period-axis position of the grid. */
export function sheetCell(
  model: Pick<GridModel, "orientation">,
  lineIndex: number,
  periodIndex: number
): { row: number; col: number } {
  return {
    row: sheetRow(model.orientation, lineIndex, periodIndex),
    col: sheetCol(model.orientation, lineIndex, periodIndex),
  };
}

/** The sheet cell of a line's amount in the period at `slot` (index into model.periods), or null where its block lacks the line. */
export function lineCell(
  model: GridModel,
  line: GridLine,
  slot: number
): { row: number; col: number } | null {
  const period = model.periods[slot];
  if (!period) return null;
  const lineIndex = line.lineIndex[period.block];
  if (lineIndex === null || lineIndex === undefined) return null;
  return sheetCell(model, lineIndex, period.periodIndex);
}

/** sheetCell on the grid's own sheet. */
export function gridCellRef(
  model: Pick<GridModel, "orientation" | "sheetName">,
  lineIndex: number,
  periodIndex: number
): CellRef {
  return {
    sheet: model.sheetName,
    row: sheetRow(model.orientation, lineIndex, periodIndex),
    col: sheetCol(model.orientation, lineIndex, periodIndex),
  };
}
