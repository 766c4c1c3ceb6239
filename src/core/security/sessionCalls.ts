import { isWordMade, tokenShaped } from './tokenShape';

/**
 * Credentials passed to calls that open a session (#13, session 16; the generic detector's call family for
 * callees named for the act, not the credential):
 *
 * - login-like calls (`BindParameter(type, "user", "<pw>")`, `simple_bind_s(dn, "<pw>")`, `connect(host,
 *   "user", "<pw>")`, `logon(…)`): a user-like literal directly followed by a password-like one;
 * - SDK setup calls (`ApiContext.create(env, "<key>", "desc")`, `new PaymentsApi("<key>")`, `Sdk.init("<key>")`):
 *   a literal of 32+ random characters, the length of an issued key rather than an id or a name.
 *
 * - session 18: any call or constructor given a host, a user and a password as three literals in a row
 *   (`new AS400("host.example", "USER", "<pw>")`, `Session("10.0.0.5", "ops", "<pw>")`): the host says the
 *   call opens a connection whatever it is named; the password may be one a mainframe allows (letters and digits).
 *
 * - session 18, round 2: a Python module's own setup call (`import rollbar` … `rollbar.init('<token>', …)`): a
 *   server-side SDK's first literal of 32+ random characters; and a literal pair of an endpoint URL and a random
 *   token (`('http://10.0.0.5:7125', '<key>')`) in a text that passes a variable as a credential header or field.
 *
 * - session 19: a call named for the password it sets (`client.username_pw_set("bblp", "<code>")`, `setCredentials(`,
 *   `basicAuth(`, `new UsernamePasswordCredentials(`) given a user-like literal then the password: the name says
 *   what the second is, so a device's numeric access code counts too (6–12 digits), as a PIN-like password does.
 *
 * - session 21: the same applied by juxtaposition (Haskell's `BasicAuthData "user" "<pw>"`), and Julia's `;` before
 *   keyword arguments ends an argument as `,` does.
 *
 * The arguments are read up to the closing parenthesis of the call (nested calls skipped over), at most
 * 300 characters and 8 arguments.
 */
export interface SessionCallSpan {
  start: number;
  end: number;
}

// The act in the callee's name, wherever it is in the identifier (`connectAndBind(`, `new BindParameter(`,
// `ldap.simple_bind_s(`); matched from the word itself, not from every identifier's start (cheaper).
const LOGIN_CALL = /(?:[Bb]ind|[Ll]og[io]n|[Ss]ign_?[Ii]n|[Aa]uthenticate|[Cc]onnect)[\w$]{0,40}\s*\(/g;
// Callees named for the credential they take (`username_pw_set(`, `setCredentials(`, `basicAuth(`).
const PASSWORD_CALL = /(?:_pw_|[Pp]w_?[Ss]et|[Ss]et_?(?:[Pp]w|[Pp]ass(?:word)?)\b|[Cc]redentials?|[Bb]asic_?[Aa]uth|[Pp]assword)[\w$]{0,24}\s*\(/g;
const SETUP_CALL = /(?:Api|API|Sdk|SDK)[\w$]{0,40}(?:(?:\.|::)(?:create|init|initialize|configure|setup|new|builder|client))?\s*\(/g;
// Session 21: `;` too, where Julia's keyword arguments begin (`connect(MySQL.Connection, host, user, pw; db = …)`).
const ARGUMENT = /\s*(?:(["'])([^"'\n\\]{0,256})\1|[^,;()"'\n]{1,120}(?:\([^()\n]{0,120}\))?[^,;()"'\n]{0,60})\s*(,|;|\))/y;
// Session 21: a constructor or function applied by juxtaposition (Haskell, Elm, OCaml: `BasicAuthData "user" "<pw>"`).
const JUXTAPOSED_CALL = /(?:[Cc]redentials?|[Bb]asic_?[Aa]uth|[Ll]ogin|[Aa]uth)[\w']{0,24}[ \t]+"([^"\n]{1,128})"[ \t]+"([^"\n]{1,256})"/g;
const USER_LIKE = /^[\w.@+=,\\-]{1,128}$/;
// A callee (`new AS400(`, `Client.connect(`, `Session(`) whose first argument is a string literal.
const CALL_WITH_LITERAL = /[A-Za-z_$][\w$.]{0,60}\s*\(\s*(?=["'])/g;
const HOST_LITERAL = /^(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,}(?::\d{1,5})?$|^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/;

// Python's `import rollbar` / `from rollbar import …`, not JavaScript's `import mixpanel from 'mixpanel-browser'`
// (session 19): a browser SDK's init token is public by design, shipped in every page.
const PY_IMPORT = /^[ \t]*(?:import[ \t]+([A-Za-z_]\w{1,30})(?![\w$])(?![ \t]+from\b)(?![ \t]*[,{*])|from[ \t]+([A-Za-z_]\w{1,30})[ \t]+import\b)/gm;
const URL_TOKEN_PAIR = /\(\s*(["'])(?:https?|wss?):\/\/[^"'\s]{1,200}\1\s*,\s*(["'])([A-Za-z0-9_.~+/=-]{20,128})\2\s*\)/g;
// A credential header or field filled from a variable (`{'X-Api-Key': key}`, `token=tok`, `Authorization: f'Bearer {t}'`).
const CREDENTIAL_FROM_VARIABLE = /(?:api[_-]?key|token|authorization|password|secret)["']?\s*[:=]\s*(?:f["'][^"'\n]{0,20}\{)?[A-Za-z_]\w{0,30}\b(?![\w"'(.])/i;

interface Argument {
  literal?: string;
  start: number;
}

/** Spans of credentials passed to session-opening calls in `text`. */
export function sessionCalls(text: string): SessionCallSpan[] {
  const out: SessionCallSpan[] = [];
  for (const m of text.matchAll(LOGIN_CALL)) {
    const args = argumentsAt(text, m.index + m[0].length);
    for (let i = 1; i < args.length; i++) {
      const user = args[i - 1].literal;
      const pw = args[i].literal;
      if (user === undefined || pw === undefined || !USER_LIKE.test(user) || !tokenShaped(pw, 'strong')) continue;
      // Two identifiers side by side (`bind("click", "onClickHandler")`) are names, not a login.
      if (isWordMade(pw)) continue;
      out.push({ start: args[i].start, end: args[i].start + pw.length });
    }
  }
  for (const m of /_pw_|pw_?set|set_?p|credential|basic_?auth|password/i.test(text) ? text.matchAll(PASSWORD_CALL) : []) {
    const [user, pw] = argumentsAt(text, m.index + m[0].length);
    if (user?.literal === undefined || pw?.literal === undefined || !USER_LIKE.test(user.literal) || !calledPassword(pw.literal)) continue;
    out.push({ start: pw.start, end: pw.start + pw.literal.length });
  }
  for (const m of text.matchAll(JUXTAPOSED_CALL)) {
    if (!USER_LIKE.test(m[1]) || !calledPassword(m[2])) continue;
    const start = m.index + m[0].length - m[2].length - 1;
    out.push({ start, end: start + m[2].length });
  }
  for (const m of /["'][\w-]+\.[\w.-]+["']\s*,/.test(text) ? text.matchAll(CALL_WITH_LITERAL) : []) {
    const [host, user, pw] = argumentsAt(text, m.index + m[0].length);
    if (host?.literal === undefined || user?.literal === undefined || pw?.literal === undefined) continue;
    if (!HOST_LITERAL.test(host.literal) || !USER_LIKE.test(user.literal) || !connectionPassword(pw.literal)) continue;
    out.push({ start: pw.start, end: pw.start + pw.literal.length });
  }
  for (const m of text.matchAll(SETUP_CALL)) {
    for (const a of argumentsAt(text, m.index + m[0].length)) {
      if (a.literal !== undefined && a.literal.length >= 32 && tokenShaped(a.literal, 'weak')) out.push({ start: a.start, end: a.start + a.literal.length });
    }
  }
  for (const m of /^[ \t]*(?:import|from)[ \t]/m.test(text) ? text.matchAll(PY_IMPORT) : []) {
    const init = new RegExp(`\\b${m[1] ?? m[2]}\\.(?:init|initialize|configure|setup)\\s*\\(`, 'g');
    for (const c of text.matchAll(init)) {
      const [a] = argumentsAt(text, c.index + c[0].length);
      if (a?.literal !== undefined && a.literal.length >= 32 && tokenShaped(a.literal, 'weak')) out.push({ start: a.start, end: a.start + a.literal.length });
    }
  }
  if (text.includes('://') && CREDENTIAL_FROM_VARIABLE.test(text)) {
    for (const m of text.matchAll(URL_TOKEN_PAIR)) {
      if (!tokenShaped(m[3], 'weak')) continue;
      const start = m.index + m[0].lastIndexOf(m[3]);
      out.push({ start, end: start + m[3].length });
    }
  }
  return out;
}

function argumentsAt(text: string, at: number): Argument[] {
  const out: Argument[] = [];
  let p = at;
  while (out.length < 8 && p - at < 300) {
    ARGUMENT.lastIndex = p;
    const m = ARGUMENT.exec(text);
    if (!m) break;
    out.push(m[1] === undefined ? { start: p } : { literal: m[2], start: m.index + m[0].indexOf(m[1]) + 1 });
    if (m[3] === ')') break;
    p = ARGUMENT.lastIndex;
  }
  return out;
}

/** A password after a host and a user: token-shaped, or 6+ letters and digits mixed (what IBM i or z/OS allow), not a word. */
function connectionPassword(v: string): boolean {
  if (isWordMade(v) || /^[\d.,:-]+$/.test(v)) return false;
  return tokenShaped(v, 'strong') || (/^[A-Za-z0-9#@$_]{6,10}$/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v) && new Set(v).size >= 5);
}

/** The password a credential-named call is given: a connection password, or a device's numeric code of 6–12 digits. */
function calledPassword(v: string): boolean {
  return connectionPassword(v) || (/^\d{6,12}$/.test(v) && new Set(v).size >= 4);
}
