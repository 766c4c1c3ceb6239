import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../../../src/common/Clock';
import type { ChatChunk } from '../../../../src/core/chat/ChatChunk';
import { ChatEngine } from '../../../../src/core/chat/ChatEngine';
import type { PreparedRequest, Responder } from '../../../../src/core/chat/ChatPipeline';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../../src/core/config/settings';
import { MemoryContextContributor } from '../../../../src/core/memory/contributors/MemoryContextContributor';
import { OfflineEmbedder } from '../../../../src/core/memory/embedders/OfflineEmbedder';
import { PreferenceContextContributor } from '../../../../src/core/memory/contributors/PreferenceContextContributor';
import { PreferenceLearner } from '../../../../src/core/memory/preferences/PreferenceLearner';
import { VectorMemoryStore } from '../../../../src/core/memory/store/VectorMemoryStore';
import { nullLogger } from '../../../../src/core/ports';
import { collect } from '../../helpers/collect';
import { MemoryKv } from '../../helpers/MemoryKv';

/** Records what the model would have been sent. */
class CapturingResponder implements Responder {
  requests: PreparedRequest[] = [];
  async *respond(request: PreparedRequest): AsyncIterable<ChatChunk> {
    this.requests.push(request);
    yield { type: 'markdown', text: 'ok' };
    yield { type: 'done', model: 'fake', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1, truncated: false };
  }
  get system(): string {
    return this.requests.at(-1)!.messages[0].content;
  }
}

const DAY = 86_400_000;

describe('memory and preference context in the chat', () => {
  let dir: string;
  let clock: FakeClock;
  let store: VectorMemoryStore;
  let settings: JarvisSettings;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-memctx-'));
    clock = new FakeClock(Date.UTC(2025, 6, 10));
    store = await VectorMemoryStore.open({ folder: dir, embedder: new OfflineEmbedder(), clock });
    settings = structuredClone(DEFAULT_SETTINGS);
  });

  afterEach(async () => {
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const memoryContributor = (enabled = true) => new MemoryContextContributor({ memory: { enabled, store: async () => store }, settings: () => settings, clock });

  it('adds relevant memories to the system prompt and names each as a reference', async () => {
    await store.store({ type: 'decision', text: 'Use PostgreSQL for the production database' });
    clock.advance(2 * DAY);
    await store.store({ type: 'observation', text: 'The office coffee machine is broken' });
    const responder = new CapturingResponder();
    const engine = new ChatEngine({ settings: () => settings, responder, contributors: [memoryContributor()], clock, logger: nullLogger });
    const chunks = await collect(engine.run({ prompt: 'which production database do we use?', history: [], signal: new AbortController().signal }));
    const refs = chunks.filter((c) => c.type === 'reference');
    assert.deepEqual(refs.map((r) => r.title), ['decision: Use PostgreSQL for the production database (2 days ago)']);
    assert.match(responder.system, /Relevant memories from this workspace[\s\S]*- \[decision, 2 days ago\] Use PostgreSQL for the production database/);
    assert.doesNotMatch(responder.system, /coffee/);
  });

  it('keeps the block within the token budget, cutting the last memory that does not fit', async () => {
    settings.memory.contextTokenBudget = 150;
    await store.store({ type: 'insight', text: `database tuning ${'a'.repeat(200)}` });
    await store.store({ type: 'insight', text: `database indexes ${'b'.repeat(1000)}` });
    const result = await memoryContributor().contribute({ prompt: 'database', history: [], signal: new AbortController().signal }, new AbortController().signal);
    assert.ok(result.system, 'expected a block');
    assert.ok(Math.ceil(result.system.length / 4) <= 150, `block is ${Math.ceil(result.system.length / 4)} tokens`);
    assert.equal(result.references?.length, 2);
    assert.match(result.system, /…$/);
  });

  it('contributes nothing when memory is off, the prompt is empty or nothing matches', async () => {
    await store.store({ type: 'decision', text: 'Use PostgreSQL' });
    const signal = new AbortController().signal;
    assert.deepEqual(await memoryContributor(false).contribute({ prompt: 'PostgreSQL', history: [], signal }, signal), {});
    assert.deepEqual(await memoryContributor().contribute({ prompt: '  ', history: [], signal }, signal), {});
    assert.deepEqual(await memoryContributor().contribute({ prompt: 'kubernetes helm charts', history: [], signal }, signal), {});
  });

  it('older memories weigh less (decay from jarvis.memory.decayHours)', async () => {
    await store.store({ type: 'decision', text: 'Use Redis for the session cache' });
    settings.memory.decayHours = 24;
    clock.advance(10 * DAY);
    const signal = new AbortController().signal;
    assert.deepEqual(await memoryContributor().contribute({ prompt: 'session cache', history: [], signal }, signal), {}, 'decayed below the threshold');
    settings.memory.decayHours = 720;
    assert.equal((await memoryContributor().contribute({ prompt: 'session cache', history: [], signal }, signal)).references?.length, 1);
  });

  it('a failing store becomes a visible notice, not a failed chat', async () => {
    const broken = new MemoryContextContributor({ memory: { enabled: true, store: () => Promise.reject(new Error('disk full')) }, settings: () => settings, clock });
    const responder = new CapturingResponder();
    const engine = new ChatEngine({ settings: () => settings, responder, contributors: [broken], clock, logger: nullLogger });
    const chunks = await collect(engine.run({ prompt: 'hello', history: [], signal: new AbortController().signal }));
    assert.deepEqual(chunks.filter((c) => c.type === 'notice').map((c) => c.type === 'notice' && c.message), ['Memory is unavailable for this answer: disk full']);
    assert.ok(chunks.some((c) => c.type === 'done'));
  });

  describe('preferences', () => {
    let kv: MemoryKv;
    let learner: PreferenceLearner;
    beforeEach(() => {
      kv = new MemoryKv();
      learner = PreferenceLearner.load({ store: kv, clock });
    });

    it('applies confirmed and confident preferences as a system block and one reference', async () => {
      await learner.learnFromText('I prefer using TypeScript over JavaScript');
      await learner.learnFromText('use tabs', 'inferred');
      const c = new PreferenceContextContributor({ learner, settings: () => settings });
      const signal = new AbortController().signal;
      const r = await c.contribute({ prompt: 'write a function', history: [], signal }, signal);
      assert.equal(r.system, "Follow the user's preferences unless the request says otherwise:\n- Use TypeScript (preferred over JavaScript)");
      assert.deepEqual(r.references, [{ type: 'reference', title: 'applied 1 preference', detail: 'Use TypeScript (preferred over JavaScript)' }]);
      settings.preferences.confidenceThreshold = 0.3;
      assert.equal((await c.contribute({ prompt: 'x', history: [], signal }, signal)).references?.[0].title, 'applied 2 preferences', 'threshold follows the setting');
    });

    it('learns from what the user says: statements are explicit, questions only hint', async () => {
      const c = new PreferenceContextContributor({ learner, settings: () => settings });
      await c.observe({ prompt: 'I always use single quotes in JavaScript' });
      assert.equal(learner.getPreferences()[0].confidence, 0.7);
      await c.observe({ prompt: 'how do I escape double quotes in bash?' });
      assert.equal(learner.getPreferences().find((p) => p.key === 'quotes')?.value, 'single', 'a question does not override a statement');
      settings.preferences.learning = false;
      await c.observe({ prompt: 'I prefer tabs' });
      assert.equal(learner.getPreferences().find((p) => p.key === 'indent'), undefined, 'learning off');
    });

    it('prepares once (workspace files) before the first contribution and again after a reset', async () => {
      let runs = 0;
      const c = new PreferenceContextContributor({ learner, settings: () => settings, prepare: async () => void runs++ });
      const signal = new AbortController().signal;
      await c.contribute({ prompt: 'a', history: [], signal }, signal);
      await c.contribute({ prompt: 'b', history: [], signal }, signal);
      assert.equal(runs, 1);
      c.resetPreparation();
      await c.contribute({ prompt: 'c', history: [], signal }, signal);
      assert.equal(runs, 2);
      const failing = new PreferenceContextContributor({ learner, settings: () => settings, logger: nullLogger, prepare: () => Promise.reject(new Error('EACCES')) });
      assert.deepEqual(await failing.contribute({ prompt: 'd', history: [], signal }, signal), {}, 'a failed preparation never fails the chat');
    });
  });
});
