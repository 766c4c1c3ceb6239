/** Only the top of a file is searched: imports that late are rare and the scan stays cheap. */
const SCAN_LINES = 400;

const SINGLE: Record<string, RegExp> = {
  js: /^\s*(import\s|export\s+(\*|\{[^}]*\})\s+from\s|(const|let|var)\s+[\w${},\s]+=\s*require\()/,
  python: /^\s*(import\s+\w|from\s+[\w.]+\s+import\s)/,
  go: /^\s*import\s+("|\w+\s+")/,
  rust: /^\s*(pub\s+)?use\s/,
  jvm: /^\s*import\s/,
  csharp: /^\s*using\s+[\w.]+\s*;/,
  c: /^\s*#\s*include\s/,
  php: /^\s*(use|require|require_once|include)\s/,
  ruby: /^\s*(require|require_relative)\s/,
};

const FAMILY: Record<string, string> = {
  typescript: 'js',
  typescriptreact: 'js',
  javascript: 'js',
  javascriptreact: 'js',
  python: 'python',
  go: 'go',
  rust: 'rust',
  java: 'jvm',
  kotlin: 'jvm',
  scala: 'jvm',
  csharp: 'csharp',
  c: 'c',
  cpp: 'c',
  php: 'php',
  ruby: 'ruby',
};

/**
 * The import statements of a file, whole (a multi-line `import { a,\n b } from 'x'` or Go's
 * `import ( … )` stays one entry), in order. Unknown languages have none.
 */
export function extractImports(text: string, languageId: string): string[] {
  const family = FAMILY[languageId];
  if (!family) return [];
  const lines = text.split(/\r?\n/).slice(0, SCAN_LINES);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (family === 'go' && /^\s*import\s*\($/.test(line)) {
      const end = findLine(lines, i, (l) => /^\s*\)/.test(l));
      out.push(lines.slice(i, end + 1).join('\n'));
      i = end;
      continue;
    }
    if (!SINGLE[family].test(line)) continue;
    // Statements that open a brace or parenthesis run until it closes.
    let end = i;
    if (family === 'js' && /\{[^}]*$/.test(line)) end = findLine(lines, i, (l) => /\}/.test(l));
    if (family === 'python' && /\($/.test(line.trim())) end = findLine(lines, i, (l) => /\)/.test(l));
    out.push(lines.slice(i, end + 1).join('\n'));
    i = end;
  }
  return out;
}

function findLine(lines: string[], from: number, done: (l: string) => boolean): number {
  for (let j = from + 1; j < lines.length; j++) if (done(lines[j])) return j;
  return from;
}
