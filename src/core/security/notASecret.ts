/**
 * Values that match a secret's shape but open nothing: references to a secret kept elsewhere,
 * placeholders, keys their issuers publish on purpose, and password hashes. Both detectors' findings
 * pass through `notASecret`, so a rule (the guard's or secretlint's) never has to know these itself.
 */

/**
 * Keys published by their issuers for documentation and local emulators: the same in every install,
 * useless against a real account. One list, each entry with where it is published. Matched as a
 * substring of a finding, so a key inside a connection string is recognised too.
 */
export const PUBLISHED_KEYS: ReadonlyArray<{ value: string; source: string }> = [
  { value: 'AKIAIOSFODNN7EXAMPLE', source: 'AWS documentation, example access key id' },
  { value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', source: 'AWS documentation, example secret access key' },
  {
    value: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    source: 'Azurite / Azure Storage Emulator, the account key of devstoreaccount1',
  },
  {
    value: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
    source: 'Azure Cosmos DB Emulator, its fixed primary key',
  },
  {
    // The signature alone: the header and payload of the jwt.io sample are reused by other examples.
    value: 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    source: 'jwt.io, the sample HS256 token signed with "your-256-bit-secret"',
  },
  { value: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', source: 'Stripe API reference, the public test-mode key' },
  { value: 'sk_test_BQokikJOvBiI2HlWgH4olfQ2', source: 'Stripe documentation, an older public test-mode key' },
  // Session 13: the JOSE RFCs' example keys, which every JWT library's tests reproduce.
  {
    value: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
    source: 'RFC 7515 appendix A.1, the example HMAC key (JWK k)',
  },
  { value: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', source: 'RFC 8037 appendix A.1, the example Ed25519 private key (JWK d)' },
  { value: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE', source: 'RFC 7517 appendix A.2, the example P-256 private key (JWK d)' },
  { value: 'abcdef.0123456789abcdef', source: 'Kubernetes documentation, the example kubeadm bootstrap token' },
  // Session 14: the OAuth 2.0 RFC's example values (client credentials, tokens, code), which docs and tests copy,
  // and the TOTP secret of Google Authenticator's key-URI documentation.
  { value: 'czZCaGRSa3F0MzpnWDFmQmF0M2JW', source: 'RFC 6749, the example client credentials (s6BhdRkqt3:gX1fBat3bV) in Basic' },
  { value: 'gX1fBat3bV', source: 'RFC 6749, the example client secret' },
  { value: 'czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3', source: 'RFC 6749 4.1.3, the example client credentials in Basic' },
  { value: '7Fjfp0ZBr1KtDRbnfVdmIw', source: 'RFC 6749 4.1.3, the example client secret' },
  { value: '2YotnFZFEjr1zCsicMWpAA', source: 'RFC 6749, the example access token' },
  { value: 'tGzv3JOkF0XG5Qx2TlKWIA', source: 'RFC 6749, the example refresh token' },
  { value: 'SplxlOBeZQQYbYS6WxSbIA', source: 'RFC 6749, the example authorization code' },
  { value: 'JBSWY3DPEHPK3PXP', source: 'Google Authenticator key URI format documentation, the example secret' },
  // Session 16: the bearer-token RFC's and OpenID Connect's example tokens, which OAuth libraries' docstrings copy.
  { value: 'mF_9.B5f-4.1JqM', source: 'RFC 6750 2.1, the example bearer token' },
  { value: 'SlAV32hkKG', source: 'OpenID Connect Core 1.0, the example access token' },
  { value: 'h480djs93hd8', source: 'RFC 6749 7.1, the example MAC token id' },
];

// ${VAR}, $VAR (upper case: `$ecret9` is a password), $env:VAR, %VAR%, $(VAR), #{VAR}, {{ secrets.X }}, <%= x %>: the value is read from somewhere else.
// Secret managers' references too (session 12): 1Password `op://vault/item/field` (what `op inject` and
// `op run` resolve), Azure App Service `@Microsoft.KeyVault(...)`, AWS Secrets Manager / SSM ARNs.
// Session 13: also a named source and a path (systemd `LoadCredential=name:/path`) and systemd's `%d/…`
// credentials-directory specifier: where a secret is read from.
// Session 16: Python / ConfigParser / supervisord `%(name)s` interpolation (`%(ENV_DB_PASSWORD)s`), and Make's
// escaped `$$VAR` / `$${VAR}` (a shell variable inside a recipe).
// Session 18: a 1Password item or vault name may hold spaces (`op://Engineering/Stripe Live/credential`).
const REFERENCE =
  /^(?:%\([\w.-]{1,100}\)[sdifr]|\$\$[A-Z_][A-Z0-9_]{0,100}|\$\$\{[^}\s]{1,100}\}|\$\{[^}\s]{1,100}\}|\$[A-Z_][A-Z0-9_]{0,100}|\$env:[A-Za-z_]\w{0,100}|%[A-Za-z_][A-Za-z0-9_]{0,100}%|\$\([^)]{1,100}\)|#\{[^}]{1,100}\}|\{\{[^}]{1,200}\}\}|<%=?[^%]{1,200}%>|op:\/\/[^\s/]{1,100}\/[^\n/]{1,100}\/[^\n]{1,200}|@Microsoft\.KeyVault\([^)]{1,300}\)|arn:aws:(?:secretsmanager|ssm):[\w:/+=,.@-]{1,300}|[\w.-]{1,100}:\/(?!\/)[\w./-]{1,300}|%[a-zA-Z]\/[\w./-]{1,300})$/;
// Words and shapes people put where a secret will go. Matched on the value without its issuer prefix.
const PLACEHOLDER_WORDS =
  /^(?:<[^<>]{1,80}>|\[[^[\]]{1,80}\]|changeme|change[_-]?me[\w-]*|replace[_-]?me[\w-]*|placeholder[\w-]*|redacted|your[\w-]*|my[_-]?(?:secret|token|key|password)|insert[\w-]*|todo|tbd|none|null|undefined|dummy[\w-]*|\.{3,}|…)$/i;
// The same words inside a token-shaped placeholder: `xoxb-your-token-here`, `sk_live_replace_me`.
const PLACEHOLDER_PARTS =
  /(?:^|[_.-])your[_-]?(?:own[_-])?[a-z]*[_-]?(?:key|token|secret|password|pass|id)\b|(?:^|[_-])(?:here|goes[_-]here|changeme|change[_-]me|replace[_-]?me|placeholder)$/i;
// A token body spelled in words that say it is not one (session 13: Slack's docs use
// `xoxb-not-a-real-token-this-will-not-work`): three or more lower-case words, one of them a tell.
// Issued tokens have digits or mixed case; a passphrase (`correct-horse-battery`) names no tell.
// Session 18: placeholders written in the team's language (`tu_contraseña_aquí`, `cambia-esto-en-produccion`,
// `votre-mot-de-passe-ici`, `dein_passwort_hier`): two or more words, one of them "your", "here", "change" or
// "replace" in Spanish, Portuguese, French, German or Italian. Words only: a random part makes it a value.
const PLACEHOLDER_PHRASE = /^[\p{L}]+(?:[-_ ][\p{L}]+)+$/u;
const PLACEHOLDER_PHRASE_WORD =
  /(?:^|[-_ ])(?:tus?|su|aqu[ií]|ac[aá]|cambi[ae]\w*|pon|poner|reemplaz\w*|sustitu\w*|seus?|suas?|mud[ae]\w*|alter[ae]\w*|substitu\w*|votre|vos|ici|chang(?:er|ez)|remplac\w*|dein[e]?|ihr(?:e)?|hier|ändern|aendern|ersetz\w*|tuo|tua|qui|cambiare|sostitu\w*)(?=$|[-_ ])/iu;
const WORDS_BODY = /^[a-z]+(?:[-_][a-z]+){2,}$/;
const WORDS_TELL = /(?:^|[-_])(?:not|fake|real|example|sample|dummy|invalid|placeholder|your|here|token|secret|key|test|demo)(?=$|[-_])/;
// Prefixes tokens carry before their random part (ghp_, sk_live_, xoxb-, glpat-): stripped before the
// placeholder check so that `ghp_XXXX…` is judged by its body.
const ISSUER_PREFIX = /^(?:[A-Za-z]{2,10}[_-]){1,3}(?=.)/;
// bcrypt, argon2, scrypt, sha-crypt ($1$ $5$ $6$ $y$) and Django's `algorithm$…` hashes; since session 13
// MySQL's `*` + 40 hex and PostgreSQL's `md5…` / `SCRAM-SHA-256$…` stored passwords.
// Session 18, round 2: SQL Server's stored logins (`0x0200` + a 4-byte salt + SHA-512, `0x0100` + salt + SHA-1, as
// `CREATE LOGIN … WITH PASSWORD = 0x… HASHED` prints them) and OpenPGP-S2K hashed passwords (`16:` + salt,
// count and SHA-1: Tor's `HashedControlPassword`).
const PASSWORD_HASH =
  /^(?:0x0200[0-9A-Fa-f]{136}|0x0100[0-9A-Fa-f]{48}(?:[0-9A-Fa-f]{40})?|16:[0-9A-Fa-f]{58}|\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+|\$(?:1|5|6|y|7|scrypt)\$[./A-Za-z0-9$=,+-]{8,200}|(?:pbkdf2_sha(?:1|256|512)|bcrypt_sha256|argon2|scrypt)\$[A-Za-z0-9$./+=:,]{16,300}|\*[0-9A-F]{40}|md5[0-9a-f]{32}|SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+)$/;

// Keys their issuers document as safe to ship in a web page or app (session 12; Datadog's `pub…` RUM and
// browser-logs client tokens, Braintree's tokenization keys for Drop-in and Paddle.js client-side tokens since
// session 13; Paddle's server keys are `pdl_…_apikey_…`): a Mapbox public token
// (`pk.` + base64 JSON), Stripe publishable keys, Supabase publishable keys, PostHog project keys.
// Their secret counterparts (`sk.eyJ…`, `sk_live_…`, `sb_secret_…`, `phx_…`) have prefixes of their own.
const PUBLIC_BY_DESIGN =
  /^(?:pub[0-9a-f]{32}|(?:production|sandbox)_[a-z0-9]{8}_[a-z0-9]{16}|(?:live|test)_[0-9a-f]{27}|pk\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|pk_(?:live|test)_[A-Za-z0-9]{20,}|sb_publishable_[A-Za-z0-9_-]{20,}|phc_[A-Za-z0-9]{30,})$/;

// Session 14: ciphertext committed by design, named by the tool's own marker: Spring Cloud Config
// `{cipher}…`, Jasypt `ENC(…)`, sops `ENC[AES256_GCM,…]`, dotenvx `encrypted:…`, Vault transit `vault:v1:…`,
// Ansible Vault. The key that decrypts them is elsewhere.
// Session 16: Jenkins' `hudson.util.Secret` (`{AQAAAB…}`: base64 in braces, decrypted with the controller's
// master key) and scheme-tagged ciphertext (WebLogic `{AES256}…`, `{AES}…`, `{3DES}…`).
const CIPHERTEXT =
  /^(?:\{[A-Za-z0-9+/]{20,}={0,2}\}$|\{(?:AES(?:128|192|256)?|3DES|DESede)\}|\{cipher\}|ENC\(|ENC\[(?:AES|[A-Z0-9_]+,)|encrypted:|vault:v\d+:|\$ANSIBLE_VAULT;)/;

export type NotASecret = 'reference' | 'placeholder' | 'published-key' | 'password-hash' | 'public-by-design' | 'ciphertext';

/** Why `value` (a detector's finding) is not a secret, or undefined when it may be one. */
export function notASecret(value: string): NotASecret | undefined {
  const v = value.trim().replace(/^["'`]|["'`]$/g, '');
  if (PUBLISHED_KEYS.some((k) => v.includes(k.value))) return 'published-key';
  if (isPlaceholderPem(v)) return 'placeholder';
  if (CIPHERTEXT.test(v)) return 'ciphertext';
  if (isCountingBytes(v)) return 'placeholder';
  const urlPassword = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]+)@/i.exec(v);
  // A URL whose password part is a placeholder (`postgres://app:<password>@localhost`).
  if (urlPassword && notASecret(urlPassword[1]) !== undefined) return 'placeholder';
  if (PUBLIC_BY_DESIGN.test(v) || isAnonJwt(v)) return 'public-by-design';
  // Long findings (PEM blocks, certificates) can hold runs of one character; only short values are judged.
  if (v.length > 300) return undefined;
  if (REFERENCE.test(v)) return 'reference';
  // A compose file or a Makefile doubles `$` (`$$argon2id$$v=19$$…`): the hash is the same one.
  if (PASSWORD_HASH.test(v) || (v.startsWith('$$') && PASSWORD_HASH.test(v.replace(/\$\$/g, '$')))) return 'password-hash';
  const body = v.replace(ISSUER_PREFIX, '');
  if (PLACEHOLDER_WORDS.test(v) || PLACEHOLDER_WORDS.test(body) || PLACEHOLDER_PARTS.test(v) || isFiller(body)) return 'placeholder';
  if (body !== v && WORDS_BODY.test(body) && WORDS_TELL.test(body)) return 'placeholder';
  if (PLACEHOLDER_PHRASE.test(v) && PLACEHOLDER_PHRASE_WORD.test(v)) return 'placeholder';
  return undefined;
}

/**
 * Hex bytes that count up (`000102…1f`, `0123456789abcdef…`): the key of published test vectors (FIPS-197,
 * RFC 8439), not one anybody generated.
 */
function isCountingBytes(v: string): boolean {
  const hex = v.replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{16,}$/.test(hex)) return false;
  const bytes = hex.match(/../g) ?? [];
  const counting = (xs: number[]) => xs.every((x, i) => i === 0 || x === xs[i - 1] + 1);
  return counting(bytes.map((b) => parseInt(b, 16))) || counting([...hex].map((c) => parseInt(c, 16)).slice(0, 16));
}

/** One character repeated (`XXXX…`, `0000…`, `****`), or a body that is mostly one long run of it. */
function isFiller(body: string): boolean {
  if (body.length < 4) return false;
  if (/^(.)\1+$/.test(body)) return true;
  // Session 18: all runs of 8+ together, so a segmented template (`SG.xxxx….xxxx…`) counts as filler too.
  const filler = (body.match(/(.)\1{7,}/g) ?? []).reduce((n, r) => n + r.length, 0);
  return filler >= body.length / 2;
}

/**
 * A PEM block whose body shows it is an illustration (docs' `MIIEpAIBAAKCAQEA...`): under 40 base64
 * characters (the shortest real private key, Ed25519 PKCS#8, has 64), or an ellipsis or `<placeholder>`
 * with under 100 (a real key cut short with `...` after a few lines still shows key material).
 */
function isPlaceholderPem(v: string): boolean {
  const m = /^-----BEGIN [A-Z0-9 ]{3,40}-----([\s\S]*?)(?:-----END [A-Z0-9 ]{3,40}-----)?$/.exec(v);
  if (!m) return false;
  // Encrypted PEM headers (`Proc-Type: 4,ENCRYPTED`, `DEK-Info: …`) are not body.
  const body = m[1].replace(/^[A-Za-z-]+:[^\n]*$/gm, '');
  const base64 = body.replace(/[^A-Za-z0-9+/=]/g, '').length;
  return base64 < 40 || (base64 < 100 && /\.{3}|…|<[^<>\n]{1,80}>/.test(body));
}

/**
 * A JWT whose payload says it is an anonymous client key (`"role": "anon"`: Supabase's anon key, meant
 * for the browser and limited by row-level security). A `service_role` key has full access and stays a secret.
 */
function isAnonJwt(v: string): boolean {
  const parts = /^eyJ[A-Za-z0-9_-]+\.(eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(v);
  if (!parts) return false;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && (payload as { role?: unknown }).role === 'anon';
  } catch {
    return false;
  }
}
