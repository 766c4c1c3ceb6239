import { isDeepStrictEqual } from 'node:util';
import type { IDisposable } from '../../common/Disposable';
import { Emitter, type Event } from '../../common/Emitter';
import { isJarvisError, JarvisError } from '../../common/errors';
import { FAILURE_TABLE } from '../resilience/failureTable';
import type { ChatChunk } from '../chat/ChatChunk';
import type { PreparedRequest } from '../chat/ChatPipeline';
import type { JarvisSettings } from '../config/settings';
import { ProviderRegistry } from '../llm/ProviderRegistry';
import type { QualityGate } from './quality/QualityGate';
import { defaultQualityGate } from './quality/defaultQualityGate';
import { candidateKey } from './Candidate';
import type { HybridRequest, Placement } from './HybridStrategy';
import { tierName } from './complexity/TaskComplexity';
import type { LlmProvider } from '../llm/types';
import type { CircuitBreakers } from '../resilience/CircuitBreakers';
import type { RetryPolicy } from '../resilience/RetryPolicy';
import { systemTimer, type Timer } from '../resilience/Timer';
import { SecretlintScanner } from '../security/SecretlintScanner';
import { RequestPrivacy } from './RequestPrivacy';
import { RequestSizer, requestBytes, SMALLEST_WINDOW_BYTES, windowLimits } from './RequestSize';
import { AnswerCache } from './AnswerCache';
import { cachedChunks, ChunkTranslator } from './ChunkTranslator';
import { ModelAvailability } from './ModelAvailability';
import { ResilientProvider, type ResilienceContext } from './ResilientProvider';
import type { CircuitInfo, IRoutingService, RoutingLearningStatus, RoutingServiceDeps, SpendSummary } from './RoutingServiceContract';
import { RoutingState } from './RoutingState';
import { RoutingLearning } from './complexity/RoutingLearning';
import { StickyModels } from './StickyModels';
import { recordAudit } from '../audit/recordAudit';
import { budgetNotice } from './budgetNotice';
import { whyCloudNotice } from './whyCloudNotice';
import { modeNote, placementOf, toHybridRequest } from './toHybridRequest';
import { MetricsCollector } from '../observability/MetricsCollector';
import { TaskMeter } from './TaskMeter';
import { RequestHistory } from '../observability/RequestHistory';
import type { CallSample } from './perf/PerformanceTracker';
import { budgetOptions } from './budgetOptions';
import { buildResilience } from './buildResilience';
import { buildRoutingParts, type RoutingParts } from './buildRoutingParts';
import { explainNoModel } from './explainNoModel';

const PLACEMENTS: readonly Placement[] = ['auto', 'local', 'cloud'];

/**
 * The Responder behind both chat front ends: hybrid local/cloud routing (complexity tiers, the
 * local share, quality escalation, privacy, budget) over providers wrapped in the single resilience
 * layer (retry before the first token, stream deadlines, circuit breakers), with a response cache
 * in front and performance/budget state persisted. Failures are thrown as JarvisErrors.
 */
export class RoutingService implements IRoutingService {
  private readonly recorded = new Emitter<void>();
  readonly onDidRecord: Event<void> = this.recorded.event;
  private readonly registry: ProviderRegistry;
  private readonly availability: ModelAvailability;
  private readonly state: RoutingState;
  private readonly cache: AnswerCache;
  private readonly learning: RoutingLearning;
  private readonly timer: Timer;
  private readonly providers: LlmProvider[];
  private breakers: CircuitBreakers;
  private retry: RetryPolicy;
  /** The settings the current objects were built from. */
  private applied: JarvisSettings;
  private parts: RoutingParts | undefined;
  private readonly subscriptions: IDisposable[] = [];
  private overrideNext = false;
  private gate: QualityGate | undefined;
  private readonly sticky: StickyModels;
  private readonly privacy: RequestPrivacy;
  private readonly sizer: RequestSizer | undefined;
  /** Prometheus metrics of every request and model call (its own registry; see MetricsCollector). */
  readonly metrics: MetricsCollector;
  /** The recent requests (dashboard, alert rules, status bar); in memory only. */
  readonly history: RequestHistory;

  constructor(private readonly deps: RoutingServiceDeps) {
    this.timer = deps.timer ?? systemTimer;
    const { clock, logger } = deps;
    const s = deps.settings();
    this.registry = new ProviderRegistry({
      settings: deps.settings,
      keys: deps.keys,
      extraModels: deps.extraModels,
      ollama: deps.ollama,
      clock,
      logger,
      sdkMaxRetries: deps.sdkMaxRetries,
    });
    this.applied = s;
    const resilience = buildResilience(s.resilience, this.resilienceDeps());
    this.breakers = resilience.breakers;
    this.retry = resilience.retry;
    this.sticky = new StickyModels(clock);
    this.privacy = new RequestPrivacy({ logger, audit: deps.audit, trusted: deps.workspaceTrusted });
    this.sizer = deps.countTokens && new RequestSizer({ count: deps.countTokens, logger });
    this.availability = new ModelAvailability({
      settings: deps.settings,
      ollamaModels: deps.ollamaModels,
      ollamaDetails: deps.ollamaDetails,
      registry: this.registry,
      breakers: () => this.breakers,
      clock,
      timer: this.timer,
      logger,
    });
    this.state = new RoutingState({ store: deps.store, clock, timer: this.timer, logger }, budgetOptions(s));
    this.cache = new AnswerCache({ settings: s.cache, clock, timer: this.timer, logger });
    this.learning = new RoutingLearning({ settings: deps.settings, complexityModel: deps.complexityModel, workspaceStore: deps.workspaceStore, clock, logger });
    const context = (): ResilienceContext => this.resilienceContext();
    this.providers = this.registry.all().map((p) => new ResilientProvider(p, context));
    this.history = new RequestHistory(clock);
    this.metrics = new MetricsCollector({
      localShare: () => this.spend().localShare,
      circuits: () => this.circuits(),
      budget: () => {
        const b = this.spend();
        return { dayUsd: b.todayUsd, monthUsd: b.monthUsd, dailyCapUsd: b.dailyBudgetUsd, monthlyCapUsd: b.monthlyBudgetUsd };
      },
    });
    this.subscriptions.push(this.registry.onDidChangeModels(() => (this.parts = undefined)));
    if (deps.onDidChangeSettings) this.subscriptions.push(deps.onDidChangeSettings((next) => this.applySettings(next)));
  }

  async *respond(request: PreparedRequest): AsyncGenerator<ChatChunk> {
    const started = this.deps.clock.monotonic();
    const settings = this.deps.settings();
    // The first request loads the secret detector while the model lists are read, not after.
    SecretlintScanner.warm();
    await this.availability.prepare();
    const tools = request.agent?.tools ?? [];
    // Tool support and context windows come from Ollama's /api/show, asked only when they can matter.
    if (tools.length || (this.sizer && requestBytes(request.messages, tools) > SMALLEST_WINDOW_BYTES)) await this.availability.prepareDetails();
    const parts = this.currentParts(settings);
    const mode = placementOf(request.command);
    const hybridRequest = this.hybridRequest(request, settings, mode);
    this.learning.noteRequest(request.prompt, request.command);
    // An agent conversation is pinned to the model it was first routed to (the strategy decides
    // when a step escalates past the pin).
    const stickyKey = request.agent?.conversationKey;
    const pin = stickyKey === undefined ? undefined : this.sticky.get(stickyKey);
    if (pin && hybridRequest.agent && !hybridRequest.only) hybridRequest.agent.first = pin.candidate;
    // jarvis.privacy.mode may redact the request: from here on `routed` is what models see.
    const privacy = await this.privacy.prepare(parts, hybridRequest, settings);
    const routed = privacy.request;
    routed.inputTokens = await this.sizer?.measure(
      routed.messages ?? [],
      tools,
      windowLimits(Object.values(parts.routes).flat(), this.availability.inputLimit),
    );
    if (privacy.notice) yield { type: 'notice', level: 'info', message: privacy.notice };
    // Decided once: the cache key needs the tier, and the same decision is what execute() runs.
    const decision = this.privacy.settle(privacy, parts.hybrid.decide(routed));
    const tier = tierName(decision.complexity.level);
    const shareable = !decision.privacy.localOnly;
    // A named model is the whole route: its answers are cached apart from routed ones.
    const route = hybridRequest.only ? `only ${candidateKey(hybridRequest.only)}` : parts.routes[tier].map(candidateKey).join(',');
    const keyFor = (m: Placement) => this.cache.key({ route: `${m}:${tier}:${route}`, messages: request.messages, parameters: { mode: m, tier } });
    const key = keyFor(mode);
    // An agent's answers depend on tool results the cache key does not see, and a replayed tool call
    // would reuse a call id: agents are never answered from the cache.
    const ticket = request.agent ? ({ kind: 'off' } as const) : await this.cache.begin(key, shareable);
    const meter = new TaskMeter({
      history: this.history,
      metrics: this.metrics,
      clock: this.deps.clock,
      logger: this.deps.logger,
      started,
      kind: request.agent ? 'agent' : 'chat',
      mode,
      tier,
      reason: decision.why,
    });
    if (ticket.kind !== 'off') meter.cache(ticket.kind === 'hit');
    if (ticket.kind === 'hit') {
      meter.end(
        'cached',
        ticket.answer.local ? 'local' : 'cloud',
        { model: ticket.answer.model, usage: ticket.answer.usage, cost: { usd: 0 } },
        ticket.answer.provider,
      );
      const note = ticket.joined ? 'answered from cache: shared with an identical request that was already running' : 'answered from cache';
      yield* cachedChunks(ticket.answer, note, Math.round(this.deps.clock.monotonic() - started));
      return;
    }
    // With no cloud model to escalate to, holding a local answer back would only delay it.
    const cloudReachable = Object.values(parts.routes)
      .flat()
      .some((c) => c.provider === 'vscode' || ((c.provider === 'openai' || c.provider === 'anthropic') && this.registry.hasKey(c.provider)));
    const translator = new ChunkTranslator(this.deps.clock, started, modeNote(mode, request), request.answerMode, cloudReachable);
    let settled = false;
    try {
      for await (const chunk of parts.hybrid.execute(routed, decision)) {
        if (chunk.type === 'escalated') meter.escalated(chunk.explanation);
        yield* translator.translate(chunk);
      }
      const done = translator.done();
      const answer = translator.answer();
      if (!done || !answer) throw new JarvisError('invalid-response', 'The router ended without an answer.');
      if (ticket.kind === 'compute') ticket.complete(answer, !done.truncated);
      const result = translator.result;
      if (stickyKey !== undefined && result) this.sticky.set(stickyKey, result.candidate, result.local);
      const recorded = result !== undefined && this.privacy.recordCloudAnswer(privacy, result, settings, routed.budgetOverride === true, meter.requestId);
      if (result) this.privacy.recordCloudJudge(privacy, result, settings, meter.requestId);
      settled = true;
      // Agents get the answer alone; people get a way from the answer to its ledger record.
      if (recorded && !request.agent) yield whyCloudNotice(result, meter.requestId);
      this.learning.noteAnswer(request.prompt, done.local !== false);
      const notice = done.local === false ? budgetNotice(this.spend()) : undefined;
      if (notice) yield notice;
      meter.end('success', done.local === false ? 'cloud' : 'local', done, result?.candidate.provider);
      yield done;
    } catch (e) {
      if (ticket.kind === 'compute') ticket.fail(e);
      settled = true;
      const cancelled = isJarvisError(e, 'cancelled') || request.signal.aborted;
      if (!cancelled && !request.agent && !translator.hasText && isJarvisError(e) && FAILURE_TABLE[e.code].degrade) {
        const stale = await this.cache.peekFirst(PLACEMENTS.filter((m) => m !== mode).map(keyFor), shareable);
        if (stale) {
          this.deps.logger.warn(`every model failed (${e.message}); served an earlier cached answer`);
          yield {
            type: 'notice',
            level: 'warning',
            message: `No model could answer right now (${e.message}) — showing an earlier answer to the same question from the cache.`,
          };
          meter.end('degraded', stale.local ? 'local' : 'cloud', { model: stale.model, usage: stale.usage, cost: { usd: 0 } }, stale.provider);
          yield* cachedChunks(stale, 'answered from cache', Math.round(this.deps.clock.monotonic() - started));
          return;
        }
      }
      meter.failed(e, cancelled);
      throw explainNoModel(e, settings, this.availability.ollamaDown);
    } finally {
      if (!settled && ticket.kind === 'compute') ticket.fail(new JarvisError('cancelled', 'The request was cancelled.'));
      meter.end('cancelled', 'none');
      this.state.changed();
      this.recorded.fire();
    }
  }

  spend(): SpendSummary {
    const s = this.deps.settings();
    const spent = this.state.budget.spent();
    return {
      todayUsd: spent.dayUsd,
      monthUsd: spent.monthUsd,
      dailyBudgetUsd: s.budget.dailyUsd,
      monthlyBudgetUsd: s.budget.monthlyUsd,
      unknownCostCalls: spent.unknownCostCalls,
      localShare: this.parts?.hybrid.localShare() ?? 1,
    };
  }

  circuits(): CircuitInfo[] {
    return this.breakers.states().map(({ key, state }) => ({ key, state }));
  }

  routingLearning(): RoutingLearningStatus {
    return this.learning.status();
  }

  async resetRoutingLearning(): Promise<void> {
    await this.learning.reset();
  }

  allowOverBudgetOnce(): void {
    this.overrideNext = true;
    this.deps.logger.info('The next cloud request may exceed the budget (user override).');
    const { todayUsd, monthUsd, dailyBudgetUsd, monthlyBudgetUsd } = this.spend();
    recordAudit(
      this.deps.audit,
      {
        type: 'budget-override',
        severity: 'warning',
        message: 'the user allowed the next cloud request to exceed the budget',
        data: { todayUsd, monthUsd, dailyBudgetUsd, monthlyBudgetUsd },
      },
      this.deps.logger,
    );
  }

  exportMetrics(format: 'json' | 'csv'): string {
    if (format === 'json') return this.state.tracker.exportJSON();
    if (format === 'csv') return this.state.tracker.exportCSV();
    throw new JarvisError('invalid-input', `Metrics can be exported as "json" or "csv" (got ${JSON.stringify(format)}).`);
  }

  exportPrometheus(): Promise<string> {
    return this.metrics.prometheus();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.registry.dispose();
    this.state.dispose();
    this.cache.dispose();
    this.breakers.dispose();
    this.recorded.dispose();
  }

  private hybridRequest(request: PreparedRequest, settings: JarvisSettings, mode: Placement): HybridRequest {
    const hybrid = toHybridRequest(request, settings, mode);
    if (this.overrideNext && mode !== 'local' && !this.state.budget.check().ok) {
      // The user's one-time override is spent on the first request the budget would have stopped.
      this.overrideNext = false;
      hybrid.budgetOverride = true;
    }
    return hybrid;
  }

  private resilienceContext(): ResilienceContext {
    const r = this.deps.settings().resilience;
    return {
      breakers: this.breakers,
      retry: this.retry,
      firstTokenMs: r.firstTokenTimeoutSeconds * 1000,
      idleMs: r.idleTimeoutSeconds * 1000,
      timer: this.timer,
      onFailure: (provider, _model, error) => {
        if (provider.id === 'ollama' && error.code === 'model-not-found') this.availability.invalidateOllama();
      },
    };
  }

  private resilienceDeps(): Parameters<typeof buildResilience>[1] {
    return { clock: this.deps.clock, logger: this.deps.logger, timer: this.timer, random: this.deps.random };
  }

  /** Rebuilds, on a settings change, exactly what the changed sections feed (state such as open breakers and the local-share window survives unrelated changes). */
  private applySettings(next: JarvisSettings): void {
    const prev = this.applied;
    this.applied = next;
    const changed = (pick: (s: JarvisSettings) => unknown) => !isDeepStrictEqual(pick(prev), pick(next));
    if (changed((s) => [s.resilience.breakerThreshold, s.resilience.breakerCooldownSeconds, s.resilience.maxRetries])) {
      this.breakers.dispose();
      const resilience = buildResilience(next.resilience, this.resilienceDeps());
      this.breakers = resilience.breakers;
      this.retry = resilience.retry;
    }
    if (changed((s) => s.budget)) {
      this.state.reconfigureBudget(budgetOptions(next));
      this.parts = undefined;
    }
    if (changed((s) => [s.routing, s.ollama.model, s.privacy, s.pricing])) this.parts = undefined;
    if (changed((s) => s.cache)) this.cache.reconfigure(next.cache);
  }

  private currentParts(s: JarvisSettings): RoutingParts {
    this.parts ??= buildRoutingParts(s, {
      settings: this.deps.settings,
      vscodeModels: this.registry.vscodeModels(),
      providers: this.providers,
      availability: this.availability,
      state: this.state,
      learning: this.learning,
      gate: this.qualityGate(),
      recordCall: (sample) => this.recordCall(sample),
      clock: this.deps.clock,
      timer: this.timer,
    });
    return this.parts;
  }

  private recordCall(sample: CallSample): void {
    this.state.tracker.record(sample);
    const local = this.providers.find((p) => p.id === sample.provider)?.local ?? false;
    const costUsd = sample.cost && 'usd' in sample.cost ? sample.cost.usd : undefined;
    this.metrics.recordCall({ ...sample, local, costUsd });
    this.state.changed();
    this.recorded.fire();
  }

  private qualityGate(): QualityGate {
    this.gate ??= this.deps.qualityGate ?? defaultQualityGate(this.deps.logger);
    return this.gate;
  }
}
