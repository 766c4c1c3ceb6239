import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import { JarvisError, isJarvisError, type JarvisErrorCode } from '../../../src/common/errors';
import { PerformanceTracker } from '../../../src/core/routing/perf/PerformanceTracker';
import type { Availability, Candidate } from '../../../src/core/routing/Candidate';
import { Router, type RouteChunk, type RouteRequest, type RouteResult } from '../../../src/core/routing/Router';
import { TaskComplexity } from '../../../src/core/routing/complexity/TaskComplexity';
import type { LlmProvider } from '../../../src/core/llm/types';
import { ScriptedProvider, collect, fails, ok, type Script } from './routerFakeProviders';

const { TRIVIAL, LOW, MEDIUM, HIGH, CRITICAL } = TaskComplexity;
const msgs = [{ role: 'user' as const, content: 'hi' }];
const key = (c: Candidate) => `${c.provider}:${c.model}`;

function setup(scripts: Partial<Record<string, Script>> = {}, availability?: (c: Candidate) => Availability) {
  const clock = new FakeClock(1_000_000);
  const script = (provider: string) => (req: { model: string }) => scripts[`${provider}:${req.model}`] ?? ok(`answer from ${req.model}.`);
  const ollama = new ScriptedProvider('ollama', true, script('ollama'), clock);
  const openai = new ScriptedProvider('openai', false, script('openai'), clock);
  const anthropic = new ScriptedProvider('anthropic', false, script('anthropic'), clock);
  const tracker = new PerformanceTracker({ clock });
  const router = new Router({ providers: [ollama, openai, anthropic], availability, clock, tracker });
  return { clock, ollama, openai, anthropic, tracker, router };
}

async function run(router: Router, req: Partial<RouteRequest> & { tier: TaskComplexity }): Promise<{ chunks: RouteChunk[]; result: RouteResult }> {
  const chunks = await collect(router.executeWithFallback({ messages: msgs, ...req }));
  const done = chunks.at(-1);
  assert.equal(done?.type, 'done');
  return { chunks, result: (done as Extract<RouteChunk, { type: 'done' }>).result };
}

async function rejects(p: Promise<unknown>, code: JarvisErrorCode, msg?: RegExp): Promise<JarvisError> {
  let caught: unknown;
  await p.catch((e) => (caught = e));
  assert.ok(isJarvisError(caught, code), `expected ${code}, got ${String(caught)}`);
  if (msg) assert.match((caught as JarvisError).message, msg);
  return caught as JarvisError;
}

describe('Router', () => {
  describe('default routing table', () => {
    const table: Array<[TaskComplexity, string]> = [
      [TRIVIAL, 'ollama:phi3'],
      [LOW, 'ollama:llama3'],
      [MEDIUM, 'ollama:mistral'],
      [HIGH, 'openai:gpt-4o'],
      [CRITICAL, 'anthropic:claude-opus-4-0'],
    ];
    for (const [tier, expected] of table) {
      it(`${TaskComplexity[tier]} → ${expected}`, async () => {
        const { router } = setup();
        const { result } = await run(router, { tier });
        assert.equal(key(result.candidate), expected);
        assert.match(result.reason, new RegExp(`^${TaskComplexity[tier].toLowerCase()} tier → ${expected}$`));
      });
    }

    it('orders fallbacks by tier distance, and partitions by preference', () => {
      const { router } = setup();
      assert.deepEqual(router.order(HIGH).map(key), [
        'openai:gpt-4o',
        'anthropic:claude-sonnet-4-0',
        'ollama:mistral',
        'openai:gpt-4o-mini',
        'anthropic:claude-opus-4-0',
        'ollama:llama3',
        'ollama:phi3',
      ]);
      assert.deepEqual(router.order(MEDIUM, 'cloud').map(key), [
        'openai:gpt-4o-mini',
        'openai:gpt-4o',
        'anthropic:claude-sonnet-4-0',
        'anthropic:claude-opus-4-0',
        'ollama:mistral',
        'ollama:llama3',
        'ollama:phi3',
      ]);
      assert.deepEqual(router.order(TRIVIAL, 'local').slice(0, 3).map(key), ['ollama:phi3', 'ollama:llama3', 'ollama:mistral']);
    });
  });

  it('skips candidates the host reports unavailable, and says why', async () => {
    const down: Record<string, string> = { 'ollama:phi3': 'model not installed (run ollama pull phi3)' };
    const { router, ollama } = setup({}, (c) => (down[key(c)] ? { ok: false, reason: down[key(c)] } : { ok: true }));
    const { result } = await run(router, { tier: TRIVIAL });
    assert.equal(key(result.candidate), 'ollama:llama3');
    assert.deepEqual(ollama.models, ['llama3']);
    assert.equal(result.reason, 'trivial tier → ollama:llama3; skipped ollama:phi3: model not installed (run ollama pull phi3)');
    const sel = await router.select({ tier: TRIVIAL });
    assert.equal(key(sel.usable[0]), 'ollama:llama3');
    assert.deepEqual(
      sel.skipped.map((a) => [key(a.candidate), a.reason]),
      [['ollama:phi3', 'model not installed (run ollama pull phi3)']],
    );
  });

  it('skips a provider that is not set up, and an availability check that throws', async () => {
    const ollama = new ScriptedProvider('ollama', true, () => ok());
    const router = new Router({
      providers: [ollama],
      availability: (c) => {
        if (c.model === 'phi3') throw new Error('tags request failed');
        return { ok: true };
      },
    });
    const sel = await router.select({ tier: CRITICAL });
    const reasons = Object.fromEntries(sel.skipped.map((a) => [key(a.candidate), a.reason]));
    assert.equal(reasons['anthropic:claude-opus-4-0'], 'no anthropic provider is set up');
    assert.equal(reasons['ollama:phi3'], 'availability check failed: tags request failed');
    assert.equal(key(sel.usable[0]), 'ollama:mistral');
  });

  it('falls back to the next candidate when Ollama is unreachable before any text', async () => {
    const { router, openai, tracker } = setup({ 'ollama:mistral': fails('provider-unreachable', 'Ollama is not running at http://localhost:11434.') });
    const { chunks, result } = await run(router, { tier: MEDIUM });
    assert.equal(key(result.candidate), 'openai:gpt-4o-mini');
    assert.deepEqual(openai.models, ['gpt-4o-mini']);
    assert.equal(result.local, false);
    assert.match(result.reason, /ollama:mistral failed: provider-unreachable: Ollama is not running/);
    assert.deepEqual(
      result.attempts.map((a) => a.outcome),
      ['failed', 'answered'],
    );
    assert.deepEqual(
      chunks.filter((c) => c.type === 'text').map((c) => (c as { text: string }).text),
      ['answer from gpt-4o-mini.'],
    );
    assert.equal(tracker.statsFor('ollama', 'mistral')?.failures, 1);
    assert.equal(tracker.statsFor('openai', 'gpt-4o-mini')?.successes, 1);
  });

  for (const code of ['provider-unreachable', 'model-not-found', 'provider-error', 'timeout', 'rate-limited', 'circuit-open', 'auth-failed'] as const) {
    it(`moves on after ${code} before the first text`, async () => {
      const { router } = setup({ 'openai:gpt-4o': fails(code) });
      const { result } = await run(router, { tier: HIGH });
      assert.equal(key(result.candidate), 'anthropic:claude-sonnet-4-0');
    });
  }

  for (const code of ['cancelled', 'invalid-response', 'invalid-input'] as const) {
    it(`stops on ${code}: another model would not help`, async () => {
      const { router, anthropic } = setup({ 'openai:gpt-4o': fails(code) });
      await rejects(collect(router.executeWithFallback({ tier: HIGH, messages: msgs })), code);
      assert.equal(anthropic.calls.length, 0);
    });
  }

  it('wraps a non-Jarvis provider error as provider-error and moves on', async () => {
    const { router } = setup({ 'openai:gpt-4o': { error: new TypeError('boom') } });
    const { result } = await run(router, { tier: HIGH });
    assert.equal(key(result.candidate), 'anthropic:claude-sonnet-4-0');
    assert.match(result.reason, /openai:gpt-4o failed: provider-error: openai failed on gpt-4o: boom/);
  });

  it('does not fall back once text has streamed: the failure is thrown', async () => {
    const { router, anthropic } = setup({
      'openai:gpt-4o': { text: ['Half an ', 'answer'], error: new JarvisError('provider-unreachable', 'connection reset'), failAfter: 1 },
    });
    const seen: RouteChunk[] = [];
    await rejects(
      (async () => {
        for await (const c of router.executeWithFallback({ tier: HIGH, messages: msgs })) seen.push(c);
      })(),
      'provider-unreachable',
      /connection reset/,
    );
    assert.deepEqual(
      seen.map((c) => c.type),
      ['model', 'text'],
    );
    assert.equal(anthropic.calls.length, 0);
  });

  it('keeps a failed attempt as { code, message }, not a formatted string', async () => {
    const { router } = setup({ 'ollama:mistral': fails('provider-unreachable', 'Ollama is not running at http://localhost:11434.') });
    const { result } = await run(router, { tier: MEDIUM });
    const failed = result.attempts.find((a) => a.outcome === 'failed');
    assert.deepEqual(failed && 'error' in failed ? failed.error : undefined, {
      code: 'provider-unreachable',
      message: 'Ollama is not running at http://localhost:11434.',
    });
  });

  it('emits the model chunk before the first text, with the attempts so far', async () => {
    const { router } = setup({ 'openai:gpt-4o': fails('rate-limited') });
    const { chunks } = await run(router, { tier: HIGH });
    assert.deepEqual(
      chunks.map((c) => c.type),
      ['model', 'text', 'done'],
    );
    const model = chunks[0] as Extract<RouteChunk, { type: 'model' }>;
    assert.deepEqual([model.provider, model.model, model.local], ['anthropic', 'claude-sonnet-4-0', false]);
    assert.deepEqual(
      model.attempts.map((a) => [key(a.candidate), a.outcome]),
      [['openai:gpt-4o', 'failed']],
    );
  });

  it('reports cost from the reported model name, latency and TTFT from the clock, and usage', async () => {
    const { router } = setup({
      'openai:gpt-4o': { text: ['a', 'b', 'c.'], ttftMs: 120, perChunkMs: 10, reportedModel: 'gpt-4o-2024-08-06', inputTokens: 1000, outputTokens: 500 },
    });
    const { result } = await run(router, { tier: HIGH });
    assert.equal(result.model, 'gpt-4o-2024-08-06');
    assert.deepEqual(result.cost, { usd: (1000 * 2.5 + 500 * 10) / 1e6 });
    assert.equal(result.ttftMs, 120);
    assert.equal(result.latencyMs, 140);
    assert.deepEqual(result.usage, { inputTokens: 1000, outputTokens: 500 });
    assert.equal(result.text, 'abc.');
    assert.equal(result.finishReason, 'stop');
  });

  it('reports an unknown price as unknown, and local answers as $0', async () => {
    const { router } = setup({ 'openai:gpt-4o': { text: ['x.'], reportedModel: 'gpt-9-experimental' } });
    assert.deepEqual((await run(router, { tier: HIGH })).result.cost, { unknown: true });
    assert.deepEqual((await run(router, { tier: LOW })).result.cost, { usd: 0 });
  });

  it('rethrows the single real failure with its code when nothing else is available', async () => {
    const { router } = setup({ 'ollama:phi3': fails('provider-unreachable', 'Ollama is not running at http://localhost:11434.') }, (c) =>
      c.model === 'phi3' ? { ok: true } : { ok: false, reason: 'not installed' },
    );
    await rejects(
      collect(router.executeWithFallback({ tier: TRIVIAL, messages: msgs })),
      'provider-unreachable',
      /^Ollama is not running at http:\/\/localhost:11434\. No other model was available: ollama:llama3 \(not installed\)/,
    );
  });

  it('reports every failure when several candidates failed', async () => {
    const { router } = setup({ 'openai:gpt-4o': fails('timeout', 'timed out'), 'anthropic:claude-sonnet-4-0': fails('auth-failed', 'bad key') }, (c) =>
      c.model === 'gpt-4o' || c.model === 'claude-sonnet-4-0' ? { ok: true } : { ok: false, reason: 'off' },
    );
    await rejects(
      collect(router.executeWithFallback({ tier: HIGH, messages: msgs })),
      'no-model-available',
      /Every model failed for this high request: openai:gpt-4o \(timeout: timed out\); anthropic:claude-sonnet-4-0 \(auth-failed: bad key\)/,
    );
  });

  it('says what to do when no model at all is available', async () => {
    const { router } = setup({}, () => ({ ok: false, reason: 'disabled' }));
    await rejects(
      collect(router.executeWithFallback({ tier: MEDIUM, messages: msgs })),
      'no-model-available',
      /No model is available for this medium request: .*Start Ollama and pull a model, or add an API key/,
    );
  });

  describe('privacy', () => {
    const verdict = { localOnly: true, reasons: ['AWS access key id in prompt line 1'], findings: [] };

    for (const tier of [TRIVIAL, LOW, MEDIUM, HIGH, CRITICAL]) {
      it(`never uses a cloud candidate for a local-only ${TaskComplexity[tier]} request`, async () => {
        const { router, openai, anthropic } = setup();
        const { result } = await run(router, { tier, privacy: verdict, prefer: 'cloud' });
        assert.equal(result.local, true);
        assert.equal(openai.calls.length + anthropic.calls.length, 0);
      });
    }

    it('never falls back to the cloud when local models fail', async () => {
      const { router, openai, anthropic } = setup({
        'ollama:mistral': fails('provider-unreachable'),
        'ollama:llama3': fails('provider-unreachable'),
        'ollama:phi3': fails('provider-unreachable'),
      });
      await rejects(collect(router.executeWithFallback({ tier: MEDIUM, messages: msgs, privacy: verdict })), 'no-model-available', /Every model failed/);
      assert.equal(openai.calls.length + anthropic.calls.length, 0);
    });

    it('fails with a clear message, sending nothing, when no local model is available', async () => {
      const { router, openai, anthropic } = setup({}, (c) => (c.provider === 'ollama' ? { ok: false, reason: 'Ollama is disabled' } : { ok: true }));
      await rejects(
        collect(router.executeWithFallback({ tier: CRITICAL, messages: msgs, privacy: verdict })),
        'no-model-available',
        /^This request must stay on this machine \(AWS access key id in prompt line 1\), but no local model is available: .*nothing was sent\.$/,
      );
      assert.equal(openai.calls.length + anthropic.calls.length, 0);
    });
  });

  it('answers locally when the cloud is blocked, and surfaces the block when nothing local works', async () => {
    const blocked = { code: 'budget-exceeded' as const, message: 'Daily cloud budget reached.' };
    const { router, openai } = setup();
    const { result } = await run(router, { tier: HIGH, cloudBlocked: blocked });
    assert.equal(key(result.candidate), 'ollama:mistral');
    assert.match(result.reason, /skipped openai:gpt-4o: Daily cloud budget reached\./);
    assert.equal(openai.calls.length, 0);

    const noLocal = setup({}, (c) => (c.provider === 'ollama' ? { ok: false, reason: 'not running' } : { ok: true }));
    await rejects(
      collect(noLocal.router.executeWithFallback({ tier: HIGH, messages: msgs, cloudBlocked: blocked })),
      'budget-exceeded',
      /^Daily cloud budget reached\. No local model is available either/,
    );
  });

  it('stops at once when the signal is already aborted, and mid-stream without fallback', async () => {
    const { router, ollama } = setup();
    const ac = new AbortController();
    ac.abort();
    await rejects(collect(router.executeWithFallback({ tier: LOW, messages: msgs, signal: ac.signal })), 'cancelled');
    assert.equal(ollama.calls.length, 0);

    const ac2 = new AbortController();
    const s2 = setup({ 'ollama:llama3': { text: ['one ', 'two ', 'three.'] } });
    await rejects(
      (async () => {
        for await (const c of s2.router.executeWithFallback({ tier: LOW, messages: msgs, signal: ac2.signal })) if (c.type === 'text') ac2.abort();
      })(),
      'cancelled',
    );
    assert.equal(s2.ollama.calls.length + s2.openai.calls.length, 1);
  });

  it('closes the provider stream when the consumer stops reading', async () => {
    let closed = false;
    const provider: LlmProvider = {
      id: 'ollama',
      local: true,
      async *chat() {
        try {
          yield { type: 'text', text: 'a' };
          yield { type: 'text', text: 'b' };
        } finally {
          closed = true;
        }
      },
    };
    const router = new Router({ providers: [provider] });
    for await (const c of router.executeWithFallback({ tier: LOW, messages: msgs })) if (c.type === 'text') break;
    assert.equal(closed, true);
  });

  it('treats a stream that ends without a final chunk as invalid-response', async () => {
    const provider: LlmProvider = {
      id: 'ollama',
      local: true,
      async *chat() {
        yield { type: 'text', text: 'partial' };
      },
    };
    await rejects(
      collect(new Router({ providers: [provider] }).executeWithFallback({ tier: LOW, messages: msgs })),
      'invalid-response',
      /without a final message/,
    );
  });

  it('refuses bad options and requests with clear messages', async () => {
    const p = new ScriptedProvider('ollama', true, () => ok());
    assert.throws(() => new Router({ providers: [p, p] }), /two "ollama" providers/);
    assert.throws(() => new Router({} as never), /Router needs \{ providers: LlmProvider\[\] \}/);
    assert.throws(
      () => new Router({ providers: [p], routes: { medium: ['mistral'] } as never }),
      /Route medium\[0\] must name a provider \(ollama, openai, anthropic or vscode\) as "provider:model"; got "mistral"/,
    );
    assert.throws(() => new Router({ providers: [p], routes: { huge: ['ollama:x'] } as never }), /Unknown routing tier "huge"/);
    assert.throws(() => new Router({ providers: [p], routes: { low: [] } as never }), /Routing tier "low" must be a non-empty list/);
    assert.throws(() => new Router({ providers: [p], routes: { low: ['ollama: '] } as never }), /Route low\[0\] has no model name/);
    const router = new Router({ providers: [p] });
    await rejects(
      collect(router.executeWithFallback({ tier: 9 as TaskComplexity, messages: msgs })),
      'invalid-input',
      /tier must be a TaskComplexity from 1 \(trivial\) to 5 \(critical\); got 9/,
    );
    await rejects(collect(router.executeWithFallback({ tier: LOW, messages: [] })), 'invalid-input', /at least one message/);
    await rejects(
      collect(router.executeWithFallback({ tier: LOW, messages: msgs, prefer: 'fast' as never })),
      'invalid-input',
      /prefer must be "local" or "cloud"/,
    );
  });

  it('accepts routes from settings as "provider:model" strings', async () => {
    const p = new ScriptedProvider('ollama', true, () => ok());
    const router = new Router({ providers: [p], routes: { low: ['ollama:qwen2.5-coder:7b'] } as never });
    const { result } = await run(router, { tier: LOW });
    assert.equal(result.candidate.model, 'qwen2.5-coder:7b');
  });
});
