import { type Clock, systemClock } from '../../../common/Clock';
import { JarvisError } from '../../../common/errors';
import type { KeyValueStore } from '../../ports';
import { extractPreferences } from './extractPreferences';
import type { Preference, PreferenceEvidence, PreferenceSource } from './Preference';
import { isPreferenceCategory, PREFERENCE_CATEGORIES, type PreferenceCategory } from './PreferenceCategory';
import { type ConfigFile, readWorkspaceConfig } from './readWorkspaceConfig';
import { alwaysTrusted, assertTrusted, type WorkspaceTrust } from '../store/WorkspaceTrust';

/**
 * How far one piece of evidence moves confidence, by source. Repetition combines as a noisy-or,
 * c ← 1 − (1 − c)(1 − w): an explicit statement alone reaches the prompt threshold (0.7, as in the
 * seed's PREFERENCE_CONFIDENCE_THRESHOLD); an edit is weak evidence that takes ~8 repetitions.
 */
const SOURCE_WEIGHT: Record<PreferenceSource, number> = {
  explicit: 0.7,
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
    return this.recordAll(extractPreferences(text), source);
  }

  /** Learns from .editorconfig / Prettier / ESLint JSON contents. Refused in an untrusted workspace. */
  async learnFromWorkspaceConfig(files: ConfigFile[]): Promise<Preference[]> {
    assertTrusted(this.trust, 'learn preferences from workspace files');
    if (!Array.isArray(files)) throw new JarvisError('invalid-input', 'learnFromWorkspaceConfig needs a list of files.');
    return this.recordAll(files.flatMap((f) => readWorkspaceConfig(f)), 'workspace-config');
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

  /** Appends confirmed and confident preferences to a prompt; returns it unchanged when there are none. */
  applyPreferencesToPrompt(prompt: string, threshold = this.threshold): string {
    if (typeof prompt !== 'string') throw new JarvisError('invalid-input', 'applyPreferencesToPrompt needs the prompt as a string.');
    const active = this.activePreferences(threshold);
    if (active.length === 0) return prompt;
    return `${prompt}\n\nFollow the user's preferences unless the request says otherwise:\n${active.map((p) => `- ${p.statement}`).join('\n')}`;
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
    if (evidence.length > 0) await this.save();
    return touched.map((p) => ({ ...p, confidence: this.confidenceOf(p) }));
  }

  private record(e: PreferenceEvidence, source: PreferenceSource): Preference {
    const now = this.clock.now();
    const w = SOURCE_WEIGHT[source];
    const id = `${e.category}:${e.key}`;
    const p = this.prefs.get(id);
    let next: Preference;
    if (!p) {
      next = { ...e, id, status: 'learned', confidence: w, evidenceCount: 1, sources: [source], createdAt: now, lastEvidenceAt: now };
    } else if (p.value === e.value) {
      // A rejected preference stays rejected: the same evidence must not sneak it back in.
      if (p.status === 'rejected') return p;
      next = { ...p, confidence: 1 - (1 - this.confidenceOf(p)) * (1 - w), evidenceCount: p.evidenceCount + 1, lastEvidenceAt: now, sources: addSource(p.sources, source) };
      if (p.status === 'confirmed') next.confidence = 1;
    } else if (p.status === 'confirmed' && source !== 'explicit') {
      // Only the user overrides what the user confirmed.
      return p;
    } else {
      const current = this.confidenceOf(p);
      next =
        p.status === 'rejected' || source === 'explicit' || w >= current
          ? { ...e, id, status: 'learned', confidence: w, evidenceCount: 1, sources: [source], createdAt: p.createdAt, lastEvidenceAt: now }
          : { ...p, confidence: current * (1 - w), lastEvidenceAt: now };
    }
    this.prefs.set(id, next);
    return next;
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
    (p.status === 'learned' || p.status === 'confirmed' || p.status === 'rejected') &&
    typeof p.confidence === 'number' &&
    typeof p.evidenceCount === 'number' &&
    Array.isArray(p.sources) &&
    typeof p.createdAt === 'number' &&
    typeof p.lastEvidenceAt === 'number'
  );
}
