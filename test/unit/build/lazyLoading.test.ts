/**
 * Activation must not evaluate the heavy packages that are only needed on first use: the cloud SDKs
 * (openai, @anthropic-ai/sdk), redis (+ @redis/*), acorn, vectra and prom-client.
 *
 * Method (see lazyLoadingHarness.ts): build src/extension.ts with the extension build's options plus a
 * test-only plugin that prefixes every bundled node_modules file with a `__jarvisLoaded` marker, load
 * that bundle in a fresh Node process under a stub 'vscode' module, call activate(), let the first
 * timer turn run, and read which markers were set. Because esbuild keeps lazily imported modules in
 * wrappers that only run on first use, a marker set means that package's code really ran. As a
 * positive control, a variant that imports those packages at the top must set all their markers —
 * so a passing test cannot come from markers that never fire.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIRST_BREAKDOWN_MS } from '../../../src/core/observability/costExtras';
import { dayKey, systemOffset, USAGE_LEDGER_KEY } from '../../../src/core/observability/dashboard/UsageLedger';
import { validateQuality } from '../../../src/core/routing/quality/validateQuality';
import { buildBundle, isLazyPackage, packageOf, repoRoot, runChild } from './lazyLoadingHarness';

const outDir = path.join(repoRoot, 'out', 'test-lazy');
const lazyBundle = path.join(outDir, 'lazy-marked.js');
const eagerBundle = path.join(outDir, 'eager-marked.js');

describe('lazy loading at activation', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine

  before(async () => {
    // The bundle lives under the repo so packages Node loads at runtime resolve as they do from dist/.
    await buildBundle({ outfile: lazyBundle, markers: true });
    await buildBundle({ outfile: eagerBundle, markers: true, eager: true });
  });

  it('activate() evaluates none of openai, @anthropic-ai, redis, @redis, acorn, vectra, minisearch, prom-client', () => {
    const r = runChild(lazyBundle, 'activate');
    assert.equal(r.error, undefined, `activate() failed under the stub: ${r.error}`);
    assert.ok(r.bundled.includes('ollama'), `the markers should see the eagerly used ollama client; saw ${r.bundled.join(', ')}`);
    const loaded = [...r.bundled, ...r.required].filter(isLazyPackage);
    assert.deepEqual(loaded, [], `evaluated at activation although only needed on first use: ${loaded.join(', ')}`);
  });

  it('a returning user: this month’s usage ledger is priced for the status bar after startup, not in activate()', () => {
    // The status bar's savings price this month's answers, which loads the price database (~60 ms);
    // its first full render waits FIRST_BREAKDOWN_MS. Read right after activation, then after that wait.
    const now = Date.now();
    const day = dayKey(now, systemOffset(now));
    const entries = [{ model: 'gpt-4o', placement: 'cloud', answers: 2, usd: 0.02, tokensIn: 4000, tokensOut: 1000, unpriced: 0 }];
    const globalState = { [USAGE_LEDGER_KEY]: { version: 1, days: [{ day, entries }] } };
    const atStartup = runChild(lazyBundle, 'activate', { globalState });
    assert.equal(atStartup.error, undefined, atStartup.error);
    assert.ok(!atStartup.bundled.includes('@pydantic/genai-prices'), `priced during activation: ${atStartup.bundled.join(', ')}`);
    // Positive control: the seeded ledger is read and priced once the wait is over.
    const later = runChild(lazyBundle, 'activate', { globalState, settleMs: FIRST_BREAKDOWN_MS + 500 });
    assert.equal(later.error, undefined, later.error);
    assert.ok(later.bundled.includes('@pydantic/genai-prices'), `expected the price database after ${FIRST_BREAKDOWN_MS} ms; saw ${later.bundled.join(', ')}`);
  });

  it('positive control: the markers do fire when those packages are imported eagerly', () => {
    const r = runChild(eagerBundle, 'load');
    assert.equal(r.error, undefined, r.error);
    for (const name of ['openai', '@anthropic-ai/sdk', 'redis', '@redis/client', 'acorn', 'vectra', 'prom-client']) {
      assert.ok(r.bundled.includes(name), `expected a marker for ${name}; saw ${r.bundled.join(', ')}`);
    }
  });

  it('dist/extension.js, as built, loads under the stub without requiring those packages at runtime', () => {
    const dist = path.join(repoRoot, 'dist', 'extension.js');
    // `npm test` builds dist/ first (pretest), so a missing bundle is a broken setup, not a reason to skip.
    assert.ok(fs.existsSync(dist), `dist/extension.js is missing (${dist}): run \`npm run build\` first (npm test does this).`);
    const r = runChild(dist, 'activate');
    assert.equal(r.error, undefined, `dist/extension.js failed to load or activate under the stub: ${r.error}`);
    assert.deepEqual(r.required.filter(isLazyPackage), []);
  });

  it('acorn still loads on first use: validateQuality flags a JavaScript block that does not parse', () => {
    const bad = validateQuality('Here:\n```js\nfunction (\n```\nThat is all.');
    assert.ok(
      bad.reasons.some((reason) => /js block 1 does not parse/.test(reason)),
      JSON.stringify(bad),
    );
    assert.deepEqual(validateQuality('Here:\n```js\nconst a = 1;\n```\nThat is all.').reasons, []);
  });
});

describe('packageOf', () => {
  it('names the innermost package, scoped or not, on either separator', () => {
    assert.equal(packageOf('/r/node_modules/openai/index.mjs'), 'openai');
    assert.equal(packageOf('/r/node_modules/@redis/client/dist/lib/x.js'), '@redis/client');
    assert.equal(packageOf('/r/node_modules/redis/node_modules/@redis/json/a.js'), '@redis/json');
    assert.equal(packageOf('C:\\r\\node_modules\\@anthropic-ai\\sdk\\index.js'), '@anthropic-ai/sdk');
  });

  it('returns undefined for files outside node_modules', () => {
    assert.equal(packageOf('/r/src/extension.ts'), undefined);
    assert.equal(packageOf(''), undefined);
  });

  it('isLazyPackage matches the whole name only', () => {
    assert.ok(isLazyPackage('@anthropic-ai/sdk'));
    assert.ok(isLazyPackage('@redis/client'));
    assert.ok(!isLazyPackage('openai-like'));
    assert.ok(!isLazyPackage('acorn-walk'));
  });
});
