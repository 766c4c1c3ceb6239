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
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['../*', '!./*'], message: 'src/common imports nothing outside itself.' }, noTest],
      }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/vscode/**', '**/webview/**', '**/shared/**'], message: 'core depends on common only.' }, noTest],
      }],
    },
  },
  {
    // Settings are read by everyone, so config depends on nothing in core but the port interfaces.
    files: ['src/core/config/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [
          { group: ['**/vscode/**', '**/webview/**', '**/shared/**'], message: 'core depends on common only.' },
          { regex: '^\\.\\./(?!ports$)[^.]', message: 'src/core/config imports nothing from the rest of core (only ../ports and ../../common).' },
          noTest,
        ],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/vscode/**', '**/webview/**', '**/common/**'], message: 'src/shared imports nothing; type-only imports of core chunk types are allowed.', allowTypeImports: true }, noTest],
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/core/**', '**/vscode/**', '**/common/**'], message: 'webview code imports src/shared only.' }, noTest],
      }],
    },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/extension.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTest] }] },
  },
);
