/** The ribbon commands' result messages: short, plain, naming cells. Pure, tested without Office. */
import type { PaybackResult } from "../engine";
import type { ReconciliationReport, Unit } from "../grid";
import { findingsView, kpiView } from "../taskpane/state";

export function analyseMessage(
  sheet: string,
  result: PaybackResult,
  unit: Unit,
  where: string
): string {
  const kpis = kpiView(result, unit);
  const get = (id: string) => kpis.find((k) => k.id === id)!;
  const be = get("break-even");
  const payback = get("payback");
  return [
    `ITOS analysed '${sheet}'.`,
    `Break-even: ${be.value}.`,
    `Payback: ${payback.value}${payback.detail ? `, ${payback.detail}` : ""}.`,
    `Written ${where}.`,
  ].join("\n");
}

export function reconcileMessage(sheet: string, report: ReconciliationReport): string {
  const view = findingsView(report);
  const lines = [`ITOS checked the totals on '${sheet}'.`, view.summary];
  for (const item of view.items.slice(0, 5)) lines.push(`• ${item.title}`);
  if (view.items.length > 5)
    lines.push(`…and ${view.items.length - 5} more: open ITOS to see them all.`);
  if (report.mismatch.length > 0)
    lines.push("Mismatching cells are marked with a red fill and a note.");
  if (report.formulaFindings.length > 0)
    lines.push("Formulas to check are marked with a blue fill and a note.");
  if (view.roundingNote) lines.push(view.roundingNote);
  return lines.join("\n");
}
