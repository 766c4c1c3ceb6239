import { credentialName } from './credentialName';
import { lineAround } from './lineAround';
import { clearlyRandom, publicValueName } from './valueShape';

/**
 * The value-shape lever (#13, session 21): values that are credentials by their shape alone, wherever a
 * program binds them, so that formats nobody wrote a rule for are caught. The generic detector reads the
 * names it knows (`password`, `key`, …) with `tokenShaped`; this reads every other binding and asks the
 * stricter `clearlyRandom`:
 *
 * - an assignment under any name that is not public or an id (`session = "…"`, `fr24: …`, `-Dlicense=…`), but
 *   not a URL's query parameter (search engines' and trackers' parameters are random by design), nor a bare
 *   `a:b` (a `user:password` or `host:port` pair is the credential files' and URL rules' to read);
 * - a flag's value (`--license-blob …`, `-W …`), unless the flag names a public value (`--sha`, `--image-id`);
 * - a positional argument after a verb that takes a secret (`cargo login <token>`, `tool auth <token>`);
 * - a quoted literal on a line that names a credential in a syntax the generic detector does not parse (ABAP
 *   `CONSTANTS lc_api_key TYPE string VALUE '…'`, a `DEFINE` macro, a builder chain).
 *
 * Linear: each regex hit costs a bounded amount of work (a value of at most 200 characters, one line).
 */
export interface RandomValueSpan {
  start: number;
  end: number;
}

const VALUE = String.raw`(?:[A-Za-z_]\w{0,15}\()?(?:[brufBRUF]{1,2}(?=["'\x60]))?(["'\x60]?)([^\s"'\x60,;<>(){}[\]\\]{12,200})\2(?=[\s"'\x60,;<>(){}[\]\\]|$)`;
const ASSIGNMENT = new RegExp(
  String.raw`(?<![\w$.@-])["']?([A-Za-z_$@][\w$.@-]{1,48})["']?[ \t]*(?:=>|:=|<-|=(?![=~>])|:(?=[ \t]|(?<=["']:)))[ \t]*` + VALUE,
  'g',
);
const FLAG = /(?<=^|[\s"'[,])--?([A-Za-z][\w-]{0,40})(?:=|[ \t]+)(["']?)([^\s"'`<>|;&]{12,200})\2(?=[\s"'`;|&)]|$)/g;
// Verbs whose next word is the credential itself when it is there (`cargo login`, `snyk auth`, `tool token add`).
const SECRET_VERB =
  /(?<=^|[\s$>])(?:login|logon|auth|authenticate|authtoken|authorize|set-?token|add-?token|token[ \t]+add|set-?key|setkey|apikey|set-?password|setpass|passwd|unlock|activate|license|register|enroll)[ \t]+(["']?)([^\s"'`<>|;&]{12,200})\1(?=\s|$)/gm;
const VERIFYING = /verify|public|pubkey|[ \t]-V[a-z]*\b|minisign|signify/i;
const QUOTED_LITERAL = /(["'`])([^\s"'`\\,;(){}[\]<>]{12,200})\1/g;
const MAX_TEXT = 200_000;
const IDENTIFIER = /[A-Za-z_$][\w$.-]{1,63}/g;

/** Spans of values that are credentials by their shape alone, in `text`. */
export function randomAssignments(text: string): RandomValueSpan[] {
  const out: RandomValueSpan[] = [];
  // A megabyte blob (a binary dump, a bundle) is not where a hand-set credential sits; the named rules still read it.
  if (text.length > MAX_TEXT) return out;
  const add = (start: number, value: string) => out.push({ start, end: start + value.length });
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m[1];
    if (/[?&;]/.test(text[m.index - 1] ?? '') || credentialName(name) !== undefined || publicValueName(name)) continue;
    if (clearlyRandom(m[3], lineAround(text, m.index))) add(m.index + m[0].length - m[3].length - m[2].length, m[3]);
  }
  for (const m of text.matchAll(FLAG)) {
    if (credentialName(m[1]) !== undefined || publicValueName(m[1])) continue;
    // A key given to a verifying command (`minisign -V -P <public key>`, `gpg --verify`) is the public half.
    const line = lineAround(text, m.index);
    if (VERIFYING.test(line)) continue;
    if (clearlyRandom(m[3], line)) add(m.index + m[0].length - m[3].length - m[2].length, m[3]);
  }
  for (const m of text.matchAll(SECRET_VERB)) {
    if (clearlyRandom(m[2], lineAround(text, m.index))) add(m.index + m[0].length - m[2].length - m[1].length, m[2]);
  }
  for (const m of text.matchAll(QUOTED_LITERAL)) {
    const line = lineAround(text, m.index);
    if (!clearlyRandom(m[2], line)) continue;
    // The credential's name is one of the last four words before the literal, with no other literal between
    // (`CONSTANTS lc_api_key TYPE string VALUE '…'`), not any word of the line (`{"keys": [{"kid": "…", "x": "…"`).
    const before = text.slice(Math.max(text.lastIndexOf('\n', m.index) + 1, m.index - 120), m.index);
    const ids = [...before.matchAll(IDENTIFIER)].slice(-4);
    const named = ids.find((id) => credentialName(id[0]) !== undefined && !/["'`]/.test(before.slice((id.index ?? 0) + id[0].length)));
    if (named) add(m.index + 1, m[2]);
  }
  return out;
}
