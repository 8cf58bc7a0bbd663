/**
 * The likely root cause of each failed check: the one cell whose wrong amount explains several
 * failures, or the failing total another failure follows from.
 */
import type { CellRef } from "../sheet";
import { visitParts, type CheckResult } from "./reconcile";

/** A key for maps that tells apart any two cells, even at coordinates no sheet has. */
export function exactCellKey(c: CellRef): string {
  return `${c.sheet}\u0000${c.row}\u0000${c.col}`;
}

interface Involvement {
  index: number;
  /** 1 when the cell is the stated total; for a part, minus its coefficient (an error e in a part moves the difference by −coef·e). */
  effect: number;
}

/**
 * The likely root cause of each failed check, by index into results (absent for checks that pass).
 *
 * 1. A cell that explains several failures: every check it takes part in is out by what one wrong
 *    amount in that cell would cause (consistent in size and sign), and at least two fail. The
 *    cell explaining most failures is chosen first; a stated total wins a tie.
 * 2. Otherwise a failing total is a consequence of another failing total when one of its checks
 *    has that total among its parts: for a failed check, any failing part; for a check that
 *    agrees (the cell was worked out from the wrong one), a failing part out by the same amount.
 * 3. Otherwise the failing total is its own root cause.
 */
export function findRootCauses(results: readonly CheckResult[]): Map<number, CellRef> {
  const keyOf = cellKeyer();
  const keyOfCell = (c: CellRef) => keyOf(c.sheet, c.row, c.col);
  const failed = (i: number) => results[i].status === "mismatch";
  const cells = new Map<CellKey, CellRef>();
  const statedKeys = new Set<CellKey>();
  // Only a cell taking part in two failures can explain several; count failing involvements first
  // so the (large) pass over every check's parts keeps lists for those cells alone.
  const failingCount = new Map<CellKey, number>();
  const twice: CellRef[] = [];
  const countFailing = (sheet: string, row: number, col: number) => {
    const k = keyOf(sheet, row, col);
    const n = (failingCount.get(k) ?? 0) + 1;
    failingCount.set(k, n);
    if (n === 2) twice.push({ sheet, row, col });
  };
  results.forEach((r, i) => {
    if (!failed(i)) return;
    const s = r.stated.cell;
    statedKeys.add(keyOf(s.sheet, s.row, s.col));
    countFailing(s.sheet, s.row, s.col);
    visitParts(r, countFailing);
  });
  const involved = new Map<CellKey, Involvement[]>();
  if (statedKeys.size > 0) {
    let index = 0;
    const mayMatter = cellFilter(twice);
    const add = (sheet: string, row: number, col: number, coef: number) => {
      if (!mayMatter(sheet, row, col)) return;
      const k = keyOf(sheet, row, col);
      if ((failingCount.get(k) ?? 0) < 2) return;
      const inv = { index, effect: -coef };
      const list = involved.get(k);
      if (list) list.push(inv);
      else {
        involved.set(k, [inv]);
        cells.set(k, { sheet, row, col });
      }
    };
    results.forEach((r, i) => {
      index = i;
      const s = r.stated.cell;
      add(s.sheet, s.row, s.col, -1);
      visitParts(r, add);
    });
  }

  // 1. Single cells that explain several failures.
  const candidates: { key: CellKey; covers: number[] }[] = [];
  for (const [key, list] of involved) {
    const failing = list.filter((v) => failed(v.index));
    if (failing.length < 2) continue;
    const ref = failing.reduce((a, b) =>
      results[a.index].tolerance.lte(results[b.index].tolerance) ? a : b
    );
    const error = results[ref.index].difference.div(ref.effect);
    const slack = results[ref.index].tolerance;
    const consistent = list.every((v) => {
      const r = results[v.index];
      return r.difference
        .minus(error.times(v.effect))
        .abs()
        .lte(r.tolerance.plus(slack.times(Math.abs(v.effect))));
    });
    if (consistent) candidates.push({ key, covers: failing.map((v) => v.index) });
  }
  candidates.sort(
    (a, b) =>
      b.covers.length - a.covers.length ||
      Number(statedKeys.has(b.key)) - Number(statedKeys.has(a.key))
  );
  const roots = new Map<number, CellRef>();
  const explainers = new Set<CellKey>();
  for (const c of candidates) {
    const open = c.covers.filter((i) => !roots.has(i));
    if (open.length === 0) continue;
    explainers.add(c.key);
    for (const i of open) roots.set(i, cells.get(c.key)!);
  }

  // 2. Consequences of other failing totals.
  const failedChecksOf = new Map<CellKey, number[]>();
  /** Every check of each failing stated cell, failing or not, in order. */
  const checksOfFailedCell = new Map<CellKey, number[]>();
  results.forEach((r, i) => {
    const k = keyOf(r.stated.cell.sheet, r.stated.cell.row, r.stated.cell.col);
    if (!statedKeys.has(k)) return;
    const all = checksOfFailedCell.get(k);
    if (all) all.push(i);
    else checksOfFailedCell.set(k, [i]);
    if (!failed(i)) return;
    const own = failedChecksOf.get(k);
    if (own) own.push(i);
    else {
      failedChecksOf.set(k, [i]);
      if (!cells.has(k)) cells.set(k, r.stated.cell);
    }
  });
  const parent = new Map<CellKey, CellKey>();
  for (const [key, own] of failedChecksOf) {
    if (explainers.has(key) || own.every((i) => roots.has(i))) continue;
    const mine = results[own[0]];
    let found: CellKey | null = null;
    for (const i of own) {
      const p = results[i].parts.find((t) => {
        const tk = keyOfCell(t.cell);
        return failedChecksOf.has(tk) && tk !== key;
      });
      if (p) {
        found = keyOfCell(p.cell);
        break;
      }
    }
    if (!found) {
      for (const i of checksOfFailedCell.get(key) ?? []) {
        if (found !== null) break;
        if (failed(i)) continue;
        for (const p of results[i].parts) {
          const pk = keyOfCell(p.cell);
          const theirs = failedChecksOf.get(pk);
          if (!theirs || pk === key) continue;
          const other = results[theirs[0]];
          const gap = mine.difference.minus(other.difference.times(p.coef)).abs();
          if (gap.lte(mine.tolerance.plus(other.tolerance))) {
            found = pk;
            break;
          }
        }
      }
    }
    if (found !== null) parent.set(key, found);
  }

  const rootOfCell = (key: CellKey): CellKey => {
    const seen = new Set<CellKey>();
    let k = key;
    for (;;) {
      if (seen.has(k)) return key;
      seen.add(k);
      if (explainers.has(k)) return k;
      const assigned = (failedChecksOf.get(k) ?? []).find((i) => roots.has(i));
      if (assigned !== undefined) return keyOfCell(roots.get(assigned)!);
      const up = parent.get(k);
      if (up === undefined) return k;
      k = up;
    }
  };
  for (const [key, own] of failedChecksOf) {
    const root = rootOfCell(key);
    for (const i of own) if (!roots.has(i)) roots.set(i, cells.get(root)!);
  }
  return roots;
}

/**
 * A quick test for "could be one of these cells" (a bitmap per sheet), so passing over millions of
 * parts looks up only the few that could be. False only when the cell is certainly not listed.
 */
function cellFilter(
  listed: readonly CellRef[]
): (sheet: string, row: number, col: number) => boolean {
  const bySheet = new Map<string, { width: number; height: number; bits: Uint8Array }>();
  const extent = new Map<string, { width: number; height: number }>();
  for (const c of listed) {
    if (!(Number.isInteger(c.row) && Number.isInteger(c.col) && c.row >= 0 && c.col >= 0))
      return () => true;
    const e = extent.get(c.sheet) ?? { width: 0, height: 0 };
    extent.set(c.sheet, {
      width: Math.max(e.width, c.col + 1),
      height: Math.max(e.height, c.row + 1),
    });
  }
  for (const [sheet, e] of extent) {
    if (e.width * e.height > 64 * 1024 * 1024) return () => true;
    bySheet.set(sheet, { ...e, bits: new Uint8Array(e.width * e.height) });
  }
  for (const c of listed) {
    const m = bySheet.get(c.sheet)!;
    m.bits[c.row * m.width + c.col] = 1;
  }
  // Parts come sheet by sheet: the last sheet's bitmap is kept at hand.
  let lastSheet: string | null = null;
  let lastMap: { width: number; height: number; bits: Uint8Array } | undefined;
  return (sheet, row, col) => {
    if (sheet !== lastSheet) {
      lastSheet = sheet;
      lastMap = bySheet.get(sheet);
    }
    const m = lastMap;
    return (
      m !== undefined &&
      row < m.height &&
      col < m.width &&
      row >= 0 &&
      col >= 0 &&
      m.bits[row * m.width + col] === 1
    );
  };
}

/** A cell as a map key: a number where the position allows (fast), else the text of cellKey. */
type CellKey = number | string;

function cellKeyer(): (sheet: string, row: number, col: number) => CellKey {
  const sheets = new Map<string, number>();
  let lastSheet = "";
  let lastIndex = -1;
  return function keyOf(sheet, row, col) {
    if (!(
      row >= 0 &&
      row < 2 ** 21 &&
      col >= 0 &&
      col < 2 ** 15 &&
      Number.isInteger(row) &&
      Number.isInteger(col)
    ))
      return exactCellKey({ sheet, row, col });
    if (sheet !== lastSheet || lastIndex < 0) {
      let s = sheets.get(sheet);
      if (s === undefined) sheets.set(sheet, (s = sheets.size));
      lastSheet = sheet;
      lastIndex = s;
    }
    return (lastIndex * 2 ** 21 + row) * 2 ** 15 + col;
  };
}
