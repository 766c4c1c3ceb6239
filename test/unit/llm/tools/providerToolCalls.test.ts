import * as assert from 'node:assert/strict';
import { AnthropicProvider } from '../../../../src/core/llm/cloud/AnthropicProvider';
import { OllamaProvider } from '../../../../src/core/llm/ollama/OllamaProvider';
import { OpenAIProvider } from '../../../../src/core/llm/cloud/OpenAIProvider';
import type { ToolCall, ToolDefinition } from '../../../../src/core/llm/tools/ToolTypes';
import type { ChatMessage, LlmProvider, ProviderChatRequest, ProviderChunk } from '../../../../src/core/llm/types';
import { FakeAnthropicServer } from '../../../fakes/FakeAnthropicServer';
import { FakeOllamaServer } from '../../../fakes/FakeOllamaServer';
import { FakeOpenAIServer } from '../../../fakes/FakeOpenAIServer';
import { collect, expectJarvisError, textOf } from '../../../fakes/providerAssertions';
import { fakeConnection } from '../../helpers/cloudProviderSetup';
import { watchingFetch } from '../../helpers/watchingFetch';

const KEY = 'test-key-0123456789';
const TOOLS: ToolDefinition[] = [
  {
    name: 'read_file',
    description: 'Reads a file of the workspace',
    inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  { name: 'list_dir', description: 'Lists a folder' },
];

/** One provider against its fake, through its real SDK. */
interface Rig {
  provider: (f?: typeof fetch) => LlmProvider;
  model: string;
  /** The tools as the fake received them, normalised to names. */
  sentToolNames: () => string[];
  lastBody: () => Record<string, unknown>;
  /** Resolves when the client hangs up mid-answer. */
  disconnected: () => Promise<unknown>;
  close: () => Promise<void>;
}

const RIGS: Record<string, () => Promise<Rig>> = {
  ollama: async () => {
    const fake = await FakeOllamaServer.start({ models: ['qwen2.5', 'llama2'], withoutTools: ['llama2'] });
    const body = () => fake.requests.filter((r) => r.path === '/api/chat').at(-1)!.body as Record<string, unknown>;
    return {
      provider: (f) => new OllamaProvider(() => ({ host: fake.url, ...(f ? { fetch: f } : {}) })),
      model: 'qwen2.5',
      sentToolNames: () => ((body().tools ?? []) as { function: { name: string } }[]).map((t) => t.function.name),
      lastBody: body,
      disconnected: () => fake.waitForStreamsAborted(1),
      close: () => fake.close(),
    };
  },
  openai: async () => {
    const fake = await FakeOpenAIServer.start({ apiKey: KEY });
    const body = () => fake.requests.at(-1)!.body as Record<string, unknown>;
    const gone = fake.waitForDisconnect();
    return {
      provider: (f) => new OpenAIProvider(() => fakeConnection(fake.url, KEY, f ? { fetch: f } : {})),
      model: 'gpt-4o-mini',
      sentToolNames: () => ((body().tools ?? []) as { function: { name: string } }[]).map((t) => t.function.name),
      lastBody: body,
      disconnected: () => gone,
      close: () => fake.close(),
    };
  },
  anthropic: async () => {
    const fake = await FakeAnthropicServer.start({ apiKey: KEY });
    const body = () => fake.requests.at(-1)!.body as Record<string, unknown>;
    const gone = fake.waitForDisconnect();
    return {
      provider: (f) => new AnthropicProvider(() => fakeConnection(fake.url, KEY, f ? { fetch: f } : {})),
      model: 'claude-3-5-haiku-latest',
      sentToolNames: () => ((body().tools ?? []) as { name: string }[]).map((t) => t.name),
      lastBody: body,
      disconnected: () => gone,
      close: () => fake.close(),
    };
  },
};

const calls = (chunks: ProviderChunk[]): ToolCall[] => chunks.flatMap((c) => (c.type === 'toolCall' ? [c.call] : []));
const done = (chunks: ProviderChunk[]) => chunks.find((c) => c.type === 'done') as Extract<ProviderChunk, { type: 'done' }>;

for (const [name, start] of Object.entries(RIGS)) {
  describe(`${name} tool calling through the real SDK`, () => {
    let rig: Rig;
    beforeEach(async () => (rig = await start()));
    afterEach(() => rig.close());

    const ask = (prompt: string, extra: Partial<ProviderChatRequest> = {}): ProviderChatRequest => ({
      model: rig.model,
      messages: [{ role: 'user', content: prompt }],
      tools: TOOLS,
      ...extra,
    });

    it('sends the tools and streams back one parsed call, ending with finishReason tool-calls', async () => {
      const chunks = await collect(rig.provider().chat(ask('open it [[tool:read_file {"path": "src/a.ts"}]]')));
      assert.deepEqual(rig.sentToolNames(), ['read_file', 'list_dir']);
      const [call, ...rest] = calls(chunks);
      assert.deepEqual([call.name, call.input, rest.length], ['read_file', { path: 'src/a.ts' }, 0]);
      assert.match(call.id, /^[a-zA-Z0-9_-]+$/);
      assert.equal(done(chunks).finishReason, 'tool-calls');
      assert.equal(chunks.at(-1)?.type, 'done', 'calls come before done');
    });

    it('streams two calls of one turn in order', async () => {
      const chunks = await collect(rig.provider().chat(ask('[[tool:list_dir {"path": "src"}]] [[tool:read_file {"path": "b.ts"}]]')));
      assert.deepEqual(
        calls(chunks).map((c) => [c.name, c.input]),
        [
          ['list_dir', { path: 'src' }],
          ['read_file', { path: 'b.ts' }],
        ],
      );
    });

    it('takes the results back in its own format and answers in text (a full round trip)', async () => {
      const first = calls(await collect(rig.provider().chat(ask('[[tool:read_file {"path": "a.ts"}]]'))));
      const messages: ChatMessage[] = [
        { role: 'user', content: '[[tool:read_file {"path": "a.ts"}]]' },
        { role: 'assistant', content: '', toolCalls: first },
        { role: 'user', content: '', toolResults: [{ callId: first[0].id, content: 'export const a = 1;' }] },
      ];
      const chunks = await collect(rig.provider().chat(ask('', { messages })));
      assert.equal(textOf(chunks), 'The tool returned: export const a = 1;');
      assert.deepEqual([calls(chunks).length, done(chunks).finishReason], [0, 'stop']);
    });

    it('honours toolMode required: a call although the prompt asks for none', async () => {
      const chunks = await collect(rig.provider().chat(ask('hello', { toolMode: 'required' })));
      assert.deepEqual(
        calls(chunks).map((c) => c.name),
        ['read_file'],
      );
    });

    it('without tools, the same prompt is plain text and no tools are sent', async () => {
      const chunks = await collect(rig.provider().chat(ask('[[tool:read_file]] hi', { tools: undefined })));
      assert.equal(calls(chunks).length, 0);
      assert.deepEqual(rig.sentToolNames(), []);
      assert.match(textOf(chunks), /hi/);
    });

    it('a call with invalid JSON arguments → invalid-response naming the tool; nothing to run', async () => {
      const seen: ProviderChunk[] = [];
      const e = await expectJarvisError(async () => {
        for await (const c of rig.provider().chat(ask('[[tool:read_file]] [[badargs]]'))) seen.push(c);
      }, 'invalid-response');
      assert.match(e.message, /called the tool "read_file" with arguments that are not valid JSON/);
      assert.equal(calls(seen).length, 0);
    });

    it('a call cut off mid-stream → an error, and the half call is never handed out', async () => {
      const seen: ProviderChunk[] = [];
      let error: unknown;
      try {
        for await (const c of rig.provider().chat(ask('[[tool:read_file {"path": "a.ts"}]] [[toolcut]]'))) seen.push(c);
      } catch (e) {
        error = e;
      }
      assert.ok(error, 'the stream must fail');
      assert.match((error as { code: string }).code, /invalid-response|provider-error/);
      assert.equal(calls(seen).length, 0);
    });

    it('cancelling while the call streams closes the connection and hands out no call', async () => {
      const abort = new AbortController();
      const fetch = watchingFetch((text) => {
        if (/tool_calls|input_json_delta|"content":""/.test(text)) abort.abort();
      });
      const seen: ProviderChunk[] = [];
      await expectJarvisError(async () => {
        for await (const c of rig.provider(fetch).chat(ask('[[slowtool]]', { signal: abort.signal }))) seen.push(c);
      }, 'cancelled');
      await rig.disconnected();
      assert.equal(calls(seen).length, 0);
    });

    it('a tool result of several MB is cut to fit before it is sent, and the answer still comes', async () => {
      const messages: ChatMessage[] = [
        { role: 'user', content: 'read the log' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_big', name: 'read_file', input: { path: 'big.log' } }] },
        { role: 'user', content: '', toolResults: [{ callId: 'call_big', content: 'line\n'.repeat(1_000_000) }] },
      ];
      const chunks = await collect(rig.provider().chat(ask('', { messages })));
      assert.ok(JSON.stringify(rig.lastBody()).length < 300_000, 'the request stays well under a MB');
      assert.match(textOf(chunks), /^The tool returned: line/);
    });
  });
}

describe('tool requests a provider refuses', () => {
  it('Ollama: a model without the tools capability → invalid-input naming the model and the fix', async () => {
    const rig = await RIGS.ollama();
    try {
      const e = await expectJarvisError(
        collect(rig.provider().chat({ model: 'llama2', messages: [{ role: 'user', content: 'hi' }], tools: TOOLS })),
        'invalid-input',
      );
      assert.match(e.message, /"llama2" cannot call tools.*lists "tools"/);
    } finally {
      await rig.close();
    }
  });

  it('OpenAI: a schema it rejects (array without items) → invalid-input with its reason, naming the tool', async () => {
    const rig = await RIGS.openai();
    try {
      const tools: ToolDefinition[] = [{ name: 'grep', description: '', inputSchema: { type: 'object', properties: { paths: { type: 'array' } } } }];
      const e = await expectJarvisError(
        collect(rig.provider().chat({ model: rig.model, messages: [{ role: 'user', content: 'hi' }], tools })),
        'invalid-input',
      );
      assert.match(e.message, /Invalid schema for function 'grep'.*array schema missing items/);
    } finally {
      await rig.close();
    }
  });

  it('Anthropic: the text before a call streams as text, then the call', async () => {
    const rig = await RIGS.anthropic();
    try {
      const chunks = await collect(rig.provider().chat({ model: rig.model, messages: [{ role: 'user', content: '[[tool:list_dir]]' }], tools: TOOLS }));
      assert.equal(textOf(chunks), 'I will call list_dir.');
      assert.deepEqual(
        chunks.filter((c) => c.type !== 'done').map((c) => c.type),
        ['text', 'toolCall'],
      );
    } finally {
      await rig.close();
    }
  });
});
