/**
 * The formula findings through the whole reconciliation: on the formula fixture (one of each
 * kind, expected findings written by hand from its formulas), on every existing fixture (no
 * false alarm), and on generated grids whose totals are correct formulas of every usual style
 * (no false alarm), with a planted omission that must be found.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readWorkbook } from "../../src/file";
import { analyseWorkbook, reconciliationText, type ReconciliationReport } from "../../src/grid";
import { reconcileMarks } from "../../src/grid/plan";
import { detectGrid } from "../../src/grid/read";
import { reconcileSheet } from "../../src/grid/reconcile";
import { reconciliationJson } from "../../src/grid/report";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/sheet";
import { formulaSheet, type Written } from "../support/formulaSheet";

const FIXTURES = path.join(__dirname, "..", "fixtures");

describe("the formula fixture (reconcile-formulas.xlsx)", () => {
  let report: ReconciliationReport;
  beforeAll(async () => {
    const workbook = await readWorkbook(path.join(FIXTURES, "reconcile-formulas.xlsx"));
    const run = analyseWorkbook(workbook, { sheet: "Case" });
    report = run[0].analysis.reconciliation;
  });

  it("finds one of each kind, naming the cells", () => {
    const json = reconciliationJson(report);
    expect(json.formulaFindings.map((f) => [f.cell, f.kind, f.cells])).toEqual([
      ["Case!F6", "hard-coded", ["Case!E6"]],
      ["Case!G9", "error", []],
      ["Case!D11", "omits-part", ["Case!D10"]],
      ["Case!E12", "inconsistent", ["Case!D12", "Case!F12"]],
      ["Summary!F3", "external", []],
    ]);
    const detail = new Map(json.formulaFindings.map((f) => [f.cell, f.detail]));
    expect(detail.get("Case!D11")).toBe(
      "D11 (Total savings, 2022/23) is =SUM(D8:D9), which leaves out D10 (10,000): the total misses 10,000 because of it."
    );
    expect(detail.get("Case!F6")).toContain(
      "typed (10,000) where E6 is a formula (=SUM(F4:F5) would be the formula here), right today"
    );
    expect(detail.get("Case!E12")).toContain(
      "is =E11-E6, out of line with the 4 other cells of Net saving / (cost), which would read =E11+E6 here"
    );
    expect(detail.get("Case!G9")).toContain("#REF!");
    expect(detail.get("Summary!F3")).toContain("another workbook");
  });

  it("ties the one wrong figure to its formula, and every other figure adds up", () => {
    // D11 states 180,000: its three lines add up to 190,000 (120,000 + 60,000 + 10,000).
    expect(
      report.mismatch.map((f) => [f.sheet, f.cell, f.stated, f.expected, f.rootCause])
    ).toEqual([["Case", "D11", 180000, 190000, "D11"]]);
    expect(report.mismatch[0].explanation).toContain("Its formula leaves out D10.");
    // G9's #REF! cannot be checked: it is unverified, never a mismatch.
    expect(report.unverified.map((u) => u.cell)).toContain("G9");
  });

  it("reports them in the text of itos reconcile", () => {
    const text = reconciliationText(report);
    expect(text).toContain(
      "  FORMULA Case!D11 (formula leaves out a part): D11 (Total savings, 2022/23) is =SUM(D8:D9)"
    );
    expect(text).toContain("  FORMULA Summary!F3 (figure from another workbook):");
    expect(text).toMatch(/unverified\. 5 formula findings\.$/);
  });

  it("marks each on the sheet: the mismatch red with its formula's note, the others blue", () => {
    const marks = reconcileMarks(report);
    const at = (sheet: string, row: number, col: number) =>
      marks.find((m) => m.sheet === sheet && m.row === row && m.col === col);
    expect(at("Case", 10, 3)).toMatchObject({ fill: "#FFC7CE" });
    expect(at("Case", 10, 3)!.note).toContain(
      "formula leaves out a part: D11 (Total savings, 2022/23)"
    );
    for (const [sheet, row, col] of [
      ["Case", 5, 5],
      ["Case", 8, 6],
      ["Case", 11, 4],
      ["Summary", 2, 5],
    ] as const)
      expect(at(sheet, row, col)).toMatchObject({ fill: "#DDEBF7" });
    expect(marks).toHaveLength(5);
  });
});

/** Every sheet of every workbook of a fixture folder that holds a grid, reconciled. */
async function formulaFindingsIn(folder: string): Promise<{ sheets: number; findings: string[] }> {
  let sheets = 0;
  const findings: string[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()) {
    if (file === "reconcile-formulas.xlsx") continue;
    const workbook = await readWorkbook(path.join(folder, file));
    for (const sheet of workbook.sheets) {
      let model;
      try {
        model = detectGrid(sheet);
      } catch {
        continue; // no grid on this sheet
      }
      sheets++;
      const report = reconcileSheet(model, sheet, workbook);
      for (const f of report.formulaFindings)
        findings.push(`${file} ${f.sheet}!${f.cell} ${f.kind}: ${f.detail}`);
    }
  }
  return { sheets, findings };
}

describe("no false alarm on the existing fixtures", () => {
  it("test/fixtures: no formula finding", async () => {
    const { sheets, findings } = await formulaFindingsIn(FIXTURES);
    expect(sheets).toBeGreaterThanOrEqual(12);
    expect(findings).toEqual([]);
  });

  it("test/fixtures/real-layouts: no formula finding", async () => {
    // The reader finds a grid without help on only some of these layouts so far; every grid it
    // does read is reconciled here.
    const { sheets, findings } = await formulaFindingsIn(path.join(FIXTURES, "real-layouts"));
    expect(sheets).toBeGreaterThanOrEqual(1);
    expect(findings).toEqual([]);
  });
});

// ---- Generated grids whose totals are correct formulas ----

const col = (c: number) => String.fromCharCode(65 + c);

interface GridSpec {
  years: number;
  investments: number[][];
  returns: number[][];
  /** A blank row inside the investment lines (a row inserted inside the SUM range, left empty). */
  spacer: boolean;
  totalStyle: "sum" | "chain" | "subtotal" | "row-absolute";
  netStyle: "plus" | "sum" | "minus-negated";
  cumStyle: "previous" | "anchored";
  totalColumn: "none" | "sum" | "chain" | "subtotal" | "of-totals";
}

const YEAR_LABELS = [
  "2018/19",
  "2019/20",
  "2020/21",
  "2021/22",
  "2022/23",
  "2023/24",
  "2024/25",
  "2025/26",
];

const gridSpec: fc.Arbitrary<GridSpec> = fc.integer({ min: 3, max: 8 }).chain((years) => {
  const amounts = (lo: number, hi: number) =>
    fc.array(fc.integer({ min: lo, max: hi }), { minLength: years, maxLength: years });
  return fc.record({
    years: fc.constant(years),
    investments: fc.array(amounts(-90000, 0), { minLength: 1, maxLength: 4 }),
    returns: fc.array(amounts(0, 80000), { minLength: 1, maxLength: 4 }),
    spacer: fc.boolean(),
    totalStyle: fc.constantFrom("sum", "chain", "subtotal", "row-absolute"),
    netStyle: fc.constantFrom("plus", "sum", "minus-negated"),
    cumStyle: fc.constantFrom("previous", "anchored"),
    totalColumn: fc.constantFrom("none", "sum", "chain", "subtotal", "of-totals"),
  });
});

/** The grid as written: rows of labels, typed amounts and formulas; and where its totals are. */
function writeGrid(spec: GridSpec): { rows: Written[][]; totalSavingsRow: number } {
  const first = 1; // column B
  const last = first + spec.years - 1;
  const tc = last + 1;
  const rows: Written[][] = [
    ["Invest to save (£)"],
    [],
    [null, ...YEAR_LABELS.slice(0, spec.years), ...(spec.totalColumn === "none" ? [] : ["Total"])],
  ];
  const sumOf = (c: number, top: number, bottom: number, cells: number[]) => {
    const L = col(c);
    switch (spec.totalStyle) {
      case "sum":
        return `=SUM(${L}${top}:${L}${bottom})`;
      case "subtotal":
        return `=SUBTOTAL(9,${L}${top}:${L}${bottom})`;
      case "row-absolute":
        return `=SUM(${L}$${top}:${L}$${bottom})`;
      case "chain":
        return `=${cells.map((r) => `${L}${r}`).join("+")}`;
    }
  };
  const rowTotal = (r: number) => {
    const a = `${col(first)}${r}`;
    const b = `${col(last)}${r}`;
    if (spec.totalColumn === "chain")
      return `=${Array.from({ length: spec.years }, (_, i) => `${col(first + i)}${r}`).join("+")}`;
    if (spec.totalColumn === "subtotal") return `=SUBTOTAL(9,${a}:${b})`;
    return `=SUM(${a}:${b})`;
  };
  const withTotal = (label: string, amounts: Written[], r: number): Written[] =>
    spec.totalColumn === "none" ? [label, ...amounts] : [label, ...amounts, rowTotal(r)];

  const invRows: number[] = [];
  spec.investments.forEach((amounts, i) => {
    if (spec.spacer && i === 1) rows.push([]);
    const r = rows.length + 1;
    invRows.push(r);
    rows.push(withTotal(`Investment line ${i + 1}`, amounts, r));
  });
  if (spec.spacer && spec.investments.length === 1) rows.push([]);
  const invTop = 4;
  const invBottom = rows.length;
  const totalInv = rows.length + 1;
  const byTotals = (c: number, from: number, to: number) => `=SUM(${col(c)}${from}:${col(c)}${to})`;
  rows.push([
    "Total investment",
    ...Array.from({ length: spec.years }, (_, i) => sumOf(first + i, invTop, invBottom, invRows)),
    ...(spec.totalColumn === "none"
      ? []
      : [spec.totalColumn === "of-totals" ? byTotals(tc, invTop, invBottom) : rowTotal(totalInv)]),
  ]);
  rows.push(["Savings"]);
  const retTop = rows.length + 1;
  const retRows: number[] = [];
  spec.returns.forEach((amounts, i) => {
    const r = rows.length + 1;
    retRows.push(r);
    rows.push(withTotal(`Saving line ${i + 1}`, amounts, r));
  });
  const retBottom = rows.length;
  const totalRet = rows.length + 1;
  rows.push([
    "Total savings",
    ...Array.from({ length: spec.years }, (_, i) => sumOf(first + i, retTop, retBottom, retRows)),
    ...(spec.totalColumn === "none"
      ? []
      : [spec.totalColumn === "of-totals" ? byTotals(tc, retTop, retBottom) : rowTotal(totalRet)]),
  ]);
  const net = rows.length + 1;
  const netOf = (c: number) => {
    const L = col(c);
    if (spec.netStyle === "sum") return `=SUM(${L}${totalRet},${L}${totalInv})`;
    if (spec.netStyle === "minus-negated") return `=${L}${totalRet}-(-${L}${totalInv})`;
    return `=${L}${totalRet}+${L}${totalInv}`;
  };
  rows.push([
    "Net saving / (cost)",
    ...Array.from({ length: spec.years }, (_, i) => netOf(first + i)),
    ...(spec.totalColumn === "none" ? [] : [netOf(tc)]),
  ]);
  const cum = rows.length + 1;
  rows.push([
    "Cumulative saving / (cost)",
    ...Array.from({ length: spec.years }, (_, i) => {
      const L = col(first + i);
      if (spec.cumStyle === "anchored") return `=SUM($${col(first)}$${net}:${L}${net})`;
      return i === 0 ? `=${L}${net}` : `=${col(first + i - 1)}${cum}+${L}${net}`;
    }),
  ]);
  return { rows, totalSavingsRow: totalRet };
}

function reconcileRows(rows: Written[][]): ReconciliationReport {
  const sheet = formulaSheet("Case", rows) as SheetSnapshot;
  const workbook: WorkbookSnapshot = { sheets: [sheet] };
  return reconcileSheet(detectGrid(sheet), sheet, workbook);
}

describe("generated grids whose totals are correct formulas", () => {
  it("raise no formula finding and no mismatch", () => {
    fc.assert(
      fc.property(gridSpec, (spec) => {
        const report = reconcileRows(writeGrid(spec).rows);
        expect(report.formulaFindings).toEqual([]);
        expect(report.mismatch).toEqual([]);
        expect(report.checked).toBeGreaterThan(spec.years * 3);
      }),
      { numRuns: 60 }
    );
  });

  it("and the same grids with one year's Total savings stopping a row short are caught", () => {
    fc.assert(
      fc.property(
        gridSpec.filter((s) => s.returns.length >= 2),
        fc.nat(),
        (spec, pick) => {
          const { rows, totalSavingsRow } = writeGrid(spec);
          const c = 1 + (pick % spec.years);
          const L = col(c);
          const firstReturn = totalSavingsRow - spec.returns.length;
          rows[totalSavingsRow - 1][c] = `=SUM(${L}${firstReturn}:${L}${totalSavingsRow - 2})`;
          const report = reconcileRows(rows);
          const omits = report.formulaFindings.filter((f) => f.kind === "omits-part");
          expect(omits.map((f) => f.cell)).toEqual([`${L}${totalSavingsRow}`]);
          expect(omits[0].cells).toEqual([{ sheet: "Case", row: totalSavingsRow - 2, col: c }]);
        }
      ),
      { numRuns: 30 }
    );
  });
});
