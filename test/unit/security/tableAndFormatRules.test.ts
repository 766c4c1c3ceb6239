import * as assert from 'node:assert/strict';
import { credentialName } from '../../../src/core/security/credentialName';
import { genericCredentials } from '../../../src/core/security/genericCredentials';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { sessionCalls } from '../../../src/core/security/sessionCalls';
import { tableRows } from '../../../src/core/security/tableRows';
import { tokenShaped } from '../../../src/core/security/tokenShape';

// Session 16 (issue #13): the eighth held-out split's format misses as families of the generic detector —
// credentials laid out by a table, XML name/value pairs, byte arrays, subscripts, dotted host-suffixed keys,
// application salts, dotted passwords, key files by extension, and calls that open a session. Values are
// synthetic; the shapes are not the corpus records'.
const guard = new PrivacyGuard();
const scan = (text: string, path?: string) =>
  path === undefined ? guard.scan({ prompt: text }) : guard.scan({ prompt: 'see attached', attachments: [{ path, content: text }] });
const cells = (text: string) => tableRows(text).map((s) => text.slice(s.start, s.end));
const found = (text: string) => genericCredentials(text).map((s) => text.slice(s.start, s.end));
const PW = 'Wd8!qLr3Zm5x';
const KEY = 'Qm4Lx8Vr2Tz6Nb0Kc9Wp3Hs7Jd1Fg5';

describe('credentials in tables (generic detector)', () => {
  it('a key column names the credential; the value column holds it', () => {
    assert.deepEqual(cells(`name,kind,format,value\nsettings,namespace,,\nbroker_url,data,string,mqtts://b.lab\nbroker_password,data,string,${PW}`), [PW]);
    assert.deepEqual(cells(`SMTP_HOST,mail.lab.io\nSMTP_PASSWORD,${PW}\nSMTP_PORT,587`), [PW]);
    assert.deepEqual(cells(`| key | value |\n|---|---|\n| db_host | pg.lab |\n| db_password | ${PW} |`), [PW]);
  });
  it('a header cell names the credential column', () => {
    assert.deepEqual(cells(`# user      host     password      flags\nbackup      *        ${PW}   -\n`), [PW]);
    assert.deepEqual(cells(`login,password,role\nalice,${PW},admin\nbob,,viewer`), [PW]);
  });
  it('leaves descriptions, references, numbers and prose alone', () => {
    for (const text of [
      'setting,type,default\npassword_min_length,int,12\npassword_history,int,5',
      'name,type,description\napi_token,string,The token issued by the admin console',
      'KEY,VALUE\nAPI_TOKEN,${API_TOKEN}\nDB_PASSWORD,<set in vault>',
      'user,password_hash,created\nalice,$2b$12$abcdefghijklmnopqrstuuN0vW2yX4zA6bC8dE0fG2hI4jK6lM8n,2024-01-02',
      '| Setting | Token | Notes |\n|---|---|---|\n| CI | (none) | rotated monthly |',
      'Remember the password rules.\nThe password must be at least twelve characters long, mix upper and lower case, and not reuse Winter2024 style patterns.',
      '# client server secret IP\n"lte.apn" * "$PPP_SECRET" *',
      // Documentation tables of credential types, with links; code under a line that looks like a header.
      '| Credential | Usage |\n|---|---|\n| [`ClientSecretCredential`](https://learn.lab.io/x#secret) | service principals |',
      'export async function sendToken\n    Throttle.pre(cacheManager, thumbprint, correlationId);',
    ])
      assert.deepEqual(scan(text).reasons, [], text);
  });
});

describe('format families (generic detector)', () => {
  const cases: Array<[family: string, text: string, secret: string]> = [
    ['Hadoop name/value property', `<property>\n  <name>spark.hadoop.fs.s3a.secret.key</name>\n  <value>${KEY}</value>\n</property>`, KEY],
    [
      'host-suffixed dotted key',
      `<property>\n  <name>fs.azure.account.key.archive7.blob.core.windows.net</name>\n  <value>${KEY}==</value>\n</property>`,
      `${KEY}==`,
    ],
    ['plist key/string', `<key>ServiceToken</key>\n<string>${KEY}</string>`, KEY],
    [
      'C byte array',
      'static const uint8_t NWKSKEY[16] = { 0x4F, 0x1A, 0xC3, 0x9E, 0x27, 0xB8, 0x05, 0xD6, 0x71, 0xE2, 0x3C, 0x90, 0xAB, 0x64, 0x1F, 0x88 };',
      '0x4F',
    ],
    ['Go byte slice', 'var signingKey = []byte{0x9a, 0x11, 0xe4, 0x7c, 0x02, 0xbd, 0x58, 0xf3, 0x66, 0x2e}', '0x9a'],
    ['PHP subscript', `$config['auth_salt'] = '${KEY}';`, KEY],
    ['dotted password in an attribute', `<Connector keystorePass="Zx7.Qm2rTw9Lp4" />`, 'Zx7.Qm2rTw9Lp4'],
  ];
  for (const [family, text, secret] of cases) {
    it(`finds and redacts: ${family}`, () => {
      assert.ok(
        found(text).some((f) => f.includes(secret)),
        `${family}: ${JSON.stringify(found(text))}`,
      );
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }
  it('a pre-shared key file is a key file by its extension', () => {
    const psk = '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c2b4d6f8e0a1c3e5b7d9f1a3c5e7b9d0f';
    assert.ok(scan(psk, 'etc/wg/peer-b.psk').localOnly);
    assert.ok(!guard.redact(psk).includes(psk) || scan(psk, 'etc/wg/peer-b.psk').findings.length > 0);
  });
  it('salt and community name credentials; long dotted names only when dotted', () => {
    assert.equal(credentialName('hash_salt'), 'weak');
    assert.equal(credentialName('salt_rounds'), 'weak');
    assert.equal(credentialName('fs.azure.account.key.archive7.blob.core.windows.net'), 'strong');
    assert.equal(credentialName('the key of the door that we lost in the garden'), undefined);
  });
  it('leaves the near misses alone', () => {
    for (const text of [
      // Zero, counting and repeated byte arrays; a public key array.
      'static const u1_t APPEUI[8] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };',
      'uint8_t key[16] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };',
      'const uint8_t publicKey[8] = { 0x4F, 0x1A, 0xC3, 0x9E, 0x27, 0xB8, 0x05, 0xD6 };',
      // Name/value properties that are not credentials, or whose value is a reference.
      '<property>\n  <name>fs.s3a.secret.key</name>\n  <value>${env.S3_SECRET}</value>\n</property>',
      '<property>\n  <name>hadoop.security.key.provider.path</name>\n  <value>kms://http@kms:9600/kms</value>\n</property>',
      '<key>CFBundleIdentifier</key>\n<string>io.lab.app</string>',
      // Per-record salt settings, member access and words with dots.
      "$config['salt_rounds'] = 12;",
      'keystorePass="${keystore.password}"',
      'password = config.database.password',
      // Member access with digits or camelCase parts, and a sentinel string of symbols.
      'allowed.its2tokens = allowed.its2token;',
      'secret: parsedIdT.secret,',
      'private_key = ed25519.Ed25519PrivateKey.from_private_bytes(data)',
      "const eosTokenX = '#&^EoS^&#';",
    ])
      assert.deepEqual(scan(text).reasons, [], text);
    assert.equal(tokenShaped('cfg.dbPassword2', 'strong'), false);
  });
});

describe('credentials passed to calls that open a session (generic detector)', () => {
  const calls = (text: string) => sessionCalls(text).map((s) => text.slice(s.start, s.end));
  it('a user-like literal then a password-like one, in a call named for the login', () => {
    assert.deepEqual(calls(`conn.simple_bind_s("cn=svc,dc=lab,dc=io", "${PW}")`), [PW]);
    assert.deepEqual(calls(`session.bindTransceiver(host, 2775, "esme01", "k9Rv2mQx")`), ['k9Rv2mQx']);
    assert.deepEqual(calls(`client.login("deploy", "${PW}")`), [PW]);
  });
  it('a long random literal in an SDK’s setup call', () => {
    assert.deepEqual(calls(`ctx = PaymentsApiContext.create(Env.LIVE, "${KEY}a1", "worker")`), [`${KEY}a1`]);
    assert.deepEqual(calls(`const sdk = new WeatherSDK("${KEY}x7")`), [`${KEY}x7`]);
  });
  it('leaves names, hosts, ports and short ids alone', () => {
    for (const text of [
      `$(el).bind("click", "onClickHandler2")`,
      `db.connect("db.lab.io", "5432")`,
      `socket.bind(("0.0.0.0", 8080))`,
      `client.login(user, password)`,
      `api.getOrder("5f3a9c1e7b2d4a6c8e0f1a2b")`,
      `new ApiClient("https://api.lab.io/v2")`,
      `login("deploy", "$DEPLOY_PASSWORD")`,
    ])
      assert.deepEqual(scan(text).reasons, [], text);
  });
});
