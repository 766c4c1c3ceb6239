/**
 * The simulated models' answers. A good answer is complete prose (with a closed, well-formed code
 * block when the request asks for code). A bad one is one of four kinds, chosen so that some are
 * visible to a heuristic quality check and some are not, as with real models:
 *   refusal      "I'm sorry, but I can't…"                       (a gate can see it)
 *   truncated    stops mid-code-block or mid-sentence             (a gate can see it)
 *   broken-code  the code block does not parse                    (visible only where the gate parses that language)
 *   wrong        fluent, complete, well-formed and wrong          (invisible to any text heuristic)
 */
import type { CodeLang, LoadedRequest } from './workload';

export const BAD_KINDS = ['refusal', 'truncated', 'broken-code', 'wrong'] as const;
export type BadKind = (typeof BAD_KINDS)[number];
/** Of bad answers, the share of each kind (an assumption, stated in the README). */
export const BAD_MIX: Record<BadKind, number> = { refusal: 0.15, truncated: 0.25, 'broken-code': 0.2, wrong: 0.4 };

// Good prose is built from these, each clause used at most once per answer (a real model's good
// answer does not recycle its sentences; the quality gate's repetition rule escalates one that does).
// An opener and a detail make one sentence; {kw} cycles through the question's own terms, so a good
// answer talks about what was asked, as a good answer does.
const GOOD_OPENERS = [
  'The important part is {kw}:',
  'Start by checking {kw},',
  'Keep {kw} in one place;',
  'Once {kw} is settled,',
  'Watch the edge cases of {kw}:',
  'Before you touch {kw},',
  'The reason this works for {kw} is simple:',
  'A common mistake with {kw} is subtle,',
  'If you later rename {kw},',
  'For {kw} in particular,',
  'Testing {kw} first pays off because',
  'When {kw} fails at runtime,',
  'Seen from the caller of {kw},',
  'Compared with the old version of {kw},',
  'The cost of {kw} stays low since',
  'To review {kw} quickly,',
  'Under concurrent use of {kw},',
  'In production, {kw} behaves the same because',
  'The documentation of {kw} hints at this, and',
  'One last detail about {kw}:',
  'Should the input to {kw} grow,',
  'My reading of the {kw} code suggests that',
  'Think of {kw} as a boundary:',
  'Logging around {kw} helps, since',
  'With strict types on {kw},',
  'If {kw} must stay backwards compatible,',
  'Measuring {kw} before and after shows that',
  'Pairing {kw} with a small fixture means',
];
const GOOD_DETAILS = [
  'get that right and the rest follows naturally.',
  'the next change then touches a single function.',
  'empty input and error paths are handled explicitly instead of relying on defaults.',
  'the existing names stay, so the diff remains small and easy to review.',
  'no shared state is held, which keeps it safe.',
  'a quick test with the edge cases you mentioned catches regressions early.',
  'one extra allocation per call is negligible next to the network round trip.',
  'it fails loudly when the arguments are wrong rather than returning garbage.',
  'the stack trace points straight at the line that needs attention.',
  'callers never see a half-initialised object.',
  'the compiler flags every place that still uses the removed field.',
  'retries become idempotent, so a duplicate request does no harm.',
  'memory use stays flat even for inputs of several megabytes.',
  'the behaviour matches what the specification describes for this case.',
  'you can delete the workaround that was added last year.',
  'each branch now has exactly one reason to exist.',
  'reading the function top to bottom tells the whole story.',
  'a reviewer can verify the invariant in under a minute.',
  'timeouts propagate instead of hanging the worker pool.',
  'configuration comes from one source rather than three.',
  'the hot loop no longer allocates a closure per iteration.',
  'the public interface stays unchanged for existing users.',
  'unicode input is treated the same as plain ASCII text.',
  'ordering is deterministic, which makes snapshot tests stable.',
  'the migration can run twice without corrupting any rows.',
  'errors carry enough context to debug them from the logs alone.',
  'cleanup happens in a finally block, so resources are always released.',
  'nothing else in the module needs to know about it.',
];
// Fluent, well-formed and wrong: what no text heuristic can see.
const WRONG_SENTENCES = [
  'In short, {kw} is already correct as written and nothing needs to change.',
  'The simplest fix is to wrap {kw} in a try/catch and ignore the error.',
  'This works because JavaScript compares objects by value, so the check is reliable.',
  'You can safely drop the await here; the promise resolves before the next line runs anyway.',
  'Setting the timeout to zero disables it, which is what you want in production.',
];

const CODE: Record<CodeLang, { good: string[]; broken: string[] }> = {
  ts: {
    good: [
      'export function {fn}(input: string): string[] {',
      '  const parts = input.split(",").map((p) => p.trim());',
      '  return parts.filter((p) => p.length > 0);',
      '}',
    ],
    broken: [
      'export function {fn}(input: string): string[] {',
      '  const parts = input.split(",").map((p) => p.trim();',
      '  return parts.filter((p) => p.length > 0);',
    ],
  },
  js: {
    good: [
      'function {fn}(input) {',
      '  const parts = input.split(",").map((p) => p.trim());',
      '  return parts.filter((p) => p.length > 0);',
      '}',
      'module.exports = { {fn} };',
    ],
    broken: ['function {fn}(input) {', '  const parts = input.split(",").map((p) => p.trim();', '  return parts.filter((p) => p.length > 0);', '}'],
  },
  python: {
    good: ['def {fn}(text: str) -> list[str]:', '    parts = [p.strip() for p in text.split(",")]', '    return [p for p in parts if p]'],
    broken: ['def {fn}(text: str) -> list[str]', '    parts = [p.strip() for p in text.split(",")', '    return [p for p in parts if p]'],
  },
  sql: {
    good: ['SELECT o.id, o.created_at, SUM(i.amount) AS total', 'FROM orders o', 'JOIN order_items i ON i.order_id = o.id', 'GROUP BY o.id, o.created_at;'],
    broken: ['SELECT o.id, SUM(i.amount AS total', 'FROM orders o JOIN order_items i', 'GROUP o.id;'],
  },
  bash: {
    good: ['set -euo pipefail', 'for f in "$@"; do', '  echo "processing $f"', 'done'],
    broken: ['set -euo pipefail', 'for f in "$@"; do', '  echo "processing $f'],
  },
  yaml: {
    good: ['jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - run: npm ci && npm test'],
    broken: ['jobs:', '  test:', '    runs-on: ubuntu-latest', '   steps:', '      - uses actions/checkout@v4'],
  },
  go: {
    good: ['func {fn}(input string) []string {', '\tparts := strings.Split(input, ",")', '\treturn parts', '}'],
    broken: ['func {fn}(input string) []string {', '\tparts := strings.Split(input, ",")', '\treturn parts'],
  },
  css: {
    good: ['.container {', '  display: flex;', '  justify-content: center;', '  align-items: center;', '}'],
    broken: ['.container {', '  display: flex', '  justify-content: center;'],
  },
  json: {
    good: ['{', '  "compilerOptions": { "strict": true, "target": "ES2022" }', '}'],
    broken: ['{', '  "compilerOptions": { "strict": true, "target": "ES2022", }', '}'],
  },
};

/** The request's most telling words, to make answers read as answers to it. */
export function keywords(prompt: string): string[] {
  const words = prompt.match(/[A-Za-z_][A-Za-z0-9_.]{3,}/g) ?? ['this'];
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 6);
}

/** Takes items from `from` in a shuffled order without putting any back (`pick` in [0, 1)). */
function drawer<T>(from: readonly T[], pick: () => number): () => T | undefined {
  const left = [...from];
  return () => (left.length === 0 ? undefined : left.splice(Math.floor(pick() * left.length), 1)[0]);
}

/**
 * The answer text of `kind` for a request, about `tokens` long (~4 characters a token; shorter when
 * the sentences run out, as no sentence repeats). `pick` gives uniform draws in [0, 1), so the same
 * draws give the same text.
 */
export function answerText(req: LoadedRequest, kind: 'good' | BadKind, tokens: number, pick: () => number): string {
  const kws = keywords(req.prompt);
  let nextKw = 0;
  const kw = () => `\`${kws[nextKw++ % kws.length]}\``;
  const fn = (kws[0] ?? 'handle').replace(/[^A-Za-z0-9_]/g, '_');
  if (kind === 'refusal')
    return `I'm sorry, but I can't help with that request as asked. Could you share more of the surrounding code and what you expected to happen?`;
  const opener = drawer(GOOD_OPENERS, pick);
  const detail = drawer(GOOD_DETAILS, pick);
  const wrong = drawer(WRONG_SENTENCES, pick);
  const good = (): string | undefined => {
    const o = opener();
    const d = detail();
    return o && d ? `${o.replace('{kw}', kw())} ${d}` : undefined;
  };
  // A wrong answer mixes its wrong claims into otherwise good prose.
  const sentence = () => (kind === 'wrong' && pick() < 0.5 ? (wrong()?.replace('{kw}', kw()) ?? good()) : good());
  const targetChars = Math.max(120, tokens * 4);
  const intro = `Here is how I would approach ${kws.map((k) => `\`${k}\``).join(', ')}. ${kind === 'wrong' ? (wrong()?.replace('{kw}', kw()) ?? '') : (good() ?? '')}`;
  const lang = req.code;
  let code = '';
  if (lang) {
    const lines = (kind === 'broken-code' ? CODE[lang].broken : CODE[lang].good).map((l) => l.replaceAll('{fn}', fn));
    code = `\n\n\`\`\`${lang}\n${lines.join('\n')}\n\`\`\`\n\n`;
  }
  let body = '';
  for (let next = sentence(); next && intro.length + code.length + body.length < targetChars; next = sentence()) body += ` ${next}`;
  // Trimmed: the fakes stream words, so trailing blank lines would not survive the trip (see splitPieces).
  const full = `${intro}${code}${body.trim()}`.trimEnd();
  if (kind !== 'truncated') return full;
  if (code) {
    // Cut inside the code block: the fence never closes.
    const open = full.indexOf('```');
    const lineEnd = full.indexOf('\n', full.indexOf('\n', open) + 1);
    return full.slice(0, lineEnd > 0 ? lineEnd : open + 10);
  }
  const cut = full.slice(0, Math.floor(full.length * 0.6));
  return cut.slice(0, cut.lastIndexOf(' ')).replace(/[.!?:;,]+$/, '');
}
