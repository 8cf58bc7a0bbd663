/**
 * The write plan for one analysed sheet: an "ITOS analysis" section (title, KPI block, year
 * summary, period table) as live Excel over the user's cells, the break-even highlight as
 * conditional formatting, a cumulative chart, reconciliation marks, and ITOS_ names tagging it all.
 * Pure: both adapters (Excel and .xlsx files) apply the same plan.
 */
import { toNumber, type PaybackResult, type Placement, type SensitivityTable } from "../../engine";
import {
  a1,
  absoluteRangeRef,
  cellAt,
  columnLetters,
  formatAt,
  isBlank,
  isCellError,
  NEW_SHEET_NAME,
  planMarkName,
  quoteSheetName,
  sectionName,
  type SheetSnapshot,
} from "../../sheet";
import { lineCell, type GridLine, type GridModel } from "../read";
import { KPI_ROWS, kpiRows, type PeriodColumns } from "./planKpis";
import { sensitivityCells, sensitivityRows } from "./planSensitivity";
import { SECTION_WIDTH, freeSheetName, placeSection, type Obstacle } from "./planLayout";
import type { PlannedCell, PlannedMark, PlannedName, WritePlan } from "./writePlan";

const DEFAULT_MONEY_FORMAT = "#,##0;(#,##0)";
/** Excel's "Good" style colours: the break-even row. */
const BREAK_EVEN_FILL = "#C6EFCE";
const BREAK_EVEN_FONT = "#006100";

export interface PlanInput {
  model: GridModel;
  result: PaybackResult;
  marks: PlannedMark[];
  /** Payback for each cut and delay of returns, written as values after the period table. */
  sensitivity?: SensitivityTable | null;
}

export interface PlanOptions {
  /** Plain values instead of formulas. */
  valuesOnly?: boolean;
  /** Cells inside existing ITOS_ names ("Sheet!A1", see cellKey): a re-run may overwrite them. */
  ownedCells?: ReadonlySet<string>;
  /** Appended to every ITOS_ name, so several analysed sheets in one workbook keep apart ("" by default). */
  nameSuffix?: string;
  /** Below the grid when there is room (the default), or always on a sheet of its own. */
  placement?: Placement;
  /** Sheet names in use that ITOS did not create: its own sheet never takes one ("ITOS Analysis (2)"). */
  takenSheetNames?: ReadonlySet<string>;
  /** Merged ranges and hidden rows of the grid's sheet, which the section keeps clear of. */
  obstacles?: readonly Obstacle[];
  /** The sensitivity table of payback by cut and delay (on unless false). */
  sensitivity?: boolean;
}

const COL = { label: 0, investment: 1, return: 2, net: 3, cumulative: 4, note: 5 } as const;
/** KPI values sit in the fourth column so the labels can spill over the two empty cells after them. */
const KPI_VALUE_COL = 3;
/** Short enough for a default-width column, in the grid's own vocabulary ("Cum (cost) / return"). */
const AMOUNT_HEADERS = ["Inv.", "Return", "Net", "Cum."];

/** The grid's own money format, read from its first component amount cell that has one. */
function gridMoneyFormat(model: GridModel, snapshot: SheetSnapshot): string {
  for (const line of model.lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    for (let i = 0; i < model.periods.length; i++) {
      const cell = lineCell(model, line, i);
      const fmt = cell ? formatAt(snapshot, cell.row, cell.col) : null;
      if (
        fmt &&
        /[0#]/.test(fmt) &&
        !/general/i.test(fmt) &&
        !/[dmy]/i.test(fmt.replace(/"[^"]*"/g, ""))
      )
        return fmt;
    }
  }
  return DEFAULT_MONEY_FORMAT;
}

/** Sum of one role's cells in one period as a formula body ("E4+E5", "-E4"), or the cells that stop it. */
function componentFormula(
  model: GridModel,
  snapshot: SheetSnapshot,
  lines: GridLine[],
  slot: number,
  sheetPrefix: string,
  side: "investment" | "return"
): { body: string | null; blockers: string[] } {
  const terms: string[] = [];
  const blockers: string[] = [];
  for (const line of lines) {
    const cell = lineCell(model, line, slot);
    if (!cell) continue;
    const value = cellAt(snapshot, cell.row, cell.col);
    if (
      isCellError(value) ||
      typeof value === "boolean" ||
      (typeof value === "string" && !isBlank(value))
    ) {
      const shown =
        typeof value === "string"
          ? `the text '${value.trim()}'`
          : isCellError(value)
            ? value.error
            : String(value);
      blockers.push(`${a1(cell.row, cell.col)} holds ${shown}`);
    }
    const ref = `${sheetPrefix}${a1(cell.row, cell.col)}`;
    if (line.role === "net-flow") {
      terms.push(`${terms.length ? "+" : ""}${side === "investment" ? "MIN" : "MAX"}(${ref},0)`);
      continue;
    }
    terms.push(`${line.sign === 1 ? (terms.length ? "+" : "") : "-"}${ref}`);
  }
  return { body: terms.length ? terms.join("") : null, blockers };
}

function rangeOf(col: number, top: number, bottom: number): string {
  const c = columnLetters(col);
  return `${c}${top + 1}:${c}${bottom + 1}`;
}

export function buildWritePlan(
  input: PlanInput,
  snapshot: SheetSnapshot,
  options: PlanOptions = {}
): WritePlan {
  const { model, result } = input;
  const valuesOnly = options.valuesOnly === true;
  const suffix = options.nameSuffix ?? "";
  const owned = options.ownedCells ?? new Set<string>();
  const moneyFormat = gridMoneyFormat(model, snapshot);
  const n = result.periods.length;
  const years = result.years;

  // Row offsets inside the section.
  const kpiTop = 1;
  const yearHeader = kpiTop + KPI_ROWS + 1;
  const periodHeader = yearHeader + 1 + years.length + 1;
  // The sensitivity table sits after the period table, one blank row between.
  const sensitivityTop = periodHeader + 1 + n + 1;
  const sensitivity = input.sensitivity ?? null;
  const rowsNeeded = sensitivity
    ? sensitivityTop + sensitivityRows(sensitivity)
    : periodHeader + 1 + n;

  const newSheetName = freeSheetName(
    suffix
      ? `${NEW_SHEET_NAME} ${suffix.replace(/^_+/, "").replace(/_/g, " ")}`.slice(0, 31)
      : NEW_SHEET_NAME,
    options.takenSheetNames ?? new Set()
  );
  const place = placeSection(
    model,
    snapshot,
    rowsNeeded,
    owned,
    newSheetName,
    options.placement,
    options.obstacles ?? []
  );
  const sheet = place.sheet;
  const top = place.top;
  const left = place.left;
  const userPrefix = place.newSheet ? `${quoteSheetName(model.sheetName)}!` : "";
  const R = (offset: number): number => top + offset;
  const C = (col: number): number => left + col;

  const cells: PlannedCell[] = [];
  const put = (
    row: number,
    col: number,
    cell: Omit<PlannedCell, "sheet" | "row" | "col">
  ): void => {
    const planned: PlannedCell = { sheet, row, col, ...cell };
    if (valuesOnly) delete planned.formula;
    cells.push(planned);
  };
  const header = (row: number, labels: string[]): void =>
    labels.forEach((label, j) => put(row, C(j), { value: label, bold: true }));

  const firstPeriodRow = R(periodHeader + 1);
  const lastPeriodRow = R(periodHeader + n);
  const cols: PeriodColumns = {
    investment: rangeOf(C(COL.investment), firstPeriodRow, lastPeriodRow),
    return: rangeOf(C(COL.return), firstPeriodRow, lastPeriodRow),
    net: rangeOf(C(COL.net), firstPeriodRow, lastPeriodRow),
  };

  put(R(0), C(0), { value: `ITOS analysis (${model.unit})`, bold: true });

  const kpis = kpiRows(result, cols, moneyFormat, valuesOnly);
  kpis.forEach((k, i) => {
    put(R(kpiTop + i), C(0), { value: k.label });
    put(R(kpiTop + i), C(KPI_VALUE_COL), {
      value: k.value,
      formula: k.formula,
      numberFormat: k.numberFormat,
    });
  });

  // Period table: investment and return over the user's cells, net and cumulative over the table.
  header(R(periodHeader), ["Period", ...AMOUNT_HEADERS, "Note"]);
  // A cost reduces the return (its sign makes it negative); a net-only table's net line is both
  // sides, split by sign.
  const investmentLines = model.lines.filter(
    (l) => l.role === "investment" || l.role === "net-flow"
  );
  const returnLines = model.lines.filter(
    (l) => l.role === "return" || l.role === "cost" || l.role === "net-flow"
  );
  for (let i = 0; i < n; i++) {
    const row = firstPeriodRow + i;
    put(row, C(COL.label), { value: result.periods[i].label });
    const notes: string[] = [];
    const component = (lines: GridLine[], amount: number, col: number): void => {
      const side = col === COL.investment ? "investment" : "return";
      const { body, blockers } = componentFormula(model, snapshot, lines, i, userPrefix, side);
      if (blockers.length) notes.push(...blockers);
      const formula = body && blockers.length === 0 ? `=${body}` : undefined;
      put(row, C(col), { value: amount, formula, numberFormat: moneyFormat });
    };
    component(investmentLines, toNumber(result.investmentByPeriod[i]), COL.investment);
    component(returnLines, toNumber(result.returnByPeriod[i]), COL.return);
    const inv = a1(row, C(COL.investment));
    const ret = a1(row, C(COL.return));
    const net = a1(row, C(COL.net));
    put(row, C(COL.net), {
      value: toNumber(result.net[i]),
      formula: `=${inv}+${ret}`,
      numberFormat: moneyFormat,
    });
    const cumulativeFormula = i === 0 ? `=${net}` : `=${a1(row - 1, C(COL.cumulative))}+${net}`;
    put(row, C(COL.cumulative), {
      value: toNumber(result.cumulative[i]),
      formula: cumulativeFormula,
      numberFormat: moneyFormat,
    });
    if (notes.length && !valuesOnly)
      put(row, C(COL.note), {
        value: `Value, not a formula, as Excel cannot add it up: ${notes.join("; ")}`,
      });
  }

  // Year summary: each year adds up its run of period rows (periods are in order, so a year is contiguous).
  header(R(yearHeader), ["Year", ...AMOUNT_HEADERS]);
  let start = 0;
  years.forEach((y, k) => {
    const row = R(yearHeader + 1 + k);
    let end = start;
    while (end + 1 < n && (result.periods[end + 1].fy ?? result.periods[end + 1].label) === y.fy)
      end++;
    const first = firstPeriodRow + start;
    const last = firstPeriodRow + end;
    put(row, C(COL.label), { value: y.fy });
    for (const key of ["investment", "return", "net"] as const)
      put(row, C(COL[key]), {
        value: toNumber(y[key]),
        formula: `=SUM(${rangeOf(C(COL[key]), first, last)})`,
        numberFormat: moneyFormat,
      });
    put(row, C(COL.cumulative), {
      value: toNumber(y.cumulative),
      formula: `=${a1(last, C(COL.cumulative))}`,
      numberFormat: moneyFormat,
    });
    start = end + 1;
  });

  if (sensitivity)
    for (const cell of sensitivityCells(sensitivity, result.cadence)) {
      const { row, col, ...rest } = cell;
      put(R(sensitivityTop + row), C(col), rest);
    }
  const lastRow = R(rowsNeeded - 1);

  const cumulativeCol = columnLetters(C(COL.cumulative));
  const conditionalFormats =
    n > 1
      ? [
          {
            sheet,
            range: `${a1(firstPeriodRow + 1, C(0))}:${a1(lastPeriodRow, C(COL.cumulative))}`,
            formula: `=AND($${cumulativeCol}${firstPeriodRow + 2}>=0,$${cumulativeCol}${firstPeriodRow + 1}<0)`,
            fill: BREAK_EVEN_FILL,
            fontColor: BREAK_EVEN_FONT,
          },
        ]
      : [];

  const periodsRef = absoluteRangeRef({
    sheet: sheet,
    top: firstPeriodRow,
    left: C(0),
    bottom: lastPeriodRow,
    right: C(0),
  });
  const cumulativeRef = absoluteRangeRef({
    sheet: sheet,
    top: firstPeriodRow,
    left: C(COL.cumulative),
    bottom: lastPeriodRow,
    right: C(COL.cumulative),
  });
  const names: PlannedName[] = [
    {
      name: sectionName("output", suffix),
      ref: absoluteRangeRef({
        sheet: sheet,
        top: R(0),
        left: C(0),
        bottom: lastRow,
        right: C(SECTION_WIDTH - 1),
      }),
    },
    {
      name: sectionName("kpis", suffix),
      ref: absoluteRangeRef({
        sheet: sheet,
        top: R(kpiTop),
        left: C(0),
        bottom: R(kpiTop + kpis.length - 1),
        right: C(KPI_VALUE_COL),
      }),
    },
    {
      name: sectionName("yearSummary", suffix),
      ref: absoluteRangeRef({
        sheet: sheet,
        top: R(yearHeader),
        left: C(0),
        bottom: R(yearHeader + years.length),
        right: C(COL.cumulative),
      }),
    },
    { name: sectionName("cumulative", suffix), ref: cumulativeRef },
  ];
  if (result.breakEven.status === "reached") {
    const row = firstPeriodRow + result.breakEven.index;
    names.push({
      name: sectionName("breakEven", suffix),
      ref: absoluteRangeRef({
        sheet: sheet,
        top: row,
        left: C(0),
        bottom: row,
        right: C(COL.cumulative),
      }),
    });
  }
  if (sensitivity)
    names.push({
      name: sectionName("sensitivity", suffix),
      ref: absoluteRangeRef({
        sheet,
        top: R(sensitivityTop),
        left: C(0),
        bottom: lastRow,
        right: C(sensitivity.delays.length),
      }),
    });
  input.marks.forEach((m, k) =>
    names.push({
      name: planMarkName(suffix, k + 1),
      ref: absoluteRangeRef({
        sheet: m.sheet,
        top: m.row,
        left: m.col,
        bottom: m.row,
        right: m.col,
      }),
    })
  );

  return {
    newSheet: place.newSheet ? sheet : null,
    cells,
    names,
    conditionalFormats,
    charts: [
      {
        sheet,
        title: `Cumulative position (${model.unit})`,
        categoriesRef: periodsRef,
        valuesRef: cumulativeRef,
        anchor: { row: R(periodHeader), col: C(SECTION_WIDTH + 1), widthCols: 8, heightRows: 18 },
      },
    ],
    marks: input.marks,
  };
}
