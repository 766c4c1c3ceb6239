import { strict as assert } from 'node:assert';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEldDatabase } from '../../../src/core/routing/quality/EldLanguageIdentifier';
import { EldScorer } from '../../../src/core/routing/quality/EldScorer';

/**
 * The .vsix ships dist/ without node_modules (`vsce package --no-dependencies`), so the bundle may
 * require only `vscode`, Node built-ins and its own files under dist/vendor/ (packages loaded on first
 * use). A runtime require that esbuild cannot see (createRequire, a computed name) works in the repo
 * and breaks only after installation.
 */
describe('dist/ is self-contained', () => {
  const dist = path.resolve(__dirname, '../../../../dist');
  const bundle = path.join(dist, 'extension.js');
  const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  // A require written inside a string (ajv, in the MCP SDK, keeps `'require("ajv/dist/runtime/equal")'` as
  // code text for its standalone-code mode, which Jarvis never uses) is text, not a call: not counted.
  const requiresOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?<!['"`])\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

  before(function () {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first (npm test does).`);
  });

  it('extension.js requires nothing but vscode, Node built-ins and files it ships', () => {
    const foreign = [...new Set(requiresOf(bundle))].filter((r) => r !== 'vscode' && !builtins.has(r) && !r.startsWith('node:'));
    const missing = foreign.filter((r) => !r.startsWith('./vendor/') || !fs.existsSync(path.join(dist, r)));
    assert.deepEqual(missing, [], `the bundle requires what will not be installed: ${missing.join(', ')}`);
  });

  it('loads vendor files with require, never import() (which would hide their CommonJS named exports)', () => {
    const imports = [...fs.readFileSync(bundle, 'utf8').matchAll(/\bimport\(\s*["'](\.\/vendor\/[^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual(imports, []);
  });

  it('each vendor file requires only Node built-ins', () => {
    const vendor = path.join(dist, 'vendor');
    const files = fs.readdirSync(vendor).filter((f) => f.endsWith('.js'));
    assert.ok(files.length >= 5, `expected the vendored packages in ${vendor}, found ${files.join(', ')}`);
    for (const f of files) {
      const foreign = requiresOf(path.join(vendor, f)).filter((r) => !builtins.has(r) && !r.startsWith('node:'));
      assert.deepEqual(foreign, [], `${f} requires ${foreign.join(', ')}`);
    }
  });

  it('each vendor file exports what the package itself exports', async () => {
    const pairs: [string, string][] = [
      ['openai.js', 'openai'],
      ['anthropic.js', '@anthropic-ai/sdk'],
      ['redis.js', 'redis'],
      ['acorn.js', 'acorn'],
      ['minisearch.js', 'minisearch'],
      ['vectra-local-index.js', 'vectra/lib/LocalIndex.js'],
      ['tree-sitter.js', '@vscode/tree-sitter-wasm'],
      ['ajv.js', 'ajv'],
    ];
    for (const [file, pkg] of pairs) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- comparing module shapes
      const vendored = require(path.join(dist, 'vendor', file)) as Record<string, unknown>;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const original = require(pkg) as Record<string, unknown>;
      const names = (m: Record<string, unknown>) =>
        Object.keys(m)
          .filter((k) => k !== '__esModule')
          .sort();
      assert.deepEqual(names(vendored), names(original), `${file} exports differ from ${pkg}`);
      if (typeof original.default === 'function') assert.equal(typeof vendored.default, 'function', `${file} has no default export`);
    }
  });

  it('vendors the MCP server, its transport and zod in one file exporting all three', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- comparing module shapes
    const vendored = require(path.join(dist, 'vendor', 'mcp-sdk.js')) as Record<string, unknown>;
    for (const name of ['McpServer', 'StreamableHTTPServerTransport', 'z']) assert.equal(typeof vendored[name], name === 'z' ? 'object' : 'function', name);
  });

  it('vendors eld (an ES-module-only package) with the exports its import() gives, plus the database parts EldScorer reads', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- comparing module shapes
    const vendored = require(path.join(dist, 'vendor', 'eld.js')) as Record<string, unknown>;
    const original = (await import('eld/small')) as Record<string, unknown>;
    assert.deepEqual(
      Object.keys(vendored)
        .filter((k) => k !== '__esModule')
        .sort(),
      [...Object.keys(original).filter((k) => k !== 'default'), 'avgScore', 'dictionary', 'ngramsData', 'separators'].sort(),
    );
    const eld = vendored.eld as { detect(t: string): { language: string; isReliable(): boolean } };
    const db = await loadEldDatabase(vendored);
    assert.equal(db, vendored, 'the vendored parts are used as they are');
    const scorer = EldScorer.from(db!);
    assert.ok(scorer, 'the vendored database has the shape EldScorer reads');
    for (const text of [
      'Wie kann ich in Python eine Datei Zeile für Zeile lesen, ohne sie ganz zu laden?',
      'How do I read a file line by line?',
      'Comment lire un fichier ligne par ligne en Python ?',
    ]) {
      const r = eld.detect(text);
      assert.deepEqual(scorer!.detect(text), { language: r.language || undefined, reliable: r.isReliable() }, text);
    }
  });

  it('vendors secretlint (ES modules only): the vendored core and preset find a secret as the packages do', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- comparing module shapes
    const core = require(path.join(dist, 'vendor', 'secretlint-core.js')) as { lintSource: (o: unknown) => Promise<{ messages: unknown[] }> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const preset = require(path.join(dist, 'vendor', 'secretlint-preset.js')) as { creator: unknown };
    const content = `token: ghp_${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}`;
    const result = await core.lintSource({
      source: { filePath: '/x/prompt.txt', content, contentType: 'text' },
      options: { config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] }, noPhysicFilePath: true },
    });
    assert.equal(result.messages.length, 1, JSON.stringify(result.messages));
  });

  it('ships the tree-sitter runtime and grammar WASM files beside the vendored runtime', () => {
    for (const f of ['tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm'])
      assert.ok(fs.existsSync(path.join(dist, 'vendor', f)), `${f} missing from dist/vendor`);
  });

  it('does not build a require function at runtime', () => {
    // esbuild writes `(0, import_node_module.createRequire)(__filename)("pkg")`; minified, the same shape.
    const hits = fs
      .readFileSync(bundle, 'utf8')
      .split('\n')
      .filter((l) => /createRequire\)?\([^)]*\)\(\s*["'][^"']+["']\s*\)/.test(l));
    assert.deepEqual(
      hits.map((l) => l.trim().slice(0, 120)),
      [],
      'createRequire(...)("pkg") hides a dependency from the bundler',
    );
  });
});
