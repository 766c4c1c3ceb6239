import { strict as assert } from 'node:assert';
import { dayKey, USAGE_LEDGER_KEY, UsageLedger } from '../../../../src/core/observability/dashboard/UsageLedger';
import type { RequestSummary } from '../../../../src/core/observability/RequestHistory';
import { nullLogger } from '../../../../src/core/ports';
import { MemoryKv } from '../../../fakes/MemoryKv';

const answer = (over: Partial<RequestSummary> = {}): RequestSummary => ({
  requestId: 'r',
  at: Date.parse('2026-12-15T10:00:00Z'),
  outcome: 'success',
  placement: 'cloud',
  kind: 'chat',
  tier: 'high',
  durationMs: 1,
  model: 'gpt-4o',
  tokensIn: 100,
  tokensOut: 50,
  costUsd: 0.001,
  ...over,
});

describe('UsageLedger', () => {
  it('sums answers per day, model and placement; failures and cancellations are not answers', () => {
    const ledger = new UsageLedger({ store: new MemoryKv(), timezoneOffsetMinutes: () => 0 });
    ledger.record(answer());
    ledger.record(answer({ costUsd: 0.002 }));
    ledger.record(answer({ placement: 'local', model: 'llama3', costUsd: 0 }));
    ledger.record(answer({ outcome: 'cached', costUsd: 0.5 })); // a cached answer cost nothing, whatever it cost first
    ledger.record(answer({ outcome: 'error', placement: 'none', model: undefined }));
    ledger.record(answer({ outcome: 'cancelled', placement: 'none' }));
    const [day] = ledger.snapshot();
    assert.equal(day.day, '2026-12-15');
    const cloud = day.entries.find((e) => e.placement === 'cloud');
    assert.deepEqual(
      { ...cloud, usd: Math.round((cloud?.usd ?? 0) * 1e6) },
      { model: 'gpt-4o', placement: 'cloud', answers: 3, usd: 3000, tokensIn: 300, tokensOut: 150, unpriced: 0 },
    );
    assert.equal(day.entries.length, 2);
  });

  it('an answer without a known price or token counts is counted but kept out of the sums', () => {
    const ledger = new UsageLedger({ store: new MemoryKv(), timezoneOffsetMinutes: () => 0 });
    ledger.record(answer({ costUsd: undefined }));
    ledger.record(answer({ tokensIn: undefined }));
    assert.deepEqual(ledger.snapshot()[0].entries[0], { model: 'gpt-4o', placement: 'cloud', answers: 2, usd: 0, tokensIn: 0, tokensOut: 0, unpriced: 2 });
  });

  it('days follow the time zone offset: 23:30 UTC is the next day at UTC+1', () => {
    const at = Date.parse('2026-12-15T23:30:00Z');
    assert.equal(dayKey(at, 0), '2026-12-15');
    assert.equal(dayKey(at, 60), '2026-12-16');
    assert.equal(dayKey(at, -600), '2026-12-15');
    const ledger = new UsageLedger({ store: new MemoryKv(), timezoneOffsetMinutes: () => 60 });
    ledger.record(answer({ at }));
    assert.equal(ledger.snapshot()[0].day, '2026-12-16');
  });

  it('persists: a new ledger over the same store (a window reload) has the same days', async () => {
    const store = new MemoryKv();
    const a = new UsageLedger({ store, timezoneOffsetMinutes: () => 0 });
    for (let i = 0; i < 20; i++) a.record(answer({ at: Date.parse('2026-12-01T10:00:00Z') + i * 86_400_000 }));
    await a.flushed();
    const b = new UsageLedger({ store, timezoneOffsetMinutes: () => 0 });
    assert.deepEqual(b.snapshot(), a.snapshot());
    assert.equal(b.snapshot().length, 20);
  });

  it('coalesces writes: a burst of records makes at most two store writes, the last with everything', async () => {
    const store = new MemoryKv();
    let writes = 0;
    const counting = { get: store.get.bind(store), update: (k: string, v: unknown) => (writes++, store.update(k, v)) };
    const ledger = new UsageLedger({ store: counting, timezoneOffsetMinutes: () => 0 });
    for (let i = 0; i < 50; i++) ledger.record(answer());
    await ledger.flushed();
    assert.ok(writes <= 2, `${writes} writes`);
    assert.equal(new UsageLedger({ store, timezoneOffsetMinutes: () => 0 }).snapshot()[0].entries[0].answers, 50);
  });

  it('keeps the newest keepDays days', () => {
    const ledger = new UsageLedger({ store: new MemoryKv(), timezoneOffsetMinutes: () => 0, keepDays: 3 });
    for (let i = 0; i < 5; i++) ledger.record(answer({ at: Date.parse('2026-12-01T10:00:00Z') + i * 86_400_000 }));
    assert.deepEqual(
      ledger.snapshot().map((d) => d.day),
      ['2026-12-03', '2026-12-04', '2026-12-05'],
    );
  });

  it('a malformed stored ledger starts empty with a warning; bad entries inside a good one are dropped', () => {
    const warnings: string[] = [];
    const logger = { ...nullLogger, warn: (m: string) => void warnings.push(m) };
    for (const bad of ['nonsense', { version: 2, days: [] }, { version: 1, days: 'x' }, null]) {
      const store = new MemoryKv();
      store.data.set(USAGE_LEDGER_KEY, bad);
      assert.deepEqual(new UsageLedger({ store, logger }).snapshot(), []);
    }
    assert.equal(warnings.length, 4);
    const store = new MemoryKv();
    store.data.set(USAGE_LEDGER_KEY, {
      version: 1,
      days: [
        { day: 'not-a-day', entries: [] },
        {
          day: '2026-12-01',
          entries: [
            { model: 'm', placement: 'moon', answers: 1 },
            { model: 'ok', placement: 'local', answers: 2, usd: -5, tokensIn: 'x' },
          ],
        },
      ],
    });
    assert.deepEqual(new UsageLedger({ store, logger }).snapshot(), [
      { day: '2026-12-01', entries: [{ model: 'ok', placement: 'local', answers: 2, usd: 0, tokensIn: 0, tokensOut: 0, unpriced: 0 }] },
    ]);
  });

  it('a store that refuses writes is logged, and recording goes on', async () => {
    const warnings: string[] = [];
    const logger = { ...nullLogger, warn: (m: string) => void warnings.push(m) };
    const store = { get: () => undefined, update: () => Promise.reject(new Error('disk full')) };
    const ledger = new UsageLedger({ store, logger, timezoneOffsetMinutes: () => 0 });
    ledger.record(answer());
    await ledger.flushed();
    ledger.record(answer());
    await ledger.flushed();
    assert.equal(ledger.snapshot()[0].entries[0].answers, 2);
    assert.match(warnings[0], /could not save: disk full/);
  });
});
