import { approximateTokens } from '../retrieval/ContextRetriever';
import type { Preference } from './Preference';
import { PREFERENCE_CATEGORIES, type PreferenceCategory } from './PreferenceCategory';
import { preferencesConflict } from './preferencesConflict';
import { topicVector } from './topicCues';
import { uw } from './unicodeWords';

/** What the request is about, as far as choosing preferences goes. */
export interface PreferenceRequest {
  prompt: string;
  /** VS Code language ids of attached files or the active editor (`typescript`, `python`…). */
  languageIds?: string[];
}

export interface SelectedPreferences {
  /** In prompt order: most relevant first. */
  used: Preference[];
  /** Left out, and why: a newer one contradicts it, it does not concern this request, or no room. */
  skipped: { preference: Preference; why: 'superseded' | 'not relevant' | 'budget'; by?: Preference }[];
}

/** Programming languages by how requests and statements name them, and their VS Code ids. */
const LANGUAGES: [RegExp, string, string[]][] = [
  [uw(/\btype ?script\b|\bts\b/i), 'TypeScript', ['typescript', 'typescriptreact']],
  [uw(/\bjava ?script\b|\bjs\b|\bnode(?:\.js)?\b/i), 'JavaScript', ['javascript', 'javascriptreact']],
  [uw(/\bpython\b|\bpy\b/i), 'Python', ['python']],
  [uw(/\bgo(?:lang)?\b(?=.*\b(?:code|func|package|module|service)\b)|\bgolang\b/i), 'Go', ['go']],
  [uw(/\brust\b/i), 'Rust', ['rust']],
  [uw(/\bjava\b/i), 'Java', ['java']],
  [uw(/\bkotlin\b/i), 'Kotlin', ['kotlin']],
  [uw(/(?:^|\s)c#(?=$|[\s,.;!?])|\bcsharp\b/i), 'C#', ['csharp']],
  [uw(/\bruby\b/i), 'Ruby', ['ruby']],
  [uw(/\bphp\b/i), 'PHP', ['php']],
  [uw(/\bswift\b/i), 'Swift', ['swift']],
];

/** A request for code (write, fix, refactor…) in any of the four languages, or one with a code block. */
const CODE_TASK = uw(
  /```|\b(?:write|implement|add|create|generate|fix|refactor|rewrite|convert|function|class|method|code|snippet|script|endpoint|component|bug|schreib\w*|implementier\w*|erstell\w*|behebe?|refaktor\w*|funktion|klasse|methode|escrib\w*|implementa\w*|crea\w*|genera\w*|arregl\w*|corrig\w*|refactoriz\w*|funci[óo]n|clase|m[ée]todo|c[óo]digo|[ée]cri[st]\w*|impl[ée]ment\w*|cr[ée]e\w*|g[ée]n[èe]re\w*|fonction|m[ée]thode|composant)\b/i,
);

/**
 * How much a preference concerns a request: its topic named (2), how to answer or which language to write
 * in (1.5), a code request for the other code categories (1), else not at all (0).
 */
function relevance(p: Preference, topics: Set<PreferenceCategory>, codeTask: boolean, requestLanguages: Set<string>): number {
  if (p.key === 'language') {
    // A request that names its language says otherwise; one without says nothing, so the preference applies.
    return codeTask && requestLanguages.size === 0 ? 1.5 : 0;
  }
  const named = languagesIn(`${p.statement} ${p.value}`);
  if (named.size > 0 && requestLanguages.size > 0 && ![...named].some((l) => requestLanguages.has(l))) return 0; // "single quotes in TypeScript" vs a Python request
  if (p.category === 'communication') return 1.5; // every answer is communication
  if (topics.has(p.category)) return 2;
  if (p.category === 'workflow') return 0; // commits and PRs only when the request is about them
  if (p.key === 'package-manager') return codeTask || topics.has('tools') ? 1 : 0;
  return codeTask ? 1 : 0;
}

function languagesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const [re, name] of LANGUAGES) if (re.test(text)) out.add(name);
  return out;
}

/** Two different preferences that cannot both hold (see preferencesConflict): the newer one is applied. */
export function contradicts(a: Preference, b: Preference): boolean {
  return a.id !== b.id && preferencesConflict(a, b);
}

/**
 * Picks the preferences that concern this request (its language, task and category), drops the ones a
 * newer preference contradicts, and keeps within `budgetTokens` (statements that do not fit are left out
 * whole, never cut).
 */
export function selectPreferences(active: readonly Preference[], request: PreferenceRequest, budgetTokens: number): SelectedPreferences {
  const skipped: SelectedPreferences['skipped'] = [];
  // Newest first, so that of two contradicting statements the newer one is kept.
  const byAge = [...active].sort((a, b) => b.lastEvidenceAt - a.lastEvidenceAt || a.id.localeCompare(b.id));
  const current: Preference[] = [];
  for (const p of byAge) {
    const newer = current.find((q) => contradicts(p, q));
    if (newer) skipped.push({ preference: p, why: 'superseded', by: newer });
    else current.push(p);
  }
  const topicFlags = topicVector(request.prompt);
  const topics = new Set(PREFERENCE_CATEGORIES.filter((_, i) => topicFlags[i] === 1));
  const requestLanguages = languagesIn(request.prompt);
  for (const id of request.languageIds ?? []) for (const [, name, ids] of LANGUAGES) if (ids.includes(id)) requestLanguages.add(name);
  const codeTask = CODE_TASK.test(request.prompt) || (request.languageIds?.length ?? 0) > 0;
  const scored = current
    .map((p) => ({ p, score: relevance(p, topics, codeTask, requestLanguages) }))
    .filter(({ p, score }) => score > 0 || (skipped.push({ preference: p, why: 'not relevant' }), false))
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.p.status === 'confirmed') - Number(a.p.status === 'confirmed') ||
        b.p.confidence - a.p.confidence ||
        a.p.id.localeCompare(b.p.id),
    );
  const used: Preference[] = [];
  let left = budgetTokens;
  for (const { p } of scored) {
    const cost = approximateTokens(`- ${p.statement}\n`);
    if (cost > left) skipped.push({ preference: p, why: 'budget' });
    else {
      used.push(p);
      left -= cost;
    }
  }
  return { used, skipped };
}
