/**
 * exceljs, loaded on first use. Reading a workbook's cells (readWorkbook, sheetCells) does not
 * need it, and loading it costs about a quarter of a second of CPU: in every `itos` run and in
 * every portfolio worker thread, which read workbooks and never build one.
 */
import type ExcelJSModule from "exceljs";

let loaded: typeof ExcelJSModule | undefined;

export function excelJs(): typeof ExcelJSModule {
  loaded ??= require("exceljs") as typeof ExcelJSModule;
  return loaded;
}
