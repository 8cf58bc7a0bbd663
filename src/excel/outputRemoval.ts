/**
 * Queues the removal of ITOS's earlier output: the cells ITOS wrote (by ownership: its style, in
 * a section the user has not changed), its own conditional formats (read by ruleOwnership.ts),
 * its section names, its chart and the sheet it created. Cells the user typed or formatted inside the old block are not among them. Marks on
 * the user's cells are removeOutput's job (queueClearMarks).
 */
import { a1, boxOf, DIGEST_FIELD, readNameMemo, RULES_FIELD, type TaggedName } from "../sheet";
import { isSheetTag, SECTION_COMMENT } from "./officeNames";
import { sectionTags } from "./ownership";

interface Run {
  sheet: string;
  row: number;
  left: number;
  right: number;
}

/** Owned cells ("Sheet!A1" keys) as runs along each row, so each run is cleared in one command. */
export function rowRuns(keys: ReadonlySet<string>): Run[] {
  const cells = [...keys].map((key) => {
    const bang = key.lastIndexOf("!");
    const m = /^([A-Z]+)(\d+)$/.exec(key.slice(bang + 1)) as RegExpExecArray;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { sheet: key.slice(0, bang), row: Number(m[2]) - 1, col: col - 1 };
  });
  cells.sort((a, b) =>
    a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.col - b.col
  );
  const runs: Run[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === c.sheet && last.row === c.row && last.right + 1 === c.col)
      last.right = c.col;
    else runs.push({ sheet: c.sheet, row: c.row, left: c.col, right: c.col });
  }
  return runs;
}

export function queueRemoveOutput(
  context: Excel.RequestContext,
  tags: readonly TaggedName[],
  charts: readonly Excel.Chart[],
  ownedCells: ReadonlySet<string>,
  rules: readonly Excel.ConditionalFormat[],
  changedSections: readonly string[] = []
): { deletedSheet: string | null } {
  const wb = context.workbook;
  const sheetTag = tags.find(isSheetTag);
  const taggedSheet = sheetTag ? (boxOf(sheetTag)?.sheet ?? null) : null;
  // A sheet ITOS made that holds a section the user changed is theirs now: untagged, kept.
  const keepSheet = changedSections.some((ref) => boxOf({ name: "", ref })?.sheet === taggedSheet);
  const itosSheet = keepSheet ? null : taggedSheet;
  const sections = sectionTags(tags);
  // Digests off first: if Excel stops part-way through, the cells left are still ITOS's by their
  // style alone, so a later Analyse or Remove finishes the job instead of keeping them as the user's.
  for (const tag of sections) {
    const memo = readNameMemo(tag.comment);
    if (memo?.[DIGEST_FIELD] === undefined) continue;
    const rules = memo[RULES_FIELD];
    wb.names.getItem(tag.name).comment = SECTION_COMMENT(
      null,
      Array.isArray(rules) ? rules.map(String) : undefined
    );
  }
  // Then the cells, and only then the names that find them.
  for (const run of rowRuns(ownedCells)) {
    if (run.sheet === itosSheet) continue; // the sheet goes as a whole
    wb.worksheets
      .getItem(run.sheet)
      .getRange(`${a1(run.row, run.left)}:${a1(run.row, run.right)}`)
      .clear("All");
  }
  // ITOS's own rules only (ruleOwnership.ts): a user's rule over ITOS's cells stays whole.
  for (const rule of rules) rule.delete();
  for (const tag of sections) wb.names.getItem(tag.name).delete();
  for (const chart of charts) if (!chart.isNullObject) chart.delete();
  if (sheetTag) {
    wb.names.getItem(sheetTag.name).delete();
    if (itosSheet) wb.worksheets.getItem(itosSheet).delete();
  }
  return { deletedSheet: itosSheet };
}
