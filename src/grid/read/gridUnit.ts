/** The unit a grid states (titles, header rows, labels, or the amounts' number format). */
import { counted } from "../../engine";
import { cellName } from "./orient";
import type { GridLine, Unit } from "./model";
import { cellAt, formatAt, type SheetSnapshot } from "../../sheet";
import { unitInFormat, unitInText } from "./units";
import type { BlockSpan } from "./blocks";

/** Where a unit is stated, most telling first: titles, header rows, labels, then anywhere beside the grid. */
export function* unitPlaces(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  labelCol: number,
  right: number
): Generator<{ row: number; col: number }> {
  const firstHeader = spans[0].header.row;
  for (let r = snapshot.top; r < firstHeader; r++)
    for (let c = snapshot.left; c <= right; c++) yield { row: r, col: c };
  for (const span of spans)
    for (let c = snapshot.left; c <= right; c++) yield { row: span.header.row, col: c };
  for (const span of spans)
    for (let r = span.firstRow; r <= span.lastRow; r++) yield { row: r, col: labelCol };
  // A transposed grid's titles sit to the left of its lines.
  const bottom = Math.max(...spans.map((s) => s.lastRow));
  for (let r = snapshot.top; r <= bottom; r++)
    for (let c = snapshot.left; c <= right; c++) yield { row: r, col: c };
}

/** The unit, from the title rows, the header rows, the labels or the amounts' number format. */
export function findUnit(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  labelCol: number,
  lines: GridLine[],
  warnings: string[]
): { unit: Unit; unitSource: string | null } {
  const right = Math.max(...spans.flatMap((s) => s.valueCols));
  const places = unitPlaces(snapshot, spans, labelCol, right);
  // Cells stating millions ("Year 1 2025/26 £m" along a header row), said once for them all.
  const millions = new Map<string, string>();
  for (const p of places) {
    const v = cellAt(snapshot, p.row, p.col);
    if (typeof v !== "string") continue;
    const found = unitInText(v);
    if (!found) continue;
    if (found.unit === "£m") {
      const name = cellName(snapshot, p.row, p.col);
      if (!millions.has(name)) millions.set(name, found.evidence);
      continue;
    }
    return {
      unit: found.unit,
      unitSource: `${cellName(snapshot, p.row, p.col)}: ${found.evidence}`,
    };
  }
  let scaled: string | null = null;
  const formatsSeen = new Set<string>();
  for (const line of lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    for (let b = 0; b < spans.length; b++) {
      const row = line.lineIndex[b];
      if (row === null) continue;
      for (const col of spans[b].periodCols) {
        const fmt = formatAt(snapshot, row, col);
        if (fmt === null || formatsSeen.has(fmt)) continue;
        formatsSeen.add(fmt);
        const found = unitInFormat(fmt);
        if (found && "unit" in found)
          return {
            unit: found.unit,
            unitSource: `${cellName(snapshot, row, col)}: number format ${fmt}`,
          };
        if (found && !scaled) scaled = cellName(snapshot, row, col);
      }
    }
  }
  if (scaled)
    warnings.push(
      `${scaled}: the number format shows pounds as thousands; amounts are read in £ as stored.`
    );
  if (millions.size > 0) {
    const [first, evidence] = [...millions][0];
    const others = millions.size > 1 ? ` (and ${counted(millions.size - 1, "more cell")})` : "";
    warnings.push(
      `${first}${others} says ${evidence}: the amounts are in millions as shown; ITOS has no unit for millions, so its figures are the sheet's, not rescaled, and are labelled £.`
    );
    return { unit: "£", unitSource: null };
  }
  warnings.push(
    `${snapshot.sheetName}: no unit stated (no "£000s" or "£k" in the titles or headers); amounts are read as £.`
  );
  return { unit: "£", unitSource: null };
}
