import { strict as assert } from 'node:assert';
import { FakeClock } from '../../fakes/FakeClock';
import { loggerSink, StructuredLogger, type LogRecord } from '../../../src/core/observability/StructuredLogger';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

const OPENAI_LIKE = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789';

function make(): { logger: StructuredLogger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  const guard = new PrivacyGuard();
  const logger = new StructuredLogger({
    name: 'jarvis',
    sinks: () => [{ write: (r) => records.push(r) }],
    clock: new FakeClock(Date.UTC(2026, 11, 1, 10, 30, 45, 123)),
    redact: (t) => guard.redact(t),
  });
  return { logger, records };
}

describe('StructuredLogger', () => {
  it('writes the seed record shape; child loggers carry their context and name', () => {
    const { logger, records } = make();
    const request = logger.child({}, 'routing').child({ requestId: 'r1', model: 'llama3' }, 'request');
    request.info('request success', { durationMs: 812, costUsd: 0 });
    assert.deepEqual(records, [
      {
        timestamp: '2026-12-01T10:30:45.123Z',
        level: 'INFO',
        logger: 'jarvis.routing.request',
        message: 'request success',
        context: { requestId: 'r1', model: 'llama3', durationMs: 812, costUsd: 0 },
        process: process.pid,
      },
    ]);
  });

  it('keeps the Logger port: extra arguments, Errors and warn/error levels', () => {
    const { logger, records } = make();
    logger.warn('slow', 42);
    logger.error(Object.assign(new Error('boom'), { code: 'ECONNREFUSED' }));
    logger.error('failed', new TypeError('bad'));
    assert.deepEqual(
      records.map((r) => [r.level, r.message, r.context]),
      [
        ['WARNING', 'slow', { args: [42] }],
        ['ERROR', 'boom', { error: { name: 'Error', message: 'boom', code: 'ECONNREFUSED' } }],
        ['ERROR', 'failed', { error: { name: 'TypeError', message: 'bad' } }],
      ],
    );
  });

  it('redacts secrets in messages and context, and never writes text-bearing keys', () => {
    const { logger, records } = make();
    logger
      .child({ apiKey: OPENAI_LIKE })
      .info(`sent with ${OPENAI_LIKE}`, { prompt: 'my secret plan', detail: { note: `key=${OPENAI_LIKE}` }, messages: [{ content: 'x' }] });
    const line = JSON.stringify(records);
    assert.doesNotMatch(line, /AbCdEfGhIjKl|my secret plan/);
    assert.equal(records[0].message, 'sent with [REDACTED:openai-key]');
    assert.deepEqual(records[0].context, { apiKey: '[omitted]', prompt: '[omitted]', detail: { note: 'key=[REDACTED:openai-key]' }, messages: '[omitted]' });
  });

  it('a throwing sink does not break the caller or the other sinks', () => {
    const got: LogRecord[] = [];
    const logger = new StructuredLogger({
      name: 'jarvis',
      sinks: () => [
        {
          write: () => {
            throw new Error('disk full');
          },
        },
        { write: (r) => got.push(r) },
      ],
      clock: new FakeClock(0),
      redact: (t) => t,
    });
    logger.info('still here');
    assert.equal(got.length, 1);
  });

  it('loggerSink writes one line with the logger name and the context as JSON', () => {
    const lines: string[] = [];
    const target = { trace() {}, debug() {}, info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error() {} };
    const { logger } = make();
    const l = new StructuredLogger({ name: 'jarvis.routing', sinks: () => [loggerSink(target)], clock: new FakeClock(0), redact: (t) => t });
    l.child({ requestId: 'a1' }).warn('request failed', { errorCategory: 'network' });
    assert.deepEqual(lines, ['warn [jarvis.routing] request failed {"requestId":"a1","errorCategory":"network"}']);
    assert.ok(logger);
  });
});
