#!/usr/bin/env node
// `npm run package`: a production build, then the .vsix in dist-vsix/ (created if missing: vsce does not),
// and one line with its path and size. The project has no public repository yet, so vsce is told not to
// ask for one (--allow-missing-repository) instead of being given a made-up URL.
//   npm run package [-- --out <file.vsix>]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  let out = path.join(repoRoot, 'dist-vsix', 'jarvis.vsix');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) out = path.resolve(argv[++i]);
    else throw new Error(`Unknown argument "${argv[i]}". Usage: npm run package [-- --out <file.vsix>]`);
  }
  if (!out.endsWith('.vsix')) throw new Error(`--out must name a .vsix file, got "${out}".`);
  return { out };
}

function run(title, args) {
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${title} failed (exit ${r.status ?? r.signal}).`);
}

/** "1.2 MB" / "850 KB": what a person reads; the exact byte count follows in parentheses. */
export function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function main() {
  const { out } = parseArgs(process.argv.slice(2));
  run('the production build', ['esbuild.mjs', '--production']);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  run('vsce package', [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out]);
  const { size } = fs.statSync(out);
  console.log(`[package] ${path.relative(process.cwd(), out) || out} ${formatSize(size)} (${size} bytes)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(`[package] ERROR: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
