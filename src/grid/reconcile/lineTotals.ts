/** The checks of total lines: each against the lines above it it adds up, in every column. */
import { type Check } from "../../engine";
import { type CellRef } from "../../sheet";
import { gridCellRef, type GridModel } from "../read";
import { ComponentCheck, ComponentColumn } from "./componentSums";
import { type CheckCollector } from "./reconcileTerms";
import { columnsOfBlock, componentsAbove } from "./gridLines";

/**
 * A reading of a total line: the components it covers in each block (from `start` to the last)
 * and whether they carry the model's signs or are added as shown.
 */
interface LineTotalReading {
  start: (componentCount: number) => number;
  plain: boolean;
}

/** Total lines ("Total investment") against the lines above them, in every column. */
export function addLineTotals(model: GridModel, c: CheckCollector): void {
  for (const total of model.lines.filter(
    (l) => l.role === "total-investment" || l.role === "total-return" || l.role === "total"
  )) {
    const blocks = model.blocks
      .map((_, b) => b)
      .filter((b) => total.lineIndex[b] !== null && total.lineIndex[b] !== undefined);
    const comps = new Map(blocks.map((b) => [b, componentsAbove(model, b, total)]));
    const columns = new Map(blocks.map((b) => [b, columnsOfBlock(model, b)]));
    if (blocks.every((b) => comps.get(b)!.length === 0)) {
      for (const b of blocks)
        for (const col of columns.get(b)!) {
          c.addUnverified(
            gridCellRef(model, total.lineIndex[b] as number, col.axis),
            `No lines above ${total.label} (since the previous heading or total) to add up: its parts could not be identified.`
          );
        }
      continue;
    }
    const longest = Math.max(...blocks.map((b) => comps.get(b)!.length));
    const readings: LineTotalReading[] = [{ start: () => 0, plain: false }];
    // Plain addition reads differently only where some component carries a minus sign.
    if (blocks.some((b) => comps.get(b)!.some((l) => total.sign * l.sign !== 1)))
      readings.push({ start: () => 0, plain: true });
    // A total of only the last few lines ("Total pressure" under a base line) is another reading.
    for (let k = longest - 1; k >= 1; k--)
      readings.push({ start: (n) => Math.max(0, n - k), plain: false });

    // Each column's components are read and summed once, for every reading.
    const lineIndexes = new Map(
      blocks.map((b) => [b, comps.get(b)!.map((l) => l.lineIndex[b] as number)])
    );
    const place = (b: number, periodIndex: number) => ({
      sheet: model.sheetName,
      orientation: model.orientation,
      lineIndexes: lineIndexes.get(b)!,
      periodIndex,
    });
    const coefs = new Map(blocks.map((b) => [b, comps.get(b)!.map((l) => total.sign * l.sign)]));
    /** Per block, its columns: the stated cell and, where it states an amount, the components' sums. */
    // Made on the first reading's visit, column by column, so anything unverified is noted in order.
    const entries = new Map(
      blocks.map((b) => [b, [] as { stated: CellRef; parts: ComponentColumn | null }[]])
    );
    const entryOf = (b: number, j: number) => {
      const list = entries.get(b)!;
      let entry = list[j];
      if (!entry) {
        const col = columns.get(b)![j];
        const stated = gridCellRef(model, total.lineIndex[b] as number, col.axis);
        const parts = c.canStateTotal(stated)
          ? new ComponentColumn(
              c.statedTerm(stated),
              `${total.label}, ${col.name}`,
              place(b, col.axis),
              coefs.get(b)!,
              c
            )
          : null;
        list[j] = entry = { stated, parts };
      }
      return entry;
    };
    const options = readings.map((reading) => () => {
      const checks: Check[] = [];
      for (const b of blocks) {
        const n = comps.get(b)!.length;
        const start = reading.start(n);
        if (n - start === 0) {
          for (const col of columns.get(b)!) {
            c.addUnverified(
              gridCellRef(model, total.lineIndex[b] as number, col.axis),
              `No lines above ${total.label} in this block to add up: its parts could not be identified.`
            );
          }
          continue;
        }
        for (let j = 0; j < columns.get(b)!.length; j++) {
          const { stated, parts } = entryOf(b, j);
          if (!parts) continue;
          const problem = parts.firstProblem(start);
          if (problem) {
            c.addUnreadablePart(stated, problem.cell, problem.problem);
            continue;
          }
          checks.push(new ComponentCheck(parts, start, reading.plain, "the lines it totals"));
        }
      }
      return checks;
    });
    c.addFamily(
      options,
      `${total.label} is not the sum of the lines above it in any column: its parts could not be identified.`
    );
  }
}
