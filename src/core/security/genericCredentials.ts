import { commandArguments } from './commandArguments';
import { comparedLiterals } from './comparedLiterals';
import { credentialFileLines } from './credentialFileLines';
import { credentialName, type CredentialNameStrength } from './credentialName';
import { declaredValues } from './declaredValues';
import { byteArrayAt } from './byteArrays';
import { lineAround, WINDOW } from './lineAround';
import { prefixedTokens } from './prefixedTokens';
import { publicInContext } from './publicInContext';
import { randomAssignments } from './randomAssignments';
import { sessionCalls } from './sessionCalls';
import { tableRows } from './tableRows';
import { tokenShaped } from './tokenShape';
import { urlCredentials } from './urlCredentials';

/**
 * The generic contextual detector (#13): a value counts as a credential when it is token-shaped (`tokenShaped`)
 * AND its context says so — a credential-like name bound to it in any common syntax (`= := <- : => ,` assignments,
 * type-annotated declarations, call arguments, XML elements and `name=`/`key=` attributes, key/value pairs on the
 * next lines, CLI flags, URL query parameters and path segments, headers), or a vendor-looking prefix (`abc_`,
 * `live_sk_`, `Mid-server-`) before a random tail. It knows no vendor and no file format: it is what catches the
 * formats the guard's hand-written rules were not written for; `randomAssignments`, any other binding with a clearly
 * random value (session 21). Values under weak names (`key`, `auth`) and bare prefixes must look clearly random.
 *
 * Linear: each hit does bounded work (a name of ≤ 64 chars, a value ≤ 256, a look-ahead ≤ 5 lines / 400 chars).
 */
export interface GenericCredentialSpan {
  start: number;
  end: number;
  /** How it was found: `name`, `call`, `flag`, `url-path`, `prefix`, `command`, `table`, `file-line`, `url`, `shape` (randomAssignments). */
  via: 'name' | 'call' | 'flag' | 'url-path' | 'prefix' | 'command' | 'table' | 'file-line' | 'url' | 'shape';
}

// Where a credential name may be: stems of every word credentialName knows; the whole identifier decides.
const STEM = /pass|pwd|pw\b|secret|token|key|auth|cred|sk|ak|login|bearer|psk|pat\b|community|salt/gi;
const NAME_CHAR_LEFT = /[A-Za-z0-9_.:$@-]/;
const NAME_CHAR_RIGHT = /[A-Za-z0-9_.-]/;
const MAX_NAME = 64;
const MAX_VALUE = 256;
// After the name: an optional closing quote/bracket, an optional type annotation (`: String`), then
// the operator. `==`, `=~`, `::` and `->` in code compare or access rather than bind.
const TYPE_ANNOTATION = /[ \t]*:[ \t]*[&*]?(?:'[a-z]+[ \t]+)?(?:mut[ \t]+)?[A-Za-z_][\w.<>?[\]:]{0,30}(?=[ \t]*=[^=~>])/y;
const OPERATOR = /[ \t]*(:=|<-|=>|\+?=(?![=~])|:(?![:=])|,|\()[ \t]*/y;
// `<add key="PaymentKey" value="…"/>`, `{"key": "password", "value": "…"}`, `"name": "X_TOKEN", "default": …`.
const HOLDER_AFTER = /["']?[ \t]*,?[ \t]*["']?(?:value|default|defaultValue|val)["']?[ \t]*[:=][ \t]*/iy;
// The next lines' holder: Kubernetes `- name: X_PASSWORD` / `value: …`, CloudFormation `Default: …`, HCL `default = …`.
const HOLDER_LINE = /^[ \t]*-?[ \t]*["']?(?:value|default|defaultValue)["']?[ \t]*[:=][ \t]*/i;
// A conversion around a literal (`[]byte("…")`, `SecretStr("…")`, `Buffer.from('…')`) or a bytes/raw prefix.
// SQL's national and escape strings (`N'…'`, `E'…'`) too; Objective-C's and C#'s `@"…"` (session 19).
const WRAPPER = /(?:[\w.:[\]]{1,24}\()?[brufBRUFNE@]{0,2}(?=["'`])/y;
// A JSON string inside a JSON string (a HAR `postData.text`): `\"password\":\"…\"`.
const ESCAPED_QUOTED = /\\(["'])([^"'`\n\\]{1,256})\\\1/y;
const QUOTED_IN_QUOTED = /(["'])\\["']([^"'`\n\\]{1,256})\\["']\1/y;
const QUOTED = /(["'`])([^"'`\n\\]{1,256})\1/y;
const UNQUOTED = /[^\s"'`<>,;(){}[\]]{1,256}/y;
// Sealed or encrypted documents (Bitnami SealedSecret `encryptedData:`, SOPS metadata): their values are ciphertext.
const SEALED_DOCUMENT = /encryptedData:|kind:\s*SealedSecret|\bsops:\s*$|"sops"\s*:/m;
// An argument: a literal (with a method chain such as Rust's `.to_owned()`) or a name.
const CALL_ARG = /[ \t\n]*(?:(["'`])([^"'`\n\\]{1,256})\1(?:\.\w{1,24}\(\)){0,2}|[\w.$&]{1,64})[ \t\n]*(,|\))/y;
// Single-letter flags that take a secret in common tools (`-p` password, `-t` token, `-k` key, `-w` bind password).
// Session 18: `-a` (redis-cli and its forks' password), judged as weakly as `-k`; and the exec form of a command
// (`["redis-cli", "-a", "…"]`: a compose healthcheck, a Dockerfile CMD), where the value is the next array item.
const SHORT_FLAG =
  /(?<=^|[\s"'[,])-([ptkwaPKAX])(?:=|[ \t]+|(?<=["']-[ptkwaPKAX])["'][ \t]*,[ \t]*(?=["']))(?:(["'])([^\s"']{1,256})\2|([^\s"'`<>|;&]{1,256}))/g;
// Session 18: `-u user,password` (lftp) and `--src-creds` / `--dest-creds` with a quoted user (skopeo).
const USER_PASS_FLAG =
  /(?<=^|[\s"'[,])(?:--user|-u|--(?:[a-z]+-)?creds?)(?:=|[ \t]+)(?:'[^'\n]{1,64}'|"[^"\n]{1,64}"|["']?[\w.@$+-]{1,64})[:,]["']?([^\s"'`:@/]{8,256})(?=["']?(?:\s|$))/g;
// A URL path segment after a segment that names a credential (`/t/<token>/`, `/key/<key>/`).
const URL_PATH = /\/(?:t|tokens?|keys?|api[_-]?keys?|auth|secrets?|access[_-]?tokens?)\/([A-Za-z0-9_.~-]{16,256})(?=[/?#\s"'`<>)]|$)/gi;
const ENCRYPTING_LINE = /\bopenssl[ \t]+(?:enc|aes|des|camellia|chacha|bf)|[ \t]-(?:aes|des3?|camellia|chacha20|bf)[\w-]*\b|\b(?:en|de)crypt\b/i;
const PUBLIC_KEY_NEAR = /public[ _-]?key/i;
const CACHE_KEY = /\bcache[ds]?\b[^\n]{0,40}\bkey|^[ \t]*cache:[ \t]*\n|\b(?:sort|partition|primary|foreign|idempotency|composite|object|row)[ _-]key\b/im;

/** Finds values the context says are credentials, in `text`; spans of the values only. */
export function genericCredentials(text: string, path?: string): GenericCredentialSpan[] {
  const out: GenericCredentialSpan[] = [];
  const add = (start: number, end: number, via: GenericCredentialSpan['via']) => {
    if (out.some((o) => start < o.end && end > o.start)) return;
    if (publicInContext(text, start, end) !== undefined) return;
    out.push({ start, end, via });
  };
  // A file named for the public half (`public-key.json`, `id_ed25519.pub`): its weak-named values are that half.
  scanNames(text, path !== undefined && /public[_-]?key|\.pub$/i.test(path), add);
  scanShortFlags(text, add);
  scanUrlPaths(text, add);
  for (const { start, end } of commandArguments(text)) add(start, end, 'command');
  for (const { start, end } of tableRows(text)) add(start, end, 'table');
  for (const { start, end } of [...sessionCalls(text), ...comparedLiterals(text)]) add(start, end, 'call');
  for (const { start, end } of declaredValues(text)) add(start, end, 'name');
  for (const { start, end } of credentialFileLines(text, path)) add(start, end, 'file-line');
  for (const { start, end } of urlCredentials(text)) add(start, end, 'url');
  for (const { start, end } of prefixedTokens(text)) add(start, end, 'prefix');
  for (const { start, end } of randomAssignments(text)) add(start, end, 'shape');
  return out.sort((a, b) => a.start - b.start);
}

type Add = (start: number, end: number, via: GenericCredentialSpan['via']) => void;
function scanNames(text: string, publicFile: boolean, add: Add): void {
  let after = 0;
  for (const m of text.matchAll(STEM)) {
    if (m.index < after) continue;
    let s = m.index;
    while (s > 0 && m.index - s < MAX_NAME && NAME_CHAR_LEFT.test(text[s - 1])) s--;
    let e = m.index + m[0].length;
    while (e < text.length && e - m.index < MAX_NAME && NAME_CHAR_RIGHT.test(text[e])) e++;
    // `Credentials::new(`, `Auth::make(`: a path's last segment belongs to the name.
    const path = /^::[A-Za-z_]\w{0,30}/.exec(text.slice(e, e + 34));
    if (path) e += path[0].length;
    after = e;
    // Trim the punctuation a name cannot end or start with (`password.`, `:signing-key` keeps its words).
    while (e > s && /[.:-]/.test(text[e - 1])) e--;
    while (s < e && /[.:@]/.test(text[s])) s++;
    const name = text.slice(s, e);
    // `${NAME:?message}`, `${NAME:-default}`: a reference to the variable, not a binding.
    if (text[s - 1] === '{' && text[s - 2] === '$') continue;
    // Session 18, round 2: an INI key of two words (Netdata's `api key = …`, `secret key = …`) is one name.
    const spaced = /^[ \t]{0,8}=/.test(text.slice(e, e + 9)) ? /(?:^|\n)[ \t]*([A-Za-z]{2,20})[ \t]$/.exec(text.slice(Math.max(0, s - 24), s)) : null;
    // A command's `--auth` flag takes the credential itself (espota's, ArduinoOTA's `--auth=<password>`).
    const strength = /^--auth$/.test(name)
      ? 'strong'
      : ((spaced && cachedCredentialName(`${spaced[1]} ${name}`)) ?? cachedCredentialName(name) ?? slotName(text, s, e, name));
    if (strength === undefined || (publicFile && strength === 'weak')) continue;
    bindValues(text, s, e, strength, add);
  }
}

// Names repeat within a text (and across prompts): their verdicts are kept, a bounded number of them.
const NAME_VERDICTS = new Map<string, CredentialNameStrength | undefined>();
function cachedCredentialName(name: string): CredentialNameStrength | undefined {
  if (NAME_VERDICTS.has(name)) return NAME_VERDICTS.get(name);
  if (NAME_VERDICTS.size >= 2000) NAME_VERDICTS.clear();
  const verdict = credentialName(name);
  NAME_VERDICTS.set(name, verdict);
  return verdict;
}

/**
 * A setter's first argument that names the slot (`put(API_SECRET_PROP_NAME, "…")`,
 * `setProperty("mail.smtp.pass.name", "…")`): judged without its slot words when a `,` follows.
 */
function slotName(text: string, s: number, e: number, name: string): CredentialNameStrength | undefined {
  const q = text[e] === '"' || text[e] === "'" ? 1 : 0;
  return /^[ \t]*,/.test(text.slice(e + q, e + q + 4)) && /\([ \t]*["']?$/.test(text.slice(Math.max(0, s - 80), s).replace(/[\w.$]+$/, ''))
    ? credentialName(name, true)
    : undefined;
}

/** The values bound to the name at [s, e): same line, then a holder on the next lines. */
function bindValues(text: string, s: number, e: number, strength: CredentialNameStrength, add: Add): void {
  let p = e;
  const quoted = text[s - 1] === '"' || text[s - 1] === "'";
  if (quoted && text[p] === text[s - 1]) p++;
  else if (quoted && text[p] === '\\' && text[p + 1] === text[s - 1]) p += 2;
  // A subscript's key (`$settings['hash_salt'] = …`, `config["api_token"] = …`) binds like a name.
  if (quoted && text[p] === ']' && text[s - 2] === '[') p++;
  // A C array's size (`APPKEY[16] = { 0x…, … }`).
  const dims = /\[\d{0,4}\]/y;
  dims.lastIndex = p;
  if (dims.test(text)) p = dims.lastIndex;
  // The line (and the one above) are read only once a value is found: most names bind nothing.
  let line: string | undefined;
  const value = (at: number, stopAt: RegExp | undefined, via: GenericCredentialSpan['via'], as = strength): boolean => {
    const bytes = byteArrayAt(text, at);
    if (bytes) {
      if (bytes.random) add(bytes.start, bytes.end, via);
      return bytes.random;
    }
    const v = readValue(text, at, stopAt);
    if (v === undefined) return false;
    line ??= lineAround(text, s, e);
    if (!tokenShaped(text.slice(v.start, v.end), as, line)) return false;
    // `key` on a line about caches, sort or partition keys is the lookup key, not a credential. The
    // previous line too: `Cache restored from key: …` logs and `cache:` / `  key: …` YAML.
    // `GET /actions/secrets/public-key` → `{"key_id": …, "key": …}`: the text says which half it is.
    if (strength === 'weak' && PUBLIC_KEY_NEAR.test(text.slice(Math.max(0, v.start - 300), v.start))) return false;
    if (strength === 'weak' && CACHE_KEY.test(`${lineAround(text, Math.max(0, s - line.length - 1))}\n${line}`)) return false;
    if (SEALED_DOCUMENT.test(text.slice(Math.max(0, v.start - 2000), v.start))) return false;
    add(v.start, v.end, via);
    return true;
  };
  HOLDER_AFTER.lastIndex = p;
  if (quoted && HOLDER_AFTER.test(text) && value(HOLDER_AFTER.lastIndex, undefined, 'name')) return;
  // Inside an XML tag: `<password>…</password>`, `<property name="…password">…</property>`.
  if (insideTag(text, s)) {
    const close = /["']?[^<>\n]{0,120}?>/y;
    close.lastIndex = p;
    const m = close.exec(text);
    if (m && !m[0].endsWith('/>') && value(close.lastIndex, /</, 'name')) return;
  }
  // Hadoop / Hive `<name>…key…</name>` then `<value>…</value>`, a plist's `<key>…</key>` then `<string>…</string>`.
  NAME_ELEMENT_END.lastIndex = p;
  if (NAME_ELEMENT_END.test(text)) {
    VALUE_ELEMENT.lastIndex = NAME_ELEMENT_END.lastIndex;
    if (VALUE_ELEMENT.test(text)) value(VALUE_ELEMENT.lastIndex, /</, 'name');
    return;
  }
  TYPE_ANNOTATION.lastIndex = p;
  if (TYPE_ANNOTATION.test(text)) p = TYPE_ANNOTATION.lastIndex;
  OPERATOR.lastIndex = p;
  const op = OPERATOR.exec(text);
  if (op) {
    if (op[1] === '(') return void callArgs(text, OPERATOR.lastIndex, strength, lineAround(text, s, e), add);
    // `?token=…&x=1`: a query parameter ends at `&` or `#`.
    const stop = /[?&]/.test(text[s - 1] ?? '') ? /[&#]/ : undefined;
    // A pair (`put("X-Key", "…")`, `["--api-key", "…"]`) binds a quoted literal only: after a bare
    // `,` comes the next item of a list or the next argument.
    if (op[1] === ',' && !/^[\w.:[\]]{0,24}\(?[brufBRUF]{0,2}["'`]/.test(text.slice(OPERATOR.lastIndex, OPERATOR.lastIndex + 30))) return;
    if (value(OPERATOR.lastIndex, stop, 'name')) return;
    // Session 19: an object that wraps the value (an ARM / Bicep parameters file's `"adminPassword": { "value": "…" }`).
    WRAPPED_VALUE.lastIndex = OPERATOR.lastIndex;
    if (WRAPPED_VALUE.test(text) && value(WRAPPED_VALUE.lastIndex, undefined, 'name')) return;
    // `name:` or `name =` with nothing after it: the value is held on one of the next lines — or, under a plural
    // name (`securityKeys:`, `"credentials": {`), the block's own entries are the values (session 19).
    if (/^[ \t]*(?:[{|>]?[ \t]*)$/.test(text.slice(OPERATOR.lastIndex, lineEnd(text, OPERATOR.lastIndex)))) {
      nextLines(text, OPERATOR.lastIndex, value, CONTAINER_NAME.test(text.slice(s, e)));
    }
    return;
  }
  // `- name: X_PASSWORD` / `variable "admin_pwd" {` with the value on a later line.
  const rest = text.slice(p, lineEnd(text, p));
  if (/^["']?[ \t]*\{?[ \t]*$/.test(rest) && (/name["']?[ \t]*[:=][ \t]*["']?$/i.test(text.slice(Math.max(0, s - 12), s)) || rest.includes('{'))) {
    return void nextLines(text, p, value);
  }
  // `name value`: a flag (`--password x`, `"--api-key", "x"` handled above as `,`) or a config line (`requirepass x`).
  const ws = /[ \t]+/y;
  ws.lastIndex = p;
  if (!ws.test(text)) return;
  // EDN / Clojure keywords and Ruby symbols (`:signing-key "…"`) bind by a space too; so do the statements of
  // device and daemon configuration languages: FortiOS / VyOS `set psksecret …`, Tasmota `Backlog …; MqttPassword …`,
  // OpenWrt UCI `option key '…'` (session 18). A directive's own flags come first (kickstart `rootpw --plaintext …`).
  const before = text.slice(Math.max(0, s - 12), s);
  if (text[s] === '-' || text[s - 1] === ':' || atLineStart(text, s) || /#define[ \t]+$|(?:^|[\s;`])(?:set|option)[ \t]+$|;[ \t]*$/.test(before)) {
    const flags = /(?:--?[a-z][\w-]{0,30}[ \t]+){1,3}/y;
    flags.lastIndex = ws.lastIndex;
    const at = text[s] !== '-' && atLineStart(text, s) && flags.test(text) ? flags.lastIndex : ws.lastIndex;
    const typed = afterTypeDigit(text, at);
    // `key 0 …` says the value is the clear-text secret itself, however weak the name alone is.
    value(typed, undefined, text[s] === '-' ? 'flag' : 'name', typed === at ? strength : 'strong');
    return;
  }
  // A name that says secret outright, as a word of a command or a sentence (Junos `set system radius-server
  // 10.0.0.1 secret …`, racadm `set iDRAC.Users.2.Password …`, strongSwan `: PSK "…"`, Cisco `snmp-server
  // community … RW`): the next word is its value when it is token-shaped. A UUID there is as often a request's
  // or an object's id in a log sentence (`token 5d0c…`), so it is left to the names that bind by an operator.
  // In prose the next word is mostly a word (`**Refresh Token Support**`): a value there must carry a digit.
  const at = afterTypeDigit(text, ws.lastIndex);
  const next = text.slice(at, at + 64);
  if (strength === 'strong' && /[\s`(]/.test(text[s - 1] ?? '') && !UUID_AT.test(next) && /^["']?[^\s"']*\d/.test(next)) value(at, undefined, 'name');
}

// Network gear writes an encryption type between the name and the value: IOS / NX-OS `key 0 <clear>`,
// `password 7 <reversible>` (session 19); 5, 8 and 9 are hashes, which `tokenShaped` leaves alone after them.
const TYPE_DIGIT = /[07][ \t]+(?=[^\s])/y;
function afterTypeDigit(text: string, at: number): number {
  TYPE_DIGIT.lastIndex = at;
  return TYPE_DIGIT.test(text) ? TYPE_DIGIT.lastIndex : at;
}

const WRAPPED_VALUE = /\{[ \t]*["']?(?:value|secureValue|defaultValue)["']?[ \t]*:[ \t]*/iy;
// A name for several credentials: its block's entries are credentials whatever each is called.
const CONTAINER_NAME = /(?:keys|secrets|credentials|tokens|passwords)$/i;
// An entry of a JSON / YAML / TOML block: `"S2_Access": …`, `  primary: …`, `backup = …`.
const BLOCK_ENTRY = /^[ \t]*["']?[\w.-]{1,64}["']?[ \t]*[:=][ \t]*(?=\S)/;
const NAME_ELEMENT_END = /[ \t]*<\/(?:name|key|param-name|Name|Key)>/y;
const VALUE_ELEMENT = /\s{0,200}?<(?:value|string|param-value|Value)>/y;
const UUID_AT = /^["']?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}/i;

function lineEnd(text: string, i: number): number {
  const nl = text.slice(i, i + WINDOW).indexOf('\n');
  return nl === -1 ? Math.min(text.length, i + WINDOW) : i + nl;
}

function atLineStart(text: string, s: number): boolean {
  let i = s;
  while (i > 0 && s - i < WINDOW && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n';
}

/** Whether `s` is inside an XML/HTML tag (a `<` nearer than any `>`, within the window). */
function insideTag(text: string, s: number): boolean {
  const before = text.slice(Math.max(0, s - WINDOW), s);
  const lt = before.lastIndexOf('<');
  return lt !== -1 && lt > before.lastIndexOf('>') && lt > before.lastIndexOf('\n') && /[A-Za-z]/.test(text[s - before.length + lt + 1] ?? '');
}

/**
 * Up to five following lines (400 chars) for a `value:` / `default =` holder; for a container (`securityKeys:`),
 * up to twelve (800 chars) of the block's entries, each a value, until the block closes.
 */
function nextLines(
  text: string,
  from: number,
  value: (at: number, stop: RegExp | undefined, via: GenericCredentialSpan['via']) => boolean,
  container = false,
): void {
  let i = text.indexOf('\n', from);
  // The container's own entries only: a line indented no deeper than the name's ends the block, and entries
  // of nested objects (a TUF root's `keys` → `keyval` → `public`) are their objects' business.
  const indent = (at: number) => /^[ \t]*/.exec(text.slice(at, at + 80))?.[0].length ?? 0;
  const parent = indent(text.lastIndexOf('\n', from - 1) + 1);
  let child: number | undefined;
  for (let n = 0; n < (container ? 12 : 5) && i !== -1 && i - from < (container ? 800 : 400); n++) {
    const start = i + 1;
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    const m = HOLDER_LINE.exec(line);
    if (m) {
      value(start + m[0].length, undefined, 'name');
      return;
    }
    if (container && line.trim() !== '') {
      const at = indent(start);
      if (at <= parent) return;
      child ??= at;
      const entry = BLOCK_ENTRY.exec(line);
      if (entry && at === child && !/^[ \t]*["']?pub/i.test(line)) value(start + entry[0].length, /[,}]/, 'name');
    }
    i = end < text.length ? end : -1;
  }
}

/** Literal arguments of a call named for a credential: `auth("…")`, `Auth('ak', 'sk')`, `login(user, "…")`. */
function callArgs(text: string, at: number, strength: CredentialNameStrength, line: string, add: Add): void {
  let p = at;
  for (let n = 0; n < 4; n++) {
    CALL_ARG.lastIndex = p;
    const m = CALL_ARG.exec(text);
    if (!m) return;
    if (m[2] !== undefined) {
      const start = m.index + m[0].indexOf(m[1]) + 1;
      if (tokenShaped(m[2], strength, line)) add(start, start + m[2].length, 'call');
    }
    if (m[3] === ')') return;
    p = CALL_ARG.lastIndex;
  }
}

/** The value at `at`: a (wrapped) quoted literal, or a bare run up to a delimiter (or `stopAt`). */
function readValue(text: string, at: number, stopAt: RegExp | undefined): { start: number; end: number } | undefined {
  ESCAPED_QUOTED.lastIndex = at;
  const eq = ESCAPED_QUOTED.exec(text);
  if (eq) return { start: at + 2, end: at + 2 + eq[2].length };
  // Session 18: a string literal that holds a quoted literal (Gradle `buildConfigField "String", "X", "\"…\""`).
  QUOTED_IN_QUOTED.lastIndex = at;
  const qq = QUOTED_IN_QUOTED.exec(text);
  if (qq) return { start: at + 3, end: at + 3 + qq[2].length };
  WRAPPER.lastIndex = at;
  if (WRAPPER.test(text)) {
    QUOTED.lastIndex = WRAPPER.lastIndex;
    const q = QUOTED.exec(text);
    if (!q) return undefined;
    const start = q.index + 1;
    return { start, end: start + q[2].length };
  }
  UNQUOTED.lastIndex = at;
  const u = UNQUOTED.exec(text);
  if (!u) return undefined;
  let v = u[0];
  // A value that runs into a template hole (`user@pve!id=<uuid>`, `key-{{ env }}`) is a template.
  if (stopAt?.source !== '<' && /[<{]/.test(text[at + v.length] ?? '')) return undefined;
  // A run longer than any credential (a sealed secret's ciphertext, a certificate) is not judged here.
  if (v.length === MAX_VALUE) return undefined;
  if (stopAt) {
    const cut = stopAt.exec(v);
    if (cut) v = v.slice(0, cut.index);
  }
  // A sentence's full stop or a trailing separator is not part of the value.
  v = v.replace(/[.,;:!?]+$/, '');
  return v === '' ? undefined : { start: at, end: at + v.length };
}

function scanShortFlags(text: string, add: Add): void {
  for (const m of text.matchAll(SHORT_FLAG)) {
    const v = m[3] ?? m[4];
    const start = m.index + m[0].lastIndexOf(v);
    const line = lineAround(text, m.index);
    // `minisign -V … -P <public key>`, `gpg --verify`: the key on a verifying line is the public half.
    if (/verify|public|pubkey/i.test(line) || /\s-V/.test(line)) continue;
    // A UUID after a one-letter flag is as often an id (`az login -t <tenant>`) as a token: names decide UUIDs.
    if (/^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(v)) continue;
    // Session 18, round 2: on a line that encrypts (`openssl enc -aes-256-cbc … -k V`), `-k` is the passphrase.
    const strong = /[pPwt]/.test(m[1]) || (/[kK]/.test(m[1]) && ENCRYPTING_LINE.test(line));
    if (tokenShaped(v, strong ? 'strong' : 'weak', line)) add(start, start + v.length, 'flag');
  }
  // `--user root:<password>`, `-u name:<password>`: the part after the colon.
  for (const m of text.matchAll(USER_PASS_FLAG)) {
    const start = m.index + m[0].length - m[1].length;
    if (tokenShaped(m[1], 'strong', lineAround(text, m.index))) add(start, start + m[1].length, 'flag');
  }
}

function scanUrlPaths(text: string, add: Add): void {
  for (const m of text.matchAll(URL_PATH)) {
    // Only in a URL: the same `/t/…/` occurs inside base64 (a model's weights, an image).
    const run = /[^\s"'`<>()]*$/.exec(text.slice(Math.max(0, m.index - WINDOW), m.index))?.[0] ?? '';
    if (!run.includes('://')) continue;
    const start = m.index + m[0].length - m[1].length;
    if (tokenShaped(m[1], 'weak', lineAround(text, m.index))) add(start, start + m[1].length, 'url-path');
  }
}
