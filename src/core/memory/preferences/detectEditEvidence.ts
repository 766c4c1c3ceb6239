import { languageName, SEMICOLON_LANGUAGES } from '../../languages';
import type { EditEvidence } from './PreferenceLearner';

export interface CodeVersion {
  text: string;
  languageId: string;
}

/**
 * What the user's changes to code Jarvis inserted say about their style: quotes swapped, indentation
 * redone, semicolons added or removed, identifiers renamed to another case, or the code moved to
 * another language. Only clear, consistent changes count; small edits to the logic say nothing.
 */
export function detectEditEvidence(inserted: CodeVersion, edited: CodeVersion): EditEvidence[] {
  const out: EditEvidence[] = [];
  if (inserted.languageId !== edited.languageId && edited.languageId !== 'plaintext' && languageName(inserted.languageId) !== languageName(edited.languageId)) {
    out.push({ kind: 'language', value: languageName(edited.languageId) });
  }
  if (inserted.text === edited.text) return out;
  const q0 = dominantQuote(inserted.text);
  const q1 = dominantQuote(edited.text);
  if (q0 && q1 && q0 !== q1) out.push({ kind: 'quotes', value: q1 });
  const i0 = indentStyle(inserted.text);
  const i1 = indentStyle(edited.text);
  if (i0 && i1 && i0 !== i1) out.push({ kind: 'indent', value: i1 });
  if (SEMICOLON_LANGUAGES.has(edited.languageId)) {
    const s0 = semicolonStyle(inserted.text);
    const s1 = semicolonStyle(edited.text);
    if (s0 && s1 && s0 !== s1) out.push({ kind: 'semicolons', value: s1 });
    const d = declarationChange(inserted.text, edited.text);
    if (d) out.push({ kind: 'declarations', value: d });
  }
  const n = renamedCase(inserted.text, edited.text);
  if (n) out.push({ kind: 'naming', value: n });
  return out;
}

/**
 * `var` declarations turned into `const` (or `let`): every `var` the code had is gone and the new
 * keyword took their place. Returns the keyword that gained most, or undefined.
 */
export function declarationChange(before: string, after: string): 'const' | 'let' | undefined {
  const count = (code: string, kw: string) => (code.match(new RegExp(`(^|[^\\w$.])${kw}\\s+[A-Za-z_$[{]`, 'gm')) ?? []).length;
  const v0 = count(before, 'var');
  if (v0 === 0 || count(after, 'var') > 0) return undefined;
  const c = count(after, 'const') - count(before, 'const');
  const l = count(after, 'let') - count(before, 'let');
  if (c <= 0 && l <= 0) return undefined;
  return c >= l ? 'const' : 'let';
}

/** The quote used by string literals when one kind clearly dominates (≥ 80 %), else undefined. */
export function dominantQuote(code: string): 'single' | 'double' | 'backtick' | undefined {
  const counts = { single: 0, double: 0, backtick: 0 };
  const kind = { "'": 'single', '"': 'double', '`': 'backtick' } as const;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch !== "'" && ch !== '"' && ch !== '`') continue;
    // An apostrophe inside a word (don't) is not a string delimiter.
    if (ch === "'" && /\w/.test(code[i - 1] ?? '') && /\w/.test(code[i + 1] ?? '')) continue;
    const end = closingQuote(code, i);
    if (end < 0) continue;
    counts[kind[ch]]++;
    i = end;
  }
  const total = counts.single + counts.double + counts.backtick;
  if (total === 0) return undefined;
  const best = (Object.keys(counts) as (keyof typeof counts)[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] / total >= 0.8 ? best : undefined;
}

function closingQuote(code: string, start: number): number {
  const q = code[start];
  for (let j = start + 1; j < code.length; j++) {
    if (code[j] === '\\') j++;
    else if (code[j] === q) return j;
    else if (code[j] === '\n' && q !== '`') return -1;
  }
  return -1;
}

/** "tabs" or "<n> spaces" from the indented lines, when they agree; undefined otherwise. */
export function indentStyle(code: string): string | undefined {
  const indents = code
    .split('\n')
    .map((l) => /^[ \t]+(?=\S)/.exec(l)?.[0])
    .filter((s): s is string => s !== undefined);
  if (indents.length === 0) return undefined;
  const tabs = indents.filter((s) => /^\t+$/.test(s)).length;
  const spaces = indents.filter((s) => /^ +$/.test(s)).map((s) => s.length);
  if (tabs / indents.length >= 0.8) return 'tabs';
  if (spaces.length / indents.length < 0.8) return undefined;
  const unit = Math.min(...spaces);
  if (unit < 1 || unit > 8 || spaces.some((n) => n % unit !== 0)) return undefined;
  return `${unit} spaces`;
}

/** 'always' when ≥ 70 % of statement lines end with `;`, 'never' when ≤ 10 %; needs 2+ statement lines. */
export function semicolonStyle(code: string): 'always' | 'never' | undefined {
  const statements = code
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, '').trim())
    // Lines that open or close blocks, continue expressions or hold comments are not statements.
    .filter(
      (l) =>
        l !== '' &&
        !/[{}([,:]$/.test(l) &&
        !/^[})\]]/.test(l) &&
        !/^(\*|\/\*|import\s*\{?$)/.test(l) &&
        !/^(if|for|while|else|switch|try|catch|finally|function|class)\b/.test(l),
    );
  if (statements.length < 2) return undefined;
  const ended = statements.filter((l) => l.endsWith(';')).length / statements.length;
  if (ended >= 0.7) return 'always';
  if (ended <= 0.1) return 'never';
  return undefined;
}

type Case = 'camelCase' | 'snake_case' | 'PascalCase' | 'kebab-case';

function caseOf(name: string): Case | undefined {
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(name)) return 'PascalCase';
  return undefined;
}

/** Multi-word identifiers by their lowercase words ("userName" → "user name"), with every case seen. */
function identifiers(code: string): Map<string, Set<Case>> {
  const out = new Map<string, Set<Case>>();
  for (const m of code.matchAll(/\b[A-Za-z][A-Za-z0-9_]*\b/g)) {
    const c = caseOf(m[0]);
    if (!c) continue;
    const words = m[0]
      .replace(/_/g, ' ')
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase();
    out.set(words, (out.get(words) ?? new Set<Case>()).add(c));
  }
  return out;
}

/** The case identifiers were renamed to, when every renamed one left its old case for the same new one. */
function renamedCase(before: string, after: string): Case | undefined {
  const a = identifiers(before);
  const b = identifiers(after);
  const moved = new Set<Case>();
  for (const [words, cases] of a) {
    const now = b.get(words);
    if (!now || cases.size !== 1 || now.size !== 1) continue;
    const [from] = cases;
    const [to] = now;
    if (from !== to) moved.add(to);
  }
  return moved.size === 1 ? [...moved][0] : undefined;
}
