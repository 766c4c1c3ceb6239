// "`npm upgrade-all` does not exist", "gibt es nicht", "no existe", "n'existe pas", "is not a function".
const DENIAL =
  /\b(?:does(?: not|n['’]t) exist|doesn['’]t have|does not have|has no|there is no|there['’]s no|isn['’]t (?:a|an|real|valid)|is not (?:a|an|real|valid)|not a function|no such|was never)\b|\b(?:gibt es nicht|existiert nicht|gibt es kein|hat kein)|\b(?:no existe|no hay|no tiene)\b|\b(?:n['’]existe pas|il n['’]y a pas|n['’]a pas de)\b/i;

/**
 * Whether the prose says the name does not exist, in a sentence that names it: an answer correcting
 * the user ("`arr.last()` does not exist in JavaScript; use `arr.at(-1)`") mentions the invented name
 * on purpose.
 */
export function deniesName(prose: string, name: string): boolean {
  const needle = name.toLowerCase();
  for (const sentence of prose.slice(0, 20000).split(/(?<=[.!?;])\s+|\n+/)) {
    if (sentence.toLowerCase().includes(needle) && DENIAL.test(sentence)) return true;
  }
  return false;
}
