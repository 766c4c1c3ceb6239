/**
 * Figures the benches print, computed one way for all of them: percentiles by nearest rank (the
 * value at rank ⌈p/100 · n⌉ of the ascending sample, so every figure is a measured sample), and the
 * median as the middle sample (or the mean of the middle two).
 */

/**
 * Nearest-rank percentile (p in 0..100) of an ascending sample; NaN when there is none (a bench row
 * with nothing measured prints NaN rather than stopping the run).
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile: p must be within 0..100 (got ${p}).`);
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Nearest-rank percentile (p in 0..100) of a sample in any order. */
export function percentile(samples: readonly number[], p: number): number {
  return percentileSorted(
    [...samples].sort((a, b) => a - b),
    p,
  );
}

/** Median and p95 of a sample, with its size and range. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples.');
  if (samples.some((s) => !Number.isFinite(s))) throw new Error(`summarize: non-finite sample in ${JSON.stringify(samples)}.`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p95 = percentileSorted(sorted, 95);
  return { n: sorted.length, median, p95, min: sorted[0], max: sorted[sorted.length - 1] };
}

export function fmtMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function fmtBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
