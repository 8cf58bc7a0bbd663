/**
 * The direct reader of plain sums against the general reader (tokenize, then SumParser), which is
 * its oracle: wherever the direct reader gives an answer it must be the general reader's, and it
 * must give one for the plain forms a large sheet is full of.
 */
import fc from "fast-check";
import {
  columnLetters,
  PlainSumAreas,
  refBounds,
  signedSum,
  signedSumOf,
  tokenize,
} from "../../src/sheet";
import { plainSum } from "../../src/sheet/formulaPlainSum";

const general = (f: string) => signedSumOf(tokenize(f));

const corner = (row: number, col: number, absRow = false, absCol = false) => ({
  row,
  col,
  absRow,
  absCol,
});

describe("plainSum, by hand", () => {
  it("reads =SUM(C4:C9) as one range added", () => {
    // C is column index 2; rows 4 and 9 are 0-based 3 and 8.
    expect(plainSum("=SUM(C4:C9)")).toStrictEqual([
      { ref: { workbook: null, sheet: null, start: corner(3, 2), end: corner(8, 2) }, coef: 1 },
    ]);
  });

  it("reads =C9-C4 and =-(A1-$B$2) with their signs", () => {
    const c9 = corner(8, 2);
    const c4 = corner(3, 2);
    expect(plainSum("=C9-C4")).toStrictEqual([
      { ref: { workbook: null, sheet: null, start: c9, end: c9 }, coef: 1 },
      { ref: { workbook: null, sheet: null, start: c4, end: c4 }, coef: -1 },
    ]);
    // -(A1 - B2): A1 taken away, B2 added back.
    const a1 = corner(0, 0);
    const b2 = corner(1, 1, true, true);
    expect(plainSum("=-(A1-$B$2)")).toStrictEqual([
      { ref: { workbook: null, sheet: null, start: a1, end: a1 }, coef: -1 },
      { ref: { workbook: null, sheet: null, start: b2, end: b2 }, coef: 1 },
    ]);
  });

  it("leaves to the general reader whatever is not a plain form", () => {
    for (const f of [
      "=Sheet2!A1+B1",
      "=SUM(A1:A3) ",
      "=SUBTOTAL(9,A1:A3)",
      "=A1*2",
      "=A1+5",
      "=#REF!+A1",
      "=[1]Sheet1!A1",
      "=SUMX(A1)",
      "=XFE1+A1",
      "A1+B1",
    ])
      expect(plainSum(f)).toBeUndefined();
    // The general reader still reads the ones that are sums.
    expect(signedSum("=SUBTOTAL(9,A1:A3)")).toHaveLength(1);
    expect(signedSum("=SUM(A1:A3) ")).toHaveLength(1);
  });
});

// Generated formulas: plain ones built from the grammar, and the same with noise put in.
const colArb = fc.integer({ min: 0, max: 16_383 }).map(columnLetters);
const rowArb = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1_048_576 }));
const dollar = fc.constantFrom("", "$");
const cellArb = fc
  .tuple(dollar, colArb, dollar, rowArb)
  .map(([a, c, b, r]) => `${a}${c}${b}${r}`)
  .chain((c) => fc.constantFrom(c, c.toLowerCase()));
const refArb = fc.oneof(
  { weight: 4, arbitrary: cellArb },
  { weight: 4, arbitrary: fc.tuple(cellArb, cellArb).map(([a, b]) => `${a}:${b}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(dollar, colArb, dollar, colArb).map((p) => `${p[0]}${p[1]}:${p[2]}${p[3]}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(dollar, rowArb, dollar, rowArb).map((p) => `${p[0]}${p[1]}:${p[2]}${p[3]}`),
  }
);
const signs = fc.constantFrom("", "", "", "-", "+", "--", "+-");

const exprArb: fc.Arbitrary<string> = fc.letrec<{ expr: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { maxDepth: 3 },
    { weight: 6, arbitrary: refArb },
    { weight: 1, arbitrary: tie("expr").map((e) => `(${e})`) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom("SUM", "sum", "Sum"),
          fc.array(tie("expr"), { minLength: 1, maxLength: 3 })
        )
        .map(([name, args]) => `${name}(${args.join(",")})`),
    }
  ),
  expr: fc
    .array(fc.tuple(fc.constantFrom("+", "-"), signs, tie("atom")), { minLength: 1, maxLength: 4 })
    .map((terms) => terms.map(([op, s, a], i) => `${i === 0 ? "" : op}${s}${a}`).join("")),
})).expr;

const plainArb = exprArb.map((e) => `=${e}`);

const noise = fc.constantFrom(
  " ",
  "!",
  "'",
  "#",
  "[",
  "]",
  '"',
  ".",
  "*",
  "0",
  "9",
  "A",
  "$",
  ":",
  ",",
  "(",
  ")",
  "+",
  "-",
  "Sheet1!",
  "'My sheet'!",
  "[1]",
  "#REF!",
  "SUBTOTAL(9,",
  "TRUE",
  "_x",
  "R1C1",
  "XFD",
  "1048577"
);
const noisyArb = fc
  .tuple(plainArb, fc.array(fc.tuple(fc.nat(), noise), { minLength: 1, maxLength: 3 }))
  .map(([f, edits]) => {
    let out = f;
    for (const [at, text] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + text + out.slice(i);
    }
    return out;
  });

describe("plainSum against the general reader", () => {
  it("gives the general reader's answer wherever it gives one, on plain and noisy formulas", () => {
    fc.assert(
      fc.property(fc.oneof(plainArb, noisyArb), (f) => {
        const fast = plainSum(f);
        if (fast !== undefined) expect(fast).toStrictEqual(general(f));
        expect(signedSum(f)).toStrictEqual(general(f));
      }),
      { numRuns: 2000 }
    );
  });

  it("reads every plain form itself when its references lie on the sheet", () => {
    fc.assert(
      fc.property(plainArb, (f) => {
        // Rows past 1,048,576 cannot be generated, so every reference lies on the sheet.
        expect(plainSum(f)).not.toBeUndefined();
      }),
      { numRuns: 1000 }
    );
  });
});

describe("PlainSumAreas", () => {
  it("reads where each reference points, by hand", () => {
    const areas = new PlainSumAreas();
    // C9:C4 is rows 8 and 3 (0-based), column 2: top 3, bottom 8. B:A spans every row, columns 0-1.
    expect(areas.read("=SUM(C9:C4)-B:A")).toBe(true);
    expect(areas.count).toBe(2);
    expect(areas.edges.slice(0, 8)).toStrictEqual([3, 8, 2, 2, 0, 1_048_575, 0, 1]);
    // A later formula's areas replace the earlier's: 5:7 is rows 4-6 across every column.
    expect(areas.read("=$5:7")).toBe(true);
    expect(areas.count).toBe(1);
    expect(areas.edges.slice(0, 4)).toStrictEqual([4, 6, 0, 16_383]);
    expect(areas.read("=Sheet2!A1+B1")).toBe(false);
  });

  it("gives the rectangles of plainSum's references, one reader for many formulas", () => {
    const areas = new PlainSumAreas();
    fc.assert(
      fc.property(fc.oneof(plainArb, noisyArb), (f) => {
        const refs = plainSum(f);
        expect(areas.read(f)).toBe(refs !== undefined);
        if (refs === undefined) return;
        expect(areas.count).toBe(refs.length);
        refs.forEach(({ ref }, i) => {
          const b = refBounds(ref);
          expect(areas.edges.slice(i * 4, i * 4 + 4)).toStrictEqual([
            b.top,
            b.bottom,
            b.left,
            b.right,
          ]);
        });
      }),
      { numRuns: 2000 }
    );
  });
});
