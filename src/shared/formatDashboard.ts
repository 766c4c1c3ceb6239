/** Formatting of the dashboard's figures (pure, shared so the page and the unit tests agree). */

/** Dollars: two decimals, "<$0.01" for a real but tiny amount, four decimals under a cent when asked. */
export function usd(value: number | undefined): string {
  if (value === undefined) return 'unknown';
  if (!Number.isFinite(value)) return '$?';
  const sign = value < 0 ? '−' : '';
  const v = Math.abs(value);
  if (v > 0 && v < 0.005) return `${sign}<$0.01`;
  return `${sign}$${v.toFixed(2)}`;
}

/** A 0..1 share as a whole percentage, or "—" when there is nothing to measure. */
export function pct(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** Milliseconds as people read latencies: "850 ms", "1.2 s", "2 min 5 s". */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) return `${(value / 1000).toFixed(1)} s`;
  const s = Math.round(value / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Tokens in → out, or "—". */
export function tokens(input: number | undefined, output: number | undefined): string {
  if (input === undefined || output === undefined) return '—';
  return `${input.toLocaleString('en-US')} → ${output.toLocaleString('en-US')}`;
}

/** "14:05:09" in the page's time zone (the user's). */
export function clock(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
