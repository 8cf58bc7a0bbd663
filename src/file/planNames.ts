/** Which of ITOS's workbook names belong to one write plan, so a re-run replaces only its own. */
import type { WritePlan } from "../grid";
import { isItosName, PLAN_MARK_STEM, SECTION_NAMES, SHEET_TAG } from "../sheet";

/** The names a plan's family carries besides its marks: the sections and ITOS's sheet tag. */
const FAMILY_STEMS = [...Object.values(SECTION_NAMES), SHEET_TAG];

/** The suffix of a plan's names ("" for the first analysed sheet). */
export function planSuffix(plan: WritePlan): string {
  const output = plan.names.find((n) => n.name.startsWith(SECTION_NAMES.output));
  return output ? output.name.slice(SECTION_NAMES.output.length) : "";
}

/** The names of a plan's family: the ones it carries, and any marks with its suffix. */
export function planFamily(plan: WritePlan): (name: string) => boolean {
  const suffix = planSuffix(plan);
  const exact = new Set([
    ...FAMILY_STEMS.map((stem) => `${stem}${suffix}`),
    ...plan.names.map((n) => n.name),
  ]);
  const marks = new RegExp(
    `^${PLAN_MARK_STEM}${suffix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}_\\d+$`
  );
  return (name) => isItosName(name) && (exact.has(name) || marks.test(name));
}
