import * as assert from 'node:assert/strict';
import { useFakeServers } from '../helpers/fakeServers';
import { collectChunks, makeService, OPENAI_KEY, prepared, testSettings } from './routingServiceSetup';

describe('answerMode hold: a local answer is held back only when a cloud model could replace it', function () {
  this.timeout(20_000);
  const fakes = useFakeServers();
  const settings = () => testSettings({ ollama: { enabled: true, host: fakes.ollama.url, model: 'llama3' }, openai: { baseUrl: fakes.openai.url } });
  const markdownChunks = async (keys: { openai?: string }) => {
    const { service } = makeService({ settings: settings(), keys });
    const chunks = await collectChunks(service.respond(prepared('What is a closure?', { answerMode: 'hold' })));
    return {
      markdown: chunks.filter((c) => c.type === 'markdown').length,
      checking: chunks.some((c) => c.type === 'progress' && /Checking .* answer before showing it/.test(c.message)),
    };
  };

  it('no cloud key: the local answer streams as it comes (nothing could escalate it)', async () => {
    const r = await markdownChunks({});
    assert.equal(r.checking, false);
    assert.ok(r.markdown > 1, `${r.markdown} markdown chunk(s): the answer was held`);
  });

  it('with a cloud key: it is held until the quality check passes, then shown at once', async () => {
    const { service } = makeService({ settings: settings(), keys: { openai: OPENAI_KEY } });
    // The registry reads keys when it builds its providers: one request first, as after activation.
    await collectChunks(service.respond(prepared('warm up', { answerMode: 'hold' })));
    const chunks = await collectChunks(service.respond(prepared('What is a closure?', { answerMode: 'hold' })));
    assert.ok(chunks.some((c) => c.type === 'progress' && /Checking .* answer before showing it/.test(c.message)));
    assert.equal(chunks.filter((c) => c.type === 'markdown').length, 1);
  });
});
