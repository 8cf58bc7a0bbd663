/**
 * The formula findings on hand-built tables, with the lines and readings given directly (the
 * wiring into a detected grid is tested in formulaReconcile.test.ts). Expected findings are
 * written by hand from the formulas.
 */
import {
  formulaFindings,
  type FormulaWorkbook,
  type StatedLine,
  type StatedTotal,
} from "../../src/grid/reconcile/formulaFindings";
import type { CellRef as FormulaCell } from "../../src/sheet";
import { formulaSheets, type FormulaSheetSnapshot, type Written } from "../support/formulaSheet";

function workbookOf(sheets: FormulaSheetSnapshot[]): FormulaWorkbook {
  const by = new Map(sheets.map((s) => [s.sheetName, s]));
  return {
    formulaAt: (sheet, row, col) => by.get(sheet)?.formulas[row]?.[col] ?? null,
    valueAt: (sheet, row, col) => by.get(sheet)?.values[row]?.[col] ?? null,
    bounds: (sheet) => {
      const s = by.get(sheet);
      return s
        ? { top: 0, left: 0, bottom: s.values.length - 1, right: s.values[0].length - 1 }
        : null;
    },
  };
}

const at = (row: number, col: number, sheet = "Case"): FormulaCell => ({ sheet, row, col });
const YEARS = ["2020/21", "2021/22", "2022/23", "2023/24", "2024/25"];
const COLS = ["B", "C", "D", "E", "F"];

/** The annual table: rows 4-5 investment, 6 total, 8-10 savings, 11 total, 12 net, 13 cumulative. */
function table(edit: (rows: Written[][]) => void = () => undefined): Written[][] {
  const rows: Written[][] = [
    ["Title"],
    [],
    [null, ...YEARS, "Total"],
    ["Capital", -200000, -100000, 0, 0, 0, "=SUM(B4:F4)"],
    ["Revenue", -50000, -50000, -25000, 0, -10000, "=SUM(B5:F5)"],
    ["Total investment", ...COLS.map((c) => `=SUM(${c}4:${c}5)`), "=SUM(B6:F6)"],
    ["Savings"],
    ["Staffing", 0, 80000, 120000, 150000, 150000, "=SUM(B8:F8)"],
    ["Placement", 0, 20000, 60000, 90000, 90000, "=SUM(B9:F9)"],
    ["Income", 0, 5000, 10000, 10000, 10000, "=SUM(B10:F10)"],
    ["Total savings", ...COLS.map((c) => `=SUM(${c}8:${c}10)`), "=SUM(B11:F11)"],
    ["Net", ...COLS.map((c) => `=${c}11+${c}6`), "=G11+G6"],
    ["Cumulative", "=B12", "=B13+C12", "=C13+D12", "=D13+E12", "=E13+F12", "=F13"],
  ];
  edit(rows);
  return rows;
}

/** The lines and totals a grid reader would hand over for that table. */
function structure(): { lines: StatedLine[]; totals: StatedTotal[] } {
  const periodLine = (row: number, label: string, running = false): StatedLine => ({
    label,
    cells: [1, 2, 3, 4, 5].map((c) => at(row, c)),
    subjects: YEARS.map((y) => `${label}, ${y}`),
    compareForms: true,
    running,
  });
  const lines = [
    periodLine(5, "Total investment"),
    periodLine(10, "Total savings"),
    periodLine(11, "Net"),
    periodLine(12, "Cumulative", true),
    {
      label: "the Total column",
      cells: [3, 4, 5, 7, 8, 9, 10, 11].map((r) => at(r, 6)),
      subjects: [
        "Capital",
        "Revenue",
        "Total investment",
        "Staffing",
        "Placement",
        "Income",
        "Total savings",
        "Net",
      ].map((l) => `${l}, Total`),
      compareForms: false,
      running: false,
    },
  ];
  const totals: StatedTotal[] = [];
  for (let c = 1; c <= 6; c++) {
    const year = YEARS[c - 1] ?? "Total";
    totals.push({
      cell: at(5, c),
      subject: `Total investment, ${year}`,
      readings: [[at(3, c), at(4, c)]],
    });
    totals.push({
      cell: at(10, c),
      subject: `Total savings, ${year}`,
      readings: [[at(7, c), at(8, c), at(9, c)]],
    });
    totals.push({
      cell: at(11, c),
      subject: `Net, ${year}`,
      readings: [
        [at(10, c), at(5, c)],
        [at(3, c), at(4, c), at(7, c), at(8, c), at(9, c)],
      ],
    });
  }
  for (const r of [3, 4, 7, 8, 9])
    totals.push({
      cell: at(r, 6),
      subject: `row ${r + 1}, Total`,
      readings: [[1, 2, 3, 4, 5].map((c) => at(r, c))],
    });
  return { lines, totals };
}

function findingsOf(
  rows: Written[][],
  extra: Record<string, Written[][]> = {},
  tweak?: (s: ReturnType<typeof structure>) => void
) {
  const s = structure();
  tweak?.(s);
  return formulaFindings(workbookOf(formulaSheets({ Case: rows, ...extra })), s.lines, s.totals);
}

describe("formula findings", () => {
  it("finds nothing in a table whose totals are all correct formulas", () => {
    expect(findingsOf(table())).toEqual([]);
  });

  it("omits-part: a SUM that stops a row short, naming the cell left out and the shortfall", () => {
    const found = findingsOf(table((r) => (r[10][3] = "=SUM(D8:D9)")));
    expect(found.map((f) => [f.cell, f.kind, f.cells])).toEqual([
      ["D11", "omits-part", [at(9, 3)]],
    ]);
    expect(found[0].detail).toBe(
      "D11 (Total savings, 2022/23) is =SUM(D8:D9), which leaves out D10 (10,000): the total misses 10,000 because of it."
    );
  });

  it("omits-part even when the value happens to match (the part left out is blank)", () => {
    const found = findingsOf(
      table((r) => {
        r[9][2] = null; // C10 blank
        r[10][2] = "=C8+C9";
      })
    );
    expect(found.map((f) => [f.cell, f.kind])).toEqual([["C11", "omits-part"]]);
    expect(found[0].detail).toContain("leaves out C10 (blank)");
    expect(found[0].detail).toContain("right for now");
  });

  it("omits-part through the sums a total refers to (a grand total over year totals)", () => {
    // G6 adds the year totals B6:E6 only, so F4 and F5 (2024/25) are left out.
    const found = findingsOf(
      table((r) => (r[5][6] = "=SUM(B6:E6)")),
      {},
      (s) => {
        s.totals.find((t) => t.cell.row === 5 && t.cell.col === 6)!.readings = [
          [3, 4].flatMap((r) => [1, 2, 3, 4, 5].map((c) => at(r, c))),
        ];
      }
    );
    expect(found.map((f) => [f.cell, f.kind, f.cells])).toEqual([
      ["G6", "omits-part", [at(3, 5), at(4, 5)]],
    ]);
    expect(found[0].detail).toContain("leaves out F4 (0) and F5 ((10,000))");
  });

  it("hard-coded: a typed number among formulas, right (a warning) and wrong (with its parts' sum)", () => {
    const right = findingsOf(table((r) => (r[5][5] = -10000)));
    expect(right.map((f) => [f.cell, f.kind, f.cells])).toEqual([["F6", "hard-coded", [at(5, 4)]]]);
    expect(right[0].detail).toBe(
      "F6 (Total investment, 2024/25) is a typed (10,000) where E6 is a formula (=SUM(F4:F5) would be the formula here), right today, but it will not follow changes to its parts."
    );
    const wrong = findingsOf(
      table((r) => (r[5][4] = -5000)),
      {},
      (s) => {
        const t = s.totals.find((x) => x.cell.row === 5 && x.cell.col === 4)!;
        t.status = "mismatch";
        t.expected = 0;
      }
    );
    expect(wrong.map((f) => [f.cell, f.kind])).toEqual([["E6", "hard-coded"]]);
    expect(wrong[0].detail).toContain(
      "D6 and F6 are formulas (=SUM(E4:E5) would be the formula here), and it is wrong: its parts add up to 0."
    );
  });

  it("inconsistent: a net line that subtracts where the others add, naming the majority form", () => {
    const found = findingsOf(table((r) => (r[11][4] = "=E11-E6")));
    expect(found.map((f) => [f.cell, f.kind, f.cells])).toEqual([
      ["E12", "inconsistent", [at(11, 3), at(11, 5)]],
    ]);
    expect(found[0].detail).toBe(
      "E12 (Net, 2023/24) is =E11-E6, out of line with the 4 other cells of Net, which would read =E11+E6 here (=R[-1]C+R[-6]C in R1C1 form)."
    );
  });

  it("does not compare the first cell of a running line, nor call a two-way split inconsistent", () => {
    expect(findingsOf(table((r) => (r[12][1] = "=B12+0*B4")))).toEqual([]);
    // Two forms in equal numbers: no clear majority, so nothing is said.
    const split = table((r) => {
      r[11][1] = "=B6+B11";
      r[11][2] = "=C6+C11";
      r[11][5] = "=F11+F6+0";
    });
    expect(findingsOf(split)).toEqual([]);
  });

  it("error: a #REF! left by a deleted row, and a formula that yields an error", () => {
    const found = findingsOf(
      table((r) => {
        r[8][6] = "=SUM(B9:F9)+#REF!";
        r[11][6] = "=G11/0";
      })
    );
    expect(found.map((f) => [f.cell, f.kind])).toEqual([
      ["G9", "error"],
      ["G12", "error"],
    ]);
    expect(found[0].detail).toContain("refers to a cell that no longer exists (#REF!");
    expect(found[1].detail).toContain("gives the error #DIV/0!");
    // An error passed on from a cell it refers to is that cell's finding only.
    const passedOn = findingsOf(
      table((r) => {
        r[8][6] = "=SUM(B9:F9)+#REF!";
        r[11][6] = "=G11+G6+0*G9";
      })
    );
    expect(passedOn.map((f) => [f.cell, f.kind])).toEqual([["G9", "error"]]);
  });

  it("external: a total that takes its figure from another workbook", () => {
    const s = structure();
    const sheets = formulaSheets({ Case: table() });
    sheets[0].formulas[10][5] = "='[Budget 2019-20.xlsx]Case'!F11";
    const found = formulaFindings(workbookOf(sheets), s.lines, s.totals);
    expect(found.map((f) => [f.cell, f.kind])).toEqual([["F11", "external"]]);
    expect(found[0].detail).toContain("another workbook (Budget 2019-20.xlsx)");
  });

  it("leaves alone totals written some other way than a plain sum, when written alike", () => {
    const rounded = table((r) =>
      COLS.forEach((c, i) => (r[10][i + 1] = `=ROUND(SUM(${c}8:${c}9),0)`))
    );
    expect(findingsOf(rounded)).toEqual([]);
  });
});
