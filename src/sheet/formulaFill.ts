/** A formula copied to another cell as Excel's fill would write it. */
import { MAX_COLS, MAX_ROWS, quoteSheet, refBounds, refToA1, type RefCorner } from "./formulaRef";
import { tokenize } from "./formulaTokenizer";

function shiftCorner(c: RefCorner, dr: number, dc: number): RefCorner {
  return {
    ...c,
    row: c.row === null || c.absRow ? c.row : c.row + dr,
    col: c.col === null || c.absCol ? c.col : c.col + dc,
  };
}

/**
 * The formula as Excel's fill would write it in the cell (toRow, toCol), from its text in
 * (fromRow, fromCol): relative parts move, absolute ones stay. Null when a reference would fall
 * off the sheet. Whitespace is not kept.
 */
export function translateFormula(
  formula: string,
  fromRow: number,
  fromCol: number,
  toRow: number,
  toCol: number
): string | null {
  const dr = toRow - fromRow;
  const dc = toCol - fromCol;
  let out = "";
  for (const t of tokenize(formula)) {
    if (t.kind !== "ref") {
      out +=
        t.kind === "error" && (t.sheet !== null || t.workbook !== null)
          ? `${refPrefix(t.workbook, t.sheet)}${t.text}`
          : t.text;
      continue;
    }
    const ref = {
      ...t.ref,
      start: shiftCorner(t.ref.start, dr, dc),
      end: shiftCorner(t.ref.end, dr, dc),
    };
    const b = refBounds(ref);
    if (b.top < 0 || b.left < 0 || b.bottom >= MAX_ROWS || b.right >= MAX_COLS) return null;
    out += refToA1(ref);
  }
  return `=${out}`;
}

function refPrefix(workbook: string | null, sheet: string | null): string {
  if (workbook !== null) return `'${`[${workbook}]${sheet ?? ""}`.replace(/'/g, "''")}'!`;
  return sheet === null ? "" : `${quoteSheet(sheet)}!`;
}
