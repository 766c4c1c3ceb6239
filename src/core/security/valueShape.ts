import { nameParts, namesPublicOrId } from './credentialName';
import { shannonEntropy } from './shannonEntropy';
import { tokenShaped } from './tokenShape';

/**
 * The value-shape score (#13, session 21): whether a value is random enough to be a credential with no
 * name to say so. `tokenShaped` judges a value against what its context already says; here the context
 * says nothing (any assignment, flag or positional whose name is not a credential name), so only a value
 * no person or program would write as a word, an id or a digest counts: long, all of lower case, upper case
 * and digits, random by entropy and by how often its character class changes, and none of the public
 * look-alikes (hex digests, padded base64, public keys and addresses by their prefixes, versions, ids).
 */

// Look-alikes recognised by their own prefix: crypto addresses and extended public keys (`0x…`, `bc1…`,
// `xpub…`, Nostr `npub…`), public keys and ids that carry their role (`pk_`, `pub`, `AKIA` key ids), a
// JWT's header (its own rules judge it), Google's browser keys (`AIza`, public by design in web configs).
const PUBLIC_SHAPE =
  /^(?:0x|bc1|tb1|[xyzt]pub|[xyzt]prv|npub|nsec1|nprofile|note1|pk_|pub|AKIA|ASIA|eyJ|AIza|ssh-|ecdsa-|sha\d{1,3}[-:]|md5[-:]|sk-ant-|v\d+[.:])/i;
// Base58 of 32 to 44 characters is a Solana / IPFS address as often as a token; with no name, it is left alone.
const BASE58_ADDRESS = /^[1-9A-HJ-NP-Za-km-z]{32,64}$/;
const VENDOR_ID_PREFIX = /^[a-z][a-z0-9]{0,7}[_-]/;
const URL_ENCODED = /%[0-9A-Fa-f]{2}/;
const CRYPT_HASH = /^\$[\w-]{1,10}\$/;
const ENCRYPTED_LINE = /vault|encrypt|cipher|sealed|\bENC\b/i;
const HEX = /^[0-9a-fA-F]+$/;

/** How often consecutive characters change class (lower, upper, digit, other): ~0.6 for random base62, ~0.3 for camelCase words. */
function classChanges(v: string): number {
  const cls = (c: string) => (/[a-z]/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : /[0-9]/.test(c) ? 2 : 3);
  let n = 0;
  for (let i = 1; i < v.length; i++) if (cls(v[i]) !== cls(v[i - 1])) n++;
  return n / Math.max(1, v.length - 1);
}

const count = (v: string, re: RegExp) => v.match(re)?.length ?? 0;

/** Whether `value` is a credential by its shape alone (no name, no vendor prefix to say so). */
export function clearlyRandom(value: string, line = ''): boolean {
  const v = value;
  if (v.length >= 12 && v.length < 20) return randomPassword(v, line);
  if (v.length < 20 || v.length > 100 || HEX.test(v) || /=$/.test(v) || PUBLIC_SHAPE.test(v) || BASE58_ADDRESS.test(v)) return false;
  // An object's id behind its type's prefix (Stripe's `ch_…`, `cus_…`, OpenAI's `org-…`, Square's `sq0idp-…`): a
  // vendor's secret prefixes are the prefix rules' to judge, which know the ids from the keys. Crypt hashes (`$6$…$…`).
  if (VENDOR_ID_PREFIX.test(v) || CRYPT_HASH.test(v) || ENCRYPTED_LINE.test(line) || URL_ENCODED.test(v) || /@[a-z0-9-]+\.[a-z]/i.test(v)) return false;
  // A label before a digest (`NODE_SEA_FUSE_fce680ab…`): the random part is hex, a hash's.
  const longest = v.split(/[._:/-]/).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (HEX.test(longest) && longest.length >= 16) return false;
  if (count(v, /[a-z]/g) < 3 || count(v, /[A-Z]/g) < 3 || count(v, /[0-9]/g) < 2) return false;
  // A value of several dashed or dotted words with one random part is an id with a prefix (`build-2024-x7Kq…`).
  if (v.split(/[._:/-]/).filter((p) => p.length >= 16).length === 0) return false;
  if (classChanges(v) < 0.42) return false;
  const h = shannonEntropy(v);
  if (h < Math.min(4.2, Math.log2(v.length) - 0.25)) return false;
  // Everything `tokenShaped` excludes for any context (references, masks, URLs, words, published keys, digests).
  return tokenShaped(v, 'prefix', line);
}

// Parts of a name that say its value is public, an identifier or a digest: the look-alike families.
const PUBLIC_NAME_PARTS = new Set([
  'id',
  'ids',
  'uuid',
  'guid',
  'uid',
  'hash',
  'hashes',
  'digest',
  'checksum',
  'integrity',
  'sig',
  'signature',
  'signatures',
  'nonce',
  'etag',
  'fingerprint',
  'thumbprint',
  'commit',
  'sha',
  'rev',
  'revision',
  'version',
  'ref',
  'tag',
  'kid',
  'public',
  'pub',
  'pubkey',
  'publishable',
  'site',
  'sitekey',
  'measurement',
  'tracking',
  'trace',
  'span',
  'correlation',
  'request',
  'echo',
  'cursor',
  'page',
  'next',
  'continuation',
  'state',
  'challenge',
  'verifier',
  'csrf',
  'xsrf',
  'cache',
  'address',
  'addr',
  'wallet',
  'mint',
  'program',
  'tx',
  'txid',
  'block',
  'image',
  'img',
  'src',
  'href',
  'url',
  'uri',
  'path',
  'file',
  'name',
  'slug',
  'handle',
  'user',
  'username',
  'email',
  'content',
  'data',
  'cipher',
  'ciphertext',
  'encrypted',
  'enc',
  'sealed',
  'boundary',
  'iv',
  'mac',
  'cert',
  'certificate',
  'lock',
  'resolved',
  'build',
  'example',
  'sample',
  'test',
  'fake',
  'dummy',
  'mock',
  'fixture',
  'expected',
  'placeholder',
  'serial',
  'number',
  'code',
  'short',
  'link',
  'vin',
  'isbn',
  'doi',
  'msisdn',
  'imei',
  'verification',
  'client',
  'azp',
  'jti',
  'sub',
  'aud',
  'iss',
  'sid',
  'x5t',
  'x5c',
]);

/** Whether a name says its value is public, an identifier or a digest (`videoId`, `sha`, `integrity`, `nextPageToken`). */
export function publicValueName(name: string): boolean {
  const parts = nameParts(name);
  return parts.length === 0 || namesPublicOrId(name) || parts.some((p) => PUBLIC_NAME_PARTS.has(p) || /id$|^(?:sha|md5|blake|crc)\d*$/.test(p));
}

// What a generated password is made of: letters, digits and the symbols generators and people use.
// Not `?` (AIS / NMEA armoring), a file name (`O53C1al0p5fW.dll`), a base64 fragment of PEM armour (`LS0t…`) minified code (`W6&&W6.isMap`,
// `10*e.lastIntValue+`), a version inside a name (`GLM-4.7-FlashX`) or percent-encoding.
const PASSWORD_CHARS = /^[A-Za-z0-9!#%^*+=~@&$._-]+$/;
const NOT_A_PASSWORD = /\.[a-z]{2,4}$|^LS0t|&&|\|\||==|=>|=!|[*]|=$|[a-z]{5}|\d\.\d|%[0-9A-Fa-f]{2}/;
const TIME_OR_DATE = /\d{1,4}[-/.:]\d{1,2}[-/.:]\d{1,4}/;

/**
 * A short value (12–19 characters) with no name to say so: a password only when it looks generated — upper
 * and lower case and digits, each at least twice, changing class at most characters, barely a repeat, and
 * (under 14 characters) a symbol — since words with digits, ids and dates of that length are everywhere.
 */
function randomPassword(v: string, line: string): boolean {
  if (!PASSWORD_CHARS.test(v) || NOT_A_PASSWORD.test(v) || TIME_OR_DATE.test(v) || VENDOR_ID_PREFIX.test(v) || ENCRYPTED_LINE.test(line)) return false;
  if (count(v, /[a-z]/g) < 2 || count(v, /[A-Z]/g) < 2 || count(v, /[0-9]/g) < 2) return false;
  if (v.length < 14 && !/[^A-Za-z0-9]/.test(v)) return false;
  if (new Set(v).size < v.length * 0.75 || classChanges(v) < 0.5) return false;
  if (shannonEntropy(v) < Math.log2(v.length) - 0.5) return false;
  return tokenShaped(v, 'strong', line);
}
