/** ItosError: what a caller can read off every failure the user can cause. */
import { ItosError, isItosError } from "../../src/engine/errors";

describe("ItosError", () => {
  it("keeps the code, the message, the cell and the candidates it was given", () => {
    const e = new ItosError("ambiguous-layout", "Two grids could be the table.", {
      cell: "Appendix 1!E9",
      candidates: ["A1:N20", "A30:N50"],
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("ItosError");
    expect(e.code).toBe("ambiguous-layout");
    expect(e.message).toBe("Two grids could be the table.");
    expect(e.cell).toBe("Appendix 1!E9");
    expect(e.candidates).toEqual(["A1:N20", "A30:N50"]);
  });

  it("names no cell and offers no candidates when given none", () => {
    const bare = new ItosError("no-grid", "No grid found.");
    expect(bare.cell).toBeNull();
    expect(bare.candidates).toEqual([]);
    const explicitNull = new ItosError("bad-amount", "Not an amount.", { cell: null });
    expect(explicitNull.cell).toBeNull();
    expect(explicitNull.candidates).toEqual([]);
  });

  it("is told apart from other errors", () => {
    expect(isItosError(new ItosError("bad-file", "Not a workbook."))).toBe(true);
    expect(isItosError(new Error("boom"))).toBe(false);
    expect(isItosError({ code: "bad-file", name: "ItosError" })).toBe(false);
    expect(isItosError(null)).toBe(false);
  });
});
