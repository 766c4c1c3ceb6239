#!/usr/bin/env node
// Installs code-server 4.100.3 (= VS Code 1.100.3 server build) for the integration/UI tests, following
// /work/shared/docs/real-vscode.md step by step. Idempotent: does nothing once the marker file exists.
//   node scripts/setup-code-server.mjs [--dir <install dir>] [--force]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '4.100.3';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const out = { dir: path.join(repoRoot, '.vscode-test', `code-server-${VERSION}`), force: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--dir' && argv[i + 1]) out.dir = path.resolve(argv[++i]);
    else if (argv[i] === '--force') out.force = true;
    else throw new Error(`Unknown argument "${argv[i]}". Usage: setup-code-server.mjs [--dir <dir>] [--force]`);
  }
  return out;
}

const say = (m) => console.log(`[setup-code-server] ${m}`);

function run(cmd, args, cwd, env = {}) {
  say(`$ (cd ${path.relative(repoRoot, cwd) || '.'} && ${cmd} ${args.join(' ')})`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`"${cmd} ${args.join(' ')}" failed in ${cwd} (exit ${r.status ?? r.signal}).`);
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function installedVersion(entry) {
  if (!fs.existsSync(entry)) return undefined;
  try {
    return execFileSync(process.execPath, [entry, '--version'], { encoding: 'utf8', timeout: 60_000 }).trim();
  } catch {
    return undefined;
  }
}

function checkDebianPackages() {
  const missing = [];
  if (!which('rg')) missing.push('ripgrep');
  if (!fs.existsSync('/usr/include/krb5.h') && !fs.existsSync('/usr/include/krb5/krb5.h')) missing.push('libkrb5-dev');
  if (missing.length > 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. As root: apt-get update && apt-get install -y ${missing.join(' ')} (or run .ci/run).`);
  }
  if (!fs.existsSync('/usr/bin/chromium')) say('note: /usr/bin/chromium is missing; the UI tests need it (apt-get install -y chromium).');
}

function install(dir) {
  checkDebianPackages();
  fs.mkdirSync(dir, { recursive: true });
  // Its own postinstall would download ripgrep from GitHub: skip scripts and do those steps by hand.
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', dir, `code-server@${VERSION}`], dir);
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
  // npm_config_yes lets node-pty's install step run `npx node-gyp` without prompting.
  run('npm', ['rebuild', 'kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher'], vscodeDir, { npm_config_yes: 'true' });
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  const rgLink = path.join(rgBin, 'rg');
  fs.rmSync(rgLink, { force: true });
  fs.symlinkSync(which('rg'), rgLink);
  say(`linked ${path.relative(repoRoot, rgLink)} → ${which('rg')}`);
  const asar = path.join(vscodeDir, 'node_modules.asar');
  fs.rmSync(asar, { force: true });
  fs.symlinkSync('node_modules', asar);
  say(`linked ${path.relative(repoRoot, asar)} → node_modules`);
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], path.join(vscodeDir, 'extensions'));
  run('npm', ['rebuild', 'argon2'], dir);
}

function main() {
  const { dir, force } = parseArgs(process.argv.slice(2));
  const marker = path.join(dir, '.jarvis-installed');
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (fs.existsSync(marker) && !force) {
    say(`code-server ${VERSION} is installed (${path.relative(repoRoot, marker)} exists); nothing to do.`);
    return;
  }
  let version = installedVersion(entry);
  if (version?.startsWith(`${VERSION} `) && !force) {
    say(`found an existing install at ${path.relative(repoRoot, dir)}: ${version}`);
  } else {
    say(`installing code-server ${VERSION} into ${dir} (about 90 s)`);
    install(dir);
    version = installedVersion(entry);
  }
  if (!version?.startsWith(`${VERSION} `) || !version.includes('with Code 1.100.3')) {
    throw new Error(`check failed: "node ${entry} --version" printed ${JSON.stringify(version ?? '(nothing)')}, expected "${VERSION} … with Code 1.100.3".`);
  }
  fs.writeFileSync(marker, `${version}\ninstalled-or-verified ${new Date().toISOString()}\n`);
  say(`check passed: ${version}`);
  say(`wrote ${path.relative(repoRoot, marker)}`);
}

try {
  main();
} catch (e) {
  console.error(`[setup-code-server] ERROR: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
