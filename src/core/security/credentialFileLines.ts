import { credentialName } from './credentialName';
import { notASecret } from './notASecret';
import { shannonEntropy } from './shannonEntropy';
import { tokenShaped } from './tokenShape';

/**
 * Secrets in the line formats of daemons' credential files and tools' output (#13, session 18; the generic
 * detector's file-line family). No name sits next to these values: the line's own shape, or the file's name,
 * says what they are.
 *
 * - a passwd-file line whose scheme tag says the password is stored in clear: `user:{PLAIN}pw`, `{CLEARTEXT}`;
 * - a file named for a credential (`*.secrets`, `auth.txt`, `*_secret`, `credentials.txt`) holding only one
 *   random token, `user:password` lines, or a user line then a password line;
 * - a symmetric key file's `<id> <algorithm> <key>` lines (NTP, chrony);
 * - a directive that takes `user:password` (`stats auth ops:pw`, `basic_auth user:pw`);
 * - JAAS login-module options that hold a user's password (`user_<name>="pw"`);
 * - a tool's announcement of a password it generated (`New value: …`, `Generated password: …`);
 * - a JSON state file's attributes that the file itself lists as sensitive (Terraform's `sensitive_attributes`);
 * - a Netscape cookie jar's cookie values (curl's cookie files, `.gitcookies`).
 *
 * - session 18, round 2: a monitoring daemon's resource file of `$USERn$=` macros (Nagios, Icinga 1, Naemon,
 *   Shinken), which exists to keep the passwords its command lines pass as `$USERn$` out of the object files.
 *
 * - session 21: monit's `allow user:password` (its web UI's accounts, in the clear in `monitrc`), and a Jetty
 *   `HashLoginService` realm file's `user: password[,role …]` lines (by the file's name or its format comment);
 *   `OBF:`, `MD5:` and `CRYPT:` values there are the file's stored forms, left to their own judgement.
 *
 * Values are still judged by `tokenShaped` (or a bounded randomness check for long single-token files), so
 * references, hashes, placeholders and words stay clean.
 */
export interface CredentialFileSpan {
  start: number;
  end: number;
}

const CLEAR_SCHEME = /^[^\s:#]{1,128}:\{(?:PLAIN|CLEAR|CLEARTEXT|PLAINTEXT)\}([^:\s]{1,256})/gm;
const KEY_FILE_LINE = /^[ \t]*\d{1,5}[ \t]+(?:MD5|SHA1?|SHA224|SHA256|SHA384|SHA512|M|AES128CMAC|AES256CMAC|CMAC)[ \t]+(?:HEX:|ASCII:)?(\S{8,128})[ \t]*$/gim;
const USER_PASS_DIRECTIVE = /(?:^|[ \t])(?:auth|basic[_-]?auth|credentials|userpass)[ \t]+[\w.@-]{1,64}:(\S{6,256})[ \t]*$/gim;
const JAAS_USER = /\buser_[\w.-]{1,64}[ \t]*=[ \t]*"([^"\n]{1,256})"/g;
const GENERATED =
  /^[ \t]*(?:new|generated|temporary|initial|random|one-time)[ \t]+(?:value|password|passphrase|secret|token|key)[ \t]*[:=][ \t]*(\S{8,256})[ \t]*$/gim;
const SAYS_SECRET = /passw(?:or)?d|passphrase|secret|token|credential/i;
const SENSITIVE_ATTRIBUTE = /"type"\s*:\s*"get_attr"\s*,\s*"value"\s*:\s*"(\w{1,64})"/g;
const COOKIE_LINE = /^(?:#HttpOnly_)?[.\w-]{1,253}\t(?:TRUE|FALSE)\t\/[^\t\n]*\t(?:TRUE|FALSE)\t\d{1,12}\t[^\t\n]{1,128}\t([^\t\n]{1,4096})$/gm;
const RESOURCE_MACRO = /^[ \t]*\$USER\d{1,3}\$[ \t]*=[ \t]*(\S{6,256})[ \t]*$/gm;
const USER_LIKE = /^[\w.@+-]{1,64}$/;
const MONIT_ALLOW = /^[ \t]*allow[ \t]+[\w.@-]{1,64}:(?:"([^"\n]{1,256})"|([^\s"]{1,256}))(?:[ \t]+read-?only)?[ \t]*$/gim;
const REALM_LINE = /^[ \t]*[\w.@-]{1,64}[ \t]*[:=][ \t]*([^,\s]{1,256})(?:[ \t]*,[ \t]*[\w.-]{1,64})*[ \t]*$/gm;
const REALM_FILE = /(?:^|[/\\])[\w.-]*realm\.properties$/i;
const REALM_FORMAT = /#[ \t]*user(?:name)?[ \t]*:[ \t]*password[ \t]*\[?,[ \t]*role/i;
const STORED_FORM = /^(?:OBF|MD5|CRYPT|SHA\d*|PBKDF2|BCRYPT):/i;
// A stored password hash in a user:hash line (`$apr1$…`, `{SSHA}…`): what the server keeps, not the password.
const HASH_TAG = /^(?:\$[\w-]{1,10}\$|\{[A-Z0-9-]{2,16}\})/;
// One token alone in a file: the characters of base64, base64url, hex and printable key files.
const SINGLE_TOKEN = /^[A-Za-z0-9+/=_.:~-]{16,4096}$/;

/** Spans of secrets in credential-file lines and tool output in `text` (`path`: the file's, when known). */
export function credentialFileLines(text: string, path?: string): CredentialFileSpan[] {
  const out: CredentialFileSpan[] = [];
  const push = (start: number, value: string) => out.push({ start, end: start + value.length });
  const captured = (m: RegExpMatchArray) => (m.index ?? 0) + m[0].lastIndexOf(m[1]);
  if (text.includes(':{')) {
    for (const m of text.matchAll(CLEAR_SCHEME)) if (notASecret(m[1]) === undefined && m[1].length >= 6) push(captured(m), m[1]);
  }
  for (const m of /\d[ \t]+(?:MD5|SHA|M\b|AES|CMAC)/i.test(text) ? text.matchAll(KEY_FILE_LINE) : []) {
    if (symmetricKey(m[1])) push(captured(m), m[1]);
  }
  for (const m of /auth|credentials|userpass/i.test(text) ? text.matchAll(USER_PASS_DIRECTIVE) : []) {
    if (!HASH_TAG.test(m[1]) && tokenShaped(m[1], 'strong')) push(captured(m), m[1]);
  }
  if (text.includes('LoginModule')) {
    for (const m of text.matchAll(JAAS_USER)) if (tokenShaped(m[1], 'strong')) push(captured(m), m[1]);
  }
  for (const m of /^[ \t]*(?:new|generated|temporary|initial|random|one-time)[ \t]/im.test(text) ? text.matchAll(GENERATED) : []) {
    const at = m.index ?? 0;
    if (SAYS_SECRET.test(text.slice(Math.max(0, at - 400), at + m[0].length)) && tokenShaped(m[1], 'strong')) push(captured(m), m[1]);
  }
  for (const m of text.includes('$USER') ? text.matchAll(RESOURCE_MACRO) : []) if (tokenShaped(m[1], 'strong')) push(captured(m), m[1]);
  if (text.includes('"sensitive_attributes"')) sensitiveAttributes(text, push);
  if (text.includes('\tTRUE\t') || text.includes('\tFALSE\t')) {
    for (const m of text.matchAll(COOKIE_LINE)) {
      // `.gitcookies` and similar hold `name=value` in the value column: the part after `=` is the cookie's secret.
      const eq = m[1].indexOf('=');
      const value = eq > 0 && eq < 128 ? m[1].slice(eq + 1) : m[1];
      if (tokenShaped(value, 'weak')) push(captured(m) + m[1].length - value.length, value);
    }
  }
  for (const m of /^[ \t]*allow[ \t]/im.test(text) ? text.matchAll(MONIT_ALLOW) : []) {
    const v = m[1] ?? m[2];
    if (tokenShaped(v, 'strong')) push((m.index ?? 0) + m[0].lastIndexOf(v), v);
  }
  if ((path !== undefined && REALM_FILE.test(path)) || REALM_FORMAT.test(text)) {
    for (const m of text.matchAll(REALM_LINE)) if (!STORED_FORM.test(m[1]) && tokenShaped(m[1], 'strong')) push(captured(m), m[1]);
  }
  if (path !== undefined) namedFile(text, path, push);
  return out;
}

/** A key file's key: hex of 10+ bytes that is not one character repeated, or a printable password. */
function symmetricKey(v: string): boolean {
  if (/^[0-9a-f]{20,128}$/i.test(v)) return new Set(v.toLowerCase()).size >= 6 && notASecret(v) === undefined;
  return tokenShaped(v, 'strong');
}

function sensitiveAttributes(text: string, push: (start: number, value: string) => void): void {
  const names = new Set([...text.matchAll(SENSITIVE_ATTRIBUTE)].map((m) => m[1]));
  for (const name of names) {
    if (/^(?:id|type|value|name)$/.test(name)) continue;
    for (const m of text.matchAll(new RegExp(`"${name}"\\s*:\\s*"([^"\\n]{1,256})"`, 'g')))
      if (tokenShaped(m[1], 'strong')) push((m.index ?? 0) + m[0].lastIndexOf(m[1]), m[1]);
  }
}

/**
 * A file whose name says it holds a credential (`rsyncd.secrets`, `auth.txt`, `encrypted_data_bag_secret`) and
 * whose content is only one random token, `user:password` lines, or a user line and a password line.
 */
function namedFile(text: string, path: string, push: (start: number, value: string) => void): void {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  if (credentialName(base.replace(/^\./, '')) === undefined) return;
  const lines: Array<{ line: string; start: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '' && !line.trim().startsWith('#')) lines.push({ line: line.trim(), start: offset + line.indexOf(line.trim()) });
    offset += line.length + 1;
  }
  if (lines.length === 0 || lines.length > 50) return;
  const [first, second] = lines;
  if (lines.length === 1 && SINGLE_TOKEN.test(first.line) && randomToken(first.line)) return push(first.start, first.line);
  if (lines.length === 2 && USER_LIKE.test(first.line) && !first.line.includes(':') && tokenShaped(second.line, 'strong'))
    return push(second.start, second.line);
  // `user:password`, and the colon files that put a host (or a `*.` pattern) and more fields first: Exim's
  // `passwd.client` (`host:user:password`), `host:port:db:user:password` lists. The last field is the password.
  const pairs = lines.map((l) => ({ l, m: /^(?:[\w.@*+-]{1,128}:){1,4}([^\s:]{6,256})$/.exec(l.line) }));
  if (!pairs.every((p) => p.m !== null)) return;
  for (const { l, m } of pairs) {
    const pw = m?.[1] ?? '';
    if (!HASH_TAG.test(pw) && tokenShaped(pw, 'strong')) push(l.start + l.line.length - pw.length, pw);
  }
}

function randomToken(v: string): boolean {
  if (notASecret(v) !== undefined) return false;
  return v.length <= 256 ? tokenShaped(v, 'weak') : shannonEntropy(v) >= 4.5;
}
