/**
 * CellIndex against a Map by "sheet|row|col" as the oracle: cells inside and outside the indexed
 * area, on its sheet, another spelling of it and another sheet, looked up by cell and by number.
 */
import fc from "fast-check";
import { cellNumber } from "../../src/grid/reconcile/formulaCache";
import { CellIndex } from "../../src/grid/reconcile/totalIndex";

const cellArb = fc.record({
  sheet: fc.constantFrom("Case", "CASE", "Summary"),
  row: fc.integer({ min: 0, max: 9 }),
  col: fc.oneof(fc.integer({ min: 0, max: 7 }), fc.constant(16_383)),
});

describe("CellIndex", () => {
  it("finds what was added, by cell and by cell number, listing values as first added", () => {
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 60 }), (cells) => {
        // The indexed area: rows 2-6, columns 1-4 of Case.
        const index = new CellIndex<string>("Case", 2, 1, 6, 4);
        const oracle = new Map<string, string>();
        cells.forEach((c, i) => {
          const name = `${c.sheet}|${c.row}|${c.col}`;
          expect(index.find(c.sheet, c.row, c.col)).toBe(oracle.get(name));
          if (!oracle.has(name)) {
            index.add(c.sheet, c.row, c.col, `value ${i}`);
            oracle.set(name, `value ${i}`);
          }
        });
        expect(index.values).toStrictEqual([...oracle.values()]);
        for (const sheet of ["Case", "CASE", "Summary"])
          for (let row = 0; row <= 9; row++)
            for (const col of [0, 1, 2, 3, 4, 5, 6, 7, 16_383]) {
              const want = oracle.get(`${sheet}|${row}|${col}`);
              expect(index.find(sheet, row, col)).toBe(want);
              expect(index.get(cellNumber(sheet, row, col))).toBe(want);
              expect(index.has(cellNumber(sheet, row, col))).toBe(want !== undefined);
            }
      })
    );
  });

  it("keeps every cell in its Map when the area is too large to index", () => {
    const index = new CellIndex<string>("Case", 0, 0, 1_048_575, 16_383);
    index.add("Case", 1_000_000, 16_000, "far");
    expect(index.find("Case", 1_000_000, 16_000)).toBe("far");
    expect(index.get(cellNumber("Case", 1_000_000, 16_000))).toBe("far");
    expect(index.get(cellNumber("Case", 1_000_000, 15_999))).toBeUndefined();
  });
});
