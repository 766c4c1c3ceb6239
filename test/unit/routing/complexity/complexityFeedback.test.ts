import * as assert from 'node:assert/strict';
import { FakeClock } from '../../../fakes/FakeClock';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../../src/core/config/settings';
import { RecordingLogger } from '../../../fakes/RecordingLogger';
import { ComplexityFeedback } from '../../../../src/core/routing/complexity/ComplexityFeedback';
import { RoutingLearning } from '../../../../src/core/routing/complexity/RoutingLearning';
import { formatRoutingStatus } from '../../../../src/core/presentation/formatRoutingStatus';
import { MemoryKv } from '../../../fakes/MemoryKv';

const DAY = 86_400_000;
const ASK = 'write the terraform module for our vpc peering between staging and prod';

describe('ComplexityFeedback (per-workspace learning)', () => {
  it('lifts the same request after a re-ask, a similar one less, an unrelated one not at all', () => {
    const fb = new ComplexityFeedback({ store: new MemoryKv(), clock: new FakeClock(1000) });
    assert.equal(fb.liftFor(ASK).lift, 0);
    fb.record(ASK, 'cloud-reask');
    const same = fb.liftFor(ASK);
    const similar = fb.liftFor('terraform module for vpc peering in the dev account, please');
    const other = fb.liftFor('explain how css grid auto-fill works');
    assert.ok(same.lift > similar.lift && similar.lift > 0, `${same.lift} ${similar.lift}`);
    assert.equal(other.lift, 0);
    assert.match(same.reason!, /learned in this workspace: \+0\.\d\d towards the cloud .*terraform/);
  });

  it('is bounded however often the same request is re-asked', () => {
    const fb = new ComplexityFeedback({ store: new MemoryKv(), clock: new FakeClock(0), maxLift: 0.25 });
    for (let i = 0; i < 50; i++) fb.record(ASK, 'cloud-reask');
    assert.ok(fb.liftFor(ASK).lift <= 0.25);
    assert.equal(fb.summary().cloudReasks, 50);
  });

  it('decays: half after the half-life, nothing noticeable after a few months', () => {
    const clock = new FakeClock(0);
    const fb = new ComplexityFeedback({ store: new MemoryKv(), clock, halfLifeDays: 14 });
    fb.record(ASK, 'quality-escalation');
    const w0 = fb.summary().topWords[0].weight;
    clock.advance(14 * DAY);
    assert.ok(Math.abs(fb.summary().topWords[0].weight - w0 / 2) < 0.002);
    clock.advance(120 * DAY);
    assert.equal(fb.liftFor(ASK).lift, 0);
  });

  it('remembers a bounded number of words, forgetting the weakest', () => {
    const clock = new FakeClock(0);
    const fb = new ComplexityFeedback({ store: new MemoryKv(), clock, maxWords: 20 });
    for (let i = 0; i < 30; i++) {
      fb.record(`alpha${i} beta${i} gamma${i}`, 'cloud-reask');
      clock.advance(DAY);
    }
    assert.equal(fb.summary().words, 20);
    assert.equal(fb.liftFor('alpha0 beta0 gamma0').lift, 0);
    assert.ok(fb.liftFor('alpha29 beta29 gamma29').lift > 0);
  });

  it('persists in the workspace store, survives a restart, drops damaged state, and resets', async () => {
    const store = new MemoryKv();
    const clock = new FakeClock(0);
    new ComplexityFeedback({ store, clock }).record(ASK, 'cloud-reask');
    await Promise.resolve();
    const again = new ComplexityFeedback({ store, clock });
    assert.ok(again.liftFor(ASK).lift > 0);
    await again.reset();
    assert.equal(new ComplexityFeedback({ store, clock }).liftFor(ASK).lift, 0);
    await store.update('jarvis.routing.feedback', { v: 1, counts: {}, words: { terraform: ['x', 1], vpc: [1e9, 0] } });
    const damaged = new ComplexityFeedback({ store, clock });
    assert.ok(damaged.liftFor('vpc').lift <= 0.25);
    assert.equal(damaged.summary().words, 1);
  });

  it('ignores prompts with no content words (emoji, stop words only)', () => {
    const fb = new ComplexityFeedback({ store: new MemoryKv(), clock: new FakeClock(0) });
    fb.record('🔥🔥 the and of', 'cloud-reask');
    assert.equal(fb.summary().cloudReasks, 0);
  });
});

describe('RoutingLearning (re-ask detection, status)', () => {
  const logger = new RecordingLogger();
  function setup(over: Partial<JarvisSettings['routing']> = {}) {
    const settings: JarvisSettings = { ...DEFAULT_SETTINGS, routing: { ...DEFAULT_SETTINGS.routing, ...over } };
    const clock = new FakeClock(0);
    const learning = new RoutingLearning({
      settings: () => settings,
      workspaceStore: new MemoryKv(),
      clock,
      logger,
      complexityModel: () => '{"format":"nope"}',
    });
    return { learning, clock };
  }

  it('a /cloud of the same question soon after a local answer is a re-ask; later, or about something else, it is not', () => {
    const { learning, clock } = setup();
    learning.noteAnswer(ASK, true);
    learning.noteRequest('how do I center a div', 'cloud');
    assert.equal(learning.status().cloudReasks, 0);
    learning.noteRequest(ASK, 'cloud');
    assert.equal(learning.status().cloudReasks, 1);
    learning.noteAnswer(ASK, true);
    clock.advance(16 * 60_000);
    learning.noteRequest(ASK, 'cloud');
    assert.equal(learning.status().cloudReasks, 1);
    // A bare "/cloud" right after a local answer re-asks it too.
    learning.noteAnswer('explain the saga pattern for our checkout', true);
    learning.noteRequest('', 'cloud');
    assert.equal(learning.status().cloudReasks, 2);
  });

  it('learns nothing when jarvis.routing.learnFromFeedback is off, and says so', () => {
    const { learning } = setup({ learnFromFeedback: false });
    learning.noteAnswer(ASK, true);
    learning.noteRequest(ASK, 'cloud');
    learning.noteEscalation(ASK);
    const s = learning.status();
    assert.equal(s.learning, 'off');
    assert.equal(s.cloudReasks + s.qualityEscalations, 0);
  });

  it('reports a broken model file in the status once it was tried, and the rules setting', () => {
    const { learning } = setup();
    assert.match(learning.status().classifier, /loads on the first request/);
    learning.assessor().assess({ prompt: 'what is a monad' });
    assert.match(learning.status().classifier, /^rules: the model file could not be used \(Model file is not a jarvis-text-classifier\/1 file\.\)/);
    assert.ok(logger.lines.some((l) => /Complexity model unavailable, routing by rules instead/.test(l)));
    assert.match(setup({ classifier: 'rules' }).learning.status().classifier, /jarvis.routing.classifier is "rules"/);
  });

  it('shows what was learned on the routing status page', () => {
    const { learning } = setup();
    learning.noteEscalation(ASK);
    const md = formatRoutingStatus({
      spend: { todayUsd: 0, monthUsd: 0, dailyBudgetUsd: 0, monthlyBudgetUsd: 0, unknownCostCalls: 0, localShare: 1 },
      circuits: [],
      keys: { openai: false, anthropic: false },
      ollama: 'running',
      vscodeModels: { enabled: false, models: [] },
      generatedAt: 'now',
      learning: learning.status(),
    });
    assert.match(md, /## Complexity/);
    assert.match(md, /Learning from this workspace:\*\* on — 0 \/cloud re-ask\(s\), 1 quality escalation\(s\)/);
    assert.match(md, /lean towards the cloud:\*\* `\w+` \+0\.06/);
    assert.match(md, /Jarvis: Reset Routing Learning/);
  });
});
