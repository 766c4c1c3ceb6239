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

/** @returns {import('esbuild').BuildOptions} */
export function extensionBuildOptions({ production = false } = {}) {
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
    plugins: [dropFetchPolyfill, stubVectraNlp],
  };
}
