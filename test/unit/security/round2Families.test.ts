import * as assert from 'node:assert/strict';
import { commandArguments } from '../../../src/core/security/commandArguments';
import { credentialName } from '../../../src/core/security/credentialName';
import { genericCredentials } from '../../../src/core/security/genericCredentials';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { publicInContext } from '../../../src/core/security/publicInContext';

// Session 18, round 2 (issue #13): the eleventh held-out split's misses and false positives, as families of the
// generic detector. Every value here is synthetic and written for these tests (none is a `train-11` record's).
const guard = new PrivacyGuard();
const spans = (text: string, path?: string) => genericCredentials(text, path).map((s) => ({ value: text.slice(s.start, s.end), via: s.via }));
const PW = 'Wv8#qT2mZr5Lk';
const TOKEN = 'Zt8qLm2Vx7Rk4pW9nB3c';

describe('round-2 families: config names, tool commands, URLs and calls (generic detector, session 18)', () => {
  const cases: Array<[family: string, text: string, secret: string, via: string, path?: string]> = [
    ['`pass` glued to what it opens (PHP config object)', `$config->rootpass = "Gm5%tQz8Lk2!vR";`, 'Gm5%tQz8Lk2!vR', 'name'],
    ['`pass` glued to what it opens (shell variable)', `SMTPPASS='${PW}'\nSMTPHOST=mail.lab.example`, PW, 'name'],
    [
      'an INI key of two words',
      `[replication]\n  enabled = yes\n  secret key = 7f3e9a1c-2b4d-4e8f-9a6b-1c3d5e7f9a0b\n`,
      '7f3e9a1c-2b4d-4e8f-9a6b-1c3d5e7f9a0b',
      'name',
    ],
    ['a command’s `--auth` flag', `python3 tools/ota.py -i 192.168.7.50 -p 8266 --auth=Pq7Lm2xZ9v -f build/fw.bin`, 'Pq7Lm2xZ9v', 'name'],
    ['`-k` on a line that encrypts', `openssl aes-256-cbc -d -in db.tar.enc -out db.tar -k "Zr8mQ2vLp5tWx"`, 'Zr8mQ2vLp5tWx', 'flag'],
    ['an archiver’s password glued to -p', `7z a -pH4v!qL9zR2m -mhe=on vault.7z docs/`, 'H4v!qL9zR2m', 'command'],
    ['rar’s header-encryption password glued to -hp', `rar a -r -hpKd3#Vm9qLx2 ledger.rar ledger/`, 'Kd3#Vm9qLx2', 'command'],
    ['Windows run-as password switch', `schtasks /change /tn Sync /ru CORP\\svc_sync /rp ${PW}`, PW, 'command'],
    ['an API key’s secret stored by its CLI', `acme api-key store AK7QZ2LMN4RT ${TOKEN}Qe9/+x --resource lsrc-4k2m9q`, `${TOKEN}Qe9/+x`, 'command'],
    ['a change_password subcommand’s positionals', `rabbitmqctl change_password ingest ${PW}`, PW, 'command'],
    ['a passwd subcommand’s positionals', `broker-ctl users passwd ops 'Hr5#kLq2zVm8'`, 'Hr5#kLq2zVm8', 'command'],
    ['a login command’s e-mail then password', `vaultbox login ops@lab.example 'Yq3#vLm8Zt2p' --region eu`, 'Yq3#vLm8Zt2p', 'command'],
    ['a package manager’s http-basic auth setting', `composer config http-basic.repo.lab.example ci-user ${PW}`, PW, 'command'],
    ['a package manager’s bearer auth setting', `composer config --global bearer.pkgs.lab.example Xk9Lq2vT7mZp4Rw8`, 'Xk9Lq2vT7mZp4Rw8', 'command'],
    ['a resource file’s $USERn$ macro', `# plugins\n$USER1$=/usr/lib64/nagios/plugins\n$USER7$=Qz4#mLt8Vr2k\n`, 'Qz4#mLt8Vr2k', 'file-line'],
    [
      'a UUID in an integration endpoint’s path',
      `POST https://alerts.lab.example/integrations/rest/20240101/alert/0c6e2f9a-3b7d-4e1a-8c5f-2d9b7a1e4f60/ops-team`,
      '0c6e2f9a-3b7d-4e1a-8c5f-2d9b7a1e4f60',
      'url',
    ],
    ['a random segment in a webhook path', `curl -d @event.json https://ci.lab.example/webhooks/build/${TOKEN}/trigger`, TOKEN, 'url'],
    [
      'a Python module’s own setup call',
      `import telemetry_kit\n\ntelemetry_kit.init("9c2e4f6a8b1d3e5f7a9c0b2d4e6f8a1c", env="prod")\n`,
      '9c2e4f6a8b1d3e5f7a9c0b2d4e6f8a1c',
      'call',
    ],
    [
      'an endpoint and a token as a literal pair',
      `CAMERAS = [('https://cam1.lab.example', '${TOKEN}')]\nfor url, tok in CAMERAS:\n    requests.get(url, headers={'Authorization': tok})\n`,
      TOKEN,
      'call',
    ],
  ];
  for (const [family, text, secret, via, path] of cases) {
    it(`finds and redacts: ${family}`, async () => {
      const found = spans(text, path);
      assert.ok(
        found.some((s) => s.value === secret && s.via === via),
        `${family}: ${JSON.stringify(found)}`,
      );
      assert.ok((await guard.scanDeep({ prompt: text })).localOnly, family);
      assert.ok(!(await guard.redactDeep(text)).text.includes(secret), (await guard.redactDeep(text)).text);
    });
  }

  it('reads only the secret of an API-key store, not the ids after its flags', () => {
    const text = `acme api-key store AK7QZ2LMN4RT ${TOKEN}Qe9/+x --resource lsrc-4k2m9q`;
    assert.deepEqual(
      commandArguments(text).map((s) => text.slice(s.start, s.end)),
      [`${TOKEN}Qe9/+x`],
    );
  });

  it('names: `pass` glued to its owner is a credential; other passes, `.pgpass` and public compound keys are not', () => {
    assert.equal(credentialName('dbpass'), 'strong');
    assert.equal(credentialName('ADMINPASS'), 'strong');
    assert.equal(credentialName('bypass'), undefined);
    assert.equal(credentialName('compass'), undefined);
    assert.equal(credentialName('pgpass'), undefined);
    assert.equal(credentialName('data-sitekey'), undefined);
    assert.equal(credentialName('clientkey'), undefined);
    assert.equal(credentialName('secret key'), 'strong');
  });

  it('leaves the near misses alone', () => {
    const clean = [
      `$route->bypass = 'maintenance_mode';`,
      `compass = 'north-north-west'`,
      `[db]\n  primary key = 7f3e9a1c-2b4d-4e8f-9a6b-1c3d5e7f9a0b\n`,
      `python3 tools/ota.py --auth=basic -f build/fw.bin`,
      `openssl enc -aes-256-cbc -in a.tar -out a.enc -kfile /etc/backup/key.txt`,
      `curl -k https://self-signed.lab.example/health`,
      `7z a -p -mhe=on vault.7z docs/`,
      `rar a -hp ledger.rar ledger/`,
      `schtasks /create /tn Sync /ru CORP\\svc_sync /rp "%SVC_PASSWORD%"`,
      `acme api-key use AK7QZ2LMN4RT --resource lsrc-4k2m9q`,
      `sudo passwd alice`,
      `broker-ctl users passwd ops`,
      `please login ops@lab.example to see the dashboard`,
      `composer config http-basic.repo.lab.example`,
      `composer config --unset http-basic.repo.lab.example`,
      `$USER1$=/usr/lib64/nagios/plugins\n$USER2$=monitor\n`,
      `https://docs.lab.example/integrations/slack-notifications-setup-guide`,
      `https://api.lab.example/repos/acme/app/hooks/12345678901234567/deliveries`,
      `import logging\nlogging.init("app")`,
      `CAMERAS = [('https://cam1.lab.example', 'primary-region-west')]\nrequests.get(url, headers={'Authorization': tok})`,
    ];
    for (const text of clean) assert.deepEqual(spans(text), [], text);
  });
});

describe('round-2 families: look-alikes that are hashes, digests, wrapped keys and public ids (session 18)', () => {
  const clean: Array<[family: string, text: string, path?: string]> = [
    [
      'a SQL Server login’s stored hash (0x0200)',
      `CREATE LOGIN [etl_reader] WITH PASSWORD = 0x0200${'3A9F'.repeat(2)}${'C4D1E2F3A4B5C6D7'.repeat(8)} HASHED, CHECK_POLICY = OFF`,
    ],
    [
      'a SQL Server login’s stored hash (0x0100)',
      `sp_addlogin @loginame = 'old_app', @passwd = 0x0100${'5B7D9F1A'.repeat(6)}, @encryptopt = 'skip_encryption'`,
    ],
    ['an S2K-hashed control password', `ControlPort 9151\nHashedControlPassword 16:${'0F3B7C9A1D5E'.repeat(4)}4A6C8E0B2D\n`],
    [
      'an argon2 hash with doubled `$` (compose)',
      `environment:\n  ADMIN_TOKEN: '$$argon2id$$v=19$$m=19456,t=2,p=1$$c2FsdHNhbHRzYWx0c2FsdA$$Zk3mQ9vT2pL7xW4rB8nC1dF6hJ0sG5aE2iO7uKyM3qA'`,
    ],
    [
      'digests under a checksum section header',
      `DEPENDENCIES:\n  - Alamofire (5.9.1)\n\nSPEC CHECKSUMS:\n  Alamofire: 3c9e1f2a4b6d8e0f1a3c5e7b9d2f4a6c8e0b1d3f\n  Kingfisher: 7e5d3c1b9a8f6e4d2c0b1a3f5e7d9c2b4a6f8e0d\n`,
      'ios/Podfile.lock',
    ],
    [
      'a key-derivation document’s salt and wrapped key',
      `{"kdf": "scrypt", "N": 16384, "r": 8, "p": 1, "salt": "Qm9vdHN0cmFwU2FsdFZhbHVlRm9yVGVzdHNPbmx5QUJDRA==", "data": "R2VuZXJpY1dyYXBwZWRLZXlCbG9iRm9yVW5pdFRlc3RzMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A="}`,
      'repo/keys/4f1c',
    ],
    ['a widget’s public site key', `<div class="g-recaptcha" data-sitekey="6LdQx7kpAAAAAJz4Vm2qLt8Rk5Wn3Bc9Xy1Ef0Gh"></div>`, 'templates/signup.html'],
    [
      'an app string resource named for the public client token',
      `<resources>\n    <string name="sdk_app_id">418203957716</string>\n    <string name="sdk_client_token">a7c3e9f1b5d2048e6a1c3f5b7d9e0a2c</string>\n</resources>`,
      'app/src/main/res/values/sdk.xml',
    ],
  ];
  for (const [family, text, path] of clean) {
    it(`does not flag: ${family}`, async () => {
      const v = await guard.scanDeep({ prompt: 'Is this fine?', attachments: [{ path: path ?? 'notes.txt', content: text }] });
      assert.equal(v.localOnly, false, `${family}: ${v.reasons.join('; ')}`);
    });
  }

  it('classifies the hash shapes and nothing near them', () => {
    assert.equal(notASecret(`0x0200${'AB12'.repeat(2)}${'0123456789ABCDEF'.repeat(8)}`), 'password-hash');
    assert.equal(notASecret(`16:${'A1B2C3D4E5F6'.repeat(4)}0A1B2C3D4E`), 'password-hash');
    assert.equal(notASecret('$$argon2id$$v=19$$m=65536,t=3,p=4$$c2FsdHNhbHQ$$aGFzaGhhc2hoYXNoaGFzaA'), 'password-hash');
    // Wrong lengths are not those hashes.
    assert.equal(notASecret(`0x0200${'AB12'.repeat(4)}`), undefined);
    assert.equal(notASecret(`16:${'A1B2C3D4'.repeat(3)}`), undefined);
    assert.equal(notASecret('$$Xk9Lq2vT7mZp4Rw8$$'), undefined);
  });

  it('keeps secrets beside the look-alikes: a client secret resource, a key section, a password in a KDF document', () => {
    const res = `<resources>\n    <string name="sdk_client_secret">Vb7#Lq2mZt9xWr4K</string>\n</resources>`;
    const at = res.indexOf('Vb7#');
    assert.equal(publicInContext(res, at, at + 16), undefined);
    const keys = `API KEYS:\n  payments: 3c9e1f2a4b6d8e0f1a3c5e7b9d2f4a6c8e0b1d3f\n`;
    const k = keys.indexOf('3c9e');
    assert.equal(publicInContext(keys, k, k + 40), undefined);
    const doc = `{"kdf": "scrypt", "password": "Vb7#Lq2mZt9xWr4K"}`;
    const p = doc.indexOf('Vb7#');
    assert.equal(publicInContext(doc, p, p + 16), undefined);
    assert.deepEqual(
      spans(doc).map((s) => s.value),
      ['Vb7#Lq2mZt9xWr4K'],
    );
  });
});
