/**
 * The loopback gateway (#14), over the real routing service and the fake Ollama server, all on 127.0.0.1:
 * 1. time to first token through POST /v1/chat/completions (the official openai client, streaming) against the
 *    same request sent straight to the fake Ollama with the `ollama` client, interleaved (median, p95);
 * 2. load from a second process (autocannon, 4 s per run): /healthz against a bare node:http server (raw
 *    overhead of the gateway's checks); /v1/models and /v1/chat/completions with the rate limit of the settings
 *    shape and without it — the share of 429s against what the token bucket allows, other errors, latency.
 * Prints figures and never fails on time, but exits non-zero when the limit does not hold: a limited run whose
 * number of 200s is not what the bucket allows (burst + refill over the run, see `allowance`), or any run
 * with a status other than 200 / 429, an error or a timeout.
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

/**
 * How many requests a fresh bucket admits in a run of `seconds` under constant pressure: the burst plus
 * the refill, `exact`. Accepted: one either side of its floor and ceiling — a token that comes due at the
 * run's last instant, and a request admitted just before autocannon stops whose answer it does not wait
 * for (or autocannon's duration differing by some milliseconds from the server's admission window).
 */
function allowance(limit: RateLimit, seconds: number): { exact: number; min: number; max: number } {
  const exact = (limit.burst || limit.requests) + (limit.requests / limit.windowSeconds) * seconds;
  return { exact, min: Math.floor(exact) - 1, max: Math.ceil(exact) + 1 };
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
    ['`jarvis-auto` (routed as a chat message; no cloud model to escalate to, so nothing is held)', 'jarvis-auto'],
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
  const failures: string[] = [];
  /** Every run: only 200 (and, limited, 429) answers, no errors, no timeouts. */
  const check = (label: string, r: Load, allowed: string[] = ['200']) => {
    const other = Object.entries(r.status).filter(([code, n]) => n > 0 && !allowed.includes(code));
    if (other.length > 0) failures.push(`${label}: statuses other than ${allowed.join(' / ')}: ${other.map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    if (r.errors > 0 || r.timeouts > 0) failures.push(`${label}: ${r.errors} errors, ${r.timeouts} timeouts`);
  };
  const run = async (label: string, url: string, o?: Parameters<typeof autocannon>[1]) => {
    const r = await autocannon(url, o);
    row(label, r);
    check(label, r);
  };
  await run('bare node:http, same JSON (baseline)', `http://127.0.0.1:${barePort}/healthz`);
  await run('gateway `GET /healthz` (Host/Origin checks, routing table)', `${base}/healthz`);
  await run('gateway `GET /v1/models`, no limit (key check per request)', `${base}/v1/models`, { headers: auth });
  // The same body every time: with the response cache on, all but the first are cache hits.
  const cacheSetting = settings.cache;
  settings.cache = { ...cacheSetting, enabled: false };
  await run('gateway `POST /v1/chat/completions`, no limit, cache off (routing → fake Ollama)', `${base}/v1/chat/completions`, {
    method: 'POST',
    headers: chatHeaders,
    body: chatBody,
  });
  settings.cache = cacheSetting;
  await run('gateway `POST /v1/chat/completions`, no limit, cache on (identical requests: cache hits)', `${base}/v1/chat/completions`, {
    method: 'POST',
    headers: chatHeaders,
    body: chatBody,
  });

  const limitedRun = async (label: string, o: Parameters<typeof autocannon>[1], url: string) => {
    // A fresh key: a full bucket at the start of the run.
    const k = (await keys.create({ name: `bench-${label}`, role: 'admin' })).key;
    server.configure(LIMITED);
    const r = await autocannon(url, { ...o, headers: { ...o?.headers, authorization: `Bearer ${k}` } });
    server.configure(UNLIMITED);
    const rowLabel = `${label}, limit ${LIMITED.burst} at once + ${(LIMITED.requests / LIMITED.windowSeconds).toFixed(0)}/s`;
    row(rowLabel, r);
    check(rowLabel, r, ['200', '429']);
    const bucket = allowance(LIMITED, r.seconds);
    const ok = r.status['200'] ?? 0;
    const limited = r.status['429'] ?? 0;
    const other = r.requests - ok - limited;
    const holds = ok >= bucket.min && ok <= bucket.max;
    if (!holds) failures.push(`${rowLabel}: ${ok} answered with 200, the bucket allows ${bucket.min}–${bucket.max} in ${r.seconds} s`);
    return `${label}: ${ok} answered (the bucket allows ${bucket.exact.toFixed(1)} in ${r.seconds} s: ${LIMITED.burst} + ${(LIMITED.requests / LIMITED.windowSeconds).toFixed(0)}/s; ${bucket.min}–${bucket.max} accepted: ${holds ? 'holds' : 'FAILS'}), ${limited} refused with 429 (${((100 * limited) / r.requests).toFixed(1)} %), ${other} other statuses, ${r.errors} errors.`;
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
  if (failures.length > 0) {
    console.error(`\nThe gateway under load did not hold:\n${failures.map((f) => `- ${f}`).join('\n')}`);
    process.exitCode = 1;
  }

  await new Promise<void>((r) => bare.close(() => r()));
  await server.stop();
  agent.dispose();
  await close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
