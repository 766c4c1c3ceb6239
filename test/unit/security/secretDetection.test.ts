import * as assert from 'node:assert/strict';
import { isJarvisError } from '../../../src/common/errors';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { SecretlintScanner } from '../../../src/core/security/SecretlintScanner';
import { readCorpus, TRAINING_SPLITS } from '../../../bench/secrets/secretCorpus';

// Only the TRAINING splits are read here: the held-out split is for `npm run bench` alone.
const train = TRAINING_SPLITS.flatMap((split) => readCorpus(split));

describe('secret detection (guard rules + secretlint) on the labelled corpus', function () {
  this.timeout(20_000);
  const guard = new PrivacyGuard();

  it('the training split covers the issue’s kinds, with look-alikes of every listed negative kind', () => {
    const kinds = new Set(train.map((s) => s.kind));
    for (const k of ['azure-storage', 'sendgrid', 'vault', 'twilio', 'api-key-header', 'docker-auth', 'command-line-password', 'discord'])
      assert.ok(kinds.has(k), k);
    for (const k of ['aws', 'private-key', 'github', 'openai', 'anthropic', 'slack', 'jwt', 'database-url', 'keyword-assignment', 'basic-auth'])
      assert.ok(kinds.has(k), k);
    for (const k of ['uuid', 'lockfile-integrity', 'base64-image', 'git-sha', 'ssh-public-key', 'pgp-public-key', 'doc-example-key'])
      assert.ok(kinds.has(k), k);
  });

  for (const s of train.filter((x) => x.label === 'secret')) {
    it(`catches and redacts ${s.id}`, async () => {
      const v = await guard.scanDeep({ prompt: s.text, attachments: s.attachments });
      assert.equal(v.localOnly, true, `${s.id} not flagged`);
      for (const r of v.reasons) assert.ok(!s.secret || !r.includes(s.secret), 'a reason must never repeat the secret');
      const parts = [{ content: s.text, path: undefined as string | undefined }, ...(s.attachments ?? [])];
      for (const p of parts) {
        const red = await guard.redactDeep(p.content, p.path);
        if (s.secret) assert.ok(!red.text.includes(s.secret), `${s.id}: secret survived redaction: ${red.text}`);
      }
    });
  }

  it('flags none of the training splits’ clean look-alikes', async () => {
    const flagged: string[] = [];
    for (const s of train.filter((x) => x.label === 'clean')) {
      const v = await guard.scanDeep({ prompt: s.text, attachments: s.attachments });
      if (v.localOnly) flagged.push(`${s.id}: ${v.reasons.join('; ')}`);
    }
    assert.deepEqual(flagged, []);
  });
});

describe('PrivacyGuard.scanDeep / redactDeep', () => {
  const SPAN = { kind: 'acme-token', label: 'Acme token', start: 6, end: 16 };

  it('adds what the second detector finds to the verdict and the redaction, and counts replacements', async () => {
    const guard = new PrivacyGuard({ deepScanner: async (text) => (text.startsWith('token ') ? [SPAN] : []) });
    const text = 'token acme123456 rest';
    const v = await guard.scanDeep({ prompt: text });
    assert.deepEqual(v.reasons, ['Acme token in prompt line 1']);
    assert.equal(guard.scan({ prompt: text }).localOnly, false, 'the synchronous scan uses the guard’s rules only');
    assert.deepEqual(await guard.redactDeep(text), { text: 'token [REDACTED:acme-token] rest', count: 1, kinds: ['acme-token'] });
  });

  it('merges a span both detectors find into one finding and one replacement', async () => {
    const key = `sk-ant-api03-${'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8'}`;
    const text = `key=${key} end`;
    const guard = new PrivacyGuard({ deepScanner: async () => [{ kind: 'anthropic', label: 'anthropic secret', start: 2, end: 4 + key.length }] });
    const red = await guard.redactDeep(text);
    assert.equal(red.count, 1);
    assert.equal(red.text, 'ke[REDACTED:anthropic-key] end');
    assert.equal((await guard.scanDeep({ prompt: text })).findings.length, 1);
  });

  it('passes the attachment path to the second detector and reports the attachment’s line', async () => {
    const seen: Array<string | undefined> = [];
    const guard = new PrivacyGuard({
      deepScanner: async (text, fileName) => {
        seen.push(fileName);
        return fileName === 'conf/app.ini' ? [{ kind: 'x', label: 'X secret', start: text.indexOf('s3'), end: text.indexOf('s3') + 2 }] : [];
      },
    });
    const v = await guard.scanDeep({ prompt: 'fix it', attachments: [{ path: 'conf/app.ini', content: 'a\nb\ns3' }] });
    assert.deepEqual(seen, [undefined, 'conf/app.ini']);
    assert.deepEqual(v.reasons, ['X secret in attachment conf/app.ini line 3']);
  });

  it('refuses bad input with a clear error, as scan does', async () => {
    const guard = new PrivacyGuard({ deepScanner: async () => [] });
    await assert.rejects(
      () => guard.scanDeep({ prompt: 3 } as never),
      (e: unknown) => isJarvisError(e, 'invalid-input'),
    );
    await assert.rejects(
      () => guard.scanDeep({ prompt: 'x', attachments: [{ content: 1 }] } as never),
      (e: unknown) => isJarvisError(e, 'invalid-input') && /Attachment 1/.test((e as Error).message),
    );
    await assert.rejects(
      () => guard.redactDeep(undefined as never),
      (e: unknown) => isJarvisError(e, 'invalid-input'),
    );
  });
});

describe('SecretlintScanner (secretlint recommended preset)', function () {
  this.timeout(20_000);
  const token = `ghp_${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}`;

  it('finds a GitHub token and reports its exact range', async () => {
    const text = `use ${token} here`;
    const spans = await SecretlintScanner.scan(text);
    assert.equal(spans.length, 1);
    assert.equal(text.slice(spans[0].start, spans[0].end), token);
    assert.equal(spans[0].kind, 'github');
  });

  it('ignores `secretlint-disable` comments: pasted text must not switch detection off', async () => {
    const text = `// secretlint-disable\nconst t = "${token}";\n// secretlint-enable`;
    assert.equal((await SecretlintScanner.scan(text)).length, 1);
    const line = `const t = "${token}"; // secretlint-disable-line`;
    assert.equal((await SecretlintScanner.scan(line)).length, 1);
  });

  it('returns nothing for empty text and for clean prose', async () => {
    assert.deepEqual(await SecretlintScanner.scan(''), []);
    assert.deepEqual(await SecretlintScanner.scan('How do I rotate a GitHub token safely?'), []);
  });
});
