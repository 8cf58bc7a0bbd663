/**
 * Role overrides given by the line's label cell ("A13", "Appendix 1!A13", "'Appendix 1'!$A$13"),
 * as the command's --role and the pane name a line, turned into the line keys the reader decides
 * roles by: the label's normalised text, "#2" after it for its second occurrence in that column.
 */
import { cellAt, parseCellAddress, splitCellRef, type WorkbookSnapshot } from "../sheet";
import { normaliseLabel, type LineRole } from "./read";

/** The sheet (or null: any sheet) and cell an override key names, or null when it is not a cell. */
export function roleCell(key: string): { sheet: string | null; row: number; col: number } | null {
  const text = key.trim();
  const split = text.includes("!") ? splitCellRef(text) : null;
  const address = split ? split.address : text;
  if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(address)) return null;
  try {
    return { sheet: split ? split.sheet : null, ...parseCellAddress(address) };
  } catch {
    return null;
  }
}

/** The overrides with each label-cell key also given as the key of the line labelled there. */
export function withRoleCells(
  overrides: Record<string, LineRole> | undefined,
  workbook: WorkbookSnapshot
): Record<string, LineRole> | undefined {
  if (!overrides) return overrides;
  const out: Record<string, LineRole> = { ...overrides };
  for (const [key, role] of Object.entries(overrides)) {
    const cell = roleCell(key);
    if (!cell) continue;
    for (const sheet of workbook.sheets) {
      if (cell.sheet !== null && cell.sheet !== sheet.sheetName) continue;
      const label = cellAt(sheet, cell.row, cell.col);
      if (typeof label !== "string" || label.trim() === "") continue;
      const base = normaliseLabel(label.trim());
      let n = 0;
      for (let r = sheet.top; r <= cell.row; r++) {
        const above = cellAt(sheet, r, cell.col);
        if (typeof above === "string" && normaliseLabel(above.trim()) === base) n++;
      }
      out[n <= 1 ? base : `${base} #${n}`] = role;
    }
  }
  return out;
}
