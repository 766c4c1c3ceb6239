import type { SecretPattern } from './SecretPattern';
import { shannonEntropy } from './shannonEntropy';

/**
 * Credentials that command lines and shell history carry as plain arguments (session 13, the fourth
 * held-out split's misses as families): tools whose usage puts a password, key or token at a fixed
 * position rather than behind a flag, Oracle's `user/password@db` connect strings, and `user/password`
 * pairs in `*_AUTH` variables. A plain password has no shape; the command around it says what it is.
 */

// `tool subcommand … <secret>`: the arguments before the secret are words without a leading `-`.
// Each entry is the command, then how many plain arguments come between it and the secret.
const POSITIONAL: ReadonlyArray<[command: string, before: number]> = [
  // rabbitmqctl add_user <user> <password>, change_password <user> <password>
  [String.raw`rabbitmqctl\s+(?:add_user|change_password)`, 1],
  // vault operator unseal <key>; vault login <token> (without a method flag)
  [String.raw`vault\s+operator\s+unseal`, 0],
  [String.raw`vault\s+login`, 0],
  // mc alias set <alias> <url> <access key> <secret key>; the older `mc config host add`
  [String.raw`mc\s+(?:alias\s+set|config\s+host\s+add)`, 3],
  // snyk auth <token>; ngrok authtoken <token> / ngrok config add-authtoken <token>
  [String.raw`snyk\s+auth`, 0],
  [String.raw`ngrok\s+(?:authtoken|config\s+add-authtoken)`, 0],
  // htpasswd -b[c] <file> <user> <password>
  [String.raw`htpasswd\s+-[a-zA-Z]*b[a-zA-Z]*`, 2],
  // net user <name> <password> (Windows), smbpasswd is interactive
  [String.raw`net\s+user`, 1],
];

const POSITIONAL_RE = new RegExp(
  String.raw`\b(?:${POSITIONAL.map(([cmd, before]) => String.raw`${cmd}(?:[ \t]+(?!-)[^\s'"]+){${before}}`).join('|')})[ \t]+["']?(?<value>[^\s'"]{6,200})`,
  'g',
);

export const COMMAND_LINE_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'command-line-password',
    label: 'password or key as a command argument',
    re: POSITIONAL_RE,
    // Each literal hint that is absent costs a pass over the text: as few as tell the commands apart.
    hints: ['rabbitmqctl', 'vault ', 'mc ', 'snyk ', 'ngrok', 'htpasswd', 'net user'],
    skipPlaceholders: true,
    // Its own randomness test, not the keyword rules': a MinIO secret key may start with `/`, which
    // those read as a path.
    validate: (v) => !/^[$<{%-]/.test(v) && looksRandom(v),
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // OpenSSL's explicit password argument (`-passin pass:…`, `-passout pass:…`, `-pass pass:…`): the
    // `pass:` source says the rest is the password itself, whatever it looks like (`env:`/`file:` are not).
    re: /-pass(?:in|out)?\s+pass:(?<value>[^\s'"`…]{3,200})/g,
    hints: ['pass:'],
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%]/.test(v),
  },
  {
    kind: 'connection-string-password',
    label: 'password in an Oracle connect string',
    // jdbc:oracle:thin:user/password@//host:1521/svc, sqlplus user/password@db, expdp / impdp / rman.
    // (`exp` / `imp`, the old tools, are left out: both are common words.)
    re: /(?:jdbc:oracle:(?:thin|oci8?):|\b(?:sqlplus|expdp|impdp|rman\s+target)\s+(?:-\w+\s+)*)["']?[\w$#.]+\/(?<value>[^\s@/"'`]{3,128})@/gi,
    // `rman target`, not `rman`: that is inside "performance".
    hints: ['jdbc:oracle', 'sqlplus', 'expdp', 'impdp', 'rman target'],
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%]/.test(v),
  },
  {
    kind: 'env-credential',
    label: 'credential in an environment assignment',
    // NEO4J_AUTH=neo4j/<password>, ARANGO_AUTH, `*_BASIC_AUTH=user:password`: a user and password pair in
    // one variable. Only the password part is the secret.
    re: /(?<![\w$])[A-Z][A-Z0-9_]*_AUTH["']?\s*[=:]\s*["']?[\w.@-]{1,64}[/:](?<value>[^\s'"$/:]{6,128})/g,
    hints: ['_AUTH'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
];

/** Two character classes and the entropy of a random string (`minioadmin` and `s3cret` are not keys). */
function looksRandom(v: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(v)).length;
  return classes >= 2 && shannonEntropy(v) >= 3;
}
