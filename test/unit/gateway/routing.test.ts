import * as assert from 'node:assert/strict';
import OpenAI from 'openai';
import { contentSha256 } from '../../../src/core/audit/egressRecord';
import { CRITICAL, TRIVIAL } from '../routing/routingServiceSetup';
import { startGateway, type Gateway, type GatewayOptions } from './gatewaySetup';
import { jsonBody, request } from './httpRequest';

// A fake value in GitHub's token shape, built at run time so the repository scan does not count it.
const GH = ['ghp_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('');

/**
 * The gateway's chat completions take @jarvis's path through the routing service: the response cache,
 * the privacy guard, the budget and the egress ledger apply to them as to a chat message.
 */
describe('gateway: chat completions go through the hybrid router as @jarvis does', function () {
  this.timeout(20_000);
  let gw: Gateway;
  let key: string;
  const start = async (o: GatewayOptions = {}) => {
    gw = await startGateway(o);
    key = await gw.key('user');
  };
  afterEach(() => gw?.close());
  const client = () => new OpenAI({ apiKey: key, baseURL: `${gw.baseUrl}/v1`, maxRetries: 0 });
  const ollamaChats = () => gw.ollama.requests.filter((r) => r.path === '/api/chat');
  const openaiChats = () => (gw.openai?.requests ?? []).filter((r) => r.path === '/v1/chat/completions');
  const ask = (model: string, content: string, stream = false) =>
    client().chat.completions.create({ model, messages: [{ role: 'user', content }], stream: stream as false });

  it('an identical request twice: the second is answered from the response cache (the model is called once)', async () => {
    await start();
    const first = await ask('jarvis-auto', TRIVIAL);
    const second = await ask('jarvis-auto', TRIVIAL);
    assert.equal(ollamaChats().length, 1, 'one /api/chat for two identical requests');
    assert.equal(second.choices[0].message.content, first.choices[0].message.content);
    assert.equal(second.model, 'ollama/llama3');
    // Streamed, the same cached answer arrives as chunks; still no model call.
    let text = '';
    for await (const c of await client().chat.completions.create({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }], stream: true })) {
      text += c.choices[0]?.delta.content ?? '';
    }
    assert.equal(text, first.choices[0].message.content);
    assert.equal(ollamaChats().length, 1);
  });

  it('a pinned model is cached apart from routed answers, and a request with tools is never answered from the cache', async () => {
    await start();
    await ask('jarvis-auto', TRIVIAL);
    await ask('ollama/llama3', TRIVIAL);
    await ask('ollama/llama3', TRIVIAL);
    assert.equal(ollamaChats().length, 2, 'routed once, pinned once');
    const tools: OpenAI.ChatCompletionTool[] = [{ type: 'function', function: { name: 'list_dir', description: 'Lists a folder' } }];
    for (let i = 0; i < 2; i++) await client().chat.completions.create({ model: 'jarvis-auto', tools, messages: [{ role: 'user', content: TRIVIAL }] });
    assert.equal(ollamaChats().length, 4, 'an agent step is computed every time');
  });

  it('keepLocal: a secret in a hard prompt routed by jarvis-auto is answered locally; the cloud receives nothing', async () => {
    await start({ openai: true });
    const r = await ask('jarvis-auto', `${CRITICAL} Token: ${GH}`);
    assert.equal(r.model, 'ollama/llama3');
    assert.equal(openaiChats().length, 0, 'nothing reached the cloud');
    assert.ok(gw.audit.entries.some((e) => e.type === 'privacy-kept-local'));
    // The same hard prompt without the secret does go to the cloud: the guard, not the tier, kept it local.
    assert.equal((await ask('jarvis-auto', CRITICAL)).model, 'openai/gpt-4o');
  });

  it('keepLocal: a cloud model pinned for a request with a secret is refused, and nothing is sent', async () => {
    await start({ openai: true });
    await assert.rejects(ask('openai/gpt-4o', `${TRIVIAL} Token: ${GH}`), (e: unknown) => {
      assert.ok(e instanceof OpenAI.APIError, String(e));
      assert.match(e.message, /must stay on this machine/);
      return true;
    });
    assert.equal(openaiChats().length, 0);
  });

  it('redact: a secret sent to a pinned cloud model arrives as [REDACTED:…], and the egress ledger hashes what was sent', async () => {
    await start({ openai: true, settings: { privacy: { mode: 'redact' } } });
    const r = await ask('openai/gpt-4o', `${CRITICAL} Token: ${GH}`);
    assert.equal(r.model, 'openai/gpt-4o');
    const [sent] = openaiChats();
    assert.ok(sent, 'the cloud was asked');
    const wire = JSON.stringify(sent.body);
    assert.ok(!wire.includes(GH), `the secret reached the cloud: ${wire}`);
    assert.match(wire, /\[REDACTED:github-token\]/);
    const records = gw.audit.entries.filter((e) => e.type === 'cloud-request');
    assert.equal(records.length, 1, 'one ledger record for the cloud answer');
    const d = records[0].data as Record<string, unknown>;
    assert.deepEqual([d.provider, d.model], ['openai', 'gpt-4o']);
    assert.equal(d.contentSha256, contentSha256((sent.body as { messages: { role: string; content: string }[] }).messages));
    assert.ok(!JSON.stringify(records).includes(GH));
  });

  it('an exhausted budget: a pinned cloud model answers 402 in OpenAI error shape, naming the budget; nothing more is sent', async () => {
    await start({ openai: true, settings: { budget: { dailyUsd: 0.000001, monthlyUsd: 0 } } });
    assert.equal((await ask('openai/gpt-4o', CRITICAL)).model, 'openai/gpt-4o', 'the first request spends the budget');
    const r = await request(gw.port, {
      method: 'POST',
      path: '/v1/chat/completions',
      headers: jsonBody(key),
      body: JSON.stringify({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: `${CRITICAL} Second question.` }] }),
    });
    assert.equal(r.status, 402, r.text);
    const e = r.json().error;
    assert.equal(e?.code, 'budget-exceeded');
    assert.equal(e?.type, 'invalid_request_error');
    assert.ok(e && 'param' in e);
    assert.match(e?.message ?? '', /budget/i);
    assert.equal(openaiChats().length, 1, 'the second request never reached the cloud');
  });
});
