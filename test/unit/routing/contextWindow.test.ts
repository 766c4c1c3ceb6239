import * as assert from 'node:assert/strict';
import { isJarvisError, type JarvisError } from '../../../src/common/errors';
import { ollamaLimits, ollamaNumCtx } from '../../../src/core/llm/contextLimits';
import { TokenCounter } from '../../../src/core/llm/tokens/TokenCounter';
import type { ChatMessage } from '../../../src/core/llm/types';
import type { Candidate } from '../../../src/core/routing/Candidate';
import { requestBytes, requestText, RequestSizer } from '../../../src/core/routing/RequestSize';
import { Router, type RouteChunk, type RouteRequest, type RouteResult } from '../../../src/core/routing/Router';
import { TaskComplexity } from '../../../src/core/routing/complexity/TaskComplexity';
import { FakeClock } from '../../fakes/FakeClock';
import { RecordingLogger } from './routingServiceSetup';
import { collect, ScriptedProvider } from './routerFakeProviders';

const { LOW, HIGH } = TaskComplexity;
const msgs: ChatMessage[] = [{ role: 'user', content: 'summarise this log' }];
const key = (c: Candidate) => `${c.provider}:${c.model}`;

describe('context windows', () => {
  describe('ollamaLimits: the window split between request and answer', () => {
    const table: Array<[window: number, input: number, output: number]> = [
      [2_048, 1_536, 512],
      [4_096, 3_072, 1_024],
      [8_192, 6_144, 2_048],
      [16_384, 12_288, 4_096],
      [32_768, 28_672, 4_096],
      [131_072, 126_976, 4_096],
    ];
    for (const [window, input, output] of table) {
      it(`${window} tokens → ${input} in, ${output} out`, () => {
        assert.deepEqual(ollamaLimits(window), { maxInputTokens: input, maxOutputTokens: output });
      });
    }
  });

  describe('ollamaNumCtx: the window a local request is loaded with', () => {
    const table: Array<[tokens: number, window: number, numCtx: number | undefined]> = [
      [100, 8_192, undefined], // Ollama's default window holds it: no reload
      [2_611, 131_072, undefined], // 2,611 / 0.85 + 1,024 answer room = 4,096: still the default
      [2_612, 131_072, 8_192], // one token more → the next power of two
      [3_000, 8_192, 8_192],
      [5_000, 131_072, 8_192], // 5,883 + 1,024 = 6,907
      [20_000, 131_072, 32_768], // 23,530 + 1,024 = 24,554
      [100_000, 131_072, 131_072], // capped at the model's window
    ];
    for (const [tokens, window, numCtx] of table) {
      it(`${tokens} tokens in a ${window} window → ${numCtx ?? 'default'}`, () => {
        assert.equal(ollamaNumCtx(tokens, window), numCtx);
      });
    }
  });

  describe('requestText / requestBytes: what the model reads', () => {
    it('includes message text, tool calls and results, and the tools offered', () => {
      const text = requestText(
        [
          { role: 'user', content: 'read it' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'read_file', input: { path: 'a.ts' } }] },
          { role: 'user', content: '', toolResults: [{ callId: 'c1', content: 'export const a = 1;' }] },
        ],
        [{ name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object' } }],
      );
      for (const part of ['read it', 'read_file', '{"path":"a.ts"}', 'export const a = 1;', 'Reads a file', '"type":"object"']) {
        assert.ok(text.includes(part), `missing ${part} in ${text}`);
      }
    });

    it('the byte bound is never below the token count (every token covers a byte or more)', async () => {
      const counter = new TokenCounter();
      for (const content of ['plain English prose about lists', 'naïve café — 日本語のテキスト 🚀🚀', 'x'.repeat(5000), 'def f(x):\n    return x[::-1]\n']) {
        const m: ChatMessage[] = [{ role: 'user', content }];
        assert.ok(requestBytes(m) >= (await counter.count('auto', '', requestText(m))), content.slice(0, 20));
      }
      counter.dispose();
    }).timeout(60_000);
  });

  describe('RequestSizer', () => {
    const sizer = (count: (t: string) => Promise<number>, logger = new RecordingLogger()) => ({ logger, sizer: new RequestSizer({ count, logger }) });

    it('does not count a request that fits the smallest window by its bytes', async () => {
      let counted = 0;
      const { sizer: s } = sizer(async () => ++counted);
      assert.equal(await s.measure(msgs, [], [6_144, 128_000]), undefined);
      assert.equal(counted, 0);
    });

    it('counts a request that may exceed a window, adding the per-message overhead', async () => {
      const { sizer: s } = sizer(async (t) => Math.ceil(t.length / 4));
      const long: ChatMessage[] = [{ role: 'user', content: 'word '.repeat(10_000) }];
      assert.equal(await s.measure(long, [], [6_144]), 12_500 + 4);
    });

    it('nothing to check against: no count', async () => {
      const { sizer: s } = sizer(async () => assert.fail('counted'));
      assert.equal(await s.measure([{ role: 'user', content: 'x'.repeat(100_000) }], [], []), undefined);
    });

    it('a failed count checks no window, and says so in the log', async () => {
      const { sizer: s, logger } = sizer(async () => {
        throw new Error('worker gone');
      });
      assert.equal(await s.measure([{ role: 'user', content: 'x'.repeat(100_000) }], [], [6_144]), undefined);
      assert.match(logger.lines.join('\n'), /Could not count the request's tokens \(worker gone\)/);
    });
  });

  describe('Router: past a local model’s context window', () => {
    /** llama3 with an 8k window (6,144 input → 5,222 certain with the stand-in tokenizer); gpt-4o 128k. */
    const limits: Record<string, { input: number; window: number }> = {
      'ollama:llama3': { input: 5_222, window: 8_192 },
      'ollama:qwen2.5': { input: 24_371, window: 32_768 },
      'openai:gpt-4o': { input: 128_000, window: 144_384 },
      'anthropic:claude-sonnet-4-0': { input: 170_000, window: 264_000 },
    };
    function setup(available: (c: Candidate) => boolean = () => true) {
      const clock = new FakeClock(1_000);
      const script = () => ({ text: ['ok'] });
      const ollama = new ScriptedProvider('ollama', true, script, clock);
      const openai = new ScriptedProvider('openai', false, script, clock);
      const anthropic = new ScriptedProvider('anthropic', false, script, clock);
      const router = new Router({
        providers: [ollama, openai, anthropic],
        routes: {
          trivial: [{ provider: 'ollama', model: 'llama3' }],
          low: [{ provider: 'ollama', model: 'llama3' }],
          medium: [{ provider: 'ollama', model: 'qwen2.5' }],
          high: [{ provider: 'openai', model: 'gpt-4o' }],
          critical: [{ provider: 'anthropic', model: 'claude-sonnet-4-0' }],
        },
        availability: (c) => (available(c) ? { ok: true } : { ok: false, reason: `no key for ${c.provider}` }),
        inputLimit: (c) => limits[key(c)],
        clock,
      });
      return { router, ollama, openai };
    }
    const run = async (router: Router, req: Partial<RouteRequest>): Promise<RouteResult> => {
      const chunks = await collect(router.executeWithFallback({ tier: LOW, messages: msgs, prefer: 'local', ...req }));
      return (chunks.at(-1) as Extract<RouteChunk, { type: 'done' }>).result;
    };
    const failure = async (router: Router, req: Partial<RouteRequest>): Promise<JarvisError> => {
      let caught: unknown;
      await collect(router.executeWithFallback({ tier: LOW, messages: msgs, prefer: 'local', ...req })).catch((e) => (caught = e));
      assert.ok(isJarvisError(caught), `expected a JarvisError, got ${String(caught)}`);
      return caught as JarvisError;
    };

    it('a request that fits stays on the local model, loaded with the window it needs', async () => {
      const { router, ollama } = setup();
      const r = await run(router, { inputTokens: 3_000 });
      assert.equal(key(r.candidate), 'ollama:llama3');
      assert.equal(ollama.calls[0].contextTokens, 8_192);
    });

    it('a short request leaves Ollama its default window (no reload)', async () => {
      const { router, ollama } = setup();
      await run(router, { inputTokens: 200 });
      assert.equal(ollama.calls[0].contextTokens, undefined);
    });

    it('too long for llama3: the next local model whose window fits answers, and the reason says why', async () => {
      const { router, ollama } = setup();
      const r = await run(router, { inputTokens: 18_234 });
      assert.equal(key(r.candidate), 'ollama:qwen2.5');
      assert.deepEqual(ollama.models, ['qwen2.5']);
      assert.match(r.reason, /skipped ollama:llama3: the request is about 18,234 tokens, more than llama3 takes \(5,222 of its 8,192-token context window\)/);
    });

    it('too long for every local window: routed to the cloud model that fits', async () => {
      const { router, ollama, openai } = setup();
      const r = await run(router, { inputTokens: 60_000 });
      assert.equal(key(r.candidate), 'openai:gpt-4o');
      assert.deepEqual([ollama.calls.length, openai.calls[0].contextTokens], [0, undefined]);
      assert.match(r.reason, /skipped ollama:llama3: .*60,000 tokens.*skipped ollama:qwen2\.5: .*24,371 of its 32,768/);
    });

    it('fits no model: the error names the size, each limit, why the cloud was out, and the fix', async () => {
      const { router, ollama } = setup((c) => c.provider === 'ollama');
      const e = await failure(router, { inputTokens: 60_000 });
      assert.equal(e.code, 'no-model-available');
      assert.match(e.message, /^This request is about 60,000 tokens, more than llama3 \(5,222\), qwen2\.5 \(24,371\) can take\./);
      assert.match(e.message, /openai:gpt-4o \(no key for openai\)/);
      assert.match(e.message, /Add an OpenAI or Anthropic API key .*pull a local model with a larger context window.*nothing was sent/);
      assert.equal(ollama.calls.length, 0);
    });

    it('kept local by privacy and too long for every local model: says so, and how to fix it', async () => {
      const { router, openai } = setup();
      const e = await failure(router, { inputTokens: 60_000, privacy: { localOnly: true, reasons: ['an API key in message 2'], findings: [] } });
      assert.match(e.message, /It must stay on this machine \(an API key in message 2\): pull a local model with a larger context window/);
      assert.equal(openai.calls.length, 0);
    });

    it('cloud closed by the budget: keeps the budget’s code and message, plus the size', async () => {
      const { router } = setup();
      const e = await failure(router, { inputTokens: 60_000, cloudBlocked: { code: 'budget-exceeded', message: 'Daily budget of $1.00 reached.' } });
      assert.equal(e.code, 'budget-exceeded');
      assert.match(e.message, /about 60,000 tokens.*Daily budget of \$1\.00 reached\..*larger context window/);
    });

    it('a model picked by name that the request does not fit: names it and suggests Jarvis Auto', async () => {
      const { router } = setup();
      const e = await failure(router, { inputTokens: 9_000, only: { provider: 'ollama', model: 'llama3' } });
      assert.match(e.message, /more than llama3 \(5,222\) can take\. Pick Jarvis Auto or a model with a larger context window/);
    });

    it('an unmeasured request (or a model of unknown window) is not checked', async () => {
      const { router } = setup();
      assert.equal(key((await run(router, {})).candidate), 'ollama:llama3');
      assert.equal(
        key((await run(router, { tier: HIGH, prefer: 'cloud', inputTokens: 10_000_000, only: { provider: 'ollama', model: 'phi3' } })).candidate),
        'ollama:phi3',
      );
    });
  });
});
