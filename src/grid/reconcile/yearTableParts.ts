/** The grid cells a year-table figure should equal: the grid's stated FY or grand totals, or its periods. */
import { type CellRef } from "../../sheet";
import { gridCellRef, type GridLine, type GridModel } from "../read";
import type { PartSpec } from "./reconcileTerms";
import type { Meaning } from "./yearTableRows";

/** The grid's FY total cell of a line for a year, when the grid states one. */
function fyTotalCell(model: GridModel, line: GridLine, fy: string): CellRef | null {
  for (let b = 0; b < model.blocks.length; b++) {
    const t = model.blocks[b].totals.find((x) => x.kind === "fy" && x.fy === fy);
    const row = line.lineIndex[b];
    if (t && row !== null && row !== undefined) return gridCellRef(model, row, t.periodIndex);
  }
  return null;
}

function grandTotalCell(model: GridModel, line: GridLine): CellRef | null {
  for (let b = model.blocks.length - 1; b >= 0; b--) {
    const t = model.blocks[b].totals.find((x) => x.kind === "grand");
    const row = line.lineIndex[b];
    if (t && row !== null && row !== undefined) return gridCellRef(model, row, t.periodIndex);
  }
  return null;
}

/** Cells of a line in the given period slots. */
function periodCells(model: GridModel, line: GridLine, slots: number[]): CellRef[] {
  return slots
    .map((i) => {
      const s = model.periods[i];
      const row = line.lineIndex[s.block];
      return row === null || row === undefined ? null : gridCellRef(model, row, s.periodIndex);
    })
    .filter((c): c is CellRef => c !== null);
}

/** Alternative part sets for a meaning over some years: the grid's stated totals, then its periods. */
export function gridParts(
  model: GridModel,
  meaning: Extract<Meaning, { kind: "lines" }>,
  fys: string[],
  whole: boolean
): PartSpec[][] {
  const slots = model.periods
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.period.fy !== null && fys.includes(s.period.fy))
    .map(({ i }) => i);
  if (slots.length === 0) return [];
  const options: PartSpec[][] = [];
  if (meaning.cumulative) {
    const last = slots[slots.length - 1];
    const yearEnd = fys.length === 1 ? fyTotalCell(model, meaning.lines[0], fys[0]) : null;
    if (yearEnd) options.push([{ cell: yearEnd, coef: 1 }]);
    options.push(periodCells(model, meaning.lines[0], [last]).map((cell) => ({ cell, coef: 1 })));
    return options;
  }
  const stated = meaning.lines.map((l) =>
    whole ? grandTotalCell(model, l) : fys.length === 1 ? fyTotalCell(model, l, fys[0]) : null
  );
  if (stated.every((c) => c !== null))
    options.push(stated.map((cell, k) => ({ cell: cell as CellRef, coef: meaning.coefs[k] })));
  options.push(
    meaning.lines.flatMap((l, k) =>
      periodCells(model, l, slots).map((cell) => ({ cell, coef: meaning.coefs[k] }))
    )
  );
  return options;
}

/** The same parts with every sign turned, for a row the table shows with the opposite sign. */
export function negate(parts: PartSpec[]): PartSpec[] {
  return parts.map((p) => ({ cell: p.cell, coef: -p.coef }));
}
