import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { JarvisError } from '../../../src/common/errors';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import { ChatEngine } from '../../../src/core/chat/ChatEngine';
import { LocalResponder } from './LocalResponder';
import { DEFAULT_SETTINGS, JarvisSettings } from '../../../src/core/config/settings';
import type { LlmProvider, ProviderChatRequest, ProviderChunk } from '../../../src/core/llm/types';
import { nullLogger } from '../../../src/core/ports';

/** An in-memory provider: the engine's translation logic is under test here, not HTTP. */
class ScriptedProvider implements LlmProvider {
  readonly id = 'ollama' as const;
  readonly local = true;
  requests: ProviderChatRequest[] = [];
  constructor(private readonly script: (req: ProviderChatRequest) => AsyncGenerator<ProviderChunk>) {}
  chat(req: ProviderChatRequest): AsyncIterable<ProviderChunk> {
    this.requests.push(req);
    return this.script(req);
  }
}

function engineWith(provider: LlmProvider, overrides: Partial<JarvisSettings['ollama']> = {}, clock = new FakeClock()) {
  const settings: JarvisSettings = { ...DEFAULT_SETTINGS, ollama: { ...DEFAULT_SETTINGS.ollama, ...overrides } };
  return new ChatEngine({ settings: () => settings, responder: new LocalResponder(() => settings, provider, clock, nullLogger), clock, logger: nullLogger });
}

async function collect(it: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const out: ChatChunk[] = [];
  for await (const c of it) out.push(c);
  return out;
}

describe('ChatEngine', () => {
  it('announces the model, streams text and ends with usage and duration', async () => {
    const clock = new FakeClock(1000);
    const provider = new ScriptedProvider(async function* () {
      yield { type: 'text', text: 'Use ' };
      clock.advance(250);
      yield { type: 'text', text: 'reversed()' };
      yield { type: 'done', usage: { inputTokens: 12, outputTokens: 3 }, finishReason: 'stop', model: 'llama3:latest' };
    });
    const chunks = await collect(engineWith(provider, {}, clock).run({ prompt: 'reverse a list', history: [], signal: new AbortController().signal }));
    assert.deepEqual(chunks, [
      { type: 'model', model: 'llama3', provider: 'ollama', local: true, reason: 'your local model (jarvis.ollama.model)' },
      { type: 'markdown', text: 'Use ' },
      { type: 'markdown', text: 'reversed()' },
      {
        type: 'done',
        model: 'llama3:latest',
        usage: { inputTokens: 12, outputTokens: 3 },
        durationMs: 250,
        truncated: false,
        local: true,
        cost: { usd: 0 },
        ttftMs: 0,
      },
    ]);
  });

  it('sends the system prompt, the kept history and the prompt, in order', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { type: 'done', usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'stop', model: 'llama3' };
    });
    const history = [
      { role: 'user' as const, content: 'first' },
      { role: 'assistant' as const, content: 'one' },
      { role: 'user' as const, content: 'second' },
      { role: 'assistant' as const, content: '' },
    ];
    await collect(engineWith(provider).run({ prompt: 'third', history, signal: new AbortController().signal }));
    assert.deepEqual(
      provider.requests[0].messages.map((m) => `${m.role}:${m.content}`),
      [`system:${DEFAULT_SETTINGS.chat.systemPrompt}`, 'user:first', 'assistant:one', 'user:second', 'user:third'],
    );
  });

  it('marks an answer cut off at the length limit as truncated', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { type: 'text', text: 'partial' };
      yield { type: 'done', usage: { inputTokens: 1, outputTokens: 9 }, finishReason: 'length', model: 'llama3' };
    });
    const chunks = await collect(engineWith(provider).run({ prompt: 'q', history: [], signal: new AbortController().signal }));
    assert.equal((chunks.at(-1) as Extract<ChatChunk, { type: 'done' }>).truncated, true);
  });

  it('turns "model not found" into a message with Pull and Settings actions, keeping streamed text', async () => {
    const provider = new ScriptedProvider(async function* (req) {
      throw new JarvisError('model-not-found', `Model "${req.model}" is not installed in Ollama.`, { model: req.model });
    });
    const chunks = await collect(engineWith(provider, { model: 'phi3' }).run({ prompt: 'q', history: [], signal: new AbortController().signal }));
    const err = chunks.at(-1);
    assert.equal(err?.type, 'error');
    if (err?.type !== 'error') return;
    assert.equal(err.code, 'model-not-found');
    assert.match(err.message, /phi3/);
    assert.deepEqual(err.actions[0], { title: 'Pull phi3', command: 'jarvis.pullModel', args: ['phi3'] });
    assert.equal(err.actions[1].command, 'jarvis.openSettings');
  });

  it('turns "unreachable" into a message with Retry and Change Host actions', async () => {
    const provider = new ScriptedProvider(async function* () {
      throw new JarvisError('provider-unreachable', 'Cannot reach Ollama at http://127.0.0.1:1.');
    });
    const chunks = await collect(engineWith(provider).run({ prompt: 'q', history: [], signal: new AbortController().signal }));
    const err = chunks.at(-1);
    assert.ok(err?.type === 'error');
    assert.deepEqual(
      err.actions.map((a) => a.command),
      ['jarvis.checkOllama', 'jarvis.openSettings'],
    );
  });

  it('wraps an unexpected exception into a readable error instead of throwing', async () => {
    const provider = new ScriptedProvider(async function* () {
      throw new TypeError('boom');
    });
    const chunks = await collect(engineWith(provider).run({ prompt: 'q', history: [], signal: new AbortController().signal }));
    assert.deepEqual(chunks.at(-1), {
      type: 'error',
      code: 'provider-error',
      message: 'Something went wrong: boom',
      actions: [{ title: 'Show Log', command: 'jarvis.showLog' }],
    });
  });

  it('ends quietly when cancelled: no error, no done', async () => {
    const abort = new AbortController();
    const provider = new ScriptedProvider(async function* () {
      yield { type: 'text', text: 'tick ' };
      abort.abort();
      throw new JarvisError('cancelled', 'cancelled');
    });
    const chunks = await collect(engineWith(provider).run({ prompt: 'q', history: [], signal: abort.signal }));
    assert.deepEqual(
      chunks.map((c) => c.type),
      ['model', 'markdown'],
    );
  });

  it('refuses an empty prompt and a disabled Ollama without calling the provider', async () => {
    const provider = new ScriptedProvider(async function* () {
      yield { type: 'text', text: 'never' };
    });
    const empty = await collect(engineWith(provider).run({ prompt: '   ', history: [], signal: new AbortController().signal }));
    assert.equal(empty[0].type === 'error' && empty[0].code, 'invalid-input');
    const off = await collect(engineWith(provider, { enabled: false }).run({ prompt: 'q', history: [], signal: new AbortController().signal }));
    assert.ok(off[0].type === 'error' && off[0].code === 'provider-disabled');
    assert.deepEqual(off[0].actions[0].args, ['jarvis.ollama.enabled']);
    assert.equal(provider.requests.length, 0);
  });
});

describe('ChatEngine pipeline', () => {
  const settings = structuredClone(DEFAULT_SETTINGS);
  const okProvider = () =>
    new ScriptedProvider(async function* () {
      yield { type: 'text', text: 'answer' };
      yield { type: 'done', usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'stop', model: 'llama3' };
    });
  const make = (provider: ScriptedProvider, extra: Partial<ConstructorParameters<typeof ChatEngine>[0]> = {}) =>
    new ChatEngine({
      settings: () => settings,
      responder: new LocalResponder(() => settings, provider, new FakeClock(), nullLogger),
      clock: new FakeClock(),
      logger: nullLogger,
      ...extra,
    });
  const signal = () => new AbortController().signal;

  it('runs a slash command typed in the prompt (chat view) or given by VS Code (participant)', async () => {
    const seen: string[] = [];
    const remember = {
      name: 'remember',
      description: 'Remember something',
      async *run(args: string) {
        seen.push(args);
        yield { type: 'markdown' as const, text: `Remembered: ${args}` };
      },
    };
    const provider = okProvider();
    const engine = make(provider, { commands: [remember] });
    await collect(engine.run({ prompt: '/remember we use pnpm', history: [], signal: signal() }));
    await collect(engine.run({ prompt: 'tabs please', command: 'remember', history: [], signal: signal() }));
    assert.deepEqual(seen, ['we use pnpm', 'tabs please']);
    assert.equal(provider.requests.length, 0, 'commands answered by Jarvis do not call a model');
  });

  it('rejects an unknown command and lists the available ones', async () => {
    const chunks = await collect(make(okProvider()).run({ prompt: '/frobnicate x', history: [], signal: signal() }));
    const err = chunks[0];
    assert.ok(err.type === 'error' && err.code === 'invalid-input');
    assert.match(err.message, /Unknown command \/frobnicate\. Available: \/local, \/cloud, \/tier\./);
  });

  it("adds contributors' context to the system prompt, shows their references, and tells them the exchange", async () => {
    const observed: string[] = [];
    const memory = {
      name: 'Memory',
      async contribute() {
        return { system: 'Known decision: we use PostgreSQL.', references: [{ type: 'reference' as const, title: 'decision: PostgreSQL' }] };
      },
      observe(x: { prompt: string; answer: string }) {
        observed.push(`${x.prompt}→${x.answer}`);
      },
    };
    const provider = okProvider();
    const chunks = await collect(make(provider, { contributors: [memory] }).run({ prompt: 'which db?', history: [], signal: signal() }));
    assert.deepEqual(chunks[0], { type: 'reference', title: 'decision: PostgreSQL' });
    assert.match(provider.requests[0].messages[0].content, /Known decision: we use PostgreSQL\./);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(observed, ['which db?→answer']);
  });

  it("shows contributors' notices after all references and before the answer", async () => {
    const session = {
      name: 'Session',
      async contribute() {
        return { notices: [{ type: 'notice' as const, level: 'info' as const, message: 'Welcome back — last worked on Checkout.' }] };
      },
    };
    const memory = {
      name: 'Memory',
      async contribute() {
        return { references: [{ type: 'reference' as const, title: 'decision: PostgreSQL' }] };
      },
    };
    const chunks = await collect(make(okProvider(), { contributors: [session, memory] }).run({ prompt: 'next?', history: [], signal: signal() }));
    assert.deepEqual(chunks.slice(0, 2), [
      { type: 'reference', title: 'decision: PostgreSQL' },
      { type: 'notice', level: 'info', message: 'Welcome back — last worked on Checkout.' },
    ]);
    assert.ok(chunks.some((c) => c.type === 'markdown' && c.text === 'answer'));
  });

  it('answers even when a contributor fails, with a visible warning', async () => {
    const broken = {
      name: 'Memory',
      async contribute(): Promise<never> {
        throw new Error('index is locked');
      },
    };
    const chunks = await collect(make(okProvider(), { contributors: [broken] }).run({ prompt: 'q', history: [], signal: signal() }));
    assert.deepEqual(chunks[0], { type: 'notice', level: 'warning', message: 'Memory is unavailable for this answer: index is locked' });
    assert.equal(chunks.at(-1)?.type, 'done');
  });

  it('puts attachments before the question and cuts a huge one with a notice', async () => {
    const provider = okProvider();
    const chunks = await collect(
      make(provider).run({
        prompt: 'explain',
        history: [],
        signal: signal(),
        attachments: [
          { name: 'src/a.py', content: 'print(1)', languageId: 'python' },
          { name: 'big.log', content: 'x'.repeat(200_000) },
        ],
      }),
    );
    const user = provider.requests[0].messages.at(-1)!.content;
    assert.ok(user.startsWith('src/a.py:\n```python\nprint(1)\n```'));
    assert.ok(user.endsWith('\n\nexplain'));
    assert.ok(user.length < 110_000);
    assert.ok(chunks.some((c) => c.type === 'notice' && /cut: big\.log/.test(c.message)));
  });
});
