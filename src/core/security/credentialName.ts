/**
 * Whether an identifier names a credential, in any case style: `password`, `DB_PASSWD`, `sparkKey`,
 * `mail.smtp.pass`, `X-Shop-Key`, `--api-key`, `red:auth`, `:signing-key`. The generic detector
 * (`genericCredentials.ts`) reads the name a value is bound to; the value's shape is judged apart.
 *
 * - `strong`: the name says secret outright (password, secret, token, apikey, credentials, …); a value
 *   of modest randomness under it is enough (people pick passwords).
 * - `weak`: the name may be a credential (`key`, `auth`, `sk`, `ak`, `pat`, `login`): only a clearly
 *   random value under it counts, because `key` also names cache keys, map keys and i18n keys.
 */
export type CredentialNameStrength = 'strong' | 'weak';

// Parts (after splitting camelCase, snake_case, kebab-case, dotted and colon names) that name a secret.
const STRONG_PARTS = new Set([
  'password',
  'passwd',
  'passphrase',
  'passcode',
  'pwd',
  'pass',
  'pw',
  'secret',
  'secrets',
  'token',
  'tokens',
  'apikey',
  'apitoken',
  'authtoken',
  'accesstoken',
  'credential',
  'credentials',
  'creds',
  'cred',
  'psk',
  'bearer',
  'userpwd',
  'skey',
  'secretkey',
  'privatekey',
  'accesskey',
  'masterkey',
  'authkey',
  'signingkey',
  'apisecret',
]);
// Session 16: `salt` (Drupal's `hash_salt`, WordPress' `AUTH_SALT`): an application-wide salt signs sessions
// and tokens, so it is a secret; weak, because per-record salts sit next to hashes in test data.
const WEAK_PARTS = new Set(['key', 'keys', 'auth', 'authorization', 'sk', 'ak', 'pat', 'login', 'appkey', 'appsecret', 'salt']);
const STRONG_KEY_MODIFIERS = new Set([
  'api',
  'access',
  'secret',
  'private',
  'master',
  'auth',
  'signing',
  'sign',
  'encryption',
  'license',
  'service',
  'account',
  'session',
  'hmac',
]);
// Lower-case compounds (`sparkkey`, `dbpassword`, `mytoken`): what they end with decides.
// Session 18: `pw` too (kickstart `rootpw`, LDAP `bindpw`, `adminpw`).
const STRONG_ENDINGS = ['password', 'passwd', 'secret', 'token', 'pwd', 'pw'];
// Words that end with "key" and name no key.
const NOT_KEY_WORDS = new Set(['monkey', 'turkey', 'donkey', 'hockey', 'jockey', 'whiskey', 'hotkey', 'passkey', 'keykey']);
// A part after the credential word that makes the name about the credential, not the credential
// itself: `passwordFile`, `token_url`, `keyId`, `password_min_length`, `tokenType`, `authMethod`.
const HEAD_NOT_SECRET = new Set([
  'id',
  'ids',
  'uid',
  'guid',
  'uuid',
  'kid',
  'file',
  'files',
  'filename',
  'path',
  'paths',
  'dir',
  'name',
  'names',
  'url',
  'uri',
  'endpoint',
  'length',
  'len',
  'size',
  'count',
  'min',
  'max',
  'type',
  'types',
  'field',
  'label',
  'hint',
  'placeholder',
  'format',
  'algorithm',
  'alg',
  'mode',
  'method',
  'policy',
  'rotation',
  'expiry',
  'expires',
  'expiration',
  'ttl',
  'timeout',
  'version',
  'prefix',
  'suffix',
  'ref',
  'arn',
  'alias',
  'env',
  'var',
  'header',
  'input',
  'error',
  'message',
  'regex',
  'pattern',
  'strength',
  'reset',
  'required',
  'enabled',
  'enable',
  'disabled',
  'flag',
  'provider',
  'store',
  'location',
  'region',
  'class',
  'hash',
  'hashed',
  'digest',
  'fingerprint',
  'index',
  'source',
  'command',
  'cmd',
  'helper',
  'days',
  'seconds',
  'minutes',
  'hours',
  'usage',
  'status',
  'state',
  'scope',
  'scopes',
  'audience',
  'issuer',
  'author',
  'vault',
  'ring',
  'pair',
  'server',
  'host',
  'user',
  'username',
  'plugin',
  'mechanism',
  'schema',
  'template',
  'generator',
  'redacted',
  'masked',
  'used',
  'removed',
  'found',
  'counter',
  'counts',
  'limit',
  'budget',
  'estimate',
  'stats',
]);
// A part anywhere that makes the whole name public or not a credential: `publicKey`, `cacheKey`,
// `sortKey`, `idempotency_key`, `sha256`, `exampleToken`.
const ANYWHERE_NOT_SECRET = new Set([
  'public',
  'pub',
  'publishable',
  'verify',
  'verifying',
  'cache',
  'sort',
  'partition',
  'primary',
  'foreign',
  'composite',
  'idempotency',
  'dedup',
  'dedupe',
  'lookup',
  'sha',
  'sha1',
  'sha256',
  'sha512',
  'md5',
  'checksum',
  'integrity',
  'etag',
  'thumbprint',
  'example',
  'sample',
  'fake',
  'dummy',
  'i18n',
  'translation',
  'react',
  'keyboard',
  'csrf',
  'xsrf',
  'nonce',
  'commit',
  'revision',
  'next',
  'page',
  'pagination',
  'cursor',
  'continuation',
  'rate',
  'bucket',
  'object',
  'row',
  'shard',
  'map',
  'dict',
  'keyspace',
  'hotkey',
  'shortcut',
  'binding',
  'bindings',
  'arn',
  'websocket',
  'socket',
  'recv',
  'gpg',
  'pgp',
  'keyid',
  'keyserver',
  'recaptcha',
  // Session 21: OTA / HTNG messages' `EchoToken` is the request's echo id, returned as sent.
  'echo',
]);
// Words before `key` / `token` that say the key is the public, client-side half (Segment's write key,
// reCAPTCHA's site key, Adyen's client key, LaunchDarkly's mobile key): documented as safe to ship.
// `client_secret` stays a secret: only keys and tokens are modified.
const PUBLIC_MODIFIERS = new Set(['write', 'site', 'client', 'mobile', 'browser', 'frontend', 'anon', 'widget', 'embed', 'publishable']);
// The slot words of a name used as the first argument of a setter (`put(API_SECRET_PROP_NAME, "…")`):
// there the name names where the value goes, and the value is what the name before the slot word says.
const SLOT_WORDS = new Set(['name', 'prop', 'property', 'field', 'param', 'attr', 'attribute', 'setting', 'option', 'config', 'const', 'constant']);

/** Whether a name says its value is public or an identifier (`clientKey`, `siteKey`, `customer_id`, `publicKey`). */
export function namesPublicOrId(name: string): boolean {
  const parts = nameParts(name);
  return parts.some((p, i) => PUBLIC_MODIFIERS.has(p) || ANYWHERE_NOT_SECRET.has(p) || (HEAD_NOT_SECRET.has(p) && i === parts.length - 1));
}

/** Lower-case parts of an identifier: `X-Shop-Key` → x, shop, key; `sparkKey` → spark, key; `API_KEY` → api, key. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((p) => p !== '');
}

// An SNMP community string is the agent's password (a read-write one writes the device's configuration):
// `community`, `rwcommunity`, `snmp_community`, as the name's head noun only (`community_edition` is not one).
const COMMUNITY = /^(?:r[ow])?community$/;

// Session 18, round 2: `pass` glued to what it opens (`dbpass`, `rootpass`, `smtppass`: PHP and shell configs);
// alone or after other words it is a pass of something (`bypass`, `compass`, `firstpass`). `.pgpass` is a file's name.
const PASS_OWNERS = /^(?:db|sql|mysql|root|admin|smtp|mail|imap|ftp|sftp|ldap|bind|user|usr|api|proxy|vnc|wifi|sudo|redis|rpc|web|app)pass$/;
// `sitekey`, `clientkey`: the public half of a widget's or a client's pair, as one word.
const PUBLIC_COMPOUND_KEY = /^(?:site|client|public|publishable|widget|browser)key$/;

function partStrength(part: string): CredentialNameStrength | undefined {
  if (STRONG_PARTS.has(part)) return 'strong';
  if (WEAK_PARTS.has(part)) return 'weak';
  if (PASS_OWNERS.test(part)) return 'strong';
  if (PUBLIC_COMPOUND_KEY.test(part)) return undefined;
  if (part.length > 4 && STRONG_ENDINGS.some((e) => part.endsWith(e))) return 'strong';
  if (part.length > 4 && part.endsWith('key') && !NOT_KEY_WORDS.has(part)) return 'weak';
  return undefined;
}

/** How strongly `name` says its value is a credential, or undefined when it does not. */
export function credentialName(name: string, slot = false): CredentialNameStrength | undefined {
  const parts = nameParts(name);
  while (slot && parts.length > 1 && SLOT_WORDS.has(parts[parts.length - 1])) parts.pop();
  // Long names are sentences, except dotted configuration keys that end in a host name
  // (`fs.azure.account.key.<account>.dfs.core.windows.net`, session 16).
  if (parts.length === 0 || parts.length > (name.includes('.') && !/\s/.test(name) ? 12 : 8)) return undefined;
  if (parts.some((p) => ANYWHERE_NOT_SECRET.has(p))) return undefined;
  let best: CredentialNameStrength | undefined;
  let last = -1;
  for (const [i, p] of parts.entries()) {
    const s = COMMUNITY.test(p) ? (i === parts.length - 1 ? 'strong' : undefined) : partStrength(p);
    if (s === undefined) continue;
    if ((p === 'key' || p === 'token' || p === 'keys') && i > 0 && PUBLIC_MODIFIERS.has(parts[i - 1])) return undefined;
    last = i;
    // `api_key`, `ACCESS_KEY`, `signing-key`: the word before makes `key` as strong as `apikey`.
    const strong = s === 'strong' || (p === 'key' && i > 0 && STRONG_KEY_MODIFIERS.has(parts[i - 1]));
    if (best !== 'strong') best = strong ? 'strong' : s;
  }
  if (best === undefined) return undefined;
  // Vault AppRole's `secret_id` (`VAULT_SECRET_ID`, `secretId`) is the secret half of a login, not an id of one.
  if (parts[last] === 'secret' && last === parts.length - 2 && parts[last + 1] === 'id') return 'strong';
  // The head noun comes last in English names: `passwordFile` is a file, `storePassword` a password.
  if (parts.slice(last + 1).some((p) => HEAD_NOT_SECRET.has(p))) return undefined;
  return best;
}
