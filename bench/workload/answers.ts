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

const GOOD_SENTENCES = [
  'The important part is {kw}: get that right and the rest follows.',
  'This keeps {kw} in one place, so the next change touches a single function.',
  'It handles the empty case and the error case explicitly instead of relying on defaults.',
  'I kept the existing names so the diff stays small and easy to review.',
  'If {kw} can be called concurrently, the version above is still safe because it holds no shared state.',
  'A quick test that feeds it the edge cases you mentioned will catch regressions.',
  'The cost is one extra allocation per call, which is negligible next to the I/O.',
  'Prefer this over the alternative because it fails loudly when the input is wrong.',
];
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
  const words = prompt.match(/[A-Za-z_][A-Za-z0-9_.]{4,}/g) ?? ['this'];
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 3);
}

/**
 * The answer text of `kind` for a request, about `tokens` long (~4 characters a token).
 * `pick` gives uniform draws in [0, 1), so the same draws give the same text.
 */
export function answerText(req: LoadedRequest, kind: 'good' | BadKind, tokens: number, pick: () => number): string {
  const kws = keywords(req.prompt);
  const kw = () => `\`${kws[Math.floor(pick() * kws.length)]}\``;
  const fn = (kws[0] ?? 'handle').replace(/[^A-Za-z0-9_]/g, '_');
  if (kind === 'refusal')
    return `I'm sorry, but I can't help with that request as asked. Could you share more of the surrounding code and what you expected to happen?`;
  const pool = kind === 'wrong' ? WRONG_SENTENCES : GOOD_SENTENCES;
  const sentence = (from: string[]) => from[Math.floor(pick() * from.length)].replace('{kw}', kw());
  const targetChars = Math.max(120, tokens * 4);
  const intro = `Here is how I would approach ${kw()}. ${sentence(pool)}`;
  const lang = req.code;
  let code = '';
  if (lang) {
    const lines = (kind === 'broken-code' ? CODE[lang].broken : CODE[lang].good).map((l) => l.replaceAll('{fn}', fn));
    code = `\n\n\`\`\`${lang}\n${lines.join('\n')}\n\`\`\`\n\n`;
  }
  let body = '';
  while (intro.length + code.length + body.length < targetChars) body += ` ${sentence(kind === 'wrong' && pick() < 0.5 ? GOOD_SENTENCES : pool)}`;
  const full = `${intro}${code}${body.trim()}`;
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
