import { strict as assert } from 'node:assert';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The .vsix ships dist/extension.js without node_modules (`vsce package --no-dependencies`), so the
 * bundle may require only `vscode` and Node built-ins. A runtime require that esbuild cannot see
 * (createRequire, a computed name) works in the repo and breaks only after installation.
 */
describe('dist/extension.js is self-contained', () => {
  const bundle = path.resolve(__dirname, '../../../dist/extension.js');

  it('requires nothing but vscode and Node built-ins', function () {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run npm run build first (npm test does).`);
    const code = fs.readFileSync(bundle, 'utf8');
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    const foreign = [...required].filter((r) => r !== 'vscode' && !builtins.has(r) && !r.startsWith('node:'));
    assert.deepEqual(foreign, [], `the bundle requires packages that will not be installed: ${foreign.join(', ')}`);
  });

  it('does not build a require function at runtime', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    // esbuild writes `(0, import_node_module.createRequire)(__filename)("pkg")`; minified, the same shape.
    const hits = code.split('\n').filter((l) => /createRequire\)?\([^)]*\)\(\s*["'][^"']+["']\s*\)/.test(l));
    assert.deepEqual(hits.map((l) => l.trim().slice(0, 120)), [], 'createRequire(...)("pkg") hides a dependency from the bundler');
  });
});
