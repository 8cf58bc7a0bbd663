/**
 * Separate year tables: a small table with financial years across ("2021/22" ... and often a
 * "Total"), one row per measure ("Investment by SMBC", "Saving", "Net ROI", "Cum ROI"), as cabinet
 * papers summarise a monthly grid. This finds them, works out what each row means in terms of the
 * grid's lines, and adds checks: each year against the grid, and the table's own arithmetic
 * (its Total column, net = investment + saving, the running cumulative).
 */
import { parseFyLabel, type Check, parseAmount } from "../../engine";
import { type CellRef, cellAt, isBlank, type SheetSnapshot } from "../../sheet";
import { type GridModel } from "../read";
import type { CheckCollector, PartSpec } from "./reconcileTerms";
import { rowMeaning } from "./yearTableRows";
import { gridParts, negate } from "./yearTableParts";

export interface YearTable {
  sheet: string;
  headerRow: number;
  labelCol: number;
  years: { col: number; fy: string }[];
  totalCol: number | null;
  rows: { row: number; label: string }[];
}

function text(snapshot: SheetSnapshot, row: number, col: number): string | null {
  const v = cellAt(snapshot, row, col);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

function holdsAmount(snapshot: SheetSnapshot, row: number, col: number): boolean {
  const v = cellAt(snapshot, row, col);
  if (typeof v === "number") return true;
  return typeof v === "string" && !isBlank(v) && parseAmount(v) !== null && /\d/.test(v);
}

function yearHeaders(
  snapshot: SheetSnapshot,
  row: number,
  right: number
): { col: number; fy: string }[] {
  const out: { col: number; fy: string }[] = [];
  for (let col = snapshot.left; col <= right; col++) {
    const t = text(snapshot, row, col);
    const fy = t ? parseFyLabel(t) : null;
    if (fy) out.push({ col, fy: fy.label });
  }
  return out;
}

/** Year tables on the given sheets, leaving out the grid itself. */
export function findYearTables(sheets: SheetSnapshot[], model: GridModel): YearTable[] {
  const tables: YearTable[] = [];
  for (const snap of sheets) {
    const bottom = snap.top + snap.values.length - 1;
    const right = snap.left + snap.values.reduce((m, r) => Math.max(m, r.length), 0) - 1;
    for (let row = snap.top; row <= bottom; row++) {
      const inGrid =
        snap.sheetName === model.sheetName && row >= model.bounds.top && row <= model.bounds.bottom;
      if (inGrid) continue;
      const years = yearHeaders(snap, row, right);
      if (years.length < 2) continue;
      const lastYear = years[years.length - 1].col;
      let totalCol: number | null = null;
      for (let col = lastYear + 1; col <= Math.min(right, lastYear + 2); col++) {
        if (/\btotal\b/i.test(text(snap, row, col) ?? "")) totalCol = col;
      }
      const valueCols = [...years.map((y) => y.col), ...(totalCol === null ? [] : [totalCol])];
      const rows: { row: number; label: string }[] = [];
      let labelCol = -1;
      let blanks = 0;
      for (let r = row + 1; r <= bottom && blanks < 2; r++) {
        if (yearHeaders(snap, r, right).length >= 2) break;
        const hasAmounts = valueCols.some((c) => holdsAmount(snap, r, c));
        let label: string | null = null;
        let col = -1;
        for (let c = years[0].col - 1; c >= snap.left; c--) {
          label = text(snap, r, c);
          if (label) {
            col = c;
            break;
          }
        }
        if (!hasAmounts && !label) {
          blanks++;
          continue;
        }
        blanks = 0;
        if (hasAmounts && label) {
          rows.push({ row: r, label });
          if (labelCol < 0) labelCol = col;
        }
      }
      if (rows.length > 0)
        tables.push({ sheet: snap.sheetName, headerRow: row, labelCol, years, totalCol, rows });
    }
  }
  return tables;
}

/** Adds the checks of one year table: against the grid, and its own arithmetic. */
export function addYearTableChecks(table: YearTable, model: GridModel, c: CheckCollector): void {
  const cell = (row: number, col: number): CellRef => ({ sheet: table.sheet, row, col });
  const gridFys = new Set(model.periods.map((s) => s.period.fy));
  const allTableYears = table.years.map((y) => y.fy);
  const tableCoversGrid = [...gridFys].every((fy) => fy !== null && allTableYears.includes(fy));
  const meanings = table.rows.map((r) => ({ ...r, meaning: rowMeaning(r.label, model) }));

  // Each row against the grid, year by year (and its Total against the grid's whole horizon).
  for (const r of meanings) {
    if (r.meaning.kind === "unknown") {
      for (const y of table.years)
        c.addUnverified(cell(r.row, y.col), `${r.label}: ${r.meaning.reason}.`);
      continue;
    }
    const meaning = r.meaning;
    const columns: { col: number; fys: string[]; name: string; whole: boolean }[] = table.years.map(
      (y) => ({ col: y.col, fys: [y.fy], name: y.fy, whole: false })
    );
    if (table.totalCol !== null && !meaning.cumulative)
      columns.push({
        col: table.totalCol,
        fys: allTableYears,
        name: "Total",
        whole: tableCoversGrid,
      });
    // sign: -1 when the table shows the row with the opposite sign; scale: 0.001 when the table is
    // in thousands of the grid's unit (a £000s summary of a £ grid).
    const bySign = (sign: 1 | -1, pick: "stated" | "periods", scale = 1) => {
      const checks: Check[] = [];
      for (const col of columns) {
        if (col.fys.some((fy) => !gridFys.has(fy))) {
          c.addUnverified(
            cell(r.row, col.col),
            `The grid has no periods of ${col.fys.filter((fy) => !gridFys.has(fy)).join(", ")} to compare ${r.label} with.`
          );
          continue;
        }
        const options = gridParts(model, meaning, col.fys, col.whole);
        const parts = pick === "stated" ? options[0] : options[options.length - 1];
        if (!parts) continue;
        const names = meaning.lines.map((l) => l.label).join(" and ");
        const span = col.name === "Total" ? "all" : col.name;
        const base =
          pick === "stated" && options.length > 1
            ? `the grid's ${col.name === "Total" ? "grand" : col.name} total of ${names}`
            : `the grid's ${span} ${model.periodicity === "monthly" ? "months" : "years"} of ${names}`;
        const what = scale === 1 ? base : `${base} in thousands`;
        const signed = sign === 1 ? parts : negate(parts);
        const chk = c.check(
          cell(r.row, col.col),
          signed.map((p) => ({ cell: p.cell, coef: p.coef * scale })),
          `${r.label}, ${col.name}`,
          what
        );
        if (chk) checks.push(chk);
      }
      return checks;
    };
    const readings = [1, 0.001].flatMap((scale) =>
      ([1, -1] as const).flatMap((sign) => [
        () => bySign(sign, "stated", scale),
        () => bySign(sign, "periods", scale),
      ])
    );
    c.addFamily(
      readings,
      `No year of ${r.label} agrees with the grid: it may be measured differently (another unit or definition).`
    );
  }

  // The table's Total column: the sum of its years (a cumulative row's Total is its last year).
  if (table.totalCol !== null) {
    const totals: Check[] = [];
    for (const r of meanings) {
      const cumulative = r.meaning.kind === "lines" && r.meaning.cumulative;
      const parts = cumulative
        ? [{ cell: cell(r.row, table.years[table.years.length - 1].col), coef: 1 }]
        : table.years.map((y) => ({ cell: cell(r.row, y.col), coef: 1 }));
      const chk = c.check(
        cell(r.row, table.totalCol),
        parts,
        `the Total of ${r.label}`,
        cumulative ? "its last year" : "its years"
      );
      if (chk) totals.push(chk);
    }
    c.addFamily(
      [totals],
      "The Total column is not the sum of the years for any row: what it holds could not be identified."
    );
  }

  const lineRows = meanings.filter((r) => r.meaning.kind === "lines");
  const role = (r: (typeof lineRows)[number]) =>
    r.meaning.kind === "lines" ? r.meaning.role : null;
  const netRow = lineRows.find((r) => role(r) === "net");
  const flowRows = lineRows.filter((r) => role(r) === "investment" || role(r) === "return");
  const valueCols = [
    ...table.years.map((y) => ({ col: y.col, name: y.fy })),
    ...(table.totalCol === null ? [] : [{ col: table.totalCol, name: "Total" }]),
  ];

  // Net = investment + return, column by column.
  if (
    netRow &&
    flowRows.some((r) => role(r) === "investment") &&
    flowRows.some((r) => role(r) === "return")
  ) {
    const reading = (investmentCoef: number) =>
      valueCols
        .map((v) =>
          c.check(
            cell(netRow.row, v.col),
            flowRows.map((r) => ({
              cell: cell(r.row, v.col),
              coef: role(r) === "investment" ? investmentCoef : 1,
            })),
            `${netRow.label}, ${v.name}`,
            "investment and return"
          )
        )
        .filter((x): x is Check => x !== null);
    c.addFamily(
      [() => reading(1), () => reading(-1)],
      `${netRow.label} does not equal investment plus return in any year: its parts could not be identified.`
    );
  }

  // Cumulative = previous cumulative + this year's net.
  const cumRow = lineRows.find((r) => role(r) === "cumulative");
  if (cumRow && (netRow || flowRows.length > 0)) {
    const checks: Check[] = [];
    table.years.forEach((y, j) => {
      const parts: PartSpec[] = [];
      if (j > 0) parts.push({ cell: cell(cumRow.row, table.years[j - 1].col), coef: 1 });
      if (netRow) parts.push({ cell: cell(netRow.row, y.col), coef: 1 });
      else for (const r of flowRows) parts.push({ cell: cell(r.row, y.col), coef: 1 });
      const chk = c.check(
        cell(cumRow.row, y.col),
        parts,
        `${cumRow.label}, ${y.fy}`,
        j > 0 ? "the previous year's position and this year's net" : "this year's net"
      );
      if (chk) checks.push(chk);
    });
    c.addFamily(
      [checks],
      `${cumRow.label} is not a running total of the net in any year: its parts could not be identified.`
    );
  }
}
