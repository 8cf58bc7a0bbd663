/**
 * The number format of each cell format (xf) in xl/styles.xml, read once for the cell reader:
 * index i of the result is the format code of cellXfs[i], or null for General.
 */
import { elements, findElement, getAttr, innerOf } from "./xml";

/** Excel's built-in number formats by id (the ones a file refers to without defining them). */
const BUILTIN_CODES: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export function cellFormatCodes(stylesXml: string | null): (string | null)[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const numFmts = findElement(stylesXml, "numFmts");
  for (const f of numFmts ? elements(innerOf(numFmts.text), "numFmt") : [])
    custom.set(Number(getAttr(f, "numFmtId")), getAttr(f, "formatCode") ?? "");
  const cellXfs = findElement(stylesXml, "cellXfs");
  return (cellXfs ? elements(innerOf(cellXfs.text), "xf") : []).map((xf) => {
    const id = Number(getAttr(xf, "numFmtId") ?? 0);
    if (!id) return null;
    return custom.get(id) || BUILTIN_CODES[id] || null;
  });
}
