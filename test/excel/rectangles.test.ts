import { cellInput, requestBytes, splitRect, toRectangles } from "../../src/excel/rectangles";
import type { PlannedCell } from "../../src/grid";

const cell = (
  row: number,
  col: number,
  value: number | string | null = row * 10 + col,
  sheet = "S"
): PlannedCell => ({ sheet, row, col, value });

describe("grouping planned cells into rectangles", () => {
  it("merges a block into one rectangle and keeps gaps and other sheets apart", () => {
    const cells = [
      ...[0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => cell(r, c))),
      cell(5, 0), // a gap row
      cell(0, 4), // a gap column
      cell(0, 0, 1, "Other"),
    ];
    const rects = toRectangles(cells);
    const shape = rects
      .map((r) => `${r.sheet}:${r.top},${r.left} ${r.cells.length}x${r.cells[0].length}`)
      .sort();
    expect(shape).toEqual(["Other:0,0 1x1", "S:0,0 3x3", "S:0,4 1x1", "S:5,0 1x1"]);
    // Every planned cell is in exactly one rectangle, at its own position.
    const placed = rects.flatMap((r) =>
      r.cells.flatMap((row, i) => row.map((c, j) => [c, r.top + i, r.left + j] as const))
    );
    expect(placed).toHaveLength(cells.length);
    for (const [c, row, col] of placed) expect([c.row, c.col]).toEqual([row, col]);
  });

  it("writes the last plan entry for a cell written twice", () => {
    const rects = toRectangles([cell(0, 0, "first"), cell(0, 0, "second")]);
    expect(rects[0].cells[0][0].value).toBe("second");
  });

  it("splits a rectangle into row bands under the byte budget, losing no row", () => {
    const cells = Array.from({ length: 1000 }, (_, r) => [0, 1, 2].map((c) => cell(r, c))).flat();
    const [rect] = toRectangles(cells);
    const budget = Math.ceil(requestBytes(rect) / 7);
    const bands = splitRect(rect, budget);
    expect(bands.length).toBeGreaterThanOrEqual(7);
    for (const b of bands) expect(requestBytes(b)).toBeLessThanOrEqual(budget + 200);
    expect(bands.reduce((n, b) => n + b.cells.length, 0)).toBe(1000);
    expect(bands.map((b) => b.top)).toEqual([...bands.map((b) => b.top)].sort((a, b) => a - b));
  });

  it("sends formulas as formulas, texts quoted so Excel keeps them as text, blanks as empty", () => {
    expect(cellInput({ sheet: "S", row: 0, col: 0, value: 5, formula: "=A1" }, false)).toBe("=A1");
    expect(cellInput({ sheet: "S", row: 0, col: 0, value: 5, formula: "=A1" }, true)).toBe(5);
    expect(cellInput(cell(0, 0, "Jan-24"), false)).toBe("'Jan-24");
    expect(cellInput(cell(0, 0, "=cmd|' /C calc'!A0"), false)).toBe("'=cmd|' /C calc'!A0");
    expect(cellInput(cell(0, 0, null), false)).toBe("");
  });
});
