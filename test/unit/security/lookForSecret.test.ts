import * as assert from 'node:assert/strict';
import * as path from 'node:path';

/** The probe extension's walker, loaded from the fixture as the extension host loads it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lookForSecret } = require(path.resolve(__dirname, '../../../../test/fixtures/probe-extension/lookForSecret.js')) as {
  lookForSecret(root: unknown, isSecret: (s: string) => boolean): Promise<{ found: string[]; looked: number }>;
};

const KEY = 'sk-probe-0123456789';
const isKey = (s: string) => s.includes(KEY);

describe('the probe extension\'s key search (so that "no key found" in the real VS Code means something)', () => {
  it('finds a key behind an async method taking a provider name, as the old public API exposed it', async () => {
    const api = { chatHandler: () => undefined, secrets: { get: async (p: string) => (p === 'openai' ? KEY : undefined), clear: async () => undefined } };
    const { found } = await lookForSecret(api, isKey);
    assert.deepEqual(found, ['exports.secrets.get("openai")']);
  });

  it('finds keys in getters, class prototypes, Maps, nested promises and error messages', async () => {
    class Store {
      #key = KEY;
      get current() {
        return this.#key;
      }
    }
    const probes: unknown[] = [
      new Store(),
      { cache: new Map([['openai', { value: KEY }]]) },
      { later: Promise.resolve({ deeper: Promise.resolve(KEY) }) },
      { fail: () => Promise.reject(new Error(`bad key ${KEY}`)) },
      Object.defineProperty({}, 'hidden', { value: KEY, enumerable: false }),
    ];
    for (const p of probes) assert.ok((await lookForSecret(p, isKey)).found.length > 0, JSON.stringify(Object.keys(p as object)));
  });

  it('finds nothing in undefined exports or an object without the key, and says how much it looked at', async () => {
    assert.deepEqual(await lookForSecret(undefined, isKey), { found: [], looked: 1 });
    const r = await lookForSecret({ version: '1.0.0', ping: () => 'pong' }, isKey);
    assert.deepEqual(r.found, []);
    assert.ok(r.looked > 3, String(r.looked));
  });
});
