import { strict as assert } from 'node:assert';
import { ComplexityFeedback } from '../../../src/core/routing/complexity/ComplexityFeedback';
import { FakeClock } from '../../fakes/FakeClock';
import { MemoryKv } from '../../fakes/MemoryKv';
import { useFakeServers } from '../helpers/fakeServers';
import { collectChunks, makeService, modelOf, notices, OPENAI_KEY, prepared, shippedComplexityModel, testSettings } from './routingServiceSetup';

/** A low-tier ask: answered locally first, so a weak local answer is escalated. */
const ASK = 'Write a function that reverses a string in place.';
const REFUSAL = "I'm sorry, but I can't help with that.";

/**
 * The wiring of #11's "learns from this user": buildRoutingParts hands HybridStrategy's escalations to
 * RoutingLearning, whose per-workspace adjustment then lifts the same request. Driven through the real
 * RoutingService over the fake Ollama and OpenAI servers, with the shipped model file.
 */
describe('routing learning: a quality escalation moves the per-workspace adjustment', () => {
  const fakes = useFakeServers();
  // No response cache: the second ask must be routed again, not answered from the first.
  const settings = () =>
    testSettings({
      ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' },
      openai: { baseUrl: fakes.openai.url },
      cache: { enabled: false, memorySize: 0, defaultTtl: 0, redisUrl: '' },
    });
  const lift = (store: MemoryKv) => new ComplexityFeedback({ store, clock: new FakeClock(Date.UTC(2025, 0, 15, 12)) }).liftFor(ASK).lift;

  it('an escalated local answer is evidence for this workspace, and the same request then leans towards the cloud', async () => {
    const workspaceStore = new MemoryKv();
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY }, workspaceStore, complexityModel: shippedComplexityModel });
    assert.deepEqual([service.routingLearning().qualityEscalations, service.routingLearning().topWords, lift(workspaceStore)], [0, [], 0]);

    fakes.ollama.configure({ reply: REFUSAL });
    const first = await collectChunks(service.respond(prepared(ASK)));
    assert.ok(
      notices(first).some((n) => /→ escalated to /.test(n)),
      notices(first).join('\n'),
    );
    assert.doesNotMatch(modelOf(first).reason ?? '', /learned in this workspace/);

    const status = service.routingLearning();
    assert.equal(status.qualityEscalations, 1);
    assert.deepEqual(
      status.topWords,
      ['function', 'place', 'reverses', 'string', 'write'].map((word) => ({ word, weight: 0.06 })),
      "one step for each of the request's content words",
    );
    await Promise.resolve();
    assert.ok(lift(workspaceStore) > 0, 'kept in the workspace store, so it survives a restart');

    fakes.ollama.configure({ reply: undefined });
    const again = await collectChunks(service.respond(prepared(ASK)));
    assert.match(
      modelOf(again).reason ?? '',
      /learned in this workspace: \+0\.\d\d towards the cloud \(similar requests were re-asked with \/cloud or escalated: .*reverses/,
    );
  });

  it('with jarvis.routing.learnFromFeedback off, an escalation moves nothing', async () => {
    const workspaceStore = new MemoryKv();
    const s = settings();
    s.routing.learnFromFeedback = false;
    const { service } = makeService({ settings: s, keys: { openai: OPENAI_KEY }, workspaceStore, complexityModel: shippedComplexityModel });
    fakes.ollama.configure({ reply: REFUSAL });
    const chunks = await collectChunks(service.respond(prepared(ASK)));
    assert.ok(
      notices(chunks).some((n) => /→ escalated to /.test(n)),
      notices(chunks).join('\n'),
    );
    await Promise.resolve();
    assert.deepEqual([service.routingLearning().qualityEscalations, lift(workspaceStore)], [0, 0]);
  });
});
