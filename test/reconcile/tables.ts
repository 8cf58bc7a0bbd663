/**
 * Consistent tables built in memory: a GridModel and the SheetSnapshot it describes, with true
 * amounts (4 decimals) whose totals are worked out exactly and then displayed rounded, as a
 * council spreadsheet shows them. Used by the property tests.
 */
import Decimal from "decimal.js";
import { Money, monthPeriod } from "../../src/engine";
import type {
  GridBlock,
  GridLine,
  GridModel,
  LineRole,
  PeriodSlot,
  SignConvention,
} from "../../src/grid/read";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

export interface TableSpec {
  investmentLines: number;
  returnLines: number;
  months: number;
  /** Calendar month (1-12) and year of the first period. */
  startMonth: number;
  startYear: number;
  stacked: boolean;
  fyColumns: boolean;
  grandColumn: boolean;
  totalLines: boolean;
  netLine: boolean;
  cumulativeLine: boolean;
  /** Decimal places shown (0, 1 or 2); "general" shows whole numbers in General format. */
  display: 0 | 1 | 2 | "general";
  signConvention: Extract<SignConvention, "investment-negative" | "role-by-label">;
  /** True amounts in ten-thousandths, one per component line and month (0 = blank cell). */
  amounts: number[][];
  /** Per cell, whether the stored value is rounded to the display (else the exact value, as a formula would hold). */
  roundedCells: boolean[];
  /** Periods down the rows and lines across the columns. */
  transposed: boolean;
  /** Add a year summary sheet ("Summary") worked out from the same true amounts. */
  summary: boolean;
}

export interface BuiltTable {
  model: GridModel;
  snapshot: SheetSnapshot;
  /** Every cell that states a total (total, net, cumulative lines; FY and grand columns), as [row, col]. */
  statedCells: [number, number][];
  /** The year summary sheet, when asked for, and its stated cells. */
  summary: { snapshot: SheetSnapshot; statedCells: [number, number][] } | null;
}

const SHEET = "Table";

function formatFor(display: TableSpec["display"]): string {
  if (display === "general") return "General";
  return display === 0
    ? "#,##0;(#,##0)"
    : display === 1
      ? "#,##0.0;(#,##0.0)"
      : "#,##0.00;(#,##0.00)";
}

function shown(value: Decimal, display: TableSpec["display"], rounded: boolean): number {
  const dp = display === "general" ? 0 : display;
  return rounded ? value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toNumber() : value.toNumber();
}

interface LineDef {
  key: string;
  label: string;
  role: LineRole;
  sign: 1 | -1;
  /** True amount per month in the engine's convention, or null for a heading. */
  flows: Decimal[] | null;
}

export function buildTable(spec: TableSpec): BuiltTable {
  const months = Array.from({ length: spec.months }, (_, i) => {
    const m = spec.startMonth - 1 + i;
    return monthPeriod(spec.startYear + Math.floor(m / 12), (m % 12) + 1);
  });
  const invSign: 1 | -1 = spec.signConvention === "role-by-label" ? -1 : 1;
  const comp = (i: number) => spec.amounts[i].map((a) => new Money(a).div(10000));
  const sumOf = (rows: Decimal[][]) =>
    months.map((_, m) => rows.reduce((s, r) => s.plus(r[m]), new Money(0)));

  const invFlows = Array.from({ length: spec.investmentLines }, (_, i) =>
    comp(i).map((d) => d.abs().negated())
  );
  const retFlows = Array.from({ length: spec.returnLines }, (_, i) =>
    comp(spec.investmentLines + i)
  );
  const defs: LineDef[] = [];
  invFlows.forEach((f, i) =>
    defs.push({
      key: `investment ${i + 1}`,
      label: `Investment ${i + 1}`,
      role: "investment",
      sign: invSign,
      flows: f,
    })
  );
  const totalInv = sumOf(invFlows);
  if (spec.totalLines)
    defs.push({
      key: "total investment",
      label: "Total investment",
      role: "total-investment",
      sign: invSign,
      flows: totalInv,
    });
  defs.push({ key: "return", label: "Return", role: "heading", sign: 1, flows: null });
  retFlows.forEach((f, i) =>
    defs.push({
      key: `saving ${i + 1}`,
      label: `Saving ${i + 1}`,
      role: "return",
      sign: 1,
      flows: f,
    })
  );
  const totalRet = sumOf(retFlows);
  if (spec.totalLines)
    defs.push({
      key: "total return",
      label: "Total return",
      role: "total-return",
      sign: 1,
      flows: totalRet,
    });
  const net = months.map((_, m) => totalInv[m].plus(totalRet[m]));
  if (spec.netLine)
    defs.push({ key: "net", label: "Net in month", role: "net", sign: 1, flows: net });
  const cumulative: Decimal[] = [];
  net.forEach((n, m) => cumulative.push(m === 0 ? n : cumulative[m - 1].plus(n)));
  if (spec.cumulativeLine)
    defs.push({
      key: "cumulative",
      label: "Cumulative",
      role: "cumulative",
      sign: 1,
      flows: cumulative,
    });

  // Columns: per block, its months then its FY columns; the grand column closes the last block.
  const fyOf = months.map((p) => p.fy as string);
  const fys = [...new Set(fyOf)];
  const blockMonths: number[][] = spec.stacked
    ? fys.map((fy) => months.map((_, i) => i).filter((i) => fyOf[i] === fy))
    : [months.map((_, i) => i)];
  const rowsPerBlock = defs.length + 2;
  const values = new Map<string, CellValue>();
  const formats = new Map<string, string>();
  const put = (row: number, col: number, v: CellValue, fmt?: string) => {
    values.set(`${row},${col}`, v);
    if (fmt) formats.set(`${row},${col}`, fmt);
  };
  const fmt = formatFor(spec.display);
  const periods: PeriodSlot[] = [];
  const blocks: GridBlock[] = [];
  const lines: GridLine[] = defs.map((d) => ({
    key: d.key,
    label: d.label,
    role: d.role,
    lineIndex: [],
    sign: d.sign,
  }));
  const statedCells: [number, number][] = [];
  let cellNo = 0;
  const nextRounded = () => spec.roundedCells[cellNo++ % spec.roundedCells.length];
  const derived = (role: LineRole) => role !== "investment" && role !== "return";
  let right = 0;

  blockMonths.forEach((idx, b) => {
    const header = b * rowsPerBlock;
    const cols: {
      col: number;
      kind: "month" | "fy" | "grand";
      months: number[];
      fy: string | null;
    }[] = [];
    let col = 1;
    const blockFys = [...new Set(idx.map((i) => fyOf[i]))];
    for (const fy of blockFys) {
      for (const i of idx.filter((j) => fyOf[j] === fy))
        cols.push({ col: col++, kind: "month", months: [i], fy });
      if (spec.fyColumns)
        cols.push({ col: col++, kind: "fy", months: idx.filter((j) => fyOf[j] === fy), fy });
    }
    const last = b === blockMonths.length - 1;
    if (spec.grandColumn && last)
      cols.push({ col: col++, kind: "grand", months: months.map((_, i) => i), fy: null });
    right = Math.max(right, col - 1);
    for (const c of cols) {
      if (c.kind === "month") {
        const p = months[c.months[0]];
        put(header, c.col, p.label);
        periods.push({ period: p, block: b, periodIndex: c.col });
      } else put(header, c.col, c.kind === "fy" ? (c.fy as string) : "Total");
    }
    blocks.push({
      headerIndex: header,
      firstLineIndex: header + 1,
      lastLineIndex: header + defs.length,
      totals: cols
        .filter((c) => c.kind !== "month")
        .map((c) => ({
          periodIndex: c.col,
          kind: c.kind as "fy" | "grand",
          fy: c.fy,
          header: c.kind === "fy" ? (c.fy as string) : "Total",
        })),
    });
    defs.forEach((d, li) => {
      const row = header + 1 + li;
      lines[li].lineIndex.push(row);
      put(row, 0, d.label);
      if (!d.flows) return;
      for (const c of cols) {
        const engine =
          d.role === "cumulative"
            ? d.flows[c.months[c.months.length - 1]]
            : c.months.reduce((s, i) => s.plus(d.flows![i]), new Money(0));
        const display = engine.times(d.sign);
        const isStated = derived(d.role) || c.kind !== "month";
        if (!isStated && display.isZero()) continue; // a blank component cell
        put(row, c.col, shown(display, spec.display, nextRounded()), fmt);
        if (isStated) statedCells.push([row, c.col]);
      }
    });
  });

  const bottom = blockMonths.length * rowsPerBlock - 2;
  const valuesGrid: CellValue[][] = [];
  const formatGrid: (string | null)[][] = [];
  for (let r = 0; r <= bottom; r++) {
    valuesGrid.push(Array.from({ length: right + 1 }, (_, c) => values.get(`${r},${c}`) ?? null));
    formatGrid.push(Array.from({ length: right + 1 }, (_, c) => formats.get(`${r},${c}`) ?? null));
  }
  const model: GridModel = {
    sheetName: SHEET,
    orientation: spec.transposed ? "periods-down" : "periods-across",
    periodicity: "monthly",
    unit: "£",
    unitSource: null,
    signConvention: spec.signConvention,
    labelIndex: 0,
    periods,
    blocks,
    lines,
    bounds: spec.transposed
      ? { top: 0, left: 0, bottom: right, right: bottom }
      : { top: 0, left: 0, bottom, right },
    excluded: [],
    warnings: [],
  };
  const summary = spec.summary
    ? buildSummary(
        spec,
        fys,
        fyOf,
        {
          investment: invFlows.map((f) => f.map((d) => d.times(invSign))),
          totalReturn: totalRet,
          net,
          cumulative,
          invSign,
        },
        nextRounded
      )
    : null;
  if (spec.transposed) {
    return {
      model,
      snapshot: {
        sheetName: SHEET,
        top: 0,
        left: 0,
        values: transpose(valuesGrid),
        numberFormats: transpose(formatGrid),
      },
      statedCells: statedCells.map(([r, c]) => [c, r]),
      summary,
    };
  }
  return {
    model,
    snapshot: { sheetName: SHEET, top: 0, left: 0, values: valuesGrid, numberFormats: formatGrid },
    statedCells,
    summary,
  };
}

function transpose<T>(grid: T[][]): T[][] {
  const cols = grid.reduce((m, r) => Math.max(m, r.length), 0);
  return Array.from({ length: cols }, (_, c) => grid.map((r) => r[c]));
}

/**
 * A "Summary" sheet as cabinet papers have it: FY labels across row 2 with a Total column, rows
 * for each investment line (as shown in the grid), Saving, Net ROI and, when the grid has one,
 * Cum ROI; worked out from the true amounts and rounded for display.
 */
function buildSummary(
  spec: TableSpec,
  fys: string[],
  fyOf: string[],
  truth: {
    investment: Decimal[][];
    totalReturn: Decimal[];
    net: Decimal[];
    cumulative: Decimal[];
    invSign: number;
  },
  nextRounded: () => boolean
): { snapshot: SheetSnapshot; statedCells: [number, number][] } {
  const fmt = formatFor(spec.display);
  const inYear = (flows: Decimal[], fy: string) =>
    flows.reduce((s, v, i) => (fyOf[i] === fy ? s.plus(v) : s), new Money(0));
  const rows: { label: string; perYear: Decimal[]; total: Decimal | null }[] = [];
  truth.investment.forEach((f, i) =>
    rows.push({
      label: `Investment ${i + 1}`,
      perYear: fys.map((fy) => inYear(f, fy)),
      total: f.reduce((s, v) => s.plus(v), new Money(0)),
    })
  );
  const sumAll = (f: Decimal[]) => f.reduce((s, v) => s.plus(v), new Money(0));
  rows.push({
    label: "Saving",
    perYear: fys.map((fy) => inYear(truth.totalReturn, fy)),
    total: sumAll(truth.totalReturn),
  });
  const netRow = fys.map((fy) => inYear(truth.net, fy));
  // Net ROI as shown: saving plus investment as shown (investment shown positive is subtracted).
  rows.push({ label: "Net ROI", perYear: netRow, total: sumAll(truth.net) });
  if (spec.cumulativeLine) {
    const cum: Decimal[] = [];
    netRow.forEach((n, j) => cum.push(j === 0 ? n : cum[j - 1].plus(n)));
    rows.push({ label: "Cum ROI", perYear: cum, total: null });
  }
  const values: CellValue[][] = [
    ["Timeline of investment", ...fys.map((_, j) => `Yr ${j + 1}`), null],
    [null, ...fys, "Total"],
  ];
  const formats: (string | null)[][] = [
    new Array(fys.length + 2).fill(null),
    new Array(fys.length + 2).fill(null),
  ];
  const statedCells: [number, number][] = [];
  rows.forEach((r, i) => {
    const cells = [...r.perYear, ...(r.total ? [r.total] : [])].map((d) =>
      shown(d, spec.display, nextRounded())
    );
    values.push([r.label, ...cells, ...(r.total ? [] : [null])]);
    formats.push([null, ...cells.map(() => fmt), ...(r.total ? [] : [null])]);
    cells.forEach((_, j) => statedCells.push([2 + i, 1 + j]));
  });
  return {
    snapshot: { sheetName: "Summary", top: 0, left: 0, values, numberFormats: formats },
    statedCells,
  };
}

/** A copy of a snapshot with one cell's value changed. */
export function withCell(
  snapshot: SheetSnapshot,
  row: number,
  col: number,
  value: CellValue
): SheetSnapshot {
  const values = snapshot.values.map((r) => r.slice());
  values[row - snapshot.top][col - snapshot.left] = value;
  return { ...snapshot, values };
}
