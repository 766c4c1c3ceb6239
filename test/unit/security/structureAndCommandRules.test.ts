import * as assert from 'node:assert/strict';
import { contentShowsNoSecret } from '../../../src/core/security/credentialsFiles';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { publicInContext } from '../../../src/core/security/publicInContext';

// Session 13's rules (issue #13): the fourth held-out split's misses and false positives as families, with
// the guard's own rules (synchronous scan). Each family is found and its secret redacted (not only the
// request flagged), and its near misses stay clean. Values are synthetic.
const guard = new PrivacyGuard();
const scan = (text: string, path?: string) => guard.scan({ prompt: path ? '' : text, attachments: path ? [{ path, content: text }] : [] });
const kinds = (text: string, path?: string) => scan(text, path).findings.map((f) => f.kind);
const redacted = (text: string) => guard.redact(text);
// redactDeep without secretlint: only the guard's own spans, with the file name.
const rulesOnly = new PrivacyGuard({ deepScanner: async () => [] });
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';
const UUID = '7c1e4b2a-93d5-4f08-b6a1-2e9d0c5f8a73';
const PW = 'Tq9!vLm2xR7p';
const HEX64 = '9f3b7c2e1a8d4f6b0c5e7a9d2b4f6e8a1c3d5f7b9e0a2c4d6f8b1a3c5e7d9f0b';
const pem = (type: string, body = `${R}${R.slice(0, 8)}\n${R}${R.slice(0, 8)}`) => `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('secret rules for the fourth held-out split’s families', () => {
  const cases: Array<[family: string, secret: string, text: (s: string) => string]> = [
    // formats no rule parsed
    ['XML element', PW, (s) => `<server>\n  <id>releases</id>\n  <password>${s}</password>\n</server>`],
    ['XML element', R.slice(0, 32), (s) => `<config><apiToken>${s}</apiToken></config>`],
    ['XML attribute', HEX64.toUpperCase(), (s) => `<machineKey validationKey="${s}" validation="HMACSHA256" />`],
    ['pre-shared key', 'dvQ7xAWZNJ3BvKGp', (s) => `network={\n    ssid="Lab"\n    psk="${s}"\n}`],
    ['name value line', UUID, (s) => `[OUTPUT]\n    Name         splunk\n    Splunk_Token ${s}\n    TLS          On`],
    ['name value line', R.slice(0, 40), (s) => `machine api.example.net\n  login user\n  password ${s}`],
    ['map of credentials', UUID, (s) => `acl {\n  tokens {\n    agent = "${s}"\n  }\n}`],
    ['map of credentials', R.slice(0, 36), (s) => `config.secrets = {\n  'ci': '${s}',\n}`],
    // command lines and shell history
    ['command argument', 'MOdvr7cMdytXSQ', (s) => `rabbitmqctl add_user orders ${s}`],
    ['command argument', `imDHKOh8np53705Mm82Ln3rcALOQM+FRY/W4jy=`, (s) => `  41  vault operator unseal ${s}`],
    ['command argument', `/u80wdKO+96irqZWmuxbKQif1iTmE0vw8ICh6L+P`, (s) => `mc alias set backup https://minio.example.net:9000 writer ${s} --api S3v4`],
    ['command argument', UUID, (s) => `  - snyk auth ${s}`],
    ['single-dash flag', UUID, (s) => `consul acl token list -token=${s}`],
    ['single-dash flag', PW, (s) => `keytool -list -keystore app.jks -storepass ${s}`],
    ['openssl pass:', 'Mundra17-ewsci', (s) => `openssl pkcs12 -export -out b.p12 -passout pass:${s}`],
    ['Oracle connect string', 'LxTWqMfi5EGnXdT', (s) => `<env name="DB_URL" value="jdbc:oracle:thin:ledger/${s}@//ora:1521/LEDGER" />`],
    ['Oracle connect string', PW, (s) => `sqlplus system/${s}@//db:1521/ORCLPDB1`],
    ['*_AUTH user/password', 'Fd8OMZlaqKSDdAMI', (s) => `docker run -e NEO4J_AUTH=neo4j/${s} neo4j:5`],
    ['*_PASS variable', PW, (s) => `SMTP_PASS=${s} ./send.sh`],
    ['aws configure set', 'ghNv8K6THljoK8ruhQApzGaR6cvKaEeUsFu/Url3', (s) => `aws configure set aws_secret_access_key ${s} --profile deploy`],
    ['AWS key id with its secret', 'BsrIchM4P0VJV4MYv9hTC9u3XSWZJKLPWTYEcACBYBAH', (s) => `[email-smtp.eu-west-1.amazonaws.com]:587 AKIARHMS6L6AJCGOAYZZ:${s}`],
    // Authorization headers
    ['Authorization without a scheme', 'd7e51c23f8801732a6473acecd9edaa8', (s) => `headers = {"authorization": "${s}"}`],
    ['Authorization f-string', 'i442wRh/JMJuaR6/X5V3R9e6/uxvP51LjNWtANRvTMEn', (s) => `headers={"Authorization": f"Bearer ${s}"}`],
    ['Authorization Token token=', 'ewgp0KOJ3R4hjsVUcyOz', (s) => `{"Authorization": "Token token=${s}"}`],
    ['Authorization set by a call', R.slice(0, 40), (s) => `req.Headers.Add("Authorization", $"Bearer ${s}");`],
    ['vendor header', 'DfEOH74FRLRqU1qkqtUv3z', (s) => `headers:\n  x-honeycomb-team: ${s}`],
    // key material in structures
    ['base64 PEM private key', b64(pem('EC PRIVATE KEY')), (s) => `users:\n- user:\n    client-key-data: ${s}`],
    ['OpenVPN static key', pem('OpenVPN Static key V1', `${HEX64.slice(0, 32)}\n${HEX64.slice(32)}`).trim(), (s) => `<tls-auth>\n${s}\n</tls-auth>`],
    ['JWK private member', 'oHGN0gXhn39vHd4o6azCF2dERSt0oOpv-XP7ZMEi-v8', (s) => `{"kty": "EC", "crv": "P-256", "x": "${R.slice(0, 43)}", "d": "${s}"}`],
    [
      'Kerberos keytab',
      Buffer.from(`0502${HEX64}${HEX64}`, 'hex').toString('base64'),
      (s) => `KEYTAB_B64: "${s}"\n  - echo "$KEYTAB_B64" | base64 -d > svc.keytab`,
    ],
    ['hex key constant', HEX64, (s) => `KEY = bytes.fromhex("${s}")`],
    ['hex key constant', HEX64.slice(0, 32), (s) => `aesKey, _ := hex.DecodeString("${s}")`],
    // vendor formats
    ['Google app password', 'sxjv ercf mvti vdbr', (s) => `EMAIL_HOST_PASSWORD = '${s}'`],
    ['kubeadm bootstrap token', 'khk6tn.sb20hgu48f6ogqqe', (s) => `kubeadm join 10.0.0.10:6443 --token ${s} --discovery-token-ca-cert-hash sha256:${HEX64}`],
    ['Telegram bot URL', '6113377666:AAhOAfdR6I6fyg5Uvfv5LH-Nuct4vGcbyMO', (s) => `curl "https://api.telegram.org/bot${s}/sendMessage"`],
    ['Fly.io FlyV1', `FlyV1 fm2_-3xK_n6dx${R}_GR${R}`, (s) => `FLY_API_TOKEN: ${s}`],
    ['Resend', 're_FYYqBoH8_GhQB1oqjpFDwEVhVQUBjYSoG', (s) => `const resend = new Resend('${s}');`],
    [
      'Algolia admin key',
      'a5d4cd2b6c63250741e8abad3bc93556',
      (s) => `const client = algoliasearch('HNI477YU0T', '${s}');\nawait client.initIndex('p').clearObjects();`,
    ],
  ];
  for (const [family, secret, make] of cases) {
    it(`finds and redacts: ${family} in ${make('…').split('\n')[0].slice(0, 50)}`, () => {
      const text = make(secret);
      assert.ok(scan(text).localOnly, `${family}: not flagged`);
      assert.ok(!redacted(text).includes(secret), redacted(text));
    });
  }

  it('credentials files of a known format: each field is redacted, not only the file flagged by its name', async () => {
    const pgpass = 'localhost:5432:*:postgres:postgres\ndb.lan:5432:analytics:looker:GeKkxBI%UQ2BWblv\n';
    assert.deepEqual(kinds(pgpass, '.pgpass'), ['credentials file', 'credential in a credentials file', 'credential in a credentials file']);
    assert.equal(
      (await rulesOnly.redactDeep(pgpass, '.pgpass')).text,
      'localhost:5432:*:postgres:[REDACTED:credentials-file-field]\ndb.lan:5432:analytics:looker:[REDACTED:credentials-file-field]\n',
    );
    assert.equal((await rulesOnly.redactDeep(pgpass, 'notes.txt')).text, pgpass, 'the same lines in another file are not parsed as .pgpass');
    assert.deepEqual(kinds('db.lan:5432:app:app:\n', '.pgpass'), [], 'no password in it: nothing to keep local');
    const sasl = `[smtp.example.net]:587 relay:${PW}\n`;
    assert.deepEqual(kinds(sasl, '/etc/postfix/sasl_passwd'), ['credentials file', 'credential in a credentials file']);
    assert.ok(!(await rulesOnly.redactDeep(sasl, '/etc/postfix/sasl_passwd')).text.includes(PW));
  });

  it('leaves the near misses alone', () => {
    const text = [
      '<password>${env.NEXUS_PASSWORD}</password>',
      '<passwordPolicy>strict</passwordPolicy>',
      '    Splunk_Token ${SPLUNK_HEC_TOKEN}',
      '    Token_Refresh 300',
      'requirepass foobared',
      '{"tokens": {"brand": "#0a84ff", "spacing": "1.5rem"}}',
      'rabbitmqctl add_user app "$RABBIT_PASS"',
      'vault operator unseal',
      'mc alias set local http://localhost:9000 minioadmin minioadmin',
      'sqlplus / as sysdba',
      'openssl pkcs12 -export -out b.p12 -passout env:P12_PASS',
      'docker build --secret id=npmrc,src=$HOME/.npmrc .',
      'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
      'headers = {"authorization": "Bearer ${ACCESS_TOKEN}"}',
      'x-honeycomb-dataset: checkout-api',
      `tls.crt: ${b64(pem('CERTIFICATE'))}`,
      `{"kty": "RSA", "n": "${R}", "e": "AQAB"}`,
      'kinit -kt /etc/security/keytabs/hdfs.keytab hdfs/node1@EXAMPLE.NET',
      `EXPECTED_DIGEST = "${HEX64}"`,
      `CACHE_KEY = "${HEX64.slice(0, 32)}"`,
      'kubeadm init --token abcdef.0123456789abcdef',
      'config.apiVersion.major',
      `{"credentialId": "${R.slice(0, 43)}", "credential_id": "${R.slice(1, 44)}", "api_key_id": "kid_${HEX64.slice(0, 16)}"}`,
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });
});

describe('public in context, and not a secret (session 13)', () => {
  it('a PEM header in code is no key; a key built by concatenation still is', () => {
    const code =
      'const (\n\tpkcs1Header = "-----BEGIN RSA PRIVATE KEY-----"\n\tpkcs8Header = "-----BEGIN PRIVATE KEY-----"\n)\nfunc Kind(p string) string { return "x" }\n';
    assert.deepEqual(kinds(code), []);
    assert.deepEqual(kinds(`key = "-----BEGIN RSA PRIVATE KEY-----\\n" +\n  "${R}${R.slice(0, 8)}\\n"`), ['private key (PEM)']);
  });

  it('domain parameters and PKCS#7 bundles are public PEM files', () => {
    assert.equal(contentShowsNoSecret('dhparam.pem', pem('X9.42 DH PARAMETERS')), true);
    assert.equal(contentShowsNoSecret('ec.pem', pem('EC PARAMETERS')), true);
    assert.equal(contentShowsNoSecret('bundle.pem', pem('PKCS7')), true);
    assert.equal(contentShowsNoSecret('ec.pem', pem('EC PARAMETERS') + pem('EC PRIVATE KEY')), false);
  });

  it('an .env file of client-bundle variables only is not a credentials file; any other variable keeps it local', () => {
    const pub = 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsudGFsbG93bWFkZS5jb20k\nNEXT_PUBLIC_CLERK_SIGN_IN_URL=/sign-in\n';
    assert.deepEqual(kinds(pub, '.env.production'), []);
    assert.deepEqual(kinds(`${pub}DEBUG=true\n`, '.env.production'), ['credentials file'], 'a server-side variable: its name keeps the file local');
    assert.deepEqual(kinds(`VITE_STRIPE_KEY=sk_live_51${R}\n`, '.env'), ['Stripe secret key'], 'a secret under a public prefix is still found');
  });

  it('a lone AWS key id in an audit record is public; with its secret near, or elsewhere, it is not', () => {
    const trail = '{"userIdentity": {"type": "IAMUser", "accessKeyId": "AKIAFIWZ80SA99EXXVO0"}, "eventSource": "s3.amazonaws.com"}';
    assert.deepEqual(kinds(trail), []);
    const at = trail.indexOf('AKIA');
    assert.equal(publicInContext(trail, at, at + 20), 'aws-key-id-in-audit-record');
    assert.ok(kinds(`${trail}\naws_secret_access_key = ${R.slice(0, 40)}`).includes('AWS access key id'), 'with its secret in the text');
    assert.deepEqual(kinds('export AWS_ACCESS_KEY_ID=AKIAFIWZ80SA99EXXVO0'), ['AWS access key id']);
  });

  it('a Google key in the Maps JavaScript loader is public when said to be referrer-restricted; elsewhere it is not', () => {
    const key = `AIza${R.slice(0, 35)}`;
    const tag = `<script src="https://maps.googleapis.com/maps/api/js?libraries=places&key=${key}"></script>`;
    assert.deepEqual(kinds(`The key is restricted to our HTTP referrers.\n${tag}`), []);
    assert.deepEqual(kinds(`${tag} map is blank`), ['Google API key'], 'nothing says the key is restricted');
    assert.deepEqual(kinds(`restricted to referrers\ncurl "https://maps.googleapis.com/maps/api/geocode/json?address=x&key=${key}"`), ['Google API key']);
  });

  it('an Algolia key is public only where the code just searches', () => {
    const key = 'a62e4dbf74b1804c3e4174d18e8e9131';
    assert.deepEqual(kinds(`const searchClient = algoliasearch("QX7T2M9KPL", "${key}");\ninstantsearch({ searchClient });`), []);
    assert.deepEqual(kinds(`const searchClient = algoliasearch("QX7T2M9KPL", "${key}");\nawait index.saveObjects(rows);`), ['Algolia API key']);
  });

  it('token bodies spelled in words that say so, and the JOSE RFCs’ example keys, are not secrets', () => {
    assert.equal(notASecret('xoxb-not-a-real-token-this-will-not-work'), 'placeholder');
    assert.equal(notASecret('sk-not-a-real-key-replace-this-value'), 'placeholder');
    assert.equal(notASecret('correct-horse-battery-staple'), undefined, 'a passphrase names no tell');
    assert.equal(notASecret('nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A'), 'published-key');
    assert.deepEqual(kinds('App(token="xoxb-not-a-real-token-this-will-not-work")'), []);
  });
});
