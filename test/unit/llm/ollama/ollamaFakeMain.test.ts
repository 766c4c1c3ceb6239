import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = path.resolve(__dirname, '../../../fakes/fakeOllamaMain.js');

function run(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [MAIN, ...args], { stdio: 'pipe' });
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

const exited = (child: ChildProcessWithoutNullStreams) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('fakeOllamaMain (the fake Ollama as a separate process)', () => {
  it('prints FAKE_OLLAMA_URL, serves the Ollama API, and exits when stdin closes', async () => {
    const child = run([]);
    const line = await firstLine(child);
    const m = /^FAKE_OLLAMA_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
    assert.ok(m, `unexpected first line: ${line}`);
    const res = await fetch(`${m[1]}/api/version`);
    assert.deepEqual(await res.json(), { version: '0.6.0' });
    assert.equal(await (await fetch(`${m[1]}/`)).text(), 'Ollama is running');

    const done = exited(child);
    child.stdin.end();
    assert.equal(await done, 0);
  });

  it('exits on SIGTERM', async () => {
    const child = run(['--delay', '5']);
    await firstLine(child);
    const done = exited(child);
    child.kill('SIGTERM');
    assert.equal(await done, 0);
  });

  it('refuses a bad argument with a usage message and exit code 2', async () => {
    const child = run(['--port', 'abc']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    assert.equal(await exited(child), 2);
    assert.match(stderr, /--port needs a whole number from 0 to 65535 \(got "abc"\)/);
  });
});
