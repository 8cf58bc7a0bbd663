/**
 * A period check's partsRange (told from the ends of its periods where it can) against the oracle:
 * the smallest rectangle holding every part its visit names. Generated tables (stacked blocks,
 * periods across and down), with their period slots also in orders no reader gives.
 */
import fc from "fast-check";
import { visitParts, type Check } from "../../src/engine";
import { PeriodSums } from "../../src/grid/reconcile/periodSums";
import { CheckCollector } from "../../src/grid/reconcile/reconcileTerms";
import type { RangeRef } from "../../src/sheet";
import type { PeriodSlot } from "../../src/grid/read";
import { buildTable, type TableSpec } from "./tables";

const LINES = 4;
const MONTHS = 26;

const specArb: fc.Arbitrary<TableSpec> = fc
  .record({
    investmentLines: fc.integer({ min: 1, max: 2 }),
    returnLines: fc.integer({ min: 1, max: 2 }),
    months: fc.integer({ min: 2, max: MONTHS }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    startYear: fc.constant(2024),
    stacked: fc.boolean(),
    fyColumns: fc.boolean(),
    grandColumn: fc.boolean(),
    totalLines: fc.boolean(),
    netLine: fc.constant(false),
    cumulativeLine: fc.constant(false),
    display: fc.constant<TableSpec["display"]>(0),
    signConvention: fc.constant<TableSpec["signConvention"]>("investment-negative"),
    roundedCells: fc.constant<boolean[]>([true]),
    transposed: fc.boolean(),
    summary: fc.constant(false),
    cells: fc.array(fc.integer({ min: 0, max: 90_000 }), {
      minLength: LINES * MONTHS,
      maxLength: LINES * MONTHS,
    }),
  })
  .map(({ cells, ...rest }) => ({
    ...rest,
    amounts: Array.from({ length: LINES }, (_, l) =>
      cells.slice(l * MONTHS, l * MONTHS + rest.months)
    ),
  }));

/**
 * How the model's period slots are laid out: as built; in a shuffled order (not the sheet's); or
 * with the first two blocks' slots swapped and each block moved along past the one before, so
 * the slots' positions rise throughout while the blocks' rows go down and up.
 */
type Layout = { kind: "as built" } | { kind: "shuffled"; keys: number[] } | { kind: "shifted" };
const layoutArb: fc.Arbitrary<Layout> = fc.oneof(
  fc.constant<Layout>({ kind: "as built" }),
  fc
    .array(fc.nat(), { minLength: 60, maxLength: 60 })
    .map((keys): Layout => ({ kind: "shuffled", keys })),
  fc.constant<Layout>({ kind: "shifted" })
);

function laidOut(periods: PeriodSlot[], layout: Layout): PeriodSlot[] {
  if (layout.kind === "as built") return periods;
  if (layout.kind === "shifted") {
    const blocks = [...new Set(periods.map((s) => s.block))];
    if (blocks.length > 1) [blocks[0], blocks[1]] = [blocks[1], blocks[0]];
    return blocks.flatMap((b, at) =>
      periods
        .filter((s) => s.block === b)
        .map((s) => ({ ...s, periodIndex: s.periodIndex + 1000 * at }))
    );
  }
  const key = (i: number) => layout.keys[i % layout.keys.length] * 100 + i;
  return periods
    .map((s, i) => ({ s, k: key(i) }))
    .sort((a, b) => a.k - b.k)
    .map(({ s }) => s);
}

/** The smallest rectangle holding every part the check visits (the oracle), or null for none. */
function boxOf(check: Check): RangeRef | null {
  let box: RangeRef | null = null;
  visitParts(check, (sheet, row, col) => {
    box = box
      ? {
          sheet,
          top: Math.min(box.top, row),
          left: Math.min(box.left, col),
          bottom: Math.max(box.bottom, row),
          right: Math.max(box.right, col),
        }
      : { sheet, top: row, left: col, bottom: row, right: col };
  });
  return box;
}

describe("partsRange of a check over a line's periods", () => {
  it("is the smallest rectangle holding every part the check visits", () => {
    let ranged = 0;
    let acrossBlocks = 0;
    fc.assert(
      fc.property(
        specArb,
        layoutArb,
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (spec, layout, picks) => {
          const built = buildTable(spec);
          const snapshot = built.snapshot;
          const model = { ...built.model, periods: laidOut(built.model.periods, layout) };
          const c = new CheckCollector((name) =>
            name === snapshot.sheetName ? snapshot : undefined
          );
          const sums = new PeriodSums(model, c);
          // Any cell holding a number may stand for the total: only the parts are looked at.
          const [row, col] = built.statedCells[0] ?? [1, 1];
          const stated = { sheet: snapshot.sheetName, row, col };
          const all = model.periods.map((_, i) => i);
          const slotLists = [
            all,
            all.filter((i) => picks[i % picks.length]),
            ...model.blocks.map((_, b) => all.filter((i) => model.periods[i].block === b)),
          ];
          for (const line of model.lines)
            for (const slots of slotLists) {
              const check = sums.check(stated, line, slots, "the total", "the months");
              if (check === null) continue;
              expect(check.partsRange!()).toStrictEqual(boxOf(check));
              ranged++;
              if (layout.kind === "shifted" && model.blocks.length > 2 && slots === all)
                acrossBlocks++;
            }
        }
      ),
      { numRuns: 500 }
    );
    // Periods across three or more blocks so laid out: their ends cannot bound them.
    expect(ranged).toBeGreaterThan(1000);
    expect(acrossBlocks).toBeGreaterThan(50);
  });
});
