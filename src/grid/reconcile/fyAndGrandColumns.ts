/** The checks of FY and grand total columns: each line's total against its periods and years. */
import { type Check } from "../../engine";
import { gridCellRef, type GridBlock, type GridModel } from "../read";
import { type PeriodSums } from "./periodSums";
import { type CheckCollector, type PartSpec } from "./reconcileTerms";
import { linesOfBlock, periodWord, SUMMED } from "./gridLines";

/**
 * FY total columns against their months. All FY columns of the grid form one family: they share
 * one meaning, so a year that agrees nowhere is still read as a sum when the other years are.
 */
export function addFyColumns(model: GridModel, c: CheckCollector, periods: PeriodSums): void {
  const word = periodWord(model);
  const checks: Check[] = [];
  model.blocks.forEach((block, b) => {
    for (const t of block.totals.filter((x) => x.kind === "fy")) {
      let slots = model.periods
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => s.block === b && s.period.fy === t.fy);
      if (slots.length === 0)
        slots = model.periods.map((s, i) => ({ s, i })).filter(({ s }) => s.period.fy === t.fy);
      // One list of slot indices for every line: checks only read it.
      const indices = slots.map(({ i }) => i);
      for (const line of linesOfBlock(model, b).filter((l) => SUMMED.has(l.role))) {
        const stated = gridCellRef(model, line.lineIndex[b] as number, t.periodIndex);
        if (slots.length === 0) {
          c.addUnverified(stated, `The grid has no ${word} of ${t.fy} to add up.`);
          continue;
        }
        const chk = periods.check(
          stated,
          line,
          indices,
          `the ${t.fy} total of ${line.label}`,
          `the ${word} of ${t.fy}`
        );
        if (chk) checks.push(chk);
      }
    }
  });
  c.addFamily(
    [checks],
    `The year total columns are not the sums of their ${word} for any line: what they hold could not be identified.`
  );
}

function fyColumnsCoverAllPeriods(model: GridModel): boolean {
  const covered = new Set(
    model.blocks.flatMap((bl) => bl.totals.filter((t) => t.kind === "fy").map((t) => t.fy))
  );
  return (
    model.periods.length > 0 &&
    model.periods.every((s) => s.period.fy !== null && covered.has(s.period.fy))
  );
}

/** Grand total columns against all the periods (or their block's), and against the year totals. */
export function addGrandColumns(model: GridModel, c: CheckCollector, periods: PeriodSums): void {
  const word = periodWord(model);
  const grandBlocks = model.blocks.filter((bl) => bl.totals.some((t) => t.kind === "grand")).length;
  model.blocks.forEach((block: GridBlock, b) => {
    for (const g of block.totals.filter((x) => x.kind === "grand")) {
      const lines = linesOfBlock(model, b).filter((l) => SUMMED.has(l.role));
      const allPeriods = model.periods.map((_, i) => i);
      const blockPeriods = allPeriods.filter((i) => model.periods[i].block === b);
      const againstPeriods = (indices: number[], what: string) =>
        lines
          .map((line) => {
            return periods.check(
              gridCellRef(model, line.lineIndex[b] as number, g.periodIndex),
              line,
              indices,
              `the ${g.header} of ${line.label}`,
              what
            );
          })
          .filter((x): x is Check => x !== null);
      const options = [() => againstPeriods(allPeriods, `all the ${word}`)];
      // Where every block has its own total column, it may total its own block only.
      if (grandBlocks > 1)
        options.push(() => againstPeriods(blockPeriods, `the ${word} of its block`));
      c.addFamily(
        options,
        `The ${g.header} column is not the sum of the ${word} for any line: what it holds could not be identified.`
      );

      if (fyColumnsCoverAllPeriods(model)) {
        const againstYears = lines
          .map((line) => {
            const specs: PartSpec[] = [];
            model.blocks.forEach((bl, bb) => {
              if (line.lineIndex[bb] === null || line.lineIndex[bb] === undefined) return;
              for (const t of bl.totals.filter((x) => x.kind === "fy"))
                specs.push({
                  cell: gridCellRef(model, line.lineIndex[bb] as number, t.periodIndex),
                  coef: 1,
                });
            });
            return c.check(
              gridCellRef(model, line.lineIndex[b] as number, g.periodIndex),
              specs,
              `the ${g.header} of ${line.label}`,
              "the year totals"
            );
          })
          .filter((x): x is Check => x !== null);
        c.addFamily(
          [againstYears],
          `The ${g.header} column is not the sum of the year totals for any line: what it holds could not be identified.`
        );
      }
    }
  });
}
