/**
 * The "What if" section: its inputs recompute the scenario from the last sheet read (Detect or
 * Analyse) on every keystroke. It never calls Excel, so typing costs no sync.
 */
import type { HeadroomJson, SheetAnalysis } from "../grid";
import { byId, show } from "./view";
import {
  defaultWhatIfTexts,
  whatIfView,
  withOptimismBias,
  type WhatIfBase,
  type WhatIfTexts,
} from "./whatIf";
import { renderWhatIfChart } from "./whatIfChart";
import { headroomFigures } from "./whatIfHeadroom";

const INPUTS = {
  cutPercent: "whatif-cut",
  delayPeriods: "whatif-delay",
  upliftPercent: "whatif-uplift",
  limitYears: "limit-years",
} as const satisfies Record<keyof WhatIfTexts, string>;

let base: WhatIfBase | null = null;
/** The base case's headroom for the last limit asked: only a new limit or a new read moves it. */
let room: { limit: string | null; figures: HeadroomJson | null } | null = null;

function roomFor(limit: string | null): HeadroomJson | null {
  if (!base) return null;
  if (room === null || room.limit !== limit)
    room = { limit, figures: headroomFigures(base, limit) };
  return room.figures;
}

function readTexts(): WhatIfTexts {
  const texts = defaultWhatIfTexts();
  for (const [key, id] of Object.entries(INPUTS) as [keyof WhatIfTexts, string][])
    texts[key] = byId<HTMLInputElement>(id).value;
  return texts;
}

function refresh(): void {
  if (!base) return;
  const view = whatIfView(base, readTexts(), roomFor);
  const problem = byId("whatif-problem");
  problem.textContent = view.problem ?? "";
  show(problem, view.problem !== null);
  show(byId("whatif-result"), view.problem === null);
  renderWhatIfChart(view.chart);
  if (view.problem !== null) {
    show(byId("whatif-lost"), false);
    return;
  }
  const verdict = byId("whatif-verdict");
  verdict.textContent = view.verdict || "No payback limit set";
  verdict.dataset.verdict = view.verdictKind ?? "none";
  byId("whatif-payback").textContent = [view.payback, view.paybackChange]
    .filter(Boolean)
    .join(", ");
  byId("whatif-npv").textContent = `${view.npv}, ${view.npvChange}`;
  byId("whatif-headroom").textContent = view.headroom;
  const lost = byId("whatif-lost");
  lost.textContent = view.lost ?? "";
  show(lost, view.lost !== null);
}

/** The case the section reruns: the sheet just detected or analysed. */
export function setWhatIfBase(analysis: SheetAnalysis): void {
  base = { model: analysis.model, flows: analysis.flows, result: analysis.result };
  room = null;
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
