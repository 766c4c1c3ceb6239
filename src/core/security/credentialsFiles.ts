import { notASecret } from './notASecret';

/** Names that hold credentials by convention. .env.example and friends are meant to be shared. */
export const SENSITIVE_FILE_GLOBS = [
  '.env',
  '.env.*',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  'id_rsa',
  'id_dsa',
  'id_ecdsa',
  'id_ed25519',
  'credentials',
  'credentials.*',
  '.netrc',
  '.pgpass',
  '.npmrc',
  '.pypirc',
  // PuTTY's private key files (session 12): the whole key, often unencrypted (`Encryption: none`).
  '*.ppk',
];
// Templates meant to be committed: the names people give an .env's shape. `.env.tpl` / `.env.tmpl` are
// what `op inject` and similar tools render from (their values are references). Their content is still
// scanned by every rule, so a template with a literal key in it is still caught.
export const SHAREABLE_ENV = /\.env\.(?:example|sample|template|tpl|tmpl|dist|defaults)$/i;

// PEM block types that are public by design: keys others verify with, certificates, signatures.
const PUBLIC_PEM =
  /^(?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL|(?:NEW )?CERTIFICATE REQUEST|PGP PUBLIC KEY BLOCK|PGP SIGNATURE|SSH2 PUBLIC KEY)$/;
// Where each configuration file keeps its credential, one capture per value.
const CREDENTIAL_FIELDS: Record<string, RegExp> = {
  '.npmrc': /(?:^|[:\s])(?:_authToken|_auth|_password|password)\s*=\s*(.*)$/gm,
  '.pypirc': /^\s*password\s*[=:]\s*(.*)$/gm,
  '.netrc': /\bpassword\s+(\S+)/g,
  '.pgpass': /^[^#\n:]*:[^:\n]*:[^:\n]*:[^:\n]*:(.*)$/gm,
};

/**
 * True when a file whose name says "credentials" shows by its content that it holds none: a `.pem`
 * with only public keys or certificates, an `.npmrc` whose token is `${NPM_TOKEN}`. The name rule
 * exists because such files usually hold a secret; when the content is at hand and its format is
 * known, the content decides. Formats not known here (`.env`, `credentials.json`, `.p12`) stay local.
 */
export function contentShowsNoSecret(base: string, content: string): boolean {
  const name = base.toLowerCase();
  if (name.endsWith('.pem') || name.endsWith('.key')) {
    const types = [...content.matchAll(/-----BEGIN ([A-Z0-9 ]{3,40})-----/g)].map((m) => m[1]);
    return types.length > 0 && types.every((t) => PUBLIC_PEM.test(t)) && !/PRIVATE KEY/.test(content);
  }
  const fields = CREDENTIAL_FIELDS[name];
  if (!fields) return false;
  const values = [...content.matchAll(fields)].map((m) => m[1].trim().replace(/^["']|["']$/g, ''));
  return values.every((v) => v === '' || notASecret(v) !== undefined);
}
