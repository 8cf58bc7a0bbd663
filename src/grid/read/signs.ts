/** How a grid shows signs (investment negative, by label, or savings negative) and each line's multiplier. */
import type Decimal from "decimal.js";
import { ZERO } from "../../engine";
import { cellName } from "./orient";
import { type AxisSlot } from "./axis";
import type { GridLine, LineRole, SignConvention } from "./model";
import { cellAt, type SheetSnapshot } from "../../sheet";
import type { BlockSpan } from "./blocks";
import type { RawLine } from "./roles";
import { shownNumber } from "./blocks";

/** Count of figures shown below and above zero, per role: a vote, so no money is summed. */
export interface SignVotes {
  investment: { negative: number; positive: number };
  return: { negative: number; positive: number };
}

export function signVotes(
  snapshot: SheetSnapshot,
  spans: BlockSpan[],
  lines: (RawLine & { role: LineRole })[]
): SignVotes {
  const votes: SignVotes = {
    investment: { negative: 0, positive: 0 },
    return: { negative: 0, positive: 0 },
  };
  for (const line of lines) {
    if (line.role !== "investment" && line.role !== "return") continue;
    const tally = votes[line.role];
    line.rows.forEach((row, b) => {
      if (row === null) return;
      for (const col of spans[b].periodCols) {
        const v = cellAt(snapshot, row, col);
        const n =
          typeof v === "number" ? v : typeof v === "string" ? (shownNumber(v)?.toNumber() ?? 0) : 0;
        if (n < 0) tally.negative++;
        else if (n > 0) tally.positive++;
      }
    });
  }
  return votes;
}

/**
 * Investment mostly shown negative: amounts as shown. Otherwise the labels decide, and savings
 * shown mostly negative make it a "net cost" table.
 */
export function decideSignConvention(votes: SignVotes): SignConvention {
  const inv = votes.investment;
  const ret = votes.return;
  if (inv.negative > inv.positive) return "investment-negative";
  if (ret.negative > ret.positive) return "savings-negative";
  return inv.positive === 0 ? "investment-negative" : "role-by-label";
}

export function componentSign(role: LineRole, convention: SignConvention): 1 | -1 {
  if (convention === "investment-negative" || role === "heading" || role === "ignored") return 1;
  if (role === "investment" || role === "total-investment") return -1;
  return convention === "savings-negative" ? -1 : 1;
}

/** Enough agreeing periods to settle a stated line's sign; more only costs time on big grids. */
export const SIGN_SAMPLE = 12;

/** The net flow of each period from the component lines, computed as far as it is asked for. */
export function lazyNets(
  snapshot: SheetSnapshot,
  slots: AxisSlot[],
  components: GridLine[]
): (i: number) => Decimal {
  const nets: Decimal[] = [];
  return (i) => {
    while (nets.length <= i) {
      const slot = slots[nets.length];
      let net = ZERO;
      for (const c of components) {
        const row = c.lineIndex[slot.block];
        if (row === null) continue;
        const v = shownNumber(cellAt(snapshot, row, slot.col));
        if (v && !v.isZero()) net = c.sign === 1 ? net.plus(v) : net.minus(v);
      }
      nets.push(net);
    }
    return nets[i];
  };
}

/** Net and cumulative lines: the sign under which their stated figures agree with the parts. */
export function statedLineSign(
  snapshot: SheetSnapshot,
  slots: AxisSlot[],
  line: GridLine,
  netAt: (i: number) => Decimal,
  tolerance: number,
  fallback: 1 | -1
): 1 | -1 {
  let agree = 0;
  let flipped = 0;
  let running = ZERO;
  for (let i = 0; i < slots.length && agree + flipped < SIGN_SAMPLE; i++) {
    const slot = slots[i];
    const net = netAt(i);
    running = running.plus(net);
    const expected = line.role === "cumulative" ? running : net;
    const row = line.lineIndex[slot.block];
    if (row === null || expected.isZero()) continue;
    const stated = shownNumber(cellAt(snapshot, row, slot.col));
    if (!stated || stated.isZero()) continue;
    if (stated.minus(expected).abs().lessThanOrEqualTo(tolerance)) agree++;
    else if (stated.plus(expected).abs().lessThanOrEqualTo(tolerance)) flipped++;
  }
  if (agree === flipped) return fallback;
  return flipped > agree ? -1 : 1;
}

export function signWarning(
  snapshot: SheetSnapshot,
  convention: SignConvention,
  lines: GridLine[],
  labelCol: number
): string {
  const cells = (role: LineRole) =>
    lines
      .filter((l) => l.role === role)
      .map((l) => cellName(snapshot, l.lineIndex.find((r) => r !== null) as number, labelCol))
      .join(", ");
  const inv = cells("investment") || "none";
  const ret = cells("return") || "none";
  switch (convention) {
    case "investment-negative":
      return `${snapshot.sheetName}: investment is shown negative (${inv}) and returns positive (${ret}); amounts are read as shown.`;
    case "role-by-label":
      return `${snapshot.sheetName}: investment is shown positive (${inv}); it is counted as money out because its label says investment or cost. Returns (${ret}) are read as shown.`;
    case "savings-negative":
      return `${snapshot.sheetName}: savings are shown negative (${ret}) and costs positive (${inv}); both are turned round so that savings count as money in.`;
  }
}
