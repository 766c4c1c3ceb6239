import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { TokenCounter } from '../../../../src/core/llm/tokens/TokenCounter';
import { TokenWorkerClient } from '../../../../src/core/llm/tokens/TokenWorkerClient';
import type { Logger } from '../../../../src/core/ports';

/** The worker entry as tsc compiled it beside this test (out/src/...); the extension ships dist/tokenWorker.js. */
const WORKER = path.resolve(__dirname, '../../../../src/core/llm/tokens/tokenWorker.js');

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const none = () => undefined;
  return { warnings, trace: none, debug: none, info: none, error: none, warn: (m: string) => warnings.push(m) };
}

/** Event-loop turns that run until `p` settles: a table loaded on this thread allows almost none. */
async function turnsWhile<T>(p: Promise<T>): Promise<{ value: T; turns: number }> {
  let done = false;
  let turns = 0;
  const settled = p.finally(() => (done = true));
  while (!done) {
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  return { value: await settled, turns };
}

describe('TokenCounter in a worker thread', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine
  const counters: TokenCounter[] = [];
  const make = (options: ConstructorParameters<typeof TokenCounter>[0]) => {
    const c = new TokenCounter(options);
    counters.push(c);
    return c;
  };
  afterEach(() => counters.splice(0).forEach((c) => c.dispose()));

  it('counts exactly what the in-process tokenizer counts, for both encodings', async () => {
    const inWorker = make({ workerScript: WORKER });
    const inProcess = make({});
    const texts = ['hello world', 'function add(a, b) {\n  return a + b;\n}', 'Ünïcödé — 日本語のテキスト 🚀', 'x'.repeat(5000)];
    for (const text of texts) {
      for (const model of ['gpt-4o', 'gpt-4']) {
        assert.equal(await inWorker.count('openai', model, text), await inProcess.count('openai', model, text), `${model}: ${text.slice(0, 20)}`);
      }
    }
  });

  it('keeps the event loop turning while the table loads (the in-process load blocks it)', async () => {
    const inWorker = await turnsWhile(make({ workerScript: WORKER }).count('openai', 'gpt-4', 'first count loads the table'));
    assert.ok(inWorker.value > 0);
    // Loading cl100k takes hundreds of milliseconds; an idle event loop turns thousands of times meanwhile.
    assert.ok(inWorker.turns > 20, `only ${inWorker.turns} event-loop turns while the worker loaded the table`);
  });

  it('warm() loads the table in the background, and a count after it needs no load', async () => {
    const counter = make({ workerScript: WORKER });
    counter.warm();
    assert.equal(await counter.count('auto', '', 'hello world'), 2);
  });

  it('falls back to counting in-process, with one warning, when the worker script is missing', async () => {
    const logger = recordingLogger();
    const counter = make({ workerScript: path.join(os.tmpdir(), 'no-such-dir', 'tokenWorker.js'), logger });
    counter.warm();
    assert.equal(await counter.count('openai', 'gpt-4o', 'hello world'), 2);
    assert.equal(await counter.count('openai', 'gpt-4o', 'hello there world'), 3);
    assert.equal(logger.warnings.length, 1, logger.warnings.join('\n'));
    assert.match(logger.warnings[0], /moved into the extension host/);
  });

  it('falls back when the worker crashes, and answers the counts that were waiting', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jarvis-token-worker-'));
    try {
      const crashing = path.join(dir, 'crash.js');
      await fs.writeFile(crashing, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });");
      const logger = recordingLogger();
      const counter = make({ workerScript: crashing, logger });
      const counts = await Promise.all([counter.count('auto', '', 'hello world'), counter.count('auto', '', 'a b c')]);
      assert.deepEqual(counts, [2, 3]);
      assert.match(logger.warnings.join('\n'), /boom/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('a disposed client refuses new counts with a clear error instead of hanging', async () => {
    const client = new TokenWorkerClient(WORKER);
    const first = client.count('o200k_base', 'hello');
    client.dispose();
    await assert.rejects(first, /disposed/);
    await assert.rejects(client.count('o200k_base', 'hello'), /disposed/);
  });
});
