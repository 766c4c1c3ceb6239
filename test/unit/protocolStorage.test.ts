import * as assert from 'node:assert/strict';
import { parseStoredTranscript, STORED_TRANSCRIPT_VERSION } from '../../src/shared/parseStoredTranscript';
import type { TranscriptMessage } from '../../src/shared/protocol';
import { trimTranscript } from '../../src/shared/trimTranscript';

const good: TranscriptMessage[] = [
  { role: 'user', id: 't/user', text: 'hi' },
  {
    role: 'assistant',
    id: 't/assistant',
    text: 'hello',
    status: 'done',
    model: { model: 'llama3', provider: 'ollama', local: true },
    stats: { usage: { inputTokens: 1, outputTokens: 2 }, durationMs: 30, truncated: false },
  },
  { role: 'error', id: 'u/error2', code: 'timeout', message: 'slow', actions: [{ title: 'Log', command: 'jarvis.showLog' }] },
];

describe('parseStoredTranscript', () => {
  it('round-trips what the view saves (through JSON, as Memento does)', () => {
    const raw = JSON.parse(JSON.stringify({ version: STORED_TRANSCRIPT_VERSION, messages: good }));
    assert.deepEqual(parseStoredTranscript(raw), { messages: good, dropped: 0 });
  });

  it('treats nothing saved as an empty transcript', () => {
    assert.deepEqual(parseStoredTranscript(undefined), { messages: [], dropped: 0 });
    assert.deepEqual(parseStoredTranscript(null), { messages: [], dropped: 0 });
  });

  it('reports a wrong version or shape instead of guessing', () => {
    for (const raw of ['x', [], {}, { version: 2, messages: good }, { version: 1, messages: 'x' }]) {
      assert.deepEqual(parseStoredTranscript(raw), { messages: [], dropped: 1 }, JSON.stringify(raw));
    }
  });

  it('drops unreadable entries and duplicates, keeping the rest', () => {
    const raw = {
      version: 1,
      messages: [
        good[0],
        null,
        { role: 'user', id: 'x' },
        { role: 'system', id: 's', text: 'x' },
        { role: 'user', id: '', text: 'no id' },
        { role: 'error', id: 'e', code: 'c' },
        good[0],
        good[2],
      ],
    };
    assert.deepEqual(parseStoredTranscript(raw), { messages: [good[0], good[2]], dropped: 6 });
  });

  it('shows an answer that was streaming when the window closed as stopped', () => {
    const raw = { version: 1, messages: [{ role: 'assistant', id: 'a', text: 'half', status: 'streaming', progress: 'x' }] };
    assert.deepEqual(parseStoredTranscript(raw).messages, [{ role: 'assistant', id: 'a', text: 'half', status: 'stopped', model: undefined, stats: undefined }]);
  });

  it('drops malformed badge data and actions but keeps the message', () => {
    const raw = {
      version: 1,
      messages: [
        { role: 'assistant', id: 'a', text: 't', status: 'done', model: { model: 1 }, stats: { usage: { inputTokens: -1, outputTokens: 0 }, durationMs: 1, truncated: false } },
        { role: 'error', id: 'e', code: 'c', message: 'm', actions: [{ title: 'ok', command: 'jarvis.x' }, { title: 'bad' }, { title: 't', command: 'jarvis.y', args: 'x' }] },
      ],
    };
    const { messages } = parseStoredTranscript(raw);
    assert.equal((messages[0] as { model?: unknown }).model, undefined);
    assert.equal((messages[0] as { stats?: unknown }).stats, undefined);
    assert.deepEqual((messages[1] as { actions: unknown }).actions, [{ title: 'ok', command: 'jarvis.x' }]);
  });
});

describe('trimTranscript', () => {
  const user = (i: number, text = `m${i}`): TranscriptMessage => ({ role: 'user', id: String(i), text });

  it('keeps everything under the limits', () => {
    const ms = [user(1), user(2)];
    assert.deepEqual(trimTranscript(ms, 10, 100), ms);
  });

  it('keeps the newest maxMessages', () => {
    const ms = [1, 2, 3, 4, 5].map((i) => user(i));
    assert.deepEqual(trimTranscript(ms, 2, 1000).map((m) => m.id), ['4', '5']);
  });

  it('keeps the newest messages that fit maxChars', () => {
    const ms = [user(1, 'aaaa'), user(2, 'bbbb'), user(3, 'cccc')];
    assert.deepEqual(trimTranscript(ms, 10, 8).map((m) => m.id), ['2', '3']);
    assert.deepEqual(trimTranscript(ms, 10, 7).map((m) => m.id), ['3']);
  });

  it('always keeps the newest message, even when it alone is too big', () => {
    assert.deepEqual(trimTranscript([user(1), user(2, 'x'.repeat(50))], 10, 10).map((m) => m.id), ['2']);
  });

  it('counts error text too', () => {
    const err: TranscriptMessage = { role: 'error', id: 'e', code: 'c', message: 'x'.repeat(10), actions: [] };
    assert.deepEqual(trimTranscript([user(1, 'abc'), err], 10, 12).map((m) => m.id), ['e']);
  });

  it('refuses a non-positive message limit', () => {
    assert.throws(() => trimTranscript([], 0), /maxMessages must be a positive integer \(got 0\)/);
    assert.throws(() => trimTranscript([], 1.5), /maxMessages must be a positive integer/);
  });
});
