/**
 * Everything Jarvis knows about programming languages, in one place: per VS Code language id the
 * label prompts use, the name people use, the fence tags models write and the syntax facts the
 * checks rely on; and, for any word (fence label, language id, a word in the question), its
 * canonical language. Editor commands, edit evidence and the quality gate all read it.
 */

interface LanguageFacts {
  /** Shown in prompts ("Refactor this TypeScript (TSX) code"). */
  label: string;
  /** What people call it, one per family (`typescriptreact` → TypeScript); unset: the id itself. */
  name?: string;
  /** Fence tags models write for it besides the id itself (```ts for typescript). */
  fenceTags?: readonly string[];
  /** Its code is balanced in (), [] and {} outside strings and comments. */
  brackets?: boolean;
  /** `//` starts a line comment. */
  slashComments?: boolean;
  /** Statements may end with semicolons, so "omit semicolons" is a style choice. */
  semicolons?: boolean;
}

const C_LIKE = { brackets: true, slashComments: true } as const;

/** Per VS Code language id. */
const LANGUAGES: Readonly<Record<string, LanguageFacts>> = {
  typescript: { label: 'TypeScript', name: 'TypeScript', fenceTags: ['ts', 'typescript', 'tsx'], ...C_LIKE, semicolons: true },
  typescriptreact: { label: 'TypeScript (TSX)', name: 'TypeScript', fenceTags: ['tsx', 'typescript', 'ts', 'jsx'], ...C_LIKE, semicolons: true },
  javascript: { label: 'JavaScript', name: 'JavaScript', fenceTags: ['js', 'javascript', 'jsx', 'mjs', 'cjs', 'node'], ...C_LIKE, semicolons: true },
  javascriptreact: { label: 'JavaScript (JSX)', name: 'JavaScript', fenceTags: ['jsx', 'javascript', 'js'], ...C_LIKE, semicolons: true },
  python: { label: 'Python', name: 'Python', fenceTags: ['py', 'python', 'python3'], brackets: true },
  go: { label: 'Go', name: 'Go', fenceTags: ['go', 'golang'], ...C_LIKE },
  rust: { label: 'Rust', name: 'Rust', fenceTags: ['rs', 'rust'], ...C_LIKE },
  java: { label: 'Java', name: 'Java', ...C_LIKE },
  kotlin: { label: 'Kotlin', name: 'Kotlin', fenceTags: ['kt', 'kotlin'], ...C_LIKE },
  csharp: { label: 'C#', name: 'C#', fenceTags: ['cs', 'csharp', 'c#'], ...C_LIKE },
  cpp: { label: 'C++', name: 'C++', fenceTags: ['cpp', 'c++', 'cc', 'cxx', 'hpp'], ...C_LIKE },
  c: { label: 'C', name: 'C', fenceTags: ['c', 'h'], ...C_LIKE },
  ruby: { label: 'Ruby', name: 'Ruby', fenceTags: ['rb', 'ruby'] },
  php: { label: 'PHP', name: 'PHP', ...C_LIKE },
  swift: { label: 'Swift', name: 'Swift', ...C_LIKE },
  scala: { label: 'Scala', name: 'Scala', ...C_LIKE },
  shellscript: { label: 'Shell', name: 'Shell', fenceTags: ['sh', 'bash', 'shell', 'zsh'] },
  json: { label: 'JSON', fenceTags: ['json', 'jsonc'], brackets: true },
  jsonc: { label: 'JSON with comments', fenceTags: ['jsonc', 'json'], ...C_LIKE },
};

const facts = (languageId: string): LanguageFacts | undefined => (Object.hasOwn(LANGUAGES, languageId) ? LANGUAGES[languageId] : undefined);

/** The label for prompts (`typescriptreact` → "TypeScript (TSX)"); an unknown id as it is. */
export function languageLabel(languageId: string): string {
  return facts(languageId)?.label ?? languageId;
}

/** The name people use for a VS Code language id (`typescriptreact` → TypeScript); an unknown id as it is. */
export function languageName(languageId: string): string {
  return facts(languageId)?.name ?? languageId;
}

/** Whether a fence tag (```ts) is a way of writing this language. An empty tag matches anything. */
export function fenceMatches(tag: string, languageId: string): boolean {
  const t = tag.trim().toLowerCase();
  if (t === '') return true;
  return t === languageId.toLowerCase() || (facts(languageId)?.fenceTags ?? []).includes(t);
}

const idsWhere = (has: (f: LanguageFacts) => boolean | undefined): ReadonlySet<string> =>
  new Set(Object.entries(LANGUAGES).flatMap(([id, f]) => (has(f) ? [id] : [])));

/** Languages whose code is balanced in (), [] and {} outside strings and comments. */
export const BRACKET_LANGUAGES = idsWhere((f) => f.brackets);
/** Languages whose `//` starts a line comment (for the bracket check). */
export const SLASH_COMMENT_LANGUAGES = idsWhere((f) => f.slashComments);
/** Languages whose statements may end with semicolons (where "omit semicolons" is a style choice). */
export const SEMICOLON_LANGUAGES = idsWhere((f) => f.semicolons);

/**
 * One name per programming language, so a fence label (`py`, `golang`), a VS Code language id
 * (`typescriptreact`, `shellscript`) and a word in the question ("C#", "Node") compare equal.
 */
const CANONICAL_WORDS: Readonly<Record<string, readonly string[]>> = {
  python: ['py', 'python', 'python3', 'py3'],
  javascript: ['js', 'javascript', 'mjs', 'cjs', 'node', 'nodejs', 'jsx', 'javascriptreact'],
  typescript: ['ts', 'typescript', 'tsx', 'typescriptreact', 'mts', 'cts'],
  go: ['go', 'golang'],
  rust: ['rs', 'rust'],
  java: ['java'],
  kotlin: ['kt', 'kts', 'kotlin'],
  csharp: ['cs', 'csharp', 'c#'],
  c: ['c', 'h'],
  cpp: ['cpp', 'c++', 'cc', 'cxx', 'hpp'],
  ruby: ['rb', 'ruby'],
  php: ['php'],
  bash: ['sh', 'bash', 'shell', 'shellscript', 'zsh', 'console', 'terminal'],
  powershell: ['ps1', 'powershell', 'pwsh'],
  swift: ['swift'],
  scala: ['scala'],
  dart: ['dart'],
  lua: ['lua'],
  r: ['r'],
  elixir: ['elixir'],
  haskell: ['haskell'],
  sql: ['sql', 'postgresql', 'postgres', 'mysql', 'sqlite', 'plsql', 'tsql'],
  json: ['json'],
  jsonc: ['jsonc', 'json5'],
  yaml: ['yaml', 'yml'],
  toml: ['toml'],
  ini: ['ini'],
  xml: ['xml'],
  html: ['html'],
  css: ['css', 'scss', 'less'],
  dockerfile: ['dockerfile', 'docker'],
  nginx: ['nginx'],
  makefile: ['makefile', 'make'],
  diff: ['diff', 'patch'],
  text: ['text', 'txt', 'plaintext', 'output', 'log'],
  markdown: ['markdown', 'md'],
};

const CANONICAL = new Map(Object.entries(CANONICAL_WORDS).flatMap(([canonical, words]) => words.map((w) => [w, canonical] as const)));

/** The canonical name of a fence label / language id / question word; undefined when unknown or empty. */
export function canonicalLanguage(label: string | undefined): string | undefined {
  if (!label) return undefined;
  return CANONICAL.get(label.trim().toLowerCase());
}

/**
 * Blocks in these languages accompany an answer in any language (the command to run it, a config
 * file, sample output), so they never count as "answered in the wrong language".
 */
export const COMPANION_LANGUAGES: ReadonlySet<string> = new Set([
  'bash',
  'powershell',
  'json',
  'jsonc',
  'yaml',
  'toml',
  'ini',
  'xml',
  'html',
  'css',
  'sql',
  'dockerfile',
  'nginx',
  'makefile',
  'diff',
  'text',
  'markdown',
]);

/** Languages that answer each other's questions: TypeScript accepts JavaScript, C++ accepts C. */
export function satisfies(asked: string, got: string): boolean {
  if (asked === got) return true;
  return (
    (asked === 'typescript' && got === 'javascript') ||
    (asked === 'cpp' && got === 'c') ||
    (asked === 'c' && got === 'cpp') ||
    (asked === 'javascript' && got === 'typescript')
  );
}
