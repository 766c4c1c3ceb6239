import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { publicInContext } from '../../../src/core/security/publicInContext';

// Session 13, round 2 (issue #13): the fifth held-out split's misses and false positives as families, with
// the guard's own rules (synchronous scan, no secretlint). Each family is found and its secret redacted,
// and its near misses stay clean. Values are synthetic.
const guard = new PrivacyGuard();
const scan = (text: string, path?: string) => guard.scan({ prompt: path ? '' : text, attachments: path ? [{ path, content: text }] : [] });
const redacted = (text: string) => guard.redact(text);
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';
const HEX = '9f3b7c2e1a8d4f6b0c5e7a9d2b4f6e8a1c3d5f7b9e0a2c4d6f8b1a3c5e7d9f0b';
const PW = 'Tq9!vLm2xR7p';
const B64 = Buffer.from(R + R).toString('base64');
// A DER PKCS#12 header (SEQUENCE, version 3, pkcs7-data) and random bytes after it.
const PFX = Buffer.concat([Buffer.from('30820a0b02010330820 9c406092a864886f70d010701a082'.replace(/\s/g, ''), 'hex'), Buffer.from(R.repeat(6))]).toString(
  'base64',
);

describe('secret rules for the fifth held-out split’s families', () => {
  const cases: Array<[family: string, secret: string, text: (s: string) => string]> = [
    // headers named for a credential, vendor schemes, token-shaped values with a dot
    ['header named …-Token', R.slice(0, 40), (s) => `curl -H 'Buildkite-Token: ${s}' https://api.example.dev`],
    ['header named …-api-key, YAML list value', HEX.slice(0, 48), (s) => `    headers:\n      vendor-api-key:\n      - ${s}\n    method: POST`],
    ['vendor Authorization scheme', HEX.slice(0, 32), (s) => `Authorization: AcmeAK ${s}`],
    ['bearer token with a dot', `tok.${HEX.slice(0, 60)}`, (s) => `-H "Authorization: Bearer ${s}"`],
    ['lower-case token with an underscore', `sk_${HEX.slice(0, 48)}`, (s) => `xi-api-key: ${s}`],
    // form fields and command lines
    ['form field', HEX.slice(0, 32), (s) => `curl https://api.example.com/deploy -F access_token=${s} -F env=prod`],
    [
      'form field, --form-string',
      'a4k2mz9q0w8e7r6t5y4u3i2o1p0lkj',
      (s) => `curl --form-string 'token=${s}' --form-string 'message=hi' https://api.example.net`,
    ],
    ['API key as the basic-auth user', R.slice(0, 20), (s) => `curl -v -u ${s}:X https://example.freshdesk.com/api/v2/tickets`],
    ['auth flag user:token', HEX.slice(0, 34), (s) => `java -jar jenkins-cli.jar -s https://ci.example.net/ -auth deploy:${s} build app`],
    ['quoted -P', PW, (s) => `mosquitto_pub -h mqtt.example.net -u pi -P '${s}' -t t -m 1`],
    ['quoted -p=', R.slice(0, 60), (s) => `podman login -u='org+bot' -p='${s}' quay.io`],
    ['htpasswd with its flags apart', PW, (s) => `: 1764590112:0;sudo htpasswd -c -b /etc/nginx/.htpasswd qa '${s}'`],
    ['app-specific password', 'ffhi-rqyz-mbdo-zwun', (s) => `xcrun altool --notarize-app --username ci@example.app --password '${s}' --file App.zip`],
    // SDK calls with literal credentials
    ['credential constructor, last argument', R.slice(0, 32), (s) => `cred = credential.Credential("AKID${R.slice(0, 32)}", "${s}")`],
    ['SDK constructor', `APP_USR-5672108244978363-900334-${HEX.slice(0, 32)}-891034086`, (s) => `sdk = mercadopago.SDK("${s}")`],
    ['token setter', R.slice(0, 40), (s) => `api.setAccessToken("${s}");`],
    // structures
    ['.NET settings Key', `${B64.slice(0, 86)}==`, (s) => `"Cosmos": {\n  "Endpoint": "https://x.documents.azure.com:443/",\n  "Key": "${s}"\n}`],
    ['key/value pair', 'dvIer1n_nmQWy6j5', (s) => `"basic": [{ "key": "password", "value": "${s}", "type": "string" }]`],
    [
      '.NET RSAKeyValue with private parts',
      `<RSAKeyValue><Modulus>${B64.slice(0, 172)}</Modulus><Exponent>AQAB</Exponent><D>${B64.slice(0, 172)}</D></RSAKeyValue>`,
      (s) => `<add key="SigningKeyXml" value="${s}" />`,
    ],
    [
      'unattend password Value',
      'nKUBfsYHr6%frI',
      (s) => `<AdministratorPassword>\n  <Value>${s}</Value>\n  <PlainText>true</PlainText>\n</AdministratorPassword>`,
    ],
    ['base64 PKCS#12', PFX, (s) => `PFX_B64='${s}'\naz keyvault certificate import --file cert.pfx`],
    ['LDAP bind secret', 'mN44_pQCcH*onugzbS', (s) => `[domain/corp]\nldap_default_authtok_type = password\nldap_default_authtok = ${s}`],
    ['session cookie', 'klrhgjsq7kcch5l0fmmd83z4kmiaz6ja', (s) => `"value": "csrftoken=abc; sessionid=${s}"`],
    ['printed by the command before', 'Y0wG%6sKPO+76LTj_f8x6n', (s) => `$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n${s}\n$ psql`],
  ];
  for (const [family, secret, make] of cases) {
    it(`finds and redacts: ${family}`, () => {
      const text = make(secret);
      assert.ok(scan(text).localOnly, `${family}: not flagged`);
      assert.ok(!redacted(text).includes(secret), redacted(text));
    });
  }

  it('leaves the near misses alone', () => {
    const clean = [
      `Sec-WebSocket-Key: ${B64.slice(0, 22)}==\nX-Request-Key: 7c1e4b2a-93d5-4f08-b6a1-2e9d0c5f8a73`,
      'the authorization header is required for every request, the docs say so',
      'curl -F "token=$PUSH_TOKEN" -F "user=$PUSH_USER" https://api.example.net/1/send',
      'cred = credential.Credential(os.environ["TC_ID"], os.environ["TC_KEY"])\nsdk = mercadopago.SDK(os.getenv("MP_TOKEN"))',
      'mysql -h db -P 3306 -u app -p\nmosquitto_pub -p 8883 -t x -m 1',
      `<RSAKeyValue><Modulus>${B64.slice(0, 172)}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>`,
      '{"basic": [{"key": "username", "value": "erp_integration"}, {"key": "password", "value": "{{erp_password}}"}]}',
      '$ kubectl get secret db -o jsonpath=\'{.data.password}\' | base64 -d\nerror: secrets "db" not found',
      'const next = config.retryPolicy.maxAttempts;',
    ];
    for (const text of clean) assert.deepEqual(scan(text).reasons, [], text);
    const unit = '[Service]\nLoadCredential=db-password:/etc/app/creds/db-password\nEnvironment=DB_PASSWORD_FILE=%d/db-password\n';
    assert.deepEqual(scan(unit, 'app.service').reasons, [], 'systemd credential sources name files');
  });
});

describe('public by design, by name or by SDK (session 13, round 2)', () => {
  it('client tokens their vendors publish for browsers are not secrets; their server keys are', () => {
    assert.equal(notASecret('pub0f5af905a1c5b9d8a49bef9b18f3c171'), 'public-by-design');
    assert.equal(notASecret('production_qown5yfv_jcxfr15thqapuj90'), 'public-by-design');
    assert.equal(notASecret('0f5af905a1c5b9d8a49bef9b18f3c171'), undefined);
  });

  it('a key held in a name that says public is public; the same value named otherwise is not', () => {
    const text = `const DISCORD_PUBLIC_KEY = '${HEX}';`;
    const at = text.indexOf(HEX);
    assert.equal(publicInContext(text, at, at + HEX.length), 'named-public-key');
    const other = `const DISCORD_BOT_KEY = '${HEX}';`;
    assert.equal(publicInContext(other, other.indexOf(HEX), other.indexOf(HEX) + HEX.length), undefined);
  });

  it('a browser SDK’s init key is public; the same key beside a server SDK is flagged', () => {
    const key = HEX.slice(0, 32);
    const browser = `import Bugsnag from '@bugsnag/js';\nBugsnag.start({\n  apiKey: '${key}',\n});`;
    assert.deepEqual(scan(browser).reasons, []);
    const server = `import Bugsnag from '@bugsnag/node';\nBugsnag.start({\n  apiKey: '${key}',\n});`;
    assert.equal(publicInContext(server, server.indexOf(key), server.indexOf(key) + key.length), undefined);
  });
});
