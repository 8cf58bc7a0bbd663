/**
 * The table of docs/accuracy.md: for each case of REAL_CASES, the paper's figure, what ITOS reports
 * for the same sheet (read as published, no options), the convention it is in, and whether ITOS
 * agrees with the figures worked by hand in test/support/realLayouts.ts. Printed by
 * `npm run accuracy` (scripts/accuracy-table.ts); a test holds the doc to it.
 */
import * as path from "path";
import { readWorkbook } from "../../src/file";
import {
  analyseWorkbookSheets,
  sheetReportJson,
  summariseWorkbook,
  type SchemeSummary,
  type SheetAnalysis,
  type SheetOutcome,
  type SheetReportJson,
  type WorkbookAnalyseOptions,
} from "../../src/grid";
import { isItosError } from "../../src/engine";
import type { WorkbookSnapshot } from "../../src/sheet";
import { REAL_CASES, type Convention, type RealCase } from "./realLayouts";

const DIR = path.join(__dirname, "..", "fixtures", "real-layouts");

const SHORT: Record<Convention, string> = {
  "first-investment": "FI",
  "first-return": "FR",
  simple: "S",
  "time-zero": "T0",
};
const CONVENTIONS = Object.keys(SHORT) as Convention[];

export interface AccuracyRow {
  case: string;
  paper: string;
  itos: string;
  convention: string;
  agrees: string;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 5e-5;
const years = (n: number) => `${Number(n.toFixed(4))}`;
const pounds = (n: number) => Math.abs(n).toLocaleString("en-GB");

/** The paybacks the paper states, as printed, with their cells. */
function paperFigure(c: RealCase): string {
  const stated = [
    ...c.statedPaybacks,
    ...(c.schemeSummary ?? []).flatMap((r) => (r.stated ? [r.stated] : [])),
  ].filter((s, i, all) => all.findIndex((t) => t.cell === s.cell) === i);
  if (stated.length === 0)
    return c.net === null && !c.schemeSummary ? "totals as printed" : "none stated";
  if (stated.length > 3)
    return `${stated.length} paybacks stated (${stated[0].cell} to ${stated[stated.length - 1].cell})`;
  return stated.map((s) => `"${s.text}" (${s.cell})`).join("; ");
}

/** Where ITOS's stated-payback verdicts differ from the hand answer's, by cell. */
function statedDisagreements(c: RealCase, json: SheetReportJson): string[] {
  const out: string[] = [];
  for (const want of c.statedPaybacks) {
    const got = json.statedPaybacks.find((s) => s.cell === `${c.sheet}!${want.cell}`);
    if (!got) out.push(`${want.cell} not found`);
    else if (got.matches !== want.reproducedBy.length > 0)
      out.push(`${want.cell} ${got.matches ? "matched" : "not matched"}`);
    else if (
      got.matches &&
      [...got.conventions].sort().join() !== [...want.reproducedBy].sort().join()
    )
      out.push(`${want.cell} by ${got.conventions.map((k) => SHORT[k]).join(", ")}`);
  }
  return out;
}

function timelineRow(c: RealCase, analysis: SheetAnalysis): Omit<AccuracyRow, "case" | "paper"> {
  const json = sheetReportJson(analysis);
  const be = analysis.result.breakEven;
  // The period as the sheet heads it (the JSON gives its key: "2027-Q3" for "Q2 2027/28").
  const breakEven = be.status === "reached" ? analysis.result.periods[be.index].label : null;
  const wrong: string[] = [];
  for (const k of CONVENTIONS)
    if (!close(json.paybackByConvention[k], c.payback[k]))
      wrong.push(`${SHORT[k]} ${json.paybackByConvention[k] ?? "none"}`);
  if (breakEven !== c.breakEven) wrong.push(`break-even ${breakEven ?? "none"}`);
  wrong.push(...statedDisagreements(c, json));
  const reproduced = json.statedPaybacks
    .filter((s) => s.matches && c.statedPaybacks.some((w) => `${c.sheet}!${w.cell}` === s.cell))
    .map((s) => s.conventions.map((k) => SHORT[k]).join(" = "));
  const itos =
    json.paybackYears === null
      ? `not paid back: short ${be.status === "not-reached" ? pounds(be.shortfall.toNumber()) : "?"}`
      : `${years(json.paybackYears)} years, break-even ${breakEven}`;
  const convention = `${SHORT[json.convention]}${reproduced.length ? `; the paper's figure is ${[...new Set(reproduced)].join("; ")}` : ""}`;
  return { itos, convention, agrees: wrong.length ? `disagree: ${wrong.join("; ")}` : "agree" };
}

function summaryRow(c: RealCase, summary: SchemeSummary): Omit<AccuracyRow, "case" | "paper"> {
  const wrong: string[] = [];
  const want = c.schemeSummary ?? [];
  if (summary.rows.length !== want.length) wrong.push(`${summary.rows.length} schemes read`);
  want.forEach((w, k) => {
    const got = summary.rows[k];
    if (!got) return;
    const computed = got.computedYears === null ? null : got.computedYears.toNumber();
    if (!close(computed, w.computedYears)) wrong.push(`${w.labelCell} ${computed ?? "none"}`);
    const expected =
      w.stated === null
        ? undefined
        : w.annualSaving === null
          ? null
          : w.stated.reproducedBy.length > 0;
    if (expected !== undefined && got.stated?.matches !== expected)
      wrong.push(`${w.stated!.cell} ${got.stated?.matches ?? "not found"}`);
  });
  const stated = summary.rows.flatMap((r) => (r.stated ? [r.stated] : []));
  const count = (m: boolean | null) => stated.filter((s) => s.matches === m).length;
  const computed = summary.rows.map((r) =>
    r.computedYears === null ? "n/a" : r.computedYears.toFixed(2)
  );
  const figures =
    computed.length <= 5
      ? `cost ÷ saving ${computed.join(", ")} years`
      : `${computed.length} schemes`;
  const verdicts = stated.length
    ? `; stated paybacks: ${count(true)} follow, ${count(false)} do not${count(null) ? `, ${count(null)} cannot be checked` : ""}`
    : "";
  return {
    itos: `${figures}${verdicts}`,
    convention: "S (cost ÷ annual saving)",
    agrees: wrong.length ? `disagree: ${wrong.join("; ")}` : "agree",
  };
}

/** The sheet's outcome; a sheet with no grid at all is an outcome with its error, not a throw. */
function outcomeOf(workbook: WorkbookSnapshot, options: WorkbookAnalyseOptions): SheetOutcome {
  try {
    return analyseWorkbookSheets(workbook, options)[0];
  } catch (e) {
    if (!isItosError(e)) throw e;
    const snapshot = workbook.sheets.find((s) => s.sheetName === options.sheet)!;
    return { sheetName: snapshot.sheetName, snapshot, error: e };
  }
}

function budgetRow(c: RealCase, workbook: WorkbookSnapshot): Omit<AccuracyRow, "case" | "paper"> {
  const refused = outcomeOf(workbook, { sheet: c.sheet });
  const read = outcomeOf(workbook, { sheet: c.sheet, reconcileOnly: true });
  if (!read.analysis)
    return {
      itos: `not read: ${read.error!.message}`,
      convention: "n/a",
      agrees: "disagree: not read",
    };
  const rec = read.analysis.reconciliation;
  const bare = (cell: string) => cell.slice(cell.lastIndexOf("!") + 1);
  const off = [...rec.mismatch, ...rec.roundingNotes].map((f) => bare(f.cell)).sort();
  const want = c.statedTotalMismatches.map((m) => m.cell).sort();
  const wrong: string[] = [];
  if (!refused.error) wrong.push("a payback was given");
  if (off.join() !== want.join()) wrong.push(`totals off at ${off.join(", ") || "none"}`);
  return {
    itos: `refused for payback (no investment or return); ${rec.checked} totals checked, ${rec.match} match, ${rec.rounding} within rounding, ${rec.mismatch.length} mismatch`,
    convention: "n/a",
    agrees: wrong.length ? `disagree: ${wrong.join("; ")}` : "agree",
  };
}

export async function accuracyRows(): Promise<AccuracyRow[]> {
  const books = new Map<string, WorkbookSnapshot>();
  const rows: AccuracyRow[] = [];
  for (const c of REAL_CASES) {
    if (!books.has(c.file)) books.set(c.file, await readWorkbook(path.join(DIR, c.file)));
    const workbook = books.get(c.file)!;
    const name = `${c.file.replace(/\.xlsx$/, "")} / ${c.sheet}${c.scheme ? `, ${c.scheme}` : ""}`;
    const head = { case: name, paper: paperFigure(c) };
    if (c.orientation === "no-periods") {
      const [found] = summariseWorkbook(workbook, { sheet: c.sheet });
      rows.push(
        found
          ? { ...head, ...summaryRow(c, found.summary) }
          : { ...head, itos: "not read", convention: "n/a", agrees: "disagree: not read" }
      );
      continue;
    }
    if (c.net === null) {
      rows.push({ ...head, ...budgetRow(c, workbook) });
      continue;
    }
    const outcome = outcomeOf(workbook, { sheet: c.sheet });
    if (!outcome.analysis) {
      rows.push({
        ...head,
        itos: `refused: ${outcome.error!.message}`,
        convention: "n/a",
        agrees: "disagree: refused",
      });
      continue;
    }
    const sameSheet = REAL_CASES.filter((x) => x.file === c.file && x.sheet === c.sheet);
    const scheme = outcome.analysis.schemes?.[sameSheet.indexOf(c)] ?? outcome.analysis;
    rows.push({ ...head, ...timelineRow(c, scheme) });
  }
  return rows;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The markdown table, as docs/accuracy.md holds it. */
export async function accuracyTable(): Promise<string> {
  const rows = await accuracyRows();
  return [
    "| # | Case (workbook / sheet) | The paper's figure | ITOS | Convention | Agrees with the hand answer |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r, k) =>
        `| ${k + 1} | ${cell(r.case)} | ${cell(r.paper)} | ${cell(r.itos)} | ${cell(r.convention)} | ${cell(r.agrees)} |`
    ),
  ].join("\n");
}
