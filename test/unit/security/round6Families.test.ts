import * as assert from 'node:assert/strict';
import { genericCredentials } from '../../../src/core/security/genericCredentials';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';
import { randomAssignments } from '../../../src/core/security/randomAssignments';
import { clearlyRandom, publicValueName } from '../../../src/core/security/valueShape';
import { genericSpans, itFindsAndRedacts, type FamilyCase } from './genericFamilyCases';

// Session 21 (issue #13): the value-shape lever, and the fifteenth held-out split's misses as families. Every value
// here is synthetic and written for these tests (none is a `train-15` record's); each family has look-alikes beside it.
const guard = new PrivacyGuard();
const clean = (t: string, path?: string) =>
  assert.equal(guard.scan({ prompt: '', attachments: [{ path, content: t }] }).localOnly, false, `${t} → ${guard.scan({ prompt: t }).reasons.join('; ')}`);

describe('value shape: clearlyRandom and public names (session 21)', () => {
  it('takes random tokens and generated passwords, with no name to say so', () => {
    for (const v of ['Qm7xT2vLk9RpZ4wYb8NcJ3hF', 'uR8kTq2ZmW5xLp9vNc4B', 'Hk7#qLm2Zx9pR', 'Zt8vQ2mLx7RkPw4N']) assert.ok(clearlyRandom(v), v);
  });

  it('leaves the look-alike families alone: digests, padded base64, addresses, ids, versions, words, code', () => {
    for (const v of [
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', // hex digest
      'dGhpcyBpcyBhIHRlc3QgdmFsdWUgb2Yga2V5=', // padded base64
      '0x52908400098527886E0F7030069857D2E4169EE7', // Ethereum address
      'xpub6CUGRUonZSQ4TWtTMmzXdrXDtypWKiKrhko4egpiMZbpiaQL2jkwSB1icqYh2cfDfVxdx4df189oJKnC5fSwqPfgyP3hooxujYzAu3fDVmz',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', // bech32, one case
      'QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG', // IPFS CID (base58)
      'ch_3Nq8vLm2Zx7RkPw4Tb9Yc2Hd', // an object id behind its type's prefix
      '$6$rounds=5000$Zq8vLm2T$Xk9pR4wYb8NcJ3hFq2ZmW5xLp9vN', // crypt hash
      'AppleWebKitVersion537', // words and digits
      'exports.isIPv4MappedIPv6', // code
      'GLM-4.7-FlashX', // a model's name
      'utf8=%E2%9C%93', // percent-encoding
      'O53C1al0p5fW.dll', // a file name
      'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2', // a label before a digest
    ])
      assert.equal(clearlyRandom(v), false, v);
  });

  it('calls ids, digests and public values by their names', () => {
    for (const n of ['videoId', 'commit_sha', 'integrity', 'nextPageToken', 'publicKey', 'azp', 'SHA256', 'writeKey', 'EchoToken'])
      assert.ok(publicValueName(n), n);
    for (const n of ['session', 'fr24', 'licenseBlob', 'opsadmin']) assert.equal(publicValueName(n), false, n);
  });
});

describe('randomAssignments: any binding whose value is random by its shape (session 21)', () => {
  const found: FamilyCase[] = [
    ['an assignment under a name nobody listed', `export BLIMP_SESSION_COOKIE=Qm7xT2vLk9RpZ4wYb8NcJ3hF`, 'Qm7xT2vLk9RpZ4wYb8NcJ3hF', 'shape'],
    ['a YAML entry named for its user', `users:\n  opsadmin: Hk7#qLm2Zx9pR\n`, 'Hk7#qLm2Zx9pR', 'shape'],
    ['a flag nobody listed', `vsqlx -h db.lab.example -W uR8kTq2ZmW5xLp9vNc4B -c 'select 1'`, 'uR8kTq2ZmW5xLp9vNc4B', 'shape'],
    ['a positional argument after a login verb', `$ cargo login cioZt8vQ2mLx7RkPw4NqB5yH3cJ6dF9\n`, 'cioZt8vQ2mLx7RkPw4NqB5yH3cJ6dF9', 'shape'],
    [
      'a literal a few words after a credential name (ABAP)',
      `    CONSTANTS lc_api_key TYPE string VALUE 'Tq7vLm2Zx9pRk4wYb8NcJ3hFq2ZmW5x0'.`,
      'Tq7vLm2Zx9pRk4wYb8NcJ3hFq2ZmW5x0',
      'shape',
    ],
  ];
  itFindsAndRedacts(found, guard);

  it('leaves look-alikes under any name alone', () => {
    for (const t of [
      'checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
      'videoId: Qm7xT2vLk9RpZ4wYb8NcJ3hF',
      'https://www.example.com/search?q=jarvis&ved=0ahUKEwiQm7xT2vLk9RpZ4wYb8NcJ3hF',
      'minisign -Vm release.tar.gz -P RWQm7xT2vLk9RpZ4wYb8NcJ3hFq2ZmW5xLp9vNc4BHk7qLm2Zx9pR',
      '{"keys": [{"kid": "Qm7xT2vLk9RpZ4wYb8Nc", "x": "uR8kTq2ZmW5xLp9vNc4BQm7xT2vLk9RpZ4wYb8N"}]}',
      'const result = nanoid.safeParse("Xq90uDyhddC53KsoASYJGX");',
      'value = bufferToBase64Url(bytes)',
      'cargo login --registry internal-mirror',
      'docker login registry.gitlab.example.com',
      'const r = W6&&W6.isMap(x)',
    ])
      assert.deepEqual(randomAssignments(t), [], t);
  });
});

describe('round-6 families: the fifteenth held-out split’s misses (session 21)', () => {
  const found: FamilyCase[] = [
    [
      'a list bound to a credential name',
      `{\n  secrets => ['9c41e07bd2a86f35c1e0b74d29a8f6e3d15c07ab'],\n}`,
      '9c41e07bd2a86f35c1e0b74d29a8f6e3d15c07ab',
      'name',
    ],
    ['a feeder’s sharing key', `receiver="beast-tcp"\nfr24key="9b2e4c7d1a6f3e80"\n`, '9b2e4c7d1a6f3e80', 'name'],
    ['juxtaposed constructor arguments (Haskell)', `creds = BasicAuthData "meter-sync" "Wq8#zLm3Tv6Rk2"`, 'Wq8#zLm3Tv6Rk2', 'call'],
    [
      'a connect call’s password before Julia’s keyword arguments',
      `conn = DBInterface.connect(MySQL.Connection, "db.farm.example", "agro", "Zx7=!qLm2Rk9~V"; db = "yield")`,
      'Zx7=!qLm2Rk9~V',
      'call',
    ],
    ['monit’s allow user:password', `set httpd port 2812 and\n    allow 10.0.0.0/8\n    allow ops:"Kv4%Tq-Lm8zRx2"\n`, 'Kv4%Tq-Lm8zRx2', 'file-line'],
    ['a Jetty realm file by its format comment', `# username: password[,rolename ...]\nsupport: 7%Kq2mZx9Lv4T,admin\n`, '7%Kq2mZx9Lv4T', 'file-line'],
    [
      'a key as an API call’s path segment',
      `curl https://services.ships.example/api/exportvessel/v:5/4e1a9c07b38d52f6a01e9c4b7d3f8a25c6e0b19d/timespan:20`,
      '4e1a9c07b38d52f6a01e9c4b7d3f8a25c6e0b19d',
      'url',
    ],
  ];
  itFindsAndRedacts(found, guard);

  it('a realm file by its name, with stored forms left alone', () => {
    const text = 'opsadmin: 7%Kq2mZx9Lv4T,admin\nviewer: MD5:164c88b302622e17050af52c89945d44,user\n';
    const values = genericCredentials(text, 'etc/realm.properties').map((s) => text.slice(s.start, s.end));
    assert.deepEqual(values, ['7%Kq2mZx9Lv4T']);
  });

  it('SQL*Plus’s CONNECT statement with a quoted password', () => {
    const text = 'WHENEVER SQLERROR EXIT 1\nCONNECT batch_user/"Rk8%Tq2#Lm9zVx"@CLAIMS\nSELECT 1 FROM dual;';
    assert.ok(guard.scan({ prompt: text }).localOnly);
    assert.ok(!guard.redact(text).includes('Rk8%Tq2#Lm9zVx'));
  });

  it('leaves their look-alikes alone', () => {
    for (const t of [
      `secrets => [],\nkeys => ['id', 'name'],`,
      `{"keys": [ { "kid": "Hx8Lq2Vm7Tz3Rb9Wn4Kc", "use": "sig" } ]}`,
      'fr24key=""\nmlat="yes"',
      'creds = BasicAuthData "meter-sync" passwordFromEnv',
      'conn = DBInterface.connect(MySQL.Connection, "db.farm.example", "agro", ENV["DB_PW"]; db = "yield")',
      'set httpd port 2812\n    allow localhost\n    allow @monitgroup readonly\n    allow admin:monit',
      '# username: password[,rolename ...]\nviewer: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v,user\nops: CRYPT:adpexzg3FUZAk,admin',
      'CONNECT / AS SYSDBA\nCONNECT batch_user/&pw@CLAIMS\nCONNECT batch_user@CLAIMS',
      'curl https://gitlab.example.com/api/v4/projects/12/repository/commits/4e1a9c07b38d52f6a01e9c4b7d3f8a25c6e0b19d',
      '<OTA_HotelResNotifRQ EchoToken="7c1e9a40-2b6d-4f83-9e0a-5d2c8b7f6a13" Version="1.0">',
    ])
      clean(t);
    assert.deepEqual(genericSpans('viewer: MD5:164c88b302622e17050af52c89945d44,user'), []);
  });
});
