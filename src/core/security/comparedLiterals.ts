import { credentialName } from './credentialName';
import { tokenShaped } from './tokenShape';

/**
 * A hard-coded credential checked by comparison (#13, session 19): `creds.password == "…"`, `token === '…'`,
 * `apiKey.equals("…")`, `"…" == secret` — a login or webhook check written with the expected value in the
 * code. Only names that say password, secret or token outright (`strong`); the literal is judged by `tokenShaped`,
 * so `password == ""`, `token === 'undefined'` and comparisons with a word stay clean.
 */
export interface ComparedLiteralSpan {
  start: number;
  end: number;
}

const NAME_THEN_LITERAL =
  /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,3})[ \t]*(?:[!=]==?|\.(?:equals|contentEquals|equalsIgnoreCase)\()[ \t]*(["'`])([^"'`\n\\]{6,128})\2/g;
const LITERAL_THEN_NAME = /(["'`])([^"'`\n\\]{6,128})\1[ \t]*(?:[!=]==?|\.(?:equals|contentEquals)\()[ \t]*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*){0,3})/g;

/** Spans of literals compared with a credential-named value in `text`. */
export function comparedLiterals(text: string): ComparedLiteralSpan[] {
  const out: ComparedLiteralSpan[] = [];
  if (!/==|\.equals|\.contentEquals/.test(text)) return out;
  const strong = (name: string) => credentialName(name.split('.').pop() ?? name) === 'strong';
  for (const m of text.matchAll(NAME_THEN_LITERAL)) {
    if (!strong(m[1]) || !tokenShaped(m[3], 'strong')) continue;
    const start = m.index + m[0].length - m[3].length - 1;
    out.push({ start, end: start + m[3].length });
  }
  for (const m of text.matchAll(LITERAL_THEN_NAME)) {
    if (!strong(m[3]) || !tokenShaped(m[2], 'strong')) continue;
    const start = m.index + 1;
    out.push({ start, end: start + m[2].length });
  }
  return out;
}
