import type { PreferenceCategory } from './PreferenceCategory';

/**
 * Where a piece of evidence came from; each source moves confidence by a different step. `llm`: the local
 * model's background reading of a message (its proposals always wait for review).
 */
export type PreferenceSource = 'explicit' | 'inferred' | 'workspace-config' | 'edit' | 'llm';

/** One observation that the user prefers something. */
export interface PreferenceEvidence {
  category: PreferenceCategory;
  /** What the preference is about, e.g. `language`, `indent`, `quotes`, `avoid:var`. One value per key. */
  key: string;
  /** e.g. `TypeScript`, `2 spaces`, `single`. */
  value: string;
  /** Instruction-style text for prompts, e.g. "Use TypeScript (preferred over JavaScript)". */
  statement: string;
  /** How sure the reader (extractor or local model) is, 0–1; when absent the source's own weight is used. */
  confidence?: number;
}

/**
 * `pending`: proposed below the confidence threshold and waiting in the review queue ("Jarvis noticed: you
 * prefer … — Keep / Edit / Dismiss"); never applied to prompts until the user keeps it.
 */
export type PreferenceStatus = 'pending' | 'learned' | 'confirmed' | 'rejected';

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
