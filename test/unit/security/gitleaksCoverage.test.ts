import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { CORPUS_DIR, readCorpus, TRAINING_SPLITS } from '../../../bench/secrets/secretCorpus';

interface GitleaksMapping {
  rules: Record<string, string[]>;
  withoutPositive: Record<string, string>;
  identifiers: Record<string, string>;
}

/** The committed mapping from gitleaks' default rule ids to the corpus's positive kinds (its $comment says how it was made). */
const mapping = JSON.parse(readFileSync(path.join(CORPUS_DIR, '..', 'gitleaks-default-rules.json'), 'utf8')) as GitleaksMapping;
// Training splits only, as in secretDetection.test.ts: the held-out split is for `npm run bench` alone.
const positives = TRAINING_SPLITS.flatMap((split) => readCorpus(split)).filter((s) => s.label === 'secret');

describe("gitleaks' default rules: each mapped rule has a caught positive in the training corpus", function () {
  this.timeout(30_000);
  const guard = new PrivacyGuard();

  it('names each rule once, in one of its three lists, with a reason for every rule without a positive', () => {
    const lists = [Object.keys(mapping.rules), Object.keys(mapping.withoutPositive), Object.keys(mapping.identifiers)];
    const all = lists.flat();
    assert.equal(new Set(all).size, all.length, 'a rule id is listed twice');
    // The default config has about 220 rules; a mapping of a handful would not be the claim.
    assert.ok(all.length >= 200, `${all.length} rule ids`);
    assert.ok(lists[0].length >= 100, `${lists[0].length} mapped rules`);
    for (const [id, why] of [...Object.entries(mapping.withoutPositive), ...Object.entries(mapping.identifiers)]) assert.ok(why.length > 10, id);
    for (const must of [
      'aws-access-token',
      'github-pat',
      'gitlab-pat',
      'openai-api-key',
      'anthropic-api-key',
      'slack-bot-token',
      'private-key',
      'jwt',
      'generic-api-key',
    ])
      assert.ok(mapping.rules[must], `${must} is not mapped`);
  });

  for (const [rule, kinds] of Object.entries(mapping.rules)) {
    it(`${rule}: ${kinds.join(', ')}`, async () => {
      const samples = positives.filter((s) => kinds.includes(s.kind));
      for (const k of kinds)
        assert.ok(
          samples.some((s) => s.kind === k),
          `no training positive of kind "${k}"`,
        );
      const missed: string[] = [];
      for (const s of samples) {
        const v = await guard.scanDeep({ prompt: s.text, attachments: s.attachments });
        if (!v.localOnly) missed.push(s.id);
      }
      assert.deepEqual(missed, [], 'positives the guard let through');
    });
  }
});
