import type { QualityRule } from '../QualityRule';
import { readableText } from './readableText';

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
 * sides must be identified reliably and be long enough; otherwise the rule says nothing.
 */
export const naturalLanguageRule: QualityRule = {
  name: 'naturalLanguage',
  check({ question, answer }, { naturalLanguage }) {
    if (!naturalLanguage) return undefined;
    // eld is as sure on the first kilobyte as on the whole text, and its cost grows with the length.
    const q = readableText(question.slice(0, 1000));
    if (q.split(' ').length < 4) return undefined;
    // The question first (topicRule asks the same, memoised): when it is not identified, the answer
    // need not be.
    const ql = naturalLanguage.identify(q);
    if (!ql.language || !ql.reliable) return undefined;
    const a = readableText(answer.prose.slice(0, 1500));
    if (a.length < 60 || a.split(' ').length < 10) return undefined;
    const al = naturalLanguage.identify(a);
    if (!al.language || !al.reliable || ql.language === al.language) return undefined;
    const note = `answers in ${name(al.language)} to a question in ${name(ql.language)}`;
    return { rule: 'naturalLanguage', severity: 1, reason: note, note };
  },
};
