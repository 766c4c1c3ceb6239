import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, type JarvisSettings } from '../../../../src/core/config/settings';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import { PreferenceContextContributor } from '../../../../src/core/memory/contributors/PreferenceContextContributor';
import { LlmPreferenceReader } from '../../../../src/core/memory/preferences/LlmPreferenceReader';
import { PreferenceLearner } from '../../../../src/core/memory/preferences/PreferenceLearner';
import { FakeClock } from '../../../fakes/FakeClock';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { MemoryKv } from '../../../fakes/MemoryKv';
import { RecordingLogger } from '../../../fakes/RecordingLogger';

/** A sentence the offline extractor does not read as a preference: only the local model's reading can propose it. */
const MESSAGE = 'Handlers stay thin.';
const VALID = { preferences: [{ quote: MESSAGE, category: 'architecture' }] };

describe("the local model's second reading, end to end (contributor → reader → fake Ollama over HTTP)", () => {
  let fake: FakeOllamaServer;
  let kv: MemoryKv;
  let learner: PreferenceLearner;
  let logger: RecordingLogger;
  let offered: string[];
  let contributor: PreferenceContextContributor;

  beforeEach(async () => {
    fake = await FakeOllamaServer.start({ models: ['llama3'] });
    kv = new MemoryKv();
    learner = PreferenceLearner.load({ store: kv, clock: new FakeClock(Date.UTC(2026, 0, 5)) });
    logger = new RecordingLogger();
    offered = [];
    const settings: JarvisSettings = structuredClone(DEFAULT_SETTINGS);
    settings.preferences.llm = true;
    contributor = new PreferenceContextContributor({
      learner,
      settings: () => settings,
      llmReader: new LlmPreferenceReader({ provider: new OllamaProvider(() => ({ host: fake.url })), model: () => 'llama3' }),
      localModelReady: () => Promise.resolve(true),
      onProposals: (ps) => offered.push(...ps.map((p) => p.statement)),
      logger,
    });
  });
  afterEach(() => fake.close());

  const observe = async (reply: string) => {
    fake.configure({ reply });
    await contributor.observe({ prompt: MESSAGE });
    await contributor.whenIdle();
  };

  const bad: [string, string, RegExp][] = [
    ['malformed JSON', '{"preferences": [{"quote": "Handlers stay thin.",', /did not answer with JSON/],
    [
      'a schema violation',
      JSON.stringify({ preferences: [{ quote: MESSAGE, category: 'style' }] }),
      /does not match the schema: \/preferences\/0\/category must be one of/,
    ],
    [
      'an extra field',
      JSON.stringify({ preferences: [{ quote: MESSAGE, category: 'architecture', confidence: 0.99 }] }),
      /does not match the schema: \/preferences\/0 has a field the schema does not allow \("confidence"\)/,
    ],
    ['a huge answer', `{"preferences": [${' '.padEnd(100, 'x').repeat(1000)}`, /longer than 8000 characters/],
  ];
  for (const [what, reply, why] of bad) {
    it(`${what}: one clear warning, nothing stored or offered, nothing thrown`, async () => {
      await observe(reply);
      assert.equal(fake.requests.filter((r) => r.path === '/api/chat').length, 1, 'the model was asked');
      assert.equal(logger.warnings.length, 1, logger.lines.join('\n'));
      assert.match(logger.warnings[0], /^Preferences: the local model's second reading failed: /);
      assert.match(logger.warnings[0], why);
      assert.deepEqual(learner.getPreferences(), []);
      assert.deepEqual(
        [...kv.data.values()].flatMap((v) => JSON.stringify(v).match(/Handlers stay thin/g) ?? []),
        [],
        'nothing persisted',
      );
      assert.deepEqual(offered, []);
    });
  }

  it('a valid answer goes to the review queue, never straight into prompts', async () => {
    await observe(JSON.stringify(VALID));
    assert.deepEqual(logger.warnings, []);
    assert.deepEqual(
      learner.pendingPreferences().map((p) => [p.statement, p.category, p.status, p.sources]),
      [[MESSAGE, 'architecture', 'pending', ['llm']]],
    );
    assert.deepEqual(offered, [MESSAGE], 'offered: "Jarvis noticed: you prefer … — Keep / Edit / Dismiss"');
    assert.deepEqual(learner.activePreferences(), [], 'not applied until the user keeps it');
  });
});
