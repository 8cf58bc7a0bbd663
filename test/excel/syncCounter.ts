/**
 * Counts context.sync() calls for a read + apply of a grid of a given size, through the Office
 * adapter on the in-memory Excel host. Used by the sync-count test and by `npm run bench`.
 */
import { createFakeExcel, type FakeHost } from "../browser/fakeExcelHost";
import { readActiveSheet } from "../../src/excel/readSnapshot";
import { applyPlanInContext, type ApplyOptions } from "../../src/excel/applyPlan";
import { emptyPlan, type PlannedCell, type WritePlan } from "../../src/grid";
import { absoluteRangeRef } from "../../src/sheet";

export const SHEET = "Cases";
export const WIDTH = 6;

/** A user sheet of `rows` rows: a header, then month serials and two amount columns. */
export function userSheet(rows: number): {
  sheetName: string;
  values: (string | number | null)[][];
  numberFormats: string[][];
} {
  const values: (string | number | null)[][] = [
    ["Month", "Investment", "Return", "Net", "Cum", "Notes"],
  ];
  const numberFormats: string[][] = [values[0].map(() => "General")];
  for (let i = 1; i < rows; i++) {
    values.push([
      44652 + 30 * i,
      -1000 - (i % 7),
      400 + (i % 11),
      null,
      null,
      i % 50 === 0 ? "checked" : null,
    ]);
    numberFormats.push([
      "mmm-yy",
      "#,##0;(#,##0)",
      "#,##0;(#,##0)",
      "General",
      "General",
      "General",
    ]);
  }
  return { sheetName: SHEET, values, numberFormats };
}

/** An output plan of `rows` rows below the user's grid: formulas, a name, a CF rule and a chart. */
export function outputPlan(rows: number): WritePlan {
  const top = rows + 1;
  const cells: PlannedCell[] = [];
  for (let i = 0; i < rows; i++) {
    const r = top + i;
    cells.push({ sheet: SHEET, row: r, col: 0, value: `P${i + 1}` });
    cells.push({
      sheet: SHEET,
      row: r,
      col: 1,
      value: -1000,
      formula: `=B${i + 2}`,
      numberFormat: "#,##0;(#,##0)",
    });
    cells.push({
      sheet: SHEET,
      row: r,
      col: 2,
      value: 400,
      formula: `=C${i + 2}`,
      numberFormat: "#,##0;(#,##0)",
    });
    cells.push({
      sheet: SHEET,
      row: r,
      col: 3,
      value: -600,
      formula: `=B${r + 1}+C${r + 1}`,
      numberFormat: "#,##0;(#,##0)",
    });
    cells.push({
      sheet: SHEET,
      row: r,
      col: 4,
      value: -600 * (i + 1),
      formula: i === 0 ? `=D${r + 1}` : `=E${r}+D${r + 1}`,
      numberFormat: "#,##0;(#,##0)",
    });
    cells.push({ sheet: SHEET, row: r, col: 5, value: i === 0 ? "start" : null, bold: i === 0 });
  }
  const bottom = top + rows - 1;
  return {
    ...emptyPlan(),
    cells,
    names: [
      {
        name: "ITOS_Output",
        ref: absoluteRangeRef({
          sheet: SHEET,
          top: top,
          left: 0,
          bottom: bottom,
          right: WIDTH - 1,
        }),
      },
      {
        name: "ITOS_Cumulative",
        ref: absoluteRangeRef({ sheet: SHEET, top: top, left: 4, bottom: bottom, right: 4 }),
      },
    ],
    conditionalFormats: [
      {
        sheet: SHEET,
        range: `A${top + 2}:E${bottom + 1}`,
        formula: `=AND($E${top + 2}>=0,$E${top + 1}<0)`,
        fill: "#C6EFCE",
      },
    ],
    charts: [
      {
        sheet: SHEET,
        title: "Cumulative position (£)",
        categoriesRef: absoluteRangeRef({
          sheet: SHEET,
          top: top,
          left: 0,
          bottom: bottom,
          right: 0,
        }),
        valuesRef: absoluteRangeRef({ sheet: SHEET, top: top, left: 4, bottom: bottom, right: 4 }),
        anchor: { row: top, col: 8, widthCols: 8, heightRows: 18 },
      },
    ],
  };
}

export interface SyncCount {
  read: number;
  apply: number;
  total: number;
  host: FakeHost;
}

/** Read the sheet (one Excel.run) and apply a plan of the same size (another); syncs of each. */
export async function measureSyncs(rows: number, options: ApplyOptions = {}): Promise<SyncCount> {
  const host = createFakeExcel({ sheets: [userSheet(rows)] });
  await host.Excel.run((ctx) => readActiveSheet(ctx));
  const read = host.model.syncs;
  const result = await host.Excel.run((ctx) => applyPlanInContext(ctx, outputPlan(rows), options));
  const apply = host.model.syncs - read;
  if (apply !== result.syncs)
    throw new Error(`applyPlan reported ${result.syncs} syncs, the host saw ${apply}`);
  return { read, apply, total: read + apply, host };
}

/** Total context.sync() calls to read and write back a grid of `rows` rows. */
export async function countSyncsForRows(rows: number): Promise<number> {
  return (await measureSyncs(rows)).total;
}
