import type { Clock } from '../../common/Clock';
import type { JarvisSettings } from '../config/settings';
import { genaiPriceCatalog } from '../llm/pricing/GenaiPriceCatalog';
import { PricingTable } from '../llm/pricing/PricingTable';
import type { LlmProvider } from '../llm/types';
import type { Timer } from '../resilience/Timer';
import { PrivacyGuard } from '../security/PrivacyGuard';
import { buildRoutes } from './buildRoutes';
import type { RoutingLearning } from './complexity/RoutingLearning';
import { HybridStrategy, type QualityValidator } from './HybridStrategy';
import type { ModelAvailability } from './ModelAvailability';
import type { CallSample } from './perf/PerformanceTracker';
import { cheapestCloudJudge } from './cheapestCloudJudge';
import { cloudJudgeContent } from './quality/cloudJudgeContent';
import { gateValidator } from './quality/gateValidator';
import type { QualityGate } from './quality/QualityGate';
import { Router } from './Router';
import type { RoutingState } from './RoutingState';

/** What is rebuilt when the settings (or vscode.lm models) it depends on change. */
export interface RoutingParts {
  router: Router;
  hybrid: HybridStrategy;
  privacy: PrivacyGuard;
  routes: ReturnType<typeof buildRoutes>;
}

export interface RoutingPartsDeps {
  /** Read when a judge is asked (the Ollama model may have changed since the parts were built). */
  settings: () => JarvisSettings;
  vscodeModels: readonly string[];
  /** The resilient providers, one per id. */
  providers: readonly LlmProvider[];
  availability: ModelAvailability;
  state: RoutingState;
  learning: RoutingLearning;
  gate: QualityGate;
  /** Every model call's sample (tracker, metrics, persistence). */
  recordCall: (sample: CallSample) => void;
  clock: Clock;
  timer: Timer;
}

/** The router and hybrid strategy for settings `s`, with the routes, pricing and quality validator they use. */
export function buildRoutingParts(s: JarvisSettings, deps: RoutingPartsDeps): RoutingParts {
  const routes = buildRoutes(s, deps.vscodeModels);
  const pricing = new PricingTable(s.pricing.overrides, undefined, genaiPriceCatalog);
  const router = new Router({
    providers: deps.providers,
    routes,
    availability: deps.availability.check,
    toolSupport: deps.availability.toolSupport,
    inputLimit: deps.availability.inputLimit,
    pricing,
    tracker: { record: deps.recordCall },
    clock: deps.clock,
  });
  const privacy = new PrivacyGuard({ localOnlyGlobs: s.privacy.localOnly });
  const hybrid = new HybridStrategy({
    router,
    localRatio: s.routing.localRatio,
    qualityThreshold: s.routing.qualityThreshold,
    budget: deps.state.budget,
    privacy,
    validate: qualityValidator(s, routes, pricing, privacy, deps),
    complexity: deps.learning.assessor(),
    onEscalated: (prompt) => deps.learning.noteEscalation(prompt),
  });
  return { router, hybrid, privacy, routes };
}

/**
 * The quality gate's rules on every local answer; with `rules+local` / `rules+cloud`, a model judge
 * for the answers the rules are unsure about (local: the Ollama model; cloud: the cheapest cloud
 * model the routes allow).
 */
function qualityValidator(
  s: JarvisSettings,
  routes: RoutingParts['routes'],
  pricing: PricingTable,
  privacy: PrivacyGuard,
  deps: RoutingPartsDeps,
): QualityValidator {
  const provider = (id: string) => deps.providers.find((p) => p.id === id) as LlmProvider | undefined;
  return gateValidator({
    gate: deps.gate,
    mode: s.routing.qualityJudge,
    localJudge: () => {
      const p = provider('ollama');
      return p ? { provider: p, model: deps.settings().ollama.model } : undefined;
    },
    cloudJudge: () => cheapestCloudJudge(routes, pricing, provider),
    cloudContent: (question, answer) => cloudJudgeContent(privacy, deps.settings().privacy.mode, question, answer),
    price: (model, usage) => pricing.costOf(model, usage),
    recordCost: (cost) => deps.state.budget.record(cost),
    clock: deps.clock,
    timer: deps.timer,
  });
}
