/** The XML of a cell a write plan puts down, and whether a cell already holds something. */
import type { PlannedCell } from "../grid";
import { a1 } from "../sheet";
import { escapeText, getAttr } from "./xml";

/** A formula, a number, or text that is not blank: what ITOS must not write over. */
export function hasContent(cellXml: string | null): boolean {
  if (!cellXml) return false;
  if (/<f[\s>]/.test(cellXml)) return true;
  const v = /<v>([\s\S]*?)<\/v>/.exec(cellXml);
  if (v) return v[1].trim() !== "" || getAttr(cellXml, "t") !== "str";
  return /<t(?:\s[^>]*)?>[\s\S]*?\S[\s\S]*?<\/t>/.test(cellXml);
}

/** A planned cell as sheet XML: a formula with its cached value, a number, or inline text. */
export function cellXml(p: PlannedCell, style: number): string {
  const r = a1(p.row, p.col);
  const value = p.value;
  const number = typeof value === "number" && Number.isFinite(value) ? `<v>${value}</v>` : "";
  if (p.formula) {
    const f = `<f>${escapeText(p.formula.replace(/^=/, ""))}</f>`;
    if (typeof value === "string")
      return `<c r="${r}" s="${style}" t="str">${f}<v>${escapeText(value)}</v></c>`;
    return `<c r="${r}" s="${style}">${f}${number}</c>`;
  }
  if (typeof value === "string")
    return `<c r="${r}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeText(value)}</t></is></c>`;
  return number ? `<c r="${r}" s="${style}">${number}</c>` : `<c r="${r}" s="${style}"/>`;
}
