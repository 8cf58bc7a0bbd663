/**
 * The What if section's headroom line: how far the base case's returns can fall, or slip, and it
 * still passes (the figures the command's JSON gives as `headroom`), and where the cut and delay
 * typed stand against them. No DOM.
 */
import Decimal from "decimal.js";
import { counted, money } from "../engine";
import {
  caseLimit,
  marginText,
  scenarioJson,
  type HeadroomJson,
  type SheetAnalysis,
} from "../grid";

/** The case the What if section reruns: the sheet last detected or analysed. */
export type WhatIfBase = Pick<SheetAnalysis, "model" | "flows" | "result">;

/** The base case's headroom against a limit in years (null: none), as the command reports it. */
export function headroomFigures(base: WhatIfBase, limitYears: string | null): HeadroomJson | null {
  return scenarioJson(base, { limitYears }).headroom;
}

function periodWords(base: WhatIfBase, n: number): string {
  const cadence = base.result.cadence;
  const noun = cadence === "annual" ? "year" : cadence === "quarterly" ? "quarter" : "month";
  return counted(n, noun);
}

const percent = (d: Decimal) => `${d.toDecimalPlaces(1).toString()}%`;

/** Spare room is rounded down and room exceeded rounded up, as the limit's margin is. */
function points(d: Decimal, spare: boolean): string {
  const shown = d.abs().toDecimalPlaces(1, spare ? Decimal.ROUND_DOWN : Decimal.ROUND_UP);
  return `${shown.toString()} percentage point${shown.equals(1) ? "" : "s"}`;
}

/** Why there is no headroom: the base case never pays back, or not in time. */
function noRoom(base: WhatIfBase, limitYears: string | null): string {
  const { result } = base;
  if (result.breakEven.status === "not-reached")
    return "None: the case never pays back within the grid as it stands.";
  if (limitYears === null) return "None: the case does not break even within the grid.";
  const check = caseLimit(result, limitYears);
  if (check.verdict === "exceeds")
    return `None: the case already exceeds the ${check.years}-year limit by ${marginText(check)} years.`;
  return `None: the case has no measurable payback to set against the ${check.years}-year limit.`;
}

/**
 * "Returns can fall by up to 34.5%, or all slip by up to 9 months, and the case still pays back
 * within the 3-year limit. The 20% cut is within it, 14.5 percentage points to spare."
 * `cut` and `uplift` are the typed cut and investment uplift as fractions (0.2), `delay` the typed
 * delay in periods.
 */
export function headroomText(
  base: WhatIfBase,
  limitYears: string | null,
  room: HeadroomJson | null,
  typed: { cut: Decimal; delay: number; uplift: Decimal }
): string {
  if (room === null) return noRoom(base, limitYears);
  const test =
    limitYears === null
      ? "still breaks even within the grid"
      : `still pays back within the ${money(limitYears).toString()}-year limit`;
  const roomCut = money(room.returnsCut).times(100);
  const parts = [
    `Returns can fall by up to ${percent(roomCut)}, or all slip by up to ${periodWords(base, room.delayPeriods)}, and the case ${test}.`,
  ];
  const cut = typed.cut.times(100);
  if (cut.greaterThan(0)) {
    const spare = roomCut.minus(cut);
    parts.push(
      spare.isNegative()
        ? `The ${percent(cut)} cut is ${points(spare, false)} beyond it.`
        : `The ${percent(cut)} cut is within it, ${points(spare, true)} to spare.`
    );
  }
  if (typed.delay > 0) {
    const spare = room.delayPeriods - typed.delay;
    parts.push(
      spare < 0
        ? `The delay of ${periodWords(base, typed.delay)} is ${periodWords(base, -spare)} beyond it.`
        : `The delay of ${periodWords(base, typed.delay)} is within it, ${periodWords(base, spare)} to spare.`
    );
  }
  // Changes each within the headroom can still fail together, and an uplift uses some of it.
  const changes = [cut.greaterThan(0), typed.delay > 0, !typed.uplift.isZero()];
  if (parts.length > 1 && changes.filter(Boolean).length > 1)
    parts.push(
      "Each is set against the headroom on its own; the verdict and payback above take every change together."
    );
  return parts.join(" ");
}
