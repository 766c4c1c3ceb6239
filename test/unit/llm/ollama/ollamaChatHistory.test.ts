import * as assert from 'node:assert/strict';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import type { ChatMessage } from '../../../../src/core/llm/types';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { collect } from '../../helpers/collect';

describe('OllamaProvider sends the conversation', () => {
  let fake: FakeOllamaServer;
  afterEach(() => fake?.close());

  const history: ChatMessage[] = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is 2+2?' },
    { role: 'assistant', content: '4' },
    { role: 'user', content: '[[history]] And times 3?' },
  ];

  it('posts every message in order with roles, streaming on, and the sampling options', async () => {
    fake = await FakeOllamaServer.start();
    const provider = new OllamaProvider(() => ({ host: fake.url }));
    const chunks = await collect(provider.chat({ model: 'llama3', messages: history, temperature: 0.2, maxTokens: 50 }));

    assert.deepEqual(chunks[0], { type: 'text', text: 'history:4' });
    const chats = fake.requests.filter((r) => r.path === '/api/chat');
    assert.equal(chats.length, 1);
    assert.equal(chats[0].method, 'POST');
    assert.deepEqual(chats[0].body, {
      model: 'llama3',
      messages: history,
      stream: true,
      options: { temperature: 0.2, num_predict: 50 },
    });
  });

  it('reads the connection for every request, so a changed host applies to the next chat', async () => {
    fake = await FakeOllamaServer.start();
    const second = await FakeOllamaServer.start();
    try {
      let host = fake.url;
      const provider = new OllamaProvider(() => ({ host }));
      await collect(provider.chat({ model: 'llama3', messages: [{ role: 'user', content: 'one' }] }));
      host = second.url;
      await collect(provider.chat({ model: 'llama3', messages: [{ role: 'user', content: 'two' }] }));
      assert.equal(fake.requests.length, 1);
      assert.equal(second.requests.length, 1);
    } finally {
      await second.close();
    }
  });
});
