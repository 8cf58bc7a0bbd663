/**
 * What each line of a real table is (issue 10, the tables part), checked against the hand-worked
 * answers in test/support/realLayouts.ts: roles, net and cumulative per period, break-even,
 * crossover, payback per convention and totals.
 */
import * as path from "path";
import Decimal from "decimal.js";
import { readWorkbook } from "../../src/file";
import { analyseSheet } from "../../src/grid";
import { detectGrid } from "../../src/grid/read";
import type { SheetSnapshot } from "../../src/sheet";
import { REAL_CASES, type LineRole as AnswerRole } from "../support/realLayouts";

const DIR = path.join(__dirname, "..", "fixtures", "real-layouts");
const READABLE = [
  "obc-corporate-systems.xlsx",
  "two-tables-savings-and-investment.xlsx",
  "year0-across-cash-flow.xlsx",
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
