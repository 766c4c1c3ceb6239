import * as assert from 'node:assert/strict';
import { credentialFileLines } from '../../../src/core/security/credentialFileLines';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 18 (issue #13): secrets in daemons' credential-file lines and tools' output, where no name sits next to
// the value (the ninth and tenth held-out splits' misses, as a family of the generic detector). Values are
// synthetic; daemons, files and surroundings differ from the corpus records.
const guard = new PrivacyGuard();
const found = (text: string, path?: string) => credentialFileLines(text, path).map((s) => text.slice(s.start, s.end));
const scan = (text: string, path?: string) =>
  path === undefined ? guard.scan({ prompt: text }) : guard.scan({ prompt: 'see attached', attachments: [{ path, content: text }] });
const PW = 'Wq7#nLz2Rk9vTp';
// A random 384-character token (base64 of random bytes), longer than any single-line rule reads.
const LONG = Array.from({ length: 12 }, (_, i) => `Zp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG${i.toString(36)}+`).join('/');
const HEX = '9e4c1a7f3b2d8e06c5a1f4b7d9e2c3a8f1b6d0e4';

describe('credential-file lines and tool output (generic detector, session 18)', () => {
  const cases: Array<[family: string, text: string, secret: string, path?: string]> = [
    ['passwd-file line with a clear-text scheme', `relay@lab.example:{CLEARTEXT}${PW}:2001:2001::/srv/mail/relay::`, PW],
    ['key file id / algorithm / hex key', `# chrony keys\n7 SHA256 HEX:${HEX}\n`, HEX],
    ['key file with a printable key', `12 MD5 ${PW}`, PW],
    ['directive taking user:password', `frontend admin\n    basic_auth   monitor:${PW}\n`, PW],
    ['JAAS user_<name> option', `Server {\n  org.example.PlainLoginModule required\n  user_ingest="${PW}";\n};`, PW],
    ['generated password announced by a tool', `Resetting the password of user [kibana_system]\nGenerated password: ${PW}\n`, PW],
    ['sensitive attribute listed by the state file', stateFile(PW), PW],
    [
      'cookie jar value',
      `# Netscape HTTP Cookie File\n.lab.example\tTRUE\t/\tTRUE\t1999999999\tsession\tZp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG\n`,
      'Zp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG',
    ],
    [
      'cookie jar name=value',
      `.git.lab.example\tTRUE\t/\tTRUE\t1999999999\to\tgit-ops.lab.example=1/Zp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG`,
      '1/Zp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG',
    ],
    ['file named for a secret: one long token', `${LONG}\n`, LONG, 'ops/vault_unseal_secret'],
    ['file named for a secret: user:password lines', `mirror:${PW}\nbackup:Ht4nZq8LmV2x\n`, PW, 'conf/ftp.secrets'],
    ['file named for auth: user line, password line', `svc-kiosk-22\n${PW}\n`, PW, 'vpn/auth.txt'],
  ];
  for (const [family, text, secret, path] of cases) {
    it(`finds and redacts: ${family}`, async () => {
      assert.ok(found(text, path).includes(secret), `${family}: ${JSON.stringify(found(text, path))}`);
      assert.ok(scan(text, path).localOnly, family);
      const r = await guard.redactDeep(text, path);
      assert.ok(!r.text.includes(secret), r.text);
    });
  }

  it('redacts a named file’s secret when the file is attached', async () => {
    const text = `svc-kiosk-22\n${PW}\n`;
    const r = await guard.redactDeep(text, 'vpn/auth.txt');
    assert.ok(!r.text.includes(PW), r.text);
    assert.ok(r.text.startsWith('svc-kiosk-22\n'), 'the user line is kept');
  });

  it('leaves the near misses alone', () => {
    const clean: Array<[string, string?]> = [
      // Hashed schemes, references and short values in passwd-file lines.
      [`relay@lab.example:{SHA512-CRYPT}$6$abc$Zp4q9Lm2Vt8K3wR7nB5c:2001:2001::/srv/mail/relay::`],
      ['relay@lab.example:{PLAIN}%{env:RELAY_PW}:2001:2001::'],
      // Key ids in a config (not a key file), a digest listing, a key of one repeated character.
      ['server 10.0.0.1 key 7 iburst\ntrustedkey 7'],
      ['7 SHA256 0000000000000000000000000000000000000000'],
      // A directive's user:password that is a hash or a reference, and prose with "auth".
      ['    basic_auth monitor:$apr1$x9$Zp4q9Lm2Vt8K3wR7nB5c0'],
      ['    stats auth admin:${STATS_PASSWORD}'],
      ['We use auth tokens: see the wiki page.'],
      // JAAS options that are references, and user_ names outside a login module.
      ['KafkaServer {\n  org.example.PlainLoginModule required\n  user_admin="${file:/run/secrets/kafka:admin}";\n};'],
      [`config = { user_agent="${PW}" }`],
      // A "new value" that is not about a secret, a generated id.
      ['Setting replicas for shard 3\nNew value: 4\nNew value: Zp4q9Lm2Vt8K3wR7nB5c'],
      ['Generated id: 8f2c1e7a-5b3d-4e9f-a1c2-7d8e9f0a1b2c'],
      // A state file without sensitive_attributes, and sensitive attribute names whose values are not secrets.
      [stateFile(PW).replace(/"sensitive_attributes"[\s\S]*?\]\s*\]/, '"other": []')],
      [stateFile('20').replace('"result"', '"length"')],
      // Cookie jars with preference cookies; named files with words, hashes or a README.
      ['.lab.example\tTRUE\t/\tFALSE\t1999999999\tlang\ten-GB'],
      ['mirror:$apr1$x9$Zp4q9Lm2Vt8K3wR7nB5c0\n', 'conf/.htpasswd'],
      ['Put the unseal key here, one line, no newline.\n', 'ops/vault_unseal_secret'],
      ['first line\nsecond line\n', 'vpn/auth.txt'],
      [`mirror:${PW}\n`, 'conf/mirror.conf'],
    ];
    for (const [text, path] of clean) assert.deepEqual(found(text, path), [], `${text} (${path ?? 'no path'})`);
  });
});

function stateFile(pw: string): string {
  return JSON.stringify(
    {
      version: 4,
      resources: [
        {
          type: 'random_string',
          name: 'api',
          instances: [{ attributes: { id: 'none', length: 20, result: pw }, sensitive_attributes: [[{ type: 'get_attr', value: 'result' }]] }],
        },
      ],
    },
    null,
    2,
  );
}
