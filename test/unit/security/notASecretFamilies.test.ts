import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 16 (issue #13): values that fill a credential's place without being one (the eighth held-out
// split's false positives, as families): interpolation references, ciphertext by its tool's marker, UUIDs
// under names that say id, Firebase's mobile app configs and web analytics beacons. Each rule also has the
// case that must stay a secret. Values are synthetic.
const guard = new PrivacyGuard();
const scan = (text: string, path?: string) =>
  path === undefined ? guard.scan({ prompt: text }) : guard.scan({ prompt: 'see attached', attachments: [{ path, content: text }] });
const UUID = '3b7e9c1d-44a2-4f0e-9d6b-8a2c5e1f7b30';
const GKEY = 'AIzaSyD3kPq8vW2xR5tY7uZ9aB1cE4fH6jL0nM2';

describe('not-a-secret families', () => {
  it('interpolation references: %(name)s and Make’s $$VAR', () => {
    assert.equal(notASecret('%(ENV_SMTP_PASSWORD)s'), 'reference');
    assert.equal(notASecret('%(here)s'), 'reference');
    assert.equal(notASecret('$$CI_DEPLOY_TOKEN'), 'reference');
    assert.equal(notASecret('$${API_TOKEN}'), 'reference');
    assert.deepEqual(scan('[program:worker]\nenvironment=SMTP_PASSWORD="%(ENV_SMTP_PASSWORD)s",QUEUE_TOKEN="%(ENV_QUEUE_TOKEN)s"').reasons, []);
    // A password that merely starts with `$$` or `%(` is still one.
    assert.equal(notASecret('$$ecret9Kq2'), undefined);
    assert.ok(scan('environment=SMTP_PASSWORD="%(x9Kq!2mZ"').localOnly);
  });

  it('the bearer-token RFC’s and OpenID Connect’s example tokens are published', () => {
    assert.equal(notASecret('mF_9.B5f-4.1JqM'), 'published-key');
    assert.deepEqual(scan('GET /userinfo HTTP/1.1\nHost: server.example.com\nAuthorization: Bearer SlAV32hkKG').reasons, []);
  });

  it('ciphertext by its marker: Jenkins {…} base64 and {AES256}', () => {
    assert.equal(notASecret('{AQAAABAAAAAgq3v9Xk2mP8rT5wY1zC7bN4dF6hJ0lS2uE8aG}'), 'ciphertext');
    assert.equal(notASecret('{AES256}Zx8q2LwP4mR7tV1yB5nC9dF3hJ6kS0uE'), 'ciphertext');
    // Braces around a short or non-base64 value are not Jenkins ciphertext.
    assert.equal(notASecret('{Tq9!vLm2}'), undefined);
    assert.equal(notASecret('{xor}Lz4sLCgwLTs='), undefined);
    const xml = (v: string) =>
      `<list>\n  <com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n    <id>deploy</id>\n    <username>ci</username>\n    <password>${v}</password>\n  </com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n</list>`;
    assert.deepEqual(scan(xml('{AQAAABAAAAAgq3v9Xk2mP8rT5wY1zC7bN4dF6hJ0lS2uE8aG}'), 'jenkins/credentials.xml').reasons, []);
    // The same file with a plain password stays local (by name and by content).
    assert.ok(scan(xml('Tq9!vLm2xR7p'), 'jenkins/credentials.xml').localOnly);
    // An XML credentials file without any credential element is a format not understood: local by its name.
    assert.ok(scan('<settings><mirror>central</mirror></settings>', 'credentials.xml').localOnly);
  });

  it('a UUID under a name that ends in Id is an identifier; Vault’s secret_id is not', () => {
    for (const text of [
      `<PropertyGroup>\n  <UserSecretsId>${UUID}</UserSecretsId>\n</PropertyGroup>`,
      `"tenant_id": "${UUID}",`,
      `ProjectGuid = "{${UUID.toUpperCase()}}"`,
      `workspaceId: ${UUID}`,
    ])
      assert.deepEqual(scan(text).reasons, [], text);
    assert.ok(scan(`vault write auth/approle/login role_id=web secret_id=${UUID}`).localOnly);
    assert.ok(scan(`VAULT_SECRET_ID="${UUID}"`).localOnly);
    assert.ok(scan(`"api_token": "${UUID}"`).localOnly);
  });

  it('the Android and iOS Firebase configs’ API key is public like the web config’s', () => {
    const android = `{\n  "client": [{\n    "client_info": { "mobilesdk_app_id": "1:2345:android:ab12", "android_client_info": { "package_name": "io.lab.app" } },\n    "api_key": [{ "current_key": "${GKEY}" }]\n  }]\n}`;
    assert.deepEqual(scan(android, 'app/google-services.json').reasons, []);
    const ios = `<dict>\n<key>API_KEY</key>\n<string>${GKEY}</string>\n<key>GOOGLE_APP_ID</key>\n<string>1:2345:ios:cd34</string>\n</dict>`;
    assert.deepEqual(scan(ios, 'GoogleService-Info.plist').reasons, []);
    // The same key in a server call stays a secret.
    assert.ok(scan(`curl "https://maps.googleapis.com/maps/api/geocode/json?address=Oslo&key=${GKEY}"`).localOnly);
  });

  it('a web analytics beacon’s site token is public; a token in another script tag is not', () => {
    const token = '7c3e9a1f5b2d4e6a8c0f1e3d5b7a9c2e';
    assert.deepEqual(
      scan(`<script defer src="https://static.cloudflareinsights.com/beacon.min.js" data-cf-beacon='{"token": "${token}"}'></script>`).reasons,
      [],
    );
    assert.ok(scan(`<script>const api = new Client({ token: "${token}" });</script>`).localOnly);
  });
});
