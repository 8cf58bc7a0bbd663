/**
 * Which conditional formats on ITOS's sections are ITOS's own, so Remove and a re-run delete those
 * and keep every rule of the user's, even one that overlaps ITOS's cells.
 *
 * A rule is ITOS's when its section's memo lists it: the key of its range and formula, each
 * reference an offset from the section's corner (src/sheet ruleKey). The memo is in the comment of
 * an ITOS name, which only ITOS writes, and the key moves with the section when the user inserts
 * rows or columns before it; a rule's fill, a formula's shape or "lies inside the section" alone
 * would also match a user's rule set up the same way. A user rule stays whole, wherever it
 * reaches, and so does an ITOS rule that touches a section the user changed (left as they made it).
 */
import {
  a1,
  boxOf,
  isRecordedRule,
  overlaps,
  parseRangeAddress,
  readNameMemo,
  RULES_FIELD,
  type Box,
  type TaggedName,
} from "../sheet";

/** The tags of ITOS's output sections (as ownership.ts reads them). */
function sectionTags(tags: readonly TaggedName[]): TaggedName[] {
  return tags.filter((t) => readNameMemo(t.comment)?.kind === "section");
}

interface SheetRules {
  sheet: string;
  rules: Excel.ConditionalFormatCollection;
}

/** Queues, per sheet, the rules that intersect ITOS's sections there; read them after the sync. */
export function queueRuleLists(
  context: Excel.RequestContext,
  tags: readonly TaggedName[]
): SheetRules[] {
  // A sheet ITOS made goes as a whole, its rules with it.
  const sheetTag = tags.find((t) => readNameMemo(t.comment)?.kind === "sheet");
  const skipSheet = sheetTag ? (boxOf(sheetTag)?.sheet ?? null) : null;
  const bounds = new Map<string, Box>();
  for (const tag of sectionTags(tags)) {
    const box = boxOf(tag);
    if (!box || box.sheet.startsWith("#REF") || box.sheet === skipSheet) continue;
    const b = bounds.get(box.sheet);
    bounds.set(
      box.sheet,
      b
        ? {
            top: Math.min(b.top, box.top),
            left: Math.min(b.left, box.left),
            bottom: Math.max(b.bottom, box.bottom),
            right: Math.max(b.right, box.right),
          }
        : { top: box.top, left: box.left, bottom: box.bottom, right: box.right }
    );
  }
  return [...bounds].map(([sheet, b]) => {
    const range = context.workbook.worksheets
      .getItem(sheet)
      .getRange(`${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
    // A collection proxy queued for loading, read after the sync that loads it.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const rules = range.conditionalFormats;
    rules.load("items/type");
    return { sheet, rules };
  });
}

interface Candidate {
  sheet: string;
  rule: Excel.ConditionalFormat;
  range: Excel.Range;
  formula: Excel.ConditionalFormatRule;
}

/**
 * After the lists' sync: ITOS's rules among them, read on one more sync (only when a custom rule
 * touches a section). `changed` holds the sections the user changed ("Case!A8:D18"), whose rules
 * stay.
 */
export async function readItosRules(
  lists: readonly SheetRules[],
  tags: readonly TaggedName[],
  changed: readonly string[],
  sync: () => Promise<void>
): Promise<Excel.ConditionalFormat[]> {
  const candidates: Candidate[] = [];
  for (const { sheet, rules } of lists)
    for (const rule of rules.items) {
      if (rule.type !== "Custom") continue;
      const range = rule.getRangeOrNullObject();
      range.load("address");
      const formula = rule.custom.rule;
      formula.load("formula");
      candidates.push({ sheet, rule, range, formula });
    }
  if (candidates.length === 0) return [];
  await sync();
  const sections = sectionTags(tags)
    .map((t) => ({ box: boxOf(t), memo: readNameMemo(t.comment) }))
    .filter((s) => s.box !== null);
  const changedBoxes = changed.map((ref) => boxOf({ name: "", ref })).filter((b) => b !== null);
  const mine: Excel.ConditionalFormat[] = [];
  for (const c of candidates) {
    // Several areas read as a null range: ITOS writes one area, so such a rule is the user's.
    if (c.range.isNullObject) continue;
    const box = parseRangeAddress(c.range.address);
    const formula = c.formula.formula;
    const recorded = sections.some(
      ({ box: s, memo }) =>
        s!.sheet === c.sheet && isRecordedRule(memo?.[RULES_FIELD], s!, box, formula)
    );
    const touchesChanged = changedBoxes.some((b) => b!.sheet === c.sheet && overlaps(b!, box));
    if (recorded && !touchesChanged) mine.push(c.rule);
  }
  return mine;
}
