import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isolatedEnv } from './isolatedEnv';
import { artifactsDir, vscodeBuild, type InstalledBuild } from './paths';

export interface CodeServerOptions {
  /** Names the log file under test-artifacts/ (e.g. "integration" → test-artifacts/code-server-integration.log). */
  name: string;
  /** Written to <user-data-dir>/User/settings.json before the server starts. */
  settings?: Record<string, unknown>;
  /** .vsix files installed into the fresh extensions dir before the server starts. */
  installExtensions?: string[];
  /** Loopback port; 0 (default) lets the OS pick a free one. */
  port?: number;
  /** How long to wait for /healthz. @default 60000 */
  startTimeoutMs?: number;
  /** Extra environment for the server (and so for the remote extension host). */
  env?: NodeJS.ProcessEnv;
  /** Which VS Code build (scripts/code-server-builds.json), e.g. "1.104". @default the first (newest) */
  vscode?: string;
  /** Keep Workspace Trust on, so an opened folder starts in Restricted Mode. @default false (trust disabled) */
  workspaceTrust?: boolean;
}

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//;

/**
 * Servers run in their own process group (so one signal reaches their extension hosts), which also
 * means Ctrl-C on the runner does not reach them: kill what is still running when the runner goes.
 */
const live = new Map<ChildProcess, string>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = (): void => {
    for (const [p, tempDir] of live) {
      killTree(p, 'SIGKILL');
      fs.rmSync(tempDir, { recursive: true, force: true });
    }
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/**
 * A code-server (a VS Code server build, run on its own Node) on 127.0.0.1 with fresh, temporary
 * user-data, extensions and XDG config/data/cache dirs, so nothing is written into HOME. Its output goes
 * to a log file under test-artifacts/; dispose() kills it and removes the temporary dirs.
 */
export class CodeServer {
  private exited = false;

  private constructor(
    private readonly proc: ChildProcess,
    readonly url: string,
    readonly port: number,
    readonly tempDir: string,
    readonly userDataDir: string,
    readonly extensionsDir: string,
    readonly logFile: string,
    readonly build: InstalledBuild,
  ) {
    proc.once('exit', () => {
      this.exited = true;
      live.delete(proc);
    });
  }

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    if (!/^[\w.-]+$/.test(options.name)) throw new Error(`CodeServer: name must be a simple file name, got "${options.name}".`);
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`CodeServer: port must be 0..65535, got ${port}.`);
    const build = vscodeBuild(options.vscode);
    if (!fs.existsSync(build.entry) || !fs.existsSync(build.nodeBin)) {
      throw new Error(`VS Code ${build.vscode} (code-server ${build.codeServer}) is not installed in ${build.dir}. Run: node scripts/setup-code-server.mjs`);
    }
    // Short base path: code-server puts a unix socket in the user-data dir (108-byte limit).
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcs-'));
    const userDataDir = path.join(tempDir, 'user');
    const extensionsDir = path.join(tempDir, 'ext');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(extensionsDir, { recursive: true });
    if (options.settings) {
      fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
    }
    fs.mkdirSync(artifactsDir, { recursive: true });
    const logFile = path.join(artifactsDir, `code-server-${options.name}.log`);
    fs.writeFileSync(logFile, '');
    // code-server writes a default config on first run, and caches and data as any Linux program does:
    // all of it goes to the temp dir, never the user's home. HOME too: 1.139's built-in Copilot Chat
    // writes a lock file under ~/.copilot/ide whenever its agent starts.
    const home = path.join(tempDir, 'home');
    fs.mkdirSync(home, { recursive: true });
    const env = isolatedEnv(tempDir, { ...process.env, ...options.env }, { HOME: home });
    const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    try {
      for (const vsix of options.installExtensions ?? []) {
        if (!fs.existsSync(vsix)) throw new Error(`CodeServer: extension package not found: ${vsix}`);
        await runToCompletion(build.nodeBin, [build.entry, ...common, '--install-extension', vsix], env, logFile, 120_000);
      }
    } catch (e) {
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw e;
    }
    const args = [
      build.entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...common,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...build.testServerArgs,
    ];
    installExitHooks();
    // Each build runs on the Node it was made for (code-server 4.139 needs Node 24), not the runner's.
    const proc = spawn(build.nodeBin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    live.set(proc, tempDir);
    proc.once('exit', () => live.delete(proc));
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
    let url: string;
    let boundPort: number;
    try {
      ({ url, port: boundPort } = await waitForListening(proc, options.startTimeoutMs ?? 60_000, logFile));
      await waitForHealthz(url, options.startTimeoutMs ?? 60_000, proc, logFile);
    } catch (e) {
      killTree(proc);
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw e;
    }
    return new CodeServer(proc, url, boundPort, tempDir, userDataDir, extensionsDir, logFile, build);
  }

  /** Text of every log file VS Code wrote under the user-data dir (extension host, output channels...). */
  readVsCodeLogs(): string {
    const logsDir = path.join(this.userDataDir, 'logs');
    if (!fs.existsSync(logsDir)) return '';
    const out: string[] = [];
    for (const rel of fs.readdirSync(logsDir, { recursive: true }) as string[]) {
      const file = path.join(logsDir, rel);
      if (rel.endsWith('.log') && fs.statSync(file).isFile()) out.push(`=== ${rel}\n${fs.readFileSync(file, 'utf8')}`);
    }
    return out.join('\n');
  }

  /** Copies VS Code's own logs next to the server log, for post-mortems. */
  saveVsCodeLogs(name: string): string {
    const file = path.join(artifactsDir, `vscode-logs-${name}.log`);
    fs.writeFileSync(file, this.readVsCodeLogs());
    return file;
  }

  async dispose(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
      killTree(this.proc);
      const timer = setTimeout(() => killTree(this.proc, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(this.tempDir, { recursive: true, force: true });
  }
}

/** The server was spawned in its own process group: signal the group so its extension hosts go too. */
function killTree(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    proc.kill(signal);
  }
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function waitForListening(proc: ChildProcess, timeoutMs: number, logFile: string): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (d: Buffer): void => {
      buffer += d.toString();
      const m = LISTENING.exec(buffer);
      if (m) {
        cleanup();
        resolve({ url: m[1], port: Number(m[2]) });
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`code-server exited (code ${code}) before listening. Log ${logFile}:\n${tail(logFile)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`code-server did not start listening within ${timeoutMs} ms. Log ${logFile}:\n${tail(logFile)}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      proc.stdout?.off('data', onData);
      proc.off('exit', onExit);
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', onExit);
  });
}

async function waitForHealthz(url: string, timeoutMs: number, proc: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`code-server exited (code ${proc.exitCode}). Log ${logFile}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    // Polling an external process: there is no event to wait on.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server ${url}/healthz did not answer 200 within ${timeoutMs} ms (last: ${last}). Log ${logFile}`);
}

function runToCompletion(node: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    const proc = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.once('error', reject);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`code-server ${args.slice(1).join(' ')} failed (code ${code}). Log ${logFile}:\n${tail(logFile)}`));
    });
  });
}
