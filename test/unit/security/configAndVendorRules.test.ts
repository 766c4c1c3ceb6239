import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { publicInContext } from '../../../src/core/security/publicInContext';

// Session 12's rules (issue #13): the third held-out split's misses and false positives as families, one
// at a time with the guard's own rules (synchronous scan). Each family is found and redacted, and its
// near misses stay clean. Values are synthetic.
const guard = new PrivacyGuard();
const kinds = (text: string, path?: string) =>
  guard.scan({ prompt: path ? '' : text, attachments: path ? [{ path, content: text }] : [] }).findings.map((f) => f.kind);
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';
const UUID = '7c1e4b2a-93d5-4f08-b6a1-2e9d0c5f8a73';
const PW = 'Tq9!vLm2xR7p';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: object) => `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.${R.slice(0, 43)}`;

describe('secret rules for the third held-out split’s families', () => {
  const cases: Array<[label: string, secret: string, text: (s: string) => string, path?: string]> = [
    ['password in a connection string', PW, (s) => `"Db": "Server=tcp:sql01,1433;Initial Catalog=app;User ID=app;Password=${s};Encrypt=True;"`],
    ['password in a connection string', PW, (s) => `Driver={ODBC Driver 18 for SQL Server};Server=sql01;UID=etl;PWD=${s};`],
    ['password in a connection string', `{${PW};x}`, (s) => `DSN=warehouse;Uid=report;Pwd=${s};`],
    ['password in a connection string', PW, (s) => `jdbc:sqlserver://sql01:1433;databaseName=b;user=sa;password=${s};encrypt=true`],
    ['credential as a Terraform variable default', PW, (s) => `variable "db_admin_password" {\n  default   = "${s}"\n  sensitive = true\n}`],
    ['credential as a Terraform variable default', PW, (s) => `variable "bootstrap" {\n  default   = "${s}"\n  sensitive = true\n}`],
    [
      'registry credentials (base64 Docker config)',
      b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`bot:${PW}`) } } })),
      (s) => `data:\n  .dockerconfigjson: ${s}`,
    ],
    [
      'registry credentials (base64 Docker config)',
      b64(JSON.stringify({ auths: { 'r.io': { password: PW } } }, null, 2)),
      (s) => `kubectl get secret prints\n${s}`,
    ],
    ['registry credentials (Docker config auth)', b64(`deploy:${PW}`), (s) => `auths:\n  registry.acme.io:\n    auth: ${s}`],
    [
      'private key (PuTTY .ppk)',
      `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: k\nPublic-Lines: 1\n${R}\nPrivate-Lines: 1\n${R.slice(0, 48)}\nPrivate-MAC: ${'a7c3'.repeat(16)}`,
      (s) => `${s}\nhow do I convert it?`,
    ],
    ['basic-auth credentials in a header', b64(`kibana:${PW}`), (s) => `proxy_set_header Authorization "Basic ${s}";`],
    ['token in an Authorization header', `00${R.slice(0, 40)}`, (s) => `-H "Authorization: SSWS ${s}"`],
    ['token in an Authorization header', UUID, (s) => `-H "Authorization: GenieKey ${s}"`],
    ['API key in a request header', 'c4d2ab8e17cc4d01a70ee62c5558cc7f9a1b2c3d', (s) => `-H "DD-APPLICATION-KEY: ${s}"`],
    ['API key in a request header', UUID, (s) => `-H "X-Postmark-Account-Token: ${s}"`],
    ['credential passed to an SDK client', UUID, (s) => `export const postmark = new ServerClient("${s}");`],
    ['credential passed to an SDK client', R.slice(0, 40), (s) => `co = cohere.ClientV2("${s}")`],
    ['credential as an environment variable’s fallback', `live_${R.slice(0, 30)}`, (s) => `'key' => env('PAYMENT_KEY', '${s}'),`],
    ['credential as an environment variable’s fallback', PW, (s) => `os.environ.get("DB_PASSWORD", "${s}")`],
    ['credential as an environment variable’s fallback', R.slice(0, 48), (s) => `secret: process.env.SESSION_SECRET || "${s}"`],
    ['credential assigned to a vendor setting', `test_${R.slice(0, 30)}`, (s) => `mollie:\n  mollie_key: ${s}`],
    ['Azure Functions key in a URL', `${R.slice(0, 54)}==`, (s) => `https://fn-pay.azurewebsites.net/api/callback?code=${s}`],
    ['Azure Functions key in a URL', `${R.slice(0, 54)}==`, (s) => `https://orders.acme.io/api/ingest?code=${s}`],
    ['Salesforce session or access token', `00DT39oleVcr9yh!${R}.${R.slice(0, 20)}`, (s) => `{"accessToken": "${s}"}`],
    ['Firebase Cloud Messaging server key', `AAAAgXWlYK-:APA91b${R}${R}${R.slice(0, 20)}`, (s) => `const KEY = "${s}";`],
    ['Supabase secret key', `sb_secret_${R.slice(0, 31)}`, (s) => `createClient(url, "${s}")`],
    ['LaunchDarkly SDK key', `sdk-${UUID}`, (s) => `sdkKey: ${s}`],
  ];
  for (const [label, secret, make] of cases) {
    it(`finds and redacts: ${label} in ${make('…').split('\n')[0].slice(0, 50)}`, () => {
      const text = make(secret);
      const v = guard.scan({ prompt: text });
      assert.ok(
        v.findings.some((f) => f.kind === label),
        `${label} not among ${JSON.stringify(v.findings)}`,
      );
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }

  it('a bare key file (Rails master.key) is found by its name and its one token redacted', async () => {
    const key = '380c1b4036a4bf572c10ed0adec216fd';
    assert.deepEqual(kinds(`${key}\n`, 'config/master.key'), ['credentials file', 'key in a credentials file']);
    assert.equal((await guard.redactDeep(`${key}\n`, 'config/master.key')).text, '[REDACTED:key-file]\n');
    assert.deepEqual(kinds(`${key}\n`, 'docs/hash.txt'), [], 'the same hex in a file of another name is a hash');
  });

  it('leaves connection strings without a literal password alone', () => {
    const text = [
      '"A": "Server=sql01;Database=app;Integrated Security=True;"',
      '"B": "Server=sql01;User ID=app;Password=${DB_PASSWORD};"',
      '"C": "Data Source=app.db;Password=;"',
      'conn = f"Driver={{ODBC}};Server={host};UID={user};PWD={password};"',
      'String.Format("Server={0};User Id={1};Password={2};", h, u, p)',
      'The login form has a Password= field and a Remember me box.',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });

  it('leaves Terraform variables without a secret default alone', () => {
    const tf = `variable "db_password" {\n  type      = string\n  sensitive = true\n}\nvariable "password_length" {\n  default = 24\n}\nvariable "secret_name" {\n  default = "prod/app/db-password"\n}\nvariable "instance_class" {\n  default = "db.r6g.large"\n}\n`;
    assert.deepEqual(kinds(tf, 'variables.tf'), []);
  });

  it('leaves Docker configs without a credential, PuTTY docs sketches and proxies that forward auth alone', () => {
    const helperOnly = b64(JSON.stringify({ auths: { 'ghcr.io': {} }, credsStore: 'desktop' }));
    assert.deepEqual(kinds(`data:\n  .dockerconfigjson: ${helperOnly}`), []);
    const sketch = 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: 0123456789abcdef0123';
    assert.deepEqual(kinds(sketch, 'docs/ssh.md'), []);
    assert.deepEqual(kinds('auth_basic "Restricted";\nproxy_set_header Authorization $http_authorization;', 'nginx.conf'), []);
  });

  it('leaves SDK clients built from URLs, settings and names alone, and header nonces and OAuth codes', () => {
    const text = [
      'const blob = new BlobServiceClient("https://acme.blob.core.windows.net");',
      'const q = new QueueClient("UseDevelopmentStorage=true", "orders-queue-production");',
      'const http = HttpClient("MyNamedClientForOrders");',
      `Sec-WebSocket-Key: ${R.slice(0, 22)}==`,
      `X-Idempotency-Key: ${UUID}`,
      `https://app.acme.io/callback?code=4/0AX4Xf${R}&state=0a1b2c3d4e5f6789`,
      'level = os.getenv("LOG_LEVEL", "info"); prefix = env(\'CACHE_KEY_PREFIX\', \'laravel_cache\'); t = os.getenv("API_TOKEN", "changeme")',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });
});

describe('public by design, references and placeholders (session 12)', () => {
  it('public client keys: Mapbox pk., Stripe and Supabase publishable keys, PostHog, an anon JWT; not their secret twins', () => {
    for (const v of [
      `pk.${b64url({ u: 'acme', a: 'cm3ne' })}.${R.slice(0, 22)}`,
      `pk_live_${R.slice(0, 24)}`,
      `sb_publishable_${R.slice(0, 31)}`,
      `phc_${R.slice(0, 43)}`,
    ])
      assert.equal(notASecret(v), 'public-by-design', v);
    assert.equal(notASecret(jwt({ iss: 'supabase', role: 'anon' })), 'public-by-design');
    assert.equal(notASecret(jwt({ iss: 'supabase', role: 'service_role' })), undefined, 'the service-role key bypasses row-level security');
    assert.deepEqual(kinds(`createClient("https://x.supabase.co", "${jwt({ role: 'anon' })}")`), []);
    assert.deepEqual(kinds(`SUPABASE_KEY="${jwt({ role: 'service_role' })}"`), ['JSON Web Token']);
  });

  it('a Google API key is public in a Firebase web config, a secret in a server call', () => {
    const key = `AIza${R.slice(0, 35)}`;
    const config = `const firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "acme.firebaseapp.com",\n  projectId: "acme",\n};`;
    assert.deepEqual(kinds(config), []);
    assert.equal(publicInContext(config, config.indexOf(key), config.indexOf(key) + key.length), 'firebase-web-config');
    assert.deepEqual(kinds(`fetch("https://www.googleapis.com/youtube/v3/search?key=${key}")`), ['Google API key']);
    assert.deepEqual(kinds(`const maps = { apiKey: "${key}" };`), ['Google API key'], 'no Firebase config around it');
  });

  it('ACME challenge tokens are public; a token field in a prompt that is not about ACME is not', () => {
    const token = R.slice(0, 43);
    const challenge = `cert-manager HTTP-01 challenge pending\n$ kubectl describe challenge shop-tls\n  Token: ${token}\n  Key:   ${token}.${R.slice(1, 44)}`;
    assert.deepEqual(kinds(challenge), []);
    assert.deepEqual(kinds(`acme.io deploy settings\n  token: ${token}`), ['credential assignment'], '"acme" the example company is no ACME context');
    assert.deepEqual(kinds(`cert-manager DNS-01 solver\n  CF_API_TOKEN=${R.slice(0, 40)}`).length, 1, 'a DNS-01 solver’s API token stays a secret');
  });

  it('secret-manager references and .env templates of them open nothing; a literal key in a template is still found', () => {
    for (const v of [
      'op://ember-dev/stripe/credential',
      '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db/)',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123',
    ])
      assert.equal(notASecret(v), 'reference', v);
    const tpl = 'DATABASE_URL=postgres://app:{{ op://dev/pg/password }}@localhost/ledger\nSTRIPE_SECRET_KEY={{ op://dev/stripe/credential }}\n';
    assert.deepEqual(kinds(tpl, '.env.tpl'), []);
    assert.deepEqual(kinds(`STRIPE_SECRET_KEY=sk_live_51${R}\n`, '.env.tpl'), ['Stripe secret key']);
    assert.deepEqual(kinds('A=1\n', '.env.local'), ['credentials file'], 'a real .env stays local by its name');
  });

  it('a PEM block with a placeholder body is no key; one cut short after real lines still is', () => {
    for (const body of ['MIIEpAIBAAKCAQEA...\n...', '<your private key here>', '...'])
      assert.deepEqual(kinds(`-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`), [], body);
    const cut = `-----BEGIN RSA PRIVATE KEY-----\n${R}${R.slice(0, 8)}\n${R}${R.slice(0, 8)}\n...\n-----END RSA PRIVATE KEY-----`;
    assert.deepEqual(kinds(cut), ['private key (PEM)']);
  });
});
