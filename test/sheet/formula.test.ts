import fc from "fast-check";
import {
  errorLiterals,
  externalWorkbooks,
  references,
  refCovers,
  refToA1,
  signedSum,
  tokenize,
  toR1C1,
  translateFormula,
  type FormulaRef,
  type RefCorner,
} from "../../src/sheet";

/** Hand-written oracle: a cell corner from 0-based coordinates. */
const cell = (row: number, col: number, absRow = false, absCol = false): RefCorner => ({
  row,
  col,
  absRow,
  absCol,
});

describe("tokenize", () => {
  it("reads a sheet-qualified quoted range, an absolute cell and a SUM", () => {
    const tokens = tokenize("=SUM('Appendix 1'!B4:B9)+$C$4");
    expect(tokens.map((t) => t.kind)).toEqual(["func", "op", "ref", "op", "op", "ref"]);
    expect(references("=SUM('Appendix 1'!B4:B9)+$C$4")).toEqual([
      { workbook: null, sheet: "Appendix 1", start: cell(3, 1), end: cell(8, 1) },
      { workbook: null, sheet: null, start: cell(3, 2, true, true), end: cell(3, 2, true, true) },
    ]);
  });

  it("reads mixed references B$4 and $B4", () => {
    expect(references("=B$4-$B4")).toEqual([
      { workbook: null, sheet: null, start: cell(3, 1, true, false), end: cell(3, 1, true, false) },
      { workbook: null, sheet: null, start: cell(3, 1, false, true), end: cell(3, 1, false, true) },
    ]);
  });

  it("reads whole columns and whole rows", () => {
    expect(references("=SUM(C:C)+SUM($4:$6)")).toEqual([
      {
        workbook: null,
        sheet: null,
        start: { row: null, col: 2, absRow: false, absCol: false },
        end: { row: null, col: 2, absRow: false, absCol: false },
      },
      {
        workbook: null,
        sheet: null,
        start: { row: 3, col: null, absRow: true, absCol: false },
        end: { row: 5, col: null, absRow: true, absCol: false },
      },
    ]);
  });

  it("reads references to other workbooks in the three ways they are written", () => {
    for (const f of [
      "=[Book2.xlsx]Sheet1!A1",
      "='[Book2.xlsx]Sheet1'!A1",
      "='C:\\Fin\\[Book2.xlsx]Sheet1'!A1",
    ]) {
      const tokens = tokenize(f);
      expect(references(f)).toEqual([
        { workbook: "Book2.xlsx", sheet: "Sheet1", start: cell(0, 0), end: cell(0, 0) },
      ]);
      expect(externalWorkbooks(tokens)).toEqual(["Book2.xlsx"]);
    }
    // As a file stores it: the index of its external link.
    expect(references("=[1]Sheet1!$A$1")[0].workbook).toBe("1");
    expect(externalWorkbooks(tokenize("=SUM([1]Costs!B2:B9)"))).toEqual(["1"]);
  });

  it("reads error literals, alone and after a sheet", () => {
    expect(errorLiterals(tokenize("=SUM(#REF!)+Sheet2!#REF!+#N/A"))).toEqual([
      "#REF!",
      "#REF!",
      "#N/A",
    ]);
    expect(errorLiterals(tokenize('="#REF!"'))).toEqual([]);
  });

  it("keeps strings whole, doubled quotes and all, and finds no references in them", () => {
    const tokens = tokenize('=IF(A1="say ""B4""",B5,"C6")');
    expect(tokens.filter((t) => t.kind === "string").map((t) => t.text)).toEqual([
      '"say ""B4"""',
      '"C6"',
    ]);
    expect(references('=IF(A1="say ""B4""",B5,"C6")').map(refToA1)).toEqual(["A1", "B5"]);
  });

  it("tells function names, names, booleans and numbers from references", () => {
    const tokens = tokenize("=LOG10(A1)+_xlfn.STDEV.S(B1:B3)+Rate*TRUE+1.5E+3+ABC1234567");
    expect(tokens.filter((t) => t.kind === "func").map((t) => t.text)).toEqual([
      "LOG10",
      "_XLFN.STDEV.S",
    ]);
    expect(tokens.filter((t) => t.kind === "name").map((t) => t.text)).toEqual([
      "Rate",
      "ABC1234567",
    ]);
    expect(tokens.filter((t) => t.kind === "bool").map((t) => t.text)).toEqual(["TRUE"]);
    expect(tokens.filter((t) => t.kind === "number").map((t) => t.text)).toEqual(["1.5E+3"]);
    expect(references("=LOG10(A1)+_xlfn.STDEV.S(B1:B3)").map(refToA1)).toEqual(["A1", "B1:B3"]);
  });

  it("reads a structured reference and a sheet-qualified name as unknown, never as a cell", () => {
    expect(references("=SUM(Table1[Amount])+Sheet2!Rate")).toEqual([]);
    expect(tokenize("=SUM(Table1[Amount])").some((t) => t.kind === "unknown")).toBe(true);
  });

  it("rejects cells beyond the sheet (XFE1, A1048577)", () => {
    expect(references("=XFD1048576")).toHaveLength(1);
    expect(references("=XFE1")).toHaveLength(0);
    expect(references("=A1048577")).toHaveLength(0);
  });
});

describe("toR1C1", () => {
  it("writes relative, absolute and mixed parts as Excel does", () => {
    // Formula in D10 (row 9, col 3).
    expect(toR1C1("=SUM(D4:D9)", 9, 3)).toBe("=SUM(R[-6]C:R[-1]C)");
    expect(toR1C1("=$B$2+B$2+$B2+E11", 9, 3)).toBe("=R2C2+R2C[-2]+R[-8]C2+R[1]C[1]");
    expect(toR1C1("=SUM(C:C)+SUM($4:$6)", 9, 3)).toBe("=SUM(C[-1]:C[-1])+SUM(R4:R6)");
    expect(toR1C1("='Appendix 1'!N55", 0, 0)).toBe("='APPENDIX 1'!R[54]C[13]");
  });

  it("ignores spacing and the case of function names, and treats the own sheet by name as unqualified", () => {
    expect(toR1C1("= sum( C4 : C9 )", 9, 2)).toBe(toR1C1("=SUM(C4:C9)", 9, 2));
    expect(toR1C1("=Sheet1!C4+C5", 9, 2, "sheet1")).toBe(toR1C1("=C4+C5", 9, 2));
  });

  it("tells apart a subtraction among additions (the inconsistent net line)", () => {
    expect(toR1C1("=C9-C4", 10, 2)).not.toBe(toR1C1("=D9+D4", 10, 3));
    expect(toR1C1("=C9+C4", 10, 2)).toBe(toR1C1("=D9+D4", 10, 3));
  });

  it("tells apart a SUM that stops a row short", () => {
    expect(toR1C1("=SUM(C4:C8)", 9, 2)).not.toBe(toR1C1("=SUM(D4:D9)", 9, 3));
  });
});

describe("signedSum", () => {
  const text = (f: string) =>
    signedSum(f)?.map((s) => `${s.coef > 0 ? "+" : "-"}${refToA1(s.ref)}`);

  it("reads SUM, SUBTOTAL 9/109, + chains, minus and brackets as signed references", () => {
    expect(text("=SUM(C4:C9)")).toEqual(["+C4:C9"]);
    expect(text("=SUBTOTAL(9,C4:C9)")).toEqual(["+C4:C9"]);
    expect(text("=SUBTOTAL(109,C4:C9,E4)")).toEqual(["+C4:C9", "+E4"]);
    expect(text("=C4+C5+C6")).toEqual(["+C4", "+C5", "+C6"]);
    expect(text("=C9-C4")).toEqual(["+C9", "-C4"]);
    expect(text("=-C4-(C5-C6)")).toEqual(["-C4", "-C5", "+C6"]);
    expect(text("=C3-SUM(C4:C5)+'Appendix 1'!N55")).toEqual(["+C3", "-C4:C5", "+'Appendix 1'!N55"]);
  });

  it("refuses anything that is not a plain sum of references", () => {
    for (const f of [
      "=C4*2",
      "=SUM(C4:C9)/2",
      "=SUBTOTAL(1,C4:C9)",
      "=AVERAGE(C4:C9)",
      "=100",
      "=C4+1",
      "=#REF!",
      "=SUM(C4,)",
      "=C4+",
    ])
      expect(signedSum(f)).toBeNull();
  });
});

describe("refCovers", () => {
  it("covers cells of its own sheet, another sheet by name, whole rows and columns, never another workbook", () => {
    const [r] = references("=SUM(C4:C9)");
    expect(refCovers(r, "S", "S", 3, 2)).toBe(true);
    expect(refCovers(r, "S", "S", 9, 2)).toBe(false);
    expect(refCovers(r, "S", "T", 3, 2)).toBe(false);
    const [q] = references("='Appendix 1'!C:C");
    expect(refCovers(q, "S", "appendix 1", 500, 2)).toBe(true);
    const [x] = references("=[Book2.xlsx]S!C4");
    expect(refCovers(x, "S", "S", 3, 2)).toBe(false);
  });
});

// ---- Properties ----

const sheetName = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "Sheet1",
    "Appendix 1",
    "Summary",
    "O'Brien's costs",
    "2022-23",
    "Data_1",
    "R1C1",
    "AB12"
  )
);
const workbook = fc.oneof(
  fc.constant(null),
  fc.constantFrom("Book2.xlsx", "Costs [v2].xlsx".replace(/[[\]]/g, ""), "1")
);

interface RefSpec {
  workbook: string | null;
  sheet: string | null;
  shape: "cell" | "range" | "cols" | "rows";
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  abs: boolean[];
}

const refSpec = fc
  .record({
    workbook,
    sheet: sheetName,
    shape: fc.constantFrom<RefSpec["shape"]>("cell", "range", "cols", "rows"),
    r1: fc.integer({ min: 0, max: 1_048_575 }),
    c1: fc.integer({ min: 0, max: 16_383 }),
    r2: fc.integer({ min: 0, max: 1_048_575 }),
    c2: fc.integer({ min: 0, max: 16_383 }),
    abs: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  })
  .map((s): RefSpec => (s.workbook !== null && s.sheet === null ? { ...s, sheet: "Sheet1" } : s));

function refOf(s: RefSpec): FormulaRef {
  const corner = (row: number | null, col: number | null, ar: boolean, ac: boolean): RefCorner => ({
    row,
    col,
    absRow: row === null ? false : ar,
    absCol: col === null ? false : ac,
  });
  const [a, b, c, d] = s.abs;
  const base = { workbook: s.workbook, sheet: s.sheet };
  switch (s.shape) {
    case "cell": {
      const k = corner(s.r1, s.c1, a, b);
      return { ...base, start: k, end: k };
    }
    case "range":
      return { ...base, start: corner(s.r1, s.c1, a, b), end: corner(s.r2, s.c2, c, d) };
    case "cols":
      return { ...base, start: corner(null, s.c1, a, b), end: corner(null, s.c2, c, d) };
    case "rows":
      return { ...base, start: corner(s.r1, null, a, b), end: corner(s.r2, null, c, d) };
  }
}

describe("properties", () => {
  it("reference extraction round-trips A1 text", () => {
    fc.assert(
      fc.property(
        fc.array(refSpec, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom("+", "-", ",", "*"), { minLength: 6, maxLength: 6 }),
        (specs, ops) => {
          const refs = specs.map(refOf);
          const texts = refs.map(refToA1);
          const formula = `=SUM(${texts.map((t, i) => (i === 0 ? t : ops[i] + t)).join("")})`;
          const read = references(formula);
          expect(read).toEqual(refs);
          expect(read.map(refToA1)).toEqual(texts);
        }
      ),
      { numRuns: 500 }
    );
  });

  /** A reference relative to its formula's cell: offsets for relative parts, fixed places for absolute ones. */
  const relativeRef = fc.record({
    sheet: fc.constantFrom(null, "Appendix 1", "Summary"),
    dr1: fc.integer({ min: -20, max: 20 }),
    dc1: fc.integer({ min: -20, max: 20 }),
    span: fc.option(
      fc.record({ dr: fc.integer({ min: 0, max: 10 }), dc: fc.integer({ min: 0, max: 10 }) })
    ),
    abs: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    fixed: fc.record({ r: fc.integer({ min: 0, max: 50 }), c: fc.integer({ min: 0, max: 50 }) }),
  });
  type RelativeRef = typeof relativeRef extends fc.Arbitrary<infer T> ? T : never;

  /** The A1 text of a relative reference written in the cell (row, col): what Excel's fill gives. */
  function placed(r: RelativeRef, row: number, col: number): string {
    const corner = (dr: number, dc: number, ar: boolean, ac: boolean): RefCorner => ({
      row: ar ? r.fixed.r + 20 + dr : row + dr,
      col: ac ? r.fixed.c + 20 + dc : col + dc,
      absRow: ar,
      absCol: ac,
    });
    const start = corner(r.dr1, r.dc1, r.abs[0], r.abs[1]);
    const end = r.span ? corner(r.dr1 + r.span.dr, r.dc1 + r.span.dc, r.abs[2], r.abs[3]) : start;
    return refToA1({ workbook: null, sheet: r.sheet, start, end });
  }

  const template = fc.record({
    refs: fc.array(relativeRef, { minLength: 1, maxLength: 5 }),
    ops: fc.array(fc.constantFrom("+", "-", ","), { minLength: 5, maxLength: 5 }),
    wrap: fc.constantFrom("SUM", "SUBTOTAL", "none"),
  });

  function formulaAt(
    t: typeof template extends fc.Arbitrary<infer T> ? T : never,
    row: number,
    col: number
  ): string {
    const body = t.refs.map((r, i) => (i === 0 ? "" : t.ops[i]) + placed(r, row, col)).join("");
    if (t.wrap === "SUM") return `=SUM(${body})`;
    if (t.wrap === "SUBTOTAL") return `=SUBTOTAL(9,${body})`;
    return `=${body.replace(/,/g, "+")}`;
  }

  it("R1C1 of a formula copied across a row (or down a column) is identical", () => {
    fc.assert(
      fc.property(
        template,
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (t, row, col, k, across) => {
          const r2 = across ? row : row + k;
          const c2 = across ? col + k : col;
          const here = formulaAt(t, row, col);
          const there = formulaAt(t, r2, c2);
          expect(toR1C1(there, r2, c2)).toBe(toR1C1(here, row, col));
        }
      ),
      { numRuns: 500 }
    );
  });

  it("R1C1 differs when one relative reference of the copy points elsewhere", () => {
    fc.assert(
      fc.property(
        template,
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 1, max: 5 }),
        (t, at, shift) => {
          const moved = {
            ...t,
            refs: [
              { ...t.refs[0], abs: [false, false, false, false], dr1: t.refs[0].dr1 + shift },
              ...t.refs.slice(1),
            ],
          };
          const original = {
            ...t,
            refs: [{ ...t.refs[0], abs: [false, false, false, false] }, ...t.refs.slice(1)],
          };
          expect(toR1C1(formulaAt(moved, at, at + 1), at, at + 1)).not.toBe(
            toR1C1(formulaAt(original, at, at), at, at)
          );
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("translateFormula", () => {
  it("moves relative parts as Excel's fill does and keeps absolute ones", () => {
    expect(translateFormula("=D11+D6", 11, 3, 11, 4)).toBe("=E11+E6");
    expect(translateFormula("=SUM($B4:B$5)*'Appendix 1'!$C$9", 5, 1, 6, 3)).toBe(
      "=SUM($B5:D$5)*'Appendix 1'!$C$9"
    );
    expect(translateFormula("='[Book2.xlsx]S'!B2+Sheet2!#REF!", 3, 3, 4, 3)).toBe(
      "='[Book2.xlsx]S'!B3+Sheet2!#REF!"
    );
    expect(translateFormula("=B2", 3, 3, 0, 3)).toBeNull();
  });

  it("agrees with toR1C1: the translated formula has the same R1C1 form in its new cell", () => {
    fc.assert(
      fc.property(
        fc.array(refSpec, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (specs, dr, dc) => {
          const formula = `=SUM(${specs.map((s) => refToA1(refOf(s))).join(",")})`;
          const moved = translateFormula(formula, 40, 40, 40 + dr, 40 + dc);
          if (moved === null) return;
          expect(toR1C1(moved, 40 + dr, 40 + dc)).toBe(toR1C1(formula, 40, 40));
        }
      ),
      { numRuns: 300 }
    );
  });
});
