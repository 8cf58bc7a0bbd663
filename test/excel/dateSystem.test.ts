/**
 * A workbook saved with "Use 1904 date system" stores every date 1,462 days lower. The adapter
 * asks Excel which system the workbook uses and reads its dates as the same months.
 */
import { detectInContext, reconcileInContext } from "../../src/excel/operations";
import { readActiveSheet } from "../../src/excel/readSnapshot";
import { isDateFormat } from "../../src/engine";
import { sheetReportJson } from "../../src/grid";
import type { SheetSnapshot } from "../../src/sheet";
import { createFakeExcel } from "../browser/fakeExcelHost";
import { APPENDIX, sandwellWorkbook } from "./sandwellHost";

/** Days from 30 Dec 1899 (the 1900 system's day 0) to 1 Jan 1904 (the 1904 system's). */
const SHIFT = (Date.UTC(1904, 0, 1) - Date.UTC(1899, 11, 30)) / 86400000;

/** The sheet as a 1904 workbook stores it: each number shown as a date, SHIFT days lower. */
function as1904(sheet: SheetSnapshot): SheetSnapshot {
  const copy: SheetSnapshot = JSON.parse(JSON.stringify(sheet));
  copy.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "number" && isDateFormat(copy.numberFormats?.[r]?.[c])) row[c] = v - SHIFT;
    })
  );
  return copy;
}

async function hosts() {
  const wb = await sandwellWorkbook();
  const plain = createFakeExcel({
    sheets: JSON.parse(JSON.stringify(wb.sheets)),
    active: APPENDIX,
  });
  const mac = createFakeExcel(
    { sheets: wb.sheets.map(as1904), active: APPENDIX },
    { date1904: true }
  );
  return { plain, mac };
}

describe("a workbook that counts dates from 1904", () => {
  test("the premise: the Sandwell appendix has date headers, so the 1904 copy differs", async () => {
    const wb = await sandwellWorkbook();
    const sheet = wb.sheets.find((s) => s.sheetName === APPENDIX)!;
    expect(JSON.stringify(as1904(sheet).values)).not.toBe(JSON.stringify(sheet.values));
  });

  test("reads the same snapshot as the 1900 workbook, in the same number of syncs", async () => {
    const { plain, mac } = await hosts();
    const a = await plain.Excel.run((ctx) => readActiveSheet(ctx));
    const b = await mac.Excel.run((ctx) => readActiveSheet(ctx));
    expect(b.snapshot).toEqual(a.snapshot);
    expect(mac.model.syncs).toBe(plain.model.syncs);
  });

  test("Detect finds the same break-even and payback", async () => {
    const { plain, mac } = await hosts();
    const a = await plain.Excel.run((ctx) => detectInContext(ctx, {}));
    const b = await mac.Excel.run((ctx) => detectInContext(ctx, {}));
    expect(sheetReportJson(b.analysis)).toEqual(sheetReportJson(a.analysis));
  });

  test("Reconcile, which reads every sheet, reads the same workbook", async () => {
    const { plain, mac } = await hosts();
    const a = await plain.Excel.run((ctx) => reconcileInContext(ctx, {}));
    const b = await mac.Excel.run((ctx) => reconcileInContext(ctx, {}));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
