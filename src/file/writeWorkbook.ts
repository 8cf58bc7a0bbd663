/**
 * The file adapter's writer: a WritePlan -> cells, formats, names, conditional formatting and
 * reconciliation marks in an exceljs workbook. Everything it writes is found again through the
 * workbook's ITOS_ names, so a re-run removes the previous output first and replaces it exactly.
 */
import ExcelJS from "exceljs";
import { ItosError } from "../engine";
import {
  a1,
  cellKey,
  isItosName,
  isMarkName,
  NEW_SHEET_NAME,
  parseRangeRef,
  PLAN_MARK_STEM,
  SECTION_NAMES,
  type RangeRef,
} from "../sheet";
import type { PlannedCell, WritePlan } from "../grid";

export const CHART_SKIPPED =
  "The cumulative-position chart is drawn only by the Excel add-in: .xlsx files written by the command carry the table and the highlight.";

type Box = RangeRef;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function isEmptyValue(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The workbook's ITOS_ names with their ranges. */
export function itosNames(wb: ExcelJS.Workbook): { name: string; ranges: string[] }[] {
  return wb.definedNames.model.filter((d) => isItosName(d.name));
}

function boxesOf(ranges: string[]): Box[] {
  return ranges.map((r) => parseRangeRef(r)).filter((b): b is Box => b !== null);
}

function overlaps(ref: string, sheetBox: Box): boolean {
  return ref.split(/\s+/).some((part) => {
    const box = parseRangeRef(`'x'!${part}`);
    return (
      box !== null &&
      box.top <= sheetBox.bottom &&
      box.bottom >= sheetBox.top &&
      box.left <= sheetBox.right &&
      box.right >= sheetBox.left
    );
  });
}

function clearBox(wb: ExcelJS.Workbook, box: Box): void {
  const ws = wb.getWorksheet(box.sheet);
  if (!ws) return;
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = null;
      cell.style = {};
    }
  }
  ws.removeConditionalFormatting(
    (cf: ExcelJS.ConditionalFormattingOptions) => !overlaps(cf.ref, box)
  );
}

/** Takes the fill and note off a marked cell; its value is the user's and stays. */
function unmark(wb: ExcelJS.Workbook, box: Box): void {
  const ws = wb.getWorksheet(box.sheet);
  if (!ws) return;
  const cell = ws.getCell(box.top + 1, box.left + 1);
  (cell as unknown as { _comment?: unknown })._comment = undefined;
  restyle(cell, { fill: { type: "pattern", pattern: "none" } });
}

/**
 * Changes a cell's style on a copy: exceljs shares one style object among the cells that had the
 * same style in the file, so setting cell.fill directly would repaint all of them.
 */
function restyle(cell: ExcelJS.Cell, change: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...change };
}

function sheetIsEmpty(ws: ExcelJS.Worksheet): boolean {
  let empty = true;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!isEmptyValue(cell.value)) empty = false;
    });
  });
  return empty;
}

/**
 * Removes ITOS output: the cells, formats and highlights inside ITOS_ names, the marks on the
 * user's cells, the names themselves, and any ITOS Analysis sheet left empty.
 * `which` picks the names to remove (all ITOS_ names by default).
 */
export function removeItosOutput(
  wb: ExcelJS.Workbook,
  which: (name: string) => boolean = () => true
): number {
  const doomed = itosNames(wb).filter((d) => which(d.name));
  const touchedSheets = new Set<string>();
  for (const d of doomed) {
    for (const box of boxesOf(d.ranges)) {
      touchedSheets.add(box.sheet);
      if (isMarkName(d.name)) unmark(wb, box);
      else clearBox(wb, box);
    }
  }
  const gone = new Set(doomed.map((d) => d.name));
  wb.definedNames.model = wb.definedNames.model.filter((d) => !gone.has(d.name));
  for (const sheet of touchedSheets) {
    const ws = wb.getWorksheet(sheet);
    if (ws && sheet.startsWith(NEW_SHEET_NAME) && sheetIsEmpty(ws)) wb.removeWorksheet(ws.id);
  }
  return doomed.length;
}

/** The names of a plan's family: the ones it carries, and any marks with its suffix. */
function planFamily(plan: WritePlan): (name: string) => boolean {
  const output = plan.names.find((n) => n.name.startsWith(SECTION_NAMES.output));
  const suffix = output ? output.name.slice(SECTION_NAMES.output.length) : "";
  const exact = new Set([
    ...Object.values(SECTION_NAMES).map((section) => `${section}${suffix}`),
    ...plan.names.map((n) => n.name),
  ]);
  const marks = new RegExp(
    `^${PLAN_MARK_STEM}${suffix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}_\\d+$`
  );
  return (name) => exact.has(name) || marks.test(name);
}

function writeCell(ws: ExcelJS.Worksheet, p: PlannedCell): void {
  const cell = ws.getCell(p.row + 1, p.col + 1);
  if (!isEmptyValue(cell.value)) {
    const where = `${ws.name}!${a1(p.row, p.col)}`;
    throw new ItosError(
      "no-room",
      `${where} is not empty, and ITOS never overwrites a cell it did not write.`,
      { cell: where }
    );
  }
  if (p.formula) {
    cell.value = {
      formula: p.formula.replace(/^=/, ""),
      result: p.value ?? undefined,
    } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = p.value;
  }
  restyle(cell, {
    ...(p.numberFormat ? { numFmt: p.numberFormat } : {}),
    ...(p.bold ? { font: { bold: true } } : {}),
    ...(p.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(p.fill) } } }
      : {}),
  });
}

/**
 * Applies a write plan to a loaded workbook, after removing the plan's previous output.
 * Returns what it could not do (the chart) in a user's words.
 */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: WritePlan): string[] {
  removeItosOutput(wb, planFamily(plan));
  const messages: string[] = [];
  if (plan.newSheet && !wb.getWorksheet(plan.newSheet)) wb.addWorksheet(plan.newSheet);
  const sheetOf = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new ItosError("bad-file", `The workbook has no sheet named '${name}'.`);
    return ws;
  };
  for (const p of plan.cells) writeCell(sheetOf(p.sheet), p);
  for (const cf of plan.conditionalFormats) {
    sheetOf(cf.sheet).addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        },
      ],
    });
  }
  for (const m of plan.marks) {
    const cell = sheetOf(m.sheet).getCell(m.row + 1, m.col + 1);
    cell.note = m.note;
    restyle(cell, { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(m.fill) } } });
  }
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  if (plan.charts.length > 0) messages.push(CHART_SKIPPED);
  return messages;
}

export interface WrittenFormula {
  sheet: string;
  /** "B72" */
  address: string;
  /** With its leading "=". */
  formula: string;
  /** The engine's number cached beside the formula. */
  expected: number | string | null;
}

/** Every formula cell inside the workbook's ITOS_ names, with the value cached beside it: what a recalculation must reproduce. */
export function listItosFormulaCells(wb: ExcelJS.Workbook): WrittenFormula[] {
  const seen = new Set<string>();
  const out: WrittenFormula[] = [];
  for (const d of itosNames(wb)) {
    if (isMarkName(d.name)) continue;
    for (const box of boxesOf(d.ranges)) {
      const ws = wb.getWorksheet(box.sheet);
      if (!ws) continue;
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const key = cellKey(box.sheet, r, c);
          const cell = ws.getCell(r + 1, c + 1);
          if (seen.has(key) || cell.type !== ExcelJS.ValueType.Formula) continue;
          seen.add(key);
          // cell.result, not cell.value.result: exceljs drops a cached 0 from the value object.
          const result = cell.result as unknown;
          out.push({
            sheet: box.sheet,
            address: a1(r, c),
            formula: `=${cell.formula}`,
            expected: typeof result === "number" || typeof result === "string" ? result : null,
          });
        }
      }
    }
  }
  return out;
}
