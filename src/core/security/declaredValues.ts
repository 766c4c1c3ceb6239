import { credentialName } from './credentialName';
import { isWordMade, tokenShaped } from './tokenShape';

/**
 * Credentials declared where the generic name scan does not bind them (#13, session 19):
 *
 * - a PIN setting of a token, card or HSM (`hsm.user.pin=…`, `so_pin: …`, `sim.pin = …`): a PIN is digits, which
 *   no other credential check accepts, and whoever has it may use the key it guards;
 * - a COBOL data item named for a credential with its `VALUE` clause (`01 WS-PASSWORD PIC X(12) VALUE '…'.`),
 *   judged as a mainframe password (6–10 upper-case letters and digits) or token-shaped;
 * - a Grandstream provisioning file's numbered settings that hold passwords (`<P2>` admin, `<P34>` the first SIP
 *   account's), which carry no name at all: the `gs_provision` document says which numbers they are.
 * - session 21: a list bound to a credential name (Mojolicious `secrets => ['…', '…']`, `api_keys: ["…"]`): each
 *   literal of the list is judged as the name's value; and a feeder's sharing key (`fr24key=` of Flightradar24's
 *   `fr24feed.ini`, a `sharing-key`), 16 hex digits that let anyone feed as that station: too short for any other check.
 */
export interface DeclaredValueSpan {
  start: number;
  end: number;
}

const PIN =
  /\b(?:user|so|admin|hsm|token|card|sim|pkcs11|slot|keystore|smartcard|partition|crypto)[._-]?pin(?:[._-]?code)?["']?[ \t]*[:=][ \t]*["']?(\d{4,12})(?![\w.])/gi;
const COBOL_ITEM = /^[ \t]*\d{2}[ \t]+([A-Z0-9-]{1,30})[ \t]+PIC(?:TURE)?[ \t]+X\(\d{1,3}\)[ \t]+VALUE[ \t]+(['"])([^'"\n]{4,64})\2/gim;
const GS_PASSWORD = /<(P2|P34)>([^<\s]{4,128})<\/\1>/g;
const CREDENTIAL_LIST = /(["']?)([A-Za-z_][\w.-]{1,48})\1[ \t]*(?:=>|=|:)[ \t]*\[([^\]\n]{1,600})\]/g;
const LITERALS_ONLY = /^(?:[ \t]*(["'])[^"'\n]*\1[ \t]*,?)+[ \t]*$/;
const LIST_LITERAL = /(["'])([^"'\n\\]{1,256})\1/g;
const SHARING_KEY = /\b(?:fr24key|sharing[_-]?key|feeder[_-]?key)["']?[ \t]*[:=][ \t]*["']?([0-9A-Za-z]{12,64})(?![\w.])/gi;
const CREDENTIAL_ITEM = /PASS(?:WORD|WD)?\b|PWD\b|SECRET|TOKEN|API-?KEY|PSWD/i;

/** Spans of PIN values, COBOL credential items and Grandstream password settings in `text`. */
export function declaredValues(text: string): DeclaredValueSpan[] {
  const out: DeclaredValueSpan[] = [];
  const push = (m: RegExpMatchArray, v: string) => {
    const start = (m.index ?? 0) + m[0].lastIndexOf(v);
    out.push({ start, end: start + v.length });
  };
  for (const m of /pin/i.test(text) ? text.matchAll(PIN) : []) if (new Set(m[1]).size >= 3) push(m, m[1]);
  for (const m of /\bVALUE\b/i.test(text) ? text.matchAll(COBOL_ITEM) : []) {
    if (!CREDENTIAL_ITEM.test(m[1])) continue;
    const v = m[3].trim();
    if (tokenShaped(v, 'strong') || (/^[A-Z0-9#@$]{6,10}$/.test(v) && /\d/.test(v) && /[A-Z]/.test(v) && !isWordMade(v))) push(m, v);
  }
  for (const m of /\[/.test(text) ? text.matchAll(CREDENTIAL_LIST) : []) {
    const strength = credentialName(m[2]);
    // A list of literals only: a list of objects (`"keys": [{ "kid": "…" }]`) is the objects' business. Under a weak
    // singular name (`key = ['ghp_', '…'].join('')`) the list is parts of one value, the name scan's to judge.
    if (strength === undefined || (strength === 'weak' && !/s$/i.test(m[2])) || !LITERALS_ONLY.test(m[3])) continue;
    const at = (m.index ?? 0) + m[0].length - m[3].length - 1;
    for (const l of m[3].matchAll(LIST_LITERAL)) {
      if (!tokenShaped(l[2], strength)) continue;
      const start = at + (l.index ?? 0) + 1;
      out.push({ start, end: start + l[2].length });
    }
  }
  for (const m of /sharing|feeder|fr24/i.test(text) ? text.matchAll(SHARING_KEY) : []) {
    if (/\d/.test(m[1]) && /[A-Za-z]/.test(m[1]) && new Set(m[1]).size >= 8) push(m, m[1]);
  }
  for (const m of text.includes('gs_provision') ? text.matchAll(GS_PASSWORD) : []) if (tokenShaped(m[2], 'strong')) push(m, m[2]);
  return out;
}
