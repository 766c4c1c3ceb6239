import * as assert from 'node:assert/strict';
import { notASecret } from '../../../src/core/security/notASecret';
import { publicInContext } from '../../../src/core/security/publicInContext';
import { PrivacyGuard } from '../../../src/core/security/PrivacyGuard';

// Session 18 (issue #13): look-alikes the ninth and tenth held-out splits flagged, as families: stored hashes and
// ciphertext under names that say so, published test vectors, identifiers under a bare `id`, segmented filler
// templates, placeholders in other languages, .env files whose values are all held elsewhere. Each family has the
// case that must stay a secret. Values are synthetic, written apart from the corpus records.
const guard = new PrivacyGuard();
const scan = (text: string, path?: string) =>
  path === undefined ? guard.scan({ prompt: text }) : guard.scan({ prompt: 'see attached', attachments: [{ path, content: text }] });
const at = (text: string, value: string) => publicInContext(text, text.indexOf(value), text.indexOf(value) + value.length);

describe('public and placeholder families (session 18)', () => {
  it('a field named for a hash or ciphertext holds what is stored, not the secret', () => {
    const hash = 'Qm9vN2x5V1pYa0tFcnR5dU1wQzNhYmNkZWZnaGlq';
    for (const line of [`"password_hash": "${hash}"`, `passwordDigest: ${hash}`, `"encryptedSecret": "${hash}"`, `hashed_token = "${hash}"`]) {
      assert.equal(at(line, hash), 'hashed-or-encrypted-field', line);
      assert.deepEqual(scan(`{\n  ${line}\n}`).reasons, [], line);
    }
    // The plaintext beside it, an application salt and an encryption key stay secrets.
    assert.equal(at(`"password": "${hash}"`, hash), undefined);
    assert.ok(scan(`{\n  "password": "Vt8#qLm2Zp9xK4"\n}`).localOnly);
    assert.ok(scan(`$settings['hash_salt'] = '${hash}';`).localOnly);
    assert.ok(scan(`ENCRYPTION_KEY=${hash}`).localOnly);
  });

  it('a hex key or a mnemonic under a comment that names a published test vector', () => {
    const key = '8f3e2a9b7c1d0e4f6a5b3c2d1e0f9a8b';
    const kat = `class GcmKat {\n  // FIPS 197 known-answer test, example 2\n  static final String KEY = "${key}";\n}`;
    assert.equal(at(kat, key), 'published-test-vector');
    assert.deepEqual(scan(kat).reasons, []);
    const words = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    const vec = `# reference vector 2 of the wordlist tests\nmnemonic = "${words}"`;
    assert.equal(at(vec, words), 'published-test-vector');
    assert.deepEqual(scan(vec).reasons, []);
    // The same key without the comment, or the comment five lines away, is judged as usual.
    assert.ok(scan(`class Crypto {\n  static final String AES_KEY = "${key}";\n}`).localOnly);
    assert.equal(at(`// test vectors below\n\n\n\n\nAES_KEY = "${key}"`, key), undefined);
  });

  it('a token-shaped value under a bare `id` / `rawId` is an identifier', () => {
    const cred = `{"id": "Kx_4mQv8TzR2wYp6NbL0cJfH3dSa9gUe1iOk7rWn5Zs", "type": "public-key"}`;
    assert.deepEqual(scan(cred).reasons, []);
    // The same shape under a name that says token stays a secret.
    assert.ok(scan(`{"token": "Kx_4mQv8TzR2wYp6NbL0cJfH3dSa9gUe1iOk7rWn5Zs"}`).localOnly);
  });

  it('segmented filler templates and placeholders in other languages', () => {
    assert.equal(notASecret('AB.xxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx'), 'placeholder');
    assert.equal(notASecret('AB.xxxxxxxx.Zp4q9Lm2Vt8K3wR7nB5cY1dF6hJ0sG'), undefined);
    for (const v of ['tu_contraseña_aquí', 'cambia-esto-ya', 'votre-mot-de-passe-ici', 'dein_passwort_hier', 'altere-esta-senha'])
      assert.equal(notASecret(v), 'placeholder', v);
    // Words with a random part, or words that say nothing about being a placeholder, are not placeholders.
    assert.equal(notASecret('tu_clave_Zp4q9Lm2'), undefined);
    assert.equal(notASecret('caballo-bateria-grapa'), undefined);
  });

  it('.env templates by their name in other languages, and the env file `op run` reads, are shared', () => {
    const refs = 'API_TOKEN=op://Platform/Billing API/token\nDB_PASSWORD="op://Platform/billing-db/password"\nAPP_HOST=billing.lab.example\n';
    assert.deepEqual(scan(refs, 'deploy/.env.op').reasons, []);
    assert.deepEqual(scan('# rellena y copia a .env\nCLAVE_SMTP=pon-aqui-tu-clave\nSMTP_HOST=mail.lab.example\n', '.env.plantilla').reasons, []);
    // The same lines in a real .env stay local by its name; a literal secret in a template is still found.
    assert.ok(scan(refs, '.env.local').localOnly);
    assert.ok(scan(`${refs}WEBHOOK_SECRET=Zp4q9Lm2Vt8K3wR7nB5c\n`, 'deploy/.env.op').localOnly);
    assert.ok(scan('SMTP_PASSWORD=Vt8#qLm2Zp9xK4\n', '.env.ejemplo').localOnly);
  });
});
