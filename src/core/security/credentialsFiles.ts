import { credentialName } from './credentialName';
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
  // Postfix relay credentials (session 13).
  'sasl_passwd',
  // Pre-shared key files (session 16: Zabbix `TLSPSKFile`, WireGuard / OpenVPN `.psk`): the file is the key.
  '*.psk',
  // pppd's CHAP / PAP secrets (session 19): `client server secret addresses` lines.
  'chap-secrets',
  'pap-secrets',
];
// Templates meant to be committed: the names people give an .env's shape. `.env.tpl` / `.env.tmpl` are
// what `op inject` and similar tools render from (their values are references). Their content is still
// scanned by every rule, so a template with a literal key in it is still caught.
// Session 18: `.env.op`, the file `op run --env-file` reads (its values are `op://` references), and the template
// names in the team's language (`.env.ejemplo`, `.env.exemple`, `.env.beispiel`, `.env.esempio`, `.env.plantilla`).
export const SHAREABLE_ENV =
  /\.env\.(?:example|sample|template|tpl|tmpl|dist|defaults|op|ejemplo|exemple|beispiel|esempio|exemplo|muestra|plantilla|vorlage|modele|modello|modelo)$/i;

// PEM block types that are public by design: keys others verify with, certificates, signatures.
// Session 13: domain parameters (`openssl dhparam`, `ecparam`), which every peer receives, and PKCS#7 / CMS
// certificate bundles.
const PUBLIC_PEM =
  /^(?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|TRUSTED CERTIFICATE|X509 CRL|(?:NEW )?CERTIFICATE REQUEST|PGP PUBLIC KEY BLOCK|PGP SIGNATURE|SSH2 PUBLIC KEY|(?:X9\.42 )?DH PARAMETERS|EC PARAMETERS|DSA PARAMETERS|PKCS7|CMS)$/;
// pppd's CHAP and PAP files: `client server secret [addresses]`, fields optionally quoted (session 19).
const PPP_SECRET = /^[ \t]*(?:"[^"\n]*"|[^#\s"]\S*)[ \t]+\S+[ \t]+("[^"\n]*"|[^\s"]+)/gm;
// Where each configuration file keeps its credential, one capture per value.
const CREDENTIAL_FIELDS: Record<string, RegExp> = {
  '.npmrc': /(?:^|[:\s])(?:_authToken|_auth|_password|password)\s*=\s*(.*)$/gm,
  '.pypirc': /^\s*password\s*[=:]\s*(.*)$/gm,
  '.netrc': /\bpassword\s+(\S+)/g,
  '.pgpass': /^[^#\n:]*:[^:\n]*:[^:\n]*:[^:\n]*:(.*)$/gm,
  // Postfix's relay credentials: `[host]:port user:password` (session 13).
  sasl_passwd: /^[^#\s]\S*\s+[^:\s]+:(\S+)\s*$/gm,
  'chap-secrets': PPP_SECRET,
  'pap-secrets': PPP_SECRET,
};

// Prefixes that Next.js, Vite, Create React App, Expo, Nuxt, Gatsby, SvelteKit and Astro expose to the browser.
const CLIENT_BUNDLE_PREFIX = /^(?:NEXT_PUBLIC|VITE|REACT_APP|EXPO_PUBLIC|NUXT_PUBLIC|GATSBY|PUBLIC)_[A-Z0-9_]+$/;
const ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][\w.]*)\s*=\s*(.*?)\s*$/;

/**
 * True when a file whose name says "credentials" shows by its content that it holds none: a `.pem`
 * with only public keys or certificates, an `.npmrc` whose token is `${NPM_TOKEN}`. The name rule
 * exists because such files usually hold a secret; when the content is at hand and its format is
 * known, the content decides. Formats not known here (`.env`, `credentials.json`, `.p12`) stay local.
 */
export function contentShowsNoSecret(base: string, content: string): boolean {
  const name = base.toLowerCase();
  if (name === '.env.vault') return vaultShowsNoSecret(content);
  if (name === '.env' || name.startsWith('.env.')) return envShowsNoSecret(content);
  if (name.endsWith('.pem') || name.endsWith('.key')) {
    const types = [...content.matchAll(/-----BEGIN ([A-Z0-9 .]{3,40})-----/g)].map((m) => m[1]);
    return types.length > 0 && types.every((t) => PUBLIC_PEM.test(t)) && !/PRIVATE KEY/.test(content);
  }
  if (name.endsWith('.xml')) return xmlShowsNoSecret(content);
  const fields = CREDENTIAL_FIELDS[name];
  if (!fields) return false;
  const values = [...content.matchAll(fields)].map((m) => m[1].trim().replace(/^["']|["']$/g, ''));
  return values.every((v) => v === '' || notASecret(v) !== undefined);
}

/**
 * Session 16: an XML credentials file (Jenkins' `credentials.xml`) shows it holds no secret when it has
 * credential-named elements and every one of them is empty or not a secret by its value (Jenkins stores
 * `{AQAAAB…}` ciphertext, decrypted only with the controller's master key). An element with anything else,
 * or a file with no credential element at all (a format not understood), keeps the file local.
 */
function xmlShowsNoSecret(content: string): boolean {
  let fields = 0;
  for (const m of content.matchAll(/<([A-Za-z][\w.:-]{0,80})(?:\s[^<>]*)?>([^<]*)<\/\1>/g)) {
    if (credentialName(m[1].replace(/^.*[.:]/, '')) === undefined) continue;
    fields++;
    const v = m[2].trim();
    if (v !== '' && notASecret(v) === undefined) return false;
  }
  return fields > 0;
}

/**
 * Session 13: an `.env` file shows it holds no secret when every variable in it has a client-bundle prefix
 * (`NEXT_PUBLIC_`, `VITE_`, `REACT_APP_`, …): frameworks inline those into the JavaScript every visitor
 * downloads, so they hold what is public by design (a Clerk or Stripe publishable key, URLs). Any other
 * variable keeps the file local by its name; every value is still scanned by the content rules, so a
 * secret key put under a public prefix by mistake is still found.
 */
function envShowsNoSecret(content: string): boolean {
  return everyVariable(content, CLIENT_BUNDLE_PREFIX);
}

/**
 * Session 19: dotenv-vault's `.env.vault` holds each environment's `.env` encrypted (`DOTENV_VAULT_<ENV>="…"`); the
 * key that opens it (`DOTENV_KEY`) lives elsewhere. Only those variables, or it stays local by its name.
 */
function vaultShowsNoSecret(content: string): boolean {
  return everyVariable(content, /^DOTENV_VAULT(?:_[A-Z0-9_]+)?$/);
}

/** An env-style file has at least one assignment, and every one assigns a variable whose name `names` accepts. */
function everyVariable(content: string, names: RegExp): boolean {
  let assignments = 0;
  for (const line of content.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const m = ENV_LINE.exec(line);
    if (!m || !names.test(m[1])) return false;
    assignments++;
  }
  return assignments > 0;
}

/** True when the file name has a known credentials format (its fields, not one token, are the secrets). */
export function hasCredentialFields(base: string): boolean {
  return CREDENTIAL_FIELDS[base.toLowerCase()] !== undefined;
}

export function credentialFieldRanges(base: string, content: string): Array<[start: number, end: number]> {
  const fields = CREDENTIAL_FIELDS[base.toLowerCase()];
  if (!fields) return [];
  const out: Array<[number, number]> = [];
  for (const m of content.matchAll(new RegExp(fields.source, `${fields.flags}d`))) {
    const [start, end] = m.indices?.[1] ?? [0, 0];
    const value = content.slice(start, end).trim();
    if (value === '' || notASecret(value.replace(/^["']|["']$/g, '')) !== undefined) continue;
    const at = content.indexOf(value, start);
    out.push([at, at + value.length]);
  }
  return out;
}
