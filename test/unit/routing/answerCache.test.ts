import { strict as assert } from 'node:assert';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../src/core/config/settings';
import { AnswerCache, type CachedAnswer } from '../../../src/core/routing/AnswerCache';
import { capturingLogger } from '../../fakes/capturingLogger';
import { FakeClock } from '../../fakes/FakeClock';
import { FakeTimer } from '../../fakes/FakeTimer';

const ANSWER: CachedAnswer = { text: 'a closure', model: 'llama3', provider: 'ollama', local: true, usage: { inputTokens: 1, outputTokens: 2 } };

describe('AnswerCache: built once, rebuilt only by reconfigure()', () => {
  const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
  const make = (cache: JarvisSettings['cache']) => new AnswerCache({ settings: cache, clock, timer: new FakeTimer(clock), logger: capturingLogger([]) });

  async function store(cache: AnswerCache, key: string): Promise<void> {
    const ticket = await cache.begin(key, true);
    assert.equal(ticket.kind, 'compute');
    if (ticket.kind === 'compute') ticket.complete(ANSWER);
  }

  it('keeps the same tiers across requests even when the settings object it was given changes', async () => {
    const settings = { ...DEFAULT_SETTINGS.cache, redisUrl: '' };
    const cache = make(settings);
    await store(cache, 'k');
    // Per-request rebuilding would read these and drop the stored answer; nothing reads them.
    settings.enabled = false;
    settings.memorySize = 1;
    assert.deepEqual(await cache.peek('k', true), ANSWER);
    assert.equal((await cache.begin('k', true)).kind, 'hit');
    cache.dispose();
  });

  it('stops answering once reconfigured as disabled, and starts empty when enabled again', async () => {
    const on = { ...DEFAULT_SETTINGS.cache, redisUrl: '' };
    const cache = make(on);
    await store(cache, 'k');
    cache.reconfigure({ ...on, enabled: false });
    assert.equal((await cache.begin('k', true)).kind, 'off');
    assert.equal(await cache.peek('k', true), undefined);
    cache.reconfigure(on);
    assert.equal((await cache.begin('k', true)).kind, 'compute');
    cache.dispose();
  });
});
