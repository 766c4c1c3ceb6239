import * as assert from 'node:assert/strict';
import type { ChatChunk } from '../../../src/core/chat/ChatChunk';
import { assertNever, isHostToWebviewMessage, isWebviewToHostMessage, MAX_WEBVIEW_TEXT } from '../../../src/shared/protocol';
import { toUiChunk } from '../../../src/vscode/chatView/toUiChunk';

describe('protocol: isWebviewToHostMessage', () => {
  it('accepts every well-formed message', () => {
    const valid: unknown[] = [
      { type: 'ready' },
      { type: 'send', prompt: 'hello' },
      { type: 'send', prompt: '' },
      { type: 'stop' },
      { type: 'newChat' },
      { type: 'copy', code: 'x = 1' },
      { type: 'insert', code: '' },
      { type: 'runAction', command: 'jarvis.checkOllama' },
      { type: 'runAction', command: 'workbench.action.openSettings', args: ['jarvis.ollama'] },
      { type: 'openReference', uri: 'file:///a.ts' },
      { type: 'openReference', uri: 'https://x' },
    ];
    for (const m of valid) assert.equal(isWebviewToHostMessage(m), true, JSON.stringify(m));
  });

  it('refuses anything else', () => {
    const invalid: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      [],
      [{ type: 'ready' }],
      {},
      { type: 7 },
      { type: 'READY' },
      { type: 'init', messages: [], busy: false },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'send' },
      { type: 'send', prompt: 5 },
      { type: 'send', prompt: { toString: () => 'x' } },
      { type: 'send', prompt: 'x'.repeat(MAX_WEBVIEW_TEXT + 1) },
      { type: 'copy' },
      { type: 'insert', code: null },
      { type: 'runAction' },
      { type: 'runAction', command: '' },
      { type: 'runAction', command: 'jarvis.x', args: 'not-an-array' },
      { type: 'runAction', command: 'jarvis.x', args: { 0: 1 } },
      { type: 'runAction', command: 'jarvis.' + 'x'.repeat(300) },
      { type: 'openReference' },
      { type: 'openReference', uri: '' },
      { type: 'openReference', uri: 42 },
      { type: 'openReference', uri: 'file:///' + 'a'.repeat(9000) },
    ];
    for (const m of invalid) assert.equal(isWebviewToHostMessage(m), false, JSON.stringify(m)?.slice(0, 80));
  });
});

describe('protocol: isHostToWebviewMessage', () => {
  it('accepts the host messages and refuses stray window messages', () => {
    assert.equal(isHostToWebviewMessage({ type: 'init', messages: [], busy: false, commands: [] }), true);
    assert.equal(isHostToWebviewMessage({ type: 'init', messages: [], busy: false, commands: [{ name: 'remember', description: 'x' }] }), true);
    assert.equal(isHostToWebviewMessage({ type: 'chunk', turnId: 't', chunk: { type: 'notice', level: 'info', message: 'x' } }), true);
    assert.equal(isHostToWebviewMessage({ type: 'chunk', turnId: 't', chunk: { type: 'reference', title: 'x' } }), true);
    assert.equal(isHostToWebviewMessage({ type: 'turnStart', turnId: 't', prompt: 'p' }), true);
    assert.equal(isHostToWebviewMessage({ type: 'chunk', turnId: 't', chunk: { type: 'markdown', text: 'x' } }), true);
    assert.equal(isHostToWebviewMessage({ type: 'turnEnd', turnId: 't', reason: 'done' }), true);
    assert.equal(isHostToWebviewMessage({ type: 'cleared' }), true);
    assert.equal(isHostToWebviewMessage({ type: 'notice', message: 'busy' }), true);

    assert.equal(isHostToWebviewMessage({ type: 'init', messages: 'x', busy: false, commands: [] }), false);
    assert.equal(isHostToWebviewMessage({ type: 'init', messages: [], busy: false }), false, 'commands are part of init');
    assert.equal(isHostToWebviewMessage({ type: 'init', messages: [], busy: false, commands: 'remember' }), false);
    assert.equal(isHostToWebviewMessage({ type: 'chunk', turnId: 't' }), false);
    assert.equal(isHostToWebviewMessage({ type: 'send', prompt: 'x' }), false);
    assert.equal(isHostToWebviewMessage({ vscodeScheduleAsyncWork: true }), false);
    assert.equal(isHostToWebviewMessage(null), false);
  });
});

describe('protocol: assertNever', () => {
  it('throws naming what was unexpected', () => {
    assert.throws(() => assertNever({ type: 'x' } as never, 'host message'), /Unexpected host message: \{"type":"x"\}/);
  });
});

describe('toUiChunk', () => {
  it('maps every core chunk, copying only the known fields', () => {
    const chunks: ChatChunk[] = [
      { type: 'progress', message: 'Thinking' },
      { type: 'model', model: 'llama3', provider: 'ollama', local: true },
      { type: 'model', model: 'gpt-4o', provider: 'openai', local: false, reason: 'complex question' },
      { type: 'markdown', text: '**hi**' },
      { type: 'reference', title: 'decision: PostgreSQL' },
      { type: 'reference', title: 'src/db.ts', detail: 'lines 1-20', uri: 'file:///w/src/db.ts' },
      { type: 'notice', level: 'info', message: 'kept local: the prompt contains an API key' },
      { type: 'notice', level: 'warning', message: 'budget 90% used' },
      {
        type: 'notice',
        level: 'info',
        message: 'Found 3 memories.',
        actions: [{ title: 'Forget 3 memories…', command: 'jarvis.memory.forget', args: ['a', 'b', 'c'] }],
      },
      {
        type: 'error',
        code: 'provider-unreachable',
        message: 'down',
        actions: [
          { title: 'Retry', command: 'jarvis.checkOllama' },
          { title: 'Settings', command: 'workbench.action.openSettings', args: ['jarvis.ollama.host'] },
        ],
      },
    ];
    assert.deepEqual(
      chunks.map((c) => toUiChunk(c)),
      chunks,
    );
    const extra = { type: 'markdown', text: 'x', secret: 'no' } as unknown as ChatChunk;
    assert.deepEqual(toUiChunk(extra), { type: 'markdown', text: 'x' });
    const notice = { type: 'notice', level: 'info', message: 'm', internal: 1 } as unknown as ChatChunk;
    assert.deepEqual(toUiChunk(notice), { type: 'notice', level: 'info', message: 'm' });
  });

  it('adds the footer line to done, and copies only the extras that are present', () => {
    const plain: ChatChunk = { type: 'done', model: 'llama3:latest', usage: { inputTokens: 3, outputTokens: 4 }, durationMs: 12, truncated: false };
    assert.deepEqual(toUiChunk(plain), { ...plain, footer: 'llama3:latest · local · 3 → 4 tokens · free (local) · 12 ms' });

    const full: ChatChunk = {
      type: 'done',
      model: 'gpt-4o',
      usage: { inputTokens: 1000, outputTokens: 200 },
      durationMs: 3400,
      truncated: false,
      local: false,
      cost: { usd: 0.0123 },
      ttftMs: 650,
      cached: false,
    };
    assert.deepEqual(toUiChunk(full), { ...full, footer: 'gpt-4o · cloud · 1000 → 200 tokens · $0.0123 · 3.4 s (first token 650 ms)' });
    const unknown = toUiChunk({ ...plain, local: false, cost: { unknown: true }, extra: 1 } as ChatChunk);
    assert.deepEqual(unknown, { ...plain, local: false, cost: { unknown: true }, footer: 'llama3:latest · cloud · 3 → 4 tokens · cost unknown · 12 ms' });
  });

  it('takes "where" from the turn\'s model chunk when done does not say', () => {
    const done: ChatChunk = { type: 'done', model: 'gpt-4o', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 5, truncated: false };
    assert.match((toUiChunk(done, { local: false }) as { footer: string }).footer, /^gpt-4o · cloud · .* · cost unknown · 5 ms$/);
  });
});
