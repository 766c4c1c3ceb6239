import * as assert from 'node:assert/strict';
import type { HostToWebviewMessage, UiChunk } from '../../../src/shared/protocol';
import { emptyTranscript, MAX_ITEMS_PER_MESSAGE, reduceTranscript, type TranscriptState } from '../../../src/shared/reduceTranscript';

const fold = (messages: HostToWebviewMessage[], from: TranscriptState = emptyTranscript) => messages.reduce(reduceTranscript, from);
const chunk = (turnId: string, c: UiChunk): HostToWebviewMessage => ({ type: 'chunk', turnId, chunk: c });
const start: HostToWebviewMessage = { type: 'turnStart', turnId: 't', prompt: 'p' };

describe('reduceTranscript: references, notices, model reason, done extras', () => {
  it('keeps references and notices on the answer in arrival order', () => {
    const s = fold([
      start,
      chunk('t', { type: 'model', model: 'llama3', provider: 'ollama', local: true, reason: 'simple question' }),
      chunk('t', { type: 'reference', title: 'decision: PostgreSQL', detail: 'memory' }),
      chunk('t', { type: 'notice', level: 'info', message: 'kept local: contains a secret' }),
      chunk('t', { type: 'reference', title: 'src/db.ts', uri: 'file:///w/src/db.ts' }),
      chunk('t', { type: 'notice', level: 'warning', message: 'budget 90% used' }),
      chunk('t', { type: 'markdown', text: 'Answer' }),
      chunk('t', {
        type: 'done',
        model: 'llama3',
        usage: { inputTokens: 1, outputTokens: 2 },
        durationMs: 3,
        truncated: false,
        local: true,
        cost: { usd: 0 },
        ttftMs: 1,
        cached: true,
        footer: 'line',
      }),
      { type: 'turnEnd', turnId: 't', reason: 'done' },
    ]);
    assert.deepEqual(s.messages[1], {
      role: 'assistant',
      id: 't/assistant',
      text: 'Answer',
      status: 'done',
      model: { model: 'llama3', provider: 'ollama', local: true, reason: 'simple question' },
      references: [
        { title: 'decision: PostgreSQL', detail: 'memory' },
        { title: 'src/db.ts', uri: 'file:///w/src/db.ts' },
      ],
      notices: [
        { level: 'info', message: 'kept local: contains a secret' },
        { level: 'warning', message: 'budget 90% used' },
      ],
      stats: {
        usage: { inputTokens: 1, outputTokens: 2 },
        durationMs: 3,
        truncated: false,
        local: true,
        cost: { usd: 0 },
        ttftMs: 1,
        cached: true,
        footer: 'line',
      },
    });
  });

  it('an escalation switches the badge to the cloud model; done.local has the last word', () => {
    const s = fold([
      start,
      chunk('t', { type: 'model', model: 'llama3', provider: 'ollama', local: true }),
      chunk('t', { type: 'model', model: 'gpt-4o', provider: 'openai', local: false, reason: 'escalated' }),
      chunk('t', { type: 'done', model: 'gpt-4o-2024', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1, truncated: false, local: false }),
    ]);
    assert.deepEqual((s.messages[1] as { model: unknown }).model, { model: 'gpt-4o-2024', provider: 'openai', local: false, reason: 'escalated' });
  });

  it('ignores a repeated reference and caps each list', () => {
    const ref = chunk('t', { type: 'reference', title: 'same', uri: 'file:///a' });
    let s = fold([start, ref, ref, chunk('t', { type: 'reference', title: 'same' })]);
    assert.deepEqual((s.messages[1] as { references: unknown }).references, [{ title: 'same', uri: 'file:///a' }, { title: 'same' }]);
    const many = Array.from({ length: MAX_ITEMS_PER_MESSAGE + 5 }, (_, i) => chunk('t', { type: 'notice', level: 'info', message: `n${i}` }));
    s = fold(many, s);
    assert.equal((s.messages[1] as { notices: unknown[] }).notices.length, MAX_ITEMS_PER_MESSAGE);
    const capped = reduceTranscript(s, chunk('t', { type: 'notice', level: 'info', message: 'one more' }));
    assert.equal(capped, s, 'unchanged state keeps its identity');
  });

  it('keeps an empty answer that has notices when an error follows (the notice explains it)', () => {
    const s = fold([
      start,
      chunk('t', { type: 'notice', level: 'info', message: 'kept local: contains a secret' }),
      chunk('t', { type: 'error', code: 'provider-unreachable', message: 'Ollama is not running', actions: [] }),
    ]);
    assert.deepEqual(
      s.messages.map((m) => m.role),
      ['user', 'assistant', 'error'],
    );
    const refsOnly = fold([start, chunk('t', { type: 'reference', title: 'm' }), chunk('t', { type: 'error', code: 'x', message: 'y', actions: [] })]);
    assert.deepEqual(
      refsOnly.messages.map((m) => m.role),
      ['user', 'error'],
    );
  });

  it("keeps a notice's actions (e.g. /forget's confirmation button)", () => {
    const actions = [{ title: 'Forget 2 memories…', command: 'jarvis.memory.forget', args: ['a', 'b'] }];
    const s = fold([
      start,
      chunk('t', { type: 'notice', level: 'info', message: 'Found 2', actions }),
      chunk('t', { type: 'notice', level: 'info', message: 'none', actions: [] }),
    ]);
    assert.deepEqual((s.messages[1] as { notices: unknown }).notices, [
      { level: 'info', message: 'Found 2', actions },
      { level: 'info', message: 'none' },
    ]);
  });

  it('ignores references and notices of unknown turns', () => {
    const s = fold([start]);
    assert.equal(reduceTranscript(s, chunk('old', { type: 'reference', title: 'x' })), s);
    assert.equal(reduceTranscript(s, chunk('old', { type: 'notice', level: 'warning', message: 'x' })), s);
  });
});
