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
];

// ${VAR}, $VAR (upper case: `$ecret9` is a password), $env:VAR, %VAR%, $(VAR), #{VAR}, {{ secrets.X }}, <%= x %>: the value is read from somewhere else.
const REFERENCE =
  /^(?:\$\{[^}\s]{1,100}\}|\$[A-Z_][A-Z0-9_]{0,100}|\$env:[A-Za-z_]\w{0,100}|%[A-Za-z_][A-Za-z0-9_]{0,100}%|\$\([^)]{1,100}\)|#\{[^}]{1,100}\}|\{\{[^}]{1,200}\}\}|<%=?[^%]{1,200}%>)$/;
// Words and shapes people put where a secret will go. Matched on the value without its issuer prefix.
const PLACEHOLDER_WORDS =
  /^(?:<[^<>]{1,80}>|\[[^[\]]{1,80}\]|changeme|change[_-]?me[\w-]*|replace[_-]?me[\w-]*|placeholder[\w-]*|redacted|your[\w-]*|my[_-]?(?:secret|token|key|password)|insert[\w-]*|todo|tbd|none|null|undefined|dummy[\w-]*|\.{3,}|…)$/i;
// The same words inside a token-shaped placeholder: `xoxb-your-token-here`, `sk_live_replace_me`.
const PLACEHOLDER_PARTS =
  /(?:^|[_.-])your[_-]?(?:own[_-])?[a-z]*[_-]?(?:key|token|secret|password|pass|id)\b|(?:^|[_-])(?:here|goes[_-]here|changeme|change[_-]me|replace[_-]?me|placeholder)$/i;
// Prefixes tokens carry before their random part (ghp_, sk_live_, xoxb-, glpat-): stripped before the
// placeholder check so that `ghp_XXXX…` is judged by its body.
const ISSUER_PREFIX = /^(?:[A-Za-z]{2,10}[_-]){1,3}(?=.)/;
// bcrypt, argon2, scrypt, sha-crypt ($1$ $5$ $6$ $y$) and Django's `algorithm$…` hashes.
const PASSWORD_HASH =
  /^(?:\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+|\$(?:1|5|6|y|7|scrypt)\$[./A-Za-z0-9$=,+-]{8,200}|(?:pbkdf2_sha(?:1|256|512)|bcrypt_sha256|argon2|scrypt)\$[A-Za-z0-9$./+=:,]{16,300})$/;

/** Why `value` (a detector's finding) is not a secret, or undefined when it may be one. */
export function notASecret(value: string): 'reference' | 'placeholder' | 'published-key' | 'password-hash' | undefined {
  const v = value.trim().replace(/^["'`]|["'`]$/g, '');
  if (PUBLISHED_KEYS.some((k) => v.includes(k.value))) return 'published-key';
  // Long findings (PEM blocks, certificates) can hold runs of one character; only short values are judged.
  if (v.length > 300) return undefined;
  if (REFERENCE.test(v)) return 'reference';
  if (PASSWORD_HASH.test(v)) return 'password-hash';
  const body = v.replace(ISSUER_PREFIX, '');
  if (PLACEHOLDER_WORDS.test(v) || PLACEHOLDER_WORDS.test(body) || PLACEHOLDER_PARTS.test(v) || isFiller(body)) return 'placeholder';
  return undefined;
}

/** One character repeated (`XXXX…`, `0000…`, `****`), or a body that is mostly one long run of it. */
function isFiller(body: string): boolean {
  if (body.length < 4) return false;
  if (/^(.)\1+$/.test(body)) return true;
  const run = /(.)\1{7,}/.exec(body);
  return run !== null && run[0].length >= body.length / 2;
}
