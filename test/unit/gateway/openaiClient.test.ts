import * as assert from 'node:assert/strict';
import OpenAI from 'openai';
import { GatewayError } from '../../../src/core/gateway/GatewayError';
import { resolveModel } from '../../../src/core/gateway/resolveModel';
import type { CatalogEntry } from '../../../src/core/llm/modelCatalog';
import { TRIVIAL } from '../routing/routingServiceSetup';
import { startGateway, type Gateway } from './gatewaySetup';

const DAY_MS = 86_400_000;

describe('gateway: the official openai client against /v1', () => {
  let gw: Gateway;
  let key: string;
  const client = (apiKey = key) => new OpenAI({ apiKey, baseURL: `${gw.baseUrl}/v1`, maxRetries: 0 });
  const ollamaChats = () => gw.ollama.requests.filter((r) => r.path === '/api/chat').length;

  beforeEach(async () => {
    gw = await startGateway();
    key = await gw.key('user');
  });
  afterEach(() => gw.close());

  it('answers a chat completion through routing: jarvis-auto picks the local model', async () => {
    const r = await client().chat.completions.create({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }] });
    assert.equal(r.object, 'chat.completion');
    assert.equal(r.model, 'ollama/llama3', 'the model that answered');
    assert.match(r.choices[0].message.content ?? '', /^Hello from fake Ollama/);
    assert.equal(r.choices[0].finish_reason, 'stop');
    assert.ok((r.usage?.total_tokens ?? 0) > 0, `usage: ${JSON.stringify(r.usage)}`);
    assert.equal(ollamaChats(), 1);
  });

  it('streams server-sent events that the client reassembles, ending with usage when asked', async () => {
    const stream = await client().chat.completions.create({
      model: 'jarvis-auto',
      messages: [{ role: 'user', content: TRIVIAL }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    let chunks = 0;
    for await (const c of stream) {
      chunks++;
      text += c.choices[0]?.delta.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      usage = c.usage ?? usage;
    }
    assert.ok(chunks > 3, `several chunks, got ${chunks}`);
    assert.match(text, /^Hello from fake Ollama\. You said: What is a closure\?/);
    assert.equal(finish, 'stop');
    assert.ok(usage && usage.completion_tokens > 0);
  });

  it('passes tools through and takes the tool result back: a full round trip', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: { name: 'read_file', description: 'Reads a file', parameters: { type: 'object', properties: { path: { type: 'string' } } } },
      },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You are an agent.' },
      { role: 'user', content: `${TRIVIAL} [[tool:read_file {"path": "a.ts"}]]` },
    ];
    const first = await client().chat.completions.create({ model: 'jarvis-auto', messages, tools });
    assert.equal(first.choices[0].finish_reason, 'tool_calls');
    const [call] = first.choices[0].message.tool_calls ?? [];
    assert.ok(call && call.type === 'function');
    assert.equal(call.function.name, 'read_file');
    assert.deepEqual(JSON.parse(call.function.arguments), { path: 'a.ts' });

    const chat = gw.ollama.requests.filter((r) => r.path === '/api/chat').at(-1)?.body as { tools?: { function: { name: string } }[] };
    assert.deepEqual(
      chat.tools?.map((t) => t.function.name),
      ['read_file'],
      'the tool reached the model',
    );
    const second = await client().chat.completions.create({
      model: 'jarvis-auto',
      tools,
      messages: [...messages, first.choices[0].message, { role: 'tool', tool_call_id: call.id, content: 'export const a = 1;' }],
    });
    assert.match(second.choices[0].message.content ?? '', /^The tool returned: export const a = 1;/);
    assert.equal(second.choices[0].finish_reason, 'stop');
  });

  it('streams a tool call as a tool_calls delta', async () => {
    const stream = await client().chat.completions.create({
      model: 'jarvis-auto',
      stream: true,
      tools: [{ type: 'function', function: { name: 'list_dir', description: 'Lists a folder' } }],
      messages: [{ role: 'user', content: `${TRIVIAL} [[tool:list_dir {"dir": "src"}]]` }],
    });
    const calls: OpenAI.ChatCompletionChunk.Choice.Delta.ToolCall[] = [];
    let finish: string | null = null;
    for await (const c of stream) {
      calls.push(...(c.choices[0]?.delta.tool_calls ?? []));
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    assert.deepEqual(
      calls.map((c) => [c.index, c.function?.name, c.function?.arguments]),
      [[0, 'list_dir', '{"dir":"src"}']],
    );
    assert.equal(finish, 'tool_calls');
  });

  it('lists jarvis-auto and the installed models', async () => {
    const ids: string[] = [];
    for await (const m of client().models.list()) ids.push(m.id);
    assert.deepEqual(ids, ['jarvis-auto', 'ollama/llama3:latest']);
  });

  it('refuses a wrong key with 401 (AuthenticationError) and writes an auth-failure record', async () => {
    await assert.rejects(client('jgw_not-a-key').models.list(), (e: unknown) => {
      assert.ok(e instanceof OpenAI.AuthenticationError, String(e));
      assert.equal(e.status, 401);
      assert.match(e.message, /Invalid API key/);
      return true;
    });
    assert.ok(gw.audit.types().includes('gateway-auth-failure'));
  });

  it('refuses an expired key, saying so, and records the expiry', async () => {
    const shortLived = await gw.key('user', 1);
    assert.equal((await client(shortLived).models.list()).data.length, 2, 'works before expiry');
    gw.clock.advance(DAY_MS + 1);
    await assert.rejects(client(shortLived).models.list(), (e: unknown) => e instanceof OpenAI.AuthenticationError && /expired/.test(e.message));
    assert.ok(gw.audit.types().includes('gateway-key-expired'));
  });

  it('refuses a revoked key at once', async () => {
    assert.ok(await client().models.list());
    const [record] = await gw.keys.list();
    await gw.keys.revoke(record.id);
    await assert.rejects(client().models.list(), (e: unknown) => e instanceof OpenAI.AuthenticationError && /revoked/.test(e.message));
    assert.ok(gw.audit.types().includes('gateway-key-revoked'));
  });

  it('rejects an unknown model name with 404 before any model is called', async () => {
    await assert.rejects(client().chat.completions.create({ model: 'gpt-5-turbo', messages: [{ role: 'user', content: 'hi' }] }), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError, String(e));
      assert.match(e.message, /Unknown model "gpt-5-turbo"/);
      assert.match(e.message, /available: "jarvis-auto", "ollama\/llama3:latest"/, 'names the ids to use');
      return true;
    });
    assert.equal(ollamaChats(), 0);
  });
});

describe('gateway: a model named in the request pins it (openai client, two installed models)', () => {
  let gw: Gateway;
  let client: OpenAI;
  // The trivial tier lists phi3 before llama3 (DEFAULT_SETTINGS.routing.tiers): routing picks phi3.
  beforeEach(async () => {
    gw = await startGateway({ ollama: { models: ['llama3', 'phi3'] }, openai: true });
    client = new OpenAI({ apiKey: await gw.key('user'), baseURL: `${gw.baseUrl}/v1`, maxRetries: 0 });
  });
  afterEach(() => gw.close());
  const ask = (model: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: TRIVIAL }] });
  /** The model field of the last /api/chat the fake Ollama received. */
  const lastOllamaModel = () => (gw.ollama.requests.filter((r) => r.path === '/api/chat').at(-1)?.body as { model?: string } | undefined)?.model;
  const openaiModels = () => (gw.openai?.requests ?? []).filter((r) => r.path === '/v1/chat/completions').map((r) => (r.body as { model: string }).model);

  it('jarvis-auto routes the trivial question to phi3; "ollama/llama3:latest" pins llama3, the model the fake is asked for', async () => {
    assert.equal((await ask('jarvis-auto')).model, 'ollama/phi3', 'what routing picks');
    assert.equal(lastOllamaModel(), 'phi3');
    const pinned = await ask('ollama/llama3:latest');
    assert.equal(pinned.model, 'ollama/llama3:latest');
    assert.equal(lastOllamaModel(), 'llama3:latest', 'the request body the fake received names the pinned model');
  });

  it('a bare name that names exactly one available model pins it: "llama3" (Ollama\'s :latest), "gpt-4o" (cloud)', async () => {
    const local = await ask('llama3');
    assert.equal(local.model, 'ollama/llama3:latest');
    assert.equal(lastOllamaModel(), 'llama3:latest');
    const cloud = await ask('gpt-4o');
    assert.equal(cloud.model, 'openai/gpt-4o');
    assert.deepEqual(openaiModels(), ['gpt-4o'], 'the trivial question went to the cloud model it named');
  });

  it('a bare name that names no available model is 404, listing the ids to use; nothing is called', async () => {
    await assert.rejects(ask('mistral'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError, String(e));
      assert.match(e.message, /Unknown model "mistral": use "jarvis-auto" or an id from GET \/v1\/models/);
      assert.match(e.message, /"ollama\/llama3:latest", "ollama\/phi3:latest", .*"openai\/gpt-4o"/);
      return true;
    });
    assert.equal(gw.ollama.requests.filter((r) => r.path === '/api/chat').length, 0);
    assert.deepEqual(openaiModels(), []);
  });
});

describe('resolveModel: which model a name pins', () => {
  const entry = (provider: 'ollama' | 'openai', model: string) => ({ id: `${provider}/${model}`, target: { provider, model } }) as CatalogEntry;
  const list = async () => [
    { id: 'jarvis-auto' } as CatalogEntry,
    entry('ollama', 'qwen2.5:7b'),
    entry('ollama', 'llama3:8b'),
    entry('ollama', 'llama3:70b'),
    entry('openai', 'gpt-4o'),
  ];

  it('routes jarvis-auto, pins prefixed ids as given, and a bare name naming one model', async () => {
    assert.equal(await resolveModel('jarvis-auto', list), undefined);
    assert.deepEqual(await resolveModel('ollama/mistral', list), { provider: 'ollama', model: 'mistral' });
    assert.deepEqual(await resolveModel('gpt-4o', list), { provider: 'openai', model: 'gpt-4o' });
    assert.deepEqual(await resolveModel('qwen2.5', list), { provider: 'ollama', model: 'qwen2.5:7b' }, 'the only installed tag');
    assert.deepEqual(await resolveModel('llama3:70b', list), { provider: 'ollama', model: 'llama3:70b' });
  });

  it('a name of several models is 404 naming them', async () => {
    await assert.rejects(resolveModel('llama3', list), (e: unknown) => {
      assert.ok(e instanceof GatewayError && e.status === 404, String(e));
      assert.match(e.message, /"llama3" names several models: "ollama\/llama3:8b", "ollama\/llama3:70b"/);
      return true;
    });
  });
});
