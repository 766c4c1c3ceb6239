/** The five complexity tiers, by name, as settings and /tier spell them (routing maps them to levels). */
export type TierName = 'trivial' | 'low' | 'medium' | 'high' | 'critical';

export const TIER_NAMES: readonly TierName[] = ['trivial', 'low', 'medium', 'high', 'critical'];
