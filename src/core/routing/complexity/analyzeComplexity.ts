import { JarvisError } from '../../../common/errors';
import { TaskComplexity, parseComplexity, tierName } from './TaskComplexity';

export interface ComplexityInput {
  prompt: string;
  /** Code sent with the prompt (selection, open file), if any. */
  attachedCode?: string;
  /** How many files the request spans. */
  fileCount?: number;
  languageIds?: string[];
}

export interface ComplexityAssessment {
  level: TaskComplexity;
  /** 0–1: how clear the signals were (1 for a user override). */
  confidence: number;
  /** Human-readable, one per signal that moved the level. */
  reasons: string[];
  /** Who decided: the user, the learned classifier (with its rails), or the rules alone. */
  source?: 'override' | 'learned' | 'rules';
  /** Learned class probabilities, trivial … critical. */
  probabilities?: number[];
  /** P(tier ≥ high), after this workspace's learned lift: what medium requests are steered by. */
  cloudScore?: number;
  /** Rough size of prompt + attached code in tokens: decides context-window needs, not difficulty. */
  contextTokens?: number;
}

// The kind of ask sets the base level. Checked on the prose only: code is data, not the ask.
const ASKS: ReadonlyArray<{ level: TaskComplexity; label: string; re: RegExp }> = [
  {
    level: TaskComplexity.HIGH,
    label: 'design/architecture ask',
    re: /\b(?:design|architect(?:ure|ing)?|optimi[sz]e (?:the |our |this |a )?(?:whole |entire )?(?:system|architecture|infrastructure|pipeline|platform)|scalab(?:le|ility)|trade-?offs?)\b/i,
  },
  {
    level: TaskComplexity.MEDIUM,
    label: 'write/fix/refactor ask',
    re: /\b(?:write|implement|fix|refactor|debug|build|create|generate|convert|port|rewrite|add (?:a |an )?(?:test|function|method|class|feature|endpoint))\b/i,
  },
  {
    level: TaskComplexity.LOW,
    label: 'explain ask',
    re: /\b(?:explain|describe|summari[sz]e|difference between|how (?:do|does|to)|why (?:do|does|is))\b/i,
  },
  {
    level: TaskComplexity.TRIVIAL,
    label: 'definition ask',
    re: /\b(?:what(?:'s| is| are| does)|define|definition of|meaning of|stands? for)\b/i,
  },
];

// Risky subjects call for a stronger model: a subtle mistake there is expensive.
const RISKS: ReadonlyArray<{ word: string; re: RegExp }> = [
  { word: 'security', re: /\b(?:secur(?:e|ity)|vulnerab\w*|exploit\w*)\b/i },
  { word: 'auth', re: /\b(?:auth|authn|authz|oauth\w*|authenticat\w*|authori[sz]\w*)\b/i },
  { word: 'crypto', re: /\b(?:crypto\w*|encrypt\w*|decrypt\w*|cipher\w*)\b/i },
  { word: 'concurrency', re: /\b(?:concurren\w*|deadlocks?|thread[- ]safe\w*|mutex\w*)\b/i },
  { word: 'race', re: /\brace conditions?\b|\bdata races?\b|\braces?\b/i },
  { word: 'distributed', re: /\bdistributed\b/i },
  { word: 'migration', re: /\bmigrat(?:e|es|ed|ing|ion|ions)\b/i },
  { word: 'production', re: /\b(?:production|prod)\b/i },
  { word: 'payment', re: /\b(?:payments?|billing|checkout)\b/i },
  { word: 'data loss', re: /\b(?:data[- ]loss|lose data|losing data|data corruption)\b/i },
];

// One pass over the prose finds every signal: fourteen separate /i scans of an 8 KB prompt took
// ~10× longer. Group i+1 of a match is signal i (ASKS first, then RISKS).
const SIGNALS = [...ASKS.map((a) => a.re), ...RISKS.map((r) => r.re)];
const ALL_SIGNALS = new RegExp(SIGNALS.map((re) => `(${re.source})`).join('|'), 'gi');

function findSignals(prose: string): Set<number> {
  const found = new Set<number>();
  for (const m of prose.matchAll(ALL_SIGNALS)) {
    for (let g = 1; g <= SIGNALS.length; g++) {
      if (m[g] !== undefined) {
        found.add(g - 1);
        break;
      }
    }
    if (found.size === SIGNALS.length) break;
  }
  return found;
}

const LONG_PROMPT_CHARS = 2000;
const BIG_CODE_LINES = 150;
const HUGE_CODE_LINES = 800;
const MANY_FILES = 3;
const VERY_MANY_FILES = 10;

/**
 * Deterministic complexity estimate from the wording and size of a request. No model is asked:
 * routing must cost microseconds, and the same prompt must always route the same way.
 * @param override a level chosen by the user for this request; it wins, with reason "override".
 */
export function analyzeComplexity(input: ComplexityInput, override?: TaskComplexity | string): ComplexityAssessment {
  checkComplexityInput(input);
  if (override !== undefined) return { level: parseComplexity(override), confidence: 1, reasons: ['override'] };

  const reasons: string[] = [];
  const { prompt } = input;
  const { prose, codeLines: fencedLines } = splitFences(prompt);
  const found = findSignals(prose);
  const matched = ASKS.filter((_, i) => found.has(i));
  let level: number;
  let confidence: number;
  if (matched.length === 0) {
    level = TaskComplexity.LOW;
    confidence = 0.5;
    reasons.push('no recognisable kind of ask → low');
  } else {
    // The most demanding ask wins ("explain, then refactor" is a refactor); mixed asks are less certain.
    const top = matched[0];
    level = top.level;
    confidence = matched.length === 1 ? 0.8 : 0.65;
    reasons.push(`${top.label} → ${tierName(top.level)}`);
  }

  const codeLines = countLines(input.attachedCode) + fencedLines;
  const fileCount = input.fileCount ?? 0;
  if (level === TaskComplexity.TRIVIAL && (codeLines > 0 || fileCount > 0)) {
    level = TaskComplexity.LOW;
    reasons.push('question is about attached code → at least low');
  }

  let size = 0;
  if (codeLines > HUGE_CODE_LINES) {
    size += 2;
    reasons.push(`${codeLines} lines of code`);
  } else if (codeLines > BIG_CODE_LINES) {
    size += 1;
    reasons.push(`${codeLines} lines of code`);
  }
  if (fileCount >= VERY_MANY_FILES) {
    size += 2;
    reasons.push(`${fileCount} files`);
  } else if (fileCount >= MANY_FILES) {
    size += 1;
    reasons.push(`${fileCount} files`);
  }
  const languages = new Set(input.languageIds ?? []);
  if (languages.size >= 3) {
    size += 1;
    reasons.push(`${languages.size} languages`);
  }
  // Pasted code is already counted in lines: only the prose decides whether the prompt is long.
  if (prose.length > LONG_PROMPT_CHARS) {
    size += 1;
    reasons.push(`long prompt (${prose.length} chars of text)`);
  }
  // Size alone never adds more than two levels: a big but simple file is not mission-critical.
  level += Math.min(size, 2);

  const risks = RISKS.filter((_, i) => found.has(ASKS.length + i)).map((r) => r.word);
  if (risks.length > 0) {
    level += risks.length >= 3 ? 2 : 1;
    reasons.push(`risk: ${risks.join(', ')}`);
  }

  if (prose.trim().length < 15 && codeLines === 0) confidence -= 0.15;
  const clamped = Math.max(TaskComplexity.TRIVIAL, Math.min(TaskComplexity.CRITICAL, level)) as TaskComplexity;
  return { level: clamped, confidence: Math.round(confidence * 100) / 100, reasons };
}

/** Throws JarvisError(invalid-input) for a malformed request; shared with the learned classifier. */
export function checkComplexityInput(input: ComplexityInput): void {
  if (input === null || typeof input !== 'object' || typeof input.prompt !== 'string') {
    throw new JarvisError('invalid-input', 'Complexity analysis needs { prompt: string }.');
  }
  if (input.attachedCode !== undefined && typeof input.attachedCode !== 'string') {
    throw new JarvisError('invalid-input', 'attachedCode must be a string when given.');
  }
  const n = input.fileCount;
  if (n !== undefined && !(typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
    throw new JarvisError('invalid-input', `fileCount must be a whole number ≥ 0 (got ${JSON.stringify(n)}).`);
  }
  if (input.languageIds !== undefined && !(Array.isArray(input.languageIds) && input.languageIds.every((l) => typeof l === 'string'))) {
    throw new JarvisError('invalid-input', 'languageIds must be an array of strings when given.');
  }
}

function countLines(text: string | undefined): number {
  if (!text || text.trim() === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

/**
 * Splits pasted ``` code from the prose around it. Code counts by its size; only the prose is read
 * for the kind of ask and risk words (an identifier named `auth` in pasted code is not a risk).
 */
function splitFences(prompt: string): { prose: string; codeLines: number } {
  if (!prompt.includes('```')) return { prose: prompt, codeLines: 0 };
  let prose = '';
  let codeLines = 0;
  let inside = false;
  for (let start = 0; start <= prompt.length;) {
    let end = prompt.indexOf('\n', start);
    if (end === -1) end = prompt.length;
    const line = prompt.slice(start, end);
    if (line.trimStart().startsWith('```')) inside = !inside;
    else if (inside) codeLines++;
    else prose += `${line}\n`;
    start = end + 1;
  }
  return { prose, codeLines };
}
