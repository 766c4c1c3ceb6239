/**
 * The last `capacity` values in a fixed-size ring: memory stays bounded however long VS Code runs,
 * and percentiles describe recent behaviour rather than last week's.
 */
export class LatencyRing {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.filled;
  }

  push(v: number): void {
    this.values[this.next] = v;
    this.next = (this.next + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
  }

  /** Nearest-rank percentile (p in 0–100) of the values held; undefined when empty. */
  percentile(p: number): number | undefined {
    if (this.filled === 0) return undefined;
    const sorted = this.values.slice(0, this.filled).sort();
    const rank = Math.max(1, Math.ceil((p / 100) * this.filled));
    return sorted[rank - 1];
  }

  /** Oldest first, for persistence. */
  toArray(): number[] {
    if (this.filled < this.capacity) return Array.from(this.values.subarray(0, this.filled));
    return [...this.values.subarray(this.next), ...this.values.subarray(0, this.next)];
  }
}
