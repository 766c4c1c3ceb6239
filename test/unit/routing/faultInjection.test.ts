/**
 * Fault injection against the real fake servers and the real SDKs: every fault ends within its
 * deadline with the right fallback or a clear error, never more than 1 + maxRetries HTTP attempts,
 * the tracker records the failure and the cache keeps no error.
 */
import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { isJarvisError, type JarvisErrorCode } from '../../../src/common/errors';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import { FakeTimer } from '../../fakes/FakeTimer';
import type { RoutingService } from '../../../src/core/routing/RoutingService';
import type { FakeFaults } from '../../fakes/FakeCloudServer';
import { closedPort } from '../helpers/closedPort';
import { useFakeServers } from '../helpers/fakeServers';
import { collectChunks, doneOf, makeService, modelOf, OPENAI_KEY, prepared, testSettings, textOf } from './routingServiceSetup';

const MAX_RETRIES = 2;
/** The deadlines the two deadline tests show; they run on a FakeTimer, so only fake time reaches them. */
const FIRST_TOKEN_MS = 300;
const IDLE_MS = 1_000;
/** Longer than any of these tests runs: the deadline never decides their outcome. */
const NO_DEADLINE_S = 60;
const ONLY_CLOUD = {
  trivial: ['openai:gpt-4o-mini'],
  low: ['openai:gpt-4o-mini'],
  medium: ['openai:gpt-4o-mini'],
  high: ['openai:gpt-4o-mini'],
  critical: ['openai:gpt-4o-mini'],
};

interface Stats {
  models: { provider: string; model: string; requests: number; failures: number }[];
}

describe('fault injection: routing service against faulty fakes', function () {
  this.timeout(10_000);
  const fakes = useFakeServers();
  const cloudChats = () => fakes.openai.requests.filter((r) => r.path === '/v1/chat/completions').length;

  // On real time every deadline is longer than a test runs: on a loaded machine a 0.3 s first-token deadline
  // fired before the first chunk of the mid-stream faults and added a second request. The tests that show a
  // deadline give it a FakeTimer and move fake time themselves (see runOn).
  function service(overrides: { baseUrl?: string; timer?: FakeTimer; clock?: FakeClock; firstTokenS?: number; idleS?: number } = {}): RoutingService {
    const s = testSettings({
      ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' },
      openai: { baseUrl: overrides.baseUrl ?? fakes.openai.url },
      routing: { ...testSettings().routing, tiers: ONLY_CLOUD },
      resilience: {
        maxRetries: MAX_RETRIES,
        breakerThreshold: 50,
        breakerCooldownSeconds: 60,
        firstTokenTimeoutSeconds: overrides.firstTokenS ?? NO_DEADLINE_S,
        idleTimeoutSeconds: overrides.idleS ?? NO_DEADLINE_S,
      },
    });
    return makeService({ settings: s, keys: { openai: OPENAI_KEY }, timer: overrides.timer, clock: overrides.clock }).service;
  }

  const ask = (svc: RoutingService, prompt = 'What is a closure?') => collectChunks(svc.respond(prepared(prompt, { command: 'cloud' })));

  async function outcome(svc: RoutingService, onChunk?: (c: ChatChunk) => void): Promise<{ chunks: ChatChunk[]; error?: unknown }> {
    const chunks: ChatChunk[] = [];
    try {
      for await (const c of svc.respond(prepared('What is a closure?', { command: 'cloud' }))) {
        chunks.push(c);
        onChunk?.(c);
      }
      return { chunks };
    } catch (error) {
      return { chunks, error };
    }
  }

  /**
   * Awaits `work` while moving fake time: after each real millisecond (the fakes answer over real sockets),
   * by `step()` ms; 0 fires only what is due now, such as the zero-length backoff waits `random() = 0` gives.
   * Polling for the sockets decides no outcome: fake time alone decides when a deadline fires.
   */
  async function runOn<T>(timer: FakeTimer, work: Promise<T>, step: () => number): Promise<T> {
    let settled = false;
    void work.finally(() => (settled = true));
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await timer.advanceAsync(step());
    }
    return work;
  }

  function cloudFailures(svc: RoutingService): number {
    const stats = JSON.parse(svc.exportMetrics('json')) as Stats;
    return stats.models.find((m) => m.provider === 'openai')?.failures ?? 0;
  }

  /** The fault made the cloud answer fail and the local last resort answer instead. */
  function assertFellBack(r: { chunks: ChatChunk[]; error?: unknown }): void {
    assert.equal(r.error, undefined, `unexpected error: ${String(r.error)}`);
    assert.equal(doneOf(r.chunks).model, 'llama3');
    assert.match(textOf(r.chunks), /Hello from fake Ollama/);
  }

  /** The fault hit after the user saw text: a clear error, no retry, no fallback. */
  function assertFailedAfterText(r: { chunks: ChatChunk[]; error?: unknown }, codes: JarvisErrorCode[]): void {
    assert.ok(isJarvisError(r.error), `expected a JarvisError, got ${String(r.error)}`);
    assert.ok(codes.includes(r.error.code), `${r.error.code}: ${r.error.message}`);
    assert.ok(r.error.message.length > 10);
    assert.match(textOf(r.chunks), /Hello/);
    assert.equal(cloudChats(), 1, 'never re-sent after text was shown');
  }

  /** Nothing of the failure is cached: the same request goes to the server again. */
  async function assertNotCached(svc: RoutingService, configure: Partial<FakeFaults>): Promise<void> {
    fakes.openai.configure(configure);
    const before = cloudChats();
    const again = await ask(svc);
    assert.equal(cloudChats(), before + 1);
    assert.equal(doneOf(again).cached, undefined);
  }

  it('connection refused: falls back to the local model', async () => {
    const svc = service({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1` });
    const r = await outcome(svc);
    assertFellBack(r);
    assert.ok(cloudFailures(svc) >= 1);
  });

  it('reset mid-stream: the error is shown, not retried after text, not cached', async () => {
    // The socket dies only once the user has seen text (a paced stream alone raced on a loaded machine).
    let textShown!: () => void;
    const faultGate = new Promise<void>((resolve) => (textShown = resolve));
    fakes.openai.configure({ resetMidStream: true, faultAfterChunks: 2, faultGate });
    const svc = service();
    const r = await outcome(svc, (c) => c.type === 'markdown' && textShown());
    assertFailedAfterText(r, ['provider-unreachable', 'provider-error', 'invalid-response']);
    assert.equal(cloudFailures(svc), 1);
    await assertNotCached(svc, { resetMidStream: false, chunkDelayMs: 0 });
  });

  it('429 with Retry-After: waits exactly as asked (injected timer), then answers', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const timer = new FakeTimer(clock);
    fakes.openai.configure({ failNext: 1, failStatus: 429, retryAfter: '2' });
    // Long stream deadlines: on the fake timer only the Retry-After wait is ever due.
    const svc = service({ clock, timer, firstTokenS: 600, idleS: 600 });
    const start = clock.now();
    const run = ask(svc);
    await fakes.openai.waitForRequest();
    while (cloudChats() < 2 && clock.now() - start < 60_000) {
      await new Promise((r) => setTimeout(r, 2));
      await timer.advanceAsync(100);
    }
    const chunks = await run;
    assert.equal(modelOf(chunks).provider, 'openai');
    assert.equal(cloudChats(), 2);
    const waited = clock.now() - start;
    assert.ok(waited >= 2000 && waited <= 2200, `the Retry-After wait was honoured (${waited} ms of fake time)`);
    assert.ok(cloudFailures(svc) === 0, 'a retried attempt is one successful call for the router');
  });

  it('500 once: retried and answered by the cloud', async () => {
    fakes.openai.configure({ failNext: 1, failStatus: 500 });
    const svc = service();
    const r = await outcome(svc);
    assert.equal(r.error, undefined);
    assert.equal(modelOf(r.chunks).provider, 'openai');
    assert.equal(cloudChats(), 2);
  });

  it('503 persisting: at most 1 + maxRetries attempts, then the local fallback', async () => {
    fakes.openai.configure({ failNext: 100, failStatus: 503 });
    const svc = service();
    const r = await outcome(svc);
    assertFellBack(r);
    assert.equal(cloudChats(), 1 + MAX_RETRIES);
    assert.equal(cloudFailures(svc), 1);
  });

  it('never sends headers: the first-token deadline ends each attempt, then the local fallback', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const timer = new FakeTimer(clock);
    fakes.openai.configure({ stallBeforeHeaders: true });
    const svc = service({ clock, timer, firstTokenS: FIRST_TOKEN_MS / 1000 });
    // Each attempt's deadline is armed before its request leaves, so once the server holds a request, exactly
    // the deadline ends it; time moves no further, so the local fallback's own deadline never fires.
    let expired = 0;
    const r = await runOn(timer, outcome(svc), () => (cloudChats() > expired ? (expired++, FIRST_TOKEN_MS) : 0));
    assertFellBack(r);
    assert.ok(cloudChats() <= 1 + MAX_RETRIES);
    assert.match(r.chunks.find((c) => c.type === 'model')?.type === 'model' ? (modelOf(r.chunks).reason ?? '') : '', /first-token timeout/);
  });

  it('stalls mid-stream: the idle deadline ends it with a timeout error', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const timer = new FakeTimer(clock);
    fakes.openai.configure({ stallMidStream: true, faultAfterChunks: 2 });
    const svc = service({ clock, timer, idleS: IDLE_MS / 1000 });
    // Fake time moves once the user has both chunks the server sends before it stalls: from then on the idle
    // deadline is the only one that can fire (no retry or fallback follows text already shown).
    let texts = 0;
    const r = await runOn(
      timer,
      outcome(svc, (c) => void (c.type === 'markdown' && texts++)),
      () => (texts >= 2 ? IDLE_MS : 0),
    );
    assertFailedAfterText(r, ['timeout']);
    assert.equal(cloudFailures(svc), 1);
    await assertNotCached(svc, { stallMidStream: false });
  });

  it('malformed JSON chunk: a clear error after the text already shown', async () => {
    fakes.openai.configure({ malformedChunk: true, faultAfterChunks: 2 });
    const svc = service();
    const r = await outcome(svc);
    assertFailedAfterText(r, ['invalid-response', 'provider-error']);
    await assertNotCached(svc, { malformedChunk: false });
  });

  it('truncated SSE stream: reported as an incomplete answer', async () => {
    fakes.openai.configure({ truncate: true, faultAfterChunks: 2 });
    const svc = service();
    const r = await outcome(svc);
    assertFailedAfterText(r, ['invalid-response']);
    assert.match((r.error as Error).message, /ended before the answer was complete/);
    await assertNotCached(svc, { truncate: false });
  });

  it('repeated failures open the circuit: the next request skips the provider without HTTP', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const s = testSettings({
      ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' },
      openai: { baseUrl: fakes.openai.url },
      routing: { ...testSettings().routing, tiers: ONLY_CLOUD },
      resilience: { maxRetries: 0, breakerThreshold: 2, breakerCooldownSeconds: 60, firstTokenTimeoutSeconds: 5, idleTimeoutSeconds: 5 },
    });
    const { service: svc } = makeService({ settings: s, keys: { openai: OPENAI_KEY }, clock });
    fakes.openai.configure({ failNext: 100, failStatus: 500 });
    await ask(svc, 'What is a monad?');
    await ask(svc, 'What is a functor?');
    assert.equal(cloudChats(), 2);
    assert.ok(
      svc.circuits().some((c) => c.key === 'openai:gpt-4o-mini' && c.state === 'open'),
      JSON.stringify(svc.circuits()),
    );
    const r = await ask(svc, 'What is a lens?');
    assert.equal(cloudChats(), 2, 'an open circuit makes no request');
    assert.match(modelOf(r).reason ?? '', /circuit open/);
  });
});
