/** The lines and period positions of a grid block as the checks see them: components, totals, columns. */
import type { CellRef } from "../../sheet";
import { lineCell, type GridLine, type GridModel, type LineRole } from "../read";

export const COMPONENT: ReadonlySet<LineRole> = new Set(["investment", "return"]);
/** Lines that end the run of components a total line totals. */
export const BOUNDARY: ReadonlySet<LineRole> = new Set([
  "heading",
  "total-investment",
  "total-return",
  "net",
  "cumulative",
]);
/** Lines whose FY and grand total columns are sums of their periods. */
export const SUMMED: ReadonlySet<LineRole> = new Set([
  "investment",
  "return",
  "total-investment",
  "total-return",
  "net",
]);

export function slotCell(model: GridModel, line: GridLine, index: number): CellRef | null {
  const c = lineCell(model, line, index);
  return c ? { sheet: model.sheetName, row: c.row, col: c.col } : null;
}

export function linesOfBlock(model: GridModel, block: number): GridLine[] {
  return model.lines
    .filter((l) => l.lineIndex[block] !== null && l.lineIndex[block] !== undefined)
    .sort((a, b) => (a.lineIndex[block] as number) - (b.lineIndex[block] as number));
}

/** Positions along the axis where a block states amounts: its periods, then its total columns. */
export function columnsOfBlock(
  model: GridModel,
  block: number
): { axis: number; name: string; slot: number | null }[] {
  const cols: { axis: number; name: string; slot: number | null }[] = [];
  model.periods.forEach((s, i) => {
    if (s.block === block) cols.push({ axis: s.periodIndex, name: s.period.label, slot: i });
  });
  for (const t of model.blocks[block].totals)
    cols.push({
      axis: t.periodIndex,
      name: t.kind === "fy" ? `the ${t.fy ?? t.header} total` : `the ${t.header} column`,
      slot: null,
    });
  return cols;
}

/** The component lines a total line in a block totals: those since the previous heading or total. */
export function componentsAbove(model: GridModel, block: number, total: GridLine): GridLine[] {
  const lines = linesOfBlock(model, block);
  const at_ = lines.indexOf(total);
  const out: GridLine[] = [];
  for (let i = at_ - 1; i >= 0; i--) {
    if (BOUNDARY.has(lines[i].role)) break;
    if (COMPONENT.has(lines[i].role)) out.unshift(lines[i]);
  }
  return out;
}

/** One way of reading which lines (with which signs) make up a derived line. */
export type LinePick = (block: number) => { line: GridLine; coef: number }[];

/** Alternative readings: the signs the model gives, then plain addition of what is shown. */
export function signReadings(total: GridLine, pick: (block: number) => GridLine[]): LinePick[] {
  const signed: LinePick = (b) => pick(b).map((l) => ({ line: l, coef: total.sign * l.sign }));
  const plain: LinePick = (b) => pick(b).map((l) => ({ line: l, coef: 1 }));
  return [signed, plain];
}

export function periodWord(model: GridModel): string {
  return model.periodicity === "monthly" ? "months" : "years";
}
