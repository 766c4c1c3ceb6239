import { clipText, type HashingFeaturizerOptions } from '../../ml/HashingFeaturizer';
import { foldText } from '../../ml/hashText';
import { railSignalsFolded, type StakesMatch } from './complexityRails';
import { countLines, hasStackTrace, splitPrompt } from './splitPrompt';

/** What the classifier reads about a request (the prose is hashed, the rest are numeric features). */
export interface ComplexitySignals {
  prose: string;
  /**
   * The part of the prose the rails read, clipped to ASK_WINDOW and accent-folded once:
   * `foldText(clipText(prose, ASK_WINDOW))`. The model reads `clipText(window, MODEL_WINDOW)` of it.
   */
  window: string;
  /**
   * What the model reads (clipped to MODEL_WINDOW): the window, or only the scoped ask when a story of
   * STORY_CHARS or more comes before it (see modelTextOf).
   */
  modelText: string;
  codeLines: number;
  fileCount: number;
  stackTrace: boolean;
  plainFact: boolean;
  /** plainFact, or a lookup after one sentence of context (see complexityRails). */
  lookup: boolean;
  /** A greeting or a thanks, nothing asked. */
  smallTalk: boolean;
  /** A mechanical edit and nothing more: capped at medium when no stakes floor holds. */
  chore: boolean;
  /** A textbook exercise for a class: capped at medium when no stakes floor holds. */
  coursework: boolean;
  /** A lesson or a concept asked for: capped at medium when no stakes floor holds. */
  lesson: boolean;
  stakes: StakesMatch[];
  /** The ask scoped after a story, folded (see complexityRails). */
  scopedAsk: string | undefined;
  analysis: boolean;
}

export const NUMERIC_FEATURES = [
  'logCodeLines',
  'logFileCount',
  'logProseChars',
  'stackTrace',
  'questionMarks',
  'plainFact',
  'stakes',
  'bigAnalysis',
  'lookup',
] as const;

/**
 * How much prose the rails read: the first 384 and the last 128 characters. The ask sits at the start or
 * the end of a prompt; the regexes cost per character read, so this bounds the decision time of an 8 KB
 * or 1 MB prompt.
 */
export const ASK_WINDOW = 512;

/**
 * How much of the rails' folded window the model reads: its first 192 and last 64 characters
 * (`clipText(window, MODEL_WINDOW)`). Every training prompt is shorter (the longest has 148 characters of
 * prose), so the weights are the ones a 512 window gave, and past this the model would be reading text
 * unlike anything it learned from; the rails still read 512, and the length features say how long the
 * prompt is. Hashing costs per character read: this halves the model step of a long prompt.
 */
export const MODEL_WINDOW = 256;

export const FEATURIZER: HashingFeaturizerOptions = {
  buckets: 1 << 15,
  wordNgramMax: 2,
  charNgramMin: 3,
  charNgramMax: 5,
  maxChars: MODEL_WINDOW,
  numeric: [...NUMERIC_FEATURES],
};

export function complexitySignals(prompt: string, attachedCode: string | undefined, fileCount: number | undefined, codeLinesHint?: number): ComplexitySignals {
  const { prose, fencedLines } = splitPrompt(prompt);
  const window = foldText(clipText(prose, ASK_WINDOW));
  const rails = railSignalsFolded(window);
  return {
    prose,
    window,
    modelText: modelTextOf(window, rails.scopedAsk),
    codeLines: (codeLinesHint ?? countLines(attachedCode)) + fencedLines,
    fileCount: fileCount ?? 0,
    stackTrace: hasStackTrace(prompt.length > 4096 ? prompt.slice(0, 4096) : prompt),
    ...rails,
  };
}

/**
 * A story this long before a scoped ask is its setting. Why the model reads only the ask then: every
 * training prompt is shorter (see MODEL_WINDOW), so a clinic's or a payments team's story around "what's
 * the long form of this flag?" is text unlike anything it learned from, and its words (HIPAA, outage) made
 * it guess critical for a one-fact question (heldout-8). Below this the whole window is what it was trained on.
 */
export const STORY_CHARS = 160;

function modelTextOf(window: string, scopedAsk: string | undefined): string {
  return scopedAsk !== undefined && window.length - scopedAsk.length >= STORY_CHARS ? scopedAsk : window;
}

const log01 = (n: number, full: number): number => Math.min(1.5, Math.log1p(Math.max(0, n)) / Math.log1p(full));

/** Numeric features, scaled to about 0–1, in NUMERIC_FEATURES order. */
export function numericFeatures(s: ComplexitySignals, analysisLines: number, analysisFiles: number): number[] {
  let questions = 0;
  for (let i = s.prose.indexOf('?'); i !== -1 && questions < 3; i = s.prose.indexOf('?', i + 1)) questions++;
  const big = s.analysis && (s.codeLines >= analysisLines || s.fileCount >= analysisFiles);
  return [
    log01(s.codeLines, 2000),
    log01(s.fileCount, 20),
    log01(s.prose.length, 2000),
    s.stackTrace ? 1 : 0,
    questions / 3,
    s.plainFact ? 1 : 0,
    Math.min(2, s.stakes.length) / 2,
    big ? 1 : 0,
    s.lookup ? 1 : 0,
  ];
}
