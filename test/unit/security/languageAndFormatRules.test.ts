import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { publicInContext } from '../../../src/core/security/publicInContext';

// Session 14 (issue #13): the sixth held-out split's misses and false positives as families, with the
// guard's own rules (synchronous scan, no secretlint). Each family is found and its secret redacted, and
// its near misses stay clean. Values are synthetic.
const guard = new PrivacyGuard();
const scan = (text: string) => guard.scan({ prompt: text });
const R = 'Zq8vB2nW4kR6tY1uP3sX5cV7bN9mL0aD2fG4hJ6kL8pQ1wE3rT5yU7iO9';
const HEX = '9f3b7c2e1a8d4f6b0c5e7a9d2b4f6e8a1c3d5f7b9e0a2c4d6f8b1a3c5e7d9f0b';
const PW = 'Tq9!vLm2xR7p_4';
const UUID = '5d0c7a3e-2b9f-4e61-8a47-c3f1b2d9e806';

describe('secret rules for the sixth held-out split’s families', () => {
  const cases: Array<[family: string, secret: string, text: (s: string) => string]> = [
    // vendor tokens: a short prefix and a random tail; `app.key:secret`
    ['prefix and a 48-character tail', `acme_${R.slice(0, 48)}`, (s) => `the call returns 401 with ${s} since the rotation`],
    ['prefix with `server` and dashes', `Nmx-server-${R.slice(0, 6)}-${R.slice(6, 26)}`, (s) => `new Gateway({ serverKey: '${s}' })`],
    ['environment then `sk`', `test_sk_${R.slice(0, 24)}`, (s) => `I send ${s} as the Basic auth user`],
    ['`pk_<user id>_` personal token', `pk_40392817_${R.slice(0, 32).toUpperCase()}`, (s) => `http GET https://api.example.com/v2/user Authorization:${s}`],
    ['key name and secret', `${R.slice(0, 6)}.${R.slice(6, 12)}:${R.slice(12, 52)}`, (s) => `realtime = Realtime(key="${s}")`],
    // assignment operators of more languages, names ending in Key, name/value calls
    ['R `<-`', R.slice(0, 40), (s) => `api_token <- "${s}"`],
    ['Make `?=`', R.slice(0, 32), (s) => `DEPLOY_TOKEN ?= "${s}"`],
    ['subscript assignment', R.slice(0, 36), (s) => `ENV["SERVICE_TOKEN"] = "${s}"`],
    ['Go name ending in Key', HEX.slice(0, 40), (s) => `var mailerKey = "${s}"`],
    ['name/value call', R.slice(0, 48), (s) => `p.setProperty("service.client.secret", "${s}");`],
    ['Kotlin put(NAME, …)', R.slice(0, 48), (s) => `put(DefaultClient.API_SECRET_PROP_NAME, "${s}")`],
    ['PHP define', R.slice(0, 30), (s) => `define('STORE_API_KEY', '${s}');`],
    // INI short names, XML settings, parameter defaults, auth files
    ['INI `key=`', R.slice(0, 32), (s) => `[bot]\nemail=bot@chat.example.org\nkey=${s}\n`],
    ['INI `skey=`', R.slice(0, 40), (s) => `[radius_server_auto]\nikey=DIXXXXXXXXXXXXXXXXXX\nskey=${s}\n`],
    ['XML property named by an attribute', PW, (s) => `<property name="hibernate.connection.password">${s}</property>`],
    ['XML parameter with a value attribute', PW, (s) => `<Parameter name="mail.smtp.password" value="${s}" override="false"/>`],
    ['.NET setting with a value element', PW, (s) => `<setting name="ServicePassword" serializeAs="String">\n  <value>${s}</value>\n</setting>`],
    ['CloudFormation Default', PW, (s) => `Parameters:\n  DBMasterPassword:\n    Type: String\n    NoEcho: true\n    Default: '${s}'\n`],
    ['ARM defaultValue', PW, (s) => `"adminPassword": {\n  "type": "securestring",\n  "defaultValue": "${s}"\n}`],
    ['argparse default', R.slice(0, 32), (s) => `parser.add_argument("--api-token", default="${s}")`],
    ['pgbouncer userlist', PW, (s) => `"billing" "${s}"\n`],
    // Authorization values, HAR headers
    ['bare Authorization value', R.slice(0, 56), (s) => `curl -H 'Authorization: ${s}' https://api.example.io/v0.1/me`],
    ['Authorization parameter', UUID, (s) => `curl -H 'Authorization: HVAPIToken=ops@realm!ci=${s}' https://hv.lab/api`],
    ['HAR header object', `acme_${R.slice(0, 44)}`, (s) => `{"name": "Authorization", "value": "Bearer ${s}"}`],
    // auth calls, flags, URL paths
    ['Lua auth call', PW, (s) => `local res, err = red:auth("${s}")`],
    ['two-argument Auth()', R.slice(0, 40), (s) => `q = Auth('${R.slice(10, 50)}', '${s}')`],
    ['requests auth tuple', R.slice(0, 40), (s) => `requests.get(url, auth=("svc-report", "${s}"))`],
    ['`-t <uuid>`', UUID, (s) => `./uploader -t ${s} -f report.xml`],
    ['`-k=<hex>`', HEX.slice(0, 32).toUpperCase(), (s) => `obsutil config -i=AKXXXXXXXXXXXXXXXXXX -k=${s} -e=obs.example`],
    ['password that looks like a sub-option', `d=${R.slice(0, 14)}`, (s) => `mongosh "mongodb://db:27017" --username ops --password '${s}'`],
    ['token in a channel URL path', `n9-${UUID}`, (s) => `channels:\n  - https://conda.example.org/t/${s}/private\n`],
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
      `ids: org-${R.slice(0, 24)}, proj_${R.slice(0, 24)}, cus_${R.slice(0, 14)}`,
      `integrity sha512-${R.slice(0, 40)} and build-${HEX.slice(0, 12)}`,
      `<Provider sdkKey="client-${R.slice(0, 44)}">`,
      `analytics._writeKey = "${R.slice(0, 32)}";`,
      '[ui]\nkey=dashboard_title_label\nauth=ldap',
      '<property name="hibernate.connection.password">${DB_PASSWORD}</property>',
      `docker build -t registry.example.com/app:${HEX.slice(0, 12)} .`,
      `az login --service-principal -u ${UUID} --certificate sp.pem -t ${UUID}`,
      'red:auth(os.getenv("REDIS_PASSWORD"))',
      'curl -H "Authorization: $API_TOKEN" https://api.example.com/me',
      'key = 000102030405060708090a0b0c0d0e0f',
      'https://forum.example.org/t/how-to-rotate-keys-safely/48213',
      'const myVeryLongFunctionNameForTesting_handleRequest = 1;',
    ];
    for (const text of clean) assert.deepEqual(scan(text).reasons, [], text);
  });
});

describe('not a secret by marker or by where it is published (session 14)', () => {
  it('ciphertext committed by design is not a secret; the same value without the marker may be', () => {
    assert.equal(notASecret(`{cipher}${HEX}`), 'ciphertext');
    assert.equal(notASecret(`ENC(${R.slice(0, 40)})`), 'ciphertext');
    assert.equal(notASecret(HEX), undefined);
  });

  it('a URL whose password is a placeholder is not a secret; with a password it is', () => {
    assert.equal(notASecret('postgres://app:<password>@localhost:5432/app'), 'placeholder');
    assert.equal(notASecret(`postgres://app:${PW}@localhost:5432/app`), undefined);
  });

  it('counting bytes are a test vector, random hex is not', () => {
    assert.equal(notASecret('000102030405060708090a0b0c0d0e0f'), 'placeholder');
    assert.equal(notASecret(HEX.slice(0, 32)), undefined);
  });

  it('a value in a DNS TXT record is public', () => {
    const text = `@ 300 IN TXT "vendor-domain-verification=${R.slice(0, 40)}"`;
    const at = text.indexOf(R.slice(0, 40));
    assert.equal(publicInContext(text, at, at + 40), 'dns-txt-record');
    assert.deepEqual(scan(text).reasons, []);
  });
});
