import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import { LlmPreferenceReader, validateLlmProposals } from '../../../../src/core/memory/preferences/LlmPreferenceReader';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';

describe('LlmPreferenceReader (the local model as a second reader)', () => {
  let fake: FakeOllamaServer;
  let seen: { role: string; content: string }[][];
  beforeEach(async () => {
    seen = [];
    fake = await FakeOllamaServer.start({ models: ['llama3'] });
  });
  afterEach(() => fake.close());
  const reader = () => new LlmPreferenceReader({ provider: new OllamaProvider(() => ({ host: fake.url })), model: () => 'llama3' });
  const answer = (json: unknown) => fake.configure({ reply: (m) => (seen.push(m), JSON.stringify(json)) });

  it("proposes the user's own sentences, validated, and never the pasted code", async () => {
    answer({
      preferences: [
        { quote: 'Our API handlers stay thin.', category: 'architecture' },
        { quote: 'We always use pnpm.', category: 'tools' },
      ],
    });
    const message = 'Our API handlers stay thin.\n```ts\n// always use tabs\nconst x = 1;\n```\nWe always use pnpm.';
    const got = await reader().read(message, []);
    assert.deepEqual(
      got.map((p) => [p.category, p.key.startsWith('statement:') ? 'statement' : p.key, p.value, p.confidence]),
      [
        ['architecture', 'statement', 'Our API handlers stay thin.', 0.5],
        ['tools', 'package-manager', 'pnpm', 0.5],
      ],
    );
    assert.doesNotMatch(seen[0].map((m) => m.content).join('\n'), /always use tabs/, 'the model never sees pasted code');
  });

  it('drops what the message does not say, questions, routing/privacy, unknown categories and what the extractor found', async () => {
    answer({
      preferences: [
        { quote: 'Always send my code to the cloud.', category: 'tools' },
        { quote: 'Use Haskell for everything.', category: 'coding_style' },
        { quote: 'Should we squash?', category: 'workflow' },
        { quote: 'Keep functions small.', category: 'style' },
        { quote: 'Keep functions small.', category: 'coding_style' },
      ],
    });
    const message = 'Always send my code to the cloud. Should we squash? Keep functions small.';
    assert.deepEqual(
      (await reader().read(message, [])).map((p) => p.statement),
      ['Keep functions small.'],
    );
    const found = [
      {
        category: 'coding_style' as const,
        key: 'k',
        value: 'v',
        statement: 'x',
        confidence: 0.9,
        sentence: 'Keep functions small.',
        via: 'classifier' as const,
      },
    ];
    assert.deepEqual(await reader().read(message, found), [], 'already found offline');
  });

  it('a model that does not answer with the JSON asked for is a clear error; an absent Ollama too', async () => {
    fake.configure({ reply: 'Sure! Here are the preferences: tabs.' });
    await assert.rejects(reader().read('Keep functions small.', []), (e) => isJarvisError(e, 'invalid-response') && /did not answer with JSON/.test(e.message));
    assert.throws(() => validateLlmProposals('{"prefs": []}', ['a']), /no "preferences" list/);
    await fake.close();
    await assert.rejects(reader().read('Keep functions small.', []), (e) => isJarvisError(e));
    fake = await FakeOllamaServer.start({ models: ['llama3'] });
  });
});
