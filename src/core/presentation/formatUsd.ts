/**
 * Dollars as people read them on a status bar: two decimals, and "<$0.01" for a spend too small to
 * show, so a real (if tiny) cloud cost never reads as nothing.
 */
export function formatUsd(usd: number): string {
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) return '$?';
  if (usd > 0 && usd < 0.005) return '<$0.01';
  return `$${usd.toFixed(2)}`;
}
