import { canonicalLanguage } from '../../../languages';
import type { QualityRule } from '../QualityRule';
import { displayLanguage } from './languageRule';
import { detectBlockLanguage } from '../detectCodeLanguage';
import type { CodeBlock } from '../splitAnswer';
import { hasEllipsis } from '../validateQuality';

// JavaScript and JSON are parsed by the basics rule (acorn, JSON.parse); a second count would double the penalty.
const LEFT_TO_BASICS = new Set(['javascript', 'json']);

/**
 * Code that does not parse, through tree-sitter grammars. A block in a language with no grammar is
 * not judged (never failed for it); neither is one whose grammar is not loaded. Elisions (`...`
 * lines, `{ ... }` bodies) are style, not errors, and are removed first. Only the first error counts.
 */
export const syntaxRule: QualityRule = {
  name: 'syntax',
  check({ answer }, { syntax }) {
    if (!syntax) return undefined;
    for (const [i, block] of answer.blocks.entries()) {
      if (answer.unclosed && i === answer.blocks.length - 1) break; // cut off: the basics rule says so
      const lang = syntaxLanguage(block);
      if (!lang || LEFT_TO_BASICS.has(lang)) continue;
      const code = hasEllipsis(block.code)
        ? block.code.replace(/^\s*(?:\/\/\s*|#\s*)?(?:\.\.\.|…)\s*$/gm, '').replace(/\{\s*(?:\.\.\.|…)\s*\}/g, '{}')
        : block.code;
      if (code.trim() === '') continue;
      const result = syntax.check(lang, code);
      if (result === 'unavailable' || result.ok) continue;
      const reason = `${displayLanguage(lang)} block ${i + 1} does not parse (line ${result.line})`;
      return { rule: 'syntax', severity: 1, reason, note: `${displayLanguage(lang)} code does not parse` };
    }
    return undefined;
  },
};

/** A labelled block's language; an unlabelled one only when its content is unmistakable. */
function syntaxLanguage(block: CodeBlock): string | undefined {
  if (block.label) return canonicalLanguage(block.label);
  const seen = detectBlockLanguage(block);
  return seen && seen.score >= 5 ? seen.language : undefined;
}
