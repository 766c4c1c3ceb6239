import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
// Options of the extension-host bundle, shared by esbuild.mjs and the lazy-loading test harness so the
// bundle that is measured is the bundle that ships.

/** ollama's builds import the whatwg-fetch polyfill; Node 20 and webviews have fetch, so it is dead weight. */
const dropFetchPolyfill = {
  name: 'drop-whatwg-fetch',
  setup(build) {
    build.onResolve({ filter: /^whatwg-fetch$/ }, () => ({ path: 'whatwg-fetch', namespace: 'jarvis-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'jarvis-empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

/**
 * vectra's LocalIndex imports wink-nlp and a 3.8 MB English model for its own BM25 mode, which Jarvis
 * never uses (keyword search is minisearch). Replacing them with a module that fails loudly if ever
 * called keeps 3.9 MB out of the bundle that every activation reads and compiles.
 */
const stubVectraNlp = {
  name: 'stub-vectra-nlp',
  setup(build) {
    build.onResolve({ filter: /^(wink-nlp|wink-eng-lite-web-model|wink-bm25-text-search)$/ }, (args) => ({
      path: args.path,
      namespace: 'jarvis-unused',
    }));
    build.onLoad({ filter: /.*/, namespace: 'jarvis-unused' }, (args) => ({
      contents: `module.exports = function () { throw new Error(${JSON.stringify(`${args.path} is not bundled: Jarvis does not use vectra's BM25 mode.`)}); };`,
      loader: 'js',
    }));
  },
};

/**
 * Packages that load on first use (see src/common/Lazy.ts) are built into files of their own under
 * dist/vendor/ and required from there, so activation neither evaluates nor even parses them: a lazily
 * initialised module inside the main bundle is still read and compiled at every start.
 * Key: the import specifier used in src; value: the file name under dist/vendor/.
 */
export const VENDOR_PACKAGES = {
  openai: 'openai.js',
  '@anthropic-ai/sdk': 'anthropic.js',
  redis: 'redis.js',
  acorn: 'acorn.js',
  minisearch: 'minisearch.js',
  'vectra/lib/LocalIndex.js': 'vectra-local-index.js',
  'gpt-tokenizer/encoding/o200k_base': 'gpt-tokenizer-o200k.js',
  'gpt-tokenizer/encoding/cl100k_base': 'gpt-tokenizer-cl100k.js',
  // Quality gate (#17): tree-sitter's runtime (its .wasm files are copied beside it, see TREE_SITTER_WASM)
  // and the eld language identifier's small database.
  '@vscode/tree-sitter-wasm': 'tree-sitter.js',
  'eld/small': 'eld.js',
  // Syntax checks with a parser of their own: Dockerfiles (pure JS) and SQL, whose WASM the package reads
  // from ../wasm/ beside its script, so esbuild.mjs copies it to dist/wasm/.
  'dockerfile-utils': 'dockerfile-utils.js',
  '@guanmingchiu/sqlparser-ts': 'sqlparser.js',
  // Secret detection (#13): secretlint's core and recommended preset, loaded on the first deep scan.
  '@secretlint/core': 'secretlint-core.js',
  '@secretlint/secretlint-rule-preset-recommend': 'secretlint-preset.js',
  // Prices (#12): Pydantic's maintained price database (480 KB with its data), required on the first price asked for.
  '@pydantic/genai-prices': 'genai-prices.js',
  // JSON-schema validation of the local model's structured answers (#18): required on the first answer checked.
  ajv: 'ajv.js',
  // The gateway's MCP server (#14): loaded on the first /mcp request. The three share one file, so the
  // SDK's protocol schemas and zod are bundled (and evaluated) once, not three times.
  '@modelcontextprotocol/sdk/server/mcp.js': 'mcp-sdk.js',
  '@modelcontextprotocol/sdk/server/streamableHttp.js': 'mcp-sdk.js',
  zod: 'mcp-sdk.js',
};

/** Vendor file → the specifiers it serves (most files serve one). */
const VENDOR_FILES = Object.entries(VENDOR_PACKAGES).reduce((files, [pkg, file]) => ({ ...files, [file]: [...(files[file] ?? []), pkg] }), {});

/** Packages published as ES modules only: their vendor entry re-exports instead of requiring. */
const ESM_ONLY = new Set(['eld/small', '@secretlint/core', '@secretlint/secretlint-rule-preset-recommend']);

/**
 * WASM files the tree-sitter vendor file loads at run time, copied into dist/vendor/ by esbuild.mjs:
 * the runtime and the grammars the quality gate parses (see src/core/routing/quality/grammarFiles.ts),
 * from VS Code's package, then the ones it has no grammar for from @cursorless/tree-sitter-wasms.
 */
export const TREE_SITTER_WASM = [
  'tree-sitter.wasm',
  'tree-sitter-python.wasm',
  'tree-sitter-typescript.wasm',
  'tree-sitter-tsx.wasm',
  'tree-sitter-go.wasm',
  'tree-sitter-rust.wasm',
  'tree-sitter-java.wasm',
  'tree-sitter-c-sharp.wasm',
  'tree-sitter-cpp.wasm',
  'tree-sitter-ruby.wasm',
  'tree-sitter-php.wasm',
  'tree-sitter-bash.wasm',
  'tree-sitter-css.wasm',
  'tree-sitter-powershell.wasm',
  'tree-sitter-ini.wasm',
];

/** Grammar files of @cursorless/tree-sitter-wasms (its out/ folder), copied beside the others. */
export const EXTRA_TREE_SITTER_WASM = [
  'tree-sitter-c.wasm',
  'tree-sitter-kotlin.wasm',
  'tree-sitter-swift.wasm',
  'tree-sitter-scala.wasm',
  'tree-sitter-dart.wasm',
  'tree-sitter-lua.wasm',
  'tree-sitter-elixir.wasm',
  'tree-sitter-haskell.wasm',
  'tree-sitter-r.wasm',
  'tree-sitter-html.wasm',
  'tree-sitter-xml.wasm',
];

const vendorExternal = {
  name: 'vendor-external',
  setup(build) {
    const names = Object.keys(VENDOR_PACKAGES).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      // A dynamic import() of an external would stay an ESM import() of a CommonJS file, whose named
      // exports Node cannot see. Route it through a one-line CommonJS shim so it becomes a deferred require.
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'vendor-shim' } : { path: `./vendor/${VENDOR_PACKAGES[args.path]}`, external: true },
    );
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'vendor-shim' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(`./vendor/${VENDOR_PACKAGES[args.path]}`)});`,
      loader: 'js',
    }));
  },
};

/**
 * Each vendor file is `module.exports = require('<pkg>')`, so it holds the package's CommonJS build and
 * exports exactly what Node's require gives — the same module the unit tests (compiled to CommonJS)
 * exercise. An ESM entry would export `{ default }` where code expects the CJS shape.
 */
const vendorEntries = {
  name: 'vendor-entries',
  setup(build) {
    build.onResolve({ filter: /^vendor-entry:/ }, (args) => ({ path: args.path.slice('vendor-entry:'.length), namespace: 'vendor-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'vendor-entry' }, (args) => {
      const pkgs = VENDOR_FILES[args.path];
      // A shared file exports the union of its packages' exports (their names do not collide).
      const contents =
        pkgs.length > 1
          ? `module.exports = Object.assign({}, ${pkgs.map((p) => `require(${JSON.stringify(p)})`).join(', ')});`
          : ESM_ONLY.has(pkgs[0])
            ? `export * from ${JSON.stringify(pkgs[0])};${extraExports(pkgs[0])}`
            : `module.exports = require(${JSON.stringify(pkgs[0])});`;
      return { contents, loader: 'js', resolveDir: process.cwd() };
    });
  },
};

/**
 * secretlint-core.js also exports the profiler instance core uses (the copy core itself resolves), so
 * SecretlintScanner can empty the timings it would otherwise keep forever (see secretlintProfiler.ts).
 * eld.js also exports the parts of eld's database its detect reads (the same modules eld imports, so
 * bundled once), which the quality gate's EldScorer reads; eld's exports map lists only entry files.
 */
function extraExports(pkg) {
  if (pkg === 'eld/small') {
    const src = path.dirname(path.dirname(fileURLToPath(import.meta.resolve('eld/small'))));
    const parts = { ngramsData: 'ngrams/small.js', separators: 'regexPatterns.js', dictionary: 'dictionary.js', avgScore: 'avgScore.js' };
    return Object.entries(parts)
      .map(([name, file]) => `\nexport { ${name} } from ${JSON.stringify(path.join(src, file))};`)
      .join('');
  }
  if (pkg !== '@secretlint/core') return '';
  const profiler = createRequire(createRequire(import.meta.url).resolve('@secretlint/core')).resolve('@secretlint/profiler');
  return `\nexport { secretLintProfiler } from ${JSON.stringify(profiler)};`;
}

/** One CJS file per vendored package (dist/vendor/*.js), with the same plugins as the main bundle. */
export function vendorBuildOptions({ production = false } = {}) {
  return {
    entryPoints: Object.fromEntries(Object.keys(VENDOR_FILES).map((file) => [`vendor/${file.replace(/\.js$/, '')}`, `vendor-entry:${file}`])),
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    minify: production,
    logLevel: 'warning',
    plugins: [vendorEntries, dropFetchPolyfill, stubVectraNlp],
  };
}

/**
 * The tokenizer worker thread (dist/tokenWorker.js), beside the main bundle so that its vendor requires
 * (./vendor/gpt-tokenizer-*.js) resolve the same way.
 * @returns {import('esbuild').BuildOptions}
 */
export function tokenWorkerBuildOptions({ production = false } = {}) {
  return {
    entryPoints: ['src/core/llm/tokens/tokenWorker.ts'],
    outfile: 'dist/tokenWorker.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    plugins: [vendorExternal],
  };
}

/** @returns {import('esbuild').BuildOptions} */
export function extensionBuildOptions({ production = false, vendor = true } = {}) {
  return {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // `vendor: false` bundles everything into one file (the lazy-loading test measures evaluation inside it).
    plugins: vendor ? [vendorExternal, dropFetchPolyfill, stubVectraNlp] : [dropFetchPolyfill, stubVectraNlp],
  };
}
