import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isolatedEnv } from '../harness/isolatedEnv';
import { repoRoot } from '../harness/paths';

export const VSIX_PATH = path.join(repoRoot, 'dist-vsix', 'jarvis.vsix');

/** What goes into the package; a newer file here means the .vsix is stale. */
const INPUTS = ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'src', 'media', 'esbuild.mjs'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const rel of fs.readdirSync(p, { recursive: true }) as string[]) {
    newest = Math.max(newest, fs.statSync(path.join(p, rel)).mtimeMs);
  }
  return newest;
}

/** Returns dist-vsix/jarvis.vsix, running `npm run package` first when it is missing or older than its inputs. */
export function ensureVsix(log: (m: string) => void): string {
  const built = fs.existsSync(VSIX_PATH) ? fs.statSync(VSIX_PATH).mtimeMs : 0;
  const inputs = Math.max(...INPUTS.map((i) => newestMtime(path.join(repoRoot, i))));
  if (built > inputs) {
    log(`using ${path.relative(repoRoot, VSIX_PATH)} (up to date)`);
    return VSIX_PATH;
  }
  log(built === 0 ? 'no .vsix yet: npm run package' : '.vsix is older than its sources: npm run package');
  // vsce does not create the --out directory.
  fs.mkdirSync(path.dirname(VSIX_PATH), { recursive: true });
  // npm and vsce get their own XDG dirs too: nothing of this run lands in HOME (npm's cache aside).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jpack-'));
  const r = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: 'inherit', env: isolatedEnv(tmp) });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (r.status !== 0 || !fs.existsSync(VSIX_PATH)) {
    throw new Error(`npm run package failed (exit ${r.status ?? r.signal}); cannot test the packaged extension.`);
  }
  return VSIX_PATH;
}
