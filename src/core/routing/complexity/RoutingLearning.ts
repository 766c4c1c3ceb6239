import type { Clock } from '../../../common/Clock';
import type { JarvisSettings } from '../../config/settings';
import { foldText, wordTokens } from '../../ml/hashText';
import type { KeyValueStore, Logger } from '../../ports';
import type { ComplexityAssessor } from './ComplexityAssessor';
import type { RoutingLearningStatus } from '../RoutingServiceContract';
import { analyzeComplexity } from './analyzeComplexity';
import { ComplexityClassifier } from './ComplexityClassifier';
import { ComplexityFeedback } from './ComplexityFeedback';

export interface RoutingLearningDeps {
  settings: () => JarvisSettings;
  /** Reads the model file; without it the rules decide. */
  complexityModel?: () => string;
  /** Workspace-scoped storage; without it nothing is learned. */
  workspaceStore?: KeyValueStore;
  clock: Clock;
  logger: Logger;
}

/** A /cloud this soon after a local answer, about the same thing, is a re-ask of it. */
const REASK_WINDOW_MS = 15 * 60_000;

/**
 * Owns how the routing service judges complexity (learned classifier or rules, per
 * jarvis.routing.classifier) and what it learns from this workspace: it spots /cloud re-asks of a
 * local answer and hears of quality escalations, and feeds both to ComplexityFeedback.
 */
export class RoutingLearning {
  private readonly classifier: ComplexityClassifier | undefined;
  private readonly feedback: ComplexityFeedback | undefined;
  private lastLocal: { prompt: string; at: number } | undefined;

  constructor(private readonly deps: RoutingLearningDeps) {
    this.feedback = deps.workspaceStore ? new ComplexityFeedback({ store: deps.workspaceStore, clock: deps.clock }) : undefined;
    const feedback = this.feedback;
    this.classifier = deps.complexityModel
      ? new ComplexityClassifier({
          loadModel: deps.complexityModel,
          log: (line) => (line.includes('unavailable') ? deps.logger.warn(line) : deps.logger.info(line)),
          lift: { liftFor: (prose) => (feedback && deps.settings().routing.learnFromFeedback ? feedback.liftFor(prose) : { lift: 0 }) },
        })
      : undefined;
  }

  /** The judge HybridStrategy should use under the current settings. */
  assessor(): ComplexityAssessor {
    if (this.classifier && this.deps.settings().routing.classifier === 'learned') return this.classifier;
    return { assess: analyzeComplexity };
  }

  /** Call before routing a request: a /cloud re-ask of the last local answer becomes evidence. */
  noteRequest(prompt: string, command: string | undefined): void {
    const last = this.lastLocal;
    if (command !== 'cloud' || !last || !this.learning()) return;
    if (this.deps.clock.now() - last.at > REASK_WINDOW_MS) return;
    if (prompt.trim() !== '' && overlap(prompt, last.prompt) < 0.5) return;
    this.feedback?.record(last.prompt, 'cloud-reask');
    this.lastLocal = undefined;
    this.deps.logger.info('Routing: /cloud re-ask of a local answer noted for this workspace.');
  }

  /** Call when an answer is done. */
  noteAnswer(prompt: string, local: boolean): void {
    this.lastLocal = local ? { prompt, at: this.deps.clock.now() } : undefined;
  }

  /** A local answer the quality check replaced with a cloud one. */
  noteEscalation(prompt: string): void {
    if (this.learning()) this.feedback?.record(prompt, 'quality-escalation');
  }

  status(): RoutingLearningStatus {
    const s = this.deps.settings().routing;
    let classifier: string;
    if (s.classifier === 'rules') classifier = 'rules (jarvis.routing.classifier is "rules")';
    else if (!this.classifier) classifier = 'rules (no model file configured)';
    else {
      const st = this.classifier.status();
      classifier =
        st.state === 'learned'
          ? `learned classifier (${st.rows} training prompts, ${st.buckets} hashed features) with rule rails`
          : st.state === 'rules'
            ? `rules: the model file could not be used (${st.error})`
            : 'learned classifier with rule rails (loads on the first request)';
    }
    const summary = this.feedback?.summary();
    return {
      classifier,
      learning: !this.feedback ? 'unavailable' : s.learnFromFeedback ? 'on' : 'off',
      cloudReasks: summary?.cloudReasks ?? 0,
      qualityEscalations: summary?.qualityEscalations ?? 0,
      topWords: summary?.topWords ?? [],
    };
  }

  async reset(): Promise<void> {
    await this.feedback?.reset();
    this.lastLocal = undefined;
    this.deps.logger.info('Routing: what was learned in this workspace was reset.');
  }

  private learning(): boolean {
    return this.feedback !== undefined && this.deps.settings().routing.learnFromFeedback;
  }
}

function overlap(a: string, b: string): number {
  const wa = new Set(wordTokens(foldText(a)));
  const wb = new Set(wordTokens(foldText(b)));
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}
