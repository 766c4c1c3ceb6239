import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import type { AuditEntry } from '../../../../src/core/audit/AuditLog';
import { nullLogger } from '../../../../src/core/ports';
import { cheapestCloudJudge } from '../../../../src/core/routing/cheapestCloudJudge';
import { HybridStrategy, type HybridChunk, type HybridResult } from '../../../../src/core/routing/HybridStrategy';
import { RequestPrivacy, type PreparedPrivacy } from '../../../../src/core/routing/RequestPrivacy';
import { Router } from '../../../../src/core/routing/Router';
import type { RoutingTable } from '../../../../src/core/routing/RoutingTable';
import { cloudJudgeContent } from '../../../../src/core/routing/quality/cloudJudgeContent';
import { gateValidator } from '../../../../src/core/routing/quality/gateValidator';
import type { JudgeVerdict } from '../../../../src/core/routing/quality/judgeAnswer';
import { QualityGate } from '../../../../src/core/routing/quality/QualityGate';
import { PrivacyGuard } from '../../../../src/core/security/PrivacyGuard';
import { parseSettings } from '../../../../src/core/config/parseSettings';
import { ScriptedProvider, collect, ok } from '../routerFakeProviders';

const TOKEN = 'ghp_FAKEabcdefghijklmnopqrstuvwxyz012345';

describe('the cloud quality judge', () => {
  it('is the cheapest priced cloud model of any tier, not the first of medium; local and unpriced models lose', () => {
    const routes = {
      trivial: [{ provider: 'ollama', model: 'llama3' }],
      low: [{ provider: 'ollama', model: 'llama3' }],
      medium: [
        { provider: 'openai', model: 'gpt-4o' },
        { provider: 'openai', model: 'mystery-model' },
      ],
      high: [{ provider: 'anthropic', model: 'claude-haiku' }],
      critical: [{ provider: 'openai', model: 'gpt-4o' }],
    } as unknown as RoutingTable;
    const providers = new Map([
      ['ollama', { id: 'ollama', local: true }],
      ['openai', { id: 'openai', local: false }],
      ['anthropic', { id: 'anthropic', local: false }],
    ]);
    const prices: Record<string, { input: number; output: number }> = {
      'gpt-4o': { input: 2.5, output: 10 },
      'claude-haiku': { input: 0.8, output: 4 },
      llama3: { input: 0, output: 0 },
    };
    const pick = cheapestCloudJudge(routes, { priceOf: (m) => prices[m] }, (id) => providers.get(id) as never);
    assert.deepEqual([pick?.provider.id, pick?.model], ['anthropic', 'claude-haiku']);
    delete prices['claude-haiku'];
    assert.equal(cheapestCloudJudge(routes, { priceOf: (m) => prices[m] }, (id) => providers.get(id) as never)?.model, 'gpt-4o');
  });

  it('never receives a secret: keepLocal and block keep the judge away, redact sends the redacted texts', async () => {
    const guard = new PrivacyGuard();
    const answer = `Set the header: Authorization: token ${TOKEN}`;
    assert.deepEqual(cloudJudgeContent(guard, 'keepLocal', 'How do I call the API?', 'Use fetch.'), {
      question: 'How do I call the API?',
      answer: 'Use fetch.',
    });
    assert.equal(cloudJudgeContent(guard, 'keepLocal', 'How do I call the API?', answer), undefined);
    assert.equal(cloudJudgeContent(guard, 'block', `my token is ${TOKEN}`, 'ok'), undefined);
    const redacted = cloudJudgeContent(guard, 'redact', 'How do I call the API?', answer);
    assert.ok(redacted && !redacted.answer.includes(TOKEN) && /\[REDACTED:/.test(redacted.answer), JSON.stringify(redacted));

    const judge = new ScriptedProvider('openai', false, () => ({ text: ['GOOD: fine'], inputTokens: 10, outputTokens: 2 }));
    const validate = gateValidator({
      gate: new QualityGate({ weights: { threshold: 0.7, unsureMargin: 2, weights: { ...new QualityGate().weights.weights } } }),
      mode: 'rules+cloud',
      cloudJudge: () => ({ provider: judge, model: 'cheap' }),
      cloudContent: (q, a) => cloudJudgeContent(guard, 'keepLocal', q, a),
      price: () => ({ usd: 0.0001 }),
      recordCost: () => {},
      clock: new FakeClock(),
    });
    const ctx = { question: 'How do I call the API with a token?', finishReason: 'stop' as const, threshold: 0.7, cloudAllowed: true };
    const kept = await validate(answer, ctx);
    assert.equal(judge.calls.length, 0, 'the secret in the local answer keeps the cloud judge away');
    assert.ok(kept.reasons.some((r) => /cloud judge not asked/.test(r)));
    await validate('Send the token in the Authorization header with fetch.', ctx);
    assert.equal(judge.calls.length, 1, 'a clean answer is judged');
  });

  it("adds the judge's cost to the answer's cost, for a kept local answer and an escalated one", async () => {
    const clock = new FakeClock(Date.parse('2025-03-10T12:00:00Z'));
    const ollama = new ScriptedProvider('ollama', true, () => ok('A local answer.'), clock);
    const openai = new ScriptedProvider('openai', false, () => ({ text: ['Cloud answer.'], inputTokens: 1000, outputTokens: 1000 }), clock);
    const router = new Router({ providers: [ollama, openai], clock });
    const judged = (score: number) => ({
      score,
      reasons: [],
      judge: {
        verdict: 'good',
        reason: 'x',
        model: 'cheap',
        provider: 'openai',
        local: false,
        cost: { usd: 0.0003 },
        durationMs: 5,
        messages: [],
      } as JudgeVerdict,
    });
    const run = async (score: number) => {
      const hybrid = new HybridStrategy({ router, validate: () => judged(score) });
      const chunks: HybridChunk[] = await collect(hybrid.execute({ prompt: 'What is a closure?' }));
      return (chunks.at(-1) as Extract<HybridChunk, { type: 'done' }>).result;
    };
    const kept = await run(0.9);
    assert.equal(kept.local, true);
    assert.deepEqual([kept.cost, kept.judgeCost], [{ usd: 0.0003 }, { usd: 0.0003 }]);
    const escalated = await run(0.2);
    assert.equal(escalated.local, false);
    const model = escalated.escalatedFrom ? escalated.cost : undefined;
    assert.ok(model && 'usd' in model && model.usd > 0.0003, JSON.stringify(escalated.cost));
  });

  it("writes the judge's request to the egress ledger, with the judge's model, tokens, cost and content hash", () => {
    const entries: AuditEntry[] = [];
    const privacy = new RequestPrivacy({ logger: nullLogger, audit: { append: async (e) => void entries.push(e) } });
    const settings = parseSettings(() => undefined).settings;
    const messages = [{ role: 'user' as const, content: 'Question:\nq\n\nAnswer:\na' }];
    const result = {
      local: true,
      cost: { usd: 0.0002 },
      judgeCost: { usd: 0.0002 },
      decision: { complexity: { level: 2, reasons: [] }, requested: 'auto', why: 'medium', privacy: { localOnly: false, reasons: [] } },
      quality: {
        score: 0.72,
        reasons: [],
        judge: {
          verdict: 'bad',
          reason: 'r',
          model: 'cheap',
          provider: 'openai',
          local: false,
          cost: { usd: 0.0002 },
          durationMs: 1,
          messages,
          usage: { inputTokens: 40, outputTokens: 3 },
        },
      },
    } as unknown as HybridResult;
    const prepared = { redactions: [] } as unknown as PreparedPrivacy;
    assert.equal(privacy.recordCloudAnswer(prepared, result, settings, false), false, 'the answer itself was local');
    assert.equal(privacy.recordCloudJudge(prepared, result, settings, 'req-1'), true);
    assert.equal(entries.length, 1);
    const data = entries[0].data as Record<string, unknown>;
    assert.equal(entries[0].type, 'cloud-request');
    assert.deepEqual([data.provider, data.model, data.costUsd, data.tokens, data.requestId], ['openai', 'cheap', 0.0002, { input: 40, output: 3 }, 'req-1']);
    assert.match(String((data.why as { reason: string }).reason), /quality judge/);
    assert.equal(data.contentCharacters, messages[0].content.length);
    const localJudge = { ...result, quality: { ...result.quality, judge: { ...result.quality!.judge!, local: true } } } as HybridResult;
    assert.equal(privacy.recordCloudJudge(prepared, localJudge, settings), false, 'a local judge sends nothing anywhere');
  });
});
