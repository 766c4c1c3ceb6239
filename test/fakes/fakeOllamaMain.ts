/**
 * Runs the fake Ollama in its own process, for suites that drive a real VS Code:
 *   node out/test/fakes/fakeOllamaMain.js [--port N] [--delay MS]
 * Prints exactly one line `FAKE_OLLAMA_URL=http://127.0.0.1:PORT`, then serves until SIGTERM/SIGINT
 * or until stdin closes (so it dies with the parent that spawned it with a stdin pipe).
 */
import { FakeOllamaServer } from './FakeOllamaServer';

function parseArgs(argv: string[]): { port: number; delay: number } {
  const out = { port: 0, delay: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag !== '--port' && flag !== '--delay') throw new Error(`Unknown argument "${flag}". Usage: [--port N] [--delay MS]`);
    const value = Number(argv[++i]);
    const max = flag === '--port' ? 65535 : 60_000;
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new Error(`${flag} needs a whole number from 0 to ${max} (got ${JSON.stringify(argv[i] ?? null)}).`);
    }
    if (flag === '--port') out.port = value;
    else out.delay = value;
  }
  return out;
}

async function main(): Promise<void> {
  let args: { port: number; delay: number };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fakeOllamaMain: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const fake = await FakeOllamaServer.start({ chunkDelayMs: args.delay }, args.port);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  // Printed last: whoever reads this line may signal us straight away.
  process.stdout.write(`FAKE_OLLAMA_URL=${fake.url}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`fakeOllamaMain: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
