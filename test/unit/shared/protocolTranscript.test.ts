import * as assert from 'node:assert/strict';
import type { HostToWebviewMessage, TranscriptMessage, UiChunk } from '../../../src/shared/protocol';
import { emptyTranscript, reduceTranscript, type TranscriptState } from '../../../src/shared/reduceTranscript';
import { toHistory } from '../../../src/shared/toHistory';

const fold = (messages: HostToWebviewMessage[], from: TranscriptState = emptyTranscript) => messages.reduce(reduceTranscript, from);
const chunk = (turnId: string, c: UiChunk): HostToWebviewMessage => ({ type: 'chunk', turnId, chunk: c });

describe('reduceTranscript', () => {
  it('builds a full turn: prompt, model, streamed markdown, stats, end', () => {
    const s = fold([
      { type: 'turnStart', turnId: 't1', prompt: 'Explain' },
      chunk('t1', { type: 'progress', message: 'Loading model' }),
      chunk('t1', { type: 'model', model: 'llama3', provider: 'ollama', local: true }),
      chunk('t1', { type: 'markdown', text: 'Hello ' }),
      chunk('t1', { type: 'markdown', text: '**world**' }),
      chunk('t1', { type: 'done', model: 'llama3:latest', usage: { inputTokens: 5, outputTokens: 7 }, durationMs: 1200, truncated: false }),
      { type: 'turnEnd', turnId: 't1', reason: 'done' },
    ]);
    assert.equal(s.busy, false);
    assert.deepEqual(s.messages, [
      { role: 'user', id: 't1/user', text: 'Explain' },
      {
        role: 'assistant',
        id: 't1/assistant',
        text: 'Hello **world**',
        status: 'done',
        model: { model: 'llama3:latest', provider: 'ollama', local: true },
        stats: { usage: { inputTokens: 5, outputTokens: 7 }, durationMs: 1200, truncated: false },
      },
    ]);
  });

  it('is busy from turnStart until turnEnd, and shows progress only before text arrives', () => {
    let s = fold([{ type: 'turnStart', turnId: 't', prompt: 'p' }, chunk('t', { type: 'progress', message: 'Waiting for Ollama' })]);
    assert.equal(s.busy, true);
    assert.equal((s.messages[1] as { progress?: string }).progress, 'Waiting for Ollama');
    s = reduceTranscript(s, chunk('t', { type: 'markdown', text: 'x' }));
    assert.equal((s.messages[1] as { progress?: string }).progress, undefined);
    s = reduceTranscript(s, { type: 'turnEnd', turnId: 't', reason: 'stopped' });
    assert.equal(s.busy, false);
    assert.equal((s.messages[1] as { status: string }).status, 'stopped');
  });

  it('replaces an answer that never started with the error, keeping the prompt', () => {
    const actions = [{ title: 'Check Ollama', command: 'jarvis.checkOllama' }];
    const s = fold([
      { type: 'turnStart', turnId: 't', prompt: 'p' },
      chunk('t', { type: 'model', model: 'llama3', provider: 'ollama', local: true }),
      chunk('t', { type: 'error', code: 'provider-unreachable', message: 'Ollama is not running', actions }),
      { type: 'turnEnd', turnId: 't', reason: 'error' },
    ]);
    assert.equal(s.busy, false);
    assert.deepEqual(
      s.messages.map((m) => m.role),
      ['user', 'error'],
    );
    assert.deepEqual(s.messages[1], { role: 'error', id: 't/error2', code: 'provider-unreachable', message: 'Ollama is not running', actions });
  });

  it('keeps partial text when an error arrives mid-answer', () => {
    const s = fold([
      { type: 'turnStart', turnId: 't', prompt: 'p' },
      chunk('t', { type: 'markdown', text: 'half' }),
      chunk('t', { type: 'error', code: 'timeout', message: 'too slow', actions: [] }),
      { type: 'turnEnd', turnId: 't', reason: 'error' },
    ]);
    assert.deepEqual(
      s.messages.map((m) => [m.role, m.role === 'error' ? m.message : m.text]),
      [
        ['user', 'p'],
        ['assistant', 'half'],
        ['error', 'too slow'],
      ],
    );
    assert.equal((s.messages[1] as { status: string }).status, 'error');
  });

  it('ignores chunks and ends of turns it does not know (stale after New chat)', () => {
    const started = fold([{ type: 'turnStart', turnId: 'new', prompt: 'p' }]);
    for (const m of [
      chunk('old', { type: 'markdown', text: 'late' }),
      chunk('old', { type: 'error', code: 'x', message: 'late', actions: [] }),
      { type: 'turnEnd', turnId: 'old', reason: 'stopped' } as const,
    ]) {
      assert.equal(reduceTranscript(started, m), started, m.type);
    }
    assert.equal(started.busy, true);
  });

  it('changes the identity of only the message that changed', () => {
    const s1 = fold([
      { type: 'turnStart', turnId: 'a', prompt: 'one' },
      { type: 'turnEnd', turnId: 'a', reason: 'done' },
      { type: 'turnStart', turnId: 'b', prompt: 'two' },
    ]);
    const s2 = reduceTranscript(s1, chunk('b', { type: 'markdown', text: 'x' }));
    assert.notEqual(s2.messages, s1.messages);
    for (let i = 0; i < 3; i++) assert.equal(s2.messages[i], s1.messages[i]);
    assert.notEqual(s2.messages[3], s1.messages[3]);
    assert.deepEqual(s1.messages[3], { role: 'assistant', id: 'b/assistant', text: '', status: 'streaming' }, 'input not mutated');
  });

  it('init replaces the state, cleared empties it, notice changes nothing', () => {
    const messages: TranscriptMessage[] = [{ role: 'user', id: 'u', text: 'saved' }];
    const s = reduceTranscript(fold([{ type: 'turnStart', turnId: 't', prompt: 'p' }]), { type: 'init', messages, busy: false, commands: [] });
    assert.deepEqual(s, { messages, busy: false });
    assert.equal(reduceTranscript(s, { type: 'notice', message: 'busy' }), s);
    assert.deepEqual(reduceTranscript(s, { type: 'cleared' }), emptyTranscript);
  });
});

describe('toHistory', () => {
  const messages: TranscriptMessage[] = [
    { role: 'user', id: '1/user', text: 'q1' },
    { role: 'assistant', id: '1/assistant', text: 'a1', status: 'done' },
    { role: 'user', id: '2/user', text: 'q2' },
    { role: 'error', id: '2/error', code: 'timeout', message: 'slow', actions: [] },
    { role: 'user', id: '3/user', text: 'q3' },
    { role: 'assistant', id: '3/assistant', text: '  ', status: 'stopped' },
    { role: 'user', id: '4/user', text: 'q4' },
    { role: 'assistant', id: '4/assistant', text: 'partial', status: 'stopped' },
  ];

  it('keeps prompts and non-empty answers in order, and leaves errors out', () => {
    assert.deepEqual(toHistory(messages), [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
      { role: 'user', content: 'q3' },
      { role: 'user', content: 'q4' },
      { role: 'assistant', content: 'partial' },
    ]);
  });

  it('bounds what is sent to the newest maxMessages', () => {
    assert.deepEqual(toHistory(messages, 2), [
      { role: 'user', content: 'q4' },
      { role: 'assistant', content: 'partial' },
    ]);
    assert.deepEqual(toHistory(messages, 0), []);
  });
});
