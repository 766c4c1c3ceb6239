import * as assert from 'node:assert/strict';
import { createServer, Server } from 'node:http';
import { AddressInfo, connect, createServer as createNetServer } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { JarvisError, JarvisErrorCode } from '../../../src/common/errors';
import { ErrorCategory, ErrorOutcome } from '../../../src/core/resilience/ErrorCategory';
import { categorizeError, categorizeHttpStatus } from '../../../src/core/resilience/categorizeError';
import { parseRetryAfterHeader, retryAfterMs } from '../../../src/core/resilience/retryAfter';
import { toJarvisError } from '../../../src/core/resilience/toJarvisError';

const { NETWORK, API_LIMIT, AUTHENTICATION, VALIDATION, RESOURCE_UNAVAILABLE, TRANSIENT, FATAL } = ErrorCategory;

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('expected a rejection');
}

describe('categorizeError', () => {
  describe('real network failures', () => {
    it('fetch to a closed port (TypeError "fetch failed" with ECONNREFUSED cause) is NETWORK', async () => {
      const port = await closedPort();
      const error = await caught(fetch(`http://127.0.0.1:${port}/`));
      assert.ok(error instanceof TypeError);
      assert.equal(categorizeError(error), NETWORK);
    });

    it('a raw socket ECONNREFUSED is NETWORK', async () => {
      const port = await closedPort();
      const error = await new Promise<unknown>((resolve) => connect(port, '127.0.0.1').once('error', resolve));
      assert.equal((error as { code?: string }).code, 'ECONNREFUSED');
      assert.equal(categorizeError(error), NETWORK);
    });

    it('a server that drops the socket mid-response (undici UND_ERR_SOCKET in cause) is NETWORK', async () => {
      const server = createServer((req) => req.socket.destroy());
      const url = await listen(server);
      try {
        const error = await caught(fetch(url));
        assert.match(String((error as { cause?: { code?: string } }).cause?.code), /UND_ERR_SOCKET|ECONNRESET/);
        assert.equal(categorizeError(error), NETWORK);
      } finally {
        server.close();
      }
    });

    it('a real fetch abort (DOMException AbortError) is a cancellation, not a category', async () => {
      const server = createServer(() => undefined); // never answers
      const url = await listen(server);
      try {
        const controller = new AbortController();
        const pending = fetch(url, { signal: controller.signal });
        controller.abort();
        const error = await caught(pending);
        assert.equal((error as Error).name, 'AbortError');
        assert.equal(categorizeError(error), 'cancelled');
      } finally {
        server.closeAllConnections();
        server.close();
      }
    });

    it("AbortSignal.timeout()'s TimeoutError is NETWORK (a deadline, not a user cancel)", () => {
      assert.equal(categorizeError(new DOMException('The operation timed out.', 'TimeoutError')), NETWORK);
    });
  });

  describe('real SDK errors', () => {
    let server: Server;
    let url: string;
    let reply: (res: import('node:http').ServerResponse) => void;
    before(async () => {
      server = createServer((_req, res) => reply(res));
      url = await listen(server);
    });
    after(() => server.close());

    it('openai RateLimitError from a real 429 with Retry-After is API_LIMIT and carries the wait', async () => {
      reply = (res) => {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
        res.end(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests' } }));
      };
      const client = new OpenAI({ apiKey: 'k', baseURL: `${url}/v1`, maxRetries: 0 });
      const error = await caught(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }));
      assert.ok(error instanceof OpenAI.RateLimitError);
      assert.equal(categorizeError(error), API_LIMIT);
      assert.equal(retryAfterMs(error, 0), 3000);
    });

    it('anthropic OverloadedError from a real 529 is RESOURCE_UNAVAILABLE', async () => {
      reply = (res) => {
        res.writeHead(529, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
      };
      const client = new Anthropic({ apiKey: 'k', baseURL: url, maxRetries: 0 });
      const error = await caught(client.messages.create({ model: 'claude-x', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }));
      assert.equal((error as { status?: number }).status, 529);
      assert.equal(categorizeError(error), RESOURCE_UNAVAILABLE);
    });

    it('openai APIConnectionError from a real closed port is NETWORK', async () => {
      const client = new OpenAI({ apiKey: 'k', baseURL: `http://127.0.0.1:${await closedPort()}/v1`, maxRetries: 0 });
      const error = await caught(client.models.list());
      assert.ok(error instanceof OpenAI.APIConnectionError);
      assert.equal(categorizeError(error), NETWORK);
    });

    it('openai APIUserAbortError from a real aborted request is a cancellation', async () => {
      reply = () => undefined; // hang
      const client = new OpenAI({ apiKey: 'k', baseURL: `${url}/v1`, maxRetries: 0 });
      const controller = new AbortController();
      const pending = client.models.list({ signal: controller.signal });
      controller.abort();
      const error = await caught(pending);
      assert.ok(error instanceof OpenAI.APIUserAbortError);
      assert.equal(categorizeError(error), 'cancelled');
      server.closeAllConnections();
    });

    const table: [string, unknown, ErrorOutcome][] = [
      ['openai 400', OpenAI.APIError.generate(400, { error: { message: 'bad' } }, undefined, new Headers()), VALIDATION],
      ['openai 401', OpenAI.APIError.generate(401, { error: { message: 'key' } }, undefined, new Headers()), AUTHENTICATION],
      ['openai 403', OpenAI.APIError.generate(403, undefined, undefined, new Headers()), AUTHENTICATION],
      ['openai 404', OpenAI.APIError.generate(404, undefined, undefined, new Headers()), VALIDATION],
      ['openai 409', OpenAI.APIError.generate(409, undefined, undefined, new Headers()), TRANSIENT],
      ['openai 422', OpenAI.APIError.generate(422, undefined, undefined, new Headers()), VALIDATION],
      ['openai 500', OpenAI.APIError.generate(500, undefined, undefined, new Headers()), TRANSIENT],
      ['openai 503', OpenAI.APIError.generate(503, undefined, undefined, new Headers()), RESOURCE_UNAVAILABLE],
      ['openai APIConnectionTimeoutError', new OpenAI.APIConnectionTimeoutError(), NETWORK],
      ['anthropic AuthenticationError', Anthropic.APIError.generate(401, undefined, undefined, new Headers()), AUTHENTICATION],
      ['anthropic RateLimitError', Anthropic.APIError.generate(429, undefined, undefined, new Headers()), API_LIMIT],
      ['anthropic 504', Anthropic.APIError.generate(504, undefined, undefined, new Headers()), RESOURCE_UNAVAILABLE],
      ['anthropic APIUserAbortError', new Anthropic.APIUserAbortError(), 'cancelled'],
      ['anthropic APIConnectionError', new Anthropic.APIConnectionError({ cause: new Error('boom') }), NETWORK],
    ];
    for (const [name, error, expected] of table) {
      it(`${name} → ${expected}`, () => assert.equal(categorizeError(error), expected));
    }
  });

  describe('JarvisError codes', () => {
    const codes: [JarvisErrorCode, ErrorOutcome][] = [
      ['cancelled', 'cancelled'],
      ['provider-unreachable', NETWORK],
      ['timeout', NETWORK],
      ['rate-limited', API_LIMIT],
      ['auth-failed', AUTHENTICATION],
      ['invalid-input', VALIDATION],
      ['model-not-found', VALIDATION],
      ['circuit-open', RESOURCE_UNAVAILABLE],
      ['no-model-available', RESOURCE_UNAVAILABLE],
      ['provider-error', TRANSIENT],
      ['invalid-response', TRANSIENT],
      ['provider-disabled', FATAL],
      ['budget-exceeded', FATAL],
      ['untrusted-workspace', FATAL],
      ['storage-failed', FATAL],
      ['privacy-blocked', FATAL],
    ];
    for (const [code, expected] of codes) {
      it(`${code} → ${expected}`, () => assert.equal(categorizeError(new JarvisError(code, 'x')), expected));
    }

    it('provider-error is classified by details.status', () => {
      assert.equal(categorizeError(new JarvisError('provider-error', 'x', { status: 503 })), RESOURCE_UNAVAILABLE);
      assert.equal(categorizeError(new JarvisError('provider-error', 'x', { status: 400 })), VALIDATION);
      assert.equal(categorizeError(new JarvisError('provider-error', 'x', { status: 401 })), AUTHENTICATION);
    });
  });

  describe('other errors', () => {
    it('finds a network code nested in cause chains and AggregateErrors', () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      assert.equal(categorizeError(new Error('outer', { cause: new Error('middle', { cause: refused }) })), NETWORK);
      assert.equal(categorizeError(new AggregateError([new Error('a'), refused])), NETWORK);
    });

    it('undici codes: UND_ERR_* is NETWORK except aborts and argument errors', () => {
      assert.equal(categorizeError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' })), NETWORK);
      assert.equal(categorizeError(Object.assign(new Error('x'), { code: 'UND_ERR_ABORTED' })), 'cancelled');
      assert.equal(categorizeError(Object.assign(new Error('x'), { code: 'UND_ERR_INVALID_ARG' })), FATAL);
    });

    it('programming errors and non-errors are FATAL; an unknown Error is TRANSIENT', () => {
      assert.equal(categorizeError(new TypeError('x is not a function')), FATAL);
      assert.equal(categorizeError('a string'), FATAL);
      assert.equal(categorizeError(undefined), FATAL);
      assert.equal(categorizeError(new Error('something odd')), TRANSIENT);
    });

    it('survives a cause cycle', () => {
      const a = new Error('a') as Error & { cause?: unknown };
      const b = new Error('b', { cause: a });
      a.cause = b;
      assert.equal(categorizeError(a), TRANSIENT);
    });

    it('maps statuses that are not failures to nothing', () => {
      assert.equal(categorizeHttpStatus(200), undefined);
      assert.equal(categorizeHttpStatus(302), undefined);
    });
  });
});

describe('retryAfterMs', () => {
  it('prefers JarvisError details, then retry-after-ms, then retry-after', () => {
    assert.equal(retryAfterMs(new JarvisError('rate-limited', 'x', { retryAfterMs: 1234 }), 0), 1234);
    const headers = new Headers({ 'retry-after-ms': '250', 'retry-after': '9' });
    assert.equal(retryAfterMs(OpenAI.APIError.generate(429, undefined, undefined, headers), 0), 250);
    assert.equal(retryAfterMs({ headers: { 'Retry-After': '2' } }, 0), 2000);
    assert.equal(retryAfterMs(new Error('no headers'), 0), undefined);
  });

  it('parses the HTTP-date form against the given clock, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    assert.equal(parseRetryAfterHeader('Wed, 21 Oct 2015 07:28:30 GMT', now), 30_000);
    assert.equal(parseRetryAfterHeader('Wed, 21 Oct 2015 07:27:00 GMT', now), 0);
    assert.equal(parseRetryAfterHeader('soon', now), undefined);
  });
});

describe('toJarvisError', () => {
  it('keeps JarvisErrors and wraps others by category with the original as cause', () => {
    const jarvis = new JarvisError('auth-failed', 'bad key');
    assert.equal(toJarvisError(jarvis), jarvis);
    const raw = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const wrapped = toJarvisError(raw, { provider: 'ollama' });
    assert.equal(wrapped.code, 'provider-unreachable');
    assert.equal(wrapped.details.cause, raw);
    assert.match(wrapped.message, /^ollama: connect ECONNREFUSED/);
  });
});
