/** The exact sentences the reports, cell notes and pane show for each verdict. */
import Decimal from "decimal.js";
import { explain, showAmount } from "../../src/engine/explain";
import { evaluate, term, type Check } from "../../src/engine/reconcile";
import { money } from "../../src/engine/money";
import type { CellRef } from "../../src/sheet";

const cell = (row: number, col: number, sheet = "S"): CellRef => ({ sheet, row, col });
const address = (c: CellRef) => `${c.sheet}!R${c.row}C${c.col}`;
const t = (row: number, col: number, value: Decimal.Value, half = "0.5") =>
  term(cell(row, col), money(value), money(half));
const check = (stated: ReturnType<typeof t>, parts: ReturnType<typeof t>[]): Check => ({
  stated,
  parts,
  partsText: "B2:D2",
  subject: "the 2024/25 total of Total return",
  partsDescription: "the months",
});

describe("showAmount", () => {
  test.each([
    ["35000", "35,000"],
    ["-11667", "(11,667)"],
    ["0.5", "0.5"],
    ["0.005", "0.005"],
    ["1.23456", "1.2346"],
    ["1234.5", "1,234.5"],
    ["0", "0"],
  ])("%s shows as %s", (amount, text) => {
    expect(showAmount(money(amount))).toBe(text);
  });
});

describe("explain", () => {
  const head = "S!R1C4 (the 2024/25 total of Total return) states";

  test("a match", () => {
    const r = evaluate(check(t(1, 4, 35000), [t(1, 1, 20000), t(1, 2, 15000)]));
    expect(explain(r, address, null)).toBe(`${head} 35,000, the same as the months (B2:D2).`);
  });

  test("a difference rounding explains", () => {
    const r = evaluate(check(t(1, 4, 35000), [t(1, 1, 11667), t(1, 2, 11667), t(1, 3, 11667)]));
    expect(explain(r, address, null)).toBe(
      `${head} 35,000 against 35,001 from the months (B2:D2): a difference of 1, within the 2 that rounding of the displayed amounts can explain.`
    );
  });

  test("a mismatch, more and less, with no root, its own cell, or another cell as the cause", () => {
    const more = evaluate(check(t(1, 4, 100), [t(1, 1, "89.5", "0.05")]));
    expect(explain(more, address, null)).toBe(
      `${head} 100 against 89.5 from the months (B2:D2): 10.5 more, more than rounding can explain (0.55).`
    );
    const less = evaluate(check(t(1, 4, 80), [t(1, 1, 90)]));
    const lessText = `${head} 80 against 90 from the months (B2:D2): 10 less, more than rounding can explain (1).`;
    expect(explain(less, address, null)).toBe(lessText);
    expect(explain(less, address, cell(1, 4))).toBe(`${lessText} S!R1C4 is the likely cause.`);
    expect(explain(less, address, cell(1, 1))).toBe(
      `${lessText} This is likely a consequence of S!R1C1, which explains this and other differences.`
    );
    // The same row and column on another sheet is another cell.
    expect(explain(less, address, cell(1, 4, "T"))).toBe(
      `${lessText} This is likely a consequence of T!R1C4, which explains this and other differences.`
    );
  });
});
