/**
 * Writes the reconciliation fixtures (test/fixtures/reconcile-*.xlsx): small tables laid out by
 * hand the way council papers lay them out, each with a known answer.
 *   npx tsx scripts/make-reconcile-fixtures.ts
 */
import * as path from "path";
import ExcelJS from "exceljs";

const OUT = path.join(__dirname, "..", "test", "fixtures");
const MONEY = "#,##0;(#,##0)";

type Row = [string, ...(number | null)[]];

async function writeTable(file: string, sheet: string, title: string, headers: string[], rows: Row[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.getCell("A1").value = title;
  headers.forEach((h, i) => (ws.getCell(3, i + 2).value = h));
  rows.forEach((r, i) => {
    const rowNo = 4 + i;
    ws.getCell(rowNo, 1).value = r[0];
    r.slice(1).forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(rowNo, j + 2);
      cell.value = v;
      cell.numFmt = MONEY;
    });
  });
  ws.getColumn(1).width = 34;
  await wb.xlsx.writeFile(path.join(OUT, file));
}

async function main(): Promise<void> {
  // One year's Total investment is wrong (D6 states (35,000); its lines add up to (25,000)); the
  // grand total G6 and the net line were worked out from the right figures.
  await writeTable(
    "reconcile-annual-investment.xlsx",
    "Annual profile",
    "Invest to save: annual profile (£)",
    ["2016/17", "2017/18", "2018/19", "2019/20", "2020/21", "Total"],
    [
      ["Capital investment", -200000, -100000, 0, 0, 0, -300000],
      ["Revenue investment", -50000, -50000, -25000, 0, 0, -125000],
      ["Total investment", -250000, -150000, -35000, 0, 0, -425000],
      ["Savings", null, null, null, null, null, null],
      ["Staffing savings", 0, 80000, 120000, 150000, 150000, 500000],
      ["Placement savings", 0, 20000, 60000, 90000, 90000, 260000],
      ["Total savings", 0, 100000, 180000, 240000, 240000, 760000],
      ["Net saving / (cost)", -250000, -50000, 155000, 240000, 240000, 335000],
      ["Cumulative saving / (cost)", -250000, -300000, -145000, 95000, 335000, 335000],
    ],
  );

  // A "net saving to council" table: savings negative, costs positive; every total is right.
  await writeTable(
    "reconcile-savings-negative.xlsx",
    "Net saving",
    "Net saving to council (£000s)",
    ["2023/24", "2024/25", "2025/26", "Total"],
    [
      ["Implementation cost", 120, 40, 0, 160],
      ["Project team cost", 60, 60, 0, 120],
      ["Total cost", 180, 100, 0, 280],
      ["Savings", null, null, null, null],
      ["Reduced agency spend", -50, -150, -200, -400],
      ["Reduced placements", -20, -60, -90, -170],
      ["Total savings", -70, -210, -290, -570],
      ["Net cost / (saving)", 110, -110, -290, -290],
      ["Cumulative net cost / (saving)", 110, 0, -290, -290],
    ],
  );

  // A budget table whose last total is a base plus the pressures: "Total estimated spend" is
  // 47,500 + "Total pressure", not a sum of the lines since the previous total.
  await writeTable(
    "reconcile-base-pressure.xlsx",
    "Budget",
    "Children's placements: estimated spend (£)",
    ["2024/25", "2025/26", "2026/27", "Total"],
    [
      ["Base budget", 47500, 47500, 47500, 142500],
      ["Pressure: demographic growth", 1200, 2400, 3600, 7200],
      ["Pressure: inflation", 800, 1600, 2400, 4800],
      ["Total pressure", 2000, 4000, 6000, 12000],
      ["Total estimated spend", 49500, 51500, 53500, 154500],
    ],
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
