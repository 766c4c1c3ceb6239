/**
 * Word tokens for both the offline embedder and the keyword index. Identifiers are split at
 * camelCase, snake_case and digit boundaries AND kept whole, so `parseUserConfig` matches a query
 * for the exact identifier and also one for "parse user config".
 */
export function tokenizeText(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(/[\p{L}\p{N}_$]+/gu) ?? []) {
    const whole = raw.toLowerCase().replace(/^[_$]+|[_$]+$/g, '');
    if (whole === '') continue;
    const parts = raw
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .split(/[\s_$]+/u)
      .map((p) => p.toLowerCase())
      .filter((p) => p !== '');
    if (parts.length > 1) {
      out.push(whole, ...parts);
    } else {
      out.push(whole);
    }
  }
  return out;
}

/** Words too common to say anything about meaning. Kept short on purpose: better a few too many tokens. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from has have i in is it its of on or that the this to was were ' +
    'will with we you our your they them he she his her not no do does did so if then than there'
  ).split(' '),
);
