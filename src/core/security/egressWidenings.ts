import type { JarvisSettings } from '../config/settings';

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
/** A budget of 0 means no cap: going to 0, or up, widens. */
const raisedCap = (x: number, y: number) => (y === 0 ? x !== 0 : x !== 0 && y > x);
const more = (name: string, x: number, y: number, what: string) => (y > x ? `${name} ${x} → ${y}: ${what}` : undefined);
const less = (name: string, x: number, y: number, what: string) => (y < x ? `${name} ${x} → ${y}: ${what}` : undefined);
/** Models whose override is new or cheaper in either direction (the price database's own price is not known here). */
const cheaperPrices = (b: JarvisSettings['pricing']['overrides'], a: JarvisSettings['pricing']['overrides']): string[] =>
  Object.entries(a)
    .filter(([model, p]) => !b[model] || p.input < b[model].input || p.output < b[model].output)
    .map(([model]) => model);
/** The gateway's bucket size: 0 means as many as the refill. */
const burstOf = (g: JarvisSettings['gateway']) => g.rateLimit.burst || g.rateLimit.requests;

type Widening = (b: JarvisSettings, a: JarvisSettings) => string | undefined;

/**
 * Each setting that could let more of the user's code or text leave the machine (or go somewhere
 * new, or be audited less), with the change that does so as a sentence for the audit log. One table
 * for both uses: its keys are package.json's `capabilities.untrustedWorkspaces.restrictedConfigurations`
 * (a test checks they agree) and its rules are what `settings-widened-egress` records are written from,
 * so a restricted setting cannot be added without saying how it widens egress.
 */
const WIDENINGS: Record<string, Widening> = {
  'jarvis.privacy.mode': (b, a) =>
    PRIVACY_ORDER[a.privacy.mode] > PRIVACY_ORDER[b.privacy.mode] ? `privacy.mode ${b.privacy.mode} → ${a.privacy.mode}` : undefined,
  'jarvis.privacy.localOnly': (b, a) => {
    const removed = b.privacy.localOnly.filter((p) => !a.privacy.localOnly.includes(p));
    return removed.length ? `privacy.localOnly no longer keeps ${removed.join(', ')} local` : undefined;
  },
  'jarvis.routing.localRatio': (b, a) =>
    a.routing.localRatio < b.routing.localRatio ? `routing.localRatio ${b.routing.localRatio} → ${a.routing.localRatio}` : undefined,
  'jarvis.routing.complexity': (b, a) =>
    a.routing.complexity !== 'auto' && TIER_ORDER[a.routing.complexity] > TIER_ORDER[b.routing.complexity]
      ? `routing.complexity forced to ${a.routing.complexity}`
      : undefined,
  'jarvis.routing.tiers': (b, a) => {
    const before = cloudCandidates(b.routing.tiers);
    const added = [...cloudCandidates(a.routing.tiers)].filter((c) => !before.has(c));
    return added.length ? `routing.tiers add cloud models ${added.join(', ')}` : undefined;
  },
  'jarvis.routing.useVscodeModels': (b, a) =>
    !b.routing.useVscodeModels && a.routing.useVscodeModels ? "routing.useVscodeModels on: other extensions' models may answer" : undefined,
  'jarvis.routing.qualityJudge': (b, a) =>
    a.routing.qualityJudge === 'rules+cloud' && b.routing.qualityJudge !== 'rules+cloud' ? 'routing.qualityJudge uses a cloud judge' : undefined,
  'jarvis.routing.qualityThreshold': (b, a) =>
    more('routing.qualityThreshold', b.routing.qualityThreshold, a.routing.qualityThreshold, 'more local answers are escalated to the cloud'),
  'jarvis.routing.learnFromFeedback': (b, a) =>
    !b.routing.learnFromFeedback && a.routing.learnFromFeedback
      ? 'routing.learnFromFeedback on: requests like earlier /cloud re-asks go to the cloud'
      : undefined,
  'jarvis.ollama.enabled': (b, a) => (b.ollama.enabled && !a.ollama.enabled ? 'ollama.enabled off: no local model, answers come from the cloud' : undefined),
  'jarvis.openai.baseUrl': (b, a) => (a.openai.baseUrl !== b.openai.baseUrl ? `openai.baseUrl → ${a.openai.baseUrl}` : undefined),
  'jarvis.anthropic.baseUrl': (b, a) => (a.anthropic.baseUrl !== b.anthropic.baseUrl ? `anthropic.baseUrl → ${a.anthropic.baseUrl}` : undefined),
  'jarvis.ollama.host': (b, a) =>
    a.ollama.host !== b.ollama.host && !isLoopbackUrl(a.ollama.host) ? `ollama.host → ${a.ollama.host} (not this machine)` : undefined,
  'jarvis.cloudModels.refreshHours': (b, a) =>
    a.cloudModels.refreshHours !== 0 && (b.cloudModels.refreshHours === 0 || a.cloudModels.refreshHours < b.cloudModels.refreshHours)
      ? `cloudModels.refreshHours ${b.cloudModels.refreshHours} → ${a.cloudModels.refreshHours}: the providers' model lists are fetched more often`
      : undefined,
  'jarvis.cache.redisUrl': (b, a) =>
    a.cache.redisUrl !== '' && a.cache.redisUrl !== b.cache.redisUrl ? 'cache.redisUrl: answers are shared through a Redis tier' : undefined,
  'jarvis.cache.enabled': (b, a) =>
    a.cache.redisUrl !== '' && !b.cache.enabled && a.cache.enabled ? 'cache.enabled on with a Redis tier: answers are shared through it' : undefined,
  'jarvis.alerts.webhookUrl': (b, a) =>
    a.alerts.webhookUrl !== '' && a.alerts.webhookUrl !== b.alerts.webhookUrl ? 'alerts.webhookUrl: alerts are posted to a webhook' : undefined,
  'jarvis.alerts.enabled': (b, a) =>
    a.alerts.webhookUrl !== '' && !b.alerts.enabled && a.alerts.enabled ? 'alerts.enabled on with a webhook: alerts are posted to it' : undefined,
  'jarvis.memory.embedder': (b, a) =>
    a.memory.embedder === 'openai' && b.memory.embedder !== 'openai' ? 'memory.embedder openai: memories are embedded by OpenAI' : undefined,
  'jarvis.memory.enabled': (b, a) => (!b.memory.enabled && a.memory.enabled ? 'memory.enabled on: remembered context is added to prompts' : undefined),
  'jarvis.memory.contextTokenBudget': (b, a) =>
    more('memory.contextTokenBudget', b.memory.contextTokenBudget, a.memory.contextTokenBudget, 'more remembered context in each prompt'),
  'jarvis.memory.maxResults': (b, a) => more('memory.maxResults', b.memory.maxResults, a.memory.maxResults, 'more memories in each prompt'),
  'jarvis.preferences.maxPromptTokens': (b, a) =>
    more('preferences.maxPromptTokens', b.preferences.maxPromptTokens, a.preferences.maxPromptTokens, 'more learned preferences in each prompt'),
  'jarvis.chat.historyTurns': (b, a) =>
    more('chat.historyTurns', b.chat.historyTurns, a.chat.historyTurns, 'more of the conversation is sent with each request'),
  'jarvis.budget.dailyUsd': (b, a) =>
    raisedCap(b.budget.dailyUsd, a.budget.dailyUsd)
      ? `budget.dailyUsd ${b.budget.dailyUsd} → ${a.budget.dailyUsd === 0 ? 'no cap' : a.budget.dailyUsd}`
      : undefined,
  'jarvis.budget.monthlyUsd': (b, a) =>
    raisedCap(b.budget.monthlyUsd, a.budget.monthlyUsd)
      ? `budget.monthlyUsd ${b.budget.monthlyUsd} → ${a.budget.monthlyUsd === 0 ? 'no cap' : a.budget.monthlyUsd}`
      : undefined,
  'jarvis.pricing.overrides': (b, a) => {
    const cheaper = cheaperPrices(b.pricing.overrides, a.pricing.overrides);
    return cheaper.length ? `pricing.overrides new or lower prices for ${cheaper.join(', ')}: the budget counts less for their requests` : undefined;
  },
  'jarvis.resilience.maxRetries': (b, a) =>
    more('resilience.maxRetries', b.resilience.maxRetries, a.resilience.maxRetries, 'a failed cloud request is sent again more often'),
  'jarvis.resilience.firstTokenTimeoutSeconds': (b, a) =>
    less(
      'resilience.firstTokenTimeoutSeconds',
      b.resilience.firstTokenTimeoutSeconds,
      a.resilience.firstTokenTimeoutSeconds,
      'slow local models give way to the next (cloud) model sooner',
    ),
  'jarvis.resilience.idleTimeoutSeconds': (b, a) =>
    less(
      'resilience.idleTimeoutSeconds',
      b.resilience.idleTimeoutSeconds,
      a.resilience.idleTimeoutSeconds,
      'stalled local answers give way to the cloud sooner',
    ),
  'jarvis.resilience.breakerThreshold': (b, a) =>
    less('resilience.breakerThreshold', b.resilience.breakerThreshold, a.resilience.breakerThreshold, 'a failing local model is skipped for the cloud sooner'),
  'jarvis.resilience.breakerCooldownSeconds': (b, a) =>
    more(
      'resilience.breakerCooldownSeconds',
      b.resilience.breakerCooldownSeconds,
      a.resilience.breakerCooldownSeconds,
      'a skipped local model stays skipped longer',
    ),
  'jarvis.audit.storeContent': (b, a) =>
    !b.audit.storeContent && a.audit.storeContent ? 'audit.storeContent on: the text sent to cloud models is kept in the ledger' : undefined,
  'jarvis.audit.retentionDays': (b, a) => less('audit.retentionDays', b.audit.retentionDays, a.audit.retentionDays, 'audit records are folded away sooner'),
  'jarvis.log.file': (b, a) => (a.log.file !== '' && a.log.file !== b.log.file ? `log.file → ${a.log.file}: the log is also written there` : undefined),
  'jarvis.gateway.enabled': (b, a) =>
    !b.gateway.enabled && a.gateway.enabled
      ? `gateway.enabled: other tools on this machine can send requests through Jarvis (port ${a.gateway.port})`
      : undefined,
  'jarvis.gateway.port': (b, a) =>
    a.gateway.enabled && b.gateway.enabled && a.gateway.port !== b.gateway.port ? `gateway.port ${b.gateway.port} → ${a.gateway.port}` : undefined,
  'jarvis.gateway.rateLimit.requests': (b, a) =>
    more('gateway.rateLimit.requests', b.gateway.rateLimit.requests, a.gateway.rateLimit.requests, 'gateway clients may send more requests'),
  'jarvis.gateway.rateLimit.window': (b, a) =>
    less('gateway.rateLimit.window', b.gateway.rateLimit.window, a.gateway.rateLimit.window, 'gateway clients may send more requests'),
  'jarvis.gateway.rateLimit.burst': (b, a) =>
    a.gateway.rateLimit.burst !== b.gateway.rateLimit.burst
      ? more('gateway.rateLimit.burst', burstOf(b.gateway), burstOf(a.gateway), 'gateway clients may send more requests at once')
      : undefined,
};

/**
 * Settings a workspace must not set in Restricted Mode (package.json's
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`, checked against this list by a test).
 */
export const EGRESS_SETTINGS: readonly string[] = Object.keys(WIDENINGS);

/**
 * The settings changes that let more of the user's code or text leave the machine, or go somewhere
 * new, each as a sentence for the audit log (see WIDENINGS). Narrowing changes return nothing.
 */
export function egressWidenings(before: JarvisSettings, after: JarvisSettings): string[] {
  return Object.values(WIDENINGS).flatMap((widens) => widens(before, after) ?? []);
}
