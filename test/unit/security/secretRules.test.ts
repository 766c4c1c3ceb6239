import * as assert from 'node:assert/strict';
import { contentShowsNoSecret } from '../../../src/core/security/credentialsFiles';
import { notASecret, PUBLISHED_KEYS } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 11's rules (issue #13), one at a time with the guard's own rules (synchronous scan): each new
// kind is found and redacted, and each family of look-alikes is left alone. Values are synthetic.
const guard = new PrivacyGuard();
const kinds = (text: string, path?: string) =>
  guard.scan({ prompt: path ? '' : text, attachments: path ? [{ path, content: text }] : [] }).findings.map((f) => f.kind);
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';

describe('secret rules added for the second held-out split and gitleaks’ families', () => {
  const cases: Array<[label: string, secret: string, text: (s: string) => string]> = [
    ['Stripe webhook signing secret', `whsec_${R.slice(0, 32)}`, (s) => `stripe.webhooks.constructEvent(body, sig, '${s}')`],
    ['Stripe secret key', `sk_test_51${R}`, (s) => `const stripe = require('stripe')('${s}');`],
    ['credential in a code comment', 'Kx7!mQ2pZr9', (s) => `# replica login\n#   user: job   pass: ${s}\nconn = connect()`],
    ['credential in a code comment', 'Hb4#wT8nLq2', (s) => `const a = 1;\n  // pwd = ${s} (rotate later)`],
    ['Slack app or configuration token', `xapp-1-A0123ABCDEF-1234567890123-${'a1b2c3d4'.repeat(8)}`, (s) => `SLACK_APP_TOKEN=${s}`],
    ['Perplexity API key', `pplx-${R.slice(0, 48)}`, (s) => `api_key="${s}"`],
    ['SonarQube token', `squ_${'0a1b2c3d4e'.repeat(4)}`, (s) => `sonar.login=${s}`],
    ['Docker Hub access token', `dckr_pat_${R.slice(0, 27)}`, (s) => `echo ${s} | docker login --password-stdin`],
    ['Google OAuth client secret', `GOCSPX-${R.slice(0, 28)}`, (s) => `{"client_secret":"${s}"}`],
    ['Twitter (X) bearer token', `${'A'.repeat(22)}${R}%3D${R.slice(0, 40)}`, (s) => `-H "Authorization: Bearer ${s}"`],
    ['Octopus Deploy API key', 'API-ZQ8VB2NW4KR6TY1UP3SX5CV7A9', (s) => `octo push --apiKey ${s}`],
    ['Groq API key', `gsk_${R.slice(0, 52)}`, (s) => `Groq(api_key="${s}")`],
    ['Tailscale key', `tskey-auth-k${R.slice(0, 10)}-${R.slice(10, 40)}`, (s) => `tailscale up --authkey=${s}`],
    ['credential in a configuration key/value entry', 'Vq3$Lm8xTz1', (s) => `<add key="ClearTextPassword" value="${s}" />`],
    ['Sidekiq Enterprise credentials', '0a1b2c3d:9f8e7d6c', (s) => `BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${s}`],
    ['credential assigned to a vendor setting', R.slice(0, 32), (s) => `fastly_key = "${s}"`],
  ];
  for (const [label, secret, make] of cases) {
    it(`finds and redacts: ${label}`, () => {
      const text = make(secret);
      const v = guard.scan({ prompt: text });
      assert.ok(
        v.findings.some((f) => f.kind === label),
        `${label} not among ${JSON.stringify(v.findings)}`,
      );
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }

  it('finds a JWT stored base64-encoded, and not base64 JSON that is no JWT', () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiIsInJvbGUiOiJhZG1pbiJ9.${R.slice(0, 43)}`;
    assert.deepEqual(kinds(`data:\n  token: ${Buffer.from(jwt).toString('base64')}`), ['JSON Web Token, base64-encoded']);
    const json = Buffer.from(`eyJ${Buffer.from(JSON.stringify({ region: 'eu-west-1', retries: 3, mode: 'fast' })).toString('base64')}`).toString('base64');
    assert.deepEqual(kinds(`data:\n  config: ${json}`), []);
  });

  it('leaves comments about passwords alone: prose, code and short values', () => {
    const text = [
      '# password: must be 12+ characters, checked by validate_password()',
      '// pwd = process.cwd() on Windows returns a drive letter',
      '-- token: see the vault path secret/data/app',
      '# pass: true',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
  });

  it('leaves a vendor’s public settings alone (ids, URLs, regions)', () => {
    assert.deepEqual(
      kinds(`cloudflare_zone_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"\nokta_org_url = "https://acme.okta.com"\ndatadog_site = "datadoghq.eu"`),
      [],
    );
  });

  it('leaves names made of words alone, and does not take a value from the next line', () => {
    const text = [
      'const credentialName = "OnBehalfOfCredential";',
      'ACQUIRE_TOKEN_START: "msal:acquireTokenStart",',
      'const FLOW_PASSWORD_REQUIRED_V2 = "FlowPasswordRequiredResultV2";',
      'onresumptiontoken: options?.onresumptiontoken',
      "case 'client_credentials':",
      '  default:',
    ].join('\n');
    assert.deepEqual(kinds(text), []);
    assert.deepEqual(kinds('const credentials = "Tq9$vLm2xR7p";'), ['credential assignment'], 'a random value is still found');
  });

  it('does not read an upper-case word after API- as an Octopus key', () => {
    assert.deepEqual(kinds('the route API-GATEWAYDEPLOYMENTSTAGEPRODUCTION is deprecated'), []);
  });
});

describe('notASecret: values that match a secret’s shape but open nothing', () => {
  it('references to a secret kept elsewhere', () => {
    for (const v of [
      '${NPM_TOKEN}',
      '$GITHUB_TOKEN',
      '%API_TOKEN%',
      '$env:ACME_KEY',
      '{{ secrets.DEPLOY_TOKEN }}',
      '$(cat /run/secrets/db)',
      '#{vault.password}',
      '<%= ENV["KEY"] %>',
    ])
      assert.equal(notASecret(v), 'reference', v);
    assert.equal(notASecret('$ecretPass9'), undefined, 'a password that starts with $ is still a password');
  });

  it('placeholders: filler bodies, angle brackets, the usual words', () => {
    for (const v of [
      `ghp_${'X'.repeat(36)}`,
      `sk_live_${'0'.repeat(24)}`,
      '<your-token>',
      'changeme',
      'xoxb-your-token-here',
      'your_api_key',
      'sk_live_replace_me',
      '********',
      '...',
    ])
      assert.equal(notASecret(v), 'placeholder', v);
    for (const v of [`ghp_${R.slice(0, 36)}`, 'Kx7!mQ2pZr9', `${'A'.repeat(22)}${R}${R}`]) assert.equal(notASecret(v), undefined, v);
  });

  it('the published documentation and emulator keys, also inside a longer finding', () => {
    for (const k of PUBLISHED_KEYS) assert.equal(notASecret(k.value), 'published-key', k.source);
    assert.equal(notASecret(`AccountKey=${PUBLISHED_KEYS[2].value};BlobEndpoint=http://127.0.0.1:10000/`), 'published-key');
  });

  it('password hashes (bcrypt, argon2, sha-crypt, Django) are hashes, not credentials', () => {
    const bcrypt = `$2b$12$${'SPl5phLknIEMcAlO603rYjwEHU7uUHXrI1Swnp884rNaRfVkH.PTW'}`;
    for (const v of [
      bcrypt,
      `$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$${R.slice(0, 43)}`,
      `$6$rounds=5000$${R}`,
      `pbkdf2_sha256$600000$${R.slice(0, 22)}$${R.slice(0, 43)}=`,
    ])
      assert.equal(notASecret(v), 'password-hash', v);
    assert.deepEqual(kinds(`{"password_hash": "${bcrypt}"}`), []);
  });
});

describe('credentials files decided by their content when its format is known', () => {
  const pem = (type: string) => `-----BEGIN ${type}-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuY414HZHlzUGBEWQrW7c\n-----END ${type}-----\n`;

  it('a .pem with only public keys or certificates is not a credentials file; one with a private key is', () => {
    assert.equal(contentShowsNoSecret('auth-public.pem', pem('PUBLIC KEY')), true);
    assert.equal(contentShowsNoSecret('chain.pem', pem('CERTIFICATE') + pem('CERTIFICATE')), true);
    assert.equal(contentShowsNoSecret('server.pem', pem('CERTIFICATE') + pem('PRIVATE KEY')), false);
    assert.equal(contentShowsNoSecret('server.key', 'binary or unknown'), false, 'unknown content keeps the name rule');
    assert.deepEqual(kinds(pem('PUBLIC KEY'), 'keys/auth-public.pem'), []);
    assert.deepEqual(kinds(pem('EC PRIVATE KEY'), 'keys/auth.pem'), ['credentials file', 'private key (PEM)']);
  });

  it('an .npmrc whose token is an environment reference holds no secret; a literal token does', () => {
    assert.equal(contentShowsNoSecret('.npmrc', '//npm.pkg.github.com/:_authToken=${NPM_TOKEN}\n'), true);
    assert.equal(contentShowsNoSecret('.npmrc', 'registry=https://registry.npmjs.org/\n'), true);
    assert.equal(contentShowsNoSecret('.npmrc', `//registry.npmjs.org/:_authToken=${R.slice(0, 36)}\n`), false);
    assert.equal(contentShowsNoSecret('.netrc', 'machine api.acme.io login ci password Kx7!mQ2pZr9\n'), false);
    assert.equal(contentShowsNoSecret('.env', 'A=${B}\n'), false, '.env stays local by its name');
  });
});

describe('the rules on bad input', function () {
  this.timeout(20_000);
  it('a 2 MB prompt of junk and one of binary bytes get a clear verdict', () => {
    const junk = Array.from({ length: 40_000 }, (_, i) => `# pass: ${i % 7 ? 'x' : ''}${i} API-${i} pat${i}. ZXlK${i} fastly_${i}=`).join('\n');
    const binary = Buffer.from(Array.from({ length: 2_000_000 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    for (const text of [junk, binary]) {
      const v = guard.scan({ prompt: text });
      assert.equal(typeof v.localOnly, 'boolean');
      assert.equal(v.reasons.length, v.findings.length);
      assert.equal(typeof guard.redact(text), 'string');
    }
  });
});
