import { throwIfAborted } from '../../common/abort';
import { systemClock, type Clock } from '../../common/Clock';
import { JarvisError, errorMessage } from '../../common/errors';
import type { CallSample } from './perf/PerformanceTracker';
import { PricingTable } from '../llm/pricing/PricingTable';
import type { ToolCall } from '../llm/tools/ToolTypes';
import type { LlmProvider, ProviderChunk, ProviderId } from '../llm/types';
import { FAILURE_TABLE } from '../resilience/failureTable';
import { toJarvisError } from '../resilience/toJarvisError';
import type { Attempt, SkippedAttempt } from './Attempt';
import { candidateKey, type AvailabilityCheck, type Candidate } from './Candidate';
import { DEFAULT_ROUTES, parseRoutingTable, type RoutingTable } from './RoutingTable';
import { TaskComplexity, TIER_NAMES, tierName } from './complexity/TaskComplexity';
import { fmt } from './contextExhausted';
import { ollamaNumCtx } from '../llm/contextLimits';
import { checkRouteRequest, checkTier, type RouteRequest } from './RouteRequest';
import type { RouteChunk } from './RouteResult';
import { routeExhausted } from './routeExhausted';
import { explainRoute } from './explainRoute';

export interface RouterOptions {
  /** At most one provider per id. */
  providers: readonly LlmProvider[];
  /** @default DEFAULT_ROUTES */
  routes?: RoutingTable;
  /** @default every candidate available */
  availability?: AvailabilityCheck;
  /** @default new PricingTable() */
  pricing?: PricingTable;
  /** Receives one sample per attempt, failed ones included. */
  tracker?: { record(sample: CallSample): void };
  clock?: Clock;
  /** Why a candidate cannot take a request with tools (e.g. an Ollama model without "tools"); undefined when it can. */
  toolSupport?: (candidate: Candidate) => string | undefined;
  /** Input tokens a candidate surely takes, and its whole window; undefined when unknown (not checked). */
  inputLimit?: (candidate: Candidate) => { input: number; window: number } | undefined;
}

export type { Refusal, RouteRequest } from './RouteRequest';
export type { RouteChunk, RouteResult } from './RouteResult';
export type { Attempt } from './Attempt';

/**
 * Picks candidate models for a complexity tier and streams from the first that works. Before the
 * first text chunk a failure moves on to the next candidate; after it, the failure is the user's to
 * see (they already read part of that answer), so it is thrown.
 */
export class Router {
  private readonly providers = new Map<ProviderId, LlmProvider>();
  private readonly routes: RoutingTable;
  private readonly availability: AvailabilityCheck;
  private readonly pricing: PricingTable;
  private readonly clock: Clock;

  constructor(private readonly options: RouterOptions) {
    if (!options || !Array.isArray(options.providers)) {
      throw new JarvisError('invalid-input', 'Router needs { providers: LlmProvider[] }.');
    }
    for (const p of options.providers) {
      if (this.providers.has(p.id)) throw new JarvisError('invalid-input', `Router was given two "${p.id}" providers; pass one per provider id.`);
      this.providers.set(p.id, p);
    }
    this.routes = options.routes ? parseRoutingTable(options.routes) : DEFAULT_ROUTES;
    this.availability = options.availability ?? (() => ({ ok: true }));
    this.pricing = options.pricing ?? new PricingTable();
    this.clock = options.clock ?? systemClock;
  }

  isLocal(c: Candidate): boolean {
    return this.providers.get(c.provider)?.local ?? c.provider === 'ollama';
  }

  /**
   * Every candidate in the order it would be tried: the tier's own list, then neighbouring tiers
   * (nearest first, cheaper first on ties) so a missing model degrades to the closest one configured.
   */
  order(tier: TaskComplexity, prefer?: 'local' | 'cloud'): Candidate[] {
    checkTier(tier);
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (let d = 0; d < TIER_NAMES.length; d++) {
      for (const t of d === 0 ? [tier] : [tier - d, tier + d]) {
        if (t < 1 || t > 5) continue;
        for (const c of this.routes[tierName(t)]) {
          const key = candidateKey(c);
          if (!seen.has(key)) {
            seen.add(key);
            out.push(c);
          }
        }
      }
    }
    if (!prefer) return out;
    const first = out.filter((c) => this.isLocal(c) === (prefer === 'local'));
    return [...first, ...out.filter((c) => !first.includes(c))];
  }

  /** The candidates usable now, in order, and why the others are not. Does not call any model. */
  async select(
    request: Pick<RouteRequest, 'tier' | 'prefer' | 'privacy' | 'cloudBlocked' | 'localBlocked'>,
  ): Promise<{ usable: Candidate[]; skipped: SkippedAttempt[] }> {
    const usable: Candidate[] = [];
    const skipped: SkippedAttempt[] = [];
    for (const c of this.order(request.tier, request.prefer)) {
      const why = this.blockedReason(c, request) ?? (await this.unavailableReason(c));
      if (why) skipped.push({ candidate: c, outcome: 'skipped', reason: why });
      else usable.push(c);
    }
    return { usable, skipped };
  }

  async *executeWithFallback(request: RouteRequest): AsyncGenerator<RouteChunk, void, undefined> {
    checkRouteRequest(request);
    throwIfAborted(request.signal);
    const start = this.clock.monotonic();
    const attempts: Attempt[] = [];
    for (const candidate of this.candidatesFor(request)) {
      const blocked = this.blockedReason(candidate, request);
      if (blocked) {
        // Policy blocks are summarised once in the reason; listing every cloud model adds noise.
        if (this.routes[tierName(request.tier)].includes(candidate)) attempts.push({ candidate, outcome: 'skipped', reason: blocked });
        continue;
      }
      const unavailable = (await this.unavailableReason(candidate)) ?? this.noToolSupport(candidate, request);
      if (unavailable) {
        attempts.push({ candidate, outcome: 'skipped', reason: unavailable });
        continue;
      }
      const window = this.windowCheck(candidate, request);
      if (window.tooLong) {
        attempts.push(window.tooLong);
        continue;
      }
      throwIfAborted(request.signal);
      const provider = this.providers.get(candidate.provider) as LlmProvider;
      const local = provider.local;
      const attemptStart = this.clock.monotonic();
      let ttftMs: number | undefined;
      let attemptTtft: number | undefined;
      let text = '';
      const toolCalls: ToolCall[] = [];
      let done: Extract<ProviderChunk, { type: 'done' }> | undefined;
      const commit = (): RouteChunk => ({ type: 'model', provider: candidate.provider, model: candidate.model, local, attempts: [...attempts] });
      try {
        const tools = request.tools?.length ? { tools: request.tools, toolMode: request.toolMode } : {};
        for await (const chunk of provider.chat({
          model: candidate.model,
          messages: request.messages,
          temperature: request.temperature,
          maxTokens: request.maxTokens,
          signal: request.signal,
          ...(window.contextTokens ? { contextTokens: window.contextTokens } : {}),
          ...tools,
        })) {
          if (chunk.type === 'toolCall') {
            // A call is an answer too: it commits to this candidate like the first text does.
            if (ttftMs === undefined) {
              ttftMs = this.clock.monotonic() - start;
              attemptTtft = this.clock.monotonic() - attemptStart;
              yield commit();
            }
            toolCalls.push(chunk.call);
            yield chunk;
            continue;
          }
          if (chunk.type === 'text') {
            if (chunk.text === '') continue;
            if (ttftMs === undefined) {
              ttftMs = this.clock.monotonic() - start;
              attemptTtft = this.clock.monotonic() - attemptStart;
              yield commit();
            }
            text += chunk.text;
            yield { type: 'text', text: chunk.text };
          } else if (chunk.type === 'done') {
            done = chunk;
          }
        }
        if (!done)
          throw new JarvisError('invalid-response', `${candidate.provider} ended the answer from ${candidate.model} without a final message.`, {
            provider: candidate.provider,
            model: candidate.model,
          });
      } catch (e) {
        const err = toJarvisError(e, { provider: candidate.provider, model: candidate.model });
        this.track({
          provider: candidate.provider,
          model: candidate.model,
          success: false,
          latencyMs: this.clock.monotonic() - attemptStart,
          ttftMs: attemptTtft,
        });
        // Failures that say nothing about the request itself move on: another candidate may well succeed.
        if (ttftMs !== undefined || !FAILURE_TABLE[err.code].nextModel) throw err;
        attempts.push({ candidate, outcome: 'failed', error: { code: err.code, message: err.message } });
        continue;
      }
      if (ttftMs === undefined) yield commit();
      const cost = this.pricing.costOf(done.model || candidate.model, done.usage, { local });
      const latencyMs = this.clock.monotonic() - start;
      this.track({
        provider: candidate.provider,
        model: candidate.model,
        success: true,
        latencyMs: this.clock.monotonic() - attemptStart,
        ttftMs: attemptTtft,
        usage: done.usage,
        cost,
      });
      attempts.push({ candidate, outcome: 'answered' });
      yield {
        type: 'done',
        result: {
          candidate,
          provider: candidate.provider,
          model: done.model || candidate.model,
          local,
          tier: request.tier,
          reason: explainRoute(request, candidate, attempts),
          attempts,
          cost,
          latencyMs,
          ttftMs,
          usage: done.usage,
          finishReason: done.finishReason,
          text,
          toolCalls,
        },
      };
      return;
    }
    throw routeExhausted(request, attempts, (c) => this.isLocal(c));
  }

  private blockedReason(c: Candidate, r: Pick<RouteRequest, 'privacy' | 'cloudBlocked' | 'localBlocked'>): string | undefined {
    if (this.isLocal(c)) return r.localBlocked;
    if (r.privacy?.localOnly) return `kept on this machine: ${r.privacy.reasons.join('; ')}`;
    return r.cloudBlocked?.message;
  }

  /** The candidates to try in order: just `only`, or the usual order with `first` moved ahead. */
  private candidatesFor(request: RouteRequest): Candidate[] {
    if (request.only) return [request.only];
    const order = this.order(request.tier, request.prefer);
    const first = request.first;
    if (!first) return order;
    const same = (c: Candidate) => c.provider === first.provider && c.model === first.model;
    return [order.find(same) ?? first, ...order.filter((c) => !same(c))];
  }

  private noToolSupport(c: Candidate, request: RouteRequest): string | undefined {
    if (!request.tools?.length) return undefined;
    if (c.provider === 'vscode') return "tool calls are not passed on to other extensions' models";
    return this.options.toolSupport?.(c);
  }

  /** A candidate whose window the request does not fit is skipped; a local one that fits gets the window it needs. */
  private windowCheck(c: Candidate, request: RouteRequest): { tooLong?: SkippedAttempt; contextTokens?: number } {
    const tokens = request.inputTokens;
    const limit = tokens === undefined ? undefined : this.options.inputLimit?.(c);
    if (tokens === undefined || !limit) return {};
    if (tokens > limit.input) {
      const reason = `the request is about ${fmt(tokens)} tokens, more than ${c.model} takes (${fmt(limit.input)} of its ${fmt(limit.window)}-token context window)`;
      return { tooLong: { candidate: c, outcome: 'skipped', reason, window: { tokens, limit: limit.input } } };
    }
    return this.isLocal(c) ? { contextTokens: ollamaNumCtx(tokens, limit.window) } : {};
  }

  private async unavailableReason(c: Candidate): Promise<string | undefined> {
    if (!this.providers.has(c.provider)) return `no ${c.provider} provider is set up`;
    try {
      const a = await this.availability(c);
      return a.ok ? undefined : a.reason;
    } catch (e) {
      return `availability check failed: ${errorMessage(e)}`;
    }
  }

  private track(sample: CallSample): void {
    // Statistics must never break an answer.
    try {
      this.options.tracker?.record(sample);
    } catch {
      /* ignored */
    }
  }
}
