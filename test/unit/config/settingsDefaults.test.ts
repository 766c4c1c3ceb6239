import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flattenDefaults } from '../../../src/core/config/settings';

interface Manifest {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
}

describe('settings defaults match package.json', () => {
  // Compiled to out/test/unit, so the repo root is three levels up.
  const root = path.resolve(__dirname, '../../../..');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const declared = manifest.contributes.configuration.properties;
  const defaults = flattenDefaults();

  it('every jarvis.* setting in package.json has the same default in code', () => {
    const keys = Object.keys(declared).filter((k) => k.startsWith('jarvis.'));
    assert.ok(keys.length > 0, 'package.json declares no jarvis.* settings');
    for (const key of keys) {
      assert.ok(key in defaults, `${key} is in package.json but not in DEFAULT_SETTINGS`);
      assert.deepEqual(declared[key].default, defaults[key], `default of ${key}`);
    }
  });

  it('every setting in code is declared in package.json', () => {
    for (const key of Object.keys(defaults)) {
      assert.ok(key in declared, `${key} is in DEFAULT_SETTINGS but not in package.json`);
    }
  });
});
