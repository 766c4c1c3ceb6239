import type { SyntaxChecker } from '../routing/quality/QualityRule';
import { BRACKET_LANGUAGES, SLASH_COMMENT_LANGUAGES } from '../languages';

/** VS Code language ids → the grammar names of the quality gate's tree-sitter checker. */
const GRAMMAR_OF: Record<string, string> = {
  typescript: 'typescript',
  typescriptreact: 'typescript',
  python: 'python',
  go: 'go',
  rust: 'rust',
  java: 'java',
  csharp: 'csharp',
  cpp: 'cpp',
  c: 'c',
  ruby: 'ruby',
  php: 'php',
  shellscript: 'bash',
  css: 'css',
};
/** Languages whose members (a method selected alone) parse once wrapped in a class. */
const CLASS_WRAP = new Set(['typescript', 'typescriptreact', 'java', 'csharp', 'php']);

/** The tree-sitter grammar that checks `languageId`, if any. */
export function grammarFor(languageId: string): string | undefined {
  return GRAMMAR_OF[languageId];
}

/**
 * A full parse of the proposal with tree-sitter (TypeScript, Python, Go, Rust…), when the checker has
 * the grammar loaded. Held to the same standard as the code it replaces: if the original did not
 * parse on its own (a fragment), the proposal is not refused for that either.
 */
export function treeSitterProblem(checker: SyntaxChecker, languageId: string, original: string, proposed: string): string | undefined {
  const grammar = GRAMMAR_OF[languageId];
  if (!grammar) return undefined;
  const parses = (code: string): boolean | 'unknown' => {
    const r = checker.check(grammar, code);
    if (r === 'unavailable') return 'unknown';
    if (r.ok) return true;
    if (!CLASS_WRAP.has(languageId)) return false;
    const wrapped = checker.check(grammar, `class JarvisWrapper {\n${code}\n}`);
    return wrapped !== 'unavailable' && wrapped.ok;
  };
  if (original.trim() !== '' && parses(original) !== true) return undefined;
  const r = checker.check(grammar, proposed);
  if (r === 'unavailable' || r.ok || parses(proposed) !== false) return undefined;
  return `a syntax error near line ${r.line}`;
}

const JSON_IDS = new Set(['json']);
const HASH_COMMENTS = new Set(['python', 'shellscript', 'ruby', 'yaml', 'perl', 'r']);

/**
 * Why `code` cannot be valid `languageId`, or undefined. JavaScript is parsed with acorn and JSON with
 * JSON.parse; for other brace languages only the bracket structure is checked (a cut-off or garbled
 * answer almost always unbalances it). Languages without a check pass.
 */
export function checkCodeSyntax(code: string, languageId: string): string | undefined {
  if (JSON_IDS.has(languageId)) {
    try {
      JSON.parse(code);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }
  // JSX (javascriptreact) is not plain JavaScript to acorn: it gets the bracket check only.
  if (languageId === 'javascript') {
    const problem = parseJavaScript(code);
    if (problem) return problem;
  }
  if (!BRACKET_LANGUAGES.has(languageId)) return undefined;
  return bracketProblem(code, languageId);
}

function parseJavaScript(code: string): string | undefined {
  const parse = loadAcorn().parse;
  const base = { ecmaVersion: 'latest', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowHashBang: true } as const;
  try {
    parse(code, { ...base, sourceType: 'module' });
    return undefined;
  } catch (moduleError) {
    try {
      parse(code, { ...base, sourceType: 'script' });
      return undefined;
    } catch {
      // A class method selected on its own is not a program; wrapped in a class, it is.
      if (!/^\s*(?:(?:async|static|get|set)\s+|\*\s*)*[\w$#]+\s*\(/.test(code)) return (moduleError as Error).message;
      try {
        parse(`class __Jarvis__ {\n${code}\n}`, { ...base, sourceType: 'module' });
        return undefined;
      } catch {
        return (moduleError as Error).message;
      }
    }
  }
}

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** The first unbalanced bracket outside strings and comments, as "line N: …", or undefined. */
export function bracketProblem(code: string, languageId: string): string | undefined {
  const slash = SLASH_COMMENT_LANGUAGES.has(languageId);
  const hash = HASH_COMMENTS.has(languageId);
  const python = languageId === 'python';
  const stack: { ch: string; line: number }[] = [];
  let line = 1;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\n') {
      line++;
      continue;
    }
    if (slash && ch === '/' && code[i + 1] === '/') {
      i = skipTo(code, i, '\n') - 1;
      continue;
    }
    if (slash && ch === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end < 0) return `line ${line}: a /* comment is never closed`;
      line += count(code.slice(i, end), '\n');
      i = end + 1;
      continue;
    }
    if (hash && ch === '#') {
      i = skipTo(code, i, '\n') - 1;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      if (python && code.startsWith(ch.repeat(3), i)) {
        const end = code.indexOf(ch.repeat(3), i + 3);
        if (end < 0) return `line ${line}: a ${ch.repeat(3)} string is never closed`;
        line += count(code.slice(i, end), '\n');
        i = end + 2;
        continue;
      }
      // Rust lifetimes ('a) and char literals share the quote: do not treat a lone ' as a string there.
      if (ch === "'" && languageId === 'rust' && !/^'(\\.|[^\\'])'/.test(code.slice(i, i + 4))) continue;
      const end = closeString(code, i);
      if (end < 0) return `line ${line}: a string is never closed`;
      line += count(code.slice(i, end), '\n');
      i = end;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') stack.push({ ch, line });
    else if (ch in PAIRS) {
      const top = stack.pop();
      if (!top) return `line ${line}: "${ch}" closes nothing`;
      if (top.ch !== PAIRS[ch]) return `line ${line}: "${ch}" closes "${top.ch}" from line ${top.line}`;
    }
  }
  const left = stack.pop();
  return left ? `line ${left.line}: "${left.ch}" is never closed` : undefined;
}

function closeString(code: string, start: number): number {
  const q = code[start];
  for (let j = start + 1; j < code.length; j++) {
    if (code[j] === '\\') j++;
    else if (code[j] === q) return j;
    else if (code[j] === '\n' && q !== '`') return -1;
  }
  return -1;
}

function skipTo(code: string, from: number, ch: string): number {
  const i = code.indexOf(ch, from);
  return i < 0 ? code.length : i;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** acorn loads on first use (like the quality check's): most answers are not JavaScript. */
function loadAcorn(): typeof import('acorn') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  return require('acorn') as typeof import('acorn');
}
