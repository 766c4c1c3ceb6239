import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import OpenAI from 'openai';
import { TRIVIAL } from '../routing/routingServiceSetup';
import { startGateway, type Gateway, type GatewayOptions } from './gatewaySetup';

/**
 * The socket inactivity timeouts, with small configured values. Every test waits for the server to
 * close the connection (the 'close' event), never for a fixed time; the other timeouts are set far
 * above mocha's own, so only the one under test can end the connection in time.
 */
describe('gateway: idle connections are cut off, answers in progress are not', function () {
  this.timeout(10_000);
  const FAR = 60_000;
  let gw: Gateway;
  let key: string;
  const start = async (limits: GatewayOptions['limits'], o: GatewayOptions = {}) => {
    gw = await startGateway({
      ...o,
      limits: { headersTimeoutMs: FAR, requestTimeoutMs: FAR, keepAliveTimeoutMs: FAR, idleTimeoutMs: FAR, checkIntervalMs: 20, ...limits },
    });
    key = await gw.key('admin');
  };
  afterEach(() => gw.close());

  /** A raw connection, collecting what the server sends, with a promise of its closing. */
  const connect = async () => {
    const socket = net.connect(gw.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    return { socket, closed, received: () => received };
  };

  it('a body that stops arriving half way is answered 408 and the connection closed', async () => {
    await start({ idleTimeoutMs: 100 });
    const c = await connect();
    const body = JSON.stringify({ model: 'jarvis-auto', messages: [{ role: 'user', content: TRIVIAL }] });
    c.socket.write(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nAuthorization: Bearer ${key}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
    );
    await c.closed;
    assert.match(c.received(), /^HTTP\/1\.1 408 Request Timeout/);
    assert.match(c.received(), /"code":"request_timeout"/);
    assert.match(c.received(), /stopped arriving/);
    assert.equal(gw.ollama.requests.filter((r) => r.path === '/api/chat').length, 0, 'no model was called');
  });

  it('an idle kept-alive connection is closed after its answer', async () => {
    await start({ keepAliveTimeoutMs: 100 });
    const c = await connect();
    c.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nConnection: keep-alive\r\n\r\n`);
    await c.closed;
    assert.match(c.received(), /^HTTP\/1\.1 200 OK/);
    assert.match(c.received(), /Connection: keep-alive/i, 'the answer kept the connection open');
  });

  it('the next request on a kept-alive connection is read under the idle timeout too', async () => {
    await start({ idleTimeoutMs: 100 });
    const c = await connect();
    c.socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\n\r\n`);
    c.socket.write(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nAuthorization: Bearer ${key}\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"mo`,
    );
    await c.closed;
    assert.match(c.received(), /^HTTP\/1\.1 200 OK[\s\S]*HTTP\/1\.1 408 Request Timeout/);
  });

  it('a streamed answer whose tokens come slower than the idle timeout is delivered whole', async () => {
    // Each chunk waits 150 ms, longer than the 50 ms idle timeout: only a complete request is exempt.
    await start({ idleTimeoutMs: 50 }, { ollama: { models: ['llama3'], chunkDelayMs: 150 } });
    const client = new OpenAI({ apiKey: key, baseURL: `${gw.baseUrl}/v1`, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'ollama/llama3', messages: [{ role: 'user', content: TRIVIAL }], stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    assert.match(text, /^Hello from fake Ollama\. You said: What is a closure\?$/);
    assert.equal(finish, 'stop');
  });
});
