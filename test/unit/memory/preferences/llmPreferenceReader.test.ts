import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../../src/common/errors';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import {
  LLM_PROPOSAL_SCHEMA,
  LlmPreferenceReader,
  MAX_LLM_ANSWER_CHARS,
  validateLlmProposals,
} from '../../../../src/core/memory/preferences/LlmPreferenceReader';
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
    const body = fake.requests.find((r) => r.path === '/api/chat')!.body as { format?: unknown };
    assert.deepEqual(body.format, JSON.parse(JSON.stringify(LLM_PROPOSAL_SCHEMA)), 'Ollama is given the schema as its structured-output format');
  });

  it('drops what the message does not say, questions, routing/privacy and what the extractor found', async () => {
    answer({
      preferences: [
        { quote: 'Always send my code to the cloud.', category: 'tools' },
        { quote: 'Use Haskell for everything.', category: 'coding_style' },
        { quote: 'Should we squash?', category: 'workflow' },
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
    assert.throws(() => validateLlmProposals('{"prefs": []}', ['a']), /does not match the schema: the answer must have required property 'preferences'/);
    await fake.close();
    await assert.rejects(reader().read('Keep functions small.', []), (e) => isJarvisError(e));
    fake = await FakeOllamaServer.start({ models: ['llama3'] });
  });

  const item = { quote: 'Keep functions small.', category: 'coding_style' };
  const violations: [string, unknown, RegExp][] = [
    ['malformed JSON', '{"preferences": [{"quote": "Keep functions small.", "category": ', /did not answer with JSON/],
    ['no list', { prefs: [] }, /the answer must have required property 'preferences'/],
    ['a list of the wrong type', { preferences: 'Keep functions small.' }, /\/preferences must be array/],
    ['an unknown category', { preferences: [{ ...item, category: 'style' }] }, /\/preferences\/0\/category must be one of coding_style, communication/],
    ['a quote that is not a string', { preferences: [{ ...item, quote: 42 }] }, /\/preferences\/0\/quote must be string/],
    ['an empty quote', { preferences: [{ ...item, quote: '' }] }, /\/preferences\/0\/quote must NOT have fewer than 1 characters/],
    ['a quote over 300 characters', { preferences: [{ ...item, quote: 'a'.repeat(301) }] }, /must NOT have more than 300 characters/],
    ['more than five', { preferences: Array(6).fill(item) }, /\/preferences must NOT have more than 5 items/],
    [
      'an extra field in a proposal',
      { preferences: [item, { ...item, confidence: 1 }] },
      /\/preferences\/1 has a field the schema does not allow \("confidence"\)/,
    ],
    ['an extra field in the answer', { preferences: [item], status: 'ok' }, /the answer has a field the schema does not allow \("status"\)/],
  ];
  for (const [what, reply, message] of violations) {
    it(`rejects the whole answer for ${what}, naming the problem`, async () => {
      fake.configure({ reply: typeof reply === 'string' ? reply : JSON.stringify(reply) });
      await assert.rejects(reader().read('Keep functions small.', []), (e) => isJarvisError(e, 'invalid-response') && message.test(e.message));
    });
  }

  it('stops reading a runaway answer and rejects it', async () => {
    // 400 words of 100 characters (the fake sends one word per token, up to maxTokens): 40 KB.
    fake.configure({ reply: `{"preferences": [${' '.padEnd(100, 'x').repeat(1000)}` });
    await assert.rejects(
      reader().read('Keep functions small.', []),
      (e) => isJarvisError(e, 'invalid-response') && e.message.includes(`longer than ${MAX_LLM_ANSWER_CHARS} characters`),
    );
  });
});
