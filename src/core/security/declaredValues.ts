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
 */
export interface DeclaredValueSpan {
  start: number;
  end: number;
}

const PIN =
  /\b(?:user|so|admin|hsm|token|card|sim|pkcs11|slot|keystore|smartcard|partition|crypto)[._-]?pin(?:[._-]?code)?["']?[ \t]*[:=][ \t]*["']?(\d{4,12})(?![\w.])/gi;
const COBOL_ITEM = /^[ \t]*\d{2}[ \t]+([A-Z0-9-]{1,30})[ \t]+PIC(?:TURE)?[ \t]+X\(\d{1,3}\)[ \t]+VALUE[ \t]+(['"])([^'"\n]{4,64})\2/gim;
const GS_PASSWORD = /<(P2|P34)>([^<\s]{4,128})<\/\1>/g;
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
  for (const m of text.includes('gs_provision') ? text.matchAll(GS_PASSWORD) : []) if (tokenShaped(m[2], 'strong')) push(m, m[2]);
  return out;
}
