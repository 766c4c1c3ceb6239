import { notASecret } from './notASecret';
import { shannonEntropy } from './shannonEntropy';

/**
 * Whether a value looks like a credential by itself: long enough, several character classes, random
 * (Shannon entropy), and none of the things that fill credential-named fields without being one —
 * words, identifiers, paths, URLs, e-mail addresses, numbers, dates, versions, UUIDs, short hex ids,
 * hashes where the line says hash, encrypted values, references and placeholders (`notASecret`).
 *
 * `strength` is how much the context already says: `strong` (a name such as `password`), `weak` (a
 * name such as `key` or a single-letter flag), `prefix` (no name, only a vendor-looking prefix, judged
 * on the random tail after it).
 */
export type ShapeContext = 'strong' | 'weak' | 'prefix';

// Encrypted or sealed values: Spring Cloud Config `{cipher}`, SOPS `ENC[…]`, Jasypt `ENC(…)`, Vault
// transit `vault:v1:`, Ansible `!vault` / `$ANSIBLE_VAULT`, Kubernetes sealed secrets (`AgB…` is not
// distinguishable, so left to the name).
const ENCRYPTED = /^(?:\{cipher\}|ENC\[|ENC\(|enc:|vault:v\d+:|!vault|\$ANSIBLE_VAULT)/i;
// Masks and template syntax that notASecret's anchored forms miss inside a longer value.
// Session 18: a reference after the user part (`ci:$SRC_PASS`) too.
const MASK = /\*{3,}|x{5,}|X{5,}|•{3,}|\.{3}|…|\$\{|\{\{|<%|^<|^\$\(|^\$[A-Z_]|:\$[A-Z_]|^%\w+%$/;
// A vendor-looking prefix (`rzp_live_`, `Mid-server-`) before the value's random part.
const VENDOR_PREFIX = /^(?:[A-Za-z][a-z]{1,9}[_-]){1,2}(?=[A-Za-z0-9])/;
const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/|~\/|[A-Za-z]:\\|\\\\)|^(?:arn|urn|data|mailto|file):/i;
const FILE_EXTENSION =
  /\.(?:json|ya?ml|txt|[cm]?[jt]sx?|md|html?|png|jpe?g|gif|svg|pem|key|crt|cer|der|p12|pfx|jks|env|tfstate|conf|cfg|ini|xml|toml|lock|gz|tgz|zip|sh|py|rb|go|rs|java|kt|php|log|csv|sql|db|sqlite)$/i;
const EMAIL = /^[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
const HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$/;
// A host then a path without a scheme: image references (`registry.example.com/app:tag`), Go module paths.
const HOST_PATH = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?\//i;
const NUMERIC = /^[\d\s.,:/+_-]+$/;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
// Client-side keys by their own prefix (Statsig `client-`, LaunchDarkly `mob-`): public by design.
const PUBLIC_PREFIX = /^(?:client|pub|public|publishable|site|anon|mob|browser|frontend)[_-]/i;
// What a line says when the hex on it is a digest, not a key.
const HASH_CONTEXT = /sha-?\d*|md5|hash|digest|checksum|integrity|fingerprint|commit|revision|etag|blake|crc/i;
// One part of an identifier: lower-case or Capitalised words and short acronyms, a version digit or
// two (the same notion as the guard's randomness test, PrivacyGuard).
// Session 19: the letters of every language, as PrivacyGuard's (words of string resources are words in any language).
const IDENTIFIER_PART = /^(?:\p{Ll}{2,}|\p{Lu}\p{Ll}+|\p{Lu}{2,6}(?!\p{Ll}))(?:\p{Lu}\p{Ll}+|\p{Lu}{2,6}(?!\p{Ll}))*(?:\p{Lu}?\d{1,4})?$/u;
const SHORT_NUMBER_PART = /^[a-z]?\d{1,4}$/i;
// An LDAP distinguished name (`uid=sync,ou=services,dc=example,dc=edu`): who binds, never the secret.
const DISTINGUISHED_NAME = /^(?:[A-Za-z][\w-]*=[^,=\s]+,)+[A-Za-z][\w-]*=[^,=\s]+$/;
const MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+(?:\(\))?$/;

function classes(v: string): { lower: boolean; upper: boolean; digit: boolean; symbol: boolean; n: number } {
  const lower = /[a-z]/.test(v);
  const upper = /[A-Z]/.test(v);
  const digit = /[0-9]/.test(v);
  const symbol = /[^A-Za-z0-9]/.test(v);
  return { lower, upper, digit, symbol, n: Number(lower) + Number(upper) + Number(digit) + Number(symbol) };
}

/** Words, identifiers and dotted/colon/dashed names made of them (`user:1234:profile`, `createdAt`, `Strong_v2`). */
export function isWordMade(v: string): boolean {
  const parts = v.split(/[_:.\-/@+]+/).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => IDENTIFIER_PART.test(p) || SHORT_NUMBER_PART.test(p));
}

/**
 * A part of `object.property` code: words (`dbPassword2`), one case with digits (`its4token`, `MAX_KEY`), camelCase
 * letters (`serializedIdT`), a word among digits (`Ed25519PrivateKey`) or short. A password's parts mix case and digits (`iI35h`, `TMhy3iUC0B`).
 */
function identifierLike(p: string): boolean {
  // A word inside (`Ed25519PrivateKey`, `d2i_PrivateKey_bio`, `from_private_bytes`) says code too.
  return (
    p.length <= 3 ||
    /[A-Za-z][a-z]{3}/.test(p) ||
    isWordMade(p) ||
    /^[a-z_$][a-z0-9_$]*$/.test(p) ||
    /^[A-Z_$][A-Z0-9_$]*$/.test(p) ||
    /^[A-Za-z_$][a-z]*(?:[A-Z]+[a-z]*)*$/.test(p)
  );
}

/** Whether `value` is token-shaped enough for the context it was found in (see ShapeContext). */
export function tokenShaped(value: string, context: ShapeContext, line = ''): boolean {
  const v = value;
  const min = context === 'strong' ? 8 : context === 'weak' ? 16 : 20;
  if (v.length < min || v.length > 256 || /\s/.test(v) || /^[-?&|]/.test(v) || PUBLIC_PREFIX.test(v)) return false;
  if (ENCRYPTED.test(v) || MASK.test(v) || URL_OR_PATH.test(v) || FILE_EXTENSION.test(v)) return false;
  if (DISTINGUISHED_NAME.test(v)) return false;
  if (EMAIL.test(v) || HOST.test(v) || HOST_PATH.test(v) || NUMERIC.test(v) || VERSION.test(v)) return false;
  // Under a name that says secret (`token`, `password`, `-t`), a UUID is one (Codecov, Heroku); under
  // `key` it is as often an object's or a request's id.
  if (UUID.test(v)) return context === 'strong';
  if (notASecret(v) !== undefined) return false;
  if (HEX.test(v)) {
    // Key ids, colours, short hashes are hex under 32; longer hex is a digest where the line says so.
    if (v.length < 32 || HASH_CONTEXT.test(line)) return false;
  }
  if (
    v.includes('/') &&
    v
      .split('/')
      .filter((p) => p !== '')
      .every((p) => isWordMade(p) || p.length < 12 || /^\d+$/.test(p))
  )
    return false;
  // Session 21: one case of letters only, long and random (VTEX's 100-letter app token), under a name that says so;
  // `isWordMade` would read it as a run of acronyms.
  if (context === 'strong' && v.length >= 40 && /^(?:[A-Z]+|[a-z]+)$/.test(v) && shannonEntropy(v) >= 4.3) return true;
  // `config.password`, `process.env.DB_PASS`: code. A dotted value whose parts are not identifiers
  // (`iI35h.TMhy3iUC0B`, session 16) is a password with a dot in it.
  if ((MEMBER_ACCESS.test(v) && v.split(/\??\./).every((p) => identifierLike(p.replace(/\(\)$/, '')))) || isWordMade(v)) return false;
  const c = classes(v);
  const h = shannonEntropy(v);
  if (context === 'strong') {
    if (c.n < 2) return false;
    // A short password mixes classes; a longer one has some randomness; a Capitalised word plus digits
    // (`Password123`) still counts: it is what people pick. Session 16: letters and digits with at most one
    // character repeated (`7kQmk2Rw`, 2.75 bits) are as random as a short password gets (VRRP and SMPP cap
    // them at 8); symbol runs without digits (`$%^EoS^%$`, a sentinel string) are not.
    return v.length < 12 ? c.n >= 3 && (h >= 2.8 || (h >= 2.5 && c.digit && (c.lower || c.upper) && new Set(v).size >= v.length - 1)) : h >= 3;
  }
  // Under a weak name, a prefixed value is judged by its random part (Razorpay's public key id
  // `rzp_live_` + 14 is an id; issued secrets carry 16 or more random characters).
  if (context === 'weak' && VENDOR_PREFIX.test(v)) {
    const body = v.replace(VENDOR_PREFIX, '');
    if (body.split(/[_-]/).every((p) => p.length < 16)) return false;
  }
  // Weak names and bare prefixes: digits and letters, random.
  if (!c.digit || !(c.lower || c.upper)) return false;
  if (!(c.lower && c.upper) && !HEX.test(v) && v.length < 24) return false;
  return h >= (HEX.test(v) ? 3.4 : 3.6);
}
