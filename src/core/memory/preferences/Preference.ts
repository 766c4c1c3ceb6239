import type { PreferenceCategory } from './PreferenceCategory';

/** Where a piece of evidence came from; each source moves confidence by a different step. */
export type PreferenceSource = 'explicit' | 'inferred' | 'workspace-config' | 'edit';

/** One observation that the user prefers something. */
export interface PreferenceEvidence {
  category: PreferenceCategory;
  /** What the preference is about, e.g. `language`, `indent`, `quotes`, `avoid:var`. One value per key. */
  key: string;
  /** e.g. `TypeScript`, `2 spaces`, `single`. */
  value: string;
  /** Instruction-style text for prompts, e.g. "Use TypeScript (preferred over JavaScript)". */
  statement: string;
}

export type PreferenceStatus = 'learned' | 'confirmed' | 'rejected';

export interface Preference extends PreferenceEvidence {
  /** `${category}:${key}` */
  id: string;
  status: PreferenceStatus;
  /** Stored confidence as of `lastEvidenceAt`, 0–1; see PreferenceLearner for decay. */
  confidence: number;
  evidenceCount: number;
  sources: PreferenceSource[];
  createdAt: number;
  lastEvidenceAt: number;
}
