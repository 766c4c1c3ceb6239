import * as assert from 'node:assert/strict';
import { lmErrorToJarvis } from '../../../../src/vscode/lm/lmErrorToJarvis';

describe('lmErrorToJarvis (vscode.lm errors → JarvisError)', () => {
  it('maps each LanguageModelError code to the code the router acts on', () => {
    const cases: [string | undefined, string][] = [
      ['NoPermissions', 'auth-failed'],
      ['Blocked', 'rate-limited'],
      ['NotFound', 'model-not-found'],
      ['Unknown', 'provider-error'],
      [undefined, 'provider-error'],
    ];
    for (const [code, expected] of cases) {
      const e = lmErrorToJarvis(code, 'detail', 'gpt-4o');
      assert.equal(e.code, expected, String(code));
      assert.equal(e.details.provider, 'vscode');
      assert.equal(e.details.model, 'gpt-4o');
      assert.match(e.message, /gpt-4o/);
      assert.match(e.message, /\(detail\)/);
    }
  });

  it('tells the user how to grant access when consent was refused', () => {
    assert.match(lmErrorToJarvis('NoPermissions', '', 'claude').message, /Manage Language Model Access/);
  });

  it('keeps the original error as the cause', () => {
    const cause = new Error('boom');
    assert.equal(lmErrorToJarvis('Unknown', 'boom', 'm', cause).cause, cause);
  });
});
