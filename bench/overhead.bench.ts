/**
 * Routing overhead benchmark: time to first token of a full engine request (ChatEngine +
 * RoutingService: settings, privacy scan, complexity, cache lookup, availability, router, retry,
 * breakers, stream deadlines) routed to the fake Ollama, against a bare `ollama` SDK chat call to the
 * same fake server. Each engine request has a unique prompt, so the cache never answers. Prints
 * median and p95 of both and their difference (target: < 5 ms overhead); never passes or fails.
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/overhead.bench.js
 */
import { Ollama } from 'ollama';
import { systemClock } from '../src/common/Clock';
import { ChatEngine } from '../src/core/chat/ChatEngine';
import { nullLogger } from '../src/core/ports';
import { fmtMs, summarize } from '../test/harness/benchStats';
import { startRoutingOverFakeOllama } from './routingOverFakeOllama';

const RUNS = 200;
const WARMUP = 20;
const TARGET_MS = 5;

async function main(): Promise<void> {
  const { fake, settings, service, close } = await startRoutingOverFakeOllama('The answer is a short sentence.');
  const engine = new ChatEngine({ settings: () => settings, responder: service, clock: systemClock, logger: nullLogger });

  const engineTtft = async (i: number): Promise<number> => {
    const started = performance.now();
    let ttft = NaN;
    for await (const chunk of engine.run({ prompt: `What is a closure? (${i})`, history: [], signal: new AbortController().signal })) {
      if (chunk.type === 'markdown' && Number.isNaN(ttft)) ttft = performance.now() - started;
      if (chunk.type === 'error') throw new Error(chunk.message);
    }
    return ttft;
  };
  const bareTtft = async (i: number): Promise<number> => {
    const started = performance.now();
    let ttft = NaN;
    const client = new Ollama({ host: fake.url });
    const stream = await client.chat({
      model: 'llama3',
      messages: [
        { role: 'system', content: settings.chat.systemPrompt },
        { role: 'user', content: `What is a closure? (${i})` },
      ],
      stream: true,
    });
    for await (const part of stream) {
      if (part.message?.content && Number.isNaN(ttft)) ttft = performance.now() - started;
    }
    return ttft;
  };

  // Interleaved so both see the same machine load; warm-up loads the modules and fills the model list cache.
  for (let i = 0; i < WARMUP; i++) {
    await engineTtft(-i - 1);
    await bareTtft(-i - 1);
  }
  const engineMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    engineMs.push(await engineTtft(i));
    bareMs.push(await bareTtft(i));
  }
  await close();

  const e = summarize(engineMs);
  const b = summarize(bareMs);
  console.log(`## Routing overhead: time to first token (${RUNS} runs each, fake Ollama on 127.0.0.1)\n`);
  console.log('| path | median | p95 |');
  console.log('|---|---|---|');
  console.log(`| bare ollama SDK chat | ${fmtMs(b.median)} | ${fmtMs(b.p95)} |`);
  console.log(`| ChatEngine + RoutingService | ${fmtMs(e.median)} | ${fmtMs(e.p95)} |`);
  console.log(`| overhead | ${fmtMs(e.median - b.median)} | ${fmtMs(e.p95 - b.p95)} |`);
  console.log(`\nTarget: overhead < ${TARGET_MS} ms (median ${e.median - b.median < TARGET_MS ? 'meets' : 'misses'} it).`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
