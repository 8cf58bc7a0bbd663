/**
 * Scheme summaries: tables with no timeline, a cost, an annual saving and often a stated payback
 * per scheme, as energy-efficiency and LED cases are written. There is nothing to run the payback
 * walk on, but every stated payback is checked against cost / annual saving (the simple payback),
 * and every stated total saving against its parts. Two shapes are read:
 * - a table: a header row naming a cost column and saving columns (and a payback column), one
 *   scheme a row;
 * - a list: one scheme as label/figure pairs ("Cost of upgrade  £16,040", "Total savings per
 *   annum  £5,530", "Payback time  2.9 years"), the label on either side of its figure.
 */
import type Decimal from "decimal.js";
import { parseAmount, statedPaybackFromFigure, sum } from "../../engine";
import { a1, cellAt, formatAt, isBlank, type SheetSnapshot } from "../../sheet";
import { classifyLabel, normaliseLabel } from "./labels";
import { statedHolds, statedInCell, type StatedInCell } from "./statedText";

export interface SummaryStated {
  /** The cell stating it ("H4"). */
  cell: string;
  text: string;
  /** The stated figure in years (months / 12). */
  years: Decimal;
  unit: "years" | "months";
  /** Places the figure is stated to, in its own unit. */
  decimals: number;
  qualifier: "just under" | null;
  /** The simple payback of the scheme it belongs to, years; null when there is none to check. */
  computedYears: Decimal | null;
  /** True when cost / annual saving gives the stated figure at its precision; null when it cannot be checked. */
  matches: boolean | null;
}

export interface SummaryRow {
  /** The scheme's label cell ("B4") and label. */
  cell: string;
  label: string;
  cost: Decimal | null;
  costCell: string | null;
  /** The annual saving: a stated total, or the sum of the parts where no total is printed. */
  annualSaving: Decimal | null;
  /** The cells the saving was read from (one total, or its parts). */
  savingCells: string[];
  /** cost / annual saving, years. */
  computedYears: Decimal | null;
  stated: SummaryStated | null;
  /** stated.matches, repeated for the row's readers; null without a stated payback or a saving. */
  matches: boolean | null;
}

export interface SummaryTotalCheck {
  cell: string;
  stated: Decimal;
  parts: string[];
  sumOfParts: Decimal;
  status: "match" | "rounding" | "mismatch";
}

export interface SchemeSummary {
  sheetName: string;
  layout: "table" | "list";
  rows: SummaryRow[];
  /** Every stated total saving checked against its parts. */
  totals: SummaryTotalCheck[];
  /** Every payback stated on the sheet, each checked (the rows' and any in sentences). */
  statedPaybacks: SummaryStated[];
  /** What was assumed or could not be checked, naming cells. */
  warnings: string[];
}

const PAYBACK_HEADING = /\bpayback\b|\bpay back\b|\broi\b/;
const SAVING_HEADING = /\bsavings?\b|\bbenefits?\b|\breductions?\b|\bincome\b/;
const COST_HEADING = /\bcosts?\b|\binvestment\b|\bcapital\b|\bprice\b|\boutlay\b/;
const LABEL_HEADING = /\b(scheme|measure|project|proposal|option|description|item|name)s?\b/;
/** Lines of a list that are quantities, not money: energy, hours, counts, weight, shares. */
const NOT_MONEY = /\bkwh?\b|\bhours?\b|\btonnes?\b|%|\bno\.? of\b|\bnumber of\b|\bload\b/;

function figureAt(snapshot: SheetSnapshot, row: number, col: number): Decimal | null {
  const v = cellAt(snapshot, row, col);
  if (typeof v === "number") return parseAmount(v);
  if (typeof v === "string" && !isBlank(v)) return parseAmount(v);
  return null;
}

function textAt(snapshot: SheetSnapshot, row: number, col: number): string | null {
  const v = cellAt(snapshot, row, col);
  return typeof v === "string" && !isBlank(v) ? v.trim() : null;
}

function lastRow(snapshot: SheetSnapshot): number {
  return snapshot.top + snapshot.values.length - 1;
}

/** Each snapshot's last column, found once: loops ask for it per row and per cell. */
const LAST_COL = new WeakMap<SheetSnapshot, number>();

function lastCol(snapshot: SheetSnapshot): number {
  let col = LAST_COL.get(snapshot);
  if (col === undefined) {
    col = snapshot.left + snapshot.values.reduce((m, r) => Math.max(m, r.length), 0) - 1;
    LAST_COL.set(snapshot, col);
  }
  return col;
}

function checkTotal(
  cell: string,
  stated: Decimal,
  parts: { cell: string; value: Decimal }[]
): SummaryTotalCheck {
  const sumOfParts = sum(parts.map((p) => p.value));
  const diff = stated.minus(sumOfParts).abs();
  // Each part rounded to the unit shown may be out by half a unit.
  const status = diff.isZero()
    ? "match"
    : diff.lessThanOrEqualTo(0.5 * parts.length + 0.5)
      ? "rounding"
      : "mismatch";
  return { cell, stated, parts: parts.map((p) => p.cell), sumOfParts, status };
}

function statedOf(
  cell: string,
  stated: StatedInCell,
  computedYears: Decimal | null
): SummaryStated {
  return {
    cell,
    text: stated.text,
    years: stated.years,
    unit: stated.unit,
    decimals: stated.decimals,
    qualifier: stated.qualifier,
    computedYears,
    matches: computedYears === null ? null : statedHolds(stated, computedYears),
  };
}

function simplePayback(cost: Decimal | null, saving: Decimal | null): Decimal | null {
  if (cost === null || saving === null || !saving.isPositive()) return null;
  return cost.abs().dividedBy(saving);
}

interface TableColumns {
  headerRow: number;
  labelCol: number;
  costCol: number;
  partCols: number[];
  totalCol: number | null;
  paybackCol: number | null;
  paybackUnit: "years" | "months" | null;
}

/** A header row naming a cost column and at least one saving column. */
function findTableColumns(snapshot: SheetSnapshot): TableColumns | null {
  for (let row = snapshot.top; row <= lastRow(snapshot); row++) {
    let costCol: number | null = null;
    let paybackCol: number | null = null;
    let paybackUnit: "years" | "months" | null = null;
    let totalCol: number | null = null;
    const partCols: number[] = [];
    const textCols: { col: number; key: string }[] = [];
    for (let col = snapshot.left; col <= lastCol(snapshot); col++) {
      const text = textAt(snapshot, row, col);
      if (!text) continue;
      const key = normaliseLabel(text);
      textCols.push({ col, key });
      if (PAYBACK_HEADING.test(key)) {
        paybackCol = col;
        paybackUnit = /\bmonths?\b/.test(key) ? "months" : /\byears?\b/.test(key) ? "years" : null;
      } else if (SAVING_HEADING.test(key)) {
        if (/\btotal\b/.test(key)) totalCol = col;
        else partCols.push(col);
      } else if (COST_HEADING.test(key) && costCol === null) costCol = col;
    }
    if (costCol === null || (partCols.length === 0 && totalCol === null)) continue;
    const left = textCols.filter((t) => t.col < (costCol as number));
    if (left.length === 0) continue;
    const labelCol = (left.find((t) => LABEL_HEADING.test(t.key)) ?? left[0]).col;
    return { headerRow: row, labelCol, costCol, partCols, totalCol, paybackCol, paybackUnit };
  }
  return null;
}

function readTable(snapshot: SheetSnapshot, t: TableColumns): SchemeSummary | null {
  const rows: SummaryRow[] = [];
  const totals: SummaryTotalCheck[] = [];
  const warnings: string[] = [];
  for (let row = t.headerRow + 1; row <= lastRow(snapshot); row++) {
    const label = textAt(snapshot, row, t.labelCol);
    if (!label) {
      if (textAt(snapshot, row, snapshot.left) === null) break; // the table ends at a blank row
      continue;
    }
    const cost = figureAt(snapshot, row, t.costCol);
    const parts = t.partCols
      .map((col) => ({ cell: a1(row, col), value: figureAt(snapshot, row, col) }))
      .filter((p): p is { cell: string; value: Decimal } => p.value !== null);
    const total = t.totalCol === null ? null : figureAt(snapshot, row, t.totalCol);
    for (const col of [...t.partCols, ...(t.totalCol === null ? [] : [t.totalCol])]) {
      const text = textAt(snapshot, row, col);
      if (text && figureAt(snapshot, row, col) === null)
        warnings.push(
          `${snapshot.sheetName}!${a1(row, col)} holds '${text}', not a figure: the saving of '${label}' is not known, so its payback cannot be checked.`
        );
    }
    if (total !== null && parts.length > 0)
      totals.push(checkTotal(`${a1(row, t.totalCol as number)}`, total, parts));
    const annualSaving = total ?? (parts.length > 0 ? sum(parts.map((p) => p.value)) : null);
    const savingCells = total !== null ? [a1(row, t.totalCol as number)] : parts.map((p) => p.cell);
    const computedYears = simplePayback(cost, annualSaving);
    let stated: SummaryStated | null = null;
    if (t.paybackCol !== null) {
      const v = cellAt(snapshot, row, t.paybackCol);
      const read =
        typeof v === "string"
          ? statedInCell(v)
          : typeof v === "number" && t.paybackUnit
            ? statedPaybackFromFigure(v, t.paybackUnit)
            : null;
      if (read) {
        const inCell = "qualifier" in read ? (read as StatedInCell) : { ...read, qualifier: null };
        stated = statedOf(a1(row, t.paybackCol), inCell, computedYears);
      }
    }
    rows.push({
      cell: a1(row, t.labelCol),
      label,
      cost,
      costCell: cost === null ? null : a1(row, t.costCol),
      annualSaving,
      savingCells,
      computedYears,
      stated,
      matches: stated ? stated.matches : null,
    });
  }
  if (rows.length === 0) return null;
  return {
    sheetName: snapshot.sheetName,
    layout: "table",
    rows,
    totals,
    statedPaybacks: rows.flatMap((r) => (r.stated ? [r.stated] : [])),
    warnings,
  };
}

interface ListLine {
  row: number;
  label: string;
  key: string;
  cell: string;
  value: Decimal;
  currency: boolean;
}

/** Rows holding one figure and a label beside it (left first, else right). */
function listLines(snapshot: SheetSnapshot): ListLine[] {
  const lines: ListLine[] = [];
  for (let row = snapshot.top; row <= lastRow(snapshot); row++) {
    const numbers: number[] = [];
    for (let col = snapshot.left; col <= lastCol(snapshot); col++)
      if (typeof cellAt(snapshot, row, col) === "number") numbers.push(col);
    if (numbers.length !== 1) continue;
    const col = numbers[0];
    let label: string | null = null;
    for (let c = col - 1; c >= snapshot.left && !label; c--) label = textAt(snapshot, row, c);
    for (let c = col + 1; c <= lastCol(snapshot) && !label; c++) label = textAt(snapshot, row, c);
    if (!label) continue;
    const fmt = formatAt(snapshot, row, col) ?? "";
    if (fmt.includes("%")) continue;
    lines.push({
      row,
      label,
      key: normaliseLabel(label),
      cell: a1(row, col),
      value: parseAmount(cellAt(snapshot, row, col) as number) as Decimal,
      currency: /[£$€]/.test(fmt),
    });
  }
  const anyCurrency = lines.some((l) => l.currency);
  return lines.filter((l) => (anyCurrency ? l.currency : !NOT_MONEY.test(l.key)));
}

function readList(snapshot: SheetSnapshot): SchemeSummary | null {
  const lines = listLines(snapshot);
  const kind = (l: ListLine) => classifyLabel(l.key);
  const costLine = lines.find((l) => {
    const k = kind(l);
    return k.kind === "component" && k.role === "investment";
  });
  if (!costLine) return null;
  const others = lines.filter((l) => l !== costLine);
  const totalLine = others.find((l) => ["total", "net"].includes(kind(l).kind));
  const totals: SummaryTotalCheck[] = [];
  let annualSaving: Decimal | null = null;
  let savingCells: string[] = [];
  if (totalLine) {
    const parts = others.filter((l) => l.row < totalLine.row);
    if (parts.length > 0) totals.push(checkTotal(totalLine.cell, totalLine.value, parts));
    annualSaving = totalLine.value;
    savingCells = [totalLine.cell];
  } else {
    const returns = others.filter((l) => {
      const k = kind(l);
      return k.kind === "component" && k.role === "return";
    });
    if (returns.length === 0) return null;
    annualSaving = sum(returns.map((l) => l.value));
    savingCells = returns.map((l) => l.cell);
  }
  const computedYears = simplePayback(costLine.value, annualSaving);
  // Every payback the sheet states, in a "Payback" line or in a sentence, belongs to the one scheme.
  const statedPaybacks: SummaryStated[] = [];
  let labelled: SummaryStated | null = null;
  let bare: SummaryStated | null = null;
  for (let row = snapshot.top; row <= lastRow(snapshot); row++) {
    let paybackLabel = false;
    for (let col = snapshot.left; col <= lastCol(snapshot); col++) {
      const text = textAt(snapshot, row, col);
      if (!text) continue;
      const read = statedInCell(text);
      if (!read) {
        paybackLabel = paybackLabel || PAYBACK_HEADING.test(normaliseLabel(text));
        continue;
      }
      const stated = statedOf(a1(row, col), read, computedYears);
      statedPaybacks.push(stated);
      if (paybackLabel && !labelled) labelled = stated;
      if (!bare && read.text.trim() === text && !read.saysPayback && read.qualifier === null)
        bare = stated;
    }
  }
  const stated = labelled ?? bare;
  return {
    sheetName: snapshot.sheetName,
    layout: "list",
    rows: [
      {
        cell: a1(costLine.row, labelColOf(snapshot, costLine)),
        label: costLine.label,
        cost: costLine.value,
        costCell: costLine.cell,
        annualSaving,
        savingCells,
        computedYears,
        stated,
        matches: stated ? stated.matches : null,
      },
    ],
    totals,
    statedPaybacks,
    warnings: [],
  };
}

function labelColOf(snapshot: SheetSnapshot, line: ListLine): number {
  for (let col = snapshot.left; col <= lastCol(snapshot); col++)
    if (textAt(snapshot, line.row, col) === line.label) return col;
  return snapshot.left;
}

/**
 * The scheme summary on a sheet with no timeline: a table of schemes, or one scheme as a list of
 * figures. Null when the sheet holds neither (no cost and annual saving to set against each other).
 */
export function readSchemeSummary(snapshot: SheetSnapshot): SchemeSummary | null {
  const table = findTableColumns(snapshot);
  if (table) {
    const read = readTable(snapshot, table);
    if (read) return read;
  }
  return readList(snapshot);
}
