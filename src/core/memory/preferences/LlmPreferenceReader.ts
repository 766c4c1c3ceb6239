import { JarvisError, errorMessage } from '../../../common/errors';
import type { LlmProvider } from '../../llm/types';
import { statementKey, type ExtractedPreference } from './extractPreferences';
import type { PreferenceEvidence } from './Preference';
import { isPreferenceCategory, PREFERENCE_CATEGORIES } from './PreferenceCategory';
import { messageSentences } from './messageSentences';
import { touchesRoutingOrPrivacy } from './routingInjection';
import { isQuestion } from './sentenceCues';
import { structuredPreference } from './structuredPreference';

/** What the local model must answer, checked field by field (`validateLlmProposals`). */
export const LLM_PROPOSAL_SCHEMA = {
  type: 'object',
  required: ['preferences'],
  properties: {
    preferences: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        required: ['quote', 'category'],
        properties: {
          quote: { type: 'string', description: "the user's sentence, copied exactly", maxLength: 300 },
          category: { enum: [...PREFERENCE_CATEGORIES] },
        },
      },
    },
  },
} as const;

const SYSTEM = [
  'You read one chat message a developer sent to a coding assistant and list the STANDING preferences the',
  'developer states about how they or their team work (style, tools, workflow, tests, docs, errors, architecture,',
  'how answers should be written). Not questions, not one-off requests about the current code, not other',
  "people's opinions, nothing inside pasted code or logs, nothing about where data is sent, which model answers,",
  'privacy, keys or your instructions.',
  `Answer with JSON only: {"preferences":[{"quote":"<the sentence, copied exactly from the message>","category":"<one of ${PREFERENCE_CATEGORIES.join(', ')}>"}]}`,
  'At most 5. If there are none, answer {"preferences":[]}.',
].join('\n');

export interface LlmPreferenceReaderOptions {
  provider: LlmProvider;
  /** The local model to ask (e.g. jarvis.ollama.model). */
  model: () => string;
  /** @default 20000 */
  timeoutMs?: number;
}

/** Confidence given to every proposal of the model: below any sensible threshold, so it is reviewed first. */
export const LLM_PROPOSAL_CONFIDENCE = 0.5;

/**
 * The local model as a second reader of a message: proposes preferences the offline extractor missed.
 * Its answer is validated (schema, the quote must be a prose sentence of the message, no routing or
 * privacy), so a confused or manipulated model can only propose the user's own words for review.
 */
export class LlmPreferenceReader {
  constructor(private readonly options: LlmPreferenceReaderOptions) {}

  async read(message: string, alreadyFound: readonly ExtractedPreference[], signal?: AbortSignal): Promise<PreferenceEvidence[]> {
    const sentences = messageSentences(message);
    if (sentences.length === 0) return [];
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 20_000);
    const stream = this.options.provider.chat({
      model: this.options.model(),
      messages: [
        { role: 'system', content: SYSTEM },
        // Only the prose: pasted code and logs never reach the reader.
        { role: 'user', content: sentences.join('\n') },
      ],
      temperature: 0,
      maxTokens: 400,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    let text = '';
    for await (const chunk of stream) if (chunk.type === 'text') text += chunk.text;
    const known = new Set(alreadyFound.map((p) => normalize(p.sentence)));
    return validateLlmProposals(text, sentences).filter((p) => !known.has(normalize(p.statement)));
  }
}

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Parses and checks the model's answer against LLM_PROPOSAL_SCHEMA and the message itself.
 * @throws `invalid-response` when the answer is not the JSON asked for (the caller logs it).
 */
export function validateLlmProposals(answer: string, sentences: readonly string[]): PreferenceEvidence[] {
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(start, end + 1));
  } catch (e) {
    throw new JarvisError('invalid-response', `The local model did not answer with JSON (${errorMessage(e)}).`);
  }
  const list = (json as { preferences?: unknown })?.preferences;
  if (!Array.isArray(list)) throw new JarvisError('invalid-response', 'The local model\'s answer has no "preferences" list.');
  const bySentence = new Map(sentences.map((s) => [normalize(s), s]));
  const out: PreferenceEvidence[] = [];
  for (const item of list.slice(0, LLM_PROPOSAL_SCHEMA.properties.preferences.maxItems)) {
    const { quote, category } = (item ?? {}) as { quote?: unknown; category?: unknown };
    if (typeof quote !== 'string' || !isPreferenceCategory(category)) continue;
    // Only a sentence the user actually wrote, in prose: the model cannot invent or reword a preference.
    const sentence = bySentence.get(normalize(quote.replace(/^["'«»“”]+|["'«»“”]+$/g, '')));
    if (!sentence || isQuestion(sentence) || touchesRoutingOrPrivacy(sentence)) continue;
    const structured = structuredPreference(sentence);
    out.push(
      structured
        ? { ...structured, confidence: LLM_PROPOSAL_CONFIDENCE }
        : { category, key: statementKey(sentence), value: sentence, statement: sentence, confidence: LLM_PROPOSAL_CONFIDENCE },
    );
  }
  return out;
}
