import { JarvisError } from '../../../common/errors';
import type { FinishReason } from '../../llm/types';
import type { QualityScore } from './QualityScore';

export interface QualityExpectations {
  /** How the model said it stopped; 'length' means it hit the token limit. */
  finishReason?: FinishReason;
  /** Words or phrases a good answer must contain (case-insensitive), e.g. a function name asked for. */
  expectedCriteria?: string[];
}

// How much each problem costs. A refusal or an empty answer is useless; a missing keyword is partial.
const PENALTY = { refusal: 0.7, tokenLimit: 0.5, openFence: 0.45, midSentence: 0.35, badCode: 0.4, criteria: 0.5 };

const REFUSAL =
  /\b(?:I can(?:'|’|no)t (?:help|assist|do that|provide)|I(?:'m|’m| am) (?:not able|unable) to (?:help|assist|provide)|I(?:'m|’m| am) sorry, but I can|as an AI\b|as a(?:n AI)? language model)/i;
const JS_LANGS = new Set(['js', 'javascript', 'mjs', 'cjs', 'node']);
const JSON_LANGS = new Set(['json']);

/**
 * Heuristic answer check: cheap, deterministic, no model call. It only flags what it can show is
 * wrong, so an unusual but fine answer keeps a high score. Languages we cannot parse (TypeScript,
 * Python…) are not judged on syntax.
 */
export function validateQuality(answer: string, expect: QualityExpectations = {}): QualityScore {
  if (typeof answer !== 'string') throw new JarvisError('invalid-input', 'validateQuality needs the answer as a string.');
  const criteria = expect.expectedCriteria ?? [];
  if (!Array.isArray(criteria) || criteria.some((c) => typeof c !== 'string' || c.trim() === '')) {
    throw new JarvisError('invalid-input', 'expectedCriteria must be an array of non-empty strings.');
  }
  const text = answer.trim();
  if (text === '') return { score: 0, reasons: ['empty answer'] };

  const reasons: string[] = [];
  let score = 1;
  const penalise = (amount: number, reason: string) => {
    score -= amount;
    reasons.push(reason);
  };

  // Refusals come first in an answer; later mentions ("as an AI model would…") are content.
  if (REFUSAL.test(text.slice(0, 400))) penalise(PENALTY.refusal, 'refusal');

  const blocks = fencedBlocks(text);
  if (expect.finishReason === 'length') penalise(PENALTY.tokenLimit, 'truncated: hit the token limit');
  if (blocks.unclosed) penalise(PENALTY.openFence, 'unbalanced ``` fences: ends mid-code');
  else if (expect.finishReason !== 'length' && endsMidSentence(text)) penalise(PENALTY.midSentence, 'truncated: ends mid-sentence');

  for (const [i, block] of blocks.closed.entries()) {
    const problem = syntaxProblem(block.lang, block.code);
    if (problem) {
      penalise(PENALTY.badCode, `${block.lang} block ${i + 1} does not parse: ${problem}`);
      break;
    }
  }

  if (criteria.length > 0) {
    const lower = text.toLowerCase();
    const missing = criteria.filter((c) => !lower.includes(c.trim().toLowerCase()));
    if (missing.length > 0) penalise((PENALTY.criteria * missing.length) / criteria.length, `missing expected: ${missing.join(', ')}`);
  }
  return { score: Math.round(Math.max(0, Math.min(1, score)) * 100) / 100, reasons };
}

interface Block {
  lang: string;
  code: string;
}

function fencedBlocks(text: string): { closed: Block[]; unclosed: boolean } {
  const closed: Block[] = [];
  let open: { lang: string; lines: string[] } | undefined;
  for (const line of text.split('\n')) {
    // A fence line starts with a backtick or a space: the others skip the regex.
    const first = line.charCodeAt(0);
    const fence = first === 96 || first === 32 ? /^ {0,3}```\s*([\w+#.-]*)/.exec(line) : null;
    if (fence) {
      if (open) {
        closed.push({ lang: open.lang, code: open.lines.join('\n') });
        open = undefined;
      } else {
        open = { lang: fence[1].toLowerCase(), lines: [] };
      }
    } else if (open) {
      open.lines.push(line);
    }
  }
  return { closed, unclosed: open !== undefined };
}

/** The last line is prose that stops on a comma, colon or a word with no closing punctuation. */
function endsMidSentence(text: string): boolean {
  const last = text.slice(text.lastIndexOf('\n') + 1).trim();
  if (/^```/.test(last) || /^[-*_]{3,}$/.test(last)) return false;
  if (/[,:;(\u2014-]$/.test(last)) return true;
  // Lists, headings and tables end without a full stop; so do short sign-offs.
  if (/^(?:[-*+]\s|\d+[.)]\s|#|\|)/.test(last) || last.length < 40) return false;
  return /[A-Za-z]$/.test(last);
}

// acorn copies its options on every parse and never writes to them: two shared objects, not a spread per block.
const ACORN_BASE = { ecmaVersion: 'latest', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowHashBang: true } as const;
const AS_MODULE = { ...ACORN_BASE, sourceType: 'module' } as const;
const AS_SCRIPT = { ...ACORN_BASE, sourceType: 'script' } as const;

/** Whether code holds an elision ("..." or "…"), the one thing the elision patterns match around. */
export function hasEllipsis(code: string): boolean {
  return code.includes('...') || code.includes('…');
}

function syntaxProblem(lang: string, code: string): string | undefined {
  if (JSON_LANGS.has(lang)) {
    try {
      JSON.parse(code);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!JS_LANGS.has(lang)) return undefined;
  // Answers elide code with "..." lines or "{ ... }" bodies: that is style, not a syntax error. Both
  // patterns need "..." or "…", which most code has not: the two passes are skipped then.
  const src = hasEllipsis(code) ? code.replace(/^\s*(?:\/\/\s*)?(?:\.\.\.|…)\s*$/gm, '').replace(/\{\s*(?:\.\.\.|…)\s*\}/g, '{}') : code;
  const parseJs = loadAcorn().parse;
  try {
    parseJs(src, AS_MODULE);
    return undefined;
  } catch (moduleError) {
    try {
      // Sloppy-mode scripts (with, octal literals) are valid JavaScript too.
      parseJs(src, AS_SCRIPT);
      return undefined;
    } catch {
      return (moduleError as Error).message;
    }
  }
}

/**
 * acorn (~200 KB) is only needed when an answer has a JavaScript block, so it is required on first
 * use rather than imported: esbuild keeps a `require()` inside a function as a deferred module init,
 * while a top-level import would be evaluated at activation. Sync because validateQuality is sync;
 * the module is kept once loaded.
 */
let acorn: typeof import('acorn') | undefined;
function loadAcorn(): typeof import('acorn') {
  // Kept once loaded: a require() call resolves the module id every time (~15 µs per JavaScript block).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  return (acorn ??= require('acorn') as typeof import('acorn'));
}
