import * as path from "path";
import { isItosError, ItosError, analysePayback } from "../../src/engine";
import { readWorkbook } from "../../src/file";
import { detectGrid, lineCell } from "../../src/grid/read";
import { amountAt, flowsFromModel } from "../../src/grid/read/flows";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

const FIXTURES = path.join(__dirname, "..", "fixtures");

function caught(fn: () => unknown): ItosError {
  try {
    fn();
  } catch (e) {
    if (isItosError(e)) return e;
    throw e;
  }
  throw new Error("expected an ItosError");
}

/** A copy of the sheet with one cell (A1 address, 0-based row/col) replaced. */
function withCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue): SheetSnapshot {
  const values = sheet.values.map((r) => [...r]);
  values[row - sheet.top][col - sheet.left] = value;
  return { ...sheet, values };
}

let sandwell: SheetSnapshot;
let offset: SheetSnapshot;
beforeAll(async () => {
  sandwell = (await readWorkbook(path.join(FIXTURES, "sandwell-invest-to-save.xlsx"))).sheets[0];
  offset = (await readWorkbook(path.join(FIXTURES, "layout-offset-notes.xlsx"))).sheets[0];
});

describe("amounts in component lines", () => {
  test("an error value in a return line names the cell and the error", () => {
    // E23: Mother and Baby Residential, Jul-22 (4,004 in the fixture).
    const sheet = withCell(sandwell, 22, 4, { error: "#N/A" });
    const e = caught(() => flowsFromModel(detectGrid(sheet), sheet));
    expect(e.code).toBe("bad-amount");
    expect(e.message).toBe("Appendix 1!E23 holds #N/A where an amount is expected.");
    expect(e.cell).toBe("Appendix 1!E23");
  });

  test("a word in an investment line names the cell and quotes the text", () => {
    // G18: Investment from SMBC, Sep-22.
    const sheet = withCell(sandwell, 17, 6, "tbc");
    const e = caught(() => flowsFromModel(detectGrid(sheet), sheet));
    expect(e.code).toBe("bad-amount");
    expect(e.message).toBe("Appendix 1!G18 holds the text 'tbc' where an amount is expected.");
  });

  test("an error in a stated total line does not stop the payback (totals are reconciliation's)", () => {
    const sheet = withCell(sandwell, 19, 4, { error: "#REF!" }); // E20 Total investment
    const result = analysePayback(flowsFromModel(detectGrid(sheet), sheet));
    expect(result.periods[result.firstInvestment as number].key).toBe("2022-01");
  });

  test("numbers stored as text, dashes and n/a are read as amounts", () => {
    const model = detectGrid(offset);
    const officers = model.lines.find((l) => l.label === "Prevention officers (2 FTE)");
    const bnb = model.lines.find((l) => l.label === "B&B placements");
    const ta = model.lines.find((l) => l.label === "Temporary accommodation avoided");
    if (!officers || !bnb || !ta) throw new Error("lines missing");
    const at = (line: typeof officers, slot: number) => {
      const cell = lineCell(model, line, slot);
      if (!cell) throw new Error("no cell");
      return amountAt(offset, cell.row, cell.col).toNumber();
    };
    expect(offset.values[7][5]).toBe("(11,667)"); // F8 as typed
    expect(at(officers, 0)).toBe(-11667);
    expect(at(officers, 6)).toBe(0); // "-" in L8
    expect(at(bnb, 0)).toBe(0); // "n/a" in F15
    expect(at(ta, 3)).toBe(9000); // "£9,000" in I14
    expect(lineCell(model, ta, 3)).toEqual({ row: 13, col: 8 });
  });

  test("lineCell follows the stacked blocks: Sandwell's Trust investment for Apr-24 is B47", () => {
    const model = detectGrid(sandwell);
    const trust = model.lines.find((l) => l.key === "investment from trust");
    if (!trust) throw new Error("no trust line");
    const apr24 = model.periods.findIndex((p) => p.period.key === "2024-04");
    expect(lineCell(model, trust, apr24)).toEqual({ row: 46, col: 1 });
    expect(amountAt(sandwell, 46, 1).toNumber()).toBe(-11667);
  });
});

describe("lines the reader cannot place", () => {
  // A grid with no headings: "Other" has amounts but nothing says whether it is cost or saving.
  const sheet: SheetSnapshot = {
    sheetName: "Case",
    top: 0,
    left: 0,
    values: [
      [null, "Apr-22", "May-22", "Jun-22"],
      ["Investment", -100, null, null],
      ["Other", null, 60, 60],
    ],
  };

  test("ambiguous-layout lists the candidate with its cell", () => {
    const e = caught(() => detectGrid(sheet));
    expect(e.code).toBe("ambiguous-layout");
    expect(e.candidates).toEqual(["Case!A3: Other"]);
    expect(e.message).toContain("Case!A3");
  });

  test("a role override settles it, and the engine then finds break-even in Jun-22", () => {
    const model = detectGrid(sheet, { roleOverrides: { other: "return" } });
    expect(model.lines.map((l) => l.role)).toEqual(["investment", "return"]);
    // -100, then +60 (cum -40), then +60 (cum +20): break-even Jun-22, two whole months
    // (Apr, May) from the first investment plus 40/60 of June.
    const result = analysePayback(flowsFromModel(model, sheet));
    expect(result.breakEven).toMatchObject({ status: "reached", index: 2 });
    expect(result.paybackMonths?.toNumber()).toBeCloseTo(2 + 40 / 60, 9);
  });
});
