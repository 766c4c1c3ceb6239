import type { KeyValueStore, Logger } from '../../ports';
import type { RequestSummary } from '../RequestHistory';

/** Answers of one model on one day, as the dashboard sums them for "today", "this month" and savings. */
export interface UsageEntry {
  model: string;
  placement: 'local' | 'cloud';
  /** Answers (success, cached, degraded). */
  answers: number;
  /** Dollars of the answers whose price was known (local and cached answers: $0). */
  usd: number;
  /** Tokens of the answers whose price was known: what a reference model is priced on. */
  tokensIn: number;
  tokensOut: number;
  /** Answers with an unknown price or no token counts: in `answers`, not in the sums. */
  unpriced: number;
}

export interface UsageDay {
  /** YYYY-MM-DD in the user's time zone. */
  day: string;
  entries: UsageEntry[];
}

interface Persisted {
  version: 1;
  days: UsageDay[];
}

export interface UsageLedgerOptions {
  store: KeyValueStore;
  logger?: Logger;
  /** Minutes east of UTC at a moment. @default this machine's time zone (as the budget uses) */
  timezoneOffsetMinutes?: (ms: number) => number;
  /** Days kept. @default 62 (this month and the last one) */
  keepDays?: number;
}

export const USAGE_LEDGER_KEY = 'jarvis.usageLedger';

/** `YYYY-MM-DD` of an instant at a UTC offset in minutes. */
export function dayKey(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export const systemOffset = (ms: number): number => -new Date(ms).getTimezoneOffset();

/**
 * Answers per day and model, persisted (globalState), so the dashboard's "this month by model" and
 * its savings survive a window reload, which empties the in-memory request history. Sums are exact
 * for savings: a price is linear in tokens, so pricing a day's summed tokens equals pricing each
 * request. A few hundred bytes per day; writes are coalesced (one in flight, one queued at most).
 */
export class UsageLedger {
  private days: UsageDay[];
  private readonly offset: (ms: number) => number;
  private readonly keepDays: number;
  private saving: Promise<void> | undefined;
  private dirty = false;

  constructor(private readonly o: UsageLedgerOptions) {
    this.offset = o.timezoneOffsetMinutes ?? systemOffset;
    this.keepDays = o.keepDays ?? 62;
    this.days = readDays(o.store.get<unknown>(USAGE_LEDGER_KEY), o.logger);
  }

  /** Adds one finished request (only answers count: failures and cancellations have no model). */
  record(r: RequestSummary): void {
    if (!r.model || r.placement === 'none' || (r.outcome !== 'success' && r.outcome !== 'cached' && r.outcome !== 'degraded')) return;
    const key = dayKey(r.at, this.offset(r.at));
    let day = this.days.find((d) => d.day === key);
    if (!day) {
      day = { day: key, entries: [] };
      this.days.push(day);
      this.days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      if (this.days.length > this.keepDays) this.days.splice(0, this.days.length - this.keepDays);
    }
    let e = day.entries.find((x) => x.model === r.model && x.placement === r.placement);
    if (!e) {
      e = { model: r.model, placement: r.placement, answers: 0, usd: 0, tokensIn: 0, tokensOut: 0, unpriced: 0 };
      day.entries.push(e);
    }
    e.answers++;
    const usd = r.outcome === 'success' ? r.costUsd : 0;
    if (usd === undefined || r.tokensIn === undefined || r.tokensOut === undefined) e.unpriced++;
    else {
      e.usd += usd;
      e.tokensIn += r.tokensIn;
      e.tokensOut += r.tokensOut;
    }
    this.save();
  }

  /** Oldest first; a copy. */
  snapshot(): UsageDay[] {
    return this.days.map((d) => ({ day: d.day, entries: d.entries.map((e) => ({ ...e })) }));
  }

  /** Resolves when every write asked for so far has reached the store (tests, deactivation). */
  async flushed(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private save(): void {
    if (this.saving) {
      this.dirty = true;
      return;
    }
    const value: Persisted = { version: 1, days: this.days };
    this.saving = this.o.store
      .update(USAGE_LEDGER_KEY, JSON.parse(JSON.stringify(value)))
      .catch((e: unknown) => this.o.logger?.warn(`usage ledger: could not save: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.saving = undefined;
        if (this.dirty) {
          this.dirty = false;
          this.save();
        }
      });
  }
}

/** A stored ledger that is missing or malformed starts empty (with a warning), never throws. */
function readDays(raw: unknown, logger?: Logger): UsageDay[] {
  if (raw === undefined) return [];
  const p = raw as Partial<Persisted> | null;
  if (!p || p.version !== 1 || !Array.isArray(p.days)) {
    logger?.warn('usage ledger: the stored ledger is not readable; starting a new one.');
    return [];
  }
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return p.days
    .filter((d): d is UsageDay => !!d && typeof d.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.day) && Array.isArray(d.entries))
    .map((d) => ({
      day: d.day,
      entries: d.entries
        .filter((e) => !!e && typeof e.model === 'string' && (e.placement === 'local' || e.placement === 'cloud'))
        .map((e) => ({
          model: e.model,
          placement: e.placement,
          answers: num(e.answers),
          usd: num(e.usd),
          tokensIn: num(e.tokensIn),
          tokensOut: num(e.tokensOut),
          unpriced: num(e.unpriced),
        })),
    }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
