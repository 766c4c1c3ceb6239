import * as assert from 'node:assert/strict';
import { credentialName } from '../../../src/core/security/credentialName';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { genericSpans, itFindsAndRedacts, type FamilyCase } from './genericFamilyCases';
import { urlCredentials } from '../../../src/core/security/urlCredentials';

// Session 18 (issue #13): the ninth and tenth held-out splits' other misses, as families of the generic detector:
// URLs that carry a credential without naming it, calls given a host, a user and a password, values in shapes the
// name scan did not read (decimal byte arrays, a quoted literal inside a literal, a directive's flags before its
// value, UCI `option` statements), and names it did not know (`secret_id`, `…pw`). Values are synthetic.
const guard = new PrivacyGuard();

const PW = 'Vn3#kLq8Zt2wRm';
const TOKEN = 'Jr5TbW2qLx8NvK4mZp7c';

describe('URLs, calls and value shapes (generic detector, session 18)', () => {
  const cases: FamilyCase[] = [
    ['multi-field userinfo: the last field', `AUTH_URL=sync://app-client::${TOKEN}Qe9@login.lab.example`, `${TOKEN}Qe9`, 'url'],
    ['random segment after an API version', `curl -X POST https://iot.lab.example/api/v2/${TOKEN}/attributes -d '{}'`, TOKEN, 'url'],
    ['host, user, password literals in a constructor', `conn = new MainframeSession("sys9.lab.example", "OPSBATCH", "K7QX2M9PZ4");`, 'K7QX2M9PZ4', 'call'],
    ['host, user, password literals in a call', `client = Ssh.open("10.20.30.40", "deploy", "${PW}")`, PW, 'call'],
    [
      'decimal byte array under a key name',
      `zigbee:\n  link_key: [17, 203, 88, 4, 250, 61, 139, 72, 9, 190, 33, 118, 227, 46, 101, 164]`,
      '17, 203, 88, 4, 250, 61, 139, 72, 9, 190, 33, 118, 227, 46, 101, 164',
      'name',
    ],
    ['a quoted literal inside a literal', `resValue "string", "PAYMENTS_API_SECRET", "\\"${TOKEN}\\""`, TOKEN, 'name'],
    ['a directive’s flags before its value', `bootloader --location=mbr\nbindpw --clear ${PW}\n`, PW, 'name'],
    ['UCI option statement', `config wifi-iface 'guest'\n\toption ssid 'Lab-Guest'\n\toption key 'Hy7-qmT4-vPx9Lr2'`, 'Hy7-qmT4-vPx9Lr2', 'name'],
    [
      'secret_id is the secret half of a login',
      `role_id=app-etl secret_id=2f6b9d41-8c3e-4a7f-b1d2-5e9c0a7f3b18`,
      '2f6b9d41-8c3e-4a7f-b1d2-5e9c0a7f3b18',
      'name',
    ],
  ];
  itFindsAndRedacts(cases, guard);

  it('names: secret_id and …pw are credentials; other ids and words ending in pw-like letters are not', () => {
    assert.equal(credentialName('secret_id'), 'strong');
    assert.equal(credentialName('VAULT_SECRET_ID'), 'strong');
    assert.equal(credentialName('rootpw'), 'strong');
    assert.equal(credentialName('client_id'), undefined);
    assert.equal(credentialName('secret_id_ttl'), undefined);
    assert.equal(credentialName('secret_name'), undefined);
  });

  it('leaves the near misses alone', () => {
    const clean = [
      // Userinfo with one field pair (the URL-password rule's), references and words; ids and words after /v1/.
      'sync://app-client::${REFRESH_TOKEN}@login.lab.example',
      'proto://a:b:c@host.lab.example',
      'https://api.lab.example/v1/users/8f2c1e7a-5b3d-4e9f-a1c2-7d8e9f0a1b2c/orders',
      'https://api.lab.example/v1/customerAccounts/summary',
      'https://api.lab.example/v1/64b7f0c2e1a9d3f4b5c6a7e8/items',
      'see docs/v2/Zp4q9Lm2Vt8K3wR7nB5c/readme in the archive (not a URL)',
      // Three literals that are not host, user, password.
      'fmt("api.lab.example", "v1", "users")',
      'connect("db.lab.example", "app", "app_db")',
      'log("build.lab.example", "2024-01-01", "12345678")',
      // Byte arrays that count, repeat or are not bytes; a key name without a value.
      'ext_pan_id: [221, 221, 221, 221, 221, 221, 221, 221, 221, 221, 221, 221, 221, 221, 221, 221]',
      'network_key: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]',
      'network_key: [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 1100, 1200, 1300, 1400, 1500, 1600, 1700]',
      // A quoted literal inside a literal that is a URL or a word; a hashed root password; UCI options that are words.
      'buildConfigField "String", "API_SECRET_URL", "\\"https://vault.lab.example\\""',
      'rootpw --iscrypted $6$Qx9$Zp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG2aE4iO7uK',
      "\toption key 'psk2'",
      "\toption encryption 'sae-mixed'",
    ];
    for (const text of clean) {
      assert.deepEqual(genericSpans(text), [], text);
      assert.deepEqual(urlCredentials(text), [], text);
    }
  });
});
