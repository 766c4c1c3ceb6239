/** Agreement figures of predicted vs labelled tiers (indices 0 = trivial … 4 = critical). */
export interface TierMetrics {
  n: number;
  exact: number;
  within1: number;
  spearman: number;
  /** confusion[label][predicted]. */
  confusion: number[][];
  /** Labelled high/critical, placed on the local model. */
  highLocal: number;
  highCount: number;
  /** Labelled trivial/low, predicted high/critical. */
  lowToHigh: number;
  lowCount: number;
}

export function tierMetrics(labels: readonly number[], predicted: readonly number[], local: readonly boolean[]): TierMetrics {
  const n = labels.length;
  const confusion = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  let exact = 0;
  let within1 = 0;
  let highLocal = 0;
  let highCount = 0;
  let lowToHigh = 0;
  let lowCount = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    const p = predicted[i];
    confusion[y][p]++;
    if (y === p) exact++;
    if (Math.abs(y - p) <= 1) within1++;
    if (y >= 3) {
      highCount++;
      if (local[i]) highLocal++;
    }
    if (y <= 1) {
      lowCount++;
      if (p >= 3) lowToHigh++;
    }
  }
  return {
    n,
    exact: exact / (n || 1),
    within1: within1 / (n || 1),
    spearman: spearman(labels, predicted),
    confusion,
    highLocal,
    highCount,
    lowToHigh,
    lowCount,
  };
}

/** Spearman's rank correlation with average ranks for ties (tiers tie a lot). */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  if (n < 2) return 0;
  const ma = ra.reduce((s, v) => s + v, 0) / n;
  const mb = rb.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i] - ma) * (rb[i] - mb);
    da += (ra[i] - ma) ** 2;
    db += (rb[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

function ranks(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k][1]] = avg;
    i = j + 1;
  }
  return out;
}

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** Markdown lines for a report or the bench. */
export function formatMetrics(title: string, m: TierMetrics): string[] {
  return [
    `${title}: n=${m.n}, exact ${pct(m.exact)}, ±1 ${pct(m.within1)}, Spearman ${m.spearman.toFixed(3)}, high/critical routed local ${m.highLocal}/${m.highCount}, trivial/low sent to high/critical ${m.lowToHigh}/${m.lowCount}`,
  ];
}

export function formatConfusion(m: TierMetrics): string[] {
  const names = ['trivial', 'low', 'medium', 'high', 'critical'];
  return [
    `| label \\ predicted | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---:').join(' | ')} |`,
    ...m.confusion.map((row, i) => `| ${names[i]} | ${row.join(' | ')} |`),
  ];
}
