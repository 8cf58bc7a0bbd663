/**
 * Deterministic inputs for the benchmarks: many-line flow series for the engine, a large sheet
 * snapshot for reconciliation, and a plain row of monthly flows for the payback function and its
 * spreadsheet-formula counterpart. A fixed-seed generator keeps every run on the same data.
 */
import {
  money,
  dateToSerial,
  fyLabelOf,
  monthPeriod,
  type FlowLine,
  type Period,
} from "../src/engine";
import type { CellValue, SheetSnapshot } from "../src/sheet";

/** A small linear congruential generator: the same numbers on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function monthlyPeriods(count: number, startYear = 2020, startMonth = 4): Period[] {
  return Array.from({ length: count }, (_, i) => {
    const m = startMonth - 1 + i;
    return monthPeriod(startYear + Math.floor(m / 12), (m % 12) + 1);
  });
}

/**
 * A case that pays back mid-horizon: investment lines spend in the first years, return lines
 * grow later. Amounts in whole pounds with pence on some lines.
 */
export function manyLineCase(
  months: number,
  lineCount: number
): { periods: Period[]; lines: FlowLine[] } {
  const rnd = seededRandom(42);
  const periods = monthlyPeriods(months);
  const investmentLines = Math.max(1, Math.floor(lineCount / 4));
  const lines: FlowLine[] = [];
  for (let l = 0; l < lineCount; l++) {
    const isInvestment = l < investmentLines;
    const amounts = periods.map((_, i) => {
      if (isInvestment) return i < months / 5 ? money(-Math.round(5000 + rnd() * 10000)) : money(0);
      return i < months / 10 ? money(0) : money((Math.round(rnd() * 400000) / 100).toFixed(2));
    });
    lines.push({
      label: `${isInvestment ? "Investment" : "Saving"} line ${l + 1}`,
      role: isInvestment ? "investment" : "return",
      amounts,
    });
  }
  return { periods, lines };
}

/** Net monthly flows as plain numbers: heavy investment first, then steady returns. */
export function netFlows(count: number): number[] {
  const rnd = seededRandom(7);
  return Array.from({ length: count }, (_, i) =>
    i < count / 4 ? -Math.round(10000 + rnd() * 5000) : Math.round(2000 + rnd() * 6000)
  );
}

const MONTH_FORMAT = "mmm-yy";
const MONEY_FORMAT = "#,##0;(#,##0)";

/**
 * A rows × cols sheet in the one-long-row layout: a month header across (with an FY total column
 * after each March and a grand Total at the end), investment lines, a stated Total investment,
 * return lines, a stated Total return, In month and Cum rows. Stated totals are numbers, not
 * formulas; every 97th one is deliberately wrong so reconciliation has findings to report.
 */
export function largeSheet(rows: number, cols: number): SheetSnapshot {
  const rnd = seededRandom(1234);
  const header: CellValue[] = ["Monthly analysis"];
  const headerFormats: (string | null)[] = [null];
  /** Per column: a month index, an FY total (its months' columns), or the grand total. */
  const columns: ({ kind: "month" } | { kind: "fy"; parts: number[] } | { kind: "grand" })[] = [
    { kind: "month" },
  ];
  let year = 2020;
  let month = 4;
  let fyParts: number[] = [];
  for (let c = 1; c < cols; c++) {
    if (c === cols - 1) {
      header.push("Total");
      headerFormats.push(null);
      columns.push({ kind: "grand" });
      break;
    }
    if (fyParts.length > 0 && month === 4 && columns[c - 1].kind === "month") {
      header.push(fyLabelOf(year, 3));
      headerFormats.push(null);
      columns.push({ kind: "fy", parts: fyParts });
      fyParts = [];
      continue;
    }
    header.push(dateToSerial(year, month));
    headerFormats.push(MONTH_FORMAT);
    columns.push({ kind: "month" });
    fyParts.push(c);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }

  const bodyRows = rows - 1;
  const investmentCount = Math.floor((bodyRows - 5) / 4);
  const returnCount = bodyRows - 5 - investmentCount - 1;
  const lineRows: { label: string; amounts: (number | null)[] }[] = [];
  const monthCols = columns
    .map((c, i) => (c.kind === "month" && i > 0 ? i : -1))
    .filter((i) => i > 0);
  const monthIndexOfCol = new Map(monthCols.map((c, idx) => [c, idx]));
  const isMonth = (c: number): boolean => monthIndexOfCol.has(c);

  const component = (investing: boolean): (number | null)[] =>
    columns.map((_, c) => {
      const idx = monthIndexOfCol.get(c);
      if (idx === undefined) return null;
      if (investing) return idx < monthCols.length / 5 ? -Math.round(1000 + rnd() * 9000) : null;
      return idx < monthCols.length / 10 ? null : Math.round(rnd() * 3000);
    });
  const investments = Array.from({ length: investmentCount }, (_, i) => ({
    label: `Investment line ${i + 1}`,
    amounts: component(true),
  }));
  const returns = Array.from({ length: returnCount }, (_, i) => ({
    label: `Saving line ${i + 1}`,
    amounts: component(false),
  }));
  const columnSum = (parts: { amounts: (number | null)[] }[], c: number): number =>
    parts.reduce((s, p) => s + (p.amounts[c] ?? 0), 0);
  const totalInvestment = {
    label: "Total investment",
    amounts: columns.map((_, c) => (isMonth(c) ? columnSum(investments, c) : null)),
  };
  const totalReturn = {
    label: "Total return",
    amounts: columns.map((_, c) => (isMonth(c) ? columnSum(returns, c) : null)),
  };
  const inMonth = {
    label: "In month (cost) / return",
    amounts: columns.map((_, c) =>
      isMonth(c) ? columnSum([totalInvestment, totalReturn], c) : null
    ),
  };
  let running = 0;
  const cum = {
    label: "Cum (cost) / return",
    amounts: columns.map((_, c) => (isMonth(c) ? (running += inMonth.amounts[c] ?? 0) : null)),
  };
  lineRows.push(
    ...investments,
    totalInvestment,
    { label: "Return", amounts: columns.map(() => null) },
    ...returns,
    totalReturn,
    inMonth,
    cum
  );

  // Stated FY and grand totals per row (not for Cum, whose year-end is a position, not a sum).
  let statedCount = 0;
  for (const line of lineRows) {
    if (line.label === "Return" || line.label.startsWith("Cum")) continue;
    columns.forEach((col, c) => {
      if (col.kind === "month") return;
      const parts = col.kind === "fy" ? col.parts : monthCols;
      let total = parts.reduce((s, p) => s + (line.amounts[p] ?? 0), 0);
      if (++statedCount % 97 === 0) total += 1000;
      line.amounts[c] = total;
    });
  }

  const values: CellValue[][] = [header];
  const numberFormats: (string | null)[][] = [headerFormats];
  for (const line of lineRows.slice(0, bodyRows)) {
    values.push([line.label, ...line.amounts.slice(1)]);
    numberFormats.push([null, ...line.amounts.slice(1).map(() => MONEY_FORMAT)]);
  }
  return { sheetName: "Large case", top: 0, left: 0, values, numberFormats };
}
