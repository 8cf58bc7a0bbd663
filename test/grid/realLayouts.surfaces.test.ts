/**
 * The paybacks each published table states, found on the sheet and matched to the conventions
 * that reproduce them. The oracle is the hand-worked answers of test/support/realLayouts.ts: the
 * cells and figures a reader finds, and the paybacks worked out by hand in each convention.
 */
import * as path from "path";
import { Money, type PaybackByConvention } from "../../src/engine";
import { readWorkbook } from "../../src/file";
import type { WorkbookSnapshot } from "../../src/sheet";
import { checkStatedPaybacks, findStatedPaybacks } from "../../src/grid/reconcile/statedPaybacks";
import { analyseWorkbookSheets, sheetReportJson } from "../../src/grid";
import { REAL_CASES, type RealCase } from "../support/realLayouts";

const DIR = path.join(__dirname, "..", "fixtures", "real-layouts");
const books = new Map<string, Promise<WorkbookSnapshot>>();
function book(file: string): Promise<WorkbookSnapshot> {
  if (!books.has(file)) books.set(file, readWorkbook(path.join(DIR, file)));
  return books.get(file) as Promise<WorkbookSnapshot>;
}

/** One entry per sheet: the stated paybacks of every scheme on it. */
const sheets = new Map<string, RealCase[]>();
for (const c of REAL_CASES) {
  const key = `${c.file} | ${c.sheet}`;
  sheets.set(key, [...(sheets.get(key) ?? []), c]);
}

describe.each([...sheets.entries()])("%s", (_key, cases) => {
  const { file, sheet } = cases[0];
  const expected = new Map(cases.flatMap((c) => c.statedPaybacks).map((s) => [s.cell, s]));

  test("every stated payback is found, in its cell, with its figure", async () => {
    const snapshot = (await book(file)).sheets.find((s) => s.sheetName === sheet);
    expect(snapshot).toBeDefined();
    const found = findStatedPaybacks(snapshot!);
    expect(found.map((f) => f.cell.slice(f.cell.lastIndexOf("!") + 1)).sort()).toEqual(
      [...expected.keys()].sort()
    );
    for (const f of found) {
      const want = expected.get(f.cell.slice(f.cell.lastIndexOf("!") + 1))!;
      expect(f.cell.startsWith(`${sheet}!`)).toBe(true);
      expect(f.stated.years.toNumber()).toBeCloseTo(want.years, 8);
    }
  });

  // Scheme summaries are checked per scheme against cost / saving; a timeline's against its paybacks.
  const timeline = cases.length === 1 && cases[0].orientation !== "no-periods" ? cases[0] : null;
  if (timeline && timeline.statedPaybacks.length > 0)
    test("each is reproduced by exactly the conventions worked by hand", async () => {
      const c = timeline!;
      const byConvention = {} as PaybackByConvention;
      for (const [k, years] of Object.entries(c.payback))
        byConvention[k as keyof PaybackByConvention] =
          years === null ? null : { years: new Money(years), months: new Money(years).times(12) };
      const snapshot = (await book(file)).sheets.find((s) => s.sheetName === sheet)!;
      const checks = checkStatedPaybacks(
        findStatedPaybacks(snapshot),
        byConvention,
        "first-investment"
      );
      for (const check of checks) {
        const want = expected.get(check.cell.slice(check.cell.lastIndexOf("!") + 1))!;
        expect([...check.conventions].sort()).toEqual([...want.reproducedBy].sort());
        expect(check.matches).toBe(want.reproducedBy.length > 0);
      }
    });
});

describe("roles given by label cell (outflows-inflows-year0-down / Answer)", () => {
  const c = REAL_CASES.find((x) => x.file === "outflows-inflows-year0-down.xlsx")!;
  const roleOverrides = Object.fromEntries(
    c.lines
      .filter((l) => l.role === "investment" || l.role === "return")
      .map((l) => [`${c.sheet}!${l.labelCell}`, l.role as "investment" | "return"])
  );

  function expectHandAnswer(json: ReturnType<typeof sheetReportJson>): void {
    expect(json.totals).toEqual({
      investment: -c.totals!.investment,
      return: c.totals!.return,
      net: c.totals!.net,
    });
    expect(json.breakEven).toBe(c.breakEven);
    for (const k of ["first-investment", "first-return", "simple"] as const)
      expect(json.paybackByConvention[k]).toBeCloseTo(c.payback[k] as number, 4);
    expect(json.statedPaybacks.map((s) => [s.cell, s.years, s.matches])).toEqual(
      c.statedPaybacks.map((s) => [`${c.sheet}!${s.cell}`, s.years, true])
    );
    for (const s of json.statedPaybacks)
      expect(s.conventions).toEqual(expect.arrayContaining(["first-return", "simple"]));
  }

  test("read from its own words ('Outflows', 'Inflows'), and the same with the roles given by cell", async () => {
    const workbook = await book(c.file);
    expectHandAnswer(sheetReportJson(analyseWorkbookSheets(workbook)[0].analysis!));
    const [outcome] = analyseWorkbookSheets(workbook, { roleOverrides });
    expectHandAnswer(sheetReportJson(outcome.analysis!));
  });

  test("a line given the role 'ignored' by its cell leaves the sums and is listed as excluded", async () => {
    const workbook = await book(c.file);
    const returnCell = c.lines.find((l) => l.role === "return")!.labelCell;
    const [outcome] = analyseWorkbookSheets(workbook, {
      roleOverrides: { ...roleOverrides, [`${c.sheet}!${returnCell}`]: "ignored" },
    });
    const json = sheetReportJson(outcome.analysis!);
    expect(json.totals.return).toBe(0);
    expect(json.totals.investment).toBe(-c.totals!.investment);
    expect(json.excluded.map((e) => e.cell)).toContain(`${c.sheet}!${returnCell}`);
  });
});
