import type { JarvisSettings } from '../config/settings';

/**
 * Settings a workspace must not set in Restricted Mode (package.json's
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`, checked against this list by a test):
 * everything egressWidenings watches, plus where logs are written, content kept in the ledger, and
 * the gateway (a cloned repository must not open a server on this machine).
 */
export const EGRESS_SETTINGS: readonly string[] = [
  'jarvis.privacy.mode',
  'jarvis.privacy.localOnly',
  'jarvis.routing.localRatio',
  'jarvis.routing.complexity',
  'jarvis.routing.tiers',
  'jarvis.routing.useVscodeModels',
  'jarvis.routing.qualityJudge',
  'jarvis.openai.baseUrl',
  'jarvis.anthropic.baseUrl',
  'jarvis.ollama.host',
  'jarvis.cache.redisUrl',
  'jarvis.alerts.webhookUrl',
  'jarvis.memory.embedder',
  'jarvis.budget.dailyUsd',
  'jarvis.budget.monthlyUsd',
  'jarvis.audit.storeContent',
  'jarvis.log.file',
  'jarvis.gateway.enabled',
  'jarvis.gateway.port',
];

/** block keeps everything with a secret off the cloud, keepLocal answers it locally, redact sends it (redacted). */
const PRIVACY_ORDER = { block: 0, keepLocal: 1, redact: 2 } as const;
const TIER_ORDER = { auto: -1, trivial: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

const isLoopbackUrl = (url: string): boolean => {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
};
const cloudCandidates = (tiers: JarvisSettings['routing']['tiers']): Set<string> =>
  new Set(
    Object.values(tiers)
      .flat()
      .filter((c) => !c.startsWith('ollama:')),
  );

/**
 * The settings changes that let more of the user's code or text leave the machine, or go somewhere
 * new, each as a sentence for the audit log: a looser privacy mode, fewer local-only patterns, a lower
 * local share, a forced higher tier, new cloud models, new endpoints (cloud base URLs, a remote
 * Ollama, a Redis tier, an alert webhook), embeddings or the quality judge moving to the cloud,
 * other extensions' models, larger budgets. Narrowing changes return nothing.
 */
export function egressWidenings(before: JarvisSettings, after: JarvisSettings): string[] {
  const out: string[] = [];
  const b = before;
  const a = after;
  if (PRIVACY_ORDER[a.privacy.mode] > PRIVACY_ORDER[b.privacy.mode]) out.push(`privacy.mode ${b.privacy.mode} → ${a.privacy.mode}`);
  const removed = b.privacy.localOnly.filter((p) => !a.privacy.localOnly.includes(p));
  if (removed.length) out.push(`privacy.localOnly no longer keeps ${removed.join(', ')} local`);
  if (a.routing.localRatio < b.routing.localRatio) out.push(`routing.localRatio ${b.routing.localRatio} → ${a.routing.localRatio}`);
  if (a.routing.complexity !== 'auto' && TIER_ORDER[a.routing.complexity] > TIER_ORDER[b.routing.complexity]) {
    out.push(`routing.complexity forced to ${a.routing.complexity}`);
  }
  const cloudBefore = cloudCandidates(b.routing.tiers);
  const added = [...cloudCandidates(a.routing.tiers)].filter((c) => !cloudBefore.has(c));
  if (added.length) out.push(`routing.tiers add cloud models ${added.join(', ')}`);
  if (!b.routing.useVscodeModels && a.routing.useVscodeModels) out.push("routing.useVscodeModels on: other extensions' models may answer");
  if (a.routing.qualityJudge === 'rules+cloud' && b.routing.qualityJudge !== 'rules+cloud') out.push('routing.qualityJudge uses a cloud judge');
  for (const p of ['openai', 'anthropic'] as const) {
    if (a[p].baseUrl !== b[p].baseUrl) out.push(`${p}.baseUrl → ${a[p].baseUrl}`);
  }
  if (a.ollama.host !== b.ollama.host && !isLoopbackUrl(a.ollama.host)) out.push(`ollama.host → ${a.ollama.host} (not this machine)`);
  if (a.cache.redisUrl !== '' && a.cache.redisUrl !== b.cache.redisUrl) out.push('cache.redisUrl: answers are shared through a Redis tier');
  if (a.alerts.webhookUrl !== '' && a.alerts.webhookUrl !== b.alerts.webhookUrl) out.push('alerts.webhookUrl: alerts are posted to a webhook');
  if (a.memory.embedder === 'openai' && b.memory.embedder !== 'openai') out.push('memory.embedder openai: memories are embedded by OpenAI');
  const raised = (x: number, y: number) => (y === 0 ? x !== 0 : x !== 0 && y > x);
  if (raised(b.budget.dailyUsd, a.budget.dailyUsd))
    out.push(`budget.dailyUsd ${b.budget.dailyUsd} → ${a.budget.dailyUsd === 0 ? 'no cap' : a.budget.dailyUsd}`);
  if (raised(b.budget.monthlyUsd, a.budget.monthlyUsd))
    out.push(`budget.monthlyUsd ${b.budget.monthlyUsd} → ${a.budget.monthlyUsd === 0 ? 'no cap' : a.budget.monthlyUsd}`);
  return out;
}
