import { isAbortError } from '../../../common/abort';
import { JarvisError, errorMessage } from '../../../common/errors';
import type { LlmProvider } from '../../llm/types';
import type { QualityScore } from './QualityScore';
import { validateQuality, type QualityExpectations } from './validateQuality';

export interface JudgeOptions extends QualityExpectations {
  /** The model that grades; usually a cheap one. */
  provider: LlmProvider;
  model: string;
  /** The question the answer replies to; grading without it is guesswork. */
  question: string;
  signal?: AbortSignal;
}

export interface JudgedQuality extends QualityScore {
  /** False when the judge failed and the heuristic score was used instead. */
  judged: boolean;
}

const INSTRUCTIONS =
  'You grade answers from a coding assistant. Rate how correct, complete and useful the answer is for the question, from 0 (useless) to 10 (excellent). Reply with the number only.';

/**
 * Asks a model to grade an answer 0–10. Any failure (error, no number, out of range) falls back to
 * the heuristic score with the reason, so grading never breaks an answer. Cancellation propagates.
 */
export async function judgeQuality(answer: string, options: JudgeOptions): Promise<JudgedQuality> {
  if (!options || typeof options.model !== 'string' || options.model.trim() === '' || !options.provider) {
    throw new JarvisError('invalid-input', 'judgeQuality needs { provider, model, question }.');
  }
  const heuristic = validateQuality(answer, options);
  // Nothing to grade: the heuristic is certain about empty answers.
  if (answer.trim() === '') return { ...heuristic, judged: false };
  let reply = '';
  try {
    for await (const chunk of options.provider.chat({
      model: options.model,
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: `Question:\n${options.question}\n\nAnswer:\n${answer}\n\nScore (0-10):` },
      ],
      temperature: 0,
      maxTokens: 16,
      signal: options.signal,
    })) {
      if (chunk.type === 'text') reply += chunk.text;
    }
  } catch (e) {
    if (isAbortError(e)) throw e;
    return fallback(heuristic, `judge ${options.model} failed: ${errorMessage(e)}`);
  }
  const grade = parseGrade(reply);
  if (grade === undefined) return fallback(heuristic, `judge ${options.model} gave no 0–10 score (${JSON.stringify(reply.slice(0, 40))})`);
  return { score: Math.round(grade * 10) / 100, reasons: [`judge ${options.model} scored ${grade}/10`], judged: true };
}

/** Reads "7", "7/10", "Score: 7.5", "**8** out of 10"; refuses anything outside 0–10. */
export function parseGrade(reply: string): number | undefined {
  const text = reply.replace(/[*_`]/g, '');
  const patterns = [/(\d+(?:\.\d+)?)\s*(?:\/|out of)\s*10\b/i, /score\s*[:=]?\s*(\d+(?:\.\d+)?)/i, /(?:^|[^\d.])(\d+(?:\.\d+)?)/];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const n = Number(m[1]);
    return Number.isFinite(n) && n >= 0 && n <= 10 ? n : undefined;
  }
  return undefined;
}

function fallback(heuristic: QualityScore, why: string): JudgedQuality {
  return { score: heuristic.score, reasons: [...heuristic.reasons, `${why}; heuristic score used`], judged: false };
}
