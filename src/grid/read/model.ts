/**
 * What the grid layer understands of a sheet: the period axis, each line's role, units and sign
 * convention, all tied to cell coordinates (0-based sheet row/col) so every message can name a cell.
 */
import type { Period, Periodicity } from "../../engine/types";

export type LineRole =
  | "investment"
  | "return"
  | "total-investment"
  | "total-return"
  /** In-month net line: total return + total investment. */
  | "net"
  | "cumulative"
  /** A label-only row that starts a section ("Return"). */
  | "heading"
  /** Notes, references or anything that takes no part in the payback. */
  | "ignored";

export type Unit = "£" | "£k" | "£000s";

export type SignConvention =
  /** Investment shown negative, returns positive. */
  | "investment-negative"
  /** Both shown positive; the label says which is investment. */
  | "role-by-label"
  /** Savings shown negative, costs positive ("net saving to council" tables). */
  | "savings-negative";

export type GridOrientation = "periods-across" | "periods-down";

/** A period and the column (or row, for transposed grids) its amounts sit in. */
export interface PeriodSlot {
  period: Period;
  /** Index into GridModel.blocks. */
  block: number;
  /** Sheet column of this period (sheet row for periods-down grids). */
  col: number;
}

/** A stated total column (FY subtotal or grand total) in a block. */
export interface TotalColumn {
  col: number;
  kind: "fy" | "grand";
  /** FY label for kind "fy" ("2021/22"). */
  fy: string | null;
  /** Header cell text as shown. */
  header: string;
}

/** One band of rows under one header row; a stacked layout has one block per financial year. */
export interface GridBlock {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  totalColumns: TotalColumn[];
}

export interface GridLine {
  /** Normalised label, the same in every block ("investment from smbc"). */
  key: string;
  label: string;
  role: LineRole;
  /** Sheet row of this line in each block (null where the block lacks it). */
  rows: (number | null)[];
  /** Multiplier that turns the amounts as shown into the engine's convention (1 or -1). */
  sign: 1 | -1;
}

export interface GridModel {
  sheetName: string;
  orientation: GridOrientation;
  periodicity: Periodicity;
  unit: Unit;
  /** Where the unit was read from ("A2: £000s"), or null when assumed. */
  unitSource: string | null;
  signConvention: SignConvention;
  /** Sheet column holding the line labels (sheet row for periods-down grids). */
  labelCol: number;
  periods: PeriodSlot[];
  blocks: GridBlock[];
  lines: GridLine[];
  /** Bounding box of the grid, sheet coordinates, inclusive. */
  bounds: { top: number; left: number; bottom: number; right: number };
  /** Things the reader assumed or skipped, naming cells ("E9: text 'tbc' read as blank"). */
  warnings: string[];
}
