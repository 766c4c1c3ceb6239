import { JarvisError } from '../../common/errors';
import type { ChatAttachment } from '../chat/ChatChunk';
import type { CodeTarget } from './CodeTarget';
import { EDITOR_COMMANDS, type EditorCommandKind } from './EditorCommand';
import { languageLabel } from '../languages';

/** What an editor command sends through the chat engine. */
export interface EditorPrompt {
  /** The user's message (short: the chat shows it). */
  prompt: string;
  /** The code and its surroundings, as attachments (fenced blocks before the prompt). */
  attachments: ChatAttachment[];
  /** Context for the system prompt when the code travels as a chat reference instead (native Chat view). */
  context: string;
  /** True when the answer must be code to apply (Refactor, Fix, Add Tests, Add Docs). */
  expectsCode: boolean;
  /** Said to the user before the answer, e.g. that the enclosing function was used for want of a selection. */
  scopeNote?: string;
}

/** Imports beyond this are left out: they are context, and a long import list says little more. */
const MAX_IMPORT_LINES = 40;

const DOC_STYLE: Record<string, string> = {
  typescript: 'TSDoc/JSDoc comments (/** … */)',
  typescriptreact: 'TSDoc/JSDoc comments (/** … */)',
  javascript: 'JSDoc comments (/** … */)',
  javascriptreact: 'JSDoc comments (/** … */)',
  python: 'docstrings (PEP 257)',
  go: 'Go doc comments (// Name …)',
  rust: 'rustdoc comments (///)',
  java: 'Javadoc comments (/** … */)',
  csharp: 'XML documentation comments (///)',
};

/** Where the code is, in words: "the function `parse` (src/a.ts, lines 3–9)". */
export function describeTarget(t: CodeTarget): string {
  const where = `${t.file}, ${t.startLine === t.endLine ? `line ${t.startLine}` : `lines ${t.startLine}–${t.endLine}`}`;
  if (t.source === 'symbol' && t.enclosing) return `the ${t.enclosing.kind} \`${t.enclosing.name}\` (${where})`;
  if (t.source === 'file') return `the file ${t.file}`;
  return `the selected code (${where})`;
}

/**
 * The message, attachments and context for one editor command. Edit commands ask for exactly one
 * fenced block, so the answer can be checked and applied; chat commands ask for prose.
 */
export function buildEditorPrompt(kind: EditorCommandKind, t: CodeTarget): EditorPrompt {
  if (!(kind in EDITOR_COMMANDS)) throw new JarvisError('invalid-input', `Unknown editor command "${String(kind)}".`);
  if (typeof t?.code !== 'string' || t.code.trim() === '')
    throw new JarvisError('invalid-input', 'Select some code first (or place the cursor inside a function).');
  const lang = languageLabel(t.languageId);
  const what = describeTarget(t);
  const fence = t.languageId;
  let prompt: string;
  switch (kind) {
    case 'explain':
      prompt = `Explain ${what}: what it does, how, and anything surprising.`;
      break;
    case 'review':
      prompt = `Review ${what}: bugs, edge cases, naming, performance and security. List concrete problems with the line they are on, most important first; say so if you find none.`;
      break;
    case 'ask': {
      const q = t.question?.trim() ?? '';
      if (q === '') throw new JarvisError('invalid-input', 'Type a question about the code.');
      prompt = `${q}\n\n(About ${what}.)`;
      break;
    }
    case 'refactor':
      prompt = `Refactor ${what} to be clearer and simpler without changing its behaviour. ${replaceRules(fence)}`;
      break;
    case 'fix': {
      const problems = (t.diagnostics ?? []).map((d) => `- line ${d.line}: ${d.message}${d.source ? ` (${d.source}${d.code ? ` ${d.code}` : ''})` : ''}`);
      prompt =
        problems.length > 0
          ? `Fix these problems in ${what}:\n${problems.join('\n')}\n${replaceRules(fence)}`
          : `Find and fix the bugs in ${what}. ${replaceRules(fence)}`;
      break;
    }
    case 'addDocs':
      prompt = `Add documentation to ${what} using ${DOC_STYLE[t.languageId] ?? `the usual ${lang} documentation comments`}: what each part does and why, parameters, return values and errors. Do not change the code itself. ${replaceRules(fence)}`;
      break;
    case 'addTests': {
      const tests = t.tests;
      if (!tests) throw new JarvisError('invalid-input', 'Add Tests needs the test framework and the test file.');
      prompt = tests.existing
        ? `Write ${tests.framework} tests for ${what}, to add to the end of the existing test file ${tests.file} (shown above). Reuse its imports and helpers; only add what is missing. Answer with ONE fenced \`\`\`${fence} block holding only the code to append, and nothing else.`
        : `Write ${tests.framework} tests for ${what}, as the complete new test file ${tests.file} (imports included, importing the code under test by its relative path). Cover normal cases, edge cases and errors. Answer with ONE fenced \`\`\`${fence} block holding the whole file, and nothing else.`;
      break;
    }
  }
  // path and range are what the egress ledger records: the lines sent, not just a label naming them.
  const range = t.source === 'file' ? {} : { range: { startLine: t.startLine, endLine: t.endLine } };
  const attachments: ChatAttachment[] = [
    { name: `${t.file} (lines ${t.startLine}–${t.endLine})`, content: t.code, languageId: t.languageId, path: t.file, ...range },
  ];
  const context = contextLines(t);
  if (context.imports) attachments.push({ name: `Imports of ${t.file} (context only)`, content: context.imports, languageId: t.languageId, path: t.file });
  if (t.enclosing?.code && t.source === 'selection' && t.enclosing.code !== t.code) {
    attachments.push({
      name: `The ${t.enclosing.kind} \`${t.enclosing.name}\` around it (context only)`,
      content: t.enclosing.code,
      languageId: t.languageId,
      path: t.file,
    });
  }
  if (kind === 'addTests' && t.tests?.existing) {
    attachments.push({ name: `Existing test file ${t.tests.file}`, content: t.tests.existing, languageId: t.languageId, path: t.tests.file });
  }
  return {
    prompt,
    attachments,
    context: context.system,
    expectsCode: EDITOR_COMMANDS[kind].answersIn === 'edit',
    ...(t.source === 'symbol' && t.enclosing
      ? { scopeNote: `Nothing was selected, so Jarvis used the ${t.enclosing.kind} \`${t.enclosing.name}\` around the cursor.` }
      : {}),
    ...(t.source === 'file' ? { scopeNote: `Nothing was selected and no symbol surrounds the cursor, so Jarvis used the whole file.` } : {}),
  };
}

function replaceRules(fence: string): string {
  return `Answer with ONE fenced \`\`\`${fence} block holding the complete replacement for exactly that code (same indentation, nothing around it left out or added), then at most two sentences on what changed.`;
}

/** The language, file, enclosing symbol and imports as one system-prompt block. */
function contextLines(t: CodeTarget): { system: string; imports: string } {
  const imports = t.imports.slice(0, MAX_IMPORT_LINES).join('\n');
  const lines = [`The user is working in ${t.file} (${languageLabel(t.languageId)}).`];
  if (t.enclosing) lines.push(`The code is inside the ${t.enclosing.kind} \`${t.enclosing.name}\`.`);
  if (imports) lines.push(`The file's imports:\n${imports}`);
  return { system: lines.join('\n'), imports };
}
