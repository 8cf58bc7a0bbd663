/**
 * Reconciliation marks: a fill and a note on each cell whose stated total does not add up. The
 * plan writer tags each mark with an ITOS_Marks_* name, so one "Remove ITOS output" takes them
 * all off again and leaves the user's values alone.
 */
import { showAmount, fromNumber } from "../../engine";
import { parseCellAddress } from "../../sheet";
import type { ReconciliationFinding, ReconciliationReport } from "../reconcile";
import type { PlannedMark } from "./writePlan";

/** Excel's light red "bad" fill: a cell that is likely wrong itself. */
export const MISMATCH_FILL = "#FFC7CE";
/** Excel's light amber "neutral" fill: a cell that fails only because another cell is wrong. */
export const CONSEQUENCE_FILL = "#FFEB9C";

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
  return [...byCell.values()].map((e) => {
    const { row, col } = parseCellAddress(e.cell);
    return {
      sheet: e.sheet,
      row,
      col,
      fill: e.cause ? MISMATCH_FILL : CONSEQUENCE_FILL,
      note: `ITOS reconciliation: does not add up.\n${e.lines.join("\n")}`,
    };
  });
}
