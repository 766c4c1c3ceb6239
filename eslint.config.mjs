// Layer rules (ARCHITECTURE.md): common ← core ← vscode; shared ← {vscode, webview}; nothing imports test/.
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Only src/vscode (and extension.ts) may import vscode.' };
const noTest = { group: ['**/test/**'], message: 'Product code never imports test code.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'dist-vsix/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['../*', '!./*'], message: 'src/common imports nothing outside itself.' }, noTest],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['**/vscode/**', '**/webview/**', '**/shared/**'], message: 'core depends on common only.' }, noTest],
        },
      ],
    },
  },
  {
    // Settings are read by everyone, so config depends on nothing in core: only on src/common (which imports nothing).
    files: ['src/core/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            { group: ['**/vscode/**', '**/webview/**', '**/shared/**'], message: 'core depends on common only.' },
            // Any `../` path but ../../common/…: also `../../core/llm`, which a `../[^.]` test let through.
            { regex: '^\\.\\./(?!\\.\\./common/)', message: 'src/core/config imports nothing from the rest of core (only ../../common).' },
            noTest,
          ],
        },
      ],
    },
  },
  {
    // Memory's own layers (docs/ARCHITECTURE.md): embedders ← store ← {retrieval, preferences, sessions, anchors} ← contributors ← MemoryService.
    files: ['src/core/memory/embedders/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            { group: ['**/vscode/**', '**/webview/**', '**/shared/**'], message: 'core depends on common only.' },
            // `../../memory/…` names a memory folder too, the long way round.
            {
              regex: '^\\.\\./(?!embedders/)[A-Za-z]|^\\.\\./\\.\\./memory(/|$)',
              message: 'memory/embedders is the bottom layer of memory: it imports no other memory folder.',
            },
            noTest,
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/memory/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            { group: ['**/vscode/**', '**/webview/**', '**/shared/**'], message: 'core depends on common only.' },
            {
              regex: '^\\.\\./(\\.\\./memory/)?(retrieval|preferences|sessions|contributors|anchors|MemoryService)(/|$)',
              message: 'memory/store sits under retrieval, preferences, sessions and contributors: it imports only embedders.',
            },
            noTest,
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            {
              group: ['**/vscode/**', '**/webview/**', '**/common/**'],
              message: 'src/shared imports nothing; type-only imports of core chunk types are allowed.',
              allowTypeImports: true,
            },
            noTest,
          ],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [{ group: ['**/core/**', '**/vscode/**', '**/common/**'], message: 'webview code imports src/shared only.' }, noTest],
        },
      ],
    },
  },
  {
    // The probe extension is loaded by the extension host as it is (CommonJS, no build step).
    files: ['test/fixtures/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTest] }] },
  },
  {
    // Style guide (issue #9): small files named after their export, none over 400 lines.
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', '*.mjs'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // Data, not code: the router corpus's prompt templates, one table per category.
    files: ['scripts/router-data/templates.mjs'],
    rules: { 'max-lines': 'off' },
  },
);
