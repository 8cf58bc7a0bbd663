/**
 * What an .xlsx file holds of ITOS's output, for checking a written file: the names ITOS wrote
 * (marker and all) and every formula inside them with the value cached beside it.
 */
import { promises as fs } from "fs";
import type ExcelJS from "exceljs";
import { a1, cellKey, parseRangeRef } from "../sheet";
import { excelJs } from "./excelJs";
import { WorkbookEditor, type OwnedName } from "./workbookEditor";

/** The names ITOS wrote in a file (a user's ITOS_ names are not among them). */
export async function readItosNames(file: string): Promise<OwnedName[]> {
  return (await WorkbookEditor.open(await fs.readFile(file))).ownedNames();
}

export interface WrittenFormula {
  sheet: string;
  /** "B72" */
  address: string;
  /** With its leading "=". */
  formula: string;
  /** The engine's number cached beside the formula. */
  expected: number | string | null;
}

/** Every formula cell inside ITOS's section names, with its cached value: what a recalculation must reproduce. */
export function listItosFormulaCells(
  wb: ExcelJS.Workbook,
  names: readonly OwnedName[]
): WrittenFormula[] {
  const seen = new Set<string>();
  const out: WrittenFormula[] = [];
  for (const n of names) {
    if (n.memo.kind !== "section") continue;
    const box = parseRangeRef(n.ref);
    const ws = box ? wb.getWorksheet(box.sheet) : undefined;
    if (!box || !ws) continue;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const key = cellKey(box.sheet, r, c);
        const cell = ws.getCell(r + 1, c + 1);
        if (seen.has(key) || cell.type !== excelJs().ValueType.Formula) continue;
        seen.add(key);
        // cell.result, not cell.value.result: exceljs drops a cached 0 from the value object.
        const result = cell.result as unknown;
        out.push({
          sheet: box.sheet,
          address: a1(r, c),
          formula: `=${cell.formula}`,
          expected: typeof result === "number" || typeof result === "string" ? result : null,
        });
      }
    }
  }
  return out;
}
