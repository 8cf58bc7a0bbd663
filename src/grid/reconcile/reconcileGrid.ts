/**
 * One-click reconciliation of a grid: every stated total the model knows of (total lines, net and
 * cumulative lines, FY and grand total columns, and a separate year table such as a "Summary"
 * sheet) is checked against its parts, classified as match / rounding / mismatch, and failures are
 * traced to their likely root cause. A total whose parts cannot be identified is unverified.
 */
import { type Check } from "../../engine";
import { type CellRef, type SheetSnapshot, type WorkbookSnapshot } from "../../sheet";
import {
  gridCellRef,
  type GridBlock,
  type GridLine,
  type GridModel,
  type LineRole,
  type PeriodSlot,
} from "../read";
import { ComponentCheck, ComponentColumn } from "./componentSums";
import { PeriodSums } from "./periodSums";
import { CheckCollector, type PartSpec } from "./reconcileTerms";
import { addYearTableChecks, findYearTables } from "./yearTable";

export type { Unverified } from "./reconcileTerms";
export type { ReconciliationFinding, ReconciliationReport } from "./report";
import { reportFromCollector, type ReconciliationReport } from "./report";
import {
  columnsOfBlock,
  componentsAbove,
  linesOfBlock,
  periodWord,
  signReadings,
  slotCell,
  SUMMED,
} from "./gridLines";

/**
 * A reading of a total line: the components it covers in each block (from `start` to the last)
 * and whether they carry the model's signs or are added as shown.
 */
interface LineTotalReading {
  start: (componentCount: number) => number;
  plain: boolean;
}

function addLineTotals(model: GridModel, c: CheckCollector): void {
  for (const total of model.lines.filter(
    (l) => l.role === "total-investment" || l.role === "total-return"
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

/** The lines whose sum is the net flow in a block: each side's total line, or its components. */
function netParts(model: GridModel, block: number): GridLine[] {
  const lines = linesOfBlock(model, block);
  const side = (total: LineRole, component: LineRole) => {
    const t = lines.filter((l) => l.role === total);
    return t.length > 0 ? t : lines.filter((l) => l.role === component);
  };
  return [...side("total-investment", "investment"), ...side("total-return", "return")];
}

function addNetLines(model: GridModel, c: CheckCollector): void {
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

function addCumulativeLines(model: GridModel, c: CheckCollector): void {
  const net = model.lines.find((l) => l.role === "net");
  for (const cum of model.lines.filter((l) => l.role === "cumulative")) {
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

/**
 * FY total columns against their months. All FY columns of the grid form one family: they share
 * one meaning, so a year that agrees nowhere is still read as a sum when the other years are.
 */
function addFyColumns(model: GridModel, c: CheckCollector, periods: PeriodSums): void {
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

function addGrandColumns(model: GridModel, c: CheckCollector, periods: PeriodSums): void {
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

/**
 * Reconciles a sheet: every stated total of the grid against its parts and, when the workbook is
 * given, any separate year table (a "Summary" sheet) against the years of the grid. Amounts stay
 * in the grid's own unit.
 */
export function reconcileSheet(
  model: GridModel,
  snapshot: SheetSnapshot,
  workbook?: WorkbookSnapshot
): ReconciliationReport {
  const sheets = new Map<string, SheetSnapshot>([[snapshot.sheetName, snapshot]]);
  for (const s of workbook?.sheets ?? []) if (!sheets.has(s.sheetName)) sheets.set(s.sheetName, s);
  const c = new CheckCollector((name) => sheets.get(name));
  addLineTotals(model, c);
  addNetLines(model, c);
  addCumulativeLines(model, c);
  // FY and grand columns sum runs of the same lines' periods: each line is added up once for both.
  const periods = new PeriodSums(model, c);
  addFyColumns(model, c, periods);
  addGrandColumns(model, c, periods);
  const all = [...sheets.values()];
  for (const table of findYearTables(all, model)) addYearTableChecks(table, model, c);
  return reportFromCollector(
    c,
    all.map((s) => s.sheetName)
  );
}
