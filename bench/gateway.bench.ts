/**
 * The loopback gateway (#14), over the real routing service and the fake Ollama server, all on 127.0.0.1:
 * 1. time to first token through POST /v1/chat/completions (the official openai client, streaming) against the
 *    same request sent straight to the fake Ollama with the `ollama` client, interleaved (median, p95);
 * 2. load from a second process (autocannon, 4 s per run): /healthz against a bare node:http server (raw
 *    overhead of the gateway's checks); /v1/models and /v1/chat/completions with the rate limit of the settings
 *    shape and without it — the share of 429s against what the token bucket allows, other errors, latency.
 * Prints figures; never passes or fails on time.
 *
 *   npm run bench gateway
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { systemClock } from '../src/common/Clock';
import { GatewayKeyStore } from '../src/core/gateway/GatewayKeyStore';
import { GatewayServer } from '../src/core/gateway/GatewayServer';
import type { RateLimit } from '../src/core/gateway/TokenBucketLimiter';
import { nullLogger } from '../src/core/ports';
import { AgentResponder } from '../src/core/routing/AgentResponder';
import { listModelCatalog } from '../src/core/routing/listModelCatalog';
import { MemorySecrets } from '../test/fakes/MemorySecrets';
import { fmtMs, summarize } from '../test/harness/benchStats';
import { startRoutingOverFakeOllama } from './routingOverFakeOllama';

const RUNS = 100;
const WARMUP = 10;
const LOAD_SECONDS = 4;
const CONNECTIONS = 10;
const UNLIMITED: RateLimit = { requests: 1_000_000_000, windowSeconds: 1, burst: 0 };
/** The settings' shape, scaled so a 4 s run empties the bucket even on a loaded machine: 10 at once, then 2 per second. */
const LIMITED: RateLimit = { requests: 120, windowSeconds: 60, burst: 10 };

interface Load {
  requests: number;
  status: Record<string, number>;
  errors: number;
  timeouts: number;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  seconds: number;
}

/** autocannon in its own process (the gateway's event loop is this one), JSON result. */
function autocannon(url: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Load> {
  const bin = path.join(__dirname, '..', '..', 'node_modules', 'autocannon', 'autocannon.js');
  const args = [bin, '--json', '-d', String(LOAD_SECONDS), '-c', String(CONNECTIONS), ...(o.method ? ['-m', o.method] : [])];
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (o.body) args.push('-b', o.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(out) as {
        requests: { total: number; average: number };
        latency: { p50: number; p97_5: number; p99: number };
        errors: number;
        timeouts: number;
        duration: number;
        statusCodeStats?: Record<string, { count: number }>;
        '2xx': number;
        non2xx: number;
      };
      const status = Object.fromEntries(
        Object.entries(r.statusCodeStats ?? { '2xx': { count: r['2xx'] }, non2xx: { count: r.non2xx } }).map(([k, v]) => [k, v.count]),
      );
      resolve({
        requests: r.requests.total,
        status,
        errors: r.errors,
        timeouts: r.timeouts,
        rps: r.requests.average,
        p50: r.latency.p50,
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        seconds: r.duration,
      });
    });
  });
}

async function main(): Promise<void> {
  const { fake, settings, models, service, close } = await startRoutingOverFakeOllama('A closure is a function together with the variables it captured.');
  const agent = new AgentResponder(service, nullLogger);
  const keys = new GatewayKeyStore(new MemorySecrets(), systemClock);
  const server = new GatewayServer({
    keys,
    agent,
    models: () => listModelCatalog({ settings: () => settings, keys: { has: async () => false }, models, logger: nullLogger }),
    registry: () => service.metrics.registry,
    clock: systemClock,
    logger: nullLogger,
  });
  const port = await server.start(0, UNLIMITED);
  const base = `http://127.0.0.1:${port}`;
  const { key } = await keys.create({ name: 'bench', role: 'admin' });
  const client = new OpenAI({ apiKey: key, baseURL: `${base}/v1`, maxRetries: 0 });
  const ollama = new Ollama({ host: fake.url });

  // 1. Time to first token.
  const viaGateway = async (model: string, prompt: string): Promise<number> => {
    const started = performance.now();
    let first = NaN;
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }], stream: true });
    for await (const c of stream) if (Number.isNaN(first) && c.choices[0]?.delta.content) first = performance.now() - started;
    return first;
  };
  const direct = async (prompt: string): Promise<number> => {
    const started = performance.now();
    let first = NaN;
    for await (const part of await ollama.chat({ model: 'llama3', messages: [{ role: 'user', content: prompt }], stream: true })) {
      if (Number.isNaN(first) && part.message?.content) first = performance.now() - started;
    }
    return first;
  };
  console.log(`## Gateway: time to first token (${RUNS} runs each, interleaved; fake Ollama, openai client → gateway vs ollama client → fake)\n`);
  console.log('| request | straight to the fake Ollama (median / p95) | through /v1/chat/completions (median / p95) | difference (median / p95) |');
  console.log('|---|---|---|---|');
  const rows: [string, string][] = [
    ['`ollama/llama3:latest` (pinned)', 'ollama/llama3:latest'],
    ['`jarvis-auto` (an agent answer is held until the quality check passed)', 'jarvis-auto'],
  ];
  for (const [label, model] of rows) {
    for (let i = 0; i < WARMUP; i++) {
      await viaGateway(model, `What is a closure? (w${i})`);
      await direct(`What is a closure? (w${i})`);
    }
    const g: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      g.push(await viaGateway(model, `What is a closure? (${i})`));
      d.push(await direct(`What is a closure? (${i})`));
    }
    const sg = summarize(g);
    const sd = summarize(d);
    console.log(
      `| ${label} | ${fmtMs(sd.median)} / ${fmtMs(sd.p95)} | ${fmtMs(sg.median)} / ${fmtMs(sg.p95)} | ${fmtMs(sg.median - sd.median)} / ${fmtMs(sg.p95 - sd.p95)} |`,
    );
  }

  // 2. Load from a second process.
  const bare = http.createServer((_req, res) => {
    const json = '{"status":"ok"}';
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': json.length });
    res.end(json);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const barePort = (bare.address() as AddressInfo).port;
  const auth = { authorization: `Bearer ${key}` };
  const chatBody = JSON.stringify({ model: 'ollama/llama3:latest', messages: [{ role: 'user', content: 'What is a closure?' }] });
  const chatHeaders = { ...auth, 'content-type': 'application/json' };

  console.log(`\n## Gateway under load (autocannon in a second process, ${CONNECTIONS} connections, ${LOAD_SECONDS} s per run)\n`);
  console.log('| run | requests | req/s | status codes | errors / timeouts | latency p50 / p97.5 / p99 |');
  console.log('|---|---|---|---|---|---|');
  const row = (label: string, r: Load) =>
    console.log(
      `| ${label} | ${r.requests} | ${r.rps.toFixed(0)} | ${Object.entries(r.status)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} | ${r.errors} / ${r.timeouts} | ${r.p50} / ${r.p97_5} / ${r.p99} ms |`,
    );
  row('bare node:http, same JSON (baseline)', await autocannon(`http://127.0.0.1:${barePort}/healthz`));
  row('gateway `GET /healthz` (Host/Origin checks, routing table)', await autocannon(`${base}/healthz`));
  row('gateway `GET /v1/models`, no limit (key check per request)', await autocannon(`${base}/v1/models`, { headers: auth }));
  row(
    'gateway `POST /v1/chat/completions`, no limit (routing → fake Ollama)',
    await autocannon(`${base}/v1/chat/completions`, { method: 'POST', headers: chatHeaders, body: chatBody }),
  );

  const limitedRun = async (label: string, o: Parameters<typeof autocannon>[1], url: string) => {
    // A fresh key: a full bucket at the start of the run.
    const k = (await keys.create({ name: `bench-${label}`, role: 'admin' })).key;
    server.configure(LIMITED);
    const r = await autocannon(url, { ...o, headers: { ...o?.headers, authorization: `Bearer ${k}` } });
    server.configure(UNLIMITED);
    row(`${label}, limit ${LIMITED.burst} at once + ${(LIMITED.requests / LIMITED.windowSeconds).toFixed(0)}/s`, r);
    const allowed = LIMITED.burst + (LIMITED.requests / LIMITED.windowSeconds) * r.seconds;
    const ok = r.status['200'] ?? 0;
    const limited = r.status['429'] ?? 0;
    const other = r.requests - ok - limited;
    return `${label}: ${ok} answered (the bucket allows ${allowed.toFixed(0)} in ${r.seconds} s: ${LIMITED.burst} + ${(LIMITED.requests / LIMITED.windowSeconds).toFixed(0)}/s), ${limited} refused with 429 (${((100 * limited) / r.requests).toFixed(1)} %), ${other} other statuses, ${r.errors} errors.`;
  };
  const notes = [
    await limitedRun('`GET /v1/models`', {}, `${base}/v1/models`),
    await limitedRun(
      '`POST /v1/chat/completions`',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody },
      `${base}/v1/chat/completions`,
    ),
  ];
  console.log('');
  for (const n of notes) console.log(`- ${n}`);

  await new Promise<void>((r) => bare.close(() => r()));
  await server.stop();
  agent.dispose();
  await close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
