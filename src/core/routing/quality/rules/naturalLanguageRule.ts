import type { QualityRule } from '../QualityRule';
import { readableText } from './readableText';
import { askedNaturalLanguages, functionWordsFavour } from './askedNaturalLanguage';

const NAMES: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
  pl: 'Polish',
  ru: 'Russian',
  ja: 'Japanese',
  zh: 'Chinese',
  ko: 'Korean',
  tr: 'Turkish',
  sv: 'Swedish',
};
const name = (code: string) => NAMES[code] ?? code;

/**
 * An answer in another natural language than the question (French for an English question). Both
 * sides must be identified reliably and be long enough; otherwise the rule says nothing. An answer in a
 * language the question asked for is not one.
 */
export const naturalLanguageRule: QualityRule = {
  name: 'naturalLanguage',
  check({ question, answer }, { naturalLanguage }) {
    if (!naturalLanguage) return undefined;
    // eld is as sure on the first kilobyte as on the whole text, and its cost grows with the length.
    const q = readableText(question.slice(0, 1000));
    if (!hasSpaces(q, 3)) return undefined; // fewer than 4 words
    // The question first (topicRule asks the same, memoised): when it is not identified, the answer
    // need not be.
    const ql = naturalLanguage.identify(q);
    if (!ql.language || !ql.reliable) return undefined;
    const a = readableText(answer.prose.slice(0, 1500));
    if (a.length < 60 || !hasSpaces(a, 9)) return undefined; // fewer than 10 words
    const al = naturalLanguage.identify(a);
    if (!al.language || !al.reliable || ql.language === al.language) return undefined;
    // The question asked for this language ("explain it in French"), or its own function words say the
    // answer's language (eld misread a short question full of code).
    if (askedNaturalLanguages(question).has(al.language) || functionWordsFavour(q, al.language, ql.language)) return undefined;
    const note = `answers in ${name(al.language)} to a question in ${name(ql.language)}`;
    return { rule: 'naturalLanguage', severity: 1, reason: note, note };
  },
};

/**
 * Whether `text` holds at least `n` spaces: what `text.split(' ').length > n` says (readableText leaves
 * single spaces between words), without building an array of 1,500 characters' words to count them.
 */
export function hasSpaces(text: string, n: number): boolean {
  for (let i = text.indexOf(' '), seen = 0; i >= 0; i = text.indexOf(' ', i + 1)) if (++seen >= n) return true;
  return n <= 0;
}
