/**
 * The command's part of reading real tables: --role by label cell, --basis / --convention with the
 * four conventions, one unreadable sheet beside readable ones, stated paybacks, amounts out of
 * range. Run in-process (src/cli/main.ts) on small workbooks whose answers are worked by hand.
 */
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

type Row = (string | number | null)[];

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-surfaces-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function workbook(name: string, sheets: Record<string, Row[]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) wb.addWorksheet(sheet).addRows(rows);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function itos(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** Two lines the reader cannot place: Widgets (A3) and Gadgets (A4). */
const AMBIGUOUS: Row[] = [
  [null, "Apr-22", "May-22", "Jun-22"],
  ["Investment", -1000, -1000, null],
  ["Widgets", 100, 200, 300],
  ["Gadgets", 100, 200, 300],
];

/**
 * Investment 500 in Apr-22 and in Jun-22; returns 300 a month from May-22.
 * Net: -500, 300, -200, 300, 300, 300. Cumulative: -500, -200, -400, -100, 200, 500.
 * Break-even Aug-22 (index 4), 100 of its 300 needed: 1/3 of the month.
 *   first-investment (from Apr, index 0): 4 + 1/3 = 4.3333 months = 0.3611 years;
 *   first-return (from May, index 1): 3 + 1/3 = 3.3333 months = 0.2778 years;
 *   simple: 1,000 recovered by 300 a month from May: 300, 600, 900, then 100/300 of Aug:
 *     3 + 1/3 = 3.3333 months = 0.2778 years;
 *   time-zero: no Year 0, null.
 */
const CONVENTIONS: Row[] = [
  [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22"],
  ["Investment", -500, null, -500, null, null, null],
  ["Savings", null, 300, 300, 300, 300, 300],
];

describe("--role CELL=ROLE", () => {
  test("names the lines the reader could not place, by label cell with or without the sheet", async () => {
    const file = await workbook("ambiguous.xlsx", { Case: AMBIGUOUS });
    const r = await itos("analyse", file, "--json", "--role", "Case!A3=return", "--role=A4=return");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).sheets[0];
    // Returns 100+200+300 twice = 1,200; investment 2,000.
    expect(s.totals).toEqual({ investment: -2000, return: 1200, net: -800 });
    expect(s.lines.map((l: { role: string }) => l.role)).toEqual([
      "investment",
      "return",
      "return",
    ]);
  });

  test("ignore leaves a line out; the payback is the other line's alone", async () => {
    const file = await workbook("ignore.xlsx", { Case: AMBIGUOUS });
    const r = await itos("analyse", file, "--json", "--role", "A3=return", "--role", "A4=ignore");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sheets[0].totals.return).toBe(600);
  });

  test.each([
    ["A3", "--role A3: give the line's label cell and its role"],
    ["A3=maybe", "the role must be one of investment, return, cost, net, total, ignore, not 'maybe'"],
    ["Widgets=return", "'Widgets' is not a cell"],
  ])("--role %s is one line and exit 2", async (value, message) => {
    const r = await itos("analyse", "x.xlsx", "--role", value);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});

describe("a sheet that cannot be read", () => {
  test("never stops the others: JSON gives its error and cells, the rest their answers, exit 0", async () => {
    const file = await workbook("mixed.xlsx", { Bad: AMBIGUOUS, Good: CONVENTIONS });
    const r = await itos("analyse", file, "--json");
    expect(r.code).toBe(0);
    const [bad, good] = JSON.parse(r.stdout).sheets;
    expect(bad.sheet).toBe("Bad");
    expect(bad.error.cells).toEqual(["Bad!A3", "Bad!A4"]);
    expect(bad.error.message).toContain("Bad!A3: Widgets");
    expect(Object.keys(bad)).toEqual(["sheet", "error"]);
    expect(good.sheet).toBe("Good");
    expect(good.breakEven).toBe("2022-08");
  });

  test("the text says what to type to resolve it", async () => {
    const file = await workbook("mixed-text.xlsx", { "Bad one": AMBIGUOUS, Good: CONVENTIONS });
    const r = await itos("analyse", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bad one: cannot be read.");
    expect(r.stdout).toContain(
      `--role 'Bad one!A3=ROLE' --role 'Bad one!A4=ROLE' (ROLE is investment, return, cost, net, total or ignore)`
    );
    expect(r.stdout).toContain("Good (£, monthly, Apr-22 to Sep-22)");
  });

  test("exit 1 only when no sheet could be read, one line on stderr per sheet", async () => {
    const file = await workbook("none.xlsx", { Case: AMBIGUOUS });
    const r = await itos("analyse", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--role 'Case!A3=ROLE' --role 'Case!A4=ROLE'");
    const json = await itos("analyse", file, "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).sheets).toEqual([
      { sheet: "Case", error: { message: expect.any(String), cells: ["Case!A3", "Case!A4"] } },
    ]);
  });

  test("apply writes the sheets it can read and reports the one it cannot", async () => {
    const file = await workbook("apply-mixed.xlsx", { Bad: AMBIGUOUS, Good: CONVENTIONS });
    const out = path.join(dir, "apply-mixed-out.xlsx");
    const r = await itos("apply", file, "--out", out);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.stdout).toContain("Bad: cannot be read.");
  });
});

describe("--basis and --convention", () => {
  test("all four conventions are reported, the headline's named; the default is first-investment without a Year 0", async () => {
    const file = await workbook("conventions.xlsx", { Case: CONVENTIONS });
    const s = JSON.parse((await itos("analyse", file, "--json")).stdout).sheets[0];
    expect(s.convention).toBe("first-investment");
    expect(s.paybackByConvention["first-investment"]).toBeCloseTo(4.3333 / 12, 4);
    expect(s.paybackByConvention["first-return"]).toBeCloseTo(3.3333 / 12, 4);
    expect(s.paybackByConvention.simple).toBeCloseTo(3.3333 / 12, 4);
    expect(s.paybackByConvention["time-zero"]).toBeNull();
    expect(s.paybackMonths).toBeCloseTo(4.3333, 4);
  });

  test.each(["--basis", "--convention"])("%s simple makes simple the headline", async (option) => {
    const file = await workbook(`simple${option}.xlsx`, { Case: CONVENTIONS });
    const r = await itos("analyse", file, "--json", option, "simple");
    const s = JSON.parse(r.stdout).sheets[0];
    expect(s.convention).toBe("simple");
    expect(s.paybackMonths).toBeCloseTo(3.3333, 4);
    const text = (await itos("analyse", file, option, "simple")).stdout;
    expect(text).toContain("simple 0.28 years (headline)");
    expect(text).toContain("first-investment 0.36 years, first-return 0.28 years");
  });

  test("a convention that is not one of the four is one line and exit 2", async () => {
    const r = await itos("analyse", "x.xlsx", "--basis", "fastest");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "itos: --basis must be first-investment, first-return, simple or time-zero, not 'fastest' (see itos --help)."
    );
  });
});

describe("paybacks stated on the sheet", () => {
  test("each is matched to the convention that reproduces it, or is a mismatch naming its cell", async () => {
    const file = await workbook("stated.xlsx", {
      Case: [
        ...CONVENTIONS,
        [],
        [],
        [],
        // 4.3333 months rounds to 4.3: first-investment.
        ["Payback period: 4.3 months"],
        // 2 years is no convention's payback; the nearest (preferring the headline) is first-investment.
        ["Payback (years)", 2],
      ],
    });
    const r = await itos("analyse", file, "--json");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).sheets[0];
    expect(s.statedPaybacks).toEqual([
      {
        cell: "Case!A7",
        text: "Payback period: 4.3 months",
        years: expect.closeTo(4.3 / 12, 4),
        computedYears: expect.closeTo(4.3333 / 12, 4),
        convention: "first-investment",
        conventions: ["first-investment"],
        matches: true,
      },
      {
        cell: "Case!B8",
        text: "2",
        years: 2,
        computedYears: expect.closeTo(4.3333 / 12, 4),
        convention: "first-investment",
        conventions: [],
        matches: false,
      },
    ]);
    const text = (await itos("reconcile", file)).stdout;
    expect(text).toContain(
      "Stated payback Case!A7 'Payback period: 4.3 months': matches the first-investment payback (0.36 years)."
    );
    expect(text).toContain("MISMATCH stated payback Case!B8 '2' (2 years): no convention gives it");
  });
});

describe("amounts out of range", () => {
  test("an amount near 1e308 is refused naming its cell; the other sheets go on", async () => {
    const huge: Row[] = [
      [null, "Apr-22", "May-22", "Jun-22"],
      ["Investment", -1000, null, null],
      ["Savings", 1e308, 600, 600],
    ];
    const file = await workbook("huge.xlsx", { Huge: huge, Good: CONVENTIONS });
    const r = await itos("analyse", file, "--json");
    expect(r.code).toBe(0);
    const [bad, good] = JSON.parse(r.stdout).sheets;
    expect(bad.error.cells).toEqual(["Huge!B3"]);
    expect(bad.error.message).toContain("Huge!B3 holds 1.000E+308 ('Savings'), out of range");
    expect(bad.error.message).toContain("999,999,999,999,999");
    expect(good.totals.net).toBe(500);
  });

  test("amounts in range whose total passes 10^15 are refused, and apply writes no file", async () => {
    // 600,000,000,000,000 x 2 = 1.2E+15: each amount has 15 digits, their sum 16.
    const file = await workbook("total-huge.xlsx", {
      Case: [
        [null, "Apr-22", "May-22", "Jun-22"],
        ["Investment", -1000, null, null],
        ["Savings", null, 6e14, 6e14],
      ],
    });
    const r = await itos("analyse", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "The total return of the grid at Case!A1:D3 comes to 1.200E+15, out of range"
    );
    const out = path.join(dir, "total-huge-out.xlsx");
    expect((await itos("apply", file, "--out", out)).code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  test("the largest amount in range is answered exactly", async () => {
    const file = await workbook("edge.xlsx", {
      Case: [
        [null, "Apr-22", "May-22"],
        ["Investment", -999999999999999, null],
        ["Savings", null, 999999999999999],
      ],
    });
    const s = JSON.parse((await itos("analyse", file, "--json")).stdout).sheets[0];
    expect(s.totals).toEqual({ investment: -999999999999999, return: 999999999999999, net: 0 });
  });
});
