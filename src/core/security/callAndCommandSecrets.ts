import type { SecretPattern } from './SecretPattern';
import { shannonEntropy } from './shannonEntropy';

/**
 * Session 14, round 2 (the seventh held-out split's misses, as families): credentials passed as positional
 * call arguments (a user and a password side by side, a method named for the credential), declarations whose
 * syntax the keyword rule does not read (typed constants, C `#define`, Helm `--set`, JSON escaped inside a
 * string), Windows-style and tool-specific command-line password arguments, and key seed blocks.
 */

/**
 * A password or key, not a word, an identifier, a URL or a tracking id (`G-D557LLWPFC`): 12+ characters,
 * lower-case letters among three character classes, some entropy.
 */
function passwordLike(v: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((c) => c.test(v)).length;
  if (!/[a-z]/.test(v) || /:\/\/|^\.{0,2}\//.test(v)) return false;
  // A random part: digits between letters or irregular case (`UTRrNC9v`, `IW6iMI`); file names, model names and
  // camelCase identifiers (`tokenWorker.js`, `claude-sonnet-4-0`, `openSettingsJson`) have none.
  // A composed password (a word, digits, a symbol, more letters): a symbol that file names and identifiers do not use.
  const composed = /[!#$%^&*+=~@?]/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v) && !/^[\w.-]+@[\w.-]+$/.test(v);
  if (!composed && !v.split(/[^A-Za-z0-9]+/).some((p) => /[A-Za-z]\d+[A-Za-z]/.test(p) || /[a-z][A-Z][a-z]?[A-Z]|[A-Z]{2}[a-z][A-Z]/.test(p))) return false;
  // Digests and pins (`sha256/…`, `sha1:…`) are not passwords.
  return v.length >= 12 && classes >= 3 && shannonEntropy(v) >= 3 && !/^[$%{<@]/.test(v) && !/\s/.test(v) && !/^(?:sha|md5|blake)\w*[/:=-]/i.test(v);
}

/** The line of the match. */
function lineAt(m: RegExpMatchArray): string {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  const end = input.indexOf('\n', at);
  return input.slice(input.lastIndexOf('\n', at - 1) + 1, end === -1 ? undefined : end);
}

// A call's string argument, with the conversions languages wrap literals in (`"x".to_owned()`, `N'x'`).
const ARG_END = String.raw`["'](?:\.(?:to_owned|to_string|into|as_str)\(\))?`;

export const CALL_AND_COMMAND_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'user-password-call',
    label: 'password passed with its user to a call',
    // `NetworkCredential("user", "pw")`, `clusterOptions("user", "pw")`, `Credentials::new("u".to_owned(), "pw"…)`,
    // `new PDO(dsn, 'user', 'pw')`, `new Api('key_id', 'secret')`, `smtp.PlainAuth("", "user", "pw", host)`:
    // a user-like literal, then a password-like one. Words and sentences are not passwords (three classes).
    re: new RegExp(String.raw`\(\s*(?:[^()\n]{0,200}?,\s*)?["'][\w.@+\\-]{1,64}${ARG_END}\s*,\s*["'](?<value>[^"'\s\\]{10,200})${ARG_END}\s*[,)]`, 'g'),
    hints: /["')]\s*,\s*["']/,
    validate: passwordLike,
  },
  {
    kind: 'credential-method',
    label: 'credential passed to a method named for it',
    // Builder and factory methods: `.SecretKey("…")`, `Auth.api_key('…')`, `.password("…")`, `.ApiSecret("…")`.
    re: /\.(?<name>[A-Za-z_]*(?:[Ss]ecret(?:[Kk]ey)?|[Pp]assword|[Pp]asswd|[Aa]pi_?[Kk]ey|[Aa]ccess_?[Tt]oken|[Aa]uth_?[Tt]oken|[Bb]earer_?[Tt]oken|[Tt]oken))\s*\(\s*["'](?<value>[^"'\s]{8,300})["']\s*\)/g,
    hints: /secret|password|passwd|api_?key|token/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/^(?:get|has|is|verify|validate|check|parse|decode|hash|compare|reset|forgot|revoke|public)/i.test(m.groups?.name ?? ''),
  },
  {
    kind: 'prefixed-token',
    label: 'DeepL API key',
    // A UUID with DeepL's `:fx` (free plan) suffix.
    re: /\b(?<value>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:fx)\b/g,
    hints: [':fx'],
  },
  {
    kind: 'keyword-secret',
    label: 'credential in a typed or preprocessor declaration',
    // Rust `const API_KEY: &str = "…"`, Swift / Kotlin / TypeScript `let token: String = "…"`, C / C++
    // `#define API_TOKEN "…"`.
    // The match starts at the type or at `#define`; the name before `:` is read behind it (faster).
    re: /(?::\s*&?(?:'static\s+)?(?:str|String|string)\??\s*=\s*|#define[ \t]+\w*(?:PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|KEY|PSK)\w*[ \t]+)"(?<value>[^"\s]{8,200})"/g,
    hints: /(?:str|String|string)\??\s*=|#define/,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) =>
      m[0].startsWith('#') ||
      /(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|AUTH_?KEY|[Pp]assword|[Ss]ecret|[Tt]oken|[Aa]pi_?[Kk]ey|[Aa]ccess_?[Kk]ey)\w*\s*$/.test(
        (m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 60), m.index),
      ),
  },
  {
    kind: 'keyword-secret',
    label: 'credential set on a command line (Helm --set)',
    // `helm install … --set agent.key=…`, `--set-string auth.password=…`: a value path ending in a credential name.
    re: /--set(?:-string)?[ \t=]+["']?[\w.-]*(?:key|password|passwd|secret|token|apikey|apiKey|api_key)=(?<value>[^\s,'"]{8,200})/gi,
    hints: ['--set'],
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/(?:public|site|publishable|id|name|tag|host)Key=|\.(?:keyId|key_id)=/i.test(m[0]),
  },
  {
    kind: 'keyword-secret',
    label: 'credential in JSON inside a string',
    // HAR `postData.text`, logs and fixtures hold JSON escaped in a string: `{\"password\":\"…\"}`.
    re: /\\"(?<name>[\w.-]*(?:password|passwd|passphrase|pwd|secret|token|api_?key|apikey|access_?key|client_?secret))\\"\s*:\s*\\"(?<value>[^"\\\s]{6,200})\\"/gi,
    hints: ['\\"'],
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/(?:^|[_.-])(?:id|type|url|name|hint|policy|length)$/i.test(m.groups?.name ?? ''),
  },
  {
    kind: 'command-line-password',
    label: 'password on a Windows command line',
    // `cmdkey /pass:…`, `/password:…`, `/p:…` (msdeploy, runas-style tools): the value after the colon.
    re: /\/(?<=\s\/)(?:pass|password|pwd|p)[:=](?<value>[^\s"'/]{4,200})/gi,
    hints: /\/(?:pass|password|pwd|p)[:=]/i,
    skipPlaceholders: true,
    validate: (v) => !/^[$%{<*]/.test(v),
  },
  {
    kind: 'command-line-password',
    label: 'password as a command argument (net use)',
    // `net use [Z:] \\host\share <password> /user:…`: the argument after the share, when it is not a flag or `*`.
    re: /\bnet\s+use\s+(?:[A-Za-z]:\s+)?\\\\[^\s]+\s+["']?(?<value>[^\s"'/*][^\s"']{3,200})["']?(?=\s+\/|\s*$)/gim,
    hints: ['net use'],
    skipPlaceholders: true,
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // `--user name:password` for any tool (etcdctl, httpie, grpcurl), `ipmitool -P …`, SNMPv3 `-A` / `-X`
    // passphrases, `oathtool -b <seed>`, `hdbuserstore SET <key> <host> <user> <password>`.
    re: /(?:\s--user(?:=|[ \t]+)["']?[\w.@-]{1,64}:|\bipmitool\b[^\n]*?\s-P[ \t]+|\boathtool\b[^\n]*?\s-b[ \t]+|\bhdbuserstore\s+(?:-\w+\s+)*SET\s+\S+\s+\S+\s+\S+\s+)["']?(?<value>[^\s"'`]{6,200})/gi,
    hints: /--user|ipmitool|oathtool|hdbuserstore/i,
    skipPlaceholders: true,
    validate: (v, m) => !/^[$%{<]/.test(v) && (!/--user/i.test(m[0]) || passwordLike(v) || /\bcurl\b/.test(lineAt(m))),
  },
  {
    kind: 'command-line-password',
    label: 'passphrase on an SNMPv3 command line',
    // `snmpwalk -v3 … -A <auth passphrase> -X <privacy passphrase>`: each flag, on a line that runs an snmp tool.
    re: /-[AX](?<=\s-[AX])[ \t]+["']?(?<value>[^\s"'`]{6,200})/g,
    hints: ['snmp'],
    skipPlaceholders: true,
    validate: (v, m) => !/^[$%{<-]/.test(v) && /\bsnmp\w*\b/.test(lineAt(m)),
  },
  {
    kind: 'command-line-password',
    label: 'password in SQL',
    // T-SQL's Unicode literal: `CREATE LOGIN … WITH PASSWORD = N'…'`.
    re: /\bPASSWORD\s*=\s*N'(?<value>[^'\n]{4,200})'/gi,
    hints: /password\s*=\s*N'/i,
    skipPlaceholders: true,
  },
  {
    kind: 'private-key',
    label: 'secret key block (seed or secret armour)',
    // Armoured blocks named for a seed or a secret (`-----BEGIN USER NKEY SEED-----`, NATS `.creds` files),
    // not the public or certificate ones; and bare NATS nkey seeds (`SU…`, `SA…`, `SO…`).
    re: /-----BEGIN [A-Z ]*(?:SEED|SECRET)[A-Z ]*-----\s*\n(?<value>[A-Za-z0-9+/=_-]{20,8000})\s*\n-{5,6}END|\b(?<value2>S[UAOCN][A-Z2-7]{54,56})\b/g,
    hints: ['SEED-----', 'SECRET-----', 'SU', 'SA', 'SO'],
    validate: (v) => /\d/.test(v) && /[A-Z]/.test(v),
  },
];
