import { errorMessage } from '../../../common/errors';
import { clipText } from '../../ml/HashingFeaturizer';
import { TextClassifier } from '../../ml/TextClassifier';
import { applyRails } from './applyRails';
import { analyzeComplexity, checkComplexityInput, type ComplexityAssessment, type ComplexityInput } from './analyzeComplexity';
import { ASK_WINDOW, FEATURIZER, complexitySignals, numericFeatures, type ComplexitySignals } from './complexityFeatures';
import { ANALYSIS_FILES, ANALYSIS_LINES } from './complexityRails';
import { looksBinary } from './splitPrompt';
import { TaskComplexity, parseComplexity, tierName, type TierName } from './TaskComplexity';
import { decideTier, mediumThreshold, type CalibrationPoint, type TierThresholds } from './tierDecision';

/** What the training script stores next to the weights (see scripts/train-router.mjs). */
export interface ComplexityModelMeta {
  thresholds: TierThresholds;
  /** Local share wanted → P(≥ high) above which a medium request goes to the cloud. */
  calibration: { mix: Record<TierName, number>; points: CalibrationPoint[]; basis?: string };
  analysisLines: number;
  analysisFiles: number;
  trainedOn: { rows: number; sha256: string };
  /** The independently written splits whose rows joined the threshold tuning (never trained on). */
  tunedOn?: Array<{ file: string; rows: number; sha256: string }>;
  validation?: Record<string, unknown>;
}

/** Per-workspace adjustment learned from this user's re-asks (see ComplexityFeedback). */
export interface ComplexityLift {
  liftFor(prose: string): { lift: number; reason?: string };
}

export interface ComplexityClassifierOptions {
  /** Reads the model file's text. Called once, on the first request (the model loads lazily). */
  loadModel: () => string;
  /** One line per event worth knowing (model loaded, model missing or corrupt → rules). */
  log?: (message: string) => void;
  lift?: ComplexityLift;
}

export type ClassifierStatus = { state: 'not-loaded' } | { state: 'learned'; rows: number; buckets: number } | { state: 'rules'; error: string };

// Beyond this many tokens of prompt + code, the request needs a model with a large context window.
const LARGE_CONTEXT_TOKENS = 8000;

/**
 * The learned complexity classifier with its rule rails. Same contract as analyzeComplexity (which it
 * falls back to, rails included, when the model file is missing or corrupt): a level, a confidence and
 * human-readable reasons, plus the class probabilities the hybrid strategy steers medium requests by.
 * Deterministic: no randomness, the same request always gets the same tier.
 */
export class ComplexityClassifier {
  private model: TextClassifier<ComplexityModelMeta> | undefined;
  private failure: string | undefined;

  constructor(private readonly options: ComplexityClassifierOptions) {}

  status(): ClassifierStatus {
    if (this.model) return { state: 'learned', rows: this.model.meta?.trainedOn.rows ?? 0, buckets: this.model.featurizer.options.buckets };
    if (this.failure) return { state: 'rules', error: this.failure };
    return { state: 'not-loaded' };
  }

  /** P(≥ high) above which a medium request goes to the cloud for this local share; undefined on rules. */
  mediumCloudThreshold(localRatio: number): number | undefined {
    const m = this.load();
    return m?.meta ? mediumThreshold(m.meta.calibration.points, localRatio) : undefined;
  }

  assess(input: ComplexityInput, override?: TaskComplexity | string): ComplexityAssessment {
    // Input checks and the override are the rules analyzer's: one contract for both.
    if (override !== undefined) return { ...analyzeComplexity(input, override), source: 'override' };
    checkComplexityInput(input);
    const signals = complexitySignals(input.prompt, input.attachedCode, input.fileCount);
    const contextTokens = Math.ceil((input.prompt.length + (input.attachedCode?.length ?? 0)) / 4);
    const withContext = (a: ComplexityAssessment): ComplexityAssessment => {
      const reasons =
        contextTokens > LARGE_CONTEXT_TOKENS
          ? [...a.reasons, `context: ~${Math.round(contextTokens / 1000)}k tokens, needs a large context window`]
          : a.reasons;
      return { ...a, reasons, contextTokens };
    };

    const words = signals.prose.trim();
    if (words === '' && signals.codeLines === 0)
      return withContext({ level: TaskComplexity.LOW, confidence: 0.3, reasons: ['empty prompt → low (nothing to judge)'], source: 'rules' });
    if (looksBinary(input.prompt))
      return withContext({ level: TaskComplexity.LOW, confidence: 0.3, reasons: ['prompt looks like binary data → low'], source: 'rules' });

    const model = this.load();
    if (!model?.meta) return withContext(this.rails({ ...analyzeComplexity(input), source: 'rules' }, signals, false));

    const meta = model.meta;
    const numeric = numericFeatures(signals, meta.analysisLines, meta.analysisFiles);
    // The model reads the start and end of the rails' folded window, or of the ask scoped in it (all of it for
    // a model file that reads 512), and the featurizer dots its hashed counts with the weights directly (no vector, no sort).
    const read = model.featurizer.options.maxChars;
    const p = read <= ASK_WINDOW ? model.predictFolded(clipText(signals.modelText, read), numeric).proba : model.predict(signals.prose, numeric).proba;
    const { lift, reason: liftReason } = this.options.lift?.liftFor(signals.prose) ?? { lift: 0 };
    const level = decideTier(p, meta.thresholds, lift);
    const probabilities = Array.from(p, (v) => Math.round(v * 1000) / 1000);
    const cloudScore = Math.min(1, p[3] + p[4] + lift);
    const reasons = [`learned: ${tierName(level)} ${p[level - 1].toFixed(2)}`];
    if (!/[\p{L}\p{N}]/u.test(words)) reasons.push('no words to judge (emoji or symbols only)');
    if (lift > 0 && liftReason) reasons.push(liftReason);
    return withContext(
      this.rails({ level, confidence: Math.round(Math.max(...p) * 100) / 100, reasons, source: 'learned', probabilities, cloudScore }, signals, true, p),
    );
  }

  /** The rails, on whichever tier the model (or the rules fallback) chose. */
  private rails(a: ComplexityAssessment, s: ComplexitySignals, learned: boolean, p?: ArrayLike<number>): ComplexityAssessment {
    const t = learned ? this.model?.meta?.thresholds : undefined;
    const railed = applyRails(a.level, s, {
      veto: t?.stakesVeto !== undefined && p ? { pLow: p[0] + p[1], threshold: t.stakesVeto } : undefined,
      guard: t?.guard && p ? { pHigh: p[3] + p[4], pCritical: p[4], ...t.guard } : undefined,
      closeReading: learned,
      analysisLines: (learned && this.model?.meta?.analysisLines) || ANALYSIS_LINES,
      analysisFiles: (learned && this.model?.meta?.analysisFiles) || ANALYSIS_FILES,
    });
    return { ...a, level: parseComplexity(railed.level), reasons: [...a.reasons, ...railed.reasons] };
  }

  private load(): TextClassifier<ComplexityModelMeta> | undefined {
    if (this.model || this.failure) return this.model;
    const log = this.options.log ?? (() => undefined);
    try {
      const clf = TextClassifier.parse<ComplexityModelMeta>(this.options.loadModel());
      const meta = clf.meta;
      const f = clf.featurizer.options;
      if (!meta?.thresholds || !meta.calibration || clf.labels.length !== 5 || f.numeric.join() !== (FEATURIZER.numeric ?? []).join()) {
        throw new Error('the file is a text classifier, but not the complexity model this version expects');
      }
      this.model = clf;
      log(`Complexity model loaded (${meta.trainedOn.rows} training prompts, ${f.buckets} hashed features).`);
    } catch (e) {
      this.failure = errorMessage(e);
      log(`Complexity model unavailable, routing by rules instead: ${this.failure}`);
    }
    return this.model;
  }
}
