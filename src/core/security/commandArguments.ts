import { isWordMade, tokenShaped } from './tokenShape';

/**
 * Secret arguments of commands (#13, session 16; the generic detector's command-line family). Flags named
 * for a credential are read by `genericCredentials`' name scan; these are the shapes where no flag names
 * the value and only the command's own words say what it is:
 *
 * - a subcommand that stores a secret: `dotnet user-secrets set K V`, `databricks secrets put-secret S K
 *   --string-value V`, `gh secret set K --body V`, `mkstore -createCredential alias user V` — every
 *   argument after the secret's name;
 * - a command named for passwords (`ldappasswd`, `smbpasswd`): its one-letter flags' values (`-s V`);
 * - Windows `/user:name V` (`net use` takes the password as the next argument);
 * - SQL-style `USER name USING V` (DB2 `CONNECT TO`, `ATTACH TO`);
 * - a password echoed into a command that reads it from stdin (`echo V | openconnect --passwd-on-stdin`);
 * - scripted input of an FTP login: the host line, then `user password` (a JCL `INPUT DD *` stream,
 *   `ftp -s:script`).
 * - session 18: Windows-style password switches (`/p pw`, `/p:pw`, `/password:pw`: signtool, xfreerdp,
 *   psexec); a password glued to its one-letter flag after a user flag on the same line (`-uroot -pV`,
 *   `-Usa -PV`: mysql, isql, bcp); a logon statement's `host/user,password` (BTEQ `.logon`, scripted logins).
 *
 * - session 18, round 2: an API key's secret stored by its CLI (`confluent api-key store KEY SECRET`); a
 *   `passwd` / `change_password` subcommand's positional `user password` (`emqx ctl admins passwd`); a login
 *   command's positional `email password` (`mega-login`); an archiver's password glued to `-p` / `-hp` (rar,
 *   7-Zip); a package manager's auth setting (`composer config http-basic.<host> user password`); Windows'
 *   run-as password switch (`schtasks /rp`).
 * - session 19: a script command's `+login user password` (SteamCMD and the game-server tools that script it);
 *   round 2: a transcript's `login user password` line, a connection directive's `target user password`, net-snmp's
 *   `createUser` passphrases, and a user and password printed as two lines into a file a login reads; round 3:
 *   a SIM's K and OPc after its IMSI.
 *
 * Values are still judged by `tokenShaped` (or a bounded password check for the FTP script), so
 * references (`"$PW"`), placeholders, paths, URLs, DNs and words stay clean.
 */
export interface CommandArgumentSpan {
  start: number;
  end: number;
}

interface Token {
  value: string;
  start: number;
  quoted: boolean;
}

// How many arguments after an anchor are read: commands with more are not what these rules are about.
const MAX_TOKENS = 14;
// Subcommands that store a secret. The first argument after them is the secret's name (or scope).
const SECRET_SETTER =
  /(?:secret|credential|password|api[_-]?key)s?(?:manager)?[ \t]+(?:set|put|add|create|update|store|put-secret|set-secret|create-secret|put-secret-value)(?![\w-])|-(?:create|modify)Credential(?![\w-])/gi;
// Flags of those subcommands that hold the value itself (not a file, a scope or a project).
const VALUE_FLAG = /^--?(?:string-value|value|body|secret-string|data|literal|password|secret|bytes-value)$/i;
// `passwd` at the end of a command's name (`ldappasswd`, `smbpasswd`); the name's start is checked apart
// (`/etc/passwd` is a path), which is cheaper than a pattern that starts at every letter.
const PASSWORD_COMMAND = /passwd(?![\w-])/g;
const WINDOWS_USER = /(?<=[\s"'`])\/(?:user|u):(?:"[^"\n]{1,80}"|[^\s"'`]{1,80})[ \t]+/gi;
const USER_USING = /\buser[ \t]+(?:"[^"\n]{1,64}"|'[^'\n]{1,64}'|[\w.@$\\-]{1,64})[ \t]+using[ \t]+/gi;
// Session 18: printf's format argument (`printf '%s\n' V |`) is skipped: the value is the next argument.
const ECHO_PIPE =
  /\b(?:echo|printf)[ \t]+(?:-[neE]{1,3}[ \t]+)?(?:(?:'%s[^'\n]{0,4}'|"%s[^"\n]{0,4}")[ \t]+)?(?:'([^'\n]{1,256})'|"([^"\n]{1,256})"|([^\s'"|;&`]{1,256}))[ \t]*\|[ \t]*([^\n`]{1,300})/g;
// What says the command at the end of the pipe reads a password or a secret from its standard input.
// Session 18: `--passphrase-fd 0` (gpg) too.
const READS_SECRET = /passw(?:or)?d|passphrase|--stdin\b|\bkinit\b|secret|credential|\btoken\b/i;
// Session 18: `/p <pw>`, `/p:<pw>`, `/pass:<pw>`, `/password <pw>` after a space, a quote or a backtick.
const WINDOWS_PASSWORD = /(?<=[\s"'`])\/(?:p|pw|pwd|pass|password|rp)(?::|[ \t]+)(?=\S)/gi;
// Session 18, round 2: a subcommand that sets a user's password, given `user password` as positionals.
const PASSWORD_SUBCOMMAND = /(?<=[ \t])(?:passwd|(?:change|set|reset|update)[_-]password)(?=[ \t])/gi;
// A login command given an e-mail address then the password (`mega-login user@example.org pw`).
const LOGIN_EMAIL = /(?:^|[\s`'"(])[\w.]{0,20}[-_ ]?login[ \t]+(?=[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+[ \t])/gim;
// Session 19: a script command's login given `user password` (SteamCMD's `+login <user> <password>`).
const PLUS_LOGIN = /(?:^|[\s`'"(])\+log(?:in|on)[ \t]+(?=[\w.@+-]{1,64}[ \t]+[^\s+])/gim;
// Session 19, round 2: a session transcript's `login <user> <password>` line (TeamSpeak ServerQuery over telnet,
// line-protocol admin consoles): the whole line, exactly two words after it.
const LOGIN_LINE_TWO = /^[ \t]*log(?:in|on)[ \t]+[\w.@+-]{1,64}[ \t]+(\S{6,128})[ \t]*$/gim;
// A connection directive given a target, a user and the password as words (ProFTPD `SQLConnectInfo db@host user pw`).
const CONNECT_DIRECTIVE = /^[ \t]*[A-Za-z]{0,20}[Cc]onnect[A-Za-z]{0,20}[ \t]+\S*[@:.]\S*[ \t]+[\w.@$-]{1,64}[ \t]+("?)(\S{6,128}?)\1[ \t]*$/gm;
// net-snmp's `createUser [-e id] name ALG authpass [CIPHER [privpass]]`: a user's authentication and privacy passphrases.
const SNMP_CREATE_USER =
  /\bcreateUser[ \t]+(?:-e[ \t]+\S+[ \t]+)?\S+[ \t]+(?:MD5|SHA(?:-?(?:224|256|384|512))?)[ \t]+("?)([^\s"]{8,128})\1(?:[ \t]+(?:DES|AES(?:-?(?:128|192|256))?)[ \t]+("?)([^\s"]{8,128})\3)?/g;
// Session 19, round 3: a SIM's keys given after its IMSI (`open5gs-dbctl add <imsi> <K> <OPc>`, HSS / UDM tools):
// 32 hex characters each, whoever has them can clone the SIM.
const SIM_KEYS = /\b\d{14,15}[ \t]+([0-9A-Fa-f]{32})(?:[ \t]+([0-9A-Fa-f]{32}))?(?![0-9A-Fa-f])/g;
// A user and a password written as two lines into a file (`printf 'user\npw\n' > auth.txt`) that a login reads.
const TWO_LINE_FILE = /\b(?:printf|echo[ \t]+-e)[ \t]+(['"])[\w.@+-]{1,64}\\n([^\s'"\\]{6,128})(?:\\n)?\1[ \t]*>>?[ \t]*(\S+)/g;
// Archivers that take the password glued to `-p` (or `-hp`: rar's header encryption).
const ARCHIVER = /(?:^|[\s`'"(&;])(?:rar|unrar|winrar|rar\.exe|7z|7za|7zr|7zz|7z\.exe)[ \t]/gim;
// A package manager's auth setting: the arguments after the key are the credential.
const AUTH_CONFIG = /\bconfig[ \t]+(?:--?[\w-]+[ \t]+){0,3}(?:http-basic|bearer|github-oauth|gitlab-oauth|gitlab-token|bitbucket-oauth)\.[^\s]{1,200}[ \t]+/gi;
// A one-letter password flag with its value glued on (`-pV`, `-PV`), read only on a line that has a user flag.
const ATTACHED_PASSWORD = /(?<=[\s"'`])-[pP](?=[^\s\-=])/g;
const USER_FLAG = /(?:^|[\s"'`])(?:-[uU](?:[ \t]*[^\s\-])|--user(?:name)?[= \t]+[^\s\-])/;
const LOGON_STATEMENT = /(?:^|[\s;])\.?log(?:on|in)[ \t]+(?:[\w.-]{1,100}\/)?[\w.$#@-]{1,64},/gim;
const FTP_CONTEXT = /\bftp\b/i;
const HOST_LINE =
  /^[ \t]*(?:open[ \t]+)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[ \t]+\d{1,5})?[ \t]*$|^[ \t]*(?:open[ \t]+)?\d{1,3}(?:\.\d{1,3}){3}(?:[ \t]+\d{1,5})?[ \t]*$/i;
const LOGIN_LINE = /^[ \t]*(?:user[ \t]+)?([\w.@$\\-]{1,64})[ \t]+(\S{6,64})[ \t]*$/i;

/** Spans of secret command arguments in `text`. */
export function commandArguments(text: string): CommandArgumentSpan[] {
  const out: CommandArgumentSpan[] = [];
  const add = (t: Token | undefined) => {
    if (t && tokenShaped(t.value, 'strong')) out.push({ start: t.start, end: t.start + t.value.length });
  };
  // Each rule first checks a literal its anchor needs: most prompts have none of them.
  for (const m of /secret|credential|password|api[_-]?key/i.test(text) ? text.matchAll(SECRET_SETTER) : []) {
    // After the secret's name, every argument that is not a flag may be the value; a value flag's too.
    // An API key's store takes `KEY SECRET`: the one after the key; its other flags' values are ids.
    const apiKey = /^api/i.test(m[0]);
    const args = tokensFrom(text, m.index + m[0].length);
    let named = false;
    for (const [i, t] of args.entries()) {
      if (!t.quoted && t.value.startsWith('-')) {
        if (VALUE_FLAG.test(t.value.split('=')[0])) add(args[i + 1]);
        if (apiKey) break;
        continue;
      }
      if (named) {
        add(t);
        if (apiKey) break;
      }
      named = true;
    }
  }
  if (/passw/i.test(text)) {
    for (const m of text.matchAll(PASSWORD_SUBCOMMAND)) {
      // A configuration statement (`set passwd ENC <ciphertext>`) is the name-space-value family's, not a command.
      if (/(?:^|[\s;])set[ \t]+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const positional = tokensFrom(text, m.index + m[0].length).filter((t) => t.quoted || !t.value.startsWith('-'));
      if (positional.length === 2 && !/^[A-Z0-9]{2,10}$/.test(positional[0].value)) add(positional[1]);
    }
  }
  if (/login/i.test(text) && text.includes('@')) {
    for (const m of text.matchAll(LOGIN_EMAIL)) {
      const [, pw] = tokensFrom(text, m.index + m[0].length);
      add(pw);
    }
  }
  if (text.includes('+log')) {
    for (const m of text.matchAll(PLUS_LOGIN)) {
      const [user, pw] = tokensFrom(text, m.index + m[0].length);
      if (user && !/^anonymous$/i.test(user.value) && pw && !pw.value.startsWith('+')) add(pw);
    }
  }
  if (/log(?:in|on)/i.test(text)) {
    for (const m of text.matchAll(LOGIN_LINE_TWO)) {
      const start = m.index + m[0].lastIndexOf(m[1]);
      add({ value: m[1], start, quoted: false });
    }
  }
  if (/connect/i.test(text)) {
    for (const m of text.matchAll(CONNECT_DIRECTIVE)) {
      const start = m.index + m[0].lastIndexOf(m[2]);
      add({ value: m[2], start, quoted: m[1] !== '' });
    }
  }
  if (text.includes('createUser')) {
    for (const m of text.matchAll(SNMP_CREATE_USER)) {
      for (const v of [m[2], m[4]]) if (v !== undefined) add({ value: v, start: m.index + m[0].indexOf(v), quoted: false });
    }
  }
  if (text.includes('\\n')) {
    for (const m of text.matchAll(TWO_LINE_FILE)) {
      const line = lineOf(text, m.index);
      if (!/auth|cred|pass|secret|login/i.test(`${m[3]} ${line}`)) continue;
      add({ value: m[2], start: m.index + m[0].indexOf(m[2]), quoted: true });
    }
  }
  if (/imsi|subscriber|dbctl|\bki\b|\bopc\b|\bsim\b/i.test(text)) {
    for (const m of text.matchAll(SIM_KEYS)) {
      for (const v of [m[1], m[2]]) {
        if (v === undefined || new Set(v.toLowerCase()).size < 8) continue;
        const start = m.index + m[0].indexOf(v);
        out.push({ start, end: start + v.length });
      }
    }
  }
  if (/rar|7z/i.test(text)) {
    for (const m of text.matchAll(ARCHIVER)) {
      for (const t of tokensFrom(text, m.index + m[0].length)) {
        const glued = !t.quoted && /^-h?p./.test(t.value) ? /^-h?p/.exec(t.value)?.[0].length : undefined;
        if (glued !== undefined) add({ value: t.value.slice(glued), start: t.start + glued, quoted: false });
      }
    }
  }
  if (/config/i.test(text)) {
    for (const m of text.matchAll(AUTH_CONFIG)) {
      const positional = tokensFrom(text, m.index + m[0].length).filter((t) => t.quoted || !t.value.startsWith('-'));
      if (positional.length >= 1 && positional.length <= 2) add(positional[positional.length - 1]);
    }
  }
  if (text.includes('passwd')) {
    for (const m of text.matchAll(PASSWORD_COMMAND)) {
      let w = m.index;
      while (w > 0 && m.index - w < 20 && /[a-z]/.test(text[w - 1])) w--;
      if (w > 0 && /[\w./-]/.test(text[w - 1])) continue;
      const args = tokensFrom(text, m.index + m[0].length);
      for (const [i, t] of args.entries()) if (!t.quoted && /^-[A-Za-z]$/.test(t.value)) add(args[i + 1]);
    }
  }
  for (const m of text.includes(':') && /\/u/i.test(text) ? text.matchAll(WINDOWS_USER) : []) {
    const [t] = tokensFrom(text, m.index + m[0].length);
    if (t && (t.quoted || !/^[/*]/.test(t.value))) add(t);
  }
  for (const m of /using/i.test(text) ? text.matchAll(USER_USING) : []) {
    const [t] = tokensFrom(text, m.index + m[0].length);
    if (t && !t.value.startsWith('(')) add(t);
  }
  if (text.includes('|')) {
    for (const m of text.matchAll(ECHO_PIPE)) {
      if (!READS_SECRET.test(m[4])) continue;
      const value = m[1] ?? m[2] ?? m[3];
      add({ value, start: m.index + m[0].indexOf(value, m[0].indexOf(' ')), quoted: m[3] === undefined });
    }
  }
  if (text.includes('/')) {
    for (const m of text.matchAll(WINDOWS_PASSWORD)) {
      const [t] = tokensFrom(text, m.index + m[0].length);
      if (t && (t.quoted || !t.value.startsWith('/'))) add(t);
    }
  }
  if (/\s-[pP]\S/.test(text)) {
    for (const m of text.matchAll(ATTACHED_PASSWORD)) {
      if (!USER_FLAG.test(lineOf(text, m.index))) continue;
      const [t] = tokensFrom(text, m.index + 2);
      if (t && t.start === m.index + 2) add(t);
    }
  }
  if (/log(?:on|in)/i.test(text)) {
    for (const m of text.matchAll(LOGON_STATEMENT)) {
      const end = m.index + m[0].length;
      const pw = /^[^\s;,'"]{6,128}/.exec(text.slice(end, end + 130))?.[0];
      if (pw && ftpPassword(pw)) out.push({ start: end, end: end + pw.length });
    }
  }
  if (FTP_CONTEXT.test(text)) ftpScriptLogins(text, out);
  return out;
}

function lineOf(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  return text.slice(text.lastIndexOf('\n', at) + 1, end === -1 ? undefined : end);
}

/** The arguments from `at` to the end of the command (newline, backtick, `|`, `;`, `&`, a redirection). */
function tokensFrom(text: string, at: number): Token[] {
  const out: Token[] = [];
  let i = at;
  while (out.length < MAX_TOKENS && i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const c = text[i];
    if (c === undefined || /[\n`|;&<>]/.test(c)) break;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close === -1 || (nl !== -1 && nl < close)) break;
      out.push({ value: text.slice(i + 1, close), start: i + 1, quoted: true });
      i = close + 1;
      continue;
    }
    const run = /[^\s`|;&<>"']+/y;
    run.lastIndex = i;
    const m = run.exec(text);
    if (!m) break;
    // Prose around a command: a sentence's full stop or comma is not part of the argument.
    const value = m[0].replace(/[.,:;!?)]+$/, '');
    if (value !== '') out.push({ value, start: i, quoted: false });
    i += m[0].length;
  }
  return out;
}

/**
 * An FTP script's login: a host line (`ftp.partner.net`, `open 10.0.0.5 21`), then `user password` on the
 * next line (or `user name password`). The password is judged as one a person or a mainframe picks: 6+
 * characters, letters with digits or symbols, not a word or a number.
 */
function ftpScriptLogins(text: string, out: CommandArgumentSpan[]): void {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const next = offset + lines[i].length + 1;
    if (HOST_LINE.test(lines[i])) {
      const m = LOGIN_LINE.exec(lines[i + 1]);
      const pw = m?.[2];
      if (m && pw !== undefined && ftpPassword(pw)) {
        const start = next + lines[i + 1].lastIndexOf(pw);
        out.push({ start, end: start + pw.length });
      }
    }
    offset = next;
  }
}

function ftpPassword(v: string): boolean {
  if (!/[A-Za-z]/.test(v) || !/[\d\W_]/.test(v) || /^[\d.,:-]+$/.test(v) || isWordMade(v)) return false;
  return tokenShaped(v, 'strong') || (/^[A-Z0-9#@$]{6,8}$/.test(v) && /\d/.test(v) && /[A-Z]/.test(v));
}
