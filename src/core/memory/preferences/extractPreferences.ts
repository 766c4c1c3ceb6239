import { JarvisError } from '../../../common/errors';
import { fnv1a, foldText } from '../../ml/hashText';
import type { PreferenceEvidence } from './Preference';
import type { TextClassifier } from '../../ml/TextClassifier';
import { preferenceModel, readSentence, type PreferenceModelMeta, type SentenceReading } from './PreferenceClassifier';
import { messageSentences } from './messageSentences';
import { touchesRoutingOrPrivacy } from './routingInjection';
import { CORRECTION, clearlyNotAPreference, isQuestion, STANDING_MARKER } from './sentenceCues';
import { preferencesConflict } from './preferencesConflict';
import { hasStandingCue, hasStrongCue } from './standingCues';
import { structuredPreference } from './structuredPreference';
import { PREFERENCE_CATEGORIES, type PreferenceCategory } from './PreferenceCategory';
import { topicVector } from './topicCues';

/** A preference read from a message, with how sure the extractor is. */
export interface ExtractedPreference extends PreferenceEvidence {
  /** 0–1. Below the learner's threshold it goes to the review queue, never straight into prompts. */
  confidence: number;
  /** The user's sentence it was read from. */
  sentence: string;
  /** `rules`: a structured rule gave key and value; `classifier`: the statement is the user's sentence. */
  via: 'rules' | 'classifier';
  /** Why it was held below the threshold for review: the same message also says the opposite. */
  conflict?: string;
}

export interface PreferenceReading {
  preferences: ExtractedPreference[];
  /** Sentences phrased like preferences that try to change routing, privacy or instructions: not learned. */
  refused: string[];
}

/** Confidence of a statement that contradicts another in the same message without a correction cue. */
const CONFLICT_CONFIDENCE = 0.4;

/**
 * Reads the standing preferences a message states, offline and deterministically: structured rules give
 * key and value for indentation, quotes, semicolons, naming, language, line length, test framework and
 * package manager; a small learned classifier (data/preferences, `npm run train:prefs`) decides whether a
 * sentence states a preference at all and, for the rest, its category, with the user's own sentence as
 * the statement. Questions, thanks, one-off requests, other people's opinions, pasted code and logs, and
 * sentences about routing or privacy yield nothing.
 */
export function readPreferences(text: string, model: TextClassifier<PreferenceModelMeta> = preferenceModel()): PreferenceReading {
  if (typeof text !== 'string') throw new JarvisError('invalid-input', 'extractPreferences needs the message as a string.');
  const out: PreferenceReading = { preferences: [], refused: [] };
  if (text.trim() === '') return out;
  const meta = model.meta!;
  for (const sentence of messageSentences(text)) {
    if (isQuestion(sentence) || clearlyNotAPreference(sentence)) continue;
    if (touchesRoutingOrPrivacy(sentence)) {
      out.refused.push(sentence);
      continue;
    }
    const reading = readSentence(sentence, model);
    const found = fromSentence(sentence, reading, meta);
    if (found) out.preferences.push(found);
  }
  out.preferences = resolveConflicts(out.preferences);
  return out;
}

/** Convenience: just the preferences (the seed's `extract_preferences`). */
export function extractPreferences(text: string): ExtractedPreference[] {
  return readPreferences(text).preferences;
}

/**
 * A sentence with no mark of a standing rule at all (no "always", "we", "I prefer", "must", "no…",
 * imperative, "please", "when you…": see standingCues) is a remark or news far more often than a rule:
 * the classifier must be this sure before anything is read from it.
 */
export const NO_CUE_THRESHOLD = 0.85;

function fromSentence(sentence: string, r: SentenceReading, meta: { threshold: number; structuredThreshold: number }): ExtractedPreference | undefined {
  const structured = structuredPreference(sentence);
  if (!hasStandingCue(sentence) && r.preference < NO_CUE_THRESHOLD) return undefined;
  if (structured && (r.preference >= meta.structuredThreshold || STANDING_MARKER.test(sentence) || hasStrongCue(sentence))) {
    // A rule that matched and a classifier that agrees (or "always"/"never"/"from now on"): more certain
    // than either alone.
    const confidence = 0.5 + r.preference / 2;
    return { ...structured, confidence: round(STANDING_MARKER.test(sentence) ? Math.max(0.75, confidence) : confidence), sentence, via: 'rules' };
  }
  if (r.preference < meta.threshold) return undefined;
  const statement = sentence.trim();
  return {
    category: topicalCategory(sentence, r.category),
    key: statementKey(statement),
    value: statement,
    statement,
    confidence: round(r.preference * r.categoryConfidence ** 0.25),
    sentence,
    via: 'classifier',
  };
}

/**
 * "Coding style" is the classifier's catch-all (the biggest class): when the sentence names nothing of
 * code style and the words of exactly one other category, that category is the better reading
 * ("every external API call goes through the client…" is architecture, "TSDoc block…" documentation).
 */
export function topicalCategory(sentence: string, predicted: PreferenceCategory): PreferenceCategory {
  if (predicted !== 'coding_style') return predicted;
  const topics = topicVector(sentence);
  if (topics[PREFERENCE_CATEGORIES.indexOf('coding_style')] === 1) return predicted;
  const others = PREFERENCE_CATEGORIES.filter((_c, i) => topics[i] === 1);
  return others.length === 1 ? others[0] : predicted;
}

/** A stable key for a free-form statement: same words (any case, accents, punctuation) → same key. */
export function statementKey(statement: string): string {
  const words = foldText(statement).match(/[\p{L}\p{N}]+/gu) ?? [];
  return `statement:${fnv1a(words.join(' ')).toString(16).padStart(8, '0')}`;
}

/**
 * Two statements in one message that cannot both hold (same key with another value, or the same topic
 * said both ways: "keep answers short. Give me detailed explanations"): after "actually / no wait / en
 * fait…" the later one stands alone; without such a cue the message contradicts itself, so both go to
 * review, below any threshold, with the reason (for one structured key, only the later: one key, one value).
 */
function resolveConflicts(found: ExtractedPreference[]): ExtractedPreference[] {
  const dropped = new Set<number>();
  const reasons = new Map<number, string>();
  for (let j = 0; j < found.length; j++) {
    for (let i = 0; i < j; i++) {
      if (dropped.has(i) || !preferencesConflict(found[i], found[j])) continue;
      const sameKey = found[i].key === found[j].key;
      // One key has one slot in the store: of two values for it only the later is proposed.
      if (CORRECTION.test(found[j].sentence) || sameKey) dropped.add(i);
      if (CORRECTION.test(found[j].sentence)) continue;
      if (sameKey) reasons.set(j, `contradicts “${found[i].sentence}” in the same message`);
      else {
        reasons.set(i, `contradicted in the same message by “${found[j].sentence}”`);
        reasons.set(j, `contradicts “${found[i].sentence}” in the same message`);
      }
    }
  }
  return found.flatMap((p, i) => {
    if (dropped.has(i)) return [];
    const reason = reasons.get(i);
    return reason ? [{ ...p, confidence: Math.min(p.confidence, CONFLICT_CONFIDENCE), conflict: reason }] : [p];
  });
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
