/**
 * The label cell a role override names ("A13", "Appendix 1!A13", "'Appendix 1'!$A$13"), as the
 * command's --role and the pane give it; the reader matches it to the line labelled there.
 */
import { parseCellAddress, splitCellRef } from "../sheet";

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
