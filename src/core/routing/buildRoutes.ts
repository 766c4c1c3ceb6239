import type { JarvisSettings } from '../config/settings';
import { candidateKey, type Candidate } from './Candidate';
import { sameModel } from '../llm/ollama/modelName';
import { parseRoutingTable, type RoutingTable } from './RoutingTable';
import { TIER_NAMES, type TierName } from './complexity/TaskComplexity';

/** Tiers where vscode.lm models join as cloud candidates (after the configured cloud models). */
const VSCODE_TIERS: ReadonlySet<TierName> = new Set(['medium', 'high', 'critical']);

/**
 * The routing table the service uses: `jarvis.routing.tiers` (validated), vscode.lm models as extra
 * cloud candidates when enabled, and `ollama:<jarvis.ollama.model>` as the last resort of EVERY tier,
 * so a user with one local model and no keys always gets an answer.
 * @throws JarvisError invalid-input when the tiers setting is malformed.
 */
export function buildRoutes(settings: JarvisSettings, vscodeModels: readonly string[] = []): RoutingTable {
  const base = parseRoutingTable(settings.routing.tiers);
  const lastResort: Candidate = { provider: 'ollama', model: settings.ollama.model };
  const extra: Candidate[] = settings.routing.useVscodeModels ? vscodeModels.map((model) => ({ provider: 'vscode', model })) : [];
  const out = {} as Record<TierName, Candidate[]>;
  for (const tier of TIER_NAMES) {
    const list = [...base[tier]];
    const keys = new Set(list.map(candidateKey));
    const add = (c: Candidate) => {
      if (!keys.has(candidateKey(c))) {
        keys.add(candidateKey(c));
        list.push(c);
      }
    };
    if (VSCODE_TIERS.has(tier)) extra.forEach(add);
    if (!list.some((c) => c.provider === 'ollama' && sameModel(c.model, lastResort.model))) add(lastResort);
    out[tier] = list;
  }
  return Object.freeze(out);
}
