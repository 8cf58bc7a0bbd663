/**
 * The Excel API requirement sets ITOS relies on. manifest.xml declares REQUIRED_EXCEL_API, so
 * Excel loads the add-in only where that set exists; anything newer is checked with
 * isSetSupported before use and has a fallback.
 */

/** NamedItem.formula, ChartSeries.setXAxisValues and chart point markers are ExcelApi 1.7. */
export const REQUIRED_EXCEL_API = "1.7";
/** Range.setCellProperties (bold and fill of many cells in one call). */
export const CELL_PROPERTIES_API = "1.9";
/** Workbook.getSelectedRanges (a multi-area selection). */
export const SELECTED_RANGES_API = "1.9";
/** Workbook.notes (the note on a reconciliation mark). */
export const NOTES_API = "1.18";

/** True when this Office host offers the ExcelApi set (always assumed outside Office). */
export function apiSupported(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported("ExcelApi", version) : true;
}
