import * as path from 'node:path';

/** The package VS Code ships its own grammars (and the tree-sitter runtime) in. */
export const VSCODE_GRAMMARS = '@vscode/tree-sitter-wasm';
/**
 * Prebuilt grammars for the languages VS Code's package has none for (Kotlin, Swift, Scala, HTML…),
 * built with tree-sitter-cli 0.24 (ABI 13–15): the runtime of @vscode/tree-sitter-wasm 0.3 loads them.
 */
export const EXTRA_GRAMMARS = '@cursorless/tree-sitter-wasms';

/**
 * Grammar files per language, tried in order until one parses. TypeScript is tried with and without
 * JSX, since answers label both `ts`; C with its own grammar, then C++'s (answers tag C++ as `c`).
 */
export const GRAMMAR_FILES: Readonly<Record<string, readonly string[]>> = {
  python: ['tree-sitter-python.wasm'],
  typescript: ['tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm'],
  go: ['tree-sitter-go.wasm'],
  rust: ['tree-sitter-rust.wasm'],
  java: ['tree-sitter-java.wasm'],
  csharp: ['tree-sitter-c-sharp.wasm'],
  cpp: ['tree-sitter-cpp.wasm'],
  c: ['tree-sitter-c.wasm', 'tree-sitter-cpp.wasm'],
  ruby: ['tree-sitter-ruby.wasm'],
  php: ['tree-sitter-php.wasm'],
  bash: ['tree-sitter-bash.wasm'],
  css: ['tree-sitter-css.wasm'],
  powershell: ['tree-sitter-powershell.wasm'],
  ini: ['tree-sitter-ini.wasm'],
  kotlin: ['tree-sitter-kotlin.wasm'],
  swift: ['tree-sitter-swift.wasm'],
  scala: ['tree-sitter-scala.wasm'],
  dart: ['tree-sitter-dart.wasm'],
  lua: ['tree-sitter-lua.wasm'],
  elixir: ['tree-sitter-elixir.wasm'],
  haskell: ['tree-sitter-haskell.wasm'],
  r: ['tree-sitter-r.wasm'],
  html: ['tree-sitter-html.wasm'],
  xml: ['tree-sitter-xml.wasm'],
};

/** Files that come from EXTRA_GRAMMARS; every other one is in VSCODE_GRAMMARS. */
const EXTRA_FILES: ReadonlySet<string> = new Set(
  ['kotlin', 'swift', 'scala', 'dart', 'lua', 'elixir', 'haskell', 'r', 'html', 'xml'].map((l) => `tree-sitter-${l}.wasm`).concat('tree-sitter-c.wasm'),
);

/** The package a grammar file (or the runtime's tree-sitter.wasm) comes from. */
export function grammarPackage(file: string): string {
  return EXTRA_FILES.has(file) ? EXTRA_GRAMMARS : VSCODE_GRAMMARS;
}

/** Where a file is when it is read from the installed packages (tests, the bench; the bundle copies them to one folder). */
export function installedWasmPath(file: string): string {
  const pkg = grammarPackage(file);
  if (pkg === VSCODE_GRAMMARS) return path.join(path.dirname(require.resolve(VSCODE_GRAMMARS)), file);
  return path.join(path.dirname(require.resolve(`${EXTRA_GRAMMARS}/package.json`)), 'out', file);
}
