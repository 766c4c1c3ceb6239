import { JarvisError, errorMessage } from '../../../common/errors';
import { compileJsonSchema, type JsonSchemaCheck } from '../../llm/compileJsonSchema';
import type { LlmProvider } from '../../llm/types';
import { statementKey, type ExtractedPreference } from './extractPreferences';
import type { PreferenceEvidence } from './Preference';
import { PREFERENCE_CATEGORIES, type PreferenceCategory } from './PreferenceCategory';
import { messageSentences } from './messageSentences';
import { touchesRoutingOrPrivacy } from './routingInjection';
import { isQuestion } from './sentenceCues';
import { structuredPreference } from './structuredPreference';

/**
 * What the local model must answer. Ollama is given it as `format`, so its output is constrained to
 * it; the answer is still validated against it (ajv), since a model or server may not honour it.
 */
export const LLM_PROPOSAL_SCHEMA = {
  type: 'object',
  required: ['preferences'],
  additionalProperties: false,
  properties: {
    preferences: {
      type: 'array',
      maxItems: 5,
      items: {
        type: 'object',
        required: ['quote', 'category'],
        additionalProperties: false,
        properties: {
          quote: { type: 'string', description: "the user's sentence, copied exactly", minLength: 1, maxLength: 300 },
          category: { type: 'string', enum: [...PREFERENCE_CATEGORIES] },
        },
      },
    },
  },
} as const;

/**
 * Longest answer read: five quotes of at most 300 characters and their fields fit in far less, so
 * anything longer is not the answer asked for, and reading on would only hold a runaway stream in memory.
 */
export const MAX_LLM_ANSWER_CHARS = 8_000;

let checkProposals: JsonSchemaCheck | undefined;

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
      jsonSchema: LLM_PROPOSAL_SCHEMA,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    let text = '';
    for await (const chunk of stream) {
      if (chunk.type !== 'text') continue;
      text += chunk.text;
      // Leaving the loop closes the stream (the provider aborts the request).
      if (text.length > MAX_LLM_ANSWER_CHARS) {
        throw new JarvisError('invalid-response', `The local model's answer is longer than ${MAX_LLM_ANSWER_CHARS} characters; it was not read on.`);
      }
    }
    const known = new Set(alreadyFound.map((p) => normalize(p.sentence)));
    return validateLlmProposals(text, sentences).filter((p) => !known.has(normalize(p.statement)));
  }
}

const normalize = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Parses the model's answer and validates it against LLM_PROPOSAL_SCHEMA (all or nothing: an answer
 * that breaks the schema anywhere is not trusted in part), then checks each quote against the message.
 * @throws `invalid-response` when the answer is not JSON or does not match the schema (the caller logs it).
 */
export function validateLlmProposals(answer: string, sentences: readonly string[]): PreferenceEvidence[] {
  // Tolerates prose or a code fence around the object, from a server that ignored `format`.
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(start, end + 1));
  } catch (e) {
    throw new JarvisError('invalid-response', `The local model did not answer with JSON (${errorMessage(e)}).`);
  }
  const problems = (checkProposals ??= compileJsonSchema(LLM_PROPOSAL_SCHEMA))(json);
  if (problems.length > 0) throw new JarvisError('invalid-response', `The local model's answer does not match the schema: ${problems.join('; ')}.`);
  const list = (json as { preferences: { quote: string; category: PreferenceCategory }[] }).preferences;
  const bySentence = new Map(sentences.map((s) => [normalize(s), s]));
  const out: PreferenceEvidence[] = [];
  for (const { quote, category } of list) {
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
