/** Language facts editor commands need: names for prompts, and the fence tags a model may use. */

const LABELS: Record<string, string> = {
  typescript: 'TypeScript',
  typescriptreact: 'TypeScript (TSX)',
  javascript: 'JavaScript',
  javascriptreact: 'JavaScript (JSX)',
  python: 'Python',
  go: 'Go',
  rust: 'Rust',
  java: 'Java',
  kotlin: 'Kotlin',
  csharp: 'C#',
  cpp: 'C++',
  c: 'C',
  ruby: 'Ruby',
  php: 'PHP',
  swift: 'Swift',
  scala: 'Scala',
  shellscript: 'Shell',
  json: 'JSON',
  jsonc: 'JSON with comments',
};

/** Fence tags models write for each VS Code language id (the id itself always counts). */
const FENCE_TAGS: Record<string, string[]> = {
  typescript: ['ts', 'typescript', 'tsx'],
  typescriptreact: ['tsx', 'typescript', 'ts', 'jsx'],
  javascript: ['js', 'javascript', 'jsx', 'mjs', 'cjs', 'node'],
  javascriptreact: ['jsx', 'javascript', 'js'],
  python: ['py', 'python', 'python3'],
  go: ['go', 'golang'],
  rust: ['rs', 'rust'],
  csharp: ['cs', 'csharp', 'c#'],
  cpp: ['cpp', 'c++', 'cc', 'cxx', 'hpp'],
  c: ['c', 'h'],
  shellscript: ['sh', 'bash', 'shell', 'zsh'],
  ruby: ['rb', 'ruby'],
  kotlin: ['kt', 'kotlin'],
  json: ['json', 'jsonc'],
  jsonc: ['jsonc', 'json'],
};

export function languageLabel(languageId: string): string {
  return LABELS[languageId] ?? languageId;
}

/** Whether a fence tag (```ts) is a way of writing this language. An empty tag matches anything. */
export function fenceMatches(tag: string, languageId: string): boolean {
  const t = tag.trim().toLowerCase();
  if (t === '') return true;
  return t === languageId.toLowerCase() || (FENCE_TAGS[languageId] ?? []).includes(t);
}

/** Languages whose code is balanced in (), [] and {} outside strings and comments. */
export const BRACKET_LANGUAGES = new Set([
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'java',
  'kotlin',
  'csharp',
  'cpp',
  'c',
  'go',
  'rust',
  'swift',
  'scala',
  'php',
  'json',
  'jsonc',
  'python',
]);

/** Languages whose `//` starts a line comment (for the bracket check). */
export const SLASH_COMMENT_LANGUAGES = new Set([
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'java',
  'kotlin',
  'csharp',
  'cpp',
  'c',
  'go',
  'rust',
  'swift',
  'scala',
  'php',
  'jsonc',
]);
