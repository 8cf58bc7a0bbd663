/**
 * The cells a walk through sums has reached, against a plain Set of "sheet|row|col" strings as the
 * oracle: walks one after another share one array of marks, and each must see only its own cells.
 */
import fc from "fast-check";
import { CellMarks, CoveredCells } from "../../src/grid/reconcile/coveredCells";
import { cellNumber } from "../../src/grid/reconcile/formulaCache";

const AREA = { top: 2, left: 1, bottom: 6, right: 4 };
// Cells in and around the used area, on the marked sheet, another spelling of it and another sheet.
const cellArb = fc.record({
  sheet: fc.constantFrom("Case", "CASE", "Summary"),
  row: fc.integer({ min: 0, max: 8 }),
  col: fc.integer({ min: 0, max: 6 }),
});

describe("CoveredCells", () => {
  it("agrees with a Set of cells, walk after walk over the same marks", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 40 }), { maxLength: 6 }), (walks) => {
        const marks = CellMarks.over("Case", AREA);
        const earlier: { covered: CoveredCells; oracle: Set<string> }[] = [];
        for (const cells of walks) {
          const covered = new CoveredCells(marks, cellNumber);
          const oracle = new Set<string>();
          for (const c of cells) {
            const name = `${c.sheet}|${c.row}|${c.col}`;
            expect(covered.add(c.sheet, c.row, c.col)).toBe(!oracle.has(name));
            oracle.add(name);
          }
          expect(covered.size).toBe(oracle.size);
          expect(covered.current).toBe(true);
          for (let row = 0; row <= 8; row++)
            for (let col = 0; col <= 6; col++)
              for (const sheet of ["Case", "CASE", "Summary"])
                expect(covered.has(sheet, row, col)).toBe(oracle.has(`${sheet}|${row}|${col}`));
          for (const e of earlier) expect(e.covered.current).toBe(false);
          earlier.push({ covered, oracle });
        }
      })
    );
  });

  it("forgets every mark when the generation number would wrap round", () => {
    const marks = CellMarks.over("Case", AREA)!;
    marks.generation = 0xffff_fffe;
    const last = new CoveredCells(marks, cellNumber); // generation 0xffffffff, the last
    last.add("Case", 3, 2);
    const next = new CoveredCells(marks, cellNumber); // all marks cleared, generation 1
    expect(next.has("Case", 3, 2)).toBe(false);
    expect(last.current).toBe(false);
    next.add("Case", 4, 2);
    expect(next.has("Case", 4, 2)).toBe(true);
    expect(new CoveredCells(marks, cellNumber).has("Case", 4, 2)).toBe(false);
  });

  it("keeps every cell in its Set when there are no marks (a used area too large to mark)", () => {
    expect(CellMarks.over("Case", { top: 0, left: 0, bottom: 1_048_575, right: 16_383 })).toBe(
      null
    );
    const covered = new CoveredCells(null, cellNumber);
    expect(covered.add("Case", 3, 2)).toBe(true);
    expect(covered.add("Case", 3, 2)).toBe(false);
    expect(covered.has("Case", 3, 2)).toBe(true);
    expect(covered.has("Case", 2, 3)).toBe(false);
    expect(covered.size).toBe(1);
    expect(covered.current).toBe(true);
  });
});
