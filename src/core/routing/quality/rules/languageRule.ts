import type { CodeBlock } from '../splitAnswer';
import { detectBlockLanguage } from '../detectCodeLanguage';
import { COMPANION_LANGUAGES, canonicalLanguage, satisfies } from '../../../languages';
import type { QualityRule } from '../QualityRule';

const DISPLAY: Record<string, string> = { javascript: 'JavaScript', typescript: 'TypeScript', csharp: 'C#', cpp: 'C++', php: 'PHP', sql: 'SQL' };
export const displayLanguage = (l: string): string => DISPLAY[l] ?? l[0].toUpperCase() + l.slice(1);

// Asks for a program in that language (not just "create a virtual environment in Python").
const ASKS_FOR_CODE = /\b(?:script|function|class|method|program|snippet|struct|skript|funktion|programm|función|programa|fonction|programme)\b/i;

/** The language a block is in: its fence label, or, for an unlabelled block, what its content shows. */
export function blockLanguage(block: CodeBlock): string | undefined {
  return canonicalLanguage(block.label) ?? detectBlockLanguage(block)?.language;
}

/**
 * Asked for Go, answered in Python. Compares the requested language (question, attached file, open
 * editor) with each block's label and content. Companion blocks (the shell command to run it, a JSON
 * config) never count against an answer; an answer whose only code is companion code fails only when
 * the question itself named a language and asked for code in it.
 */
export const languageRule: QualityRule = {
  name: 'language',
  check({ question, answer, requested }) {
    if (!requested || answer.blocks.length === 0) return undefined;
    const asked = requested.language;
    const langs = answer.blocks.map((b) => {
      const label = canonicalLanguage(b.label);
      // A block labelled in the asked language but plainly written in another is still the other.
      if (label && satisfies(asked, label)) {
        const seen = detectBlockLanguage(b);
        return seen && seen.score >= 5 && !satisfies(asked, seen.language) && !COMPANION_LANGUAGES.has(seen.language) ? seen.language : label;
      }
      return blockLanguage(b);
    });
    const known = langs.filter((l): l is string => l !== undefined);
    if (known.some((l) => satisfies(asked, l))) return undefined;
    const programs = known.filter((l) => !COMPANION_LANGUAGES.has(l) || l === asked);
    const weight = requested.source === 'editor' ? 0.6 : 1;
    if (programs.length > 0) {
      const got = programs[0];
      const from = requested.source === 'question' ? 'question asked for' : requested.source === 'attachment' ? 'attached file is' : 'open editor is';
      return {
        rule: 'language',
        severity: weight,
        reason: `code is ${displayLanguage(got)}, ${from} ${displayLanguage(asked)}`,
        note: `code is ${displayLanguage(got)}, ${from} ${displayLanguage(asked)}`,
      };
    }
    if (known.length > 0 && requested.source === 'question' && !COMPANION_LANGUAGES.has(asked) && ASKS_FOR_CODE.test(question)) {
      const got = known[0];
      return {
        rule: 'language',
        severity: 0.7,
        reason: `only ${displayLanguage(got)} code, question asked for ${displayLanguage(asked)}`,
        note: `code is ${displayLanguage(got)}, question asked for ${displayLanguage(asked)}`,
      };
    }
    return undefined;
  },
};
