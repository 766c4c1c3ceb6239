/** The eight preference categories of the design manual (Phase 10, preference_learner). */
export const PREFERENCE_CATEGORIES = [
  'coding_style',
  'communication',
  'tools',
  'workflow',
  'architecture',
  'documentation',
  'error_handling',
  'testing',
] as const;

export type PreferenceCategory = (typeof PREFERENCE_CATEGORIES)[number];

export function isPreferenceCategory(v: unknown): v is PreferenceCategory {
  return typeof v === 'string' && (PREFERENCE_CATEGORIES as readonly string[]).includes(v);
}
