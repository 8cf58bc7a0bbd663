/** Office.js range addresses ("'Appendix 1'!A1:O60", "Sheet1!C:C") to 0-based boxes. */
import { columnIndex } from "../sheet/reference";

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Sheet-wide limits, used when an address names whole rows or columns. */
const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** Parses the part after "!"; whole columns ("C:E") and whole rows ("3:5") are unbounded. */
export function parseRangeAddress(address: string): Box {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const [startText, endText = startText] = local.split(":");
  const start = parseCorner(startText);
  const end = parseCorner(endText);
  return {
    top: start.row ?? 0,
    left: start.col ?? 0,
    bottom: end.row ?? MAX_ROW,
    right: end.col ?? MAX_COL,
  };
}

function parseCorner(text: string): { row: number | null; col: number | null } {
  const m = /^([A-Za-z]{0,3})(\d*)$/.exec(text.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`Not a range address: ${text}`);
  return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

export function intersect(a: Box, b: Box): Box | null {
  const box = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return box.top <= box.bottom && box.left <= box.right ? box : null;
}
