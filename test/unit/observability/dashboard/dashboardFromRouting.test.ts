/**
 * The dashboard's figures after a known sequence through the real routing service (real SDKs against the
 * fake servers): what TaskMeter records per request (reason, cache answer, escalation, tokens, cost) is
 * what the snapshot shows, and the savings equal each answer's tokens at the reference price.
 */
import { strict as assert } from 'node:assert';
import { FakeClock } from '../../../fakes/FakeClock';
import { PricingTable } from '../../../../src/core/llm/pricing/PricingTable';
import { referenceCloudModel } from '../../../../src/core/observability/costExtras';
import { buildDashboardSnapshot } from '../../../../src/core/observability/dashboard/buildDashboardSnapshot';
import { UsageLedger } from '../../../../src/core/observability/dashboard/UsageLedger';
import { useFakeServers } from '../../helpers/fakeServers';
import { MemoryKv } from '../../../fakes/MemoryKv';
import { collectChunks, CRITICAL, doneOf, makeService, MEDIUM, OPENAI_KEY, prepared, testSettings, TRIVIAL } from '../../routing/routingServiceSetup';

const usdOf = (d: ReturnType<typeof doneOf>) => (d.cost && 'usd' in d.cost ? d.cost.usd : NaN);

describe('dashboard snapshot from the routing service (fake Ollama and OpenAI)', () => {
  const fakes = useFakeServers();

  it('local, cached, escalated and cloud requests: rows, cache, escalations, cost by model and savings', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 15, 12));
    const settings = testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
    const { service } = makeService({ settings, keys: { openai: OPENAI_KEY }, clock });
    const ledger = new UsageLedger({ store: new MemoryKv(), timezoneOffsetMinutes: () => 0 });
    service.history.onDidFinish((r) => ledger.record(r));

    const local = doneOf(await collectChunks(service.respond(prepared(TRIVIAL))));
    clock.advance(1000);
    await collectChunks(service.respond(prepared(TRIVIAL)));
    clock.advance(1000);
    fakes.ollama.configure({ reply: "I'm sorry, but I can't help with that." });
    const escalated = doneOf(await collectChunks(service.respond(prepared(MEDIUM))));
    clock.advance(1000);
    const critical = doneOf(await collectChunks(service.respond(prepared(CRITICAL))));
    assert.deepEqual([escalated.model, critical.model], ['gpt-4o-mini', 'gpt-4o']);

    const pricing = new PricingTable(settings.pricing.overrides);
    const s = buildDashboardSnapshot({
      now: clock.now(),
      timezoneOffsetMinutes: 0,
      requests: service.history.recent(),
      usage: ledger.snapshot(),
      spend: service.spend(),
      circuits: service.circuits(),
      alerts: [],
      pricing,
      priceOverrides: settings.pricing.overrides,
      referenceModel: referenceCloudModel(settings),
      localRatioTarget: settings.routing.localRatio,
    });

    assert.deepEqual(
      s.recent.map((r) => [r.model, r.placement, r.outcome, r.cache, r.audited]),
      [
        ['gpt-4o', 'cloud', 'success', 'miss', true],
        ['gpt-4o-mini', 'cloud', 'success', 'miss', true],
        ['llama3', 'local', 'cached', 'hit', false],
        ['llama3', 'local', 'success', 'miss', false],
      ],
    );
    assert.match(s.recent[1].escalation ?? '', /^local answer scored 0\.\d\d < 0\.70: .* → escalated to gpt-4o-mini$/);
    for (const r of s.recent) assert.ok(r.reason && r.reason.length > 5, `no routing reason kept: ${JSON.stringify(r)}`);
    assert.deepEqual([s.recent[3].tokensIn, s.recent[3].tokensOut], [local.usage.inputTokens, local.usage.outputTokens]);
    assert.equal(s.recent[0].costUsd, usdOf(critical));
    assert.ok((s.recent[0].ttftMs ?? -1) >= 0, 'time to first token kept');

    assert.deepEqual(s.cache, { hits: 1, misses: 3, hitRate: 0.25 });
    assert.equal(s.escalations.count, 1);
    assert.equal(s.errors.total, 0);
    assert.deepEqual(
      s.cost.today.map((m) => [m.model, m.usd, m.requests]),
      [
        ['gpt-4o', usdOf(critical), 1],
        ['gpt-4o-mini', usdOf(escalated), 1],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    assert.ok(Math.abs(s.cost.todayUsd - (usdOf(critical) + usdOf(escalated))) < 1e-12, 'the budget ledger has both cloud answers');

    // Savings: every answer's own tokens at gpt-4o's list price, minus what it cost.
    const ref = pricing.priceOf('gpt-4o');
    assert.ok(ref);
    const baseline = s.recent.reduce((n, r) => n + ((r.tokensIn ?? 0) * ref.input + (r.tokensOut ?? 0) * ref.output) / 1e6, 0);
    assert.ok(s.savings);
    assert.equal(s.savings.requests, 4);
    assert.ok(Math.abs(s.savings.baselineUsd - baseline) < 1e-12, `${s.savings.baselineUsd} vs ${baseline}`);
    assert.ok(Math.abs(s.savings.savedUsd - (baseline - usdOf(critical) - usdOf(escalated))) < 1e-12);
    assert.deepEqual(s.share.hourly[23], { at: Date.UTC(2025, 0, 15, 12), local: 2, cloud: 2, share: 0.5 });
    service.dispose();
  });
});
