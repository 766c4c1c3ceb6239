import type { SecretPattern } from './SecretPattern';

/**
 * Session 14 (the sixth held-out split's misses, as families): credentials where the rules read neither
 * the token's shape nor the syntax around it. Vendor tokens built as a short prefix plus a random tail;
 * assignment operators of more languages (R `<-`, Make `?=`, subscripts, name/value calls); names that
 * end in `Key` with a long random literal; short INI names (`key=`, `skey=`); XML settings named by an
 * attribute; parameters whose default is a credential; `"user" "password"` auth files; bare or
 * parameterised `Authorization` values; header objects in HAR / Postman exports; auth calls; and
 * single-letter token flags.
 */

// Credential words in names (kept close to secretPatterns' KEYWORDS, which this file cannot import).
const CRED = String.raw`(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?key|credentials?)`;

// Prefix parts that say a token is public or an object id, not a secret: Stripe / Toss client keys,
// publishable keys, OpenAI org / project ids, hash algorithms (SRI, lockfiles).
const PUBLIC_PREFIX =
  /^(?:pk|pub|public|publishable|client|ck|mob|mobile|browser|site|org|proj|project|id|user|usr|file|asst|thread|run|msg|req|evt|cus|acct|ch|pi|price|prod|sub|in|txn|sha\d*|md5|sha3|blake2[bs]?|xxh\d*|crc\d*|h\d|v\d+|rev|ref|tag|build|chunk|cache|tmp|temp|spec|mock|fixture)$/i;

/** A token's random part: long, digits and letters, both cases or hex, not words. */
function randomTail(body: string, min: number): boolean {
  const b = body.replace(/[_-]/g, '');
  if (b.length < min) return false;
  const digits = (b.match(/\d/g) ?? []).length;
  if (digits < 3 || !/[A-Za-z]/.test(b)) return false;
  const mixed = /[a-z]/.test(b) && /[A-Z]/.test(b);
  if (!mixed && !/^[0-9a-f]+$/i.test(b)) return false;
  // A run of letters a word could be (`myVeryLongFunctionName`): an identifier, not a key.
  if (/[A-Za-z]{14,}/.test(b) && !/[A-Z]{3}|[a-z][A-Z][a-z]?[A-Z]/.test(b)) return false;
  return new Set(b).size >= Math.min(mixed ? 14 : 10, b.length / 2);
}

/** The line of the match. */
function lineAt(m: RegExpMatchArray): string {
  const input = m.input ?? '';
  const at = m.index ?? 0;
  const end = input.indexOf('\n', at);
  return input.slice(input.lastIndexOf('\n', at - 1) + 1, end === -1 ? undefined : end);
}

export const LANGUAGE_AND_FORMAT_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'prefixed-token',
    label: 'vendor token (prefix and random tail)',
    // `jina_…`, `Mid-server-…`, `live_sk_…`, `pk_<digits>_…`: one to three short prefix parts, then a random
    // tail of 30 or more characters (20 after a part that says secret / server / live). Object ids
    // (`cus_…`, `org-…`, 24 characters), publishable keys and hash algorithms are not secrets.
    re: /(?<![A-Za-z0-9_+/=.~-])(?<value>(?<prefix>(?:[A-Za-z][A-Za-z0-9]{0,11}[_-]){1,3})(?<body>[A-Za-z0-9][A-Za-z0-9_-]{19,250}))(?![A-Za-z0-9_+/=~-])/g,
    // A run of 16 after a separator: rare in prose and code, so most texts skip the regex.
    hints: /[_-][A-Za-z0-9]{16}/,
    validate: (_v, m) => {
      const parts = (m.groups?.prefix ?? '').split(/[_-]/).filter(Boolean);
      const body = m.groups?.body ?? '';
      // Vendor prefixes are words or acronyms (`jina`, `Mid`, `CFPAT`); `SlN-…` is the middle of a base64url id.
      if (!parts.every((p) => /^(?:[a-z][a-z0-9]*|[A-Z][A-Z0-9]*|[A-Z][a-z]+|\d+)$/.test(p))) return false;
      // The field says it is an id (`"credential_id": "…"`).
      const input = m.input ?? '';
      // Session 18: a bare `id` / `rawId` too (WebAuthn's credential id is a public identifier the browser sends).
      if (/(?:\bid|[_-]id|Id|ID)["']?\s*[:=]\s*["']?$/.test(input.slice(Math.max(0, (m.index ?? 0) - 40), m.index))) return false;
      if (parts.some((p) => PUBLIC_PREFIX.test(p)) && !/^pk$/i.test(parts[0] ?? '')) return false;
      // ClickUp's personal tokens are `pk_<user id>_<32>`; a `pk_` key without the digits is publishable.
      if (/^pk$/i.test(parts[0] ?? '') && !(parts.length === 2 && /^\d{5,12}$/.test(parts[1]))) return false;
      if (/^pk$/i.test(parts[0] ?? '')) return randomTail(body, 24);
      const secretPart = parts.some((p) => /^(?:sk|rk|gsk|secret|server|srv|live|prod|production|private|priv|key|token|tok|pat|sat|api|auth)$/i.test(p));
      // All prefix parts upper-case and long (`ORDER_STATUS_…`) are constant names.
      if (parts.every((p) => /^[A-Z]{4,}$/.test(p))) return false;
      return randomTail(body, secretPart ? 20 : 30);
    },
  },
  {
    kind: 'prefixed-token',
    label: 'API key with its key name (`app.key:secret`)',
    // Ably and others write `<app id>.<key id>:<secret>`: the whole string is the key.
    re: /(?<![\w.:/-])(?<value>[A-Za-z0-9_-]{4,16}\.[A-Za-z0-9_-]{4,16}:[A-Za-z0-9_+/=-]{24,100})(?![\w+/=-])/g,
    hints: /\.[A-Za-z0-9_-]{4,16}:[A-Za-z0-9_+/=-]{24}/,
    validate: (v) => randomTail(v.slice(v.indexOf(':') + 1), 24),
  },
  {
    kind: 'keyword-secret',
    label: 'credential assignment',
    // Assignment operators the main rule does not read: R `<-` / `<<-`, Make `?=` / `::=` after a name,
    // Ruby `||=`, JS `??=`, subscripts (`ENV["API_TOKEN"] = …`, `os.environ['SECRET'] = …`), and a type
    // between name and value (Go `var apiToken string = "…"`, Bicep `param dbPassword string = '…'`).
    re: new RegExp(
      String.raw`${CRED}[\w.-]*["']?\]?(?:[ \t]+(?:string|String|str|securestring|secureString))?[ \t]*(?:<<-|<-|\?=|\|\|=|\?\?=|::=|(?<=\])[ \t]*=|(?<=string|String|str|securestring|secureString)[ \t]*=)[ \t]*(?<q>["'\x60])(?<value>[^"'\x60\s]{8,200})\k<q>`,
      'gi',
    ),
    hints: /<-|\?=|\|\|=|::=|\]\s*=|str(?:ing)?\s*=/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'keyword-secret',
    label: 'credential set by name',
    // A name/value call: `put(API_SECRET_PROP_NAME, "…")`, `setProperty("db.password", "…")`,
    // `define('API_KEY', '…')`, `os.environ.setdefault("TOKEN", "…")`, `setenv("SECRET", "…")`,
    // `localStorage.setItem('token', '…')`, `config.set('api_key', '…')`.
    re: new RegExp(String.raw`${CRED}[\w.$-]*["'\x60]?\s*,\s*(?<q>["'\x60])(?<value>[^"'\x60\s]{8,200})\k<q>`, 'gi'),
    hints: /put|set|add|define|store|insert|config/i,
    needsEntropy: true,
    skipPlaceholders: true,
    // The call is read behind the name (starting at every word was slow).
    validate: (_v, m) =>
      /\b(?:put|set|add|define|store|insert|setdefault|setProperty|setenv|putenv|Setenv|put_env|putString|setItem|setValue|setSecret|configure|config)\w{0,12}\s*\(\s*["'\x60]?[\w.$-]*$/.test(
        (m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 120), m.index),
      ),
  },
  {
    kind: 'keyword-secret',
    label: 'key assigned to a name ending in Key',
    // `const sparkKey = "…"`, `serp_key <- "…"`, `let stripeKey = '…'`: a name ending in Key / _key / _KEY with
    // a long random literal (32+ hex, or 24+ mixed). Names of public or structural keys are left alone.
    // The match starts at `Key` and the name is read behind it: starting at every identifier was slow.
    re: /(?:Key|_key|_KEY|-key)["']?[ \t]*(?::=|=>|<-|<<-|[:=])[ \t]*(?<q>["'`])(?<value>[0-9a-fA-F]{32,128}|[A-Za-z0-9_+/=.-]{24,200})\k<q>/g,
    hints: /key["']?\s*(?::=|=>|<-|[:=])/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v, m) =>
      /\d/.test(v) &&
      !/^(?:client|pk|pub|public|publishable|mob)[_-]/.test(v) &&
      /[A-Za-z_$][\w$]*$/.test((m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 40), m.index)) &&
      !/public|publishable|client|write|mobile|browser|frontend|site|cache|sort|partition|primary|foreign|idempot|dedup|lookup|hash|digest|checksum|etag|kid|i18n|translation|storage_?key_?name|map|route|query|react|list|item|row|column|hotkey|shortcut/i.test(
        (/[A-Za-z_$][\w$]*$/.exec((m.input ?? '').slice(Math.max(0, (m.index ?? 0) - 40), m.index))?.[0] ?? '') + m[0].slice(0, 4),
      ),
  },
  {
    kind: 'keyword-secret',
    label: 'credential in a configuration line',
    // INI / properties / YAML lines with a short credential name the keyword rule does not know: zuliprc
    // `key=`, Duo's `skey=`, `sk=`, `pass=`, `pw=`, `apiKey` is the main rule's. Only at the start of a line,
    // with a random value.
    // The line start is a lookbehind after the name: `^` with the `m` flag was tried at every position.
    re: /(?<name>key|skey|sk|secretkey|secret_key|pass|pw|passw|api|auth)(?<=(?:^|\n)[ \t]*(?:key|skey|sk|secretkey|secret_key|pass|pw|passw|api|auth))[ \t]*[=:][ \t]*["']?(?<value>[A-Za-z0-9_+/=.~!@#%^*-]{16,200})["']?[ \t]*(?=\r?\n|$)/gi,
    hints: /(?:key|sk|pass|pw|api|auth)[ \t]*[=:]/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => /\d/.test(v) && /[A-Za-z]/.test(v),
  },
  {
    kind: 'keyword-secret',
    label: 'credential in an XML setting',
    // Settings named by an attribute: Hibernate `<property name="hibernate.connection.password">…</property>`,
    // Java properties XML `<entry key="api.token">…</entry>`, .NET `<setting name="ApiKey"><value>…</value>`,
    // and the value as an attribute: Ant / Spring `<property name="password" value="…"/>`, `<param name="token" value="…"/>`.
    re: new RegExp(
      String.raw`<(?<tag>[\w:.-]+)\s[^<>]*?\b(?:name|key|id)\s*=\s*["'][^"'<>]*${CRED}[^"'<>]*["'](?:[^<>]*?\bvalue\s*=\s*["'](?<value>[^"'<>\s]{6,200})["'][^<>]*/?>|[^<>]*>\s*(?:<value>\s*)?(?<value2>[^<>\s]{6,200})\s*(?:</value>\s*)?</\k<tag>>)`,
      'gi',
    ),
    hints: /\b(?:name|key|id)\s*=\s*["'][^"']*(?:pass|pwd|secret|token|key|credential)/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'keyword-secret',
    label: 'credential as a parameter default',
    // A credential-named parameter whose default is a literal: CloudFormation `DBPassword: … Default: '…'`,
    // GitHub Actions `inputs: token: default: …`, ARM `"adminPassword": {… "defaultValue": "…"}`, argparse /
    // click `("--token", default="…")`.
    re: new RegExp(
      String.raw`${CRED}[\w-]*["']?(?:\s*,[^()\n]{0,200}?\bdefault\s*=\s*|\s*:\s*\{?\s*\n?(?:[^\n{}]*\n){0,8}?[^\n{}]*?["']?\b(?:Default|default|defaultValue)["']?\s*:\s*)(?<q>["']?)(?<value>[^"'\s,}]{6,200})\k<q>`,
      'gi',
    ),
    hints: /default/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'credentials-file-field',
    label: 'password in an auth file (`"user" "password"`)',
    // pgbouncer's `userlist.txt` (and other auth files in its format): a quoted user, a quoted password. Stored
    // hashes (`md5…`, `SCRAM-SHA-256$…`) are left to notASecret.
    re: /^"(?<user>[A-Za-z_][\w.@-]{0,63})"[ \t]+"(?<value>[^"\s]{8,200})"[ \t]*$/gm,
    hints: ['" "'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'bearer-token',
    label: 'token as the whole Authorization value',
    // `-H 'Authorization: pk_…'`, a Fastfile string with `Authorization: <token>`: the header's whole value,
    // no scheme word, ends at the quote or the line's end.
    re: /authorization[ \t]*:[ \t]*(?<value>[A-Za-z0-9._~+/-]{20,400}={0,2})(?=["'`\\]|[ \t]*$)/gim,
    hints: /authoriz/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => /\d/.test(v) && /[A-Za-z]/.test(v),
  },
  {
    kind: 'bearer-token',
    label: 'token in an Authorization parameter',
    // A scheme joined with `=` and parameters (Proxmox `PVEAPIToken=user@realm!tokenid=<secret>`, `SharedKey
    // account:<signature>`): the last `=` or `:` part.
    re: /authorization["']?[ \t]*:[ \t]*["'`]?[A-Za-z][\w-]{1,30}(?:=|[ \t]+)[^\s"'`=:]{1,120}[=:](?<value>[A-Za-z0-9._~+/-]{16,400}={0,2})(?=["'`\s]|$)/gim,
    hints: /authoriz/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'api-key-header',
    label: 'credential in a recorded request header',
    // HAR and Postman exports: `{"name": "Authorization", "value": "Bearer …"}`, `{"key": "X-Api-Key", …}`.
    re: /"(?:name|key)"\s*:\s*"(?<name>authorization|proxy-authorization|[\w-]*(?:api-?key|token|secret|auth))"\s*,\s*"value"\s*:\s*"(?:[A-Za-z][\w-]{1,30}\s+)?(?<value>[A-Za-z0-9._~+/!:-]{16,600}={0,2})"/gi,
    hints: /"value"/,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/^(?:x-)?(?:csrf|xsrf|request|correlation|trace|idempotency)/i.test(m.groups?.name ?? ''),
  },
  {
    kind: 'sdk-credential',
    label: 'credential passed to an auth call',
    // `red:auth("…")` (Lua), `client.auth("…")`, `Auth('ak', 'sk')` (Qiniu), `$redis->auth('…')`,
    // `conn.login("user", "…")`, requests' `auth=("user", "…")`: the last literal argument.
    re: /(?:(?:^|[\s.:>(=])(?:[Aa]uth|login|Login|signIn|authenticate)\s*\(|\bauth\s*=\s*\()\s*(?:["'][^"'\n]{1,200}["']\s*,\s*){0,2}["'](?<value>[A-Za-z0-9_+/=.!#%^*~@-]{8,300})["']\s*[,)]/g,
    hints: /auth|login|signIn/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'url-secret-parameter',
    label: 'credential in a URL path',
    // Anaconda's `https://conda.anaconda.org/t/<token>/<channel>`, webhook URLs (`/hooks/<token>`): in a URL
    // only (the segment names are short), with a token that has digits and letters.
    re: /:\/\/[^\s"'<>/]+(?:\/[^\s"'<>/]+)*?\/(?:t|tk|hooks?|webhooks?)\/(?<value>[A-Za-z0-9_-]{20,200})(?=[/?#"'\s)]|$)/gi,
    hints: /\/(?:t|tk|hooks?|webhooks?)\//i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => /\d/.test(v) && /[A-Za-z]/.test(v),
  },
  {
    kind: 'command-line-secret',
    label: 'token passed as a single-letter flag',
    // `codecov … -t <uuid>`, `obsutil config -k=<key>`: `-t` (token) / `-k` / `-K` (key) with a token-shaped
    // value (a UUID, or 24+ random characters). `az login -t` is a tenant id.
    re: /-[tkK](?<=(?:^|\s)-[tkK])(?:=|[ \t]+)["']?(?<value>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_+/=.-]{24,200})(?=["'\s]|$)/gm,
    hints: [' -t', ' -k', ' -K'],
    validate: (v, m) =>
      (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v) || randomTail(v, 24)) &&
      !/\baz\s+(?:login|account)\b|--tenant|\bdocker\b|\bpodman\b|\bssh-keygen\b/.test(lineAt(m)),
  },
];
