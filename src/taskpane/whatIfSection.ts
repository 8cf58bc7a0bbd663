/**
 * The "What if" section: its inputs recompute the scenario from the last sheet read (Detect or
 * Analyse) on every keystroke. It never calls Excel, so typing costs no sync.
 */
import type { SheetAnalysis } from "../grid";
import { byId, show } from "./view";
import { defaultWhatIfTexts, whatIfView, withOptimismBias, type WhatIfTexts } from "./whatIf";

const INPUTS = {
  cutPercent: "whatif-cut",
  delayPeriods: "whatif-delay",
  upliftPercent: "whatif-uplift",
  limitYears: "limit-years",
} as const satisfies Record<keyof WhatIfTexts, string>;

let base: Parameters<typeof whatIfView>[0] | null = null;

function readTexts(): WhatIfTexts {
  const texts = defaultWhatIfTexts();
  for (const [key, id] of Object.entries(INPUTS) as [keyof WhatIfTexts, string][])
    texts[key] = byId<HTMLInputElement>(id).value;
  return texts;
}

function refresh(): void {
  if (!base) return;
  const view = whatIfView(base, readTexts());
  const problem = byId("whatif-problem");
  problem.textContent = view.problem ?? "";
  show(problem, view.problem !== null);
  show(byId("whatif-result"), view.problem === null);
  if (view.problem !== null) return;
  const verdict = byId("whatif-verdict");
  verdict.textContent = view.verdict || "No payback limit set";
  verdict.dataset.verdict = view.verdictKind ?? "none";
  byId("whatif-payback").textContent = [view.payback, view.paybackChange]
    .filter(Boolean)
    .join(", ");
  byId("whatif-npv").textContent = `${view.npv}, ${view.npvChange}`;
  const lost = byId("whatif-lost");
  lost.textContent = view.lost ?? "";
  show(lost, view.lost !== null);
}

/** The case the section reruns: the sheet just detected or analysed. */
export function setWhatIfBase(analysis: SheetAnalysis): void {
  base = { flows: analysis.flows, result: analysis.result, unit: analysis.model.unit };
  show(byId("whatif-empty"), false);
  refresh();
}

export function wireWhatIf(): void {
  for (const id of Object.values(INPUTS)) byId(id).addEventListener("input", refresh);
  byId("whatif-optimism").addEventListener("click", () => {
    const preset = withOptimismBias(
      readTexts(),
      byId<HTMLInputElement>("ob-uplift").value,
      byId<HTMLInputElement>("ob-reduction").value
    );
    byId<HTMLInputElement>(INPUTS.upliftPercent).value = preset.upliftPercent;
    byId<HTMLInputElement>(INPUTS.cutPercent).value = preset.cutPercent;
    refresh();
  });
}
