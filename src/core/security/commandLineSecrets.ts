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
    // Session 21: SQL*Plus's own `CONNECT user/"pw"@db` (`CONN`) statement in a script, and a quoted password.
    re: /(?:jdbc:oracle:(?:thin|oci8?):|\b(?:sqlplus|expdp|impdp|rman\s+target)\s+(?:-\w+\s+)*|(?:^|\n)[ \t]*CONN(?:ECT)?[ \t]+)["']?[\w$#.]+\/(?:"(?<value2>[^"\n]{3,128})"|(?<value>[^\s@/"'`]{3,128}))@/gi,
    // `rman target`, not `rman`: that is inside "performance".
    hints: /jdbc:oracle|sqlplus|expdp|impdp|rman target|^[ \t]*conn/im,
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%&]/.test(v),
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

/**
 * Session 13, second pass: secrets that shells hand to a program on its standard input or in a
 * scripted dialogue (`echo … | sudo -S`, `| docker login --password-stdin`, `| chpasswd`, expect's
 * `send`), PowerShell's plain-text secure strings, and network tools' community strings and Wi-Fi keys.
 */
export const SHELL_INPUT_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'command-line-password',
    label: 'password piped into a command',
    re: /\becho\s+(?:-[ne]\s+)?["']?(?<value>[^\s"'|$]{4,200})["']?\s*\|\s*(?:sudo\s+)?(?:sudo\s+-S|(?:docker|podman|nerdctl)\s+login\b[^\n]*--password-stdin|helm\s+registry\s+login\b[^\n]*--password-stdin|passwd\s+--stdin|kinit\b|gh\s+auth\s+login\s+--with-token|vault\s+login\s+-)/g,
    hints: ['echo'],
    skipPlaceholders: true,
  },
  {
    kind: 'command-line-password',
    label: 'password piped into a command',
    // `echo "user:password" | chpasswd`: the part after the colon.
    re: /\becho\s+(?:-[ne]\s+)?["']?[\w.@-]+:(?<value>[^\s"':|$]{4,200})["']?\s*\|\s*(?:sudo\s+)?chpasswd\b/g,
    hints: ['chpasswd'],
    skipPlaceholders: true,
  },
  {
    kind: 'command-line-password',
    label: 'password in an expect script',
    re: /expect\s+(?:-\w+\s+)?["'{][^"'}\n]*(?:assword|passphrase|PIN)[^"'}\n]*["'}]\s*\n\s*send\s+(?:--\s+)?["'{](?<value>[^"'}\\\n]{4,200})(?:\\r|\\n)?["'}]/g,
    hints: ['send'],
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%]/.test(v),
  },
  {
    kind: 'command-line-password',
    label: 'password as a PowerShell secure string',
    // `ConvertTo-SecureString "…" -AsPlainText -Force`: the literal is the password.
    re: /ConvertTo-SecureString\s+(?:-String\s+)?["'](?<value>[^"'\n]{4,200})["'][^\n]*-AsPlainText/gi,
    hints: /ConvertTo-SecureString/i,
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%]/.test(v),
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // SNMP community strings (`snmpwalk -c …`), nmcli Wi-Fi passwords and PSKs.
    re: /\b(?:snmp(?:walk|get|set|bulkwalk|bulkget|getnext|table|trap)\b[^\n]*?\s-c\s+|nmcli\b[^\n]*?\s(?:password|wifi-sec\.psk|802-11-wireless-security\.psk)\s+)["']?(?<value>[^\s'"`…]{4,200})/g,
    hints: ['snmp', 'nmcli'],
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%-]/.test(v) && !/^(?:public|private)$/.test(v),
  },
  {
    kind: 'keyword-secret',
    label: 'password in an OpenVPN configuration',
    // An inline `<auth-user-pass>` block: the user on the first line, the password on the second.
    re: /<auth-user-pass>\s*\n[^\n<]+\n(?<value>[^\n<]{4,200})\n\s*<\/auth-user-pass>/g,
    hints: ['<auth-user-pass>'],
  },
];
