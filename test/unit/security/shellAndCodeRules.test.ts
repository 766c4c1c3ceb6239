import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 13's second pass (issue #13): credential shapes found by probing the rules with forms no split
// had: setters and DSL lines, SQL, libpq strings, session cookies, bare DER keys, PKCS#12, wallets, stdin and
// expect dialogues, network tools. Each is found and its secret redacted; the near misses stay clean.
const guard = new PrivacyGuard();
const kinds = (text: string) => guard.scan({ prompt: text }).findings.map((f) => f.kind);
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';
const PW = 'Tq9!vLm2xR7p';
const HEX64 = '9f3b7c2e1a8d4f6b0c5e7a9d2b4f6e8a1c3d5f7b9e0a2c4d6f8b1a3c5e7d9f0b';
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

describe('secret rules for shell and code forms (session 13, second pass)', () => {
  const cases: Array<[family: string, secret: string, text: (s: string) => string]> = [
    ['setter', PW, (s) => `ds.setPassword("${s}");`],
    ['DSL line', PW, (s) => `signingConfigs { release { storePassword "${s}" } }`],
    ['SQL', PW, (s) => `CREATE USER 'app'@'%' IDENTIFIED BY '${s}';`],
    ['SQL', PW, (s) => `ALTER ROLE app WITH LOGIN PASSWORD '${s}';`],
    ['libpq', PW, (s) => `psql "host=db user=app password=${s} dbname=x"`],
    ['session cookie', R.slice(0, 32), (s) => `Cookie: theme=dark; PHPSESSID=${s}`],
    ['bare DER key', `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ${R}${R}`, (s) => `KEY=${s}`],
    ['bare DER key', `MHcCAQEEI${R}${R.slice(0, 20)}`, (s) => `"ec": "${s}"`],
    ['PKCS#12', `MIIKPAIBAzCCCfYGCSqGSIb3DQEHAaCC${R}${R}`, (s) => `CERT_PFX_B64: ${s}`],
    ['wallet key', `0x${HEX64}`, (s) => `new ethers.Wallet("${s}")`],
    ['seed phrase', 'orbit maple cobalt river tundra ember quartz falcon lantern meadow abandon ability', (s) => `mnemonic = "${s}"`],
    ['Basic anywhere', Buffer.from(`ci:${PW}`).toString('base64'), (s) => `auth: Basic ${s}`],
    ['npm _auth', Buffer.from(`ci:${PW}`).toString('base64'), (s) => `_auth=${s}`],
    ['piped to sudo -S', PW, (s) => `echo '${s}' | sudo -S apt update`],
    ['piped to docker login', R.slice(0, 32), (s) => `echo "${s}" | docker login -u bot --password-stdin r.example.net`],
    ['chpasswd', PW, (s) => `echo "deploy:${s}" | chpasswd`],
    ['expect', PW, (s) => `expect "Password:"\nsend "${s}\\r"`],
    ['PowerShell', PW, (s) => `ConvertTo-SecureString "${s}" -AsPlainText -Force`],
    ['SNMP community', R.slice(0, 16), (s) => `snmpwalk -v2c -c ${s} 10.0.0.1`],
    ['nmcli', PW, (s) => `nmcli dev wifi connect Lab password ${s}`],
    ['OpenVPN auth-user-pass', PW, (s) => `<auth-user-pass>\nalice\n${s}\n</auth-user-pass>`],
    ['mongosh -p', PW, (s) => `mongosh mongodb://db/admin -u root -p ${s}`],
    ['ldapsearch -w', PW, (s) => `ldapsearch -x -D cn=admin,dc=x -w ${s}`],
    ['smbclient -U', PW, (s) => `smbclient //nas/b -U backup%${s}`],
    ['curl --oauth2-bearer', R.slice(0, 40), (s) => `curl --oauth2-bearer ${s} https://api`],
    ['BIP-32 xprv', `xprv9s21ZrQH143K${B58}${B58.slice(0, 37)}`, (s) => `restore ${s}`],
    ['NuGet key', `oy2${'abcdefghijklmnopqrstuvwxyz0123456789abcdefg'}`, (s) => `--api-key ${s}`],
    ['_pass name', PW, (s) => `10.0.0.7 ansible_ssh_pass=${s}`],
    ['header as a tuple', R.slice(0, 39), (s) => `metadata = (("x-goog-api-key", "${s}"),)`],
    ['*_KEY name', HEX64.slice(0, 32), (s) => `AZURE_OPENAI_KEY=${s} python eval.py`],
    ['*_PAT name', 'q7x2m4k9p3w8r5t1y6u0i2o4a7s9d3f5g8h1j4k6l9z2x5c8v1bn', (s) => `export ADO_PAT=${s}`],
    ['xAI', `xai-${R}${R.slice(0, 23)}`, (s) => `XAI_API_KEY ${s}`],
    ['Bitbucket app password', `ATBB${R.slice(0, 32)}`, (s) => `https://bot:${s}@bitbucket.org/x/y.git`],
  ];
  for (const [family, secret, make] of cases) {
    it(`finds and redacts: ${family} in ${make('…').split('\n')[0].slice(0, 50)}`, () => {
      const text = make(secret);
      assert.ok(guard.scan({ prompt: text }).localOnly, `${family}: not flagged`);
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }

  it('leaves the near misses alone: stored hashes, references, public keys, ordinary cookies, default communities', () => {
    const text = [
      `ALTER USER app PASSWORD 'md5${HEX64.slice(0, 32)}';`,
      `CREATE USER 'ro'@'%' IDENTIFIED WITH mysql_native_password BY PASSWORD '*${HEX64.slice(0, 40).toUpperCase()}';`,
      'echo "$REGISTRY_TOKEN" | docker login -u bot --password-stdin r.example.net',
      `PUBLIC_KEY=MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${R}${R.slice(0, 30)}`,
      'Cookie: _ga=GA1.2.1234567890; theme=dark; lang=de',
      'snmpwalk -v2c -c public 10.0.0.1 sysDescr',
      'ds.setPassword(System.getenv("DB_PASSWORD"));',
      '$pw = ConvertTo-SecureString $env:SVC_PW -AsPlainText -Force',
      'The password must be at least 12 characters.',
      `PUBLIC_KEY=${R}`,
      `CACHE_KEY=${HEX64.slice(0, 32)}`,
      `RECAPTCHA_SITE_KEY=6Le${R.slice(0, 37)}`,
    ].join('\n');
    assert.deepEqual(kinds(text), []);
    assert.equal(notASecret(`*${HEX64.slice(0, 40).toUpperCase()}`), 'password-hash');
  });
});
