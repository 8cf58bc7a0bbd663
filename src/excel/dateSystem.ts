/**
 * Which date system the open workbook uses. Office.js has no property for it, but Excel's own
 * DATE(1904, 1, 1) is 0 in the 1904 system and 1,462 in the 1900 system; the probe is queued
 * into a sync the reader makes anyway, so it costs no round trip.
 */
import { DATE_1904_OFFSET, isDateFormat } from "../engine";
import type { CellValue } from "../sheet";

/** Queues the probe; the returned function answers once the next sync has run. */
export function queueDateSystemProbe(context: Excel.RequestContext): () => boolean {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  return () => probe.value === 0;
}

/**
 * Numbers shown as dates, moved to the 1900 system's count in place: the grid layer reads every
 * date serial as the 1900 system counts it, as the file reader gives it.
 */
export function toDate1900System(
  values: CellValue[][],
  numberFormats: readonly (readonly (string | null)[])[]
): void {
  const known = new Map<string, boolean>();
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      const format = numberFormats[i]?.[j];
      if (typeof value !== "number" || !format) return;
      let isDate = known.get(format);
      if (isDate === undefined) known.set(format, (isDate = isDateFormat(format)));
      if (isDate) row[j] = value + DATE_1904_OFFSET;
    })
  );
}
