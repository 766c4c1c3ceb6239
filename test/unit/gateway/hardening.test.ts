import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { TRIVIAL } from '../routing/routingServiceSetup';
import { startGateway, type Gateway } from './gatewaySetup';
import { bearer, jsonBody, request } from './httpRequest';

const chatBody = JSON.stringify({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }] });

describe('gateway: bad input gets a clear OpenAI-shaped error and reaches no model', () => {
  let gw: Gateway;
  let key: string;
  const ollamaChats = () => gw.ollama.requests.filter((r) => r.path === '/api/chat').length;
  const chat = (body: string | Buffer, headers: Record<string, string> = jsonBody(key)) =>
    request(gw.port, { method: 'POST', path: '/v1/chat/completions', headers, body });

  beforeEach(async () => {
    gw = await startGateway({ limits: { bodyBytes: 64 * 1024, headersTimeoutMs: 200, requestTimeoutMs: 200, checkIntervalMs: 20 } });
    key = await gw.key('admin');
  });
  afterEach(() => gw.close());

  const expectError = (r: Awaited<ReturnType<typeof request>>, status: number, code: string, message: RegExp) => {
    assert.equal(r.status, status, r.text);
    assert.equal(r.headers['content-type'], 'application/json');
    const e = r.json().error;
    assert.ok(e, r.text);
    assert.equal(e.code, code);
    assert.match(e.message, message);
    assert.ok(typeof e.type === 'string' && 'param' in e, 'OpenAI error shape');
    assert.equal(r.headers['access-control-allow-origin'], undefined, 'never CORS');
  };

  it('malformed JSON → 400 invalid_json', async () => {
    expectError(await chat('{"model": "jarvis-auto", "messages": ['), 400, 'invalid_json', /not valid JSON/);
    assert.equal(ollamaChats(), 0);
  });

  it('a JSON array, or a non-JSON content type, is refused', async () => {
    expectError(await chat('[1,2]'), 400, 'invalid_json', /JSON object/);
    expectError(await chat(chatBody, { ...bearer(key), 'content-type': 'text/plain' }), 415, 'unsupported_media_type', /application\/json/);
  });

  it('missing or malformed fields name the field', async () => {
    const cases: [object, string, RegExp][] = [
      [{ messages: [{ role: 'user', content: 'x' }] }, 'model', /"model" is required/],
      [{ model: 'jarvis-auto', messages: [] }, 'messages', /non-empty array/],
      [{ model: 'jarvis-auto', messages: [{ role: 'wizard', content: 'x' }] }, 'messages[0].role', /must be system, developer, user, assistant or tool/],
      [{ model: 'jarvis-auto', messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].tool_call_id', /needs "tool_call_id"/],
      [{ model: 'jarvis-auto', messages: [{ role: 'user', content: 42 }] }, 'messages[0].content', /string or an array/],
      [{ model: 'jarvis-auto', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'retrieval' }] }, 'tools[0]', /type: "function"/],
      [{ model: 'jarvis-auto', messages: [{ role: 'user', content: 'x' }], stream: 'yes' }, 'stream', /true or false/],
      [
        {
          model: 'jarvis-auto',
          messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{oops' } }] }],
        },
        'messages[0].tool_calls[0].function.arguments',
        /not valid JSON/,
      ],
    ];
    for (const [body, param, message] of cases) {
      const r = await chat(JSON.stringify(body));
      expectError(r, 400, 'invalid_request', message);
      assert.equal(r.json().error?.param, param);
    }
    assert.equal(ollamaChats(), 0);
  });

  it('an oversized body → 413, cut off without being read', async () => {
    const big = JSON.stringify({ model: 'jarvis-auto', messages: [{ role: 'user', content: 'x'.repeat(100 * 1024) }] });
    expectError(await chat(big), 413, 'body_too_large', /larger than 65536 bytes/);
    assert.equal(ollamaChats(), 0);
  });

  it('an oversized body sent chunked (no content-length) → 413 once the bytes counted pass the limit', async () => {
    const r = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = http.request(
        {
          host: '127.0.0.1',
          port: gw.port,
          method: 'POST',
          path: '/v1/chat/completions',
          headers: { ...jsonBody(key), 'transfer-encoding': 'chunked' },
          agent: false,
        },
        (res) => {
          answered = true;
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, sent }));
        },
      );
      // The server closes the connection after answering: a write still in flight may fail then.
      req.on('error', (e) => (answered ? undefined : reject(e)));
      assert.equal(req.getHeader('content-length'), undefined, 'nothing declares the size');
      const chunk = Buffer.alloc(16 * 1024, 'x');
      req.write('{"model":"jarvis-auto","messages":[{"role":"user","content":"');
      // 16 KiB at a time, each after the last was taken, until the server answers. The body never
      // ends (no end()): only counting the bytes as they arrive can refuse it.
      const next = () => {
        if (answered || sent >= 64 * 1024 * 1024) return;
        sent += chunk.length;
        req.write(chunk, (e) => (e ? undefined : next()));
      };
      next();
    });
    expectError({ ...r, json: () => JSON.parse(r.text) }, 413, 'body_too_large', /larger than 65536 bytes/);
    assert.ok(r.sent > 64 * 1024, `more than the limit was sent (${r.sent} bytes)`);
    assert.equal(ollamaChats(), 0);
  });

  it('slow headers (slowloris) are cut off by the headers timeout', async () => {
    const socket = net.connect(gw.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nX-Slow: `);
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
    // The server, not the test, ends this: the promise settles when it closes the connection.
    await new Promise((r) => socket.once('close', r));
    assert.match(received, /^HTTP\/1\.1 408 Request Timeout/);
    assert.match(received, /did not arrive in time/);
  });

  it('unknown paths → 404 listing the endpoints; a wrong method → 405 with Allow', async () => {
    expectError(await request(gw.port, { path: '/v1/completions', headers: bearer(key) }), 404, 'unknown_path', /Endpoints: POST \/v1\/chat\/completions/);
    const r = await request(gw.port, { method: 'GET', path: '/v1/chat/completions', headers: bearer(key) });
    expectError(r, 405, 'method_not_allowed', /use POST/);
    assert.equal(r.headers.allow, 'POST');
    expectError(await request(gw.port, { method: 'DELETE', path: '/v1/models', headers: bearer(key) }), 405, 'method_not_allowed', /DELETE is not allowed/);
  });

  it('a preflight gets no CORS headers', async () => {
    const r = await request(gw.port, { method: 'OPTIONS', path: '/v1/chat/completions', headers: { 'access-control-request-method': 'POST' } });
    expectError(r, 405, 'method_not_allowed', /OPTIONS is not allowed/);
  });

  it('a foreign Host (DNS rebinding) → 421, even for /healthz', async () => {
    for (const host of ['evil.example:' + gw.port, `127.0.0.1:${gw.port + 1}`, '127.0.0.1', `localhost.evil.example:${gw.port}`]) {
      expectError(await request(gw.port, { path: '/healthz', headers: { host } }), 421, 'foreign_host', /is not this gateway/);
    }
    for (const host of [`127.0.0.1:${gw.port}`, `localhost:${gw.port}`, `[::1]:${gw.port}`]) {
      assert.equal((await request(gw.port, { path: '/healthz', headers: { host } })).status, 200, host);
    }
  });

  it('a browser Origin → 403, with a good key too', async () => {
    expectError(await chat(chatBody, { ...jsonBody(key), origin: 'https://drive-by.example' }), 403, 'browser_origin', /web pages/);
    expectError(await request(gw.port, { path: '/v1/models', headers: { ...bearer(key), origin: 'null' } }), 403, 'browser_origin', /Origin null/);
    assert.equal(ollamaChats(), 0);
  });

  it('missing and malformed keys → 401; X-API-Key is accepted like Bearer', async () => {
    expectError(await request(gw.port, { path: '/v1/models' }), 401, 'missing_api_key', /No API key/);
    expectError(await request(gw.port, { path: '/v1/models', headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'missing_api_key', /Bearer/);
    expectError(await request(gw.port, { path: '/v1/models', headers: { authorization: 'Bearer ' } }), 401, 'missing_api_key', /No API key/);
    expectError(await request(gw.port, { path: '/v1/models', headers: bearer(key.slice(0, -1)) }), 401, 'unknown_api_key', /Invalid API key/);
    assert.equal((await request(gw.port, { path: '/v1/models', headers: { 'x-api-key': key } })).status, 200);
  });

  it('/healthz needs no key', async () => {
    const r = await request(gw.port, { path: '/healthz' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { status: 'ok' });
  });
});
