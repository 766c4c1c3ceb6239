import { type Clock, systemClock } from '../../../common/Clock';
import { JarvisError } from '../../../common/errors';
import type { KeyValueStore } from '../../ports';
import { readPreferences } from './extractPreferences';
import type { Preference, PreferenceEvidence, PreferenceSource } from './Preference';
import { isPreferenceCategory, PREFERENCE_CATEGORIES, type PreferenceCategory } from './PreferenceCategory';
import { type ConfigFile, readWorkspaceConfig } from './readWorkspaceConfig';
import { selectPreferences, type PreferenceRequest, type SelectedPreferences } from './selectPreferences';
import { alwaysTrusted, assertTrusted, type WorkspaceTrust } from '../store/WorkspaceTrust';

/** Most proposals kept waiting for review; the oldest go first (a chatty week must not grow it forever). */
const MAX_PENDING = 50;
/** Default token budget for the preference block of a prompt. */
const DEFAULT_BUDGET_TOKENS = 300;

/** Sources whose evidence is a reading of what the user said: below the threshold it is only a proposal. */
const PROPOSING: ReadonlySet<PreferenceSource> = new Set(['explicit', 'inferred', 'llm']);

export interface ApplyOptions {
  threshold?: number;
  /** Only preferences relevant to this request are applied; without it, all active ones (within the budget). */
  request?: PreferenceRequest;
  /** @default 300 */
  budgetTokens?: number;
}

/**
 * How far one piece of evidence moves confidence, by source. Repetition combines as a noisy-or,
 * c ← 1 − (1 − c)(1 − w): an explicit statement alone reaches the prompt threshold (0.7, as in the
 * seed's PREFERENCE_CONFIDENCE_THRESHOLD); an edit is weak evidence that takes ~8 repetitions.
 * What the user says is weighed by the extractor's own confidence instead, when it gives one.
 */
const SOURCE_WEIGHT: Record<PreferenceSource, number> = {
  explicit: 0.7,
  llm: 0.5,
  'workspace-config': 0.6,
  inferred: 0.3,
  edit: 0.15,
};

export type EditEvidenceKind = 'quotes' | 'indent' | 'semicolons' | 'naming' | 'declarations' | 'language';

/** What the host saw the user do to code Jarvis inserted (e.g. turned its double quotes into single). */
export interface EditEvidence {
  kind: EditEvidenceKind;
  /** quotes: single|double|backtick; indent: tabs|"<n> spaces"; semicolons: always|never; naming: camelCase…; declarations: const|let; language: any name. */
  value: string;
  /** Workspace-relative file, for the log only. */
  file?: string;
}

export interface PreferenceLearnerOptions {
  store: KeyValueStore;
  clock?: Clock;
  /** Gates learning from workspace files and edits. @default always trusted */
  trust?: WorkspaceTrust;
  /** Minimum confidence for a learned (unconfirmed) preference to reach prompts. @default 0.7 */
  threshold?: number;
  /** Confidence halves after this many days without new evidence. @default 30 */
  halfLifeDays?: number;
  /** @default 'jarvis.memory.preferences' */
  storageKey?: string;
}

interface Snapshot {
  version: 1;
  preferences: Preference[];
}

const EDIT_VALUES: Record<Exclude<EditEvidenceKind, 'language'>, RegExp> = {
  quotes: /^(single|double|backtick)$/,
  indent: /^(tabs|[1-9]\d? spaces)$/,
  semicolons: /^(always|never)$/,
  naming: /^(camelCase|snake_case|PascalCase|kebab-case)$/,
  declarations: /^(const|let)$/,
};

const DAY_MS = 86_400_000;

/** Learns, reviews and applies user preferences (Phase 10 `PreferenceLearner`). */
export class PreferenceLearner {
  private readonly prefs = new Map<string, Preference>();
  private readonly clock: Clock;
  private readonly trust: WorkspaceTrust;
  private readonly threshold: number;
  private readonly halfLifeMs: number;
  private readonly key: string;

  private constructor(private readonly options: PreferenceLearnerOptions) {
    if (typeof options?.store?.get !== 'function' || typeof options.store.update !== 'function') {
      throw new JarvisError('invalid-input', 'PreferenceLearner needs a KeyValueStore `store` to persist preferences.');
    }
    this.clock = options.clock ?? systemClock;
    this.trust = options.trust ?? alwaysTrusted;
    this.threshold = options.threshold ?? 0.7;
    if (!(this.threshold > 0 && this.threshold <= 1)) {
      throw new JarvisError('invalid-input', `threshold must be in (0, 1] (got ${String(options.threshold)}).`);
    }
    const halfLifeDays = options.halfLifeDays ?? 30;
    if (!(halfLifeDays > 0)) throw new JarvisError('invalid-input', `halfLifeDays must be positive (got ${String(halfLifeDays)}).`);
    this.halfLifeMs = halfLifeDays * DAY_MS;
    this.key = options.storageKey ?? 'jarvis.memory.preferences';
  }

  /** Builds a learner holding what was saved before; an unreadable snapshot starts empty. */
  static load(options: PreferenceLearnerOptions): PreferenceLearner {
    const learner = new PreferenceLearner(options);
    const saved = options.store.get<unknown>(learner.key);
    if (saved !== undefined) {
      try {
        learner.fromJSON(saved);
      } catch {
        // A damaged snapshot must not stop the extension: start over (the user can re-teach).
      }
    }
    return learner;
  }

  /** Confidence now: confirmed 1, rejected 0, otherwise halved every `halfLifeDays` since the last evidence. */
  confidenceOf(p: Preference): number {
    if (p.status === 'confirmed') return 1;
    if (p.status === 'rejected') return 0;
    const age = Math.max(0, this.clock.now() - p.lastEvidenceAt);
    return p.confidence * Math.pow(0.5, age / this.halfLifeMs);
  }

  async learnFromText(text: string, source: 'explicit' | 'inferred' = 'explicit'): Promise<Preference[]> {
    if (typeof text !== 'string') throw new JarvisError('invalid-input', 'learnFromText needs the text as a string.');
    if (source !== 'explicit' && source !== 'inferred') {
      throw new JarvisError('invalid-input', `source must be "explicit" or "inferred" (got "${String(source)}").`);
    }
    // Only what the preference is; the sentence it came from and how it was read are not stored.
    const read = readPreferences(text).preferences.map(({ category, key, value, statement, confidence }) => ({ category, key, value, statement, confidence }));
    return this.recordAll(read, source);
  }

  /**
   * Proposals of the local model's background reading: they always wait in the review queue, whatever the
   * model claims about its confidence (it is not calibrated).
   */
  async propose(evidence: PreferenceEvidence[]): Promise<Preference[]> {
    if (!Array.isArray(evidence)) throw new JarvisError('invalid-input', 'propose needs a list of preferences.');
    return this.recordAll(evidence, 'llm');
  }

  /** The review queue: proposals below the threshold, newest first. */
  pendingPreferences(): Preference[] {
    return [...this.prefs.values()].filter((p) => p.status === 'pending').sort((a, b) => b.lastEvidenceAt - a.lastEvidenceAt || a.id.localeCompare(b.id));
  }

  /** Learns from .editorconfig / Prettier / ESLint JSON contents. Refused in an untrusted workspace. */
  async learnFromWorkspaceConfig(files: ConfigFile[]): Promise<Preference[]> {
    assertTrusted(this.trust, 'learn preferences from workspace files');
    if (!Array.isArray(files)) throw new JarvisError('invalid-input', 'learnFromWorkspaceConfig needs a list of files.');
    return this.recordAll(
      files.flatMap((f) => readWorkspaceConfig(f)),
      'workspace-config',
    );
  }

  /** One observed edit raises the matching preference a little. Refused in an untrusted workspace. */
  async recordEditEvidence(e: EditEvidence): Promise<Preference> {
    assertTrusted(this.trust, 'learn preferences from edits');
    const kind = e?.kind;
    const value = typeof e?.value === 'string' ? e.value.trim() : '';
    if (kind === 'language') {
      if (value === '' || value.length > 40) throw new JarvisError('invalid-input', 'A language edit needs the language name (1–40 characters).');
      return (await this.recordAll([{ category: 'coding_style', key: 'language', value, statement: `Use ${value}` }], 'edit'))[0];
    }
    if (!(kind in EDIT_VALUES)) {
      throw new JarvisError('invalid-input', `Unknown edit kind "${String(kind)}"; use quotes, indent, semicolons, naming, declarations or language.`);
    }
    if (!EDIT_VALUES[kind as keyof typeof EDIT_VALUES].test(value)) {
      throw new JarvisError('invalid-input', `"${value}" is not a valid ${kind} value (expected ${EDIT_VALUES[kind as keyof typeof EDIT_VALUES].source}).`);
    }
    const statement = {
      quotes: `Use ${value} quotes for strings`,
      indent: `Indent with ${value}`,
      semicolons: value === 'always' ? 'End statements with semicolons' : 'Omit semicolons',
      naming: `Name identifiers in ${value}`,
      declarations: value === 'const' ? 'Declare variables with const (let only when reassigned), never var' : 'Declare variables with let or const, never var',
    }[kind as keyof typeof EDIT_VALUES];
    return (await this.recordAll([{ category: 'coding_style', key: kind, value, statement }], 'edit'))[0];
  }

  /** Preferences, most confident first; rejected ones only on request. */
  getPreferences(category?: PreferenceCategory, options: { includeRejected?: boolean } = {}): Preference[] {
    if (category !== undefined && !isPreferenceCategory(category)) {
      throw new JarvisError('invalid-input', `Unknown preference category "${String(category)}"; use one of: ${PREFERENCE_CATEGORIES.join(', ')}.`);
    }
    return [...this.prefs.values()]
      .filter((p) => (category === undefined || p.category === category) && (options.includeRejected || p.status !== 'rejected'))
      .map((p) => ({ ...p, confidence: this.confidenceOf(p) }))
      .sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
  }

  async confirm(id: string): Promise<Preference> {
    return this.review(id, (p) => ({ ...p, status: 'confirmed', confidence: 1 }));
  }

  async reject(id: string): Promise<Preference> {
    return this.review(id, (p) => ({ ...p, status: 'rejected' }));
  }

  /** The user corrects a preference: it becomes confirmed with the new value. */
  async edit(id: string, change: { value: string; statement?: string }): Promise<Preference> {
    const value = typeof change?.value === 'string' ? change.value.trim() : '';
    if (value === '') throw new JarvisError('invalid-input', 'An edited preference needs a non-empty value.');
    return this.review(id, (p) => ({
      ...p,
      value,
      statement: change.statement?.trim() || p.statement.replace(p.value, value),
      status: 'confirmed',
      confidence: 1,
    }));
  }

  /**
   * Confirmed preferences and learned ones at least `threshold` confident, in prompt order.
   * @param threshold overrides the learner's own (the setting may have changed since it was built).
   */
  activePreferences(threshold = this.threshold): Preference[] {
    if (!(threshold > 0 && threshold <= 1)) throw new JarvisError('invalid-input', `threshold must be in (0, 1] (got ${String(threshold)}).`);
    return [...this.prefs.values()]
      .filter((p) => p.status === 'confirmed' || (p.status === 'learned' && this.confidenceOf(p) >= threshold))
      .sort((a, b) => PREFERENCE_CATEGORIES.indexOf(a.category) - PREFERENCE_CATEGORIES.indexOf(b.category) || a.key.localeCompare(b.key))
      .map((p) => ({ ...p, confidence: this.confidenceOf(p) }));
  }

  /**
   * The active preferences that concern a request (its language, task and category), without those a newer
   * one contradicts, within the token budget; and the ones left out, with the reason.
   */
  preferencesFor(request: PreferenceRequest | undefined, options: Omit<ApplyOptions, 'request'> = {}): SelectedPreferences {
    const budget = options.budgetTokens ?? DEFAULT_BUDGET_TOKENS;
    if (!(budget >= 0)) throw new JarvisError('invalid-input', `budgetTokens must be ≥ 0 (got ${String(options.budgetTokens)}).`);
    const active = this.activePreferences(options.threshold ?? this.threshold);
    // No request: every category counts (a code request in no particular language).
    return selectPreferences(active, request ?? { prompt: '```' }, budget);
  }

  /**
   * Appends the relevant confirmed and confident preferences to a prompt; returns it unchanged when none apply.
   * @param options a number is the threshold (the seed's signature); otherwise threshold, request and budget.
   */
  applyPreferencesToPrompt(prompt: string, options: number | ApplyOptions = {}): string {
    if (typeof prompt !== 'string') throw new JarvisError('invalid-input', 'applyPreferencesToPrompt needs the prompt as a string.');
    const o = typeof options === 'number' ? { threshold: options } : options;
    const { used } = this.preferencesFor(o.request ?? (prompt.trim() === '' ? undefined : { prompt }), o);
    if (used.length === 0) return prompt;
    return `${prompt}\n\nFollow the user's preferences unless the request says otherwise:\n${used.map((p) => `- ${p.statement}`).join('\n')}`;
  }

  toJSON(): Snapshot {
    return { version: 1, preferences: [...this.prefs.values()].map((p) => ({ ...p, sources: [...p.sources] })) };
  }

  /** Replaces the current preferences. @throws `invalid-input` for anything that is not a snapshot. */
  fromJSON(value: unknown): void {
    const s = value as Partial<Snapshot>;
    if (s?.version !== 1 || !Array.isArray(s.preferences) || !s.preferences.every(isPreference)) {
      throw new JarvisError('invalid-input', 'Not a saved preference snapshot (version 1).');
    }
    this.prefs.clear();
    for (const p of s.preferences) this.prefs.set(p.id, { ...p, sources: [...p.sources] });
  }

  private async recordAll(evidence: PreferenceEvidence[], source: PreferenceSource): Promise<Preference[]> {
    const touched = evidence.map((e) => this.record(e, source));
    this.trimPending();
    if (evidence.length > 0) await this.save();
    return touched.map((p) => ({ ...p, confidence: this.confidenceOf(p) }));
  }

  private record(evidence: PreferenceEvidence, source: PreferenceSource): Preference {
    const now = this.clock.now();
    const { confidence: readConfidence, ...e } = evidence;
    const w = weightOf(source, readConfidence);
    const id = `${e.category}:${e.key}`;
    const p = this.prefs.get(id);
    // What a reader proposes below the threshold waits for review instead of reaching prompts.
    const proposal = PROPOSING.has(source) && (source === 'llm' || w < this.threshold);
    let next: Preference;
    if (!p) {
      next = { ...e, id, status: proposal ? 'pending' : 'learned', confidence: w, evidenceCount: 1, sources: [source], createdAt: now, lastEvidenceAt: now };
    } else if (p.value === e.value) {
      // A rejected preference stays rejected: the same evidence must not sneak it back in.
      if (p.status === 'rejected') return p;
      next = {
        ...p,
        confidence: 1 - (1 - this.confidenceOf(p)) * (1 - w),
        evidenceCount: p.evidenceCount + 1,
        lastEvidenceAt: now,
        sources: addSource(p.sources, source),
      };
      if (p.status === 'confirmed') next.confidence = 1;
      // A pending one becomes learned only on evidence that alone is strong enough: repetition of a
      // doubtful reading never slips it into prompts silently.
      if (p.status === 'pending' && !proposal) next.status = 'learned';
    } else if (proposal && (p.status === 'learned' || p.status === 'confirmed')) {
      // A doubtful reading does not overturn what is known; it is simply not queued.
      return p;
    } else if (p.status === 'confirmed' && source !== 'explicit') {
      // Only the user overrides what the user confirmed.
      return p;
    } else {
      const current = this.confidenceOf(p);
      next =
        p.status === 'rejected' || source === 'explicit' || w >= current
          ? {
              ...e,
              id,
              status: proposal ? 'pending' : 'learned',
              confidence: w,
              evidenceCount: 1,
              sources: [source],
              createdAt: p.createdAt,
              lastEvidenceAt: now,
            }
          : { ...p, confidence: current * (1 - w), lastEvidenceAt: now };
    }
    this.prefs.set(id, next);
    return next;
  }

  private trimPending(): void {
    const pending = this.pendingPreferences();
    for (const p of pending.slice(MAX_PENDING)) this.prefs.delete(p.id);
  }

  private async review(id: string, change: (p: Preference) => Preference): Promise<Preference> {
    const p = this.prefs.get(id);
    if (!p) throw new JarvisError('invalid-input', `There is no preference "${String(id)}".`);
    const next = { ...change(p), lastEvidenceAt: this.clock.now() };
    this.prefs.set(id, next);
    await this.save();
    return next;
  }

  private save(): Promise<void> {
    return this.options.store.update(this.key, this.toJSON());
  }
}

function weightOf(source: PreferenceSource, readConfidence: number | undefined): number {
  if (typeof readConfidence !== 'number' || !Number.isFinite(readConfidence)) return SOURCE_WEIGHT[source];
  const c = Math.min(1, Math.max(0.01, readConfidence));
  if (source === 'explicit' || source === 'llm') return c;
  if (source === 'inferred') return Math.min(SOURCE_WEIGHT.inferred, c);
  return SOURCE_WEIGHT[source];
}

function addSource(sources: PreferenceSource[], s: PreferenceSource): PreferenceSource[] {
  return sources.includes(s) ? sources : [...sources, s];
}

function isPreference(v: unknown): v is Preference {
  const p = v as Partial<Preference>;
  return (
    typeof p?.id === 'string' &&
    isPreferenceCategory(p.category) &&
    typeof p.key === 'string' &&
    typeof p.value === 'string' &&
    typeof p.statement === 'string' &&
    (p.status === 'pending' || p.status === 'learned' || p.status === 'confirmed' || p.status === 'rejected') &&
    typeof p.confidence === 'number' &&
    typeof p.evidenceCount === 'number' &&
    Array.isArray(p.sources) &&
    typeof p.createdAt === 'number' &&
    typeof p.lastEvidenceAt === 'number'
  );
}
