/**
 * The built task pane (dist/) in headless Chromium, against the in-memory Excel host
 * (fakeExcelHost.js, served in place of office.js) loaded with the Sandwell workbook.
 * Open -> Detect -> Analyse -> Reconcile -> click a finding -> Remove, checking the workbook after
 * each step; then cell text that looks like HTML stays text, and the page's CSP blocks inline script.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";
import { readWorkbook } from "../../src/file";
import { whatIf } from "../../src/engine";
import { analyseSheet } from "../../src/grid";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/sheet";
import { HyperFormula } from "hyperformula";
import { a1, parseAddress, type FakeDump } from "./fakeExcelHost";
import { CHROMIUM as CHROMIUM_TOOL, requireTools } from "../support/requiredTools";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
// Debian's Chromium, never a downloaded browser: stops this suite with one line when missing.
const CHROMIUM = requireTools(CHROMIUM_TOOL).get(CHROMIUM_TOOL) as string;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const SCREENSHOT = path.join(ROOT, "docs", "taskpane.png");
const RECONCILE_SCREENSHOT = path.join(ROOT, "docs", "screenshots", "taskpane-reconcile.png");
const WHATIF_SCREENSHOT = path.join(ROOT, "docs", "screenshots", "taskpane-whatif.png");
const APPENDIX = "Appendix 1";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Fails with the fix when the pane has not been built, or was built before its sources changed. */
function requireFreshBuild(): void {
  const built = path.join(DIST, "taskpane.js");
  if (!fs.existsSync(built) || !fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(
      "dist/taskpane.html not found: run `npm run build` first (this test loads the built task pane)."
    );
  }
  const builtAt = fs.statSync(built).mtimeMs;
  for (const dir of ["src/taskpane", "src/excel", "src/commands"]) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) {
      if (fs.statSync(path.join(ROOT, dir, f)).mtimeMs > builtAt) {
        throw new Error(
          `dist/ is older than ${dir}/${f}: run \`npm run build\` again before this test.`
        );
      }
    }
  }
}

function serveDist(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A small grid whose labels are HTML and script payloads. */
function payloadWorkbook(): { sheets: unknown[]; active: string } {
  const months = [44652, 44682, 44713, 44743, 44774, 44805]; // Apr-22 .. Sep-22
  return {
    active: "Payloads",
    sheets: [
      {
        sheetName: "Payloads",
        top: 0,
        left: 0,
        values: [
          ["<b>Case</b> <script>window.__pwned=1</script>", ...months],
          ["Investment <img src=x onerror=window.__pwned=1>", -1000, -1000, 0, 0, 0, 0],
          ["Saving <script>window.__pwned=1</script>", 0, 300, 600, 600, 600, 600],
        ],
        numberFormats: [
          ["General", ...months.map(() => "mmm-yy")],
          new Array(7).fill("#,##0"),
          new Array(7).fill("#,##0"),
        ],
      },
    ],
  };
}

/**
 * Investment 500 in Apr-22 and Jun-22, savings 300 a month from May-22; two paybacks stated below.
 * Cumulative -500, -200, -400, -100, 200, 500: break-even Aug-22, 1/3 into the month.
 *   first-investment 4 + 1/3 = 4.33 months = 0.36 years; first-return 3 + 1/3 = 3.33 months =
 *   0.28 years; simple (1,000 from 300 a month from May) 3.33 months = 0.28 years; no Year 0.
 * "Payback period: 4.3 months" is the first-investment payback; "Payback (years)" 2 is none.
 */
function conventionsWorkbook(): { sheets: unknown[]; active: string } {
  const months = [44652, 44682, 44713, 44743, 44774, 44805]; // Apr-22 .. Sep-22
  return {
    active: "Case",
    sheets: [
      {
        sheetName: "Case",
        top: 0,
        left: 0,
        values: [
          [null, ...months],
          ["Investment", -500, null, -500, null, null, null],
          ["Savings", null, 300, 300, 300, 300, 300],
          [null, null, null, null, null, null, null],
          [null, null, null, null, null, null, null],
          [null, null, null, null, null, null, null],
          ["Payback period: 4.3 months", null, null, null, null, null, null],
          ["Payback (years)", 2, null, null, null, null, null],
        ],
        numberFormats: [
          ["General", ...months.map(() => "mmm-yy")],
          ...new Array(7).fill(new Array(7).fill("General")),
        ],
      },
    ],
  };
}

/** Column A labels of the rows where a conditional-format rule is true, computed by HyperFormula. */
function highlightedLabels(
  d: FakeDump,
  rule: FakeDump["sheets"][number]["conditionalFormats"][number]
): string[] {
  const sheet = d.sheets.find((s) => s.name === APPENDIX)!;
  const grid: (string | number | boolean | null)[][] = [];
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const { top, left } = parseAddress(address);
    while (grid.length <= top) grid.push([]);
    const v = cell.v;
    grid[top][left] =
      cell.f ??
      (v !== null && typeof v === "object" ? v.error : (v as string | number | boolean | null));
  }
  const box = parseAddress(rule.range);
  const probe = 200; // a column well right of anything written
  for (let r = box.top; r <= box.bottom; r++) {
    while (grid.length <= r) grid.push([]);
    // The rule is relative to its range's top-left cell: shift its row references for row r.
    grid[r][probe] = rule.formula!.replace(
      /(\$?[A-Z]{1,3})(\d+)/g,
      (_, c: string, row: string) => `${c}${Number(row) + r - box.top}`
    );
  }
  const hf = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3" });
  const labels: string[] = [];
  for (let r = box.top; r <= box.bottom; r++)
    if (hf.getCellValue({ sheet: 0, row: r, col: probe }) === true) labels.push(String(grid[r][0]));
  hf.destroy();
  return labels;
}

interface Session {
  page: Page;
  requests: string[];
  pageErrors: string[];
}

describe("the task pane in a real browser", () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;
  let fakeHost: string;
  let sandwell: WorkbookSnapshot;

  beforeAll(async () => {
    requireFreshBuild();
    fakeHost = fs.readFileSync(path.join(__dirname, "fakeExcelHost.js"), "utf8");
    sandwell = await readWorkbook(
      path.join(ROOT, "test", "fixtures", "sandwell-invest-to-save.xlsx")
    );
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function open(workbook: unknown): Promise<Session> {
    const context = await browser.newContext({
      viewport: { width: 360, height: 900 },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await context.route("**/*", (route) => {
      const url = route.request().url();
      requests.push(url);
      if (url === OFFICE_JS)
        return route.fulfill({
          status: 200,
          contentType: "application/javascript",
          body: fakeHost,
        });
      if (url.startsWith(base)) return route.continue();
      return route.abort();
    });
    await page.addInitScript((wb) => {
      (window as unknown as { __itosWorkbook: unknown }).__itosWorkbook = wb;
      const violations: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = violations;
      document.addEventListener("securitypolicyviolation", (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`)
      );
    }, workbook);
    await page.goto(`${base}/taskpane.html`);
    return { page, requests, pageErrors };
  }

  const dump = (page: Page): Promise<FakeDump> =>
    page.evaluate(() =>
      (window as unknown as { __fakeHost: { model: { dump(): FakeDump } } }).__fakeHost.model.dump()
    );

  /** Cells of a sheet above a row (1-based), i.e. the user's own grid. */
  function cellsAbove(d: FakeDump, sheet: string, row: number) {
    const s = d.sheets.find((x) => x.name === sheet)!;
    return Object.fromEntries(
      Object.entries(s.cells).filter(([a]) => Number(a.replace(/^[A-Z]+/, "")) < row)
    );
  }

  async function waitIdle(page: Page): Promise<void> {
    await page.waitForSelector("#status", { state: "hidden" });
  }

  it("detects, analyses, reconciles, selects a finding and removes exactly its output on the Sandwell workbook", async () => {
    const { page, requests, pageErrors } = await open({
      sheets: sandwell.sheets,
      active: APPENDIX,
    });
    const initial = await dump(page);

    // Open: the pane detects the grid by itself and selects its outline.
    await page.waitForSelector("#detect-facts:not([hidden])");
    await waitIdle(page);
    const facts = await page.locator("#detect-facts").innerText();
    expect(facts).toContain("Oct-21 to Mar-25 (42 months)");
    expect(facts).toContain("A3:O57");
    const lineLabels = await page.locator("#lines td:first-child").allTextContents();
    expect(lineLabels.some((l) => l.includes("Investment from SMBC"))).toBe(true);
    const afterDetect = await dump(page);
    expect(afterDetect.selection).toBe(`${APPENDIX}!A3:O57`);
    expect(afterDetect.sheets).toEqual(initial.sheets);

    // Analyse: KPIs in the pane, outputs below the grid, no user cell changed.
    await page.click("#analyse");
    await page.waitForSelector(".kpi-primary");
    await waitIdle(page);
    expect(await page.locator('[data-kpi="break-even"] .kpi-value').innerText()).toBe("Jan-24");
    expect(await page.locator('[data-kpi="payback"] .kpi-value').innerText()).toBe("24.5 months");
    expect(await page.locator('[data-kpi="crossover"] .kpi-value').innerText()).toBe("Jan-23");
    expect(await page.locator("#chart svg polyline").count()).toBe(1);
    expect(await page.locator("#chart svg circle.marker").count()).toBe(1);
    const analysed = await dump(page);
    expect(cellsAbove(analysed, APPENDIX, 58)).toEqual(cellsAbove(initial, APPENDIX, 58));
    expect(analysed.sheets.filter((s) => s.name !== APPENDIX)).toEqual(
      initial.sheets.filter((s) => s.name !== APPENDIX)
    );
    const outputCells = Object.keys(analysed.sheets.find((s) => s.name === APPENDIX)!.cells).filter(
      (a) => Number(a.replace(/^[A-Z]+/, "")) >= 58
    );
    expect(outputCells.length).toBeGreaterThan(200);
    expect(analysed.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["ITOS_Output", "ITOS_Cumulative"])
    );
    const chart = analysed.sheets.find((s) => s.name === APPENDIX)!.charts;
    expect(chart.map((c) => c.name)).toEqual(["ITOS_Chart"]);
    // The break-even rule: one rule over the cumulative table, whose formula, evaluated on the
    // written sheet by HyperFormula for each row of its range, is true on the Jan-24 row alone.
    const rules = analysed.sheets.find((s) => s.name === APPENDIX)!.conditionalFormats;
    expect(rules).toHaveLength(1);
    const cumulativeName = analysed.names.find((n) => n.name === "ITOS_Cumulative")!;
    const cumulativeBox = parseAddress(cumulativeName.formula);
    const ruleBox = parseAddress(rules[0].range);
    expect(ruleBox.bottom).toBe(cumulativeBox.bottom);
    expect(ruleBox.top).toBe(cumulativeBox.top + 1);
    expect(rules[0].formula).toContain(`$${a1(0, cumulativeBox.left).replace(/\d+$/, "")}`);
    expect(highlightedLabels(analysed, rules[0])).toEqual(["Jan-24"]);
    await page.locator("body").screenshot({ path: SCREENSHOT });

    // Reconcile: findings listed, marks on the mismatching cells, their values untouched.
    await page.click("#reconcile");
    await waitIdle(page);
    const summary = await page.locator("#reconcile-summary").innerText();
    expect(summary).toMatch(/stated totals/);
    const findings = page.locator("#findings button.finding");
    const count = await findings.count();
    expect(count).toBeGreaterThan(0);
    fs.mkdirSync(path.dirname(RECONCILE_SCREENSHOT), { recursive: true });
    await page
      .locator("#reconcile-title")
      .locator("xpath=ancestor::section")
      .screenshot({ path: RECONCILE_SCREENSHOT });
    const reconciled = await dump(page);
    expect(Object.keys(reconciled.notes).length).toBe(count);
    for (const s of reconciled.sheets) {
      const before = initial.sheets.find((x) => x.name === s.name)!;
      for (const [address, cell] of Object.entries(before.cells))
        expect(s.cells[address].v).toEqual(cell.v);
    }

    // Clicking a finding selects that cell in Excel.
    const target = (await findings.first().getAttribute("data-cell"))!;
    await findings.first().click();
    await page.waitForFunction(
      (cell) =>
        (
          window as unknown as { __fakeHost: { model: { dump(): FakeDump } } }
        ).__fakeHost.model.dump().selection === cell,
      target.replace(/^'(.*)'!/, "$1!")
    );

    // Remove: the workbook is exactly as it was before ITOS ran.
    await page.click("#remove");
    await waitIdle(page);
    const removed = await dump(page);
    expect(removed.sheets).toEqual(initial.sheets);
    expect(removed.names).toEqual([]);
    expect(removed.notes).toEqual({});

    expect(pageErrors).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)
    ).toEqual([]);
    // No request leaves the machine except the one for office.js (answered by the test host).
    expect(requests.filter((u) => !u.startsWith(base) && u !== OFFICE_JS)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("What if: typing a cut, a delay, a limit or the optimism preset reruns the last read with no sync", async () => {
    // 1,200 invested in Apr-22, then 100 saved a month for 24 months: payback 13 months.
    const serial = (y: number, m: number) =>
      (Date.UTC(y, m, 1) - Date.UTC(1899, 11, 30)) / 86400000;
    const months = Array.from({ length: 25 }, (_, i) => serial(2022, 3 + i));
    const caseSheet: SheetSnapshot = {
      sheetName: "Case",
      top: 0,
      left: 0,
      values: [
        [null, ...months],
        ["Investment", -1200, ...new Array(24).fill(null)],
        ["Saving", null, ...new Array(24).fill(100)],
      ],
      numberFormats: [
        ["General", ...months.map(() => "mmm-yy")],
        new Array(26).fill("#,##0"),
        new Array(26).fill("#,##0"),
      ],
    };
    const { page, pageErrors } = await open({ active: "Case", sheets: [caseSheet] });
    await page.waitForSelector("#whatif-result:not([hidden])");
    await waitIdle(page);
    const syncs = () =>
      page.evaluate(
        () =>
          (window as unknown as { __fakeHost: { model: { syncs: number } } }).__fakeHost.model.syncs
      );
    const before = await dump(page);
    const syncsBefore = await syncs();
    const text = (id: string) => page.locator(`#${id}`).innerText();
    expect(await text("whatif-payback")).toBe(
      "13.0 months (1.08 years), 0.0 months on the base case"
    );
    // No limit: the position breaks even within the grid while 24 x 100(1 - c) >= 1,200, c <= 50%,
    // and while 100 x (24 - d) >= 1,200, d <= 12.
    expect(await text("whatif-headroom")).toBe(
      "Returns can fall by up to 50%, or all slip by up to 12 months, and the case still breaks even within the grid."
    );

    // A 20% cut: 80 a month, 1,200 / 80 = 15 months of returns after Apr-22: 16 months.
    await page.fill("#whatif-cut", "20");
    expect(await text("whatif-payback")).toBe(
      "16.0 months (1.33 years), +3.0 months on the base case"
    );
    expect(await text("whatif-headroom")).toMatch(
      /grid\. The 20% cut is within it, 30 percentage points to spare\.$/
    );
    // NPV falls by 20 a month discounted at 3.5% a year, worked here from the definition.
    let factors = 0;
    for (let t = 1; t <= 24; t++) factors += 1 / Math.pow(1.035, t / 12);
    const drop = Math.round(20 * factors).toLocaleString("en-GB");
    expect(await text("whatif-npv")).toContain(`-£${drop} on the base case`);

    // The chart: the scenario's line where the engine's cumulative figures put it, worked out
    // here on the pane's 280 x 120 frame, 8 from each edge, over both lines and zero.
    const analysis = analyseSheet(caseSheet, {}, { sheets: [caseSheet] });
    const options = {
      convention: analysis.result.convention,
      discountRate: analysis.result.discountRate,
    };
    const baseCum = analysis.result.cumulative.map((d) => d.toNumber());
    const cutCum = whatIf(analysis.flows, { returnsChange: "-0.2" }, options).result.cumulative.map(
      (d) => d.toNumber()
    );
    expect(cutCum[24]).toBe(-1200 + 24 * 80);
    const expectedPoints = (line: number[], other: number[]) => {
      const lo = Math.min(0, ...line, ...other);
      const hi = Math.max(0, ...line, ...other);
      return line.map((v, i) => [
        8 + (i * 264) / (line.length - 1),
        8 + ((hi - v) * 104) / (hi - lo),
      ]);
    };
    const drawn = async (which: string) =>
      (
        (await page
          .locator(`#whatif-chart polyline[data-case="${which}"]`)
          .getAttribute("points")) ?? ""
      )
        .split(" ")
        .map((p) => p.split(",").map(Number));
    const expectNear = (got: number[][], want: number[][]) => {
      expect(got).toHaveLength(want.length);
      got.forEach(([x, y], i) => {
        expect(Math.abs(x - want[i][0])).toBeLessThanOrEqual(0.05);
        expect(Math.abs(y - want[i][1])).toBeLessThanOrEqual(0.05);
      });
    };
    expect(await page.locator("#whatif-chart svg").getAttribute("viewBox")).toBe("0 0 280 134");
    expectNear(await drawn("scenario"), expectedPoints(cutCum, baseCum));
    expectNear(await drawn("base"), expectedPoints(baseCum, cutCum));
    // Break-even: Apr-23 for the base (k = 12), Jul-23 with the cut (-1,200 + 15 x 80 = 0).
    expect(await page.locator("#whatif-chart circle.marker").count()).toBe(2);
    expect(await page.locator("#whatif-chart figcaption").innerText()).toMatch(
      /Base case breaks even Apr-23\s*Scenario breaks even Jul-23/
    );
    expect(await page.locator("#whatif-chart svg").getAttribute("role")).toBe("img");
    expect(await page.locator("#whatif-chart-desc").textContent()).toContain(
      "Scenario breaks even Jul-23"
    );

    await page.fill("#limit-years", "1.5");
    // 1.5 - 16 / 12 = 0.1667 years, shown rounded down: time to spare is never overstated.
    expect(await text("whatif-verdict")).toBe("Within the 1.5-year limit (0.16 years to spare)");
    // Payback 1 + 12 / (1 - c) months <= 18 while c <= 5/17 = 29.41%; 13 + d <= 18 while d <= 5.
    expect(await text("whatif-headroom")).toBe(
      "Returns can fall by up to 29.4%, or all slip by up to 5 months, and the case still pays back within the 1.5-year limit. The 20% cut is within it, 9.4 percentage points to spare."
    );
    // A 35% cut: 1 + 12 / 0.65 = 19.46 months = 1.622 years, 0.122 over, rounded up to 0.13.
    await page.fill("#whatif-cut", "35");
    expect(await text("whatif-verdict")).toBe("Exceeds the 1.5-year limit by 0.13 years");
    expect(await text("whatif-headroom")).toMatch(
      /The 35% cut is 5\.6 percentage points beyond it\.$/
    );
    const deeperCum = whatIf(
      analysis.flows,
      { returnsChange: "-0.35" },
      options
    ).result.cumulative.map((d) => d.toNumber());
    expectNear(await drawn("scenario"), expectedPoints(deeperCum, baseCum));
    await page.fill("#whatif-cut", "20");

    // Twelve months late as well: 12 x 80 = 960 left in the grid, short of 1,200; 960 lost.
    await page.fill("#whatif-delay", "12");
    expect(await text("whatif-verdict")).toBe("Never pays back: fails the 1.5-year limit");
    expect(await text("whatif-payback")).toBe("Never pays back within the grid");
    expect(await text("whatif-lost")).toBe(
      "£960 of returns slip past the grid's last period and are lost."
    );
    expect(await text("whatif-headroom")).toContain(
      "The delay of 12 months is 7 months beyond it."
    );
    // The scenario's line has no break-even to mark; the base case's still has.
    expect(await page.locator("#whatif-chart circle.marker").count()).toBe(1);
    expect(await page.locator('#whatif-chart circle[data-case="base"]').count()).toBe(1);
    expect(await page.locator("#whatif-chart figcaption").innerText()).toContain(
      "Scenario never breaks even within the grid"
    );

    // The optimism-bias preset: investment +10%, returns -20%: 1,320 / 80 = 16.5, payback 17.5.
    await page.fill("#whatif-delay", "0");
    await page.fill("#whatif-cut", "0");
    await page.click("#whatif-optimism");
    expect(await page.inputValue("#whatif-uplift")).toBe("10");
    expect(await page.inputValue("#whatif-cut")).toBe("20");
    expect(await text("whatif-payback")).toBe(
      "17.5 months (1.46 years), +4.5 months on the base case"
    );
    await page
      .locator("#whatif-title")
      .locator("xpath=ancestor::section")
      .screenshot({ path: WHATIF_SCREENSHOT });

    // A typo is named, not computed: no result, no chart.
    await page.fill("#whatif-delay", "three");
    expect(await text("whatif-problem")).toBe("Delay 'three' is not a whole number of periods.");
    expect(await page.locator("#whatif-result").isHidden()).toBe(true);
    expect(await page.locator("#whatif-chart").isHidden()).toBe(true);

    // A case already over the limit has no headroom, and says so: 13 months against 12.
    await page.fill("#whatif-delay", "0");
    await page.fill("#limit-years", "1");
    expect(await text("whatif-headroom")).toBe(
      "None: the case already exceeds the 1-year limit by 0.09 years."
    );

    expect(await syncs()).toBe(syncsBefore);
    expect((await dump(page)).sheets).toEqual(before.sheets);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("after the user types over an ITOS cell, re-Analyse keeps the typing and the pane names the range it left", async () => {
    // Net flows -1000, -100, 700, 900: the section goes at A6:F35 below the grid, its KPI
    // block at A7:D18 (as in test/excel/safeWrites).
    const { page, pageErrors } = await open({
      active: "Case",
      sheets: [
        {
          sheetName: "Case",
          top: 0,
          left: 0,
          values: [
            [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Total"],
            ["Investment", -1000, -500, null, null, -1500],
            ["Saving", 0, 400, 700, 900, 2000],
            ["Net", -1000, -100, 700, 900, 500],
          ],
        },
      ],
    });
    await page.waitForSelector("#detect-facts:not([hidden])");
    await waitIdle(page);
    await page.click("#analyse");
    await waitIdle(page);
    expect(await page.locator("#analyse-left-alone").isHidden()).toBe(true);
    // The user types over ITOS's first KPI label, as in Excel (the cell keeps its style).
    await page.evaluate(() =>
      (window as unknown as { Excel: typeof Excel }).Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Case").getRange("A7").values = [["My own figure"]];
        await ctx.sync();
      })
    );
    await page.click("#analyse");
    await waitIdle(page);
    expect(await page.locator("#analyse-left-alone").innerText()).toBe(
      "ITOS left Case!A7:D18 as you edited it and wrote its new analysis at 'ITOS Analysis'!A1:F30; ITOS will not write over it again."
    );
    const after = await dump(page);
    expect(after.sheets.find((x) => x.name === "Case")!.cells.A7.v).toBe("My own figure");
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("Analyse all sheets writes the ITOS Portfolio sheet linked to the analysed sheet; Remove takes it away", async () => {
    const { page, pageErrors } = await open({ sheets: sandwell.sheets, active: APPENDIX });
    const initial = await dump(page);
    await page.waitForSelector("#detect-facts:not([hidden])");
    await waitIdle(page);
    await page.click("#analyse-all");
    await waitIdle(page);
    expect(await page.locator("#analyse-done").innerText()).toMatch(
      /^Analysed 1 sheet: 1 paid back, 0 not within the horizon; 1 with totals that do not add up\. The list is on the sheet 'ITOS Portfolio'\./
    );
    const analysed = await dump(page);
    const portfolio = analysed.sheets.find((x) => x.name === "ITOS Portfolio")!;
    expect(portfolio.cells.A4.f).toBe(`=HYPERLINK("#'Appendix 1'!A1","Appendix 1")`);
    expect(portfolio.cells.F4.v).toBe("Jan-24");
    expect(cellsAbove(analysed, APPENDIX, 58)).toEqual(cellsAbove(initial, APPENDIX, 58));
    await page.click("#remove");
    await waitIdle(page);
    const removed = await dump(page);
    expect(removed.sheets).toEqual(initial.sheets);
    expect(removed.names).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("lists the formula findings of the formula fixture, kind by kind, and a click selects the cell", async () => {
    const formulas = await readWorkbook(
      path.join(ROOT, "test", "fixtures", "reconcile-formulas.xlsx")
    );
    const { page, pageErrors } = await open({ sheets: formulas.sheets, active: "Case" });
    await page.waitForSelector("#detect-facts:not([hidden])");
    await waitIdle(page);
    await page.click("#reconcile");
    await waitIdle(page);
    expect(await page.locator("#reconcile-summary").innerText()).toBe(
      "1 of 56 stated totals do not add up. 5 formulas need a look."
    );
    const formulaItems = page.locator("#findings button.finding-formula");
    const kinds = await formulaItems.evaluateAll((els) =>
      els.map((e) => `${(e as HTMLElement).dataset.cell} ${(e as HTMLElement).dataset.kind}`)
    );
    expect(kinds).toEqual([
      "Case!F6 hard-coded",
      "Case!G9 error",
      "Case!D11 omits-part",
      "Case!E12 inconsistent",
      "Summary!F3 external",
    ]);
    const omits = formulaItems.nth(2);
    expect(await omits.locator(".finding-title").innerText()).toBe(
      "Case!D11: formula leaves out a part"
    );
    expect(await omits.locator(".finding-detail").innerText()).toContain("leaves out D10 (10,000)");
    await omits.click();
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __fakeHost: { model: { dump(): FakeDump } } }
        ).__fakeHost.model.dump().selection === "Case!D11"
    );
    // Every finding has its note on the sheet: the mismatch and the five formula findings share D11's.
    const reconciled = await dump(page);
    expect(Object.keys(reconciled.notes).length).toBe(5);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("shows the payback in each convention, the headline's chosen in the settings, and the paybacks the sheet states", async () => {
    const { page, pageErrors } = await open(conventionsWorkbook());
    await page.waitForSelector("#detect-facts:not([hidden])");
    await waitIdle(page);
    // The default lets ITOS choose: first investment here, since the table has no Year 0.
    expect(await page.locator("#basis").inputValue()).toBe("auto");
    expect(await page.locator("#basis option").allTextContents()).toHaveLength(5);
    await page.click("#analyse");
    await page.waitForSelector("#conventions-box:not([hidden])");
    await waitIdle(page);
    const value = (c: string) =>
      page.locator(`#conventions dd[data-convention="${c}"]`).innerText();
    expect(await value("first-investment")).toBe("0.36 yearsheadline");
    expect(await value("first-return")).toBe("0.28 years");
    expect(await value("simple")).toBe("0.28 years");
    expect(await value("time-zero")).toBe("n/a (no Year 0)");
    expect(await page.locator('[data-kpi="payback"] .kpi-value').innerText()).toBe("4.3 months");

    const stated = page.locator("#stated-paybacks button");
    expect(await stated.count()).toBe(2);
    expect(await stated.nth(0).getAttribute("data-cell")).toBe("Case!A7");
    expect(await stated.nth(0).innerText()).toContain(
      "Matches the first investment payback (0.36 years)."
    );
    expect(await stated.nth(1).getAttribute("data-cell")).toBe("Case!B8");
    expect(await stated.nth(1).innerText()).toContain(
      "Mismatch: no convention gives 2 years; nearest first investment, 0.36 years."
    );
    // Clicking a stated payback selects its cell.
    await stated.nth(1).click();
    await page.waitForFunction(
      () =>
        (
          window as unknown as { __fakeHost: { model: { dump(): FakeDump } } }
        ).__fakeHost.model.dump().selection === "Case!B8"
    );

    // Choosing simple makes it the headline: 3.33 months.
    await page.selectOption("#basis", "simple");
    await page.click("#analyse");
    await waitIdle(page);
    expect(await value("simple")).toBe("0.28 yearsheadline");
    expect(await value("first-investment")).toBe("0.36 years");
    expect(await page.locator('[data-kpi="payback"] .kpi-value').innerText()).toBe("3.3 months");
    expect(await page.locator('[data-kpi="payback"] .kpi-detail').innerText()).toContain(
      "simple, from first return (May-22)"
    );
    expect(await page.locator("#schemes-box").isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it("shows HTML and script in cell labels as text and runs none of it; the CSP blocks inline script", async () => {
    const { page, pageErrors } = await open(payloadWorkbook());
    await page.waitForSelector("#detect-facts:not([hidden]), #error:not([hidden])");
    await waitIdle(page);
    await page.click("#analyse");
    await waitIdle(page);
    await page.click("#reconcile");
    await waitIdle(page);

    const labels = await page.locator("#lines td:first-child").allTextContents();
    expect(labels).toContain("A2Investment <img src=x onerror=window.__pwned=1>");
    expect(labels).toContain("A3Saving <script>window.__pwned=1</script>");
    expect(await page.locator("#app img, #app script").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
    ).toBeUndefined();
    // The analysis ran on these lines (the payloads were data, not a reason to fail).
    expect(await page.locator('[data-kpi="break-even"] .kpi-value').innerText()).toBe("Aug-22");

    // An inline script inserted into the page does not run: the CSP refuses it.
    const outcome = await page.evaluate(
      () =>
        new Promise<{ directive: string; ran: boolean }>((resolve) => {
          document.addEventListener(
            "securitypolicyviolation",
            (e) => resolve({ directive: e.violatedDirective, ran: "__inline" in window }),
            { once: true }
          );
          const s = document.createElement("script");
          s.textContent = "window.__inline = 1;";
          document.body.append(s);
          setTimeout(() => resolve({ directive: "none", ran: "__inline" in window }), 2000);
        })
    );
    expect(outcome.directive).toMatch(/^script-src/);
    expect(outcome.ran).toBe(false);
    expect(pageErrors).toEqual([]);

    // The ribbon commands' result dialog shows its message as text too.
    const payload =
      "Summary!E5 <img src=x onerror=window.__pwned=1> <script>window.__pwned=1</script>";
    await page.goto(`${base}/taskpane.html?itosMessage=${encodeURIComponent(payload)}`);
    await page.waitForSelector("#dialog-message:not([hidden])");
    expect(await page.locator("#dialog-message").textContent()).toBe(payload);
    expect(await page.locator("#app").isHidden()).toBe(true);
    expect(await page.locator("#dialog-message img, #dialog-message script").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
    ).toBeUndefined();
    await page.context().close();
  }, 120_000);
});
