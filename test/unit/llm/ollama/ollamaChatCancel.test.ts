import * as assert from 'node:assert/strict';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import type { ProviderChunk } from '../../../../src/core/llm/types';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { assertJarvisError } from '../../helpers/assertJarvisError';
import { startHttpServer } from '../../helpers/startHttpServer';

describe('OllamaProvider cancellation', () => {
  let fake: FakeOllamaServer;
  let provider: OllamaProvider;
  const slow = (signal?: AbortSignal) => provider.chat({ model: 'llama3', messages: [{ role: 'user', content: '[[slow]] count' }], signal });

  beforeEach(async () => {
    fake = await FakeOllamaServer.start();
    provider = new OllamaProvider(() => ({ host: fake.url }));
  });
  afterEach(() => fake.close());

  it('aborting after the first chunk throws "cancelled" and closes the HTTP stream', async () => {
    const ac = new AbortController();
    const it = slow(ac.signal)[Symbol.asyncIterator]();
    const first = await it.next();
    assert.deepEqual(first.value, { type: 'text', text: 'tick ' });

    ac.abort();
    await assertJarvisError(it.next(), 'cancelled');
    // The server sees the client go away (the fake would otherwise stream for 20 s).
    await fake.waitForStreamsAborted(1);
    assert.equal(fake.streamsAborted, 1);
  });

  it('a next() already waiting when the signal fires rejects with "cancelled"', async () => {
    const ac = new AbortController();
    const it = slow(ac.signal)[Symbol.asyncIterator]();
    await it.next();
    const pending = it.next();
    ac.abort();
    await assertJarvisError(pending, 'cancelled');
    await fake.waitForStreamsAborted(1);
  });

  it('breaking out of the loop early also aborts the request', async () => {
    const seen: ProviderChunk[] = [];
    for await (const chunk of slow()) {
      seen.push(chunk);
      break;
    }
    assert.equal(seen.length, 1);
    await fake.waitForStreamsAborted(1);
    assert.equal(fake.streamsAborted, 1);
  });

  it('a signal that has already fired sends nothing', async () => {
    const ac = new AbortController();
    ac.abort();
    const err = await assertJarvisError(slow(ac.signal)[Symbol.asyncIterator]().next(), 'cancelled');
    assert.equal(err.details.host, fake.url);
    assert.equal(fake.requests.length, 0);
  });

  it('cancelling one stream leaves another concurrent stream running', async () => {
    const ac = new AbortController();
    const a = slow(ac.signal)[Symbol.asyncIterator]();
    const b = slow()[Symbol.asyncIterator]();
    await Promise.all([a.next(), b.next()]);

    ac.abort();
    await assertJarvisError(a.next(), 'cancelled');
    for (let i = 0; i < 3; i++) {
      const r = await b.next();
      assert.deepEqual(r.value, { type: 'text', text: 'tick ' }, 'the other stream must keep going');
    }
    await b.return(undefined);
    await fake.waitForStreamsAborted(2);
  });

  it('aborting while waiting for the response headers cancels the request too', async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((r) => (arrived = r));
    const silent = await startHttpServer(() => arrived()); // never answers
    try {
      const p = new OllamaProvider(() => ({ host: silent.url }));
      const ac = new AbortController();
      const pending = p
        .chat({ model: 'llama3', messages: [{ role: 'user', content: 'hi' }], signal: ac.signal })
        [Symbol.asyncIterator]()
        .next();
      await requestArrived;
      ac.abort();
      await assertJarvisError(pending, 'cancelled');
    } finally {
      await silent.close();
    }
  });
});
