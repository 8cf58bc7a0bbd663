/**
 * The terms of the formula findings: the workbook access, stated lines and stated totals they
 * are given, the findings they give, and how a cell's value is read.
 */
import type { CellRef, CellValue, RangeRef } from "../../sheet";

export type FormulaFindingKind =
  "omits-part" | "hard-coded" | "inconsistent" | "external" | "error";

export type FormulaCell = CellRef;
export type CellContent = CellValue;

/** Read access to the workbook's cells: formula text (with "=") and value (a formula's cached result). */
export interface FormulaWorkbook {
  formulaAt(sheet: string, row: number, col: number): string | null;
  valueAt(sheet: string, row: number, col: number): CellContent;
  /** The used area of a sheet, so whole-column references are walked only where cells are. */
  bounds(sheet: string): { top: number; left: number; bottom: number; right: number } | null;
  /**
   * Whether no cell of the sheet shows an error value and no formula on it holds "#" or "["
   * (optional): then none of its formulas can hold an error or reach another workbook, and its
   * cells need not be visited one by one for that.
   */
  clearOfSuspects?(sheet: string): boolean;
}

/** Stated cells along one line of a table (a total line's periods, a total column down its lines). */
export interface StatedLine {
  /** What the line is, for sentences: "Total savings", "the Total column". */
  label: string;
  cells: FormulaCell[];
  /**
   * What each cell is, for sentences ("Total savings, 2022/23"), same length as cells; or a
   * function giving cell i's, where building every one costs (only cells with findings need one).
   */
  subjects: string[] | ((index: number) => string);
  /** Compare the formulas' R1C1 forms along the line (period cells of total, net and running lines). */
  compareForms: boolean;
  /** A running (cumulative) line: its first cell starts from something else, so it is not compared. */
  running: boolean;
}

/** A stated total and the readings of its parts that the value checks know. */
export interface StatedTotal {
  cell: FormulaCell;
  /** "Total savings, 2022/23". */
  subject: string;
  /**
   * Each reading of the parts; the formula should cover every part of at least one. A function
   * where building them costs: it is called only for a total that is a formula.
   */
  readings: FormulaCell[][] | (() => FormulaCell[][]);
  /**
   * Whether every part of some reading passes `test`, visiting the parts without building them
   * (optional): lets most totals, whose formula refers to every part of one reading, be passed
   * without a list of cells. `within`, when given, tells at once whether every cell of a
   * rectangle passes: a reading whose parts lie in one rectangle may be passed by it.
   */
  anyReading?: (
    test: (sheet: string, row: number, col: number) => boolean,
    within?: (range: RangeRef) => boolean
  ) => boolean;
  /** The value check's verdict, when there was one. */
  status?: "match" | "rounding" | "mismatch";
  /** What the parts add up to, for the sentences. */
  expected?: number;
}

/** Stated totals by cell number (formulaCache's key): a Map, or an index built for speed. */
export interface TotalLookup {
  get(cellNumber: number): StatedTotal | undefined;
  has(cellNumber: number): boolean;
}

export interface FormulaFinding {
  sheet: string;
  /** A1 address on its sheet. */
  cell: string;
  kind: FormulaFindingKind;
  /** One sentence in a finance user's words. */
  detail: string;
  /** The cells the finding is about: the parts left out, the neighbours compared, and so on. */
  cells: FormulaCell[];
}

/** Records a finding on cell c. */
export type Add = (
  c: FormulaCell,
  kind: FormulaFindingKind,
  detail: string,
  cells: FormulaCell[]
) => void;

export function isNumber(v: CellContent): v is number {
  return typeof v === "number";
}

export function isError(v: CellContent): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}
