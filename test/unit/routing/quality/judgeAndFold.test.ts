import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { JarvisError } from '../../../../src/common/errors';
import type { ChatChunk } from '../../../../src/core/chat/ChatChunk';
import { parseSettings } from '../../../../src/core/config/parseSettings';
import type { LlmProvider, ProviderChunk } from '../../../../src/core/llm/types';
import { FakeTimer } from '../../../fakes/FakeTimer';
import { ChunkTranslator } from '../../../../src/core/routing/ChunkTranslator';
import type { HybridChunk, HybridDecision, HybridResult } from '../../../../src/core/routing/HybridStrategy';
import { gateValidator } from '../../../../src/core/routing/quality/gateValidator';
import { judgeAnswer } from '../../../../src/core/routing/quality/judgeAnswer';
import { QualityGate } from '../../../../src/core/routing/quality/QualityGate';
import { TaskComplexity } from '../../../../src/core/routing/complexity/TaskComplexity';
import { emptyTranscript, reduceTranscript } from '../../../../src/shared/reduceTranscript';
import { ScriptedProvider } from '../routerFakeProviders';

const F = '```';

describe('judgeAnswer (rubric judge)', () => {
  it('reads GOOD/BAD with a reason, prices cloud tokens and measures the time', async () => {
    const clock = new FakeClock();
    const judge = new ScriptedProvider(
      'openai',
      false,
      () => ({ text: ['BAD: list.flatten() does not exist'], ttftMs: 700, inputTokens: 400, outputTokens: 12 }),
      clock,
    );
    const v = await judgeAnswer({
      provider: judge,
      model: 'gpt-4o-mini',
      question: 'Flatten a list in Python',
      answer: 'Use nested.flatten().',
      clock,
      price: (_m, u) => ({ usd: u.inputTokens === 400 ? 0.0004 : 1 }),
    });
    assert.deepEqual([v.verdict, v.reason, v.local, v.durationMs], ['bad', 'list.flatten() does not exist', false, 700]);
    assert.deepEqual(v.cost, { usd: 0.0004 });
    assert.match(judge.calls[0].messages[0].content, /invented API/);
  });

  it('gives up after its time box with an unknown verdict (the rules decide), and a failure the same way', async () => {
    const clock = new FakeClock();
    const timer = new FakeTimer(clock);
    const hanging: LlmProvider = {
      id: 'ollama',
      local: true,
      async *chat(req): AsyncIterable<ProviderChunk> {
        await new Promise((_, reject) => req.signal?.addEventListener('abort', () => reject(new JarvisError('cancelled', 'aborted'))));
      },
    };
    const pending = judgeAnswer({ provider: hanging, model: 'llama3', question: 'q', answer: 'a', clock, timer, timeoutMs: 15_000 });
    await Promise.resolve();
    timer.advance(15_000);
    const v = await pending;
    assert.deepEqual([v.verdict, v.reason, v.cost], ['unknown', 'judge llama3 timed out after 15 s', { usd: 0 }]);
    assert.equal(timer.pending, 0);
    const broken = new ScriptedProvider('ollama', true, () => ({ error: new JarvisError('provider-unreachable', 'down') }));
    const f = await judgeAnswer({ provider: broken, model: 'llama3', question: 'q', answer: 'a', clock });
    assert.match(f.reason, /^judge llama3 failed: down$/);
  });
});

describe('gateValidator (rules, then the judge only when unsure)', () => {
  const clock = new FakeClock();
  // A Kotlin parser that exists but did not load: the rules pass the block but are unsure.
  const gate = new QualityGate({ syntax: { check: () => 'unavailable', available: () => false, supports: () => true, warm: async () => {} } });
  const ctx = { question: 'Kotlin data class for an order', finishReason: 'stop' as const, threshold: 0.7, cloudAllowed: true };
  const unsure = `${F}kotlin\ndata class Order(val id: Long)\n${F}`;

  it('asks no judge in "rules" mode, nor when the rules are sure', async () => {
    const judge = new ScriptedProvider('ollama', true, () => ({ text: ['BAD: nope'] }));
    const rulesOnly = gateValidator({
      gate,
      mode: 'rules',
      localJudge: () => ({ provider: judge, model: 'llama3' }),
      price: () => ({ usd: 0 }),
      recordCost: () => {},
      clock,
    });
    assert.equal((await rulesOnly(unsure, ctx)).score, 1);
    const local = gateValidator({
      gate,
      mode: 'rules+local',
      localJudge: () => ({ provider: judge, model: 'llama3' }),
      price: () => ({ usd: 0 }),
      recordCost: () => {},
      clock,
    });
    await local('Sure! Here is the class:', ctx);
    assert.equal(judge.calls.length, 0, 'a sure verdict (no code given) needs no judge');
  });

  it("lets the judge decide an unsure answer, records a cloud judge's cost, and never asks the cloud when the request may not go there", async () => {
    const judge = new ScriptedProvider('openai', false, () => ({ text: ['BAD: Order needs a total field'], inputTokens: 300, outputTokens: 10 }));
    const costs: unknown[] = [];
    const v = gateValidator({
      gate,
      mode: 'rules+cloud',
      cloudJudge: () => ({ provider: judge, model: 'gpt-4o-mini' }),
      price: () => ({ usd: 0.0001 }),
      recordCost: (c) => costs.push(c),
      clock,
    });
    const bad = await v(unsure, ctx);
    assert.ok(bad.score < 0.7 && bad.judge?.verdict === 'bad', JSON.stringify(bad));
    assert.deepEqual(costs, [{ usd: 0.0001 }]);
    const kept = await v(unsure, { ...ctx, cloudAllowed: false });
    assert.equal(kept.score, 1);
    assert.equal(judge.calls.length, 1, 'privacy/budget forbid the cloud judge too');
  });
});

const decision = (over: Partial<HybridDecision> = {}): HybridDecision => ({
  complexity: { level: TaskComplexity.MEDIUM, reasons: [] } as unknown as HybridDecision['complexity'],
  placement: 'local',
  requested: 'auto',
  why: 'medium tier',
  privacy: { localOnly: false, reasons: [] } as unknown as HybridDecision['privacy'],
  ...over,
});
const result = {
  text: 'Cloud answer.',
  model: 'gpt-4o',
  provider: 'openai',
  local: false,
  usage: { inputTokens: 1, outputTokens: 1 },
  cost: { usd: 0.01 },
  finishReason: 'stop',
} as unknown as HybridResult;

function translate(mode: 'fold' | 'hold' | 'final-only', chunks: HybridChunk[]): ChatChunk[] {
  const t = new ChunkTranslator(new FakeClock(), 0, undefined, mode);
  return chunks.flatMap((c) => [...t.translate(c)]);
}

const escalation: HybridChunk[] = [
  { type: 'decision', decision: decision() },
  { type: 'model', model: 'llama3', provider: 'ollama', local: true, attempts: [] },
  { type: 'text', text: 'Loop. Loop.' },
  {
    type: 'escalated',
    explanation: 'local answer scored 0.20 < 0.70: repeats itself → escalated to gpt-4o',
    score: 0.2,
    reasons: ['repeats itself'],
    note: 'repeats itself',
  },
  { type: 'model', model: 'gpt-4o', provider: 'openai', local: false, attempts: [] },
  { type: 'text', text: 'Cloud answer.' },
  { type: 'done', result },
];
const markdown = (cs: ChatChunk[]) => cs.flatMap((c) => (c.type === 'markdown' ? [c.text] : [])).join('');

describe('one answer for the reader', () => {
  it('fold (chat view): the local text streams, then a replaced note; the reducer folds it away', () => {
    const out = translate('fold', escalation);
    assert.equal(markdown(out), 'Loop. Loop.Cloud answer.');
    const replaced = out.find((c) => c.type === 'replaced');
    assert.deepEqual(replaced, { type: 'replaced', note: 'local answer replaced: repeats itself', model: 'llama3' });
    let state = reduceTranscript(emptyTranscript, { type: 'turnStart', turnId: 't', prompt: 'q' });
    for (const c of out)
      if (c.type === 'markdown' || c.type === 'replaced')
        state = reduceTranscript(state, { type: 'chunk', turnId: 't', chunk: c.type === 'replaced' ? { type: 'replaced', note: c.note } : c });
    const a = state.messages[1];
    assert.ok(a.role === 'assistant');
    assert.deepEqual([a.text, a.replaced], ['Cloud answer.', { note: 'local answer replaced: repeats itself', text: 'Loop. Loop.' }]);
  });

  it('hold (@jarvis): the local text never streams; it arrives inside the replaced chunk', () => {
    const out = translate('hold', escalation);
    assert.equal(markdown(out), 'Cloud answer.');
    assert.deepEqual(
      out.find((c) => c.type === 'replaced'),
      { type: 'replaced', note: 'local answer replaced: repeats itself', model: 'llama3', text: 'Loop. Loop.' },
    );
  });

  it('final-only (language-model provider): only the final answer, no replaced text', () => {
    const out = translate('final-only', escalation);
    assert.equal(markdown(out), 'Cloud answer.');
    assert.equal((out.find((c) => c.type === 'replaced') as { text?: string }).text, undefined);
  });

  it('hold: a kept local answer is shown whole; a local-only request is not held at all', () => {
    const kept = translate('hold', [escalation[0], escalation[1], escalation[2], { type: 'done', result: { ...result, local: true, text: 'Loop. Loop.' } }]);
    assert.equal(markdown(kept), 'Loop. Loop.');
    const localOnly = translate('hold', [
      { type: 'decision', decision: decision({ privacy: { localOnly: true, reasons: ['secret'] } as unknown as HybridDecision['privacy'] }) },
      escalation[1],
      escalation[2],
    ]);
    assert.equal(markdown(localOnly), 'Loop. Loop.', 'cannot be escalated, so it streams');
  });
});

describe('jarvis.routing.qualityJudge', () => {
  it('defaults to rules and accepts rules+local and rules+cloud', () => {
    assert.equal(parseSettings(() => undefined).settings.routing.qualityJudge, 'rules');
    assert.equal(parseSettings((k) => (k === 'routing.qualityJudge' ? 'rules+cloud' : undefined)).settings.routing.qualityJudge, 'rules+cloud');
  });

  it('migrates the old heuristic/llm values with a clear warning', () => {
    const old = parseSettings((k) => (k === 'routing.qualityJudge' ? 'llm' : undefined));
    assert.equal(old.settings.routing.qualityJudge, 'rules+local');
    assert.ok(
      old.warnings.some((w) => /qualityJudge "llm" is an old value; using "rules\+local"/.test(w)),
      old.warnings.join(' | '),
    );
    assert.equal(parseSettings((k) => (k === 'routing.qualityJudge' ? 'heuristic' : undefined)).settings.routing.qualityJudge, 'rules');
    const bad = parseSettings((k) => (k === 'routing.qualityJudge' ? 'gpt' : undefined));
    assert.equal(bad.settings.routing.qualityJudge, 'rules');
    assert.equal(bad.warnings.length, 1);
  });
});
