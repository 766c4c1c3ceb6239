// Names of languages as the four languages write them, by ISO code.
const NAMES: Record<string, string> = {
  en: 'english|englisch|inglés|ingles|anglais',
  de: 'german|deutsch|alemán|aleman|allemand',
  fr: 'french|französisch|franzosisch|francés|frances|français|francais',
  es: 'spanish|spanisch|español|espanol|espagnol|castellano',
  it: 'italian|italienisch|italiano|italien',
  pt: 'portuguese|portugiesisch|portugués|portugues|portugais',
  nl: 'dutch|niederländisch|neerlandés|néerlandais',
};
const LANGUAGE_NAMES = new RegExp(`\\b(?:in|into|to|auf|ins|en|al|a|vers)\\s+(?:the\\s+)?(${Object.values(NAMES).join('|')})(?:e|en)?\\b`, 'giu');
const CODE_OF = new Map(Object.entries(NAMES).flatMap(([code, names]) => names.split('|').map((n) => [n, code] as const)));

/**
 * The natural languages the question asks the answer (or part of it) to be in: "explain it in
 * French", "Answer in Spanish", "auf Deutsch bitte", "tradúcelo al inglés", "en français". An answer
 * in one of them is not "in the wrong language", whatever the question's own language.
 */
export function askedNaturalLanguages(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.slice(0, 2000).matchAll(LANGUAGE_NAMES)) {
    const code = CODE_OF.get(m[1].toLowerCase());
    if (code) out.add(code);
  }
  return out;
}

// Short function words that mark a sentence's language; a word of two languages counts for both.
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set('the and is are how what why with this that my to of do does can in for it you your on'.split(' ')),
  de: new Set('der die das und ist wie ich mit nicht ein eine mein meine wird warum kann bei auf für zu den dem im ob es'.split(' ')),
  es: new Set('el la los las y es cómo qué por para con mi mis una un este esta del al se no de en que'.split(' ')),
  fr: new Set('le la les et est comment pourquoi avec pour mon ma mes une un des du ce cette je de dans que en'.split(' ')),
};

/**
 * Whether the text's function words say `language` at least as much as `other`: a short question with
 * code in it ("Pásame este componente de Vue… con `<script setup>`") can be misidentified, and its
 * function words settle it. Unknown languages are never confirmed.
 */
export function functionWordsFavour(text: string, language: string, other: string): boolean {
  const a = FUNCTION_WORDS[language];
  const b = FUNCTION_WORDS[other];
  if (!a || !b) return false;
  let na = 0;
  let nb = 0;
  for (const w of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
    if (a.has(w)) na++;
    if (b.has(w)) nb++;
  }
  return na > 0 && na >= nb;
}
