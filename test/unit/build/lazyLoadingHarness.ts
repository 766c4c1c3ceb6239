/**
 * Shared by test/unit/lazyLoading.test.ts and bench/lazyLoading.bench.ts: builds instrumented copies
 * of the extension bundle and loads one in a fresh Node process under a stub 'vscode' module.
 *
 * Why an instrumented build: dist/extension.js inlines every package, so Node's module cache cannot
 * say what was evaluated. A test-only esbuild plugin prefixes each bundled node_modules file with
 * `__jarvisLoaded.add('<package>')`. esbuild puts a module's body either at the top level of the
 * bundle (evaluated on load) or inside a lazily-invoked `__esm`/`__commonJS` wrapper (evaluated on
 * its first dynamic import / require), so the marker runs exactly when that package's code runs.
 * Packages Node itself loads at runtime (e.g. via createRequire) are recorded by a Module._load hook.
 *
 * The stub 'vscode' module is a timing and load harness only: every member is a no-op function that
 * returns another stub, so activate() can run its wiring without an editor. It says nothing about
 * behaviour; the integration tests cover that in a real VS Code.
 *
 * Run as a script (the child process): node lazyLoadingHarness.js <bundle> <load|activate>
 * It prints one JSON line: { loadMs, activateMs?, bundled: string[], required: string[], error? }.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** Packages that must not be evaluated at activation (node_modules/<name>). */
export const LAZY_PACKAGES: readonly RegExp[] = [
  /^openai$/,
  /^@anthropic-ai\//,
  /^redis$/,
  /^@redis\//,
  /^acorn$/,
  /^vectra$/,
  /^minisearch$/,
  /^@secretlint\//,
  /^@modelcontextprotocol\//,
  /^zod$/,
  // Globs compile on the first path matched (credential files, local-only globs, cache invalidation).
  /^picomatch$/,
  // The price database (~60 ms to load): asked on the first price, never while activating.
  /^@pydantic\/genai-prices$/,
  // Metrics: the collector makes its series (and evaluates prom-client) on the first request or scrape.
  /^prom-client$/,
  /^tdigest$/,
];

export const isLazyPackage = (name: string): boolean => LAZY_PACKAGES.some((re) => re.test(name));

/** What the eager variant imports at the top of the bundle: the lazily loaded packages, from the same files the lazy paths use. */
const EAGER_ENTRY = [
  "import * as openai from 'openai';",
  "import * as anthropic from '@anthropic-ai/sdk';",
  "import * as redis from 'redis';",
  "import * as vectra from 'vectra/lib/LocalIndex.js';",
  // validateQuality require()s acorn, which resolves its CJS build; use the same file here.
  // The collector require()s prom-client (CJS) too.
  "globalThis.__jarvisEager = [openai, anthropic, redis, vectra, require('acorn'), require('prom-client')];",
].join('\n');

export interface BuildOptions {
  outfile: string;
  /** Prefix every node_modules file with a load marker. */
  markers: boolean;
  /**
   * Leave the lazily loaded packages out of the bundle, required from ./vendor/ on first use, as the
   * shipped build does. @default false (one file, so markers can show what is evaluated)
   */
  vendor?: boolean;
  /** Evaluate the lazily loaded packages at bundle load: what activation cost without lazy loading. */
  eager?: boolean;
}

/** Builds src/extension.ts with exactly the options of the shipped build (esbuild.shared.mjs). */
export async function buildBundle(options: BuildOptions): Promise<void> {
  const esbuild = await import('esbuild');
  // A computed specifier keeps tsc (Node16 CJS output) from rewriting this ESM import into require().
  const sharedPath = path.join(repoRoot, 'esbuild.shared.mjs');
  const shared = (await import(pathToFileURL(sharedPath).href)) as {
    extensionBuildOptions(o: { production?: boolean; vendor?: boolean }): import('esbuild').BuildOptions;
  };
  // One file with every package inside, so the markers show what activation evaluates (the shipped
  // build moves these packages to dist/vendor/, which is stricter still: not even parsed).
  const base = shared.extensionBuildOptions({ vendor: options.vendor ?? false });
  const plugins: import('esbuild').Plugin[] = [...(base.plugins ?? [])];
  if (options.markers) {
    plugins.push({
      name: 'load-markers',
      setup(build) {
        build.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, (args) => {
          const name = packageOf(args.path);
          if (!name) return undefined;
          const marker = `(globalThis.__jarvisLoaded ??= new Set()).add(${JSON.stringify(name)});\n`;
          return { contents: marker + fs.readFileSync(args.path, 'utf8'), loader: 'js', resolveDir: path.dirname(args.path) };
        });
      },
    });
  }
  const eagerFile = options.outfile.replace(/\.js$/, '') + '.eager-entry.js';
  if (options.eager) fs.mkdirSync(path.dirname(eagerFile), { recursive: true });
  if (options.eager) fs.writeFileSync(eagerFile, EAGER_ENTRY);
  try {
    await esbuild.build({
      absWorkingDir: repoRoot,
      ...base,
      sourcemap: false,
      outfile: options.outfile,
      logLevel: 'error',
      inject: options.eager ? [eagerFile] : [],
      plugins,
    });
  } finally {
    if (options.eager) fs.rmSync(eagerFile, { force: true });
  }
}

/** "node_modules/@redis/client/dist/x.js" → "@redis/client" (the innermost node_modules). */
export function packageOf(file: string): string | undefined {
  const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*node_modules[\\/])/.exec(file);
  return m?.[1].replace(/\\/g, '/');
}

export interface ChildResult {
  loadMs: number;
  activateMs?: number;
  /** Bundled packages whose code ran (from the markers). */
  bundled: string[];
  /** Packages Node loaded from node_modules at runtime. */
  required: string[];
  error?: string;
}

export interface ChildOptions {
  /** globalState as a returning user's window has it (e.g. a usage ledger). @default empty */
  globalState?: Record<string, unknown>;
  /** How long after activate() returns the markers are read. @default 0 (the first timer turn) */
  settleMs?: number;
}

/** Loads `bundle` in a fresh Node process; `activate` also calls activate() with a fake context. */
export function runChild(bundle: string, mode: 'load' | 'activate', options: ChildOptions = {}): ChildResult {
  const env = {
    ...process.env,
    ...(options.globalState ? { JARVIS_LAZY_GLOBAL_STATE: JSON.stringify(options.globalState) } : {}),
    ...(options.settleMs !== undefined ? { JARVIS_LAZY_SETTLE_MS: String(options.settleMs) } : {}),
  };
  const r = spawnSync(process.execPath, [__filename, bundle, mode], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{"loadMs"'));
  if (r.status !== 0 || !line) throw new Error(`the load child failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  return JSON.parse(line) as ChildResult;
}

// ---- child process ----

function vscodeApiNames(): string[] {
  const dts = fs.readFileSync(path.join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  return [...dts.matchAll(/^\texport (?:declare )?(?:namespace|class|enum|function|const|let) (\w+)/gm)].map((m) => m[1]);
}

/** A callable, constructable no-op whose members are more of the same; awaiting it gives undefined. */
function stub(): unknown {
  const assigned = new Map<PropertyKey, unknown>();
  return new Proxy(function noop() {}, {
    set: (_target, key, value) => (assigned.set(key, value), true),
    get(_target, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === 'then') return (ok?: (v: unknown) => unknown, ko?: (e: unknown) => unknown) => Promise.resolve(undefined).then(ok, ko);
      if (key === Symbol.toPrimitive) return () => '';
      if (key === Symbol.iterator) return function* empty() {};
      return stub();
    },
    apply: () => stub(),
    construct: () => stub() as object,
  });
}

function memento(seed: Record<string, unknown> = {}): unknown {
  const data = new Map<string, unknown>(Object.entries(seed));
  return {
    get: (k: string, d?: unknown) => (data.has(k) ? data.get(k) : d),
    update: async (k: string, v: unknown) => void data.set(k, v),
    keys: () => [...data.keys()],
  };
}

function fakeContext(): { storageUri: { fsPath: string } } & Record<string, unknown> {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'jarvis-lazy-'));
  const uri = (p: string) => ({ scheme: 'file', fsPath: p, path: p, toString: () => `file://${p}` });
  return {
    subscriptions: [],
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
    workspaceState: memento(),
    globalState: memento(JSON.parse(process.env.JARVIS_LAZY_GLOBAL_STATE ?? '{}') as Record<string, unknown>),
    extensionUri: uri(repoRoot),
    extensionPath: repoRoot,
    storageUri: uri(storage),
    globalStorageUri: uri(storage),
    logUri: uri(storage),
    extension: { id: 'jarvis-hybrid.jarvis', packageJSON: JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as unknown },
    extensionMode: 3,
  };
}

function childMain(bundle: string, mode: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CJS loader is what we hook
  const Module = require('node:module') as {
    _load: (req: string, ...rest: unknown[]) => unknown;
    _resolveFilename: (req: string, ...rest: unknown[]) => string;
  };
  const vscode = Object.fromEntries(vscodeApiNames().map((n) => [n, stub()]));
  const required = new Set<string>();
  const load = Module._load;
  Module._load = function hooked(this: unknown, req: string, ...rest: unknown[]) {
    if (req === 'vscode') return vscode;
    const result = load.call(this, req, ...rest);
    if (!req.startsWith('node:') && !path.isAbsolute(req) && !req.startsWith('.')) {
      try {
        const name = packageOf(Module._resolveFilename(req, ...rest));
        if (name) required.add(name);
      } catch {
        // a builtin without the node: prefix
      }
    }
    return result;
  };
  const out: ChildResult = { loadMs: 0, bundled: [], required: [] };
  const t0 = performance.now();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the bundle is the measurement
    const ext = require(path.resolve(bundle)) as { activate(context: unknown): unknown };
    out.loadMs = performance.now() - t0;
    if (mode === 'activate') {
      const log = console.log;
      console.log = () => undefined; // activate() logs "Jarvis activated in"; keep stdout to our JSON
      const t1 = performance.now();
      const context = fakeContext();
      process.on('exit', () => fs.rmSync(context.storageUri.fsPath, { recursive: true, force: true }));
      try {
        ext.activate(context);
      } finally {
        console.log = log;
      }
      out.activateMs = performance.now() - t1;
    }
  } catch (e) {
    out.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  // Activation schedules its first Ollama check with setTimeout(0): let that turn run, then look.
  const settleMs = Number(process.env.JARVIS_LAZY_SETTLE_MS ?? 0);
  setTimeout(
    () =>
      setImmediate(() => {
        const markers = (globalThis as { __jarvisLoaded?: Set<string> }).__jarvisLoaded;
        out.bundled = [...(markers ?? [])].sort();
        out.required = [...required].sort();
        process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
      }),
    settleMs,
  );
}

if (require.main === module) childMain(process.argv[2], process.argv[3]);
