/** The words of the formula findings: kinds, cells, amounts and lists as a finance user reads them. */
import { a1, quoteSheetName } from "../../sheet";
import type { FormulaCell, FormulaFindingKind } from "./formulaTerms";

/** Each kind in a few words, as the pane, the marks and the text report name it. */
export function formulaKindLabel(kind: FormulaFindingKind): string {
  switch (kind) {
    case "omits-part":
      return "formula leaves out a part";
    case "hard-coded":
      return "typed number among formulas";
    case "inconsistent":
      return "formula out of line";
    case "external":
      return "figure from another workbook";
    case "error":
      return "formula error";
  }
}

export function cellA1(c: { row: number; col: number }): string {
  return a1(c.row, c.col);
}

/** "D10", or "'Appendix 1'!N55" when on another sheet than `from`. */
export function named(c: FormulaCell, from: string): string {
  return c.sheet === from ? cellA1(c) : `${quoteSheetName(c.sheet)}!${cellA1(c)}`;
}

/** "10,000", "(10,000)", "1,234.50": money as the sheet shows it. */
export function amountText(n: number): string {
  const whole = Number.isInteger(n);
  const [int, frac] = Math.abs(n)
    .toFixed(whole ? 0 : 2)
    .split(".");
  const text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac ? `.${frac}` : "");
  return n < 0 ? `(${text})` : text;
}

export function listText(items: string[]): string {
  if (items.length <= 1) return items.join("");
  const shown = items.length > 6 ? [...items.slice(0, 5), `${items.length - 5} more`] : items;
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
