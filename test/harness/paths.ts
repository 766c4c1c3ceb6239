import * as path from 'node:path';

/** Repository root, whether this runs from test/harness (ts) or out/test/harness (compiled). */
export const repoRoot: string = findRepoRoot(__dirname);

export const CODE_SERVER_VERSION = '4.100.3';

export const codeServerDir: string = path.join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

export const codeServerEntry: string = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Where runs leave logs and screenshots (git-ignored). */
export const artifactsDir: string = path.join(repoRoot, 'test-artifacts');

export const sampleWorkspace: string = path.join(repoRoot, 'sample-workspace');

export const chromiumPath: string = process.env.JARVIS_CHROMIUM ?? '/usr/bin/chromium';

function findRepoRoot(dir: string): string {
  // out/test/harness → ../../.. ; test/harness → ../..
  const parts = dir.split(path.sep);
  const outIdx = parts.lastIndexOf('out');
  if (outIdx > 0 && parts[outIdx + 1] === 'test') return parts.slice(0, outIdx).join(path.sep) || path.sep;
  return path.resolve(dir, '..', '..');
}
