/**
 * The harness is hermetic: a real suite (code-server, Chromium, the extension host, the fake Ollama) run
 * with HOME pointed at a new empty directory leaves that directory empty. scripts/test-all.mjs runs the
 * first-run walkthrough suite only this way (suite "walkthrough"): one window serves both checks, and the
 * walkthrough's own summary line, printed through, is what test-all counts (a HOME written to fails this
 * run on top). It needs an installed VS Code build; the file name keeps it out of the harness suite.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, vscodeBuilds } from './paths';

/** Every file and directory under `dir`, relative to it, sorted. */
export function listTree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

function runNode(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

describe('hermetic harness', () => {
  it('a real UI suite run (VS Code 1.139.1, Copilot Chat included) with an empty HOME leaves HOME empty', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'jhome-'));
    try {
      // The newest build: its built-in Copilot Chat writes under ~/.copilot when it starts (the 1.104 build
      // has none, and passed while code-server still saw the real HOME). The walkthrough suite is its shortest.
      const build = vscodeBuilds[0].vscode;
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
      // Nothing of the caller's XDG setup may leak in and hide a write that would have gone to HOME.
      for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME']) delete env[k];
      const { code, out } = await runNode([path.join(repoRoot, 'out', 'test', 'ui', 'runWalkthrough.js'), '--vscode', build], env);
      process.stdout.write(out);
      assert.equal(code, 0, `the walkthrough suite failed with HOME=${home}:\n${out.slice(-3000)}`);
      assert.match(out, /JARVIS_TEST_SUMMARY \{"suite":"walkthrough","passed":[1-9]\d*,"failed":0/, 'the walkthrough suite ran no test');
      assert.deepEqual(listTree(home), [], `the run wrote into HOME (${home})`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
