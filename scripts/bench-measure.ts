/** Timing helpers for the benchmarks: warm up, repeat, report the median in milliseconds. */
import { performance } from "perf_hooks";

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall time of `fn` over `runs` runs after `warmup` unmeasured ones. For very fast
 * functions each sample times `batch` calls and divides, so timer resolution does not dominate.
 */
export function medianMs(
  fn: () => unknown,
  runs: number,
  options: { warmup?: number; batch?: number } = {}
): number {
  const warmup = options.warmup ?? 2;
  const batch = options.batch ?? 1;
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) fn();
    samples.push((performance.now() - t0) / batch);
  }
  return median(samples);
}

export async function medianMsAsync(
  fn: () => Promise<unknown>,
  runs: number,
  warmup = 1
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}
