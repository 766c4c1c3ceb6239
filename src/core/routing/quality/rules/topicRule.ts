import type { LanguageIdentifier, QualityRule } from '../QualityRule';
import { readableText } from './readableText';
import { CONTEXT_TERMS, keyTerms } from './keyTerms';
import { hasWordEqual, hasWordStarting, hasWords } from './wordRuns';

/**
 * Off-topic answers (asked about CORS in FastAPI, told the history of Python): the share of the
 * question's key terms the answer mentions at all. Only long enough answers to questions with enough
 * terms are judged: a one-word answer ("5432.") to a short question is not off-topic.
 */
export const topicRule: QualityRule = {
  name: 'topic',
  check({ question, answer }, { naturalLanguage }) {
    const terms = keyTerms(question);
    if (terms.length < 3) return undefined;
    const textLower = answer.text.slice(0, 20000).toLowerCase();
    // Code-heavy answers with little prose ("go read a file line by line" → a Go program) name the
    // question's words in code rarely; their prose is too short to judge.
    if (!hasWords(answer.prose.slice(0, 20000).toLowerCase(), 25)) return undefined;
    // A term counts when the answer has it as written ("pods" has "pod"), has a word sharing its
    // first five letters ("merging" for "merge"), or a four-letter word that starts it ("join" for
    // "joindre", "list" for "liste"). Checked per term against the words: no set of every word's
    // stems is built, nor a list of the words (wordRuns.ts finds them where the term's start occurs).
    const mentions = (t: string) =>
      textLower.includes(t) || (t.length > 5 && hasWordStarting(textLower, t.slice(0, 5))) || (t.length > 4 && hasWordEqual(textLower, t.slice(0, 4)));
    const found = terms.filter(mentions);
    const specific = terms.filter((t) => !CONTEXT_TERMS.has(t));
    const foundSpecific = found.filter((t) => !CONTEXT_TERMS.has(t));
    const overlap = found.length / terms.length;
    // Word overlap says little across languages: both sides must be English ("explain it in German" is
    // answered in German, and shares only the names with its question).
    const english = isEnglish(question, naturalLanguage) && isEnglish(answer.prose, naturalLanguage);
    // Only the language or tool is shared: the answer talks about Python, not about the question.
    // English questions only: across languages an answer paraphrases ("rendimiento" → "renders")
    // and shares little but the tool's name even when it is right.
    const onlyContext = specific.length >= 2 && foundSpecific.length === 0 && found.length > 0 && english;
    if (overlap > 0.2 && !onlyContext) return undefined;
    // An answer to a question in another language that shares no word at all with it is as often a
    // paraphrase ("consulta más rápida" → "índice", "EXPLAIN") as off-topic (the dev split has one
    // of each): too weak alone to escalate, since a wrongly escalated good answer costs more.
    const severity = !english ? (foundSpecific.length > 0 ? 0.3 : found.length === 0 ? 0.25 : 0.6) : foundSpecific.length > 0 ? 0.6 : 1;
    return {
      rule: 'topic',
      severity,
      reason: `does not address the question (mentions ${foundSpecific.length} of its ${specific.length} key terms${found.length > foundSpecific.length ? `, besides ${found.filter((t) => CONTEXT_TERMS.has(t)).join(', ')}` : ''})`,
      note: 'does not address the question',
    };
  },
};

function isEnglish(text: string, identifier: LanguageIdentifier | undefined): boolean {
  if (!identifier) return false;
  const r = identifier.identify(readableText(text.slice(0, 1000))); // as naturalLanguageRule asks it: one identification per answer

  return r.language === 'en';
}
