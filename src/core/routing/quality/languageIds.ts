/**
 * One name per programming language, so a fence label (`py`, `golang`), a VS Code language id
 * (`typescriptreact`, `shellscript`) and a word in the question ("C#", "Node") compare equal.
 */
const ALIASES: Record<string, string> = {
  py: 'python',
  python: 'python',
  python3: 'python',
  py3: 'python',
  js: 'javascript',
  javascript: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  nodejs: 'javascript',
  jsx: 'javascript',
  javascriptreact: 'javascript',
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'typescript',
  typescriptreact: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  go: 'go',
  golang: 'go',
  rs: 'rust',
  rust: 'rust',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  kotlin: 'kotlin',
  cs: 'csharp',
  csharp: 'csharp',
  'c#': 'csharp',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  rb: 'ruby',
  ruby: 'ruby',
  php: 'php',
  sh: 'bash',
  bash: 'bash',
  shell: 'bash',
  shellscript: 'bash',
  zsh: 'bash',
  console: 'bash',
  terminal: 'bash',
  ps1: 'powershell',
  powershell: 'powershell',
  pwsh: 'powershell',
  swift: 'swift',
  scala: 'scala',
  dart: 'dart',
  lua: 'lua',
  r: 'r',
  elixir: 'elixir',
  haskell: 'haskell',
  sql: 'sql',
  postgresql: 'sql',
  postgres: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
  plsql: 'sql',
  tsql: 'sql',
  json: 'json',
  jsonc: 'jsonc',
  json5: 'jsonc',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  xml: 'xml',
  html: 'html',
  css: 'css',
  scss: 'css',
  less: 'css',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  nginx: 'nginx',
  makefile: 'makefile',
  make: 'makefile',
  diff: 'diff',
  patch: 'diff',
  text: 'text',
  txt: 'text',
  plaintext: 'text',
  output: 'text',
  log: 'text',
  markdown: 'markdown',
  md: 'markdown',
};

/** The canonical name of a fence label / language id / question word; undefined when unknown or empty. */
export function canonicalLanguage(label: string | undefined): string | undefined {
  if (!label) return undefined;
  return ALIASES[label.trim().toLowerCase()];
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
