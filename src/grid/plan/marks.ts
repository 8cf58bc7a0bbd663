/**
 * Reconciliation marks: a fill and a note on each cell whose stated total does not add up, or
 * whose formula leaves out a part, is typed over, is out of line, or comes from elsewhere. The
 * plan writer tags each mark with an ITOS_Marks_* name, so one "Remove ITOS output" takes them
 * all off again and leaves the user's values alone.
 */
import { showAmount, fromNumber } from "../../engine";
import { parseCellAddress } from "../../sheet";
import {
  formulaKindLabel,
  type ReconciliationFinding,
  type ReconciliationReport,
} from "../reconcile";
import type { PlannedMark } from "./writePlan";

/** Excel's light red "bad" fill: a cell that is likely wrong itself. */
export const MISMATCH_FILL = "#FFC7CE";
/** Excel's light amber "neutral" fill: a cell that fails only because another cell is wrong. */
export const CONSEQUENCE_FILL = "#FFEB9C";
/** Light blue: a total whose figure adds up but whose formula needs a look (see formulaFindings). */
export const FORMULA_FILL = "#DDEBF7";

function noteLine(f: ReconciliationFinding): string {
  const cause =
    f.rootCause && f.rootCause !== f.cell
      ? ` Likely caused by ${f.rootCause}.`
      : f.rootCause === f.cell
        ? " This cell is the likely cause."
        : "";
  return (
    `Stated ${showAmount(fromNumber(f.stated))}; expected ${showAmount(fromNumber(f.expected))} from ${f.parts}; ` +
    `difference ${showAmount(fromNumber(f.difference))}.${cause}`
  );
}

/**
 * One mark per mismatching cell; a cell failing several checks gets one note listing each. A cell
 * that is its own likely cause (or whose cause is unknown) is filled red, one that only follows
 * from another wrong cell amber.
 */
export function reconcileMarks(report: ReconciliationReport): PlannedMark[] {
  const byCell = new Map<
    string,
    { sheet: string; cell: string; lines: string[]; cause: boolean }
  >();
  for (const f of report.mismatch) {
    const key = `${f.sheet}!${f.cell}`;
    const entry = byCell.get(key) ?? { sheet: f.sheet, cell: f.cell, lines: [], cause: false };
    if (f.rootCause === null || f.rootCause === f.cell) entry.cause = true;
    const line = noteLine(f);
    if (!entry.lines.includes(line)) entry.lines.push(line);
    byCell.set(key, entry);
  }
  // A formula finding adds its sentence to the cell's mark, or marks the cell on its own.
  const formulaNotes = new Map<string, { sheet: string; cell: string; lines: string[] }>();
  for (const f of report.formulaFindings) {
    const key = `${f.sheet}!${f.cell}`;
    const line = `${formulaKindLabel(f.kind)}: ${f.detail}`;
    const entry = formulaNotes.get(key) ?? { sheet: f.sheet, cell: f.cell, lines: [] };
    entry.lines.push(line);
    formulaNotes.set(key, entry);
  }
  const marks = [...byCell.entries()].map(([key, e]) => {
    const { row, col } = parseCellAddress(e.cell);
    const formula = formulaNotes.get(key);
    formulaNotes.delete(key);
    const extra = formula ? `\n${formula.lines.join("\n")}` : "";
    return {
      sheet: e.sheet,
      row,
      col,
      fill: e.cause ? MISMATCH_FILL : CONSEQUENCE_FILL,
      note: `ITOS reconciliation: does not add up.\n${e.lines.join("\n")}${extra}`,
    };
  });
  for (const e of formulaNotes.values()) {
    const { row, col } = parseCellAddress(e.cell);
    marks.push({
      sheet: e.sheet,
      row,
      col,
      fill: FORMULA_FILL,
      note: `ITOS reconciliation: check the formula.\n${e.lines.join("\n")}`,
    });
  }
  return marks;
}
