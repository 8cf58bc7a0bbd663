/**
 * Random sheets for fuzzing, built from every kind of cell Excel hands over: errors, date serials
 * with date formats, huge and tiny numbers, strings that look like numbers, blanks (including the
 * blanks to the right of a merged label), booleans. Half the sheets are shaped like a payback grid
 * (title, month header row, labelled lines) so the fuzzing reaches past the grid reader into the
 * engine, reconciliation and the write planner; the rest are noise.
 */
import fc from "fast-check";
import { dateToSerial } from "../../src/engine";
import type { CellValue, SheetSnapshot } from "../../src/sheet";

const ERRORS = [
  "#N/A",
  "#DIV/0!",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];
const NUMBER_LIKE_TEXT = [
  "(1,234)",
  "£1.2k",
  "1e5",
  "--",
  "-",
  "–",
  "n/a",
  "N/A",
  "nil",
  "tbc",
  "TBC",
  "0",
  "(0)",
  "£0.5m",
  "1,234.56",
  "12,34",
  "1.2.3",
  "£",
  "(",
  ")",
  "()",
  "-£1,000",
  "£-1,000",
  "1.2bn",
  "1 234",
  "١٢٣",
  "∞",
  "NaN",
  "Infinity",
  "-0",
  "0x1F",
  "  42  ",
  "42%",
  "cr",
  "100cr",
];
const LABELS = [
  "Investment from SMBC",
  "Investment from Trust",
  "Total investment",
  "Return",
  "Residential",
  "Saving",
  "Savings",
  "Cost",
  "Funding",
  "Reduction",
  "Total return",
  "Total",
  "Net",
  "In month (cost) / return",
  "Cum (cost) / return",
  "Cumulative",
  "Notes",
  "Ref",
  "Grand total",
  "Net saving to council",
  "Investment",
  "Return on investment",
  "£000s",
  "£k",
  "Year 1",
  "2022/23",
  "Apr-22",
  "<img src=x onerror=alert(1)>",
  "=1+1",
  "",
  " ",
];
const DATE_FORMATS = [
  "mmm-yy",
  "dd/mm/yyyy",
  "mmmm yyyy",
  "yyyy-mm-dd",
  "[$-809]mmm-yy;@",
  "d-mmm",
];
const NUMBER_FORMATS = ["General", "#,##0;(#,##0)", "£#,##0", "0.00", '#,##0,"k"', "0%", "@", null];

const errorCell = fc.constantFrom(...ERRORS).map((error): CellValue => ({ error }));
const extremeNumber = fc.constantFrom(
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  1e-12,
  Number.MAX_SAFE_INTEGER + 2,
  -0,
  1e21,
  123456789012.345,
  0.1 + 0.2
);
const ordinaryNumber = fc.oneof(
  fc.integer({ min: -50000, max: 50000 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true })
);
const dateSerial = fc.integer({ min: 1, max: 2958465 }); // 1900-01-01 .. 9999-12-31

/** One cell of any kind, with its number format. */
export const anyCell: fc.Arbitrary<{ value: CellValue; format: string | null }> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ value: null, format: null }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(ordinaryNumber, fc.constantFrom(...NUMBER_FORMATS))
      .map(([value, format]) => ({ value, format })),
  },
  { weight: 1, arbitrary: extremeNumber.map((value) => ({ value, format: "General" })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(dateSerial, fc.constantFrom(...DATE_FORMATS))
      .map(([value, format]) => ({ value, format })),
  },
  { weight: 1, arbitrary: errorCell.map((value) => ({ value, format: null })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...NUMBER_LIKE_TEXT).map((value) => ({ value, format: "@" })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...LABELS).map((value) => ({ value, format: null })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((value) => ({ value, format: null })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value, format: null })) }
);

/** An amount cell of a grid line: mostly numbers, sometimes anything at all. */
const amountCell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: -20000, max: 20000 })
      .map((value) => ({ value: value as CellValue, format: "#,##0;(#,##0)" as string | null })),
  },
  {
    weight: 2,
    arbitrary: fc.constant({ value: null as CellValue, format: null as string | null }),
  },
  { weight: 1, arbitrary: anyCell }
);

function assemble(
  name: string,
  top: number,
  left: number,
  grid: { value: CellValue; format: string | null }[][]
): SheetSnapshot {
  return {
    sheetName: name,
    top,
    left,
    values: grid.map((row) => row.map((c) => c.value)),
    numberFormats: grid.map((row) => row.map((c) => c.format)),
    formulas: grid.map((row) => row.map(() => null)),
  };
}

/** A sheet of random cells, 1-10 rows by 1-10 columns, anywhere on the sheet. */
export const noiseSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    top: fc.integer({ min: 0, max: 5 }),
    left: fc.integer({ min: 0, max: 5 }),
    grid: fc.array(fc.array(anyCell, { minLength: 1, maxLength: 10 }), {
      minLength: 1,
      maxLength: 10,
    }),
  })
  .map(({ top, left, grid }) => assemble("Fuzz", top, left, grid));

type HeaderStyle = "serial" | "text" | "fy";

function headerCell(
  style: HeaderStyle,
  year: number,
  month: number,
  i: number
): { value: CellValue; format: string | null } {
  const m0 = month - 1 + i;
  const y = year + Math.floor(m0 / 12);
  const m = (m0 % 12) + 1;
  if (style === "serial") return { value: dateToSerial(y, m), format: "mmm-yy" };
  if (style === "text")
    return {
      value: `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]}-${String(y % 100).padStart(2, "0")}`,
      format: null,
    };
  return { value: `${year + i}/${String((year + i + 1) % 100).padStart(2, "0")}`, format: null };
}

/**
 * A sheet shaped like a payback grid: optional title and blank rows, a header row of periods
 * (dates, text months or financial years) with a label column, then labelled lines of amounts
 * peppered with odd cells. Some headers are replaced by odd cells too.
 */
export const gridLikeSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    top: fc.integer({ min: 0, max: 4 }),
    left: fc.integer({ min: 0, max: 3 }),
    title: fc.option(
      fc.constantFrom("Monthly Analysis of Investment and Returns", "£000s", "Invest to save case"),
      { nil: null }
    ),
    style: fc.constantFrom<HeaderStyle>("serial", "text", "fy"),
    startYear: fc.integer({ min: 1995, max: 2040 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    periods: fc.integer({ min: 1, max: 14 }),
    oddHeaders: fc.array(fc.tuple(fc.nat(), anyCell), { maxLength: 2 }),
    /** Usually an investment line and a return line whose labels say so, then any lines at all. */
    clearLines: fc.option(
      fc.tuple(
        fc.constantFrom("Investment", "Investment from SMBC", "Cost of new team", "Funding"),
        fc.constantFrom("Saving", "Residential", "Reduction in placements", "Return"),
        fc.array(fc.integer({ min: -20000, max: -1 }), { minLength: 14, maxLength: 14 }),
        fc.array(fc.integer({ min: 0, max: 30000 }), { minLength: 14, maxLength: 14 })
      ),
      { nil: null, freq: 4 }
    ),
    lines: fc.array(
      fc.tuple(fc.constantFrom(...LABELS), fc.array(amountCell, { minLength: 14, maxLength: 14 })),
      { minLength: 0, maxLength: 6 }
    ),
    /** Blank rows, then notes or another table below the grid: the planner must write around them. */
    gapBelow: fc.integer({ min: 0, max: 3 }),
    below: fc.array(fc.array(anyCell, { minLength: 1, maxLength: 16 }), { maxLength: 4 }),
  })
  .map(
    ({
      top,
      left,
      title,
      style,
      startYear,
      startMonth,
      periods,
      oddHeaders,
      clearLines,
      lines,
      gapBelow,
      below,
    }) => {
      const width = periods + 1;
      const blank = { value: null as CellValue, format: null as string | null };
      const rows: { value: CellValue; format: string | null }[][] = [];
      if (title !== null)
        rows.push([{ value: title, format: null }, ...Array(width - 1).fill(blank)]);
      const header = [
        { value: "" as CellValue, format: null as string | null },
        ...Array.from({ length: periods }, (_, i) => headerCell(style, startYear, startMonth, i)),
      ];
      for (const [at, cell] of oddHeaders) header[1 + (at % periods)] = cell;
      rows.push(header);
      const money = (value: number) => ({
        value: value as CellValue,
        format: "#,##0;(#,##0)" as string | null,
      });
      if (clearLines !== null) {
        const [investLabel, returnLabel, invest, returns] = clearLines;
        rows.push([{ value: investLabel, format: null }, ...invest.slice(0, periods).map(money)]);
        rows.push([{ value: returnLabel, format: null }, ...returns.slice(0, periods).map(money)]);
      }
      for (const [label, amounts] of lines)
        rows.push([{ value: label, format: null }, ...amounts.slice(0, periods)]);
      if (below.length > 0) for (let g = 0; g < gapBelow; g++) rows.push([blank]);
      rows.push(...below);
      return assemble("Fuzz", top, left, rows);
    }
  );

export const anySheet: fc.Arbitrary<SheetSnapshot> = fc.oneof(gridLikeSheet, noiseSheet);
