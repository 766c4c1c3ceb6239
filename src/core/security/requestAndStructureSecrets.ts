import type { SecretPattern } from './SecretPattern';

/**
 * Session 13, round 2 (the fifth held-out split's misses, as families): credentials in request headers
 * named for what they carry, vendor `Authorization` schemes, form fields, password flags and SDK calls
 * with literal arguments, and in structures whose shape (not the value's) says "secret": Postman
 * key/value pairs, .NET `<RSAKeyValue>` private keys, unattend `<…Password><Value>`, base64 PKCS#12,
 * session cookies, and a password printed by the command on the line before.
 */

// Per-request or public values that headers also name `…-Key` / `…-Token` (WebSocket handshake keys,
// CSRF tokens, idempotency keys, cache keys): not credentials.
const NOT_CREDENTIAL_HEADER =
  /^(?:sec-|x-)?(?:csrf|xsrf|idempotency|request|correlation|trace|cache|nonce|dedupe?|signature|webhook|hub|public|publishable|site|sort|partition|primary|foreign|websocket|continuation|page|next-page|sync|resume|upload|etag|message|event|client)(?:-|$)/i;

/** Base64 of a DER PKCS#12 file: SEQUENCE, INTEGER 3, then the pkcs7-data content. */
function isBase64Pkcs12(v: string): boolean {
  const der = Buffer.from(v.slice(0, 64), 'base64');
  if (der.length < 24 || der[0] !== 0x30) return false;
  const lenBytes = der[1] & 0x80 ? der[1] & 0x7f : 0;
  const at = 2 + lenBytes;
  return der[at] === 0x02 && der[at + 1] === 0x01 && der[at + 2] === 0x03 && der.subarray(at, at + 24).includes(Buffer.from('2a864886f70d010701', 'hex'));
}

export const REQUEST_AND_STRUCTURE_SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'api-key-header',
    label: 'credential in a request header',
    // Any header whose name ends in Token / Key / Secret / Auth / ApiKey (`Circle-Token`, `xi-api-key`,
    // `PRIVATE-TOKEN`), written `Name: value` (curl `-H`, HTTP dumps) or as a YAML key with the value on
    // the next list line (VCR cassettes record headers that way).
    re: /(?<![\w-])(?<name>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-(?:token|key|secret|auth|apikey))["']?[ \t]*:[ \t]*(?:\n[ \t]*-[ \t]+)?["']?(?<value>[A-Za-z0-9._~+/=-]{16,300})/gi,
    hints: /-(?:token|key|secret|auth|apikey)["']?[ \t]*:/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !NOT_CREDENTIAL_HEADER.test(m.groups?.name ?? ''),
  },
  {
    kind: 'bearer-token',
    label: 'token in an Authorization header',
    // A vendor's own scheme word (`KakaoAK`, `Zoho-oauthtoken`, `SharedKeyLite`, `GoogleLogin`): any word
    // after `Authorization:`, then the key. `Basic` and `Digest` carry other shapes (rules of their own).
    re: /authorization["']?[ \t]*:[ \t]*["'`]?(?<scheme>[A-Za-z][A-Za-z0-9_-]{1,30})[ \t]+(?<value>[A-Za-z0-9._~+/!:-]{16,400}=*)/gi,
    hints: /authoriz/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/^(?:basic|digest|header|is|was|the|a|an|for|with|and|required|failed)$/i.test(m.groups?.scheme ?? ''),
  },
  {
    kind: 'form-field-credential',
    label: 'credential in a form field',
    // curl's `-F access_token=…`, `--form-string 'token=…'`, `-d 'api_key=…'`, `--data-urlencode`.
    re: /(?:\s-[Fd]|--form(?:-string)?|--data(?:-raw|-urlencode|-binary|-ascii)?)[ \t]+["']?(?<name>[\w.-]*(?:token|key|secret|password|passwd|pwd|auth)[\w.-]*)=(?<value>[^\s&'"]{8,300})/gi,
    hints: /-F|--form|-d|--data/,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/(?:^|[_.-])(?:id|type|url|uri|name|public|publishable)$|^(?:public|publishable|site)/i.test(m.groups?.name ?? ''),
  },
  {
    kind: 'command-line-password',
    label: 'API key as a basic-auth user',
    // `curl -u <key>:X` / `-u <key>:` (Freshdesk, Stripe, Mailgun's `api:` reversed): the key is the user
    // part and the password is empty or a dummy letter.
    re: /\b(?:curl|http|wget)\b[^\n]*?\s(?:-u|--user)[ \t]+["']?(?<value>[A-Za-z0-9_-]{16,200}):(?:[Xx_]|)(?=["'\s]|$)/g,
    hints: ['-u', '--user'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // `user:token` after an auth flag (Jenkins CLI `-auth user:token`, `--basic-auth`, `--creds`); `@file`
    // (read from a file) is not a value.
    re: /(?:^|\s)--?(?:auth|basic-auth|creds|credentials)(?:=|[ \t]+)["']?(?!@)[\w.@+-]{1,64}:(?<value>[^\s'"@]{8,200})/gm,
    hints: ['auth', 'creds'],
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'command-line-password',
    label: 'password on a command line',
    // A quoted value after `-p` / `-P` (`mosquitto_pub -P '…'`, `podman login -p='…'`, `mysql -P` is a port
    // and never quoted random text).
    re: /(?:^|\s)-[pP](?:=|[ \t]+)(?<q>["'])(?<value>[^'"\s]{8,200})\k<q>/gm,
    hints: [' -p', ' -P'],
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => !/^\d+$/.test(v) && !/^[$%{<@]/.test(v),
  },
  {
    kind: 'command-line-password',
    label: 'password as a command argument',
    // `htpasswd` with its flags apart (`-c -b`, `-B -b -C 10`): file, user, then the password.
    re: /\bhtpasswd(?:[ \t]+-[a-zA-Z]+(?:[ \t]+\d+)?)*?[ \t]+-[a-zA-Z]*b[a-zA-Z]*(?:[ \t]+-[a-zA-Z]+(?:[ \t]+\d+)?)*(?:[ \t]+(?!-)[^\s'"]+){2}[ \t]+["']?(?<value>[^\s'"]{6,200})/g,
    hints: ['htpasswd'],
    skipPlaceholders: true,
    validate: (v) => !/^[$<{%-]/.test(v),
  },
  {
    kind: 'app-specific-password',
    label: 'app-specific password',
    // Apple's app-specific passwords are four groups of four lower-case letters; after a password flag or
    // field they are the password, although they read as letters.
    re: /(?:password|passwd|pwd|app[-_ ]?specific)[^\n]{0,24}?["'=:\s](?<value>[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4})(?![\w-])/gi,
    hints: /password|passwd|pwd|app[-_ ]?specific/i,
    skipPlaceholders: true,
    validate: (v) => !/^(?:(.)\1{3}-?)+$/.test(v) && new Set(v.replace(/-/g, '')).size >= 8,
  },
  {
    kind: 'sdk-credential',
    label: 'credential passed to an SDK call',
    // A constructor or setter named for credentials with literal string arguments (Tencent
    // `Credential(id, key)`, `mercadopago.SDK("APP_USR-…")`, `setAccessToken("…")`): the last quoted
    // argument and, by the next rule, the first one.
    re: /\b(?:[A-Za-z_][\w]*\.)*(?:(?:[A-Z]\w*)?(?:Credentials?|SDK)|set(?:Access)?Token|setApiKey|setSecret|setCredentials?|configure|BasicAuth|authenticate)\s*\(\s*(?:["'][^"'\n]{1,200}["']\s*,\s*){0,3}["'](?<value>[A-Za-z0-9_+/=.-]{16,300})["']\s*[,)]/g,
    hints: /Credential|SDK|set(?:Access)?Token|setApiKey|setSecret|configure|BasicAuth|authenticate/,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'sdk-credential',
    label: 'credential passed to an SDK call',
    re: /\b(?:[A-Za-z_][\w]*\.)*(?:(?:[A-Z]\w*)?(?:Credentials?|SDK)|setCredentials?|BasicAuth)\s*\(\s*["'](?<value>[A-Za-z0-9_+/=.-]{16,300})["']\s*,/g,
    hints: /Credential|SDK|BasicAuth/,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'config-key',
    label: 'account key in a configuration field',
    // .NET-style settings (`"Cosmos": { "Key": "…" }`, `"AccountKey"`, `"PrimaryKey"`): a field named Key
    // whose value is a long base64 key (256 bits or more, padded).
    re: /"(?:[A-Z][a-z]+)?(?:Key|AccountKey|PrimaryKey|SecondaryKey|MasterKey|SharedKey|AuthKey|AccessKey)"\s*:\s*"(?<value>[A-Za-z0-9+/]{40,}={1,2})"/g,
    hints: ['Key"'],
    needsEntropy: true,
    validate: (_v, m) => !/"(?:Public|Publishable|Site|Verify|Verifying|Signing(?:Public)?|Cache|Sort|Partition)Key"/.test(m[0]),
  },
  {
    kind: 'key-value-credential',
    label: 'credential in a key/value pair',
    // Postman's auth and variables (`{"key": "password", "value": "…"}`), ECS / Kubernetes env lists
    // (`{"name": "API_TOKEN", "value": "…"}`): the pair's name says what the value is.
    re: /"(?:key|name)"\s*:\s*"(?<name>[\w.-]*(?:password|passwd|token|secret|apikey|api_key|api-key|access_key|client_secret|private_key)[\w.-]*)"\s*,\s*"value"\s*:\s*"(?<value>[^"\s]{6,300})"/gi,
    hints: /"value"/,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (_v, m) => !/(?:^|[_.-])(?:id|type|url|uri|name|file|path|public|publishable)$/i.test(m.groups?.name ?? ''),
  },
  {
    kind: 'private-key',
    label: '.NET RSA private key (XML)',
    // `RSA.ToXmlString(true)`: the private parameters (`<D>`, `<P>`, `<Q>`, `<DP>`, `<DQ>`, `<InverseQ>`)
    // beside the public ones; the whole element is the key. A public-only `<RSAKeyValue>` is public.
    re: /(?<value>(?:<|&lt;)RSAKeyValue(?:>|&gt;)[\s\S]{0,8000}?(?:<|&lt;)\/RSAKeyValue(?:>|&gt;))/g,
    hints: ['RSAKeyValue'],
    validate: (v) => /(?:<|&lt;)(?:D|P|InverseQ)(?:>|&gt;)/.test(v),
  },
  {
    kind: 'xml-credential-element',
    label: 'password in a setup answer file',
    // Windows unattend.xml: `<AdministratorPassword>` / `<Password>` (AutoLogon, LocalAccount) hold the
    // password in a `<Value>` child (plain, or base64 that decodes straight back).
    re: /<(?:\w*Password)>\s*<Value>(?<value>[^<\s]{1,200})<\/Value>/g,
    hints: ['<Value>'],
    skipPlaceholders: true,
  },
  {
    kind: 'private-key',
    label: 'PKCS#12 (PFX) file, base64-encoded',
    // A certificate with its private key; the password protecting it is weak by design (often empty).
    re: /(?<![A-Za-z0-9+/])(?<value>MII[A-Za-z0-9+/]{200,}={0,2})/g,
    hints: ['MII'],
    validate: isBase64Pkcs12,
  },
  {
    kind: 'config-line-credential',
    label: 'credential in a configuration line',
    // LDAP clients' bind secrets: sssd `ldap_default_authtok`, nslcd `bindpw`, slapd `rootpw`, `bind_password`.
    re: /(?<![\w-])(?:[\w.-]*(?:authtok|bindpw|bind_?password|bind_?pw|rootpw))(?:[ \t]*[=:][ \t]*|[ \t]+)["']?(?<value>[^\s"']{6,200})/gi,
    hints: /authtok|bindpw|bind_?password|bind_?pw|rootpw/i,
    needsEntropy: true,
    skipPlaceholders: true,
    validate: (v) => !/^[{]/.test(v),
  },
  {
    kind: 'session-cookie',
    label: 'session cookie',
    // A logged-in session's cookie is a bearer credential while it lives: Django `sessionid`, PHP
    // `PHPSESSID`, Java `JSESSIONID`, Express `connect.sid`, Rails / Laravel `_…_session`.
    re: /(?<![\w.-])(?:sessionid|session_id|PHPSESSID|JSESSIONID|connect\.sid|ASP\.NET_SessionId|[a-z][\w]*_session)=(?<value>[A-Za-z0-9%._~+/-]{20,600}={0,2})(?=[;\s"'&]|$)/g,
    hints: /session|SESSID|connect\.sid/i,
    needsEntropy: true,
    skipPlaceholders: true,
  },
  {
    kind: 'printed-secret',
    label: 'secret printed by the command before it',
    // `kubectl get secret … -o jsonpath='{.data.password}' | base64 -d`: the next line is the decoded value.
    re: /\b(?:kubectl|oc)\b[^\n]*\bget\s+secrets?\b[^\n]*\|\s*base64\s+(?:-d|--decode|-D)\b[^\n]*\n(?<value>[^\s$]\S{5,199})[ \t]*(?=\n|$)/g,
    hints: ['base64'],
    skipPlaceholders: true,
    validate: (v) => !/^(?:error|Error|\$|#|>)/.test(v),
  },
];
