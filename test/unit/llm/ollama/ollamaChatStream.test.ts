import * as assert from 'node:assert/strict';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import type { ProviderChunk } from '../../../../src/core/llm/types';
import { CODE_REPLY, FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { collect } from '../../helpers/collect';

describe('OllamaProvider streams text and usage', () => {
  let fake: FakeOllamaServer;
  let provider: OllamaProvider;

  beforeEach(async () => {
    fake = await FakeOllamaServer.start();
    provider = new OllamaProvider(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  const text = (chunks: ProviderChunk[]) => chunks.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('');

  it('yields the answer as several text chunks, then one done chunk with token counts', async () => {
    const chunks = await collect(provider.chat({ model: 'llama3', messages: [{ role: 'user', content: 'hi there' }] }));

    assert.equal(text(chunks), 'Hello from fake Ollama. You said: hi there');
    assert.ok(chunks.filter((c) => c.type === 'text').length > 1, 'expected the answer to arrive in pieces');
    const last = chunks.at(-1);
    assert.deepEqual(last, {
      type: 'done',
      model: 'llama3',
      finishReason: 'stop',
      // The fake counts words of the prompt and one token per chunk.
      usage: { inputTokens: 2, outputTokens: chunks.length - 1 },
    });
    assert.equal(chunks.filter((c) => c.type === 'done').length, 1);
  });

  it('reports finishReason "length" when the answer hits maxTokens', async () => {
    const chunks = await collect(provider.chat({ model: 'llama3', maxTokens: 3, messages: [{ role: 'user', content: 'say a lot' }] }));
    assert.equal(text(chunks), 'Hello from fake ');
    const done = chunks.at(-1);
    assert.equal(done?.type === 'done' && done.finishReason, 'length');
    assert.equal(done?.type === 'done' && done.usage.outputTokens, 3);
  });

  it('passes code blocks through unchanged', async () => {
    const chunks = await collect(provider.chat({ model: 'llama3', messages: [{ role: 'user', content: '[[code]] reverse' }] }));
    assert.equal(text(chunks), CODE_REPLY);
    assert.match(text(chunks), /```python\ndef reverse\(xs\):\n {4}return xs\[::-1\]\n```/);
  });

  it('answers exactly a scripted reply ([[reply-b64:…]]), as the editor-command tests use it', async () => {
    const reply = '```js\nconst a = "x";\n```\n\nDone.';
    const marker = `// [[reply-b64:${Buffer.from(reply).toString('base64')}]]`;
    const chunks = await collect(provider.chat({ model: 'llama3', messages: [{ role: 'user', content: `code:\n${marker}\nRefactor it.` }] }));
    assert.equal(text(chunks), reply);
  });

  it('uses a custom reply function given to the fake', async () => {
    fake.configure({ reply: (messages) => `got ${messages.length} message(s)` });
    const chunks = await collect(provider.chat({ model: 'llama3', messages: [{ role: 'user', content: 'x' }] }));
    assert.equal(text(chunks), 'got 1 message(s)');
  });
});
