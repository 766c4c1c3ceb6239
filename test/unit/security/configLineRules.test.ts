import * as assert from 'node:assert/strict';
import { credentialName } from '../../../src/core/security/credentialName';
import { genericCredentials } from '../../../src/core/security/genericCredentials';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 16 (issue #13): `name value` statements of network gear, VPNs and daemons, where a word that says
// secret is followed by its value with only spaces between (the eighth held-out split's configuration misses,
// as a family of the generic detector). Values are synthetic; the shapes are not the corpus records'.
const guard = new PrivacyGuard();
const scan = (text: string) => guard.scan({ prompt: text });
const found = (text: string) => genericCredentials(text).map((s) => text.slice(s.start, s.end));
const PW = 'Rk7vQ2mXz9Lt';

describe('secrets in name-space-value configuration statements (generic detector)', () => {
  const cases: Array<[family: string, text: string, secret: string]> = [
    ['VyOS set … pre-shared-secret', `set vpn ipsec site-to-site peer 198.51.100.2 authentication pre-shared-secret ${PW}`, PW],
    ['FortiOS set passwd', `config system admin\n    edit "ops"\n        set passwd ${PW}\n    next\nend`, PW],
    ['a secret word mid-command', `set access radius-server 10.1.2.3 secret ${PW} port 1812`, PW],
    ['dotted setting then value', `racadm set BIOS.SysSecurity.SetupPassword ${PW}`, PW],
    ['statements after ;', `Backlog WebServer 2; WebPassword ${PW}; Restart 1`, PW],
    ['PSK in a secrets file', `@gw-a @gw-b : PSK "${PW}+Yw3="`, `${PW}+Yw3=`],
    ['SNMP community, Cisco', `snmp-server community ${PW} rw 10`, PW],
    ['SNMP community, net-snmp', `rwcommunity ${PW} 10.0.0.0/8`, PW],
    ['short daemon password at a line start', 'vrrp_instance X {\n  authentication {\n    auth_pass 7kQmk2Rw\n  }\n}', '7kQmk2Rw'],
  ];
  for (const [family, text, secret] of cases) {
    it(`finds and redacts: ${family}`, () => {
      assert.ok(found(text).includes(secret), `${family}: ${JSON.stringify(found(text))}`);
      assert.ok(!guard.redact(text).includes(secret), guard.redact(text));
    });
  }

  it('a community is a credential only as the name’s head noun', () => {
    assert.equal(credentialName('community'), 'strong');
    assert.equal(credentialName('snmp_community'), 'strong');
    assert.equal(credentialName('community_edition'), undefined);
    assert.equal(credentialName('communityLicense'), undefined);
  });

  it('leaves the near misses alone', () => {
    const clean = [
      // Words, numbers, references and the public community after the secret word.
      'snmp-server community public RO 10',
      'snmp-server community $SNMP_RW RW',
      'set passwd ENC SH2aZ3x0cQ1/2bXYiWJvJ5p8uR4=',
      'The password reset link expires after 24 hours.',
      'I forgot my password yesterday and the token expired2024 page showed up.',
      'Refreshing token 5d0c7a3e-2b9f-4e61-8a47-c3f1b2d9e806 for the session.',
      // Code that declares, not assigns.
      'type Config struct {\n\tPassword string\n\tToken    string\n}',
      'CREATE TABLE users (id INT, password VARCHAR(255), token CHAR(64));',
      'for token in tokens:\n    print(token)',
      // A Makefile recipe's escaped shell variable.
      '\tcurl -H "Authorization: Bearer $$DEPLOY_TOKEN" $(API)/deploy',
      // Emphasis and words after a secret word in documentation.
      '- **Refresh Token Support**: tokens are never shown in the URL.',
      // The Community Edition and its licence text.
      'Upgrade from the community edition to Enterprise for SSO.',
    ];
    for (const text of clean) assert.deepEqual(scan(text).reasons, [], text);
  });
});
