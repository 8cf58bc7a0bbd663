/**
 * The large benchmark sheet with its totals written as formulas (Total lines as SUMs of their
 * lines, In month as the sum of the two totals, Cum as the previous Cum plus In month, FY columns
 * as SUMs of their months, the grand Total as the FY totals added), with the same values as the
 * typed sheet: the totals planted wrong there stay typed numbers here, as if typed over.
 */
import { columnLetters } from "../src/sheet";
import type { SheetSnapshot } from "../src/sheet";
import { largeSheet } from "./bench-data";

const cellA1 = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;

export function largeSheetWithFormulaTotals(rows: number, cols: number): SheetSnapshot {
  const sheet = largeSheet(rows, cols);
  const values = sheet.values;
  const header = values[0];
  const formulas: (string | null)[][] = values.map((r) => r.map(() => null));
  const labels = values.map((r) => String(r[0] ?? ""));
  const width = header.length;
  const isMonth = (c: number) => c > 0 && typeof header[c] === "number";
  const monthCols = Array.from({ length: width }, (_, c) => c).filter(isMonth);

  // FY columns with the month columns since the previous one; the grand total at the end.
  const fyCols: { col: number; first: number; last: number }[] = [];
  let runStart: number | null = null;
  for (let c = 1; c < width; c++) {
    if (isMonth(c)) runStart ??= c;
    else if (header[c] !== "Total" && runStart !== null) {
      fyCols.push({ col: c, first: runStart, last: c - 1 });
      runStart = null;
    }
  }
  const grandCol = header.indexOf("Total");
  const trailing =
    runStart !== null && grandCol > runStart ? { first: runStart, last: grandCol - 1 } : null;

  const rowOf = (label: string) => labels.indexOf(label);
  const totalInvestment = rowOf("Total investment");
  const returnHeading = rowOf("Return");
  const totalReturn = rowOf("Total return");
  const inMonth = rowOf("In month (cost) / return");
  const cum = rowOf("Cum (cost) / return");

  const set = (r: number, c: number, f: string) => {
    if (r >= 0 && r < values.length) formulas[r][c] = f;
  };
  let previousMonth: number | null = null;
  for (const c of monthCols) {
    const col = columnLetters(c);
    if (totalInvestment > 1) set(totalInvestment, c, `=SUM(${col}2:${col}${totalInvestment})`);
    if (totalReturn > returnHeading + 1)
      set(totalReturn, c, `=SUM(${col}${returnHeading + 2}:${col}${totalReturn})`);
    set(inMonth, c, `=${cellA1(totalInvestment, c)}+${cellA1(totalReturn, c)}`);
    set(
      cum,
      c,
      previousMonth === null
        ? `=${cellA1(inMonth, c)}`
        : `=${cellA1(cum, previousMonth)}+${cellA1(inMonth, c)}`
    );
    previousMonth = c;
  }

  const monthSum = (r: number, first: number, last: number) => {
    let s = 0;
    for (let c = first; c <= last; c++) if (isMonth(c)) s += Number(values[r][c] ?? 0);
    return s;
  };
  for (let r = 1; r < values.length; r++) {
    if (r === returnHeading || r === cum) continue;
    for (const fy of fyCols) {
      // A total planted wrong on the typed sheet stays typed: it was typed over its formula.
      if (values[r][fy.col] !== monthSum(r, fy.first, fy.last)) continue;
      set(r, fy.col, `=SUM(${cellA1(r, fy.first)}:${cellA1(r, fy.last)})`);
    }
    if (grandCol > 0) {
      const whole = monthSum(r, 1, grandCol - 1);
      const fySum = fyCols.reduce((s, fy) => s + Number(values[r][fy.col] ?? 0), 0);
      const tail = trailing ? monthSum(r, trailing.first, trailing.last) : 0;
      if (values[r][grandCol] !== whole || fySum + tail !== whole) continue;
      const terms = fyCols.map((fy) => cellA1(r, fy.col));
      if (trailing) terms.push(`SUM(${cellA1(r, trailing.first)}:${cellA1(r, trailing.last)})`);
      set(r, grandCol, `=${terms.join("+")}`);
    }
  }
  return { ...sheet, formulas };
}
