/** The cumulative-position chart: added over ITOS's cumulative cells, its break-even point marked. */
import { ErrorMessage, ItosError } from "../engine";
import { a1, CHART_NAME, cellKey, parseRangeRef, rangeA1 } from "../sheet";
import type { PlannedChart, WritePlan } from "../grid";

/** A "Sheet!A1:B2" or "'My sheet'!$A$1" reference as a Range on its sheet. */
export function rangeFromRef(context: Excel.RequestContext, ref: string): Excel.Range {
  const box = parseRangeRef(ref);
  if (!box) throw new ItosError("bad-argument", ErrorMessage.write.unreadableReference(ref));
  const sheet = context.workbook.worksheets.getItem(box.sheet);
  return sheet.getRange(rangeA1(box.top, box.left, box.bottom, box.right));
}

/** Index of the first point at or above zero after a point below it: the break-even to highlight. */
export function breakEvenPoint(plan: WritePlan, chart: PlannedChart): number | null {
  const box = parseRangeRef(chart.valuesRef);
  if (!box) return null;
  const byKey = new Map(plan.cells.map((c) => [cellKey(c.sheet, c.row, c.col), c]));
  const values: number[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const v = byKey.get(cellKey(box.sheet, r, c))?.value;
      values.push(typeof v === "number" ? v : NaN);
    }
  }
  let seenNegative = false;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) seenNegative = true;
    else if (seenNegative && values[i] >= 0) return i;
  }
  return null;
}

export function queueChart(
  context: Excel.RequestContext,
  plan: WritePlan,
  chart: PlannedChart
): Excel.Chart {
  const values = rangeFromRef(context, chart.valuesRef);
  const box = parseRangeRef(chart.valuesRef);
  const down = box ? box.bottom > box.top : false;
  const sheet = context.workbook.worksheets.getItem(chart.sheet);
  const added = sheet.charts.add("Line", values, down ? "Columns" : "Rows");
  added.name = CHART_NAME;
  added.title.text = chart.title;
  added.legend.visible = false;
  const series = added.series.getItemAt(0);
  series.name = "Cumulative position";
  series.setXAxisValues(rangeFromRef(context, chart.categoriesRef));
  const { row, col, widthCols, heightRows } = chart.anchor;
  added.setPosition(a1(row, col), a1(row + heightRows - 1, col + widthCols - 1));
  const point = breakEvenPoint(plan, chart);
  if (point !== null) {
    const p = series.points.getItemAt(point);
    p.markerStyle = "Diamond";
    p.markerSize = 11;
    p.markerBackgroundColor = "#107C10";
    p.markerForegroundColor = "#107C10";
    p.hasDataLabel = true;
  }
  return added;
}
