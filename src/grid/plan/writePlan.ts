/**
 * A write plan: exactly what to put where. Produced by the grid layer, applied by an adapter
 * (src/excel in Excel, src/file on .xlsx files), so both write the same thing.
 * Coordinates are 0-based sheet coordinates on the named sheet.
 */

export interface PlannedCell {
  sheet: string;
  row: number;
  col: number;
  /** A formula with its leading "="; when set, value is the engine's result to cache beside it. */
  formula?: string;
  value: number | string | null;
  numberFormat?: string;
  bold?: boolean;
  /** Fill colour "#RRGGBB". */
  fill?: string;
}

/** A workbook-scoped name that tags ITOS output, e.g. ITOS_Cumulative -> 'Appendix 1'!$B$60:$O$60. */
export interface PlannedName {
  name: string;
  /** Reference with its sheet, without a leading "=". */
  ref: string;
}

/** Conditional formatting that follows the data: fill the cell(s) where formula is TRUE. */
export interface PlannedConditionalFormat {
  sheet: string;
  /** Range the rule applies to, A1 without the sheet: "B60:O60". */
  range: string;
  /** Formula relative to the range's top-left cell, with "=". */
  formula: string;
  fill: string;
  fontColor?: string;
}

export interface PlannedChart {
  sheet: string;
  title: string;
  /** Range of the category labels (periods) and of the cumulative values, with sheet. */
  categoriesRef: string;
  valuesRef: string;
  /** Top-left anchor cell and size in cells. */
  anchor: { row: number; col: number; widthCols: number; heightRows: number };
}

/** A reconciliation mark on a user's cell: a fill and a note, removable in one go. */
export interface PlannedMark {
  sheet: string;
  row: number;
  col: number;
  fill: string;
  note: string;
}

export interface WritePlan {
  /** Sheet to create first, when the source sheet had no room ("ITOS Analysis"). */
  newSheet: string | null;
  cells: PlannedCell[];
  names: PlannedName[];
  conditionalFormats: PlannedConditionalFormat[];
  charts: PlannedChart[];
  marks: PlannedMark[];
}

export function emptyPlan(): WritePlan {
  return { newSheet: null, cells: [], names: [], conditionalFormats: [], charts: [], marks: [] };
}
