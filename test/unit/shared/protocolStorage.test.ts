import * as assert from 'node:assert/strict';
import { parseStoredTranscript, STORED_TRANSCRIPT_VERSION } from '../../../src/shared/parseStoredTranscript';
import type { TranscriptMessage } from '../../../src/shared/protocol';
import { MAX_ITEMS_PER_MESSAGE } from '../../../src/shared/reduceTranscript';
import { trimTranscript } from '../../../src/shared/trimTranscript';

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
    assert.deepEqual(parseStoredTranscript(raw).messages, [
      { role: 'assistant', id: 'a', text: 'half', status: 'stopped', model: undefined, stats: undefined },
    ]);
  });

  it('drops malformed badge data and actions but keeps the message', () => {
    const raw = {
      version: 1,
      messages: [
        {
          role: 'assistant',
          id: 'a',
          text: 't',
          status: 'done',
          model: { model: 1 },
          stats: { usage: { inputTokens: -1, outputTokens: 0 }, durationMs: 1, truncated: false },
        },
        {
          role: 'error',
          id: 'e',
          code: 'c',
          message: 'm',
          actions: [{ title: 'ok', command: 'jarvis.x' }, { title: 'bad' }, { title: 't', command: 'jarvis.y', args: 'x' }],
        },
      ],
    };
    const { messages } = parseStoredTranscript(raw);
    assert.equal((messages[0] as { model?: unknown }).model, undefined);
    assert.equal((messages[0] as { stats?: unknown }).stats, undefined);
    assert.deepEqual((messages[1] as { actions: unknown }).actions, [{ title: 'ok', command: 'jarvis.x' }]);
  });
});

describe('parseStoredTranscript: references, notices, cost', () => {
  const rich: TranscriptMessage = {
    role: 'assistant',
    id: 'r/assistant',
    text: 'Use a pool.',
    status: 'done',
    model: { model: 'gpt-4o', provider: 'openai', local: false, reason: 'escalated' },
    stats: {
      usage: { inputTokens: 9, outputTokens: 3 },
      durationMs: 900,
      truncated: false,
      local: false,
      cost: { usd: 0.0012 },
      ttftMs: 120,
      cached: false,
      footer: 'gpt-4o · cloud · …',
    },
    references: [{ title: 'decision: PostgreSQL' }, { title: 'src/db.ts', detail: 'lines 1-9', uri: 'file:///w/src/db.ts' }],
    notices: [
      { level: 'warning', message: 'escalated to gpt-4o' },
      { level: 'info', message: 'Found 1', actions: [{ title: 'Forget 1 memory…', command: 'jarvis.memory.forget', args: ['id1'] }] },
    ],
  };

  it('round-trips them', () => {
    const raw = JSON.parse(JSON.stringify({ version: STORED_TRANSCRIPT_VERSION, messages: [rich] }));
    assert.deepEqual(parseStoredTranscript(raw), { messages: [rich], dropped: 0 });
    const unknownCost = { ...rich, stats: { ...rich.stats!, cost: { unknown: true } } } as TranscriptMessage;
    assert.deepEqual(parseStoredTranscript({ version: 1, messages: [unknownCost] }).messages, [unknownCost]);
  });

  it('drops bad entries of the lists and bad extras, keeping the answer', () => {
    const raw = {
      version: 1,
      messages: [
        {
          role: 'assistant',
          id: 'a',
          text: 't',
          status: 'done',
          model: { model: 'm', provider: 'p', local: true, reason: 7 },
          stats: {
            usage: { inputTokens: 1, outputTokens: 1 },
            durationMs: 1,
            truncated: false,
            local: 'yes',
            cost: { usd: -1 },
            ttftMs: Number.NaN,
            cached: 1,
            footer: null,
          },
          references: [{ title: 'ok' }, null, { title: 5 }, { title: 'bad uri', uri: 9 }, { title: 'bad detail', detail: {} }, 'x'],
          notices: [{ level: 'error', message: 'x' }, { level: 'info', message: 'kept', actions: [{ title: 'no command' }, 'x'] }, { level: 'warning' }],
        },
        { role: 'assistant', id: 'b', text: 't', status: 'done', references: 'nope', notices: { 0: 1 } },
      ],
    };
    const { messages, dropped } = parseStoredTranscript(raw);
    assert.equal(dropped, 0);
    assert.deepEqual(messages[0], {
      role: 'assistant',
      id: 'a',
      text: 't',
      status: 'done',
      model: { model: 'm', provider: 'p', local: true },
      stats: { usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 1, truncated: false },
      references: [{ title: 'ok' }],
      notices: [{ level: 'info', message: 'kept' }],
    });
    assert.deepEqual(messages[1], { role: 'assistant', id: 'b', text: 't', status: 'done', model: undefined, stats: undefined });
  });

  it('keeps at most MAX_ITEMS_PER_MESSAGE of each list', () => {
    const references = Array.from({ length: MAX_ITEMS_PER_MESSAGE + 10 }, (_, i) => ({ title: `m${i}` }));
    const { messages } = parseStoredTranscript({ version: 1, messages: [{ role: 'assistant', id: 'a', text: '', status: 'done', references }] });
    assert.equal((messages[0] as { references: unknown[] }).references.length, MAX_ITEMS_PER_MESSAGE);
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
    assert.deepEqual(
      trimTranscript(ms, 2, 1000).map((m) => m.id),
      ['4', '5'],
    );
  });

  it('keeps the newest messages that fit maxChars', () => {
    const ms = [user(1, 'aaaa'), user(2, 'bbbb'), user(3, 'cccc')];
    assert.deepEqual(
      trimTranscript(ms, 10, 8).map((m) => m.id),
      ['2', '3'],
    );
    assert.deepEqual(
      trimTranscript(ms, 10, 7).map((m) => m.id),
      ['3'],
    );
  });

  it('always keeps the newest message, even when it alone is too big', () => {
    assert.deepEqual(
      trimTranscript([user(1), user(2, 'x'.repeat(50))], 10, 10).map((m) => m.id),
      ['2'],
    );
  });

  it('counts error text too', () => {
    const err: TranscriptMessage = { role: 'error', id: 'e', code: 'c', message: 'x'.repeat(10), actions: [] };
    assert.deepEqual(
      trimTranscript([user(1, 'abc'), err], 10, 12).map((m) => m.id),
      ['e'],
    );
  });

  it('counts references and notices of an answer too', () => {
    const answer: TranscriptMessage = {
      role: 'assistant',
      id: 'a',
      text: 'ab',
      status: 'done',
      references: [{ title: 'x'.repeat(5) }],
      notices: [{ level: 'info', message: 'y'.repeat(5) }],
    };
    assert.deepEqual(
      trimTranscript([user(1, 'abc'), answer], 10, 12).map((m) => m.id),
      ['a'],
    );
    assert.deepEqual(
      trimTranscript([user(1, 'abc'), answer], 10, 15).map((m) => m.id),
      ['1', 'a'],
    );
  });

  it('refuses a non-positive message limit', () => {
    assert.throws(() => trimTranscript([], 0), /maxMessages must be a positive integer \(got 0\)/);
    assert.throws(() => trimTranscript([], 1.5), /maxMessages must be a positive integer/);
  });
});
