/**
 * What each line of a real table is (issue 10, the tables part), checked against the hand-worked
 * answers in test/support/realLayouts.ts: roles, net and cumulative per period, break-even,
 * crossover, payback per convention and totals.
 */
import * as path from "path";
import Decimal from "decimal.js";
import { readWorkbook } from "../../src/file";
import { analyseSheet, sheetReportJson, sheetReportText } from "../../src/grid";
import { detectGrid } from "../../src/grid/read";
import type { SheetSnapshot } from "../../src/sheet";
import { REAL_CASES, type LineRole as AnswerRole } from "../support/realLayouts";

const DIR = path.join(__dirname, "..", "fixtures", "real-layouts");
const READABLE = [
  "obc-corporate-systems.xlsx",
  "two-tables-savings-and-investment.xlsx",
  "year0-across-cash-flow.xlsx",
  "dcf-cost-plan-option.xlsx",
];

/** The answer's role in the reader's words. */
function readerRoles(role: AnswerRole): string[] {
  switch (role) {
    case "total":
      return ["total-investment", "total-return", "total"];
    case "net":
      return ["net", "net-flow"];
    default:
      return [role];
  }
}

async function sheetOf(file: string, sheet: string): Promise<SheetSnapshot> {
  const wb = await readWorkbook(path.join(DIR, file));
  return wb.sheets.find((s) => s.sheetName === sheet) as SheetSnapshot;
}

const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.plus(b), new Decimal(0));

describe.each(REAL_CASES.filter((c) => READABLE.includes(c.file)))("$file", (c) => {
  let snapshot: SheetSnapshot;
  beforeAll(async () => {
    snapshot = await sheetOf(c.file, c.sheet);
  });

  it("gives each amount line the role of the hand answer", () => {
    const model = detectGrid(snapshot);
    for (const line of c.lines) {
      const got = model.lines.find((l) => l.label === line.label);
      expect({ label: line.label, role: got?.role }).toEqual({
        label: line.label,
        role: expect.stringMatching(new RegExp(`^(${readerRoles(line.role).join("|")})$`)),
      });
    }
    expect(model.excluded.filter((e) => e.holdsMoney)).toEqual([]);
  });

  it("computes net, cumulative, break-even, crossover, paybacks and totals as worked by hand", () => {
    const { result, flows } = analyseSheet(snapshot);
    expect(result.net.map((n) => n.toNumber())).toEqual(c.net);
    expect(result.cumulative.map((n) => n.toNumber())).toEqual(c.cumulative);
    const label = (i: number | null) => (i === null ? null : result.periods[i].label);
    expect(result.breakEven.status === "reached" ? label(result.breakEven.index) : null).toBe(
      c.breakEven
    );
    expect(label(result.crossover)).toBe(c.crossover);
    // Year 0 as time zero is the period axis's part (it marks Year 0); checked with it.
    for (const [convention, years] of Object.entries(c.payback).filter(
      ([k]) => k !== "time-zero" || !c.timeZero
    )) {
      const got = result.paybackByConvention[convention as keyof typeof c.payback];
      if (years === null) expect(got).toBeNull();
      else expect(got?.years.toNumber()).toBeCloseTo(years, 6);
    }
    if (c.shortfall !== undefined && result.breakEven.status === "not-reached")
      expect(result.breakEven.shortfall.toNumber()).toBe(c.shortfall);
    const t = c.totals!;
    const inv = flows.lines.filter((l) => l.role === "investment").flatMap((l) => l.amounts);
    expect(sum(inv).negated().toNumber()).toBe(t.investment);
    const model = detectGrid(snapshot);
    const costLabels = new Set(model.lines.filter((l) => l.role === "cost").map((l) => l.label));
    const ret = flows.lines.filter((l) => l.role === "return");
    expect(
      sum(ret.filter((l) => !costLabels.has(l.label)).flatMap((l) => l.amounts)).toNumber()
    ).toBe(t.return);
    expect(
      sum(ret.filter((l) => costLabels.has(l.label)).flatMap((l) => l.amounts))
        .abs()
        .toNumber()
    ).toBe(t.cost);
    expect(result.totals.net.toNumber()).toBe(t.net);
  });

  it("finds the printed totals as printed: no mismatch", () => {
    const { reconciliation } = analyseSheet(snapshot);
    expect(reconciliation.mismatch.map((m) => m.cell)).toEqual(
      c.statedTotalMismatches.map((m) => m.cell)
    );
  });
});

describe("a role given by the label cell", () => {
  it("turns a return line into a cost by its cell, as the sheet names it", async () => {
    const snapshot = await sheetOf("obc-corporate-systems.xlsx", "Appendix 1");
    const model = detectGrid(snapshot, { roleOverrides: { "'Appendix 1'!A18": "ignored" } });
    expect(model.lines.find((l) => l.label === "Procurement Service efficiencies")?.role).toBe(
      "ignored"
    );
    // 242,000 of efficiencies left out: the net falls by exactly that.
    const before = analyseSheet(snapshot).result.totals.net;
    const after = analyseSheet(snapshot, { roleOverrides: { A18: "ignored" } }).result.totals.net;
    expect(before.minus(after).toNumber()).toBe(242000);
  });
});

describe("a budget table (no investment, no return)", () => {
  it("is refused for payback naming its lines and what to do, and reconciled", async () => {
    const wb = await readWorkbook(
      path.join(__dirname, "..", "fixtures", "reconcile-base-pressure.xlsx")
    );
    const snapshot = wb.sheets[0];
    expect(() => analyseSheet(snapshot)).toThrow(
      /Budget!A4 'Base budget'.*--role Budget!A4=investment/
    );
    const { reconciliation, model } = analyseSheet(snapshot, { reconcileOnly: true });
    expect(reconciliation.mismatch).toEqual([]);
    expect(reconciliation.match).toBe(9);
    expect(model.excluded.map((e) => e.cell)).toEqual(["Budget!A4", "Budget!A5", "Budget!A6"]);
    expect(model.warnings.join("\n")).toContain(
      "Not counted in the payback, though they hold money"
    );
  });
});

describe("property: a Total line that is the sum of no other lines is money", () => {
  // Each run adds "Total <name> costs" (no parts above it, under its own heading) to the two-table
  // case and checks that the net of every period falls by exactly that line's amount.
  const amountsOf = (seed: number) =>
    Array.from({ length: 10 }, (_, i) => ((seed * 7919 + i * 104729) % 90000) + 1000);

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i", async (seed) => {
    const base = await sheetOf("two-tables-savings-and-investment.xlsx", "Business case");
    const amounts = amountsOf(seed);
    const values = base.values.map((r) => [...r]);
    const formats = base.numberFormats?.map((r) => [...r]);
    const width = Math.max(...values.map((r) => r.length));
    const row = (cells: (string | number | null)[]) => {
      values.push(Array.from({ length: width }, (_, j) => cells[j] ?? null));
      formats?.push(Array.from({ length: width }, () => null));
    };
    row([]);
    row([`Ongoing maintenance ${seed}:`]);
    row([`Total running costs ${seed}`, ...amounts]);
    const grown: SheetSnapshot = { ...base, values, numberFormats: formats };
    const before = analyseSheet(base).result.net;
    const after = analyseSheet(grown).result.net;
    after.forEach((n, i) => expect(before[i].minus(n).toNumber()).toBe(amounts[i]));
  });
});

/**
 * Budget tables: lines that are neither investment nor return, reconciled and never paid back.
 * Read as published: their year headings carry the unit ("2024/25 £000", "Year 1 2025/26 £m").
 */
describe.each(
  REAL_CASES.filter((c) =>
    ["oxfordshire-budget-changes-2024-27.xlsx", "gateshead-mtfs-2025-30.xlsx"].includes(c.file)
  )
)("budget table $file", (c) => {
  let snapshot: SheetSnapshot;
  beforeAll(async () => {
    snapshot = await sheetOf(c.file, c.sheet);
  });

  it("gives every amount line the hand answer's role, by its label cell", () => {
    const model = detectGrid(snapshot);
    const byCell = new Map(
      model.lines.map((l) => {
        const row = (l.lineIndex.find((i) => i !== null) as number) + 1;
        return [`A${row}`, l.role as string];
      })
    );
    for (const line of c.lines)
      expect({ cell: line.labelCell, role: byCell.get(line.labelCell) }).toEqual({
        cell: line.labelCell,
        role: expect.stringMatching(new RegExp(`^(${readerRoles(line.role).join("|")})$`)),
      });
  });

  it("reads the periods and the unit from the year headings as published", () => {
    const { model, result } = analyseSheet(snapshot, { reconcileOnly: true });
    const labels = result.periods.map((p) => p.label);
    // Each period is the financial year its heading names, the unit and year number set aside.
    const fyOf = (printed: string) => /\d{4}\/\d{2}/.exec(printed)![0];
    expect([labels[0], labels[labels.length - 1], labels.length]).toEqual([
      fyOf(c.periods!.first),
      fyOf(c.periods!.last),
      c.periods!.count,
    ]);
    const warnings = model.warnings.join("\n");
    if (c.unit === "£000") {
      expect(model.unit).toBe("£000s");
      expect(model.unitSource).toBe(`${c.unitCell}: £000`);
    } else {
      // Millions have no unit of their own: said once, at the first heading, never rescaled.
      expect(c.unit).toBe("£m");
      expect(warnings).toContain(`${c.unitCell} (and 4 more cells) says £m`);
      expect(warnings.match(/£m/g)).toHaveLength(1);
      expect(warnings).not.toContain("no unit stated");
    }
  });

  it("is refused for payback, naming lines and the --role to give, and its totals are checked", () => {
    expect(() => analyseSheet(snapshot)).toThrow(
      new RegExp(`no investment or return lines.*--role ${c.sheet.includes(" ") ? "'" : ""}`)
    );
    const { reconciliation, model } = analyseSheet(snapshot, { reconcileOnly: true });
    // Whole £000s: each printed total off by one is rounding, at the cells the hand answer lists.
    const off = [...reconciliation.mismatch, ...reconciliation.roundingNotes];
    expect(off.map((f) => [f.cell, f.stated, f.expected]).sort()).toEqual(
      c.statedTotalMismatches.map((m) => [m.cell, m.stated, m.sumOfParts]).sort()
    );
    expect(reconciliation.mismatch).toEqual([]);
    expect(model.excluded.length).toBeGreaterThan(0);
    expect(model.excluded.every((e) => e.reason.includes("neither investment nor return"))).toBe(
      true
    );
    const json = sheetReportJson(analyseSheet(snapshot, { reconcileOnly: true }));
    expect(json.breakEven).toBeNull();
    expect(json.paybackYears).toBeNull();
    expect(json.excluded).toEqual(model.excluded);
  });
});

describe("MTFS 'cumulative' savings", () => {
  // A savings table headed "(cumulative)" in MTFS language: each year's full-year saving against
  // the base budget, 100, 250, 250, 300, which is not the running sum of any line.
  const sheet = (cumulativeFigures: number[]): SheetSnapshot => ({
    sheetName: "MTFS savings",
    top: 0,
    left: 0,
    values: [
      [null, "2024/25", "2025/26", "2026/27", "2027/28"],
      ["Invest to save funding", 400, 0, 0, 0],
      ["Savings to be delivered (cumulative)", ...cumulativeFigures],
    ],
  });

  it("reads in-year amounts with a note when the figures are not a running sum", () => {
    const { model, result } = analyseSheet(sheet([100, 250, 250, 300]));
    expect(model.lines.map((l) => l.role)).toEqual(["investment", "return"]);
    // Net: 100 - 400 = -300; 250; 250; 300. Cumulative -300, -50, 200, 500: break-even 2026/27.
    expect(result.net.map((n) => n.toNumber())).toEqual([-300, 250, 250, 300]);
    expect(
      result.breakEven.status === "reached" && result.periods[result.breakEven.index].label
    ).toBe("2026/27");
    expect(model.warnings.join("\n")).toMatch(
      /A3 'Savings to be delivered \(cumulative\)'.*in-year/
    );
  });

  it("checks a real running position and never adds it", () => {
    const s = sheet([100, 250, 250, 300]);
    s.values.push(["Cumulative position", -300, -50, 200, 500]);
    const { model, result, reconciliation } = analyseSheet(s);
    expect(model.lines.map((l) => l.role)).toEqual(["investment", "return", "cumulative"]);
    expect(result.net.map((n) => n.toNumber())).toEqual([-300, 250, 250, 300]);
    expect(reconciliation.mismatch).toEqual([]);
    expect(reconciliation.match).toBeGreaterThanOrEqual(4);
  });
});

describe("excluded lines in the report", () => {
  it("lists a money line left out, in the JSON and the text, and warns on the answer", async () => {
    const snapshot = await sheetOf("two-tables-savings-and-investment.xlsx", "Business case");
    const analysis = analyseSheet(snapshot, { roleOverrides: { "'Business case'!A10": "other" } });
    const json = sheetReportJson(analysis);
    expect(json.excluded).toEqual([
      {
        cell: "Business case!A10",
        label: "HR/Recruitment efficiencies",
        reason: expect.stringContaining("neither investment nor return"),
        holdsMoney: true,
      },
    ]);
    expect(json.messages.join("\n")).toContain(
      "Not counted in the payback, though they hold money: Business case!A10"
    );
    expect(sheetReportText(analysis)).toContain(
      "Not counted: Business case!A10 'HR/Recruitment efficiencies'"
    );
    // 829,000 of efficiencies left out: the net falls by exactly that.
    const whole = analyseSheet(snapshot).result.totals.net;
    expect(whole.minus(analysis.result.totals.net).toNumber()).toBe(829000);
  });
});

describe("tables sharing the period headers", () => {
  const twoTables = (secondHeaderAt: number): SheetSnapshot => {
    const header = (at: number) => {
      const r: (string | number | null)[] = [null, null, null, null];
      r[0] = at === 1 ? "Savings to be delivered" : "Invest to save funding required";
      ["2024/25", "2025/26"].forEach((y, i) => (r[at + i] = y));
      return r;
    };
    return {
      sheetName: "Case",
      top: 0,
      left: 0,
      values: [
        header(1),
        ["Agency staff costs", 30, 60, null],
        [null, null, null, null],
        header(secondHeaderAt),
        ["Set-up team", 50, 0, null].map((v, i) =>
          i === 0 || secondHeaderAt === 1 ? v : i === 1 ? null : i === 2 ? 50 : 0
        ),
      ],
    };
  };

  it("reads the same periods in the same columns as one case, each heading giving its role", () => {
    const { model, result } = analyseSheet(twoTables(1));
    // "Agency staff costs" under the savings heading is the saving made on those costs.
    expect(model.lines.map((l) => [l.label, l.role])).toEqual([
      ["Agency staff costs", "return"],
      ["Set-up team", "investment"],
    ]);
    expect(result.net.map((n) => n.toNumber())).toEqual([-20, 60]);
  });

  it("still refuses the same period headed again in other columns, naming both cells", () => {
    expect(() => analyseSheet(twoTables(2))).toThrow(
      /Case!C4 repeats the period 2024\/25 already headed at Case!B1/
    );
  });
});
