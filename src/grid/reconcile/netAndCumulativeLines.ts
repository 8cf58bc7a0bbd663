/** The checks of net lines (return plus investment) and cumulative lines (a running total of the net). */
import { type Check } from "../../engine";
import { type CellRef } from "../../sheet";
import {
  gridCellRef,
  type GridLine,
  type GridModel,
  type LineRole,
  type PeriodSlot,
} from "../read";
import { type CheckCollector, type PartSpec } from "./reconcileTerms";
import { columnsOfBlock, linesOfBlock, periodWord, signReadings, slotCell } from "./gridLines";

/** The lines whose sum is the net flow in a block: each side's total line, or its components. */
function netParts(model: GridModel, block: number): GridLine[] {
  const lines = linesOfBlock(model, block);
  const side = (total: LineRole, component: LineRole) => {
    const t = lines.filter((l) => l.role === total);
    // A cost reduces the return: it is on the return side of the net.
    return t.length > 0
      ? t
      : lines.filter((l) => l.role === component || (component === "return" && l.role === "cost"));
  };
  return [...side("total-investment", "investment"), ...side("total-return", "return")];
}

/** Net lines against their return and investment, in every column. */
export function addNetLines(model: GridModel, c: CheckCollector): void {
  for (const net of model.lines.filter((l) => l.role === "net")) {
    const blocks = model.blocks
      .map((_, b) => b)
      .filter((b) => net.lineIndex[b] !== null && net.lineIndex[b] !== undefined);
    const picks = signReadings(net, (b) => netParts(model, b));
    // Investment shown positive and subtracted: "return less investment".
    picks.push((b) =>
      netParts(model, b).map((l) => ({ line: l, coef: l.role.includes("investment") ? -1 : 1 }))
    );
    const options = picks.map((pick) => () => {
      const checks: Check[] = [];
      for (const b of blocks) {
        const parts = pick(b);
        if (parts.length === 0) continue;
        for (const col of columnsOfBlock(model, b)) {
          const specs = parts.map((p) => ({
            cell: gridCellRef(model, p.line.lineIndex[b] as number, col.axis),
            coef: p.coef,
          }));
          const chk = c.check(
            gridCellRef(model, net.lineIndex[b] as number, col.axis),
            specs,
            `${net.label}, ${col.name}`,
            "its return and investment"
          );
          if (chk) checks.push(chk);
        }
      }
      return checks;
    });
    c.addFamily(
      options,
      `${net.label} does not equal return plus investment in any column: its parts could not be identified.`
    );
  }
}

/** Cumulative lines as running totals of the net flow, and their FY and grand columns as year-end positions. */
export function addCumulativeLines(model: GridModel, c: CheckCollector): void {
  const netLine = model.lines.find((l) => l.role === "net" || l.role === "net-flow");
  for (const cum of model.lines.filter((l) => l.role === "cumulative")) {
    // A running sum of one line (a budget table's requirement) is checked against that line.
    const net =
      (cum.runningSumOf && model.lines.find((l) => l.key === cum.runningSumOf)) || netLine;
    const readings: ((slot: PeriodSlot) => { line: GridLine; coef: number }[])[] = [
      (s) =>
        net && net.lineIndex[s.block] != null
          ? [{ line: net, coef: cum.sign * net.sign }]
          : netParts(model, s.block).map((l) => ({ line: l, coef: cum.sign * l.sign })),
      (s) =>
        net && net.lineIndex[s.block] != null
          ? [{ line: net, coef: 1 }]
          : netParts(model, s.block).map((l) => ({ line: l, coef: 1 })),
    ];
    const options = readings.map((flowOf) => () => {
      const checks: Check[] = [];
      model.periods.forEach((slot, i) => {
        const stated = slotCell(model, cum, i);
        if (!stated) return;
        const specs: PartSpec[] = [];
        const previous = i > 0 ? slotCell(model, cum, i - 1) : null;
        if (previous) specs.push({ cell: previous, coef: 1 });
        for (const f of flowOf(slot))
          specs.push({
            cell: gridCellRef(model, f.line.lineIndex[slot.block] as number, slot.periodIndex),
            coef: f.coef,
          });
        const chk = c.check(
          stated,
          specs,
          `${cum.label} at ${slot.period.label}`,
          previous ? "the previous position and this period's net" : "this period's net"
        );
        if (chk) checks.push(chk);
      });
      return checks;
    });
    c.addFamily(
      options,
      `${cum.label} is not a running total of the net flow in any period: its parts could not be identified.`
    );

    // An FY or grand column of a cumulative line holds the position at the end of the year, not a
    // sum; a table that does sum it is read that way rather than flagged.
    const yearEnds: Check[] = [];
    const sums: Check[] = [];
    model.blocks.forEach((block, b) => {
      if (cum.lineIndex[b] === null || cum.lineIndex[b] === undefined) return;
      for (const t of block.totals) {
        const covered = model.periods
          .map((s, i) => ({ s, i }))
          .filter(({ s }) => t.kind === "grand" || s.period.fy === t.fy)
          .map(({ i }) => i);
        const lastCell =
          covered.length > 0 ? slotCell(model, cum, covered[covered.length - 1]) : null;
        const stated = gridCellRef(model, cum.lineIndex[b] as number, t.periodIndex);
        if (!lastCell) {
          c.addUnverified(
            stated,
            `No period of ${t.fy ?? "the grid"} holds a ${cum.label} to compare with.`
          );
          continue;
        }
        const when = t.kind === "fy" ? `at the end of ${t.fy}` : "at the end";
        const chk = c.check(
          stated,
          [{ cell: lastCell, coef: 1 }],
          `${cum.label} ${when}`,
          "the position in the last period"
        );
        if (chk) yearEnds.push(chk);
        const cells = covered
          .map((i) => slotCell(model, cum, i))
          .filter((x): x is CellRef => x !== null);
        const sum = c.check(
          stated,
          cells.map((cell) => ({ cell, coef: 1 })),
          `${cum.label}, ${t.header}`,
          `the sum of its ${periodWord(model)}`
        );
        if (sum) sums.push(sum);
      }
    });
    c.addFamily([yearEnds, sums], null);
  }
}
