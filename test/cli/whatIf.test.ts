/**
 * `itos analyse|apply --limit-years N --what-if ...`: the limit verdict, the headroom and the
 * what-if in the JSON and the text, against answers found independently: Sandwell's headroom by
 * bisection over the engine's public payback on the paper's lines entered by hand, a case that
 * never pays back, and a delay that pushes returns off the grid. Run in-process.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analysePayback, money, type FlowLine } from "../../src/engine";
import { run } from "../../src/cli/main";
import { SANDWELL_PERIODS, sandwellLines } from "../support/sandwellLines";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const SANDWELL = path.join(FIXTURES, "sandwell-invest-to-save.xlsx");

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "itos-whatif-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function itos(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const sheetJson = (stdout: string): any => JSON.parse(stdout).sheets[0];

/** The paper's lines with every return scaled by (1 - cut) and moved `delay` months later. */
function changed(cut: number, delay: number): FlowLine[] {
  return sandwellLines().map((line) => {
    if (line.role === "investment") return line;
    const n = line.amounts.length;
    const amounts = Array.from({ length: n }, (_, i) =>
      i - delay >= 0 ? line.amounts[i - delay].times(money(1).minus(cut)) : money(0)
    );
    return { ...line, amounts };
  });
}

/** The public payback in years (first investment), or null when it never pays back. */
function paybackYears(cut: number, delay: number): number | null {
  const r = analysePayback({ periods: SANDWELL_PERIODS, lines: changed(cut, delay) });
  return r.paybackYears === null ? null : r.paybackYears.toNumber();
}

describe("Sandwell against a 3-year limit", () => {
  let json: ReturnType<typeof sheetJson>;
  beforeAll(async () => {
    const r = await itos(
      "analyse",
      SANDWELL,
      "--sheet",
      "Appendix 1",
      "--limit-years",
      "3",
      "--json"
    );
    expect(r.code).toBe(0);
    json = sheetJson(r.stdout);
  });

  test("within, with 3 - (24 + 9,129 / 18,968) / 12 years to spare, rounded down", () => {
    const margin = Math.floor((3 - (24 + 9129 / 18968) / 12) * 10000) / 10000;
    expect(json.limit).toEqual({ years: 3, verdict: "within", marginYears: margin });
  });

  test("headroom: the cut found by bisection over the public payback, the delay by a scan", () => {
    const passes = (cut: number, delay: number) => {
      const y = paybackYears(cut, delay);
      return y !== null && y <= 3;
    };
    // Bisection on thousandths: lo passes, hi fails.
    let [lo, hi] = [0, 1000];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (passes(mid / 1000, 0)) lo = mid;
      else hi = mid;
    }
    let delay = 0;
    while (passes(0, delay + 1)) delay++;
    expect(json.headroom).toEqual({ returnsCut: lo / 1000, delayPeriods: delay });
    // The edge really is the edge: a tenth of a percent more, or a month more, fails.
    expect(passes(lo / 1000, 0) && !passes((lo + 1) / 1000, 0)).toBe(true);
    expect(passes(0, delay) && !passes(0, delay + 1)).toBe(true);
    expect(lo).toBeGreaterThan(0);
  });

  test("without --what-if there is no what-if, and without a limit the headroom is to break even", async () => {
    expect(json.whatIf).toBeNull();
    const r = await itos("analyse", SANDWELL, "--sheet", "Appendix 1", "--json");
    const plain = sheetJson(r.stdout);
    expect(plain.limit).toBeNull();
    // Breaking even anywhere in the grid allows a deeper cut than paying back within 3 years.
    expect(plain.headroom.returnsCut).toBeGreaterThan(json.headroom.returnsCut);
    const atCut = paybackYears(plain.headroom.returnsCut, 0);
    const pastCut = paybackYears(plain.headroom.returnsCut + 0.001, 0);
    expect(atCut !== null && pastCut === null).toBe(true);
  });

  test("--what-if returns=-20%,investment=+10%,delay=3 matches the public payback of those lines", async () => {
    const r = await itos(
      ...["analyse", SANDWELL, "--sheet", "Appendix 1", "--limit-years", "3"],
      ...["--what-if", "returns=-20%,investment=+10%,delay=3", "--json"]
    );
    const w = sheetJson(r.stdout).whatIf;
    const lines = changed(0.2, 3).map((l) =>
      l.role === "investment" ? { ...l, amounts: l.amounts.map((a) => a.times("1.1")) } : l
    );
    const expected = analysePayback({ periods: SANDWELL_PERIODS, lines });
    expect(w.inputs).toEqual({ returnsChange: -0.2, investmentChange: 0.1, delayPeriods: 3 });
    expect(w.paybackMonths).toBe(expected.paybackMonths!.toDecimalPlaces(4).toNumber());
    expect(w.npv).toBe(expected.npv.toDecimalPlaces(2).toNumber());
    // The last three months' returns (Jan-Mar 25), cut by 20%, run past Mar-25.
    const lastThree = sandwellLines()
      .filter((l) => l.role === "return")
      .reduce((sum, l) => sum + l.amounts.slice(39).reduce((s, a) => s + a.toNumber(), 0), 0);
    expect(w.lostReturns).toBeCloseTo(lastThree * 0.8, 6);
    expect(w.limit.verdict).toBe(expected.paybackYears!.toNumber() <= 3 ? "within" : "exceeds");
  });

  test("the text report says the verdict, the headroom and the what-if", async () => {
    const r = await itos(
      ...["analyse", SANDWELL, "--sheet", "Appendix 1", "--limit-years", "3"],
      ...["--what-if", "returns=-20%"]
    );
    expect(r.stdout).toContain("Payback limit: within the 3-year limit, 0.95 years to spare.");
    expect(r.stdout).toMatch(
      /Headroom: returns can fall by up to [\d.]+%, or all slip by up to \d+ months, still within the 3-year limit\./
    );
    expect(r.stdout).toMatch(
      /What if \(returns -20%, investment 0%, returns delayed 0 months\): payback/
    );
  });
});

describe("a case that never pays back", () => {
  test("verdict never, no headroom, and a what-if that says so", async () => {
    const file = path.join(FIXTURES, "layout-never-pays-back.xlsx");
    const r = await itos(
      "analyse",
      file,
      "--limit-years",
      "5",
      "--what-if",
      "returns=+10%",
      "--json"
    );
    expect(r.code).toBe(0);
    const s = sheetJson(r.stdout);
    expect(s.breakEven).toBeNull();
    expect(s.limit).toEqual({ years: 5, verdict: "never", marginYears: null });
    expect(s.headroom).toBeNull();
    expect(s.whatIf.limit.verdict).toBe("never");
    const text = await itos("analyse", file, "--limit-years", "5");
    expect(text.stdout).toContain(
      "Headroom: none; the case is not within the 5-year limit as it stands."
    );
  });
});

describe("a delay that pushes returns off the grid", () => {
  /**
   * 1,000 invested in Apr-22; 300 saved a month May-22 to Sep-22 (1,500).
   * delay=1: savings Jun..Oct, Oct's 300 lost; cumulative -1000 (Apr, May), -700, -400, -100,
   *   +200 in Sep: payback 5 + 100/300 months from Apr. delay=2: Oct and Nov lost (600), 900 left.
   */
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Case").addRows([
      [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22"],
      ["Investment", -1000, null, null, null, null, null],
      ["Savings", null, 300, 300, 300, 300, 300],
    ]);
    file = path.join(dir, "slip.xlsx");
    await wb.xlsx.writeFile(file);
  });

  test("one month: paid back in Sep-22 after 5 1/3 months, 300 lost", async () => {
    const w = sheetJson(
      (await itos("analyse", file, "--what-if", "delay=1", "--json")).stdout
    ).whatIf;
    expect(w.breakEven).toBe("2022-09");
    expect(w.paybackMonths).toBe(5.3333);
    expect(w.lostReturns).toBe(300);
    expect(w.messages.join(" ")).toMatch(
      /moves 300 of returns past the grid's last period \(Sep-22\)/
    );
  });

  test("two months: 600 lost, never paid back, and the text says so", async () => {
    const r = await itos("analyse", file, "--what-if", "delay=2", "--json");
    const w = sheetJson(r.stdout).whatIf;
    expect(w).toMatchObject({ breakEven: null, paybackMonths: null, lostReturns: 600 });
    const text = await itos("analyse", file, "--what-if", "delay=2");
    expect(text.stdout).toContain("never pays back within the grid");
    expect(text.stdout).toContain("600 of returns lost past the grid's end");
  });

  test("apply takes the same options and reports them", async () => {
    const out = path.join(dir, "slip-analysed.xlsx");
    const r = await itos(
      "apply",
      file,
      "--out",
      out,
      "--limit-years",
      "1",
      "--what-if",
      "delay=1",
      "--json"
    );
    expect(r.code).toBe(0);
    const s = sheetJson(r.stdout);
    expect(s.limit.verdict).toBe("within");
    expect(s.whatIf.lostReturns).toBe(300);
  });
});

describe("usage errors name the bad part", () => {
  test.each([
    ["returns=-20", /--what-if: 'returns=-20' needs a percentage change, as returns=-20%/],
    ["returns=-20%,speed=3", /--what-if: 'speed=3' is not a change ITOS knows/],
    ["delay=1.5", /--what-if: 'delay=1.5' needs a whole number of periods/],
    ["returns=-150%", /--what-if: 'returns=-150%' takes away more than all of the returns/],
    ["delay=1,delay=2", /--what-if: 'delay' is given twice/],
  ])("--what-if %s", async (changes, message) => {
    const r = await itos("analyse", SANDWELL, "--what-if", changes);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });

  test("--limit-years must be a positive number, and reconcile takes neither option", async () => {
    expect((await itos("analyse", SANDWELL, "--limit-years", "three")).stderr).toMatch(
      /--limit-years three is not a positive number of years/
    );
    expect((await itos("reconcile", SANDWELL, "--limit-years", "3")).stderr).toMatch(
      /Unknown option --limit-years for 'itos reconcile'/
    );
  });
});
