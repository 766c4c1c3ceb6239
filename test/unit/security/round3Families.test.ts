import * as assert from 'node:assert/strict';
import { commandArguments } from '../../../src/core/security/commandArguments';
import { credentialFileLines } from '../../../src/core/security/credentialFileLines';
import { genericCredentials } from '../../../src/core/security/genericCredentials';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { sessionCalls } from '../../../src/core/security/sessionCalls';

// Session 19 (issue #13): the twelfth held-out split's misses and false positives, as families. Every value here is
// synthetic and written for these tests (none is a `train-12` record's); each family has a look-alike beside it.
const guard = new PrivacyGuard();
const values = (text: string, path?: string) => genericCredentials(text, path).map((s) => ({ value: text.slice(s.start, s.end), via: s.via }));
const sliced = (text: string, spans: Array<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end));

describe('round-3 families: wrapped values, credential blocks, device configs, calls and scripts (session 19)', () => {
  const found: Array<[family: string, text: string, secret: string, via: string, path?: string]> = [
    [
      'a parameters file’s wrapped value',
      `{\n  "parameters": {\n    "sqlAdminPassword": { "value": "Tr6!mQz2Lk8#Vw" },\n    "location": { "value": "westeurope" }\n  }\n}`,
      'Tr6!mQz2Lk8#Vw',
      'name',
    ],
    [
      'a credential block’s entries (JSON)',
      `{\n  "networkKeys": {\n    "S0_Legacy": "9F3A6C1E7B2D4F80A5C3E1B7D9F2A4C6",\n    "S2_Access": "1C7E3A9F5B2D8E4A6C0F3B7D1E9A5C2F"\n  }\n}`,
      '1C7E3A9F5B2D8E4A6C0F3B7D1E9A5C2F',
      'name',
    ],
    [
      'a credential block’s entries (YAML)',
      `upstreams:\n  tokens:\n    billing: Xq8vLm3Tz7Rk2pW9nB4c\n    search: Pm4Wq9Lz2Vx7Tk3Rn8Bd\n  timeout: 30\n`,
      'Pm4Wq9Lz2Vx7Tk3Rn8Bd',
      'name',
    ],
    ['a clear-text type digit (IOS key 0)', `radius server NPS-02\n address ipv4 10.9.0.4 auth-port 1812\n key 0 Hv7qLm2Zt9Rx\n`, 'Hv7qLm2Zt9Rx', 'name'],
    ['a clear-text type digit mid-line (IOS username)', `username netops privilege 15 password 0 Kq4#vLm9Zt2x\n`, 'Kq4#vLm9Zt2x', 'name'],
    ['a script command’s +login user password', `./steamcmd.sh +login relaybot Zk7Qm2Lv9Tx4 +app_update 380870 +quit`, 'Zk7Qm2Lv9Tx4', 'command'],
    ['a password-named call’s (user, password)', `client.username_pw_set("sensor-gw", "Rv5!qLm8Zt2k")`, 'Rv5!qLm8Zt2k', 'call'],
    ['a password-named call’s numeric access code', `mqttc.username_pw_set('bblp', '40718263')`, '40718263', 'call'],
    [
      'a colon file’s host:user:password',
      `# host:login:password\n*.relay.lab.example:mailer@lab.example:Wq8zLm3Tv6Rk\n`,
      'Wq8zLm3Tv6Rk',
      'file-line',
      'exim4/passwd.client',
    ],
  ];
  for (const [family, text, secret, via, path] of found) {
    it(`finds and redacts: ${family}`, async () => {
      assert.ok(
        values(text, path).some((s) => s.value === secret && s.via === via),
        `${family}: ${JSON.stringify(values(text, path))}`,
      );
      const v = await guard.scanDeep({ prompt: 'why does this fail?', attachments: [{ path: path ?? 'config.txt', content: text }] });
      assert.ok(v.localOnly, family);
      assert.ok(!(await guard.redactDeep(text, path)).text.includes(secret));
    });
  }

  it('finds a DNS TSIG key given as algorithm:name:secret, and redacts only the secret', () => {
    const cmd = `nsupdate -y hmac-sha512:ddns-lab:Q2F0c0FuZERvZ3NMaXZlVG9nZXRoZXIxMjM0NTY3OA== <<EOF\nsend\nEOF`;
    const v = guard.scan({ prompt: cmd });
    assert.ok(v.localOnly);
    assert.ok(
      v.reasons.some((r) => r.startsWith('DNS TSIG key')),
      v.reasons.join('; '),
    );
    const red = guard.redact(cmd);
    assert.ok(!red.includes('Q2F0c0FuZERvZ3NMaXZlVG9nZXRoZXIxMjM0NTY3OA=='), red);
    assert.ok(red.includes('hmac-sha512:ddns-lab:'), red);
  });

  const clean: Array<[family: string, text: string, path?: string]> = [
    [
      'string resources in another language',
      `{\n  "@@locale": "de",\n  "passwordLabel": "Kennwortänderung",\n  "tokenHint": "Zugangsschlüssel",\n  "secretTitle": "Geheimnisse"\n}`,
      'lib/l10n/app_de.arb',
    ],
    [
      'a browser SDK initialised from a JavaScript import',
      `import posthog from 'posthog-js';\n\nposthog.init('6f1d2c9a4e7b3a0c5d8e1f2a3b4c5d6e', { api_host: 'https://eu.example.com' });\n`,
      'src/analytics.js',
    ],
    [
      'public keys nested under a key block',
      `{\n "keys": {\n  "3f9a1c": {\n   "keytype": "ed25519",\n   "keyval": {\n    "public": "5b8e2d7f1a4c9e3b6d0f2a8c4e1b7d9f3a6c0e2b8d4f1a7c9e3b5d0f2a6c8e1b"\n   }\n  }\n }\n}`,
      'metadata/2.root.json',
    ],
    [
      'a credential block of references',
      `secrets:\n  db_password:\n    file: ./secrets/db_password.txt\n  api_token:\n    environment: API_TOKEN\n`,
      'compose.yaml',
    ],
    [
      'a hashed type digit (IOS secret 9)',
      `enable algorithm-type scrypt secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM\n`,
      'running-config.txt',
    ],
    ['an anonymous script login', `./steamcmd.sh +login anonymous +app_update 896660 validate +quit`, 'Dockerfile'],
  ];
  for (const [family, text, path] of clean) {
    it(`does not flag: ${family}`, async () => {
      const v = await guard.scanDeep({ prompt: 'Is this fine?', attachments: [{ path: path ?? 'notes.txt', content: text }] });
      assert.equal(v.localOnly, false, `${family}: ${v.reasons.join('; ')}`);
    });
  }

  it('reads a Python import as a module setup, not a JavaScript default import', () => {
    const py = `import rollbar\nrollbar.init('3c9e1f2a4b6d8e0f1a3c5e7b9d2f4a6c')`;
    assert.deepEqual(sliced(py, sessionCalls(py)), ['3c9e1f2a4b6d8e0f1a3c5e7b9d2f4a6c']);
    const js = `import rollbar from 'rollbar-browser'\nrollbar.init('3c9e1f2a4b6d8e0f1a3c5e7b9d2f4a6c')`;
    assert.deepEqual(sessionCalls(js), []);
  });

  it('takes the last field of a colon file line as the password, and leaves hashed ones', () => {
    const fields = `smtp.lab.example:587:relay:app:Vb7#Lq2mZt9x\n`;
    assert.deepEqual(sliced(fields, credentialFileLines(fields, 'smtp/passwd.client')), ['Vb7#Lq2mZt9x']);
    const hashed = `relay.lab.example:mailer:$6$rounds=5000$abc$Zk3mQ9vT2pL7xW4rB8nC1dF6\n`;
    assert.deepEqual(credentialFileLines(hashed, 'passwd.client'), []);
  });

  it('does not read a +login’s next script command as the password', () => {
    const text = `steamcmd +login builder +app_update 740 +quit`;
    assert.deepEqual(commandArguments(text), []);
  });
});
