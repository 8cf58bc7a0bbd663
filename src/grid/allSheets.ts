/**
 * Analyse all sheets (the add-in's pane button and ribbon command): every sheet with a payback
 * grid gets its analysis below its grid, as Analyse would write it, and the workbook gets an
 * "ITOS Portfolio" sheet listing them, one row each. One plan for all of it, so one apply writes
 * it and Remove takes all of it away. A sheet with no room below its grid is listed with a note
 * (its analysis needs a sheet of its own: Analyse on that sheet with "New sheet").
 */
import { counted, money, toNumber } from "../engine";
import type { WorkbookSnapshot } from "../sheet";
import {
  analyseWorkbook,
  nameSuffixFor,
  planAnalysis,
  type SheetAnalysis,
  type WorkbookAnalyseOptions,
} from "./pipeline";
import {
  planPortfolioSheet,
  PORTFOLIO_SHEET_NAME,
  type PortfolioSheetRow,
  type WritePlan,
} from "./plan";

export interface AllSheetsOptions extends WorkbookAnalyseOptions {
  valuesOnly?: boolean;
}

export interface AllSheetsPlan {
  plan: WritePlan;
  analyses: SheetAnalysis[];
  rows: PortfolioSheetRow[];
}

export const NO_ROOM_NOTE =
  "No room below the grid for its analysis: use Analyse on that sheet with New sheet.";

function pounds(analysis: SheetAnalysis, amount: Parameters<typeof money>[0]): number {
  const factor = analysis.model.unit === "£" ? 1 : 1000;
  return toNumber(money(amount).times(factor).toDecimalPlaces(2));
}

function portfolioRow(analysis: SheetAnalysis, note: string | null): PortfolioSheetRow {
  const { model, result, reconciliation } = analysis;
  const label = (i: number | null) => (i === null ? null : result.periods[i].label);
  const be = result.breakEven;
  const breakEven =
    be.status === "reached" ? label(be.index) : be.status === "immediate" ? label(0) : null;
  return {
    sheet: model.sheetName,
    unit: model.unit,
    firstInvestment: label(result.firstInvestment),
    breakEven,
    paybackYears:
      result.paybackYears === null ? null : toNumber(result.paybackYears.toDecimalPlaces(4)),
    basis: result.convention,
    crossover: label(result.crossover),
    investment: pounds(analysis, result.totals.investment),
    return: pounds(analysis, result.totals.return),
    net: pounds(analysis, result.totals.net),
    npv: pounds(analysis, result.npv),
    checked: reconciliation.checked,
    mismatches: reconciliation.mismatch.length,
    note,
  };
}

/** What the pane and the ribbon say when Analyse all sheets is done. */
export function allSheetsMessage(rows: readonly PortfolioSheetRow[]): string {
  const paid = rows.filter((r) => r.breakEven !== null).length;
  const mismatched = rows.filter((r) => r.mismatches > 0).length;
  const noRoom = rows.filter((r) => r.note !== null).map((r) => `'${r.sheet}'`);
  return [
    `Analysed ${counted(rows.length, "sheet")}: ${paid} paid back, ${rows.length - paid} not within the horizon` +
      `${mismatched ? `; ${mismatched} with totals that do not add up` : ""}. The list is on the sheet '${PORTFOLIO_SHEET_NAME}'.`,
    ...(noRoom.length ? [`No room below the grid on ${noRoom.join(", ")}: listed only.`] : []),
  ].join(" ");
}

export function planAllSheets(
  workbook: WorkbookSnapshot,
  options: AllSheetsOptions = {}
): AllSheetsPlan {
  const analysed = analyseWorkbook(workbook, options);
  const sheetPlans: WritePlan[] = [];
  const rows: PortfolioSheetRow[] = [];
  analysed.forEach(({ snapshot, analysis }, k) => {
    const plan = planAnalysis(analysis, snapshot, {
      ownedCells: options.ownedCells,
      valuesOnly: options.valuesOnly,
      nameSuffix: nameSuffixFor(snapshot.sheetName, k),
      placement: "below-grid",
    });
    // One new sheet per apply: the portfolio's. A sheet without room is listed, not analysed in place.
    const fits = plan.newSheet === null;
    if (fits) sheetPlans.push({ ...plan, marks: [] });
    rows.push(portfolioRow(analysis, fits ? null : NO_ROOM_NOTE));
  });
  const portfolio = planPortfolioSheet(rows, options.valuesOnly === true);
  const all = [...sheetPlans, portfolio];
  return {
    plan: {
      newSheet: portfolio.newSheet,
      cells: all.flatMap((p) => p.cells),
      names: all.flatMap((p) => p.names),
      conditionalFormats: all.flatMap((p) => p.conditionalFormats),
      charts: all.flatMap((p) => p.charts),
      marks: [],
    },
    analyses: analysed.map((a) => a.analysis),
    rows,
  };
}
