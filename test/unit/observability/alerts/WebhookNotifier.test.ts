/** The alert webhook against a real local HTTP receiver: payload, retry, timeout, no secret. */
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Alert } from '../../../../src/core/observability/alerts/AlertManager';
import { WebhookNotifier } from '../../../../src/core/observability/alerts/WebhookNotifier';
import { RecordingLogger } from '../../routing/routingServiceSetup';

const ALERT: Alert = {
  id: 'budget-exceeded-1',
  rule: 'budget-exceeded',
  severity: 'critical',
  message: 'The daily cloud budget is spent ($5.01 of $5.00).',
  firedAt: Date.UTC(2026, 11, 1, 12),
  acknowledged: false,
};

interface Received {
  method?: string;
  path?: string;
  contentType?: string;
  body: string;
}

async function receiver(respond: (n: number, res: http.ServerResponse) => void): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, contentType: req.headers['content-type'], body });
      respond(received.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/SECRETTOKEN`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('WebhookNotifier (local HTTP receiver)', () => {
  it('posts Slack-compatible JSON with the alert only', async () => {
    const rx = await receiver((_n, res) => res.end('ok'));
    const logger = new RecordingLogger();
    try {
      const ok = await new WebhookNotifier({ url: () => rx.url, logger, retryDelayMs: 0 }).send(ALERT);
      assert.equal(ok, true);
      assert.equal(rx.received.length, 1);
      const r = rx.received[0];
      assert.deepEqual([r.method, r.path, r.contentType], ['POST', '/services/T000/B000/SECRETTOKEN', 'application/json']);
      assert.deepEqual(JSON.parse(r.body), {
        text: ':red_circle: Jarvis critical: The daily cloud budget is spent ($5.01 of $5.00).',
        alert: {
          rule: 'budget-exceeded',
          severity: 'critical',
          message: 'The daily cloud budget is spent ($5.01 of $5.00).',
          firedAt: '2026-12-01T12:00:00.000Z',
        },
      });
      assert.doesNotMatch(r.body, /SECRETTOKEN|127\.0\.0\.1/, 'the webhook URL (its token) is not in the payload');
    } finally {
      await rx.close();
    }
  });

  it('retries a 503 and a 429, then succeeds', async () => {
    const rx = await receiver((n, res) => {
      res.statusCode = n === 1 ? 503 : n === 2 ? 429 : 200;
      res.end();
    });
    try {
      assert.equal(await new WebhookNotifier({ url: () => rx.url, logger: new RecordingLogger(), retryDelayMs: 0 }).send(ALERT), true);
      assert.equal(rx.received.length, 3);
    } finally {
      await rx.close();
    }
  });

  it('does not retry a 400, and logs the failure without the URL', async () => {
    const rx = await receiver((_n, res) => {
      res.statusCode = 400;
      res.end('invalid_payload');
    });
    const logger = new RecordingLogger();
    try {
      assert.equal(await new WebhookNotifier({ url: () => rx.url, logger, retryDelayMs: 0 }).send(ALERT), false);
      assert.equal(rx.received.length, 1);
      assert.deepEqual(logger.lines, ['warn The alert webhook did not accept "budget-exceeded": HTTP 400']);
    } finally {
      await rx.close();
    }
  });

  it('gives up after the attempts when the receiver never answers (timeout per attempt)', async () => {
    const rx = await receiver(() => {
      /* never answers */
    });
    const logger = new RecordingLogger();
    try {
      assert.equal(await new WebhookNotifier({ url: () => rx.url, logger, retryDelayMs: 0, timeoutMs: 150, attempts: 2 }).send(ALERT), false);
      assert.equal(rx.received.length, 2);
      assert.match(logger.lines[0], /no answer within 150 ms/);
      assert.doesNotMatch(logger.lines.join('\n'), /SECRETTOKEN/);
    } finally {
      await rx.close();
    }
  });

  it('sends nothing when no URL is set', async () => {
    let called = 0;
    const ok = await new WebhookNotifier({
      url: () => '',
      logger: new RecordingLogger(),
      fetch: (async () => (called++, new Response())) as typeof fetch,
    }).send(ALERT);
    assert.deepEqual([ok, called], [false, 0]);
  });
});
