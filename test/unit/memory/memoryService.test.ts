import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeClock } from '../../fakes/FakeClock';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../src/core/config/settings';
import { OllamaModels } from '../../../src/core/llm/ollama/OllamaModels';
import type { EmbedderEnvironment } from '../../../src/core/memory/embedders/chooseEmbedder';
import { type BackgroundRunner, LAST_CLEANUP_KEY, MemoryService } from '../../../src/core/memory/MemoryService';
import type { SwitchProgress } from '../../../src/core/memory/store/VectorMemoryStore';
import { nullLogger } from '../../../src/core/ports';
import { FakeTimer } from '../../fakes/FakeTimer';
import { FakeOllamaServer } from '../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../helpers/assertJarvisError';
import { MemoryKv } from '../../fakes/MemoryKv';

const DAY = 86_400_000;

describe('MemoryService (lazy store, embedder choice and switch, retention)', () => {
  let ollama: FakeOllamaServer;
  let dir: string;
  let settings: JarvisSettings;
  let clock: FakeClock;
  let kv: MemoryKv;
  let runs: { title: string; progress: SwitchProgress[]; done: Promise<void> }[];
  let cancelNextRun: boolean;
  let problems: string[];
  let services: MemoryService[];

  const env = (): EmbedderEnvironment => {
    const models = new OllamaModels(() => ({ host: ollama.url }));
    return {
      ollamaConnection: () => ({ host: ollama.url }),
      ollamaHasModel: (m, s) => models.has(m, s).catch(() => false),
      hasOpenAIKey: async () => false,
      openai: { embed: () => Promise.reject(new Error('no OpenAI in this test')) },
      ollamaEmbed: (m, t, s) => models.embed(m, t, s),
      logger: nullLogger,
    };
  };
  const runner: BackgroundRunner = (title, job) => {
    const progress: SwitchProgress[] = [];
    const abort = new AbortController();
    if (cancelNextRun) abort.abort();
    const done = job((p) => progress.push(p), abort.signal);
    runs.push({ title, progress, done: done.catch(() => undefined) });
    return done;
  };
  const service = () => {
    const s = new MemoryService({
      folder: dir,
      settings: () => settings,
      env: env(),
      trust: { isTrusted: () => true },
      state: kv,
      runInBackground: runner,
      onProblem: (m) => problems.push(m),
      clock,
    });
    services.push(s);
    return s;
  };
  /** Lets the service's zero-delay follow-ups (background switch, first cleanup) start. */
  const tick = () => new Promise((r) => setImmediate(r));

  before(async () => {
    ollama = await FakeOllamaServer.start({ models: ['llama3:latest'] });
  });
  after(() => ollama.close());

  beforeEach(async () => {
    dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-memsvc-')), 'memory');
    settings = structuredClone(DEFAULT_SETTINGS);
    settings.ollama.host = ollama.url;
    settings.memory.ollamaEmbedModel = 'fake-embed';
    clock = new FakeClock(Date.UTC(2025, 6, 10));
    kv = new MemoryKv();
    runs = [];
    cancelNextRun = false;
    problems = [];
    services = [];
    ollama.configure({ models: ['llama3:latest'] });
  });

  afterEach(async () => {
    for (const s of services) s.dispose();
    await tick();
    await fs.rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('opens nothing until first use, then opens once', async () => {
    const s = service();
    await assert.rejects(fs.access(dir), 'constructing must not touch the disk');
    assert.equal(s.current, undefined);
    const [a, b] = await Promise.all([s.store(), s.store()]);
    assert.equal(a, b);
    assert.equal(s.current, a);
    assert.equal(a.embedder.id, 'offline-hash-v1-384', 'auto without Ollama model or OpenAI key → offline');
  });

  it('refuses with a clear message when memory is turned off', async () => {
    settings.memory.enabled = false;
    const e = await assertJarvisError(service().store(), 'invalid-input');
    assert.match(e.message, /jarvis\.memory\.enabled/);
  });

  it("auto picks Ollama when it has the embedding model, learning an unknown model's size from one call", async () => {
    ollama.configure({ models: ['llama3:latest', 'fake-embed:latest'] });
    const store = await service().store();
    assert.equal(store.embedder.id, 'ollama:fake-embed');
    assert.equal(store.embedder.dimension, 32);
    await store.store({ type: 'decision', text: 'Use PostgreSQL' });
    assert.equal((await store.search('PostgreSQL'))[0].record.text, 'Use PostgreSQL');
  });

  it('re-embeds in the background with progress when the embedder setting changes', async () => {
    const s = service();
    const store = await s.store();
    await store.store({ type: 'decision', text: 'Use PostgreSQL for production' });
    await store.store({ type: 'insight', text: 'Caching halves p95 latency' });
    ollama.configure({ models: ['fake-embed:latest'] });
    settings.memory.embedder = 'ollama';
    s.settingsChanged();
    await tick();
    await waitFor(() => runs.length === 1);
    await runs[0].done;
    assert.match(runs[0].title, /re-indexing 2 memories for ollama:fake-embed/);
    assert.deepEqual(runs[0].progress.at(-1), { done: 2, total: 2 });
    assert.equal(store.embedder.id, 'ollama:fake-embed');
    assert.equal((await store.search('PostgreSQL production'))[0].record.type, 'decision');
    s.settingsChanged();
    assert.equal(runs.length, 1, 'no change, no second run');
  });

  it('keeps the current embedder when the switch is cancelled, without a warning', async () => {
    const s = service();
    const store = await s.store();
    await store.store({ type: 'decision', text: 'Use PostgreSQL' });
    ollama.configure({ models: ['fake-embed:latest'] });
    settings.memory.embedder = 'ollama';
    cancelNextRun = true;
    await s.switchToConfigured();
    assert.equal(runs.length, 1);
    assert.equal(store.embedder.id, 'offline-hash-v1-384');
    assert.deepEqual(problems, []);
  });

  it('reports a switch that fails (Ollama lacks the model) and keeps serving', async () => {
    const s = service();
    const store = await s.store();
    await store.store({ type: 'decision', text: 'Use PostgreSQL' });
    settings.memory.embedder = 'ollama';
    await s.switchToConfigured();
    assert.equal(problems.length, 1);
    assert.match(problems[0], /could not switch the memory embedder: .*fake-embed.*previous embedder stays in use/);
    assert.equal((await store.search('PostgreSQL')).length, 1);
  });

  it('opens an index built with another embedder with that one, then switches to the configured one', async () => {
    const first = service();
    await (await first.store()).store({ type: 'decision', text: 'Use PostgreSQL' });
    first.dispose();
    await tick();
    ollama.configure({ models: ['fake-embed:latest'] });
    settings.memory.embedder = 'ollama';
    const s = service();
    const store = await s.store();
    assert.equal(store.embedder.id, 'offline-hash-v1-384', 'serves at once with the old embedder');
    await waitFor(() => runs.length === 1);
    await runs[0].done;
    assert.equal(store.embedder.id, 'ollama:fake-embed');
    assert.equal(store.size, 1);
  });

  it('auto keeps the embedder an existing index was built with while it is usable', async () => {
    ollama.configure({ models: ['fake-embed:latest'] });
    const first = service();
    await (await first.store()).store({ type: 'decision', text: 'Use PostgreSQL' });
    first.dispose();
    await tick();
    const store = await service().store();
    assert.equal(store.embedder.id, 'ollama:fake-embed');
    await tick();
    assert.equal(runs.length, 0);
  });

  it('runs retention cleanup at most once a day, with the current retention setting', async () => {
    const s = service();
    assert.equal(await s.cleanupIfDue(), undefined, 'never opens the store for cleanup');
    const store = await s.store();
    await waitFor(() => kv.get(LAST_CLEANUP_KEY) === clock.now());
    await store.store({ type: 'observation', text: 'old news' });
    clock.advance(10 * DAY);
    await store.store({ type: 'observation', text: 'fresh news' });
    settings.memory.retentionDays = 5;
    assert.equal(await s.cleanupIfDue(), 1);
    assert.deepEqual(
      store.list().map((r) => r.text),
      ['fresh news'],
    );
    clock.advance(DAY / 2);
    assert.equal(await s.cleanupIfDue(), undefined, 'not again the same day');
    clock.advance(DAY);
    assert.equal(await s.cleanupIfDue(), 0);
  });

  it('stores background memories in batches, and still writes the ones queued when it is disposed', async () => {
    settings.memory.embedder = 'offline';
    const s = service();
    await Promise.all(['Chose PostgreSQL', 'Moved auth to OAuth', 'Cart persists in Redis'].map((text) => s.remember({ type: 'meeting_summary', text })));
    await s.flushBackground();
    assert.deepEqual(s.backgroundStats(), { batches: 1, failedBatches: 0, processedItems: 3, pending: 0 });
    assert.equal((await s.store()).list({ type: 'meeting_summary' }).length, 3);

    await s.remember({ type: 'meeting_summary', text: 'Session on Checkout: 2 questions' });
    s.dispose(); // the window closes right after a session summary was written
    await s.whenClosed();
    const reopened = service();
    assert.ok((await reopened.store()).list({ type: 'meeting_summary' }).some((r) => r.text === 'Session on Checkout: 2 questions'));
  });

  it('ignores background memories while memory is turned off', async () => {
    settings.memory.enabled = false;
    const s = service();
    await s.remember({ type: 'meeting_summary', text: 'not kept' });
    await s.flushBackground();
    assert.equal(s.backgroundStats().processedItems, 0);
  });

  it('owns its timers: the periodic cleanup check and deferred work are cleared on dispose', async () => {
    const timer = new FakeTimer(clock);
    const s = new MemoryService({
      folder: dir,
      settings: () => settings,
      env: env(),
      trust: { isTrusted: () => true },
      state: kv,
      runInBackground: runner,
      clock,
      timer,
      cleanupEveryMs: 3_600_000,
    });
    services.push(s);
    assert.equal(timer.pending, 1);
    await s.store();
    assert.equal(timer.pending, 2, 'the first cleanup after the open is scheduled on the same timer');
    s.dispose();
    assert.equal(timer.pending, 0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
