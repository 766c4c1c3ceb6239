import { Clock, systemClock } from '../../common/Clock';
import type { ErrorOutcome } from './ErrorCategory';

export interface ErrorStatsSnapshot {
  total: number;
  byCategory: Partial<Record<ErrorOutcome, number>>;
  /** provider → outcome → count; failures without a provider are under "unknown". */
  byProvider: Record<string, Partial<Record<ErrorOutcome, number>>>;
  /** Retries actually scheduled (attempts after the first). */
  retries: number;
  /** Wall-clock ms of the most recent error, undefined when none was seen. */
  lastErrorAt: number | undefined;
}

/** Counts failures per category and provider, for the status view and metrics. */
export class ErrorStats {
  private total = 0;
  private retries = 0;
  private lastErrorAt: number | undefined;
  private readonly byCategory = new Map<ErrorOutcome, number>();
  private readonly byProvider = new Map<string, Map<ErrorOutcome, number>>();

  constructor(private readonly clock: Clock = systemClock) {}

  record(outcome: ErrorOutcome, provider = 'unknown'): void {
    this.total++;
    this.lastErrorAt = this.clock.now();
    this.byCategory.set(outcome, (this.byCategory.get(outcome) ?? 0) + 1);
    let perProvider = this.byProvider.get(provider);
    if (!perProvider) this.byProvider.set(provider, (perProvider = new Map()));
    perProvider.set(outcome, (perProvider.get(outcome) ?? 0) + 1);
  }

  recordRetry(): void {
    this.retries++;
  }

  snapshot(): ErrorStatsSnapshot {
    const byProvider: ErrorStatsSnapshot['byProvider'] = {};
    for (const [provider, counts] of this.byProvider) byProvider[provider] = Object.fromEntries(counts);
    return {
      total: this.total,
      byCategory: Object.fromEntries(this.byCategory),
      byProvider,
      retries: this.retries,
      lastErrorAt: this.lastErrorAt,
    };
  }

  reset(): void {
    this.total = 0;
    this.retries = 0;
    this.lastErrorAt = undefined;
    this.byCategory.clear();
    this.byProvider.clear();
  }
}
