/** The short human report of a sheet: break-even first, then the year table, then reconciliation. */
import { formatMoney, PAYBACK_CONVENTIONS, type PaybackConvention } from "../engine";
import { hasCountedLines, type GridModel } from "./read";
import type { SheetAnalysis } from "./pipeline";
import { scenarioText, type ScenarioRequest } from "./scenarioReport";
import { trackingText } from "./trackingReport";
import { reconciliationText } from "./reconciliationReport";
import { singleReportJson, type SheetReportJson } from "./sheetReportJson";
import { statedPaybacksText, yearsText } from "./statedPaybackReport";

/** Where each convention counts from, for a sentence. */
const CONVENTION_FROM: Record<PaybackConvention, string> = {
  "first-investment": "the start of the first investment",
  "first-return": "the start of the first return",
  simple: "the first return, the whole investment taken as paid up front",
  "time-zero": "the end of Year 0",
};

/** "Paybacks by convention: first-investment 2.04 years (headline), first-return ..." */
function conventionsLine(json: SheetReportJson): string {
  const parts = PAYBACK_CONVENTIONS.map(
    (c) =>
      `${c} ${yearsText(json.paybackByConvention[c])}${c === json.convention ? " (headline)" : ""}`
  );
  return `  Paybacks by convention: ${parts.join(", ")}.`;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function breakEvenSentence(
  analysis: Omit<SheetAnalysis, "schemes">,
  json: SheetReportJson
): string {
  const { result } = analysis;
  const be = result.breakEven;
  if (be.status === "not-reached")
    return `Not paid back within the horizon: the cumulative position ends ${formatMoney(be.shortfall)} short of break-even.`;
  if (be.status === "immediate")
    return "Paid back immediately: the cumulative position is never negative.";
  const label = result.periods[be.index].label;
  const months =
    json.paybackMonths === null
      ? ""
      : ` Payback ${json.paybackMonths.toFixed(2)} months (${json.paybackYears?.toFixed(2)} years) from ${CONVENTION_FROM[result.convention]} (${result.convention} convention).`;
  const sustained =
    be.sustainedIndex !== null && be.sustainedIndex !== be.index
      ? ` Sustained break-even: ${result.periods[be.sustainedIndex].label}.`
      : "";
  return `Break-even: ${label} (cumulative position turns positive).${months}${sustained}`;
}

/** The human report for one sheet; a sheet of several schemes reports each in turn. */
export function sheetReportText(analysis: SheetAnalysis, scenario?: ScenarioRequest): string {
  if (!analysis.schemes || analysis.schemes.length === 0)
    return singleReportText(analysis, scenario);
  const n = analysis.schemes.length;
  return [
    `${analysis.model.sheetName}: ${n} schemes, each analysed on its own.`,
    ...analysis.schemes.map((s) => `Scheme ${s.scheme}:\n${singleReportText(s, scenario)}`),
  ].join("\n\n");
}

function singleReportText(
  analysis: Omit<SheetAnalysis, "schemes">,
  scenario?: ScenarioRequest
): string {
  const { model, result, reconciliation } = analysis;
  const json = singleReportJson(analysis);
  const label = (i: number | null): string => (i === null ? "none" : result.periods[i].label);
  const out: string[] = [];
  out.push(
    `${model.sheetName} (${model.unit}, ${result.cadence}, ${label(0)} to ${label(result.periods.length - 1)})`
  );
  out.push(`  ${breakEvenSentence(analysis, json)}`);
  out.push(conventionsLine(json));
  out.push(...statedPaybacksText(analysis.statedPaybacks));
  if (scenario && hasCountedLines(model)) out.push(...scenarioText(analysis, scenario));
  out.push(
    `  First investment: ${label(result.firstInvestment)}.  Crossover (return first exceeds investment): ${label(result.crossover)}.`
  );
  const roi = result.roi === null ? "n/a" : `${result.roi.times(100).toFixed(1)}%`;
  out.push(
    `  Totals: investment ${formatMoney(result.totals.investment)}, return ${formatMoney(result.totals.return)}, net ${formatMoney(result.totals.net)}; ROI ${roi}; NPV at ${result.discountRate.times(100).toString()}% ${formatMoney(result.npv)}.`
  );
  const tracked = trackingText(analysis.tracking);
  if (tracked) out.push(tracked);
  const widths = [10, 14, 14, 14, 14];
  out.push("");
  out.push(
    `  ${pad("Year", widths[0])}${["Investment", "Return", "Net", "Cumulative"].map((h, i) => pad(h, widths[i + 1], true)).join("")}`
  );
  for (const y of result.years) {
    out.push(
      `  ${pad(y.fy, widths[0])}${[y.investment, y.return, y.net, y.cumulative].map((v, i) => pad(formatMoney(v), widths[i + 1], true)).join("")}`
    );
  }
  out.push("");
  out.push(reconciliationText(reconciliation));
  const left = excludedText(model);
  if (left) out.push(left);
  for (const m of result.messages) out.push(`  Note: ${m}`);
  return out.join("\n");
}

/** The amount lines left out of the payback, one a line, money first; "" when there are none. */
export function excludedText(model: GridModel): string {
  const sorted = [...model.excluded].sort((a, b) => Number(b.holdsMoney) - Number(a.holdsMoney));
  return sorted
    .map(
      (e) =>
        `  Not counted: ${e.cell}${e.label ? ` '${e.label}'` : ""}: ${e.reason}${e.holdsMoney ? " (holds money)" : ""}.`
    )
    .join("\n");
}
