import type { HashingFeaturizerOptions } from '../../ml/HashingFeaturizer';
import { railSignals, type StakesMatch } from './complexityRails';
import { countLines, hasStackTrace, splitPrompt } from './splitPrompt';

/** What the classifier reads about a request (the prose is hashed, the rest are numeric features). */
export interface ComplexitySignals {
  prose: string;
  codeLines: number;
  fileCount: number;
  stackTrace: boolean;
  plainFact: boolean;
  /** A greeting or a thanks, nothing asked. */
  smallTalk: boolean;
  stakes: StakesMatch[];
  analysis: boolean;
}

export const NUMERIC_FEATURES = ['logCodeLines', 'logFileCount', 'logProseChars', 'stackTrace', 'questionMarks', 'plainFact', 'stakes', 'bigAnalysis'] as const;

export const FEATURIZER: HashingFeaturizerOptions = {
  buckets: 1 << 15,
  wordNgramMax: 2,
  charNgramMin: 3,
  charNgramMax: 5,
  // The first 768 and last 256 characters of prose: where the ask is, and what keeps an 8 KB prompt within
  // the decision budget (hashing is most of the cost; prompts longer than this are a small share of traffic).
  maxChars: 1024,
  numeric: [...NUMERIC_FEATURES],
};

// Rails read at most this much prose (head and tail): the ask is at the start or the end, and the
// alternations of the stakes patterns cost ~25 ns per character.
const RAIL_CHARS = 1024;

export function complexitySignals(prompt: string, attachedCode: string | undefined, fileCount: number | undefined, codeLinesHint?: number): ComplexitySignals {
  const { prose, fencedLines } = splitPrompt(prompt);
  const read = prose.length > RAIL_CHARS ? `${prose.slice(0, RAIL_CHARS - 512)}\n${prose.slice(-512)}` : prose;
  return {
    prose,
    codeLines: (codeLinesHint ?? countLines(attachedCode)) + fencedLines,
    fileCount: fileCount ?? 0,
    stackTrace: hasStackTrace(prompt.length > 4096 ? prompt.slice(0, 4096) : prompt),
    ...railSignals(read),
  };
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
  ];
}
