import type { QualityRule } from '../QualityRule';

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

/** Prose only: code, inline code, URLs and paths say nothing about the language the user reads. */
export function readableText(text: string): string {
  return text
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w./\\-]*[/\\][\w./\\-]*/g, ' ')
    .replace(/\b\w+\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

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
    const a = readableText(answer.prose.slice(0, 1500));
    if (q.split(' ').length < 4 || a.length < 60 || a.split(' ').length < 10) return undefined;
    const ql = naturalLanguage.identify(q);
    const al = naturalLanguage.identify(a);
    if (!ql.language || !al.language || !ql.reliable || !al.reliable || ql.language === al.language) return undefined;
    const note = `answers in ${name(al.language)} to a question in ${name(ql.language)}`;
    return { rule: 'naturalLanguage', severity: 1, reason: note, note };
  },
};
