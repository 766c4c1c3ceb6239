import { JarvisError } from '../../../common/errors';
import { TIER_NAMES, type TierName } from '../../config/tiers';

/** How demanding a request is; the router maps each level to a tier of candidate models. */
export enum TaskComplexity {
  /** Definitions, one-line facts. */
  TRIVIAL = 1,
  /** Explanations, small snippets. */
  LOW = 2,
  /** Everyday development: write, fix, refactor. */
  MEDIUM = 3,
  /** Architecture, algorithms, risky changes. */
  HIGH = 4,
  /** Mission-critical: needs the best model available. */
  CRITICAL = 5,
}

// Declared by config (settings name the tiers, and config imports nothing from the rest of core).
export { TIER_NAMES, type TierName } from '../../config/tiers';

export function tierName(level: TaskComplexity): TierName {
  return TIER_NAMES[level - 1];
}

/** Accepts a level number (1–5) or a tier name, as a user or a setting may write it. */
export function parseComplexity(value: unknown): TaskComplexity {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) return value;
  if (typeof value === 'string') {
    const i = TIER_NAMES.indexOf(value.trim().toLowerCase() as TierName);
    if (i >= 0) return (i + 1) as TaskComplexity;
  }
  throw new JarvisError('invalid-input', `Complexity must be one of trivial, low, medium, high, critical (or 1–5); got ${JSON.stringify(value)}.`);
}
