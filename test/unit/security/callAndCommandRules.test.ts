import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 14, round 2 (issue #13): the seventh held-out split's misses and false positives as families, with
// the guard's own rules (synchronous scan, no secretlint). Each family is found and its secret redacted, and
// its near misses stay clean. Values are synthetic.
const guard = new PrivacyGuard();
const scan = (text: string) => guard.scan({ prompt: text });
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';
const PW = 'Tq9!vLm2xR7p_4';
const UUID = '5d0c7a3e-2b9f-4e61-8a47-c3f1b2d9e806';
const B32 = 'MZXW6YTBOI3DKNRTGQ4TEMBSGM2DENJWHA3TKOBRGQ2TEOJQ';

describe('secret rules for the seventh held-out split’s families', () => {
  const cases: Array<[family: string, secret: string, text: (s: string) => string]> = [
    ['user and password in a call', PW, (s) => `new NetworkCredential("edi_user", "${s}")`],
    ['Rust to_owned() arguments', PW, (s) => `Credentials::new("alerts@example.org".to_owned(), "${s}".to_owned())`],
    ['DSN, user, password', PW, (s) => `$pdo = new PDO('pgsql:host=db;dbname=app', 'app', '${s}', []);`],
    ['method named for the credential', R.slice(0, 40), (s) => `auth_credentials=Auth.api_key('${s}')`],
    ['builder method', `sk_${R.slice(0, 26).toLowerCase()}`, (s) => `Sdk.Builder().SecretKey("${s}").Build();`],
    ['DeepL key', `${UUID}:fx`, (s) => `new Translator('${s}')`],
    ['Rust typed constant', R.slice(0, 32), (s) => `const MISTRAL_API_KEY: &str = "${s}";`],
    ['Swift typed constant', R.slice(0, 32), (s) => `static let serviceToken: String = "${s}"`],
    ['C #define', R.slice(0, 32), (s) => `#define CLOUD_AUTH_TOKEN "${s}"`],
    ['Helm --set', R.slice(0, 22), (s) => `helm install agent ./chart --set agent.key=${s} --set agent.port=443`],
    ['JSON escaped in a string', PW, (s) => `"text": "{\\"email\\":\\"qa@example.com\\",\\"password\\":\\"${s}\\"}"`],
    [
      'XML element ending in Key',
      R.slice(0, 16),
      (s) => `<merchantAuthentication><name>x</name><transactionKey>${s}</transactionKey></merchantAuthentication>`,
    ],
    ['XML element with attributes', 'VWVLXiMjKlp6QTRIMFA5NQ==', (s) => `<User>upload</User>\n<Pass encoding="base64">${s}</Pass>`],
    ['Windows /pass:', PW, (s) => `cmdkey /generic:TERMSRV/host01 /user:CORP\\svc /pass:${s}`],
    ['net use positional password', PW, (s) => `net use Z: \\\\fs02\\projects ${s} /user:CORP\\jdoe /persistent:yes`],
    ['--user name:password', PW, (s) => `etcdctl --endpoints=https://10.0.0.1:2379 --user root:${s} get /`],
    ['ipmitool -P', 'Z=uSfOl=nreAA7', (s) => `ipmitool -I lanplus -H 10.0.0.5 -U ADMIN -P ${s} chassis status`],
    ['snmp -A', PW, (s) => `snmpwalk -v3 -l authNoPriv -u mon -a SHA -A '${s}' 10.1.1.1`],
    ['hdbuserstore SET', PW, (s) => `hdbuserstore SET BACKUPKEY hana01:30013@SYSTEMDB BACKUP_OP ${s}`],
    ['T-SQL N literal', PW, (s) => `CREATE LOGIN [svc] WITH PASSWORD = N'${s}', CHECK_POLICY = ON;`],
    ['seed block', `SU${B32.slice(0, 48)}AAAAAAAA`, (s) => `-----BEGIN USER NKEY SEED-----\n${s}\n------END USER NKEY SEED------`],
    ['oathtool -b', B32.slice(0, 32), (s) => `oathtool --totp -b ${s}`],
  ];
  for (const [family, secret, make] of cases) {
    it(`finds and redacts: ${family}`, () => {
      const text = make(secret);
      assert.ok(scan(text).localOnly, `${family}: not flagged`);
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }

  it('leaves the near misses alone', () => {
    const clean = [
      `lines: v('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),`,
      `assert.deepEqual(encodingFor('anthropic', 'claude-sonnet-4-0'), {});`,
      `gtag('config', 'G-D557LLWPFC', { cookie_domain: 'auto' });`,
      `new CertificatePinner.Builder().add("api.example.io", "sha256/${R.slice(0, 43)}=")`,
      `<assemblyIdentity name="Example.Lib" publicKeyToken="30ad4fe6b2a6aeed" culture="neutral" />`,
      `X-Shopify-Hmac-Sha256: ${R.slice(0, 43)}=`,
      'webhook = "https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX"',
      `helm install app ./chart --set image.tag=3f2a9c1b7d4e --set ingress.host=app.example.com`,
      '#define FIRMWARE_VERSION "2.4.1-rc3"',
      'net use Z: \\\\fs01\\share /user:CORP\\me *',
    ];
    for (const text of clean) assert.deepEqual(scan(text).reasons, [], text);
  });

  it('published example values are not secrets', () => {
    assert.equal(notASecret('czZCaGRSa3F0MzpnWDFmQmF0M2JW'), 'published-key');
    assert.equal(notASecret('JBSWY3DPEHPK3PXP'), 'published-key');
  });
});
