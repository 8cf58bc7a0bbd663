/** The Sandwell fixture loaded into the in-memory Excel host, for the adapter tests. */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import type { WorkbookSnapshot } from "../../src/sheet";
import { createFakeExcel, type FakeHost } from "../browser/fakeExcelHost";

export const SANDWELL = path.join(__dirname, "..", "fixtures", "sandwell-invest-to-save.xlsx");
export const APPENDIX = "Appendix 1";

let cached: WorkbookSnapshot | null = null;

export async function sandwellWorkbook(): Promise<WorkbookSnapshot> {
  if (!cached) cached = await readWorkbook(SANDWELL);
  return cached;
}

/** A fresh host holding the Sandwell workbook, "Appendix 1" active. */
export async function sandwellHost(): Promise<FakeHost> {
  const wb = await sandwellWorkbook();
  return createFakeExcel({ sheets: JSON.parse(JSON.stringify(wb.sheets)), active: APPENDIX });
}
