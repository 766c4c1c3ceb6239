import type { PreferenceEvidence } from './Preference';
import type { PreferenceCategory } from './PreferenceCategory';

const LANGUAGES: Record<string, string> = {
  typescript: 'TypeScript', javascript: 'JavaScript', python: 'Python', go: 'Go', golang: 'Go', rust: 'Rust',
  java: 'Java', kotlin: 'Kotlin', 'c#': 'C#', csharp: 'C#', 'c++': 'C++', ruby: 'Ruby', php: 'PHP', swift: 'Swift', scala: 'Scala',
};
const TEST_FRAMEWORKS = ['pytest', 'jest', 'mocha', 'vitest', 'unittest', 'junit', 'rspec', 'jasmine', 'ava', 'playwright', 'cypress'];
const NAMING = { camelcase: 'camelCase', snake_case: 'snake_case', pascalcase: 'PascalCase', 'kebab-case': 'kebab-case' } as const;

/** Keywords that route a free-form preference to a category; first match wins, default coding_style. */
const CATEGORY_HINTS: [PreferenceCategory, RegExp][] = [
  ['testing', /\b(tests?|testing|pytest|jest|mocha|vitest|coverage|tdd|mocks?|unit)\b/i],
  ['documentation', /\b(docs?|documentation|comments?|jsdoc|docstrings?|readme|tsdoc)\b/i],
  ['error_handling', /\b(errors?|exceptions?|throw|try|catch|result types?|retr(y|ies)|panic)\b/i],
  ['workflow', /\b(git|commits?|branch(es)?|rebase|merge|pull requests?|prs?|reviews?|ci|squash|releases?)\b/i],
  ['architecture', /\b(architecture|patterns?|dependency injection|microservices?|monolith|layers?|solid|functional|classes|modules?|immutab\w*)\b/i],
  ['communication', /\b(answers?|explanations?|explain|responses?|verbose|concise|tone|emojis?)\b/i],
  ['tools', /\b(react|vue|angular|svelte|express|fastapi|django|flask|postgres(ql)?|mysql|sqlite|redis|docker|kubernetes|npm|pnpm|yarn|webpack|vite|esbuild|prettier|eslint|tailwind)\b/i],
];

export function categorize(phrase: string): PreferenceCategory {
  return CATEGORY_HINTS.find(([, re]) => re.test(phrase))?.[0] ?? 'coding_style';
}

const clean = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[,:]+$/, '');
const slug = (s: string) => clean(s).toLowerCase();

type Rule = (clause: string) => PreferenceEvidence | undefined;

/** Most specific first: a clause yields at most one preference, from the first rule that matches. */
const RULES: Rule[] = [
  (c) => {
    const m = /\b(?:prefer|like|favou?r|want)\s+(?:using\s+|to use\s+|writing\s+)?([\w#+.-]+)\s+(?:over|rather than|instead of|to)\s+([\w#+.-]+)/i.exec(c);
    if (!m) return undefined;
    const [a, b] = [LANGUAGES[m[1].toLowerCase()], LANGUAGES[m[2].toLowerCase()]];
    if (a) return { category: 'coding_style', key: 'language', value: a, statement: `Use ${a}${b ? ` (preferred over ${b})` : ''}` };
    return { category: categorize(m[1]), key: `prefer:${slug(m[1])}`, value: clean(m[1]), statement: `Prefer ${clean(m[1])} over ${clean(m[2])}` };
  },
  (c) => {
    const m = /\b(?:use|indent(?:ing)? with|prefer|like)\s+(tabs|(\d{1,2})[ -]?spaces?)\b/i.exec(c);
    if (!m) return undefined;
    const value = m[2] ? `${Number(m[2])} spaces` : 'tabs';
    return { category: 'coding_style', key: 'indent', value, statement: `Indent with ${value}` };
  },
  (c) => {
    const neg = /\b(?:never|don't|do not|avoid|no)\s+(?:use\s+|using\s+)?(single|double)[ -]quotes?\b/i.exec(c);
    const pos = /\b(single|double)[ -]quotes?\b/i.exec(c);
    if (!neg && !pos) return undefined;
    const value = neg ? (neg[1].toLowerCase() === 'single' ? 'double' : 'single') : pos![1].toLowerCase();
    return { category: 'coding_style', key: 'quotes', value, statement: `Use ${value} quotes for strings` };
  },
  (c) => {
    if (/\b(?:no|never use|never|omit|without|avoid|don't use|do not use)\s+(?:\w+\s+)?semicolons?\b/i.test(c)) {
      return { category: 'coding_style', key: 'semicolons', value: 'never', statement: 'Omit semicolons' };
    }
    if (/\b(?:always use|use|want|require|always)\s+semicolons?\b/i.test(c)) {
      return { category: 'coding_style', key: 'semicolons', value: 'always', statement: 'End statements with semicolons' };
    }
    return undefined;
  },
  (c) => {
    const m = /\b(camelCase|snake_case|PascalCase|kebab-case)\b/i.exec(c);
    if (!m || !/\b(use|prefer|like|always|name)\b/i.test(c)) return undefined;
    const value = NAMING[m[1].toLowerCase() as keyof typeof NAMING];
    return { category: 'coding_style', key: 'naming', value, statement: `Name identifiers in ${value}` };
  },
  (c) => {
    const m = new RegExp(`\\b(?:prefer|use|like|want)\\s+(${TEST_FRAMEWORKS.join('|')})\\b`, 'i').exec(c);
    if (!m) return undefined;
    return { category: 'testing', key: 'test-framework', value: m[1].toLowerCase(), statement: `Write tests with ${m[1].toLowerCase()}` };
  },
  (c) => {
    if (/\b(be (?:more )?(?:concise|brief|terse)|keep (?:answers|responses|it) short|short(?:er)? answers)\b/i.test(c)) {
      return { category: 'communication', key: 'verbosity', value: 'concise', statement: 'Keep answers concise' };
    }
    if (/\b(more detail|detailed explanations?|explain (?:things )?in detail|be thorough)\b/i.test(c)) {
      return { category: 'communication', key: 'verbosity', value: 'detailed', statement: 'Give detailed explanations' };
    }
    return undefined;
  },
  (c) => {
    const m = /\b(?:never|don't|do not|avoid)\s+(?:use|using)\s+(.{1,40})$/i.exec(c);
    if (!m) return undefined;
    const thing = clean(m[1]);
    return { category: categorize(thing), key: `avoid:${slug(thing)}`, value: thing, statement: `Never use ${thing}` };
  },
  (c) => {
    const m = /\balways\s+(.{3,60})$/i.exec(c);
    if (!m) return undefined;
    const what = clean(m[1]);
    return { category: categorize(what), key: `always:${slug(what)}`, value: what, statement: `Always ${what}` };
  },
  (c) => {
    const m = /\b(?:i\s+)?(?:prefer|like)\s+(?:using\s+|to use\s+)?(.{2,40})$/i.exec(c);
    if (!m) return undefined;
    const lang = LANGUAGES[slug(m[1])];
    if (lang) return { category: 'coding_style', key: 'language', value: lang, statement: `Use ${lang}` };
    const what = clean(m[1]);
    return { category: categorize(what), key: `prefer:${slug(what)}`, value: what, statement: `Prefer ${what}` };
  },
];

/**
 * Pulls explicit preferences out of what the user wrote ("I prefer TypeScript over JavaScript",
 * "always use tabs", "never use var"). Pattern-based on purpose: predictable, offline, and every
 * result is shown to the user for review before it is trusted.
 */
export function extractPreferences(text: string): PreferenceEvidence[] {
  const out: PreferenceEvidence[] = [];
  for (const clause of text.split(/[.;!?\n]+|,\s*(?:and\s+)?|\s+and\s+(?=(?:i\s+|always|never|use|prefer|don't|do not|avoid))/i)) {
    const c = clause.trim();
    if (c.length < 3) continue;
    for (const rule of RULES) {
      const found = rule(c);
      if (found) {
        out.push(found);
        break;
      }
    }
  }
  return out;
}
