import * as assert from 'node:assert/strict';
import { FakeClock } from '../../fakes/FakeClock';
import { JarvisError, isJarvisError } from '../../../src/common/errors';
import { BudgetGovernor } from '../../../src/core/routing/BudgetGovernor';
import type { Availability, Candidate } from '../../../src/core/routing/Candidate';
import { HybridStrategy, type HybridChunk, type HybridOptions, type HybridRequest, type HybridResult } from '../../../src/core/routing/HybridStrategy';
import { Router } from '../../../src/core/routing/Router';
import type { RoutingTable } from '../../../src/core/routing/RoutingTable';
import type { ProviderChatRequest } from '../../../src/core/llm/types';
import { ScriptedProvider, collect, fails, ok, seededRandom, type Script } from './routerFakeProviders';

const fence = '```';
const GOOD = 'Here is a complete answer.';

interface Setup {
  local?: (req: ProviderChatRequest) => Script;
  cloud?: (req: ProviderChatRequest) => Script;
  availability?: (c: Candidate) => Availability;
  routes?: RoutingTable;
  options?: Partial<HybridOptions>;
}

function setup(s: Setup = {}) {
  const clock = new FakeClock(Date.parse('2025-03-10T12:00:00Z'));
  const ollama = new ScriptedProvider('ollama', true, s.local ?? (() => ok(GOOD)), clock);
  const openai = new ScriptedProvider('openai', false, s.cloud ?? (() => ({ text: ['Cloud answer.'], inputTokens: 1000, outputTokens: 1000 })), clock);
  const anthropic = new ScriptedProvider('anthropic', false, s.cloud ?? (() => ok('Claude answer.')), clock);
  const router = new Router({ providers: [ollama, openai, anthropic], availability: s.availability, routes: s.routes, clock });
  const hybrid = new HybridStrategy({ router, ...s.options });
  return { clock, ollama, openai, anthropic, router, hybrid };
}

async function run(hybrid: HybridStrategy, req: HybridRequest): Promise<{ chunks: HybridChunk[]; result: HybridResult; text: string }> {
  const chunks = await collect(hybrid.execute(req));
  const done = chunks.at(-1);
  assert.equal(done?.type, 'done');
  const text = chunks.map((c) => (c.type === 'text' ? c.text : '')).join('');
  return { chunks, result: (done as Extract<HybridChunk, { type: 'done' }>).result, text };
}

const warnings = (chunks: HybridChunk[]) => chunks.flatMap((c) => (c.type === 'warning' ? [c.message] : []));

describe('HybridStrategy', () => {
  it('runs trivial and low locally, high and critical in the cloud', async () => {
    const { hybrid } = setup();
    const cases: Array<[string, boolean, string]> = [
      ['What is a closure?', true, 'trivial tier runs locally'],
      ['Explain event loops', true, 'low tier runs locally'],
      ['Design a plugin system', false, 'high tier runs in the cloud'],
      ['Design a distributed payment system for production', false, 'critical tier runs in the cloud'],
    ];
    for (const [prompt, local, why] of cases) {
      const { result } = await run(hybrid, { prompt });
      assert.equal(result.local, local, prompt);
      assert.equal(result.decision.why, why);
    }
  });

  it('keeps the local share at 0.8 ± 0.05 over 1,000 mixed requests by steering medium ones', async () => {
    const random = seededRandom(42);
    // 3% of local answers are bad and get escalated, which the controller must compensate for.
    const { hybrid, clock } = setup({
      local: () => (random() < 0.03 ? { text: ["I can't help with that."], ttftMs: 200 } : { text: ['A good local answer.'], ttftMs: 300, perChunkMs: 20 }),
      cloud: () => ({ text: ['A cloud answer.'], ttftMs: 600 }),
    });
    // Share of each tier in the stream. High and critical always go to the cloud, so the mix must
    // leave room: with over 20% of them no controller could reach an 80% local share.
    const prompts = [
      ['What is a monad?', 0.25],
      ['Explain how React hooks work.', 0.22],
      ['Write a function that parses CSV lines.', 0.45],
      ['Design a plugin architecture for the editor.', 0.06],
      ['Design a distributed payment system for production.', 0.02],
    ] as const;
    const shares: number[] = [];
    let locals = 0;
    for (let i = 0; i < 1000; i++) {
      let r = random();
      const prompt = prompts.find(([, p]) => (r -= p) < 0)?.[0] ?? prompts[2][0];
      const { result } = await run(hybrid, { prompt });
      if (result.local) locals++;
      shares.push(hybrid.localShare() ?? 0);
      clock.advance(5_000);
    }
    const steady = shares.slice(200);
    const worst = steady.reduce((w, s) => (Math.abs(s - 0.8) > Math.abs(w - 0.8) ? s : w), 0.8);
    console.log(
      `      local share: overall ${(locals / 1000).toFixed(3)}, window after warm-up within [${Math.min(...steady).toFixed(2)}, ${Math.max(...steady).toFixed(2)}]`,
    );
    assert.ok(Math.abs(worst - 0.8) <= 0.05, `window share strayed to ${worst}`);
    assert.ok(Math.abs(locals / 1000 - 0.8) <= 0.05, `overall share ${locals / 1000}`);
  });

  it('sends medium requests to the cloud once the local share reaches the target', async () => {
    const { hybrid } = setup({ options: { localRatio: 0.5, windowSize: 4 } });
    const placements: string[] = [];
    for (let i = 0; i < 6; i++) placements.push((await run(hybrid, { prompt: 'Write a CSV parser.' })).result.decision.placement);
    assert.deepEqual(placements, ['local', 'cloud', 'local', 'cloud', 'local', 'cloud']);
  });

  describe('escalation of weak local answers', () => {
    const badAnswers: Array<[string, Script, string[]?]> = [
      ['empty', { text: ['  '] }],
      ['refusal', { text: ["I can't help with that."] }],
      ['"As an AI" refusal', { text: ['As an AI language model I cannot see your code.'] }],
      ['truncated at the token limit', { text: ['Here is the complete implementation of the parser for you.'], finishReason: 'length' }],
      ['cut off mid-sentence', { text: ['The parser reads every line and then, for each field that it finds,'] }],
      ['cut off mid-code', { text: [`Here:\n${fence}js\nfunction parse(line) {\n  return line.split(`] }],
      ['JavaScript that does not parse', { text: [`Here:\n${fence}js\nfunction parse(line {\n  return 1;\n}\n${fence}\nDone.`] }],
      ['JSON that does not parse', { text: [`Config:\n${fence}json\n{"a": 1,}\n${fence}\nDone.`] }],
      ['missing what was asked for', { text: ['Use a loop over the lines.'] }, ['parseCsv', 'quoted']],
    ];
    for (const [name, script, criteria] of badAnswers) {
      it(`escalates a local answer that is ${name}`, async () => {
        const { hybrid, openai } = setup({ local: () => script });
        const { chunks, result, text } = await run(hybrid, { prompt: 'Write a CSV parser.', expectedCriteria: criteria });
        assert.equal(result.local, false);
        assert.equal(openai.models.at(-1), 'gpt-4o-mini');
        const q = result.quality!;
        assert.ok(q.score < 0.7);
        const expected = `local answer scored ${q.score.toFixed(2)} < 0.70: ${q.reasons[0]} → escalated to gpt-4o-mini`;
        assert.equal(result.explanation, expected);
        const esc = chunks.find((c) => c.type === 'escalated');
        assert.ok(esc?.type === 'escalated' && esc.explanation === expected && esc.reasons.length > 0 && esc.note === q.reasons[0]);
        assert.ok(text.endsWith('Cloud answer.'));
        assert.equal(result.escalatedFrom?.local, true);
      });
    }

    it('explains in the exact human form, e.g. "… → escalated to gpt-4o"', async () => {
      const routes: RoutingTable = {
        trivial: [{ provider: 'ollama', model: 'phi3' }],
        low: [{ provider: 'ollama', model: 'llama3' }],
        medium: [
          { provider: 'ollama', model: 'mistral' },
          { provider: 'openai', model: 'gpt-4o' },
        ],
        high: [{ provider: 'openai', model: 'gpt-4o' }],
        critical: [{ provider: 'openai', model: 'gpt-4o' }],
      };
      const { hybrid } = setup({ routes, local: () => ({ text: ['Use a loop.'] }) });
      const { result } = await run(hybrid, { prompt: 'Write a CSV parser.', expectedCriteria: ['split', 'quote', 'escape', 'header', 'comma'] });
      assert.equal(result.explanation, 'local answer scored 0.50 < 0.70: missing expected: split, quote, escape, header, comma → escalated to gpt-4o');
    });

    it('keeps a good local answer', async () => {
      const { hybrid, openai } = setup();
      const { result, chunks } = await run(hybrid, { prompt: 'Write a CSV parser.' });
      assert.equal(result.local, true);
      assert.deepEqual(result.quality, { score: 1, reasons: [] });
      assert.equal(openai.calls.length, 0);
      assert.ok(!chunks.some((c) => c.type === 'escalated'));
    });

    it('does not escalate a local-only request; it warns instead', async () => {
      const { hybrid, openai } = setup({ local: () => ({ text: [''] }) });
      const { chunks, result } = await run(hybrid, { prompt: 'Why does AKIAFAKE0000EXAMPLE1 fail?' });
      assert.equal(result.local, true);
      assert.equal(openai.calls.length, 0);
      assert.ok(warnings(chunks).includes('local answer scored 0.00 < 0.70: empty answer; not escalated: this request must stay on this machine'));
    });

    it('keeps the local answer with a warning when escalation fails', async () => {
      const { hybrid } = setup({ local: () => ({ text: ["I can't help with that."] }), cloud: () => fails('provider-unreachable', 'no network') });
      const { chunks, result } = await run(hybrid, { prompt: 'Write a CSV parser.' });
      assert.equal(result.local, true);
      assert.ok(
        warnings(chunks).some((w) => /^local answer scored 0\.30 < 0\.70: refusal; escalation failed \(.*no network.*\); kept the local answer$/.test(w)),
        warnings(chunks).join('\n'),
      );
    });

    it('uses a custom validator (e.g. an LLM judge) when given', async () => {
      const { hybrid } = setup({ options: { validate: () => ({ score: 0.1, reasons: ['judge says no'] }) } });
      const { result } = await run(hybrid, { prompt: 'Write a CSV parser.' });
      assert.equal(result.explanation, 'local answer scored 0.10 < 0.70: judge says no → escalated to gpt-4o-mini');
    });
  });

  it('answers a critical request locally, with a visible warning, when no cloud model is available', async () => {
    const { hybrid, ollama } = setup({ availability: (c) => (c.provider === 'ollama' ? { ok: true } : { ok: false, reason: 'no API key' }) });
    const { chunks, result } = await run(hybrid, { prompt: 'Design a distributed payment system for production.' });
    assert.equal(result.decision.complexity.level, 5);
    assert.equal(result.local, true);
    assert.equal(ollama.models[0], 'mistral');
    const w =
      'Critical request answered by the local model mistral because no cloud model was available (anthropic:claude-opus-4-0: no API key; openai:gpt-4o: no API key; anthropic:claude-sonnet-4-0: no API key; openai:gpt-4o-mini: no API key). Check this answer carefully.';
    assert.deepEqual(result.warnings, [w]);
    const types = chunks.map((c) => c.type);
    assert.ok(types.indexOf('warning') < types.indexOf('text'), 'the warning comes before the answer');
  });

  describe('budget', () => {
    it('routes medium locally and refuses cloud for high once the cap is reached, unless overridden', async () => {
      const budget = new BudgetGovernor({ dailyUsd: 1, timezoneOffsetMinutes: 0, clock: new FakeClock(Date.parse('2025-03-10T12:00:00Z')) });
      budget.record({ usd: 1 });
      const { hybrid, openai } = setup({ options: { budget } });
      const medium = await run(hybrid, { prompt: 'Write a CSV parser.' });
      assert.equal(medium.result.decision.why, 'cloud budget reached');
      const high = await run(hybrid, { prompt: 'Design a plugin system' });
      assert.equal(high.result.local, true);
      assert.match(
        high.result.warnings[0],
        /^High request answered by the local model mistral because no cloud model was available \(Daily cloud budget reached: \$1\.00 spent of \$1\.00 today\./,
      );
      assert.equal(openai.calls.length, 0);
      const overridden = await run(hybrid, { prompt: 'Design a plugin system', budgetOverride: true });
      assert.equal(overridden.result.local, false);
    });

    it('surfaces budget-exceeded when neither cloud nor local can answer', async () => {
      const budget = new BudgetGovernor({ dailyUsd: 1, timezoneOffsetMinutes: 0, clock: new FakeClock(Date.parse('2025-03-10T12:00:00Z')) });
      budget.record({ usd: 2 });
      const { hybrid } = setup({
        options: { budget },
        availability: (c) => (c.provider === 'ollama' ? { ok: false, reason: 'Ollama is not running' } : { ok: true }),
      });
      await assert.rejects(
        collect(hybrid.execute({ prompt: 'Design a plugin system' })),
        (e) => isJarvisError(e, 'budget-exceeded') && /No local model is available either/.test(e.message),
      );
    });

    it('records cloud spend, and lowers the medium cloud share as spend nears the cap', async () => {
      const budget = new BudgetGovernor({ dailyUsd: 1, timezoneOffsetMinutes: 0, clock: new FakeClock(Date.parse('2025-03-10T12:00:00Z')) });
      const { hybrid } = setup({ options: { budget } });
      await run(hybrid, { prompt: 'Design a plugin system' }); // gpt-4o: 1000 in + 1000 out = $0.0125
      assert.ok(Math.abs(budget.spent().dayUsd - 0.0125) < 1e-12);
      budget.record({ usd: 0.8875 }); // 90% → cloud share halves: target local share 0.9
      const { result } = await run(hybrid, { prompt: 'Write a CSV parser.' });
      assert.match(result.decision.why, /, target 90% \(lowered from 80% as the budget runs out\) → (local|cloud)$/);
    });

    it('does not escalate past a spent budget', async () => {
      const budget = new BudgetGovernor({ dailyUsd: 1, timezoneOffsetMinutes: 0, clock: new FakeClock(Date.parse('2025-03-10T12:00:00Z')) });
      budget.record({ usd: 5 });
      const { hybrid, openai } = setup({ options: { budget }, local: () => ({ text: ["I can't help with that."] }) });
      const { chunks } = await run(hybrid, { prompt: 'Write a CSV parser.' });
      assert.equal(openai.calls.length, 0);
      assert.ok(warnings(chunks)[0].startsWith('local answer scored 0.30 < 0.70: refusal; not escalated: Daily cloud budget reached'));
    });
  });

  it('falls back to the cloud when the local model is down for a local decision', async () => {
    const { hybrid } = setup({ local: () => fails('provider-unreachable', 'Ollama is not running') });
    const { result } = await run(hybrid, { prompt: 'Explain closures' });
    assert.equal(result.local, false);
    assert.match(result.reason, /ollama:llama3 failed: provider-unreachable: Ollama is not running/);
    assert.deepEqual(result.warnings, []);
  });

  it('propagates cancellation', async () => {
    const { hybrid } = setup({ local: () => ({ error: new JarvisError('cancelled', 'The request was cancelled.') }) });
    await assert.rejects(collect(hybrid.execute({ prompt: 'Explain closures' })), (e) => isJarvisError(e, 'cancelled'));
  });

  it('refuses bad options and requests clearly', () => {
    const { router } = setup();
    const bad = (fn: () => unknown, msg: RegExp) => assert.throws(fn, (e) => isJarvisError(e, 'invalid-input') && msg.test(e.message));
    bad(() => new HybridStrategy({} as never), /HybridStrategy needs \{ router \}/);
    bad(() => new HybridStrategy({ router, localRatio: 1.5 }), /localRatio must be a number from 0 to 1 \(got 1.5\)/);
    bad(() => new HybridStrategy({ router, qualityThreshold: -0.1 }), /qualityThreshold must be a number from 0 to 1/);
    bad(() => new HybridStrategy({ router, windowSize: 0 }), /hybrid window must hold a whole number of decisions from 1 to 100000 \(got 0\)/);
    bad(() => new HybridStrategy({ router }).decide({} as never), /A hybrid request needs \{ prompt: string \}/);
  });

  describe('placement: /local and /cloud are a field of the one path', () => {
    it('local: a critical request runs locally, is neither graded nor escalated, and leaves the local share alone', async () => {
      const { hybrid, openai } = setup({ local: () => ok("I'm sorry, but I can't help with that.") });
      const { result, chunks } = await run(hybrid, { prompt: 'Design a distributed payment system for production', placement: 'local' });
      assert.deepEqual([result.local, result.decision.requested, result.decision.placement], [true, 'local', 'local']);
      assert.equal(result.quality, undefined);
      assert.deepEqual(warnings(chunks), []);
      assert.deepEqual(openai.models, []);
      assert.equal(hybrid.localShare(), undefined);
    });

    it('cloud: a trivial request runs in the cloud; with the budget spent it is refused with budget-exceeded, not answered locally', async () => {
      const { hybrid, clock } = setup();
      const { result } = await run(hybrid, { prompt: 'What is a closure?', placement: 'cloud' });
      assert.deepEqual([result.local, result.decision.requested], [false, 'cloud']);
      const budget = new BudgetGovernor({ dailyUsd: 0.0000001, clock });
      budget.record({ usd: 1 });
      const capped = setup({ options: { budget } }).hybrid;
      await assert.rejects(collect(capped.execute({ prompt: 'What is a closure?', placement: 'cloud' })), (e: unknown) => isJarvisError(e, 'budget-exceeded'));
    });

    it('cloud: with no cloud model it answers locally and says why, once', async () => {
      const { hybrid } = setup({ availability: (c) => (c.provider === 'ollama' ? { ok: true } : { ok: false, reason: 'no key' }) });
      const { result, chunks } = await run(hybrid, { prompt: 'What is a closure?', placement: 'cloud' });
      assert.equal(result.local, true);
      assert.equal(
        warnings(chunks).filter((w) => /^Answered locally by .*: no cloud model was available \(.*no key/.test(w)).length,
        1,
        warnings(chunks).join('\n'),
      );
    });

    it('execute() runs the decision it is given instead of deciding again', async () => {
      const { hybrid } = setup();
      const request: HybridRequest = { prompt: 'What is a closure?' };
      const decision = { ...hybrid.decide(request), placement: 'cloud' as const, why: 'given' };
      let decided = 0;
      const original = hybrid.decide.bind(hybrid);
      hybrid.decide = (r) => (decided++, original(r));
      const chunks = await collect(hybrid.execute(request, decision));
      const done = chunks.at(-1) as Extract<HybridChunk, { type: 'done' }>;
      assert.equal(decided, 0);
      assert.equal(done.result.decision.why, 'given');
      assert.equal(done.result.local, false);
    });
  });
});
