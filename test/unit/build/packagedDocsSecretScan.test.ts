/**
 * `vsce package` refuses a package whose files hold anything its secret scan (secretlint's recommended
 * rules) calls a secret, so a README that quotes a token shape breaks `npm run package`, `npm start` and the
 * vsix suites. The same scan, run here on the documents the package carries, names the line at once.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

interface LintOutcome {
  ok: boolean;
  results: unknown[];
}

interface VsceSecretLint {
  lintFiles(files: string[], scanSecrets: boolean, scanDotEnv: boolean): Promise<LintOutcome>;
  lintText(content: string, fileName: string, scanSecrets: boolean, scanDotEnv: boolean): Promise<LintOutcome>;
  prettyPrintLintResult(result: unknown): string;
}

// vsce's own module: the rules and options it packages with, not a copy of them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vsce = require('@vscode/vsce/out/secretLint') as VsceSecretLint;

describe('the packaged documents pass vsce’s secret scan', function () {
  this.timeout(900_000); // CPU-bound: a limit that only catches a hang, however loaded the machine

  it('README.md, CHANGELOG.md and LICENSE hold nothing vsce calls a secret', async () => {
    const files = ['README.md', 'CHANGELOG.md', 'LICENSE'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
    assert.ok(
      files.some((f) => f.endsWith('README.md')),
      'README.md is missing',
    );
    const { ok, results } = await vsce.lintFiles(files, true, true);
    assert.deepEqual(results.map(vsce.prettyPrintLintResult), [], 'vsce package would refuse these lines');
    assert.equal(ok, true);
  });

  it('positive control: the scan does find a Slack-shaped token in Markdown', async () => {
    const found = await vsce.lintText('Slack sample: `xoxb-not-a-real-token-this-will-not-work`\n', 'README.md', true, true);
    assert.equal(found.ok, false);
    assert.equal(found.results.length, 1, JSON.stringify(found));
  });
});
